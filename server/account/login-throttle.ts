/**
 * Login throttling: after MAX_FAILURES failed logins for one username from one address within
 * WINDOW_MS, further attempts answer RATE_LIMITED until the window passes. In memory: one process.
 */
import { LIMITS } from '../common/limits';

const MAX_FAILURES = LIMITS.loginFailures;
const WINDOW_MS = LIMITS.loginWindowMs;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.max;
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
