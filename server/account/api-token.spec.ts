import { apiTokenExpiry, apiTokenHash, isApiTokenShaped, newApiTokenSecret, shouldTouch } from './api-token';
import { LIMITS } from '../common/limits';

describe('personal API token rules', () => {
  it('a secret is 256 random bits behind the prefix, never the same twice, told from a JWT', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a).not.toBe(b);
    expect(isApiTokenShaped(a)).toBe(true);
    expect(isApiTokenShaped('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).toBe(false);
    expect(isApiTokenShaped(a + 'x')).toBe(false);
    expect(apiTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(apiTokenHash(a)).not.toBe(apiTokenHash(b));
  });

  it('expires after the days asked, the default when none, and refuses days out of bounds', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(apiTokenExpiry(30, now).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(apiTokenExpiry(null, now).getTime() - now.getTime()).toBe(LIMITS.apiTokenDefaultDays * 86_400_000);
    for (const d of [0, -3, 1.5, LIMITS.apiTokenMaxDays + 1]) expect(() => apiTokenExpiry(d, now)).toThrow(/expiresInDays/);
  });

  it('writes the last use the first time, then at most once per interval', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(shouldTouch(null, now)).toBe(true);
    expect(shouldTouch(new Date(now.getTime() - LIMITS.apiTokenTouchMs + 1), now)).toBe(false);
    expect(shouldTouch(new Date(now.getTime() - LIMITS.apiTokenTouchMs), now)).toBe(true);
  });
});
