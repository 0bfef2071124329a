import { Caller } from './caller';

/**
 * Callers resolved from tokens, kept a few seconds so that a burst of requests (a react-admin
 * page asks for a list, its count and its references at once) costs one account lookup.
 * Every change that could alter a caller (its account edited or deactivated, a unit moved)
 * clears the entries at once in this process; TTL_MS bounds what another process may still serve.
 */
export class CallerCache {
  static readonly TTL_MS = 5000;
  private readonly entries = new Map<number, { caller: Caller; tokenVersion: number; at: number }>();

  get(userId: number, tokenVersion: number, now = Date.now()): Caller | null {
    const e = this.entries.get(userId);
    if (!e) return null;
    if (e.tokenVersion !== tokenVersion || now - e.at > CallerCache.TTL_MS) {
      this.entries.delete(userId);
      return null;
    }
    return e.caller;
  }

  /**
   * The account's caller as resolved less than TTL_MS ago, whatever token it was resolved for: a
   * personal API token carries no token version, and every change to the account clears the entry.
   */
  current(userId: number, now = Date.now()): Caller | null {
    const e = this.entries.get(userId);
    if (!e) return null;
    if (now - e.at > CallerCache.TTL_MS) {
      this.entries.delete(userId);
      return null;
    }
    return e.caller;
  }

  set(caller: Caller, now = Date.now()): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(caller.user.id, { caller, tokenVersion: caller.user.tokenVersion, at: now });
  }

  /** Forgets one account, or everything (a unit moved: scopes' ancestors changed). */
  invalidate(userId?: number): void {
    if (userId === undefined) this.entries.clear();
    else this.entries.delete(userId);
  }
}
