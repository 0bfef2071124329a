/**
 * Login throttling, in memory (one process). Two counts of failed logins within the window:
 *
 * - per account and address: after LIMITS.loginFailures failures for one account from one address,
 *   further attempts for it from there answer RATE_LIMITED until the window passes. The key is the
 *   account found (its id), not the text typed, so no spelling of a username gets fresh tries; a
 *   username that names no account is keyed by its canonical spelling.
 * - per address: after LIMITS.loginAddressFailures failures from one address, whatever the
 *   usernames, every login from it answers RATE_LIMITED (one password tried against many accounts).
 *
 * A success clears its account's count but never the address's: otherwise one valid account would
 * reset the address count between guesses at others.
 */
import { LIMITS } from '../common/limits';

/** The throttle's subject: an account found by the typed username, or the canonical spelling of an unknown one. */
export type LoginSubject = { accountId: number } | { unknownName: string };

/** Keys kept at most this long for an unknown username (anything typed is a key; its memory stays bounded). */
const NAME_KEY_CHARS = 128;
/** Past this many keys, expired ones are swept on the next failure. */
const SWEEP_AT = 10_000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max: number = LIMITS.loginFailures,
    private readonly addressMax: number = LIMITS.loginAddressFailures,
    private readonly windowMs: number = LIMITS.loginWindowMs,
  ) {}

  private static subjectKey(subject: LoginSubject, address: string): string {
    const who = 'accountId' in subject ? `account:${subject.accountId}` : `name:${subject.unknownName.slice(0, NAME_KEY_CHARS)}`;
    return `${who}|${address}`;
  }

  private static addressKey(address: string): string {
    return `address:${address}`;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Whether the address has used up its failures (checked before any lookup: it costs nothing). */
  addressBlocked(address: string, now = Date.now()): boolean {
    return this.recent(LoginThrottle.addressKey(address), now).length >= this.addressMax;
  }

  /** Whether this account (or unknown username) has used up its failures from this address. */
  blocked(subject: LoginSubject, address: string, now = Date.now()): boolean {
    return this.addressBlocked(address, now) || this.recent(LoginThrottle.subjectKey(subject, address), now).length >= this.max;
  }

  fail(subject: LoginSubject, address: string, now = Date.now()): void {
    if (this.failures.size > SWEEP_AT) for (const key of [...this.failures.keys()]) this.recent(key, now);
    for (const key of [LoginThrottle.subjectKey(subject, address), LoginThrottle.addressKey(address)]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  succeed(subject: LoginSubject, address: string): void {
    this.failures.delete(LoginThrottle.subjectKey(subject, address));
  }
}
