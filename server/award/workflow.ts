import { NominationAction, NominationStatus as S } from './nomination.entity';
import { LEVEL_RANK, OrgLevel } from '../org/org-level';

/**
 * The nomination workflow as one declared transition map: for each action, the statuses it may
 * start from and those it may end in. Services consult it before every step (a nomination not in
 * a `from` status answers CONFLICT) and `validateWorkflow` checks it at start.
 */
export type WorkflowAction = Exclude<keyof typeof NominationAction, 'CREATE'>;

export const TRANSITIONS: Record<WorkflowAction, { from: readonly S[]; to: readonly S[] }> = {
  EDIT: { from: [S.DRAFT, S.RETURNED], to: [S.DRAFT, S.RETURNED] },
  SUBMIT: { from: [S.DRAFT, S.RETURNED], to: [S.PENDING] },
  // below the deciding level APPROVE forwards one level up; at the federation, a confederation award is FORWARDED
  APPROVE: { from: [S.PENDING], to: [S.PENDING, S.FORWARDED, S.APPROVED] },
  REJECT: { from: [S.PENDING], to: [S.REJECTED] },
  RETURN: { from: [S.PENDING], to: [S.RETURNED] },
  WITHDRAW: { from: [S.DRAFT, S.PENDING, S.RETURNED], to: [S.WITHDRAWN] },
  CONFEDERATION_APPROVE: { from: [S.FORWARDED], to: [S.APPROVED] },
  CONFEDERATION_REJECT: { from: [S.FORWARDED], to: [S.REJECTED] },
};

export const INITIAL_STATUS = S.DRAFT;
export const FINAL_STATUSES: readonly S[] = [S.APPROVED, S.REJECTED, S.WITHDRAWN];
/** Statuses in which a nomination still counts as open (for the duplicate rule). */
export const OPEN_STATUSES: readonly S[] = [S.DRAFT, S.PENDING, S.RETURNED, S.FORWARDED];

export function canTransition(action: WorkflowAction, from: S, to: S): boolean {
  const t = TRANSITIONS[action];
  return t.from.includes(from) && t.to.includes(to);
}

/**
 * Checks the map at start: every status is reachable from DRAFT, final statuses have no way out,
 * every non-final status has one, and OPEN_STATUSES are exactly the non-final ones.
 */
export function validateWorkflow(transitions = TRANSITIONS): void {
  const all = Object.values(S);
  const reachable = new Set<S>([INITIAL_STATUS]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of Object.values(transitions)) {
      if (!t.from.some((f) => reachable.has(f))) continue;
      for (const to of t.to) if (!reachable.has(to)) (reachable.add(to), (changed = true));
    }
  }
  const problems: string[] = [];
  for (const s of all) if (!reachable.has(s)) problems.push(`${s} is unreachable`);
  for (const [action, t] of Object.entries(transitions)) {
    for (const f of t.from) if (FINAL_STATUSES.includes(f)) problems.push(`${action} leaves the final status ${f}`);
  }
  for (const s of all) {
    if (FINAL_STATUSES.includes(s)) continue;
    if (!Object.values(transitions).some((t) => t.from.includes(s) && t.to.some((to) => to !== s))) problems.push(`${s} has no way out`);
  }
  const nonFinal = all.filter((s) => !FINAL_STATUSES.includes(s));
  if (nonFinal.length !== OPEN_STATUSES.length || nonFinal.some((s) => !OPEN_STATUSES.includes(s))) problems.push('OPEN_STATUSES must be the non-final statuses');
  if (problems.length) throw new Error(`Invalid nomination workflow: ${problems.join('; ')}`);
}

/** The levels a nomination climbs: the nominating unit's own level and its ancestors', then the confederation. */
export function levelChain(nominatingLevel: OrgLevel, hasUnion: boolean): OrgLevel[] {
  const chain: OrgLevel[] = [];
  for (const l of [OrgLevel.TEAM, OrgLevel.GRASSROOTS, OrgLevel.UNION, OrgLevel.FEDERATION, OrgLevel.CONFEDERATION]) {
    if (LEVEL_RANK[l] < LEVEL_RANK[nominatingLevel]) continue;
    // a grassroots union directly under its federation skips UNION
    if (l === OrgLevel.UNION && !hasUnion && nominatingLevel !== OrgLevel.UNION) continue;
    chain.push(l);
  }
  return chain;
}

/** Where a submitted nomination waits first. */
export function firstLevel(chain: OrgLevel[], decidingLevel: OrgLevel): OrgLevel {
  const own = chain[0];
  // A federation's own proposals get a second federation account's review before they leave it.
  if (own === decidingLevel || own === OrgLevel.FEDERATION) return own;
  return chain[1];
}

/** What APPROVE at `current` leads to. */
export function afterApproval(chain: OrgLevel[], current: OrgLevel, decidingLevel: OrgLevel): { status: S; level: OrgLevel | null } {
  if (current === decidingLevel) return { status: S.APPROVED, level: null };
  const next = chain[chain.indexOf(current) + 1];
  if (next === OrgLevel.CONFEDERATION) return { status: S.FORWARDED, level: OrgLevel.CONFEDERATION };
  return { status: S.PENDING, level: next };
}
