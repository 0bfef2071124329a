import { badInput } from './errors';

/**
 * The rules every value a client sends goes through before it reaches a query: ids, ISO dates
 * and free text. Each check looks at the length first, so that nothing costlier ever runs on an
 * oversized value, and no pattern here has a nested or ambiguous quantifier (each runs in time
 * linear in its input).
 */

/** At most this much of a refused value is echoed back in an error message. */
const ECHO_CHARS = 40;

/** A short, printable preview of a refused value for an error message. */
export function preview(v: unknown): string {
  const s = String(v);
  return s.length > ECHO_CHARS ? `${s.slice(0, ECHO_CHARS)}…` : s;
}

// ---- ids --------------------------------------------------------------------------------------

/** Decimal digits only: `Number()` would also read " 12", "1e3", "0x1f" and "" (as 0), and NaN reaches SQL. */
const ID_TEXT = /^[0-9]{1,16}$/;

/** A row id from an ID argument (a string, or a number from a JSON variable), or null when it cannot be one. */
export function idValue(v: unknown): number | null {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !ID_TEXT.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** An id argument: a row id, or BAD_USER_INPUT naming the argument. */
export function parseId(field: string, v: unknown): number {
  const n = idValue(v);
  if (n === null) throw badInput(field, `"${preview(v)}" is not a valid id`);
  return n;
}

/** An optional id argument: null, undefined and "" mean none (react-admin sends "" for a cleared reference). */
export function optionalId(field: string, v: unknown): number | null {
  return v == null || v === '' ? null : parseId(field, v);
}

// ---- dates ------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written yyyy-mm-dd: "2025-02-30" is not one (Date.parse would read it as 2 March). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10) return false;
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A date argument: the date, or BAD_USER_INPUT naming the argument. */
export function isoDate(field: string, v: unknown): string {
  if (!isIsoDate(v)) throw badInput(field, `"${preview(v)}" is not a real date yyyy-mm-dd`, { rule: 'NOT_A_DATE' });
  return v;
}

/** A date-time filter value: an ISO date, or an ISO date-time whose date part is real. */
export function isoDateTime(field: string, v: unknown): Date {
  const s = typeof v === 'string' && v.length <= 40 ? v : '';
  const d = new Date(s);
  if (!isIsoDate(s.slice(0, 10)) || Number.isNaN(d.getTime())) throw badInput(field, `"${preview(v)}" is not an ISO date-time`);
  return d;
}

// ---- text -------------------------------------------------------------------------------------

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. One character class: linear. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A UTF-16 surrogate without its pair: not text, and MySQL would store it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The rule of every free-text value: at most `max` characters (its column's width; JavaScript
 * counts UTF-16 units, never fewer than the database's characters, so a value that passes fits),
 * no control characters but tab and line breaks, well-formed Unicode. Null and undefined pass.
 */
export function checkText(field: string, v: string | null | undefined, max: number): void {
  if (v == null) return;
  if (v.length > max) throw badInput(field, `at most ${max} characters`, { rule: 'TOO_LONG', max });
  if (CONTROL.test(v)) throw badInput(field, 'must not contain control characters');
  if (LONE_SURROGATE.test(v)) throw badInput(field, 'is not well-formed Unicode text');
}
