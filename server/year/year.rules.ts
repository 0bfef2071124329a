import { ANCESTOR_COLUMN, UnitLevel } from '../org/org-level';
import { ClusterRole, ElectedPosition, TargetStatus } from './year.enums';

/**
 * The rules of the union's year as small pure functions (domain-year.md names each rule's source;
 * the numbers a regulation sets are data: rule_threshold and its catalogue). Each answers null when
 * the record passes, or why not; the services turn that into the contract's error naming the field.
 */

/** R3.1: actual ÷ planned × 100, rounded to 2 decimals; null while there is no result. */
export function targetRate(planned: number, actual: number | null | undefined): number | null {
  if (actual == null || !(planned > 0)) return null;
  // One division, then the rounding: (actual × 10000 / planned) keeps 2202/1200 at 183.5, not 183.49999….
  return Math.round((actual * 10000) / planned) / 100;
}

/** R3.2: EXCEEDED above the plan, MET at it, NOT_MET below; null while there is no result. */
export function targetStatus(planned: number, actual: number | null | undefined): TargetStatus | null {
  if (actual == null) return null;
  if (actual > planned) return TargetStatus.EXCEEDED;
  if (actual === planned) return TargetStatus.MET;
  return TargetStatus.NOT_MET;
}

/** R6.1: a congress is valid when at least two thirds of those convened attend (Điều lệ, Điều 12). */
export function quorate(convened: number, attended: number, share = 2 / 3): boolean {
  // ⌈2/3 × convened⌉ without floating error: 127 convened need 85.
  return attended >= Math.ceil(Math.round(convened * share * 1e9) / 1e9);
}

/** The rank in a cluster for a year: 1 + the number of entries with a higher score; null without a score. */
export function clusterRank(score: number | null, others: readonly (number | null)[]): number | null {
  if (score == null) return null;
  return 1 + others.filter((s) => s != null && s > score).length;
}

/** A money amount in VND: whole đồng, not negative (reports count đồng; a fraction is a typing slip). */
export function isWholeVnd(v: number): boolean {
  return Number.isFinite(v) && v >= 0 && Number.isInteger(v);
}

// ---- years and dates -------------------------------------------------------------------------

/**
 * The union was founded on 28 July 1929 (seed 000 celebrates its 95th year in 2024): no record of
 * its year can be older. The bound catches typed-in slips such as 202 or 20234.
 */
export const FIRST_YEAR = 1929;

/**
 * How far ahead a record's year may lie, by what the record says:
 * - `done`: what happened (a rating, an initiative, help given): not after this year;
 * - `next`: cluster officers for next year are chosen at this year's year-end review
 *   (1122/BTĐKT-VI: "bầu luân phiên trong dịp tổng kết năm"), so up to next year;
 * - `plan`: plans and terms (targets, movements, congresses) are set for a five-year term ahead.
 */
export type YearKind = 'done' | 'next' | 'plan';
export const YEARS_AHEAD: Record<YearKind, number> = { done: 0, next: 1, plan: 5 };

/** Why `year` is no year of this kind of record, or null. */
export function yearRefusal(year: unknown, kind: YearKind, thisYear: number): string | null {
  const max = thisYear + YEARS_AHEAD[kind];
  if (!Number.isInteger(year) || (year as number) < FIRST_YEAR || (year as number) > max) return `must be a year from ${FIRST_YEAR} to ${max}`;
  return null;
}

/** An end before its start is a typing slip (a movement's period, a term): refused. ISO dates compare as text. */
export function datesInOrder(start: string, end: string | null | undefined): boolean {
  return end == null || end >= start;
}

/** Help given is recorded once given: a welfare record dated after today is refused. */
export function notInFuture(date: string, today: string): boolean {
  return date <= today;
}

/**
 * A dissolved unit still takes the records of the years it lived: its last year's figures are often
 * entered after it was dissolved (the year-end report comes in January). Records of later years
 * are refused. `dissolvedAt` is an ISO date, null while it lives.
 */
export function yearOpenFor(unit: { active: boolean; dissolvedAt: string | null }, year: number): boolean {
  if (unit.active || !unit.dissolvedAt) return true;
  return year <= Number(unit.dissolvedAt.slice(0, 4));
}

// ---- the tree --------------------------------------------------------------------------------

type Located = { id: number; federationId: number | null; unionId: number | null; grassrootsUnionId: number | null; teamId: number | null };

/** Whether a unit or a member lies in the subtree of `root` (itself included): its column of root's level names root. */
export function inSubtree(row: Omit<Located, 'id'>, root: { id: number; level: UnitLevel }): boolean {
  return row[ANCESTOR_COLUMN[root.level]] === root.id;
}

/**
 * A cluster's entries are units strictly below its organiser (the units it groups, never itself):
 * a cluster of grassroots unions formed by a CĐ Viên chức tỉnh, a bloc of sectoral unions formed by
 * a federation (domain-year.md §1).
 */
export function strictlyBelow(unit: Located, organizer: { id: number; level: UnitLevel }): boolean {
  return unit.id !== organizer.id && inSubtree(unit, organizer);
}

// ---- one of a kind ---------------------------------------------------------------------------

/**
 * "One LEADER per cluster and year" and "one CHAIR per congress" are unique keys on a slot column:
 * 1 for the one-of-a-kind role, NULL for every other. Both MariaDB and SQLite let a unique index
 * hold any number of NULLs, so the key binds the leader (or the chair) alone, and two racing writes
 * cannot both succeed: the database refuses the second, whatever the checks before it saw.
 */
export function leaderSlot(role: ClusterRole): 1 | null {
  return role === ClusterRole.LEADER ? 1 : null;
}
export function chairSlot(position: ElectedPosition): 1 | null {
  return position === ElectedPosition.CHAIR ? 1 : null;
}

// ---- initiatives -----------------------------------------------------------------------------

/**
 * The authors whose membership must be checked on a write: the new ones. An author recorded before
 * stays an author after leaving the union or moving to another grassroots union (the initiative was
 * theirs in its year), so saving the initiative again (react-admin sends every field) never fails
 * on them; an author added now must be a member of the initiative unit's subtree.
 */
export function authorsToCheck(recorded: readonly number[], requested: readonly number[]): number[] {
  const had = new Set(recorded);
  return [...new Set(requested)].filter((id) => !had.has(id));
}

// ---- deletions -------------------------------------------------------------------------------

/**
 * A cluster with entries holds years of scores, leaders and the basis of past awards: deleting it
 * would lose them, so it is refused (deactivate it with `active: false` instead). An empty one,
 * entered by mistake, may go.
 */
export function clusterDeleteRefusal(entries: number): string | null {
  return entries > 0 ? `the cluster has ${entries} entr${entries === 1 ? 'y' : 'ies'}: set active to false instead, or delete the entries first` : null;
}

/**
 * A rule reads the threshold in force in the year it judges: the last row of a code is what keeps
 * the rule working, so it is not deleted (record a newer value with its regulation instead).
 */
export function thresholdDeleteRefusal(rowsOfCode: number): string | null {
  return rowsOfCode <= 1 ? 'the rules need a value of this code: record a newer one instead of deleting the last' : null;
}
