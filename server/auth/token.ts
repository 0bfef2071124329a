import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
  /** the account's token version when the token was signed */
  tv: number;
}

export type TokenSecret = string | KeyObject;

const keys = new Map<string, KeyObject>();
/**
 * The HS256 secret as a key object, made once per secret. Given a string, jsonwebtoken 9 first
 * tries `createPublicKey(secret)` on every call, which throws: about 750 µs a request, against
 * about 20 µs with a secret key object.
 */
function keyOf(secret: TokenSecret): KeyObject {
  if (typeof secret !== 'string') return secret;
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signToken(secret: TokenSecret, ttlSeconds: number, userId: number, tokenVersion: number): string {
  return jwt.sign({ tv: tokenVersion }, keyOf(secret), { subject: String(userId), expiresIn: ttlSeconds, algorithm: 'HS256' });
}

/**
 * Tokens whose signature was checked, with their claims and expiry: a session sends the same
 * token with every request, and checking an HMAC and parsing its JSON each time is about 2% of a
 * list request. Keyed by the whole token (a changed byte is another key, checked in full); only
 * valid tokens are kept, each until it expires; a bounded map, emptied when full. Revocation is
 * not the token's business: the account's token version is compared on every request
 * (AccountService.callerAtVersion).
 */
const MAX_VERIFIED = 10_000;
const verified = new Map<string, { claims: TokenClaims; exp: number; key: KeyObject }>();

/** The claims of a valid, unexpired token, or null. */
export function verifyToken(secret: TokenSecret, token: string): TokenClaims | null {
  const key = keyOf(secret);
  const known = verified.get(token);
  // jsonwebtoken's rule: expired from the second of `exp` on
  if (known && known.key === key && Math.floor(Date.now() / 1000) < known.exp) return known.claims;
  if (known) verified.delete(token);
  try {
    const claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') return null;
    const out = { sub: claims.sub, tv: claims.tv };
    if (typeof claims.exp === 'number') {
      if (verified.size >= MAX_VERIFIED) verified.clear();
      verified.set(token, { claims: out, exp: claims.exp, key });
    }
    return out;
  } catch {
    return null;
  }
}
