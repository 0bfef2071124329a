import { createHash, randomBytes } from 'node:crypto';
import { badInput } from '../common/errors';
import { LIMITS } from '../common/limits';

/**
 * Personal API tokens: what a script sends instead of a password. The secret is 32 random bytes
 * (256 bits), shown once and stored only as its SHA-256. A fast hash is right here, unlike for
 * passwords: nobody can guess a 256-bit secret, so there is nothing for a slow KDF to slow down,
 * and the hash is what the token is looked up by (a unique index), so every request costs one
 * indexed read and no KDF.
 */

/** Every personal token starts with this, so that a token is told from a JWT (and found by secret scanners). */
export const API_TOKEN_PREFIX = 'cdt_';

/** base64url of 32 bytes: 43 characters. */
const API_TOKEN = /^cdt_[A-Za-z0-9_-]{43}$/;

/** A new secret, e.g. `cdt_q3V…` (47 characters). */
export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a bearer value is shaped as a personal token (anything else is tried as a JWT). */
export const isApiTokenShaped = (bearer: string): boolean => API_TOKEN.test(bearer);

/** What is stored and looked up: the SHA-256 of the whole token, in hex (64 characters). */
export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** When a token made at `now` for `days` days expires; the default and the bounds are LIMITS'. */
export function apiTokenExpiry(days: number | null | undefined, now: Date = new Date()): Date {
  const d = days ?? LIMITS.apiTokenDefaultDays;
  if (!Number.isInteger(d) || d < 1 || d > LIMITS.apiTokenMaxDays) {
    throw badInput('expiresInDays', `between 1 and ${LIMITS.apiTokenMaxDays} days`);
  }
  return new Date(now.getTime() + d * 86_400_000);
}

/**
 * Whether a use at `now` should be written as the token's lastUsedAt: the first use, then at most
 * once per LIMITS.apiTokenTouchMs. A script that sends a thousand requests a minute writes one row.
 */
export function shouldTouch(lastUsedAt: Date | null, now: Date = new Date()): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LIMITS.apiTokenTouchMs;
}
