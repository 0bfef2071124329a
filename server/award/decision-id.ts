import { checkText, idValue } from '../common/input';
import { AWARD_TEXT } from './award.entity';

/** What names a decision: its deciding unit (null: the confederation), its year and its number. */
export interface DecisionKey {
  decidingUnitId: number | null;
  year: number;
  decisionNumber: string;
}

/** The longest id a decision can have: base64url of the key, whose number is at most AWARD_TEXT.decisionNumber characters of up to 4 UTF-8 bytes. */
const MAX_ID = Math.ceil(((16 + 1 + 4 + 1 + AWARD_TEXT.decisionNumber * 4) * 4) / 3);
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const KEY = /^([0-9]*):([0-9]{4}):([^]+)$/;

/**
 * A decision's id: base64url of `<deciding unit id or nothing>:<year>:<number>`. Opaque to clients
 * (a number holds slashes and Vietnamese letters, which a URL or a react-admin route would mangle)
 * yet stable: the same decision always has the same id, and reading it needs no table.
 */
export function decisionId(k: DecisionKey): string {
  return Buffer.from(`${k.decidingUnitId ?? ''}:${k.year}:${k.decisionNumber}`, 'utf8').toString('base64url');
}

/**
 * The key an id names, or null when it names none: parsed strictly, so that exactly the ids
 * `decisionId` makes are read (another spelling of the same bytes, invalid UTF-8, a unit id "007",
 * a year "0999" or a number that no award could hold are no decision).
 */
export function parseDecisionId(id: unknown): DecisionKey | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID || !BASE64URL.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const m = KEY.exec(text);
  if (!m) return null;
  const decidingUnitId = m[1] === '' ? null : idValue(m[1]);
  if (m[1] !== '' && (decidingUnitId === null || String(decidingUnitId) !== m[1])) return null;
  const year = Number(m[2]);
  if (year < 1000) return null;
  const decisionNumber = m[3];
  try {
    checkText('id', decisionNumber, AWARD_TEXT.decisionNumber);
  } catch {
    return null;
  }
  if (decisionNumber.trim() !== decisionNumber) return null;
  const key = { decidingUnitId, year, decisionNumber };
  // One spelling per decision: the bytes must come back to this very id.
  return decisionId(key) === id ? key : null;
}
