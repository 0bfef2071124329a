import { registerEnumType } from 'type-graphql';
import { ageOn } from '../common/clock';

/** Age bands of the figures, by whole years of age on the day asked (in Vietnam). */
export enum AgeBand {
  UNDER_30 = 'UNDER_30',
  AGE_30_39 = 'AGE_30_39',
  AGE_40_49 = 'AGE_40_49',
  AGE_50_59 = 'AGE_50_59',
  AGE_60_PLUS = 'AGE_60_PLUS',
}
registerEnumType(AgeBand, { name: 'AgeBand', description: 'age in whole years on the day asked, in Vietnam (Asia/Ho_Chi_Minh)' });

/** The lower bound of each band's age, youngest first (UNDER_30 has none). */
const BANDS: [number, AgeBand][] = [
  [60, AgeBand.AGE_60_PLUS],
  [50, AgeBand.AGE_50_59],
  [40, AgeBand.AGE_40_49],
  [30, AgeBand.AGE_30_39],
];

/** The band of an age in whole years. */
export function bandOfAge(age: number): AgeBand {
  for (const [from, band] of BANDS) if (age >= from) return band;
  return AgeBand.UNDER_30;
}

/** The band of a birth date on a day (both yyyy-mm-dd): what the SQL below must agree with. */
export const ageBandOn = (birthDate: string, day: string): AgeBand => bandOfAge(ageOn(birthDate, day));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The last birth date of someone who is `years` old or more on `day`: the same month and day,
 * `years` earlier. Born on that day or before means that age reached (ageOn counts a birthday not
 * yet reached as a year less). On 29 February the date `years` earlier may not exist: 28 February
 * of that year is then the last one (nobody was born on the missing day).
 */
export function bornOnOrBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y - years;
  const dd = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * The age band of `column` (a birth date) as one SQL expression on `day`, with its parameters:
 * comparisons of dates only, so the same expression runs on MySQL/MariaDB and SQLite (where dates
 * are yyyy-mm-dd text). An unknown birth date is in no band (null).
 */
export function ageBandSql(column: string, day: string): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const whens = BANDS.map(([from, band]) => {
    params[`ageFrom${from}`] = bornOnOrBefore(day, from);
    return `WHEN ${column} <= :ageFrom${from} THEN '${band}'`;
  });
  return { sql: `CASE WHEN ${column} IS NULL THEN NULL ${whens.join(' ')} ELSE '${AgeBand.UNDER_30}' END`, params };
}
