import { TargetStatus } from './year.enums';

/**
 * The rules of the union's year as small pure functions (domain-year.md names each rule's source;
 * the numbers a regulation sets are data: rule_threshold and its catalogue).
 */

/** R3.1: actual ÷ planned × 100, rounded to 2 decimals; null while there is no result. */
export function targetRate(planned: number, actual: number | null | undefined): number | null {
  if (actual == null || !(planned > 0)) return null;
  return Math.round((actual / planned) * 100 * 100) / 100;
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

/** A money amount in VND: whole đồng, not negative. */
export function isWholeVnd(v: number): boolean {
  return Number.isFinite(v) && v >= 0 && Number.isInteger(v);
}
