import { ageOn, dayInVietnam } from './clock';

describe('the clock (Asia/Ho_Chi_Minh)', () => {
  it('is already the next day in Vietnam at 17:00 UTC', () => {
    expect(dayInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(dayInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
  it('counts ages in whole years on the day asked', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
  });
});
