/**
 * The one clock. "Today" and "this year" are Vietnam's (Asia/Ho_Chi_Minh, UTC+7, no daylight
 * saving): a member admitted at 06:30 in Hà Nội on 1 January joined that day, in that year, even
 * though it is still 31 December in UTC. Everything that means "today" or "this year" asks here.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Vietnam at `at`, as yyyy-mm-dd. */
export function dayInVietnam(at: Date = new Date()): string {
  // en-CA formats as yyyy-mm-dd
  return ISO_DAY.format(at);
}

/** Today in Vietnam, as yyyy-mm-dd. */
export const today = (): string => dayInVietnam();

/** This year in Vietnam. */
export const currentYear = (): number => Number(today().slice(0, 4));

/** Whole years between an ISO birth date and an ISO day (age on that day). */
export function ageOn(birthDate: string, day: string = today()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
