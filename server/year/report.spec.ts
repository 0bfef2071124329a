import { rateGap } from './report.service';

describe('the year report', () => {
  it('rateGap: the printed rate minus the computed one, in percentage points; null unless both are known', () => {
    // 112 admitted against a plan of 60 is 186.67%; the article printed 187.6%
    expect(rateGap(186.67, 187.6)).toBe(0.93);
    // 2202/1200 = 183.5% printed 184%; 138/140 = 98.57% printed 99%
    expect(rateGap(183.5, 184)).toBe(0.5);
    expect(rateGap(98.57, 99)).toBe(0.43);
    expect(rateGap(100, 100)).toBe(0);
    expect(rateGap(null, 187.6)).toBeNull();
    expect(rateGap(186.67, null)).toBeNull();
  });
});
