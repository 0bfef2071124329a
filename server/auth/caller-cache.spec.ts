import { CallerCache } from './caller-cache';
import { Caller } from './caller';

const caller = (id: number, tv = 1) => ({ user: { id, tokenVersion: tv }, role: 'ANALYST', scopeUnit: null, scope: { kind: 'all' } }) as unknown as Caller;

describe('CallerCache', () => {
  it('serves a caller for the same token version within the TTL', () => {
    const c = new CallerCache();
    c.set(caller(1), 1000);
    expect(c.get(1, 1, 1000 + CallerCache.TTL_MS)?.user.id).toBe(1);
    expect(c.get(1, 1, 1001 + CallerCache.TTL_MS)).toBeNull();
  });
  it('never serves another token version', () => {
    const c = new CallerCache();
    c.set(caller(1, 1), 0);
    expect(c.get(1, 2, 0)).toBeNull();
  });
  it('forgets on invalidation, one account or all', () => {
    const c = new CallerCache();
    c.set(caller(1), 0);
    c.set(caller(2), 0);
    c.invalidate(1);
    expect(c.get(1, 1, 0)).toBeNull();
    expect(c.get(2, 1, 0)).not.toBeNull();
    c.invalidate();
    expect(c.get(2, 1, 0)).toBeNull();
  });
  it('serves the current caller of an account to a personal token within the TTL, and forgets it on invalidation', () => {
    const c = new CallerCache();
    c.set(caller(1, 3), 0);
    expect(c.current(1, CallerCache.TTL_MS)?.user.id).toBe(1);
    expect(c.current(1, CallerCache.TTL_MS + 1)).toBeNull();
    c.set(caller(1, 3), 0);
    c.invalidate(1);
    expect(c.current(1, 0)).toBeNull();
  });
});
