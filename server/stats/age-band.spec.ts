import { AgeBand, ageBandOn, bandOfAge, bornOnOrBefore } from './age-band';

/** The band the SQL expression gives: the first cutoff the birth date is on or before (string order is date order for yyyy-mm-dd). */
function sqlBand(birthDate: string, day: string): AgeBand {
  for (const [from, band] of [[60, AgeBand.AGE_60_PLUS], [50, AgeBand.AGE_50_59], [40, AgeBand.AGE_40_49], [30, AgeBand.AGE_30_39]] as const) {
    if (birthDate <= bornOnOrBefore(day, from)) return band;
  }
  return AgeBand.UNDER_30;
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('age bands', () => {
  it('bands whole years of age', () => {
    expect([0, 29, 30, 39, 40, 49, 50, 59, 60, 99].map(bandOfAge)).toEqual([
      'UNDER_30', 'UNDER_30', 'AGE_30_39', 'AGE_30_39', 'AGE_40_49', 'AGE_40_49', 'AGE_50_59', 'AGE_50_59', 'AGE_60_PLUS', 'AGE_60_PLUS',
    ]);
  });

  it('turns 30 on the thirtieth birthday, not the day before', () => {
    expect(ageBandOn('1996-05-12', '2026-05-11')).toBe(AgeBand.UNDER_30);
    expect(ageBandOn('1996-05-12', '2026-05-12')).toBe(AgeBand.AGE_30_39);
  });

  it('on 29 February, the cutoff falls back to 28 February of a year without one', () => {
    expect(bornOnOrBefore('2028-02-29', 30)).toBe('1998-02-28');
    expect(bornOnOrBefore('2028-02-29', 40)).toBe('1988-02-29');
  });

  it('the SQL cutoffs agree with ageOn for every birth date around each birthday, on ordinary days and on 29 February', () => {
    const days = ['2026-03-01', '2026-02-28', '2028-02-29', '2028-03-01', '2026-12-31', '2027-01-01'];
    const disagreements: string[] = [];
    for (const day of days) {
      for (const years of [30, 40, 50, 60]) {
        // Every birth date within ten days either side of the birthday that reaches `years`.
        const anchor = Date.parse(`${bornOnOrBefore(day, years)}T00:00:00Z`);
        for (let k = -10; k <= 10; k++) {
          const birth = iso(anchor + k * 86_400_000);
          if (sqlBand(birth, day) !== ageBandOn(birth, day)) disagreements.push(`${birth} on ${day}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
