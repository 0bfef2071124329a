import { Role } from '../auth/role';
import { ratingRefusal, writesYearRecordsOf } from '../auth/permissions';
import type { Scope } from '../auth/scope';
import { OrgLevel } from '../org/org-level';
import type { OrgUnit } from '../org/org-unit.entity';
import { ClusterRole, ElectedPosition, TargetStatus } from './year.enums';
import {
  authorsToCheck, chairSlot, clusterDeleteRefusal, clusterRank, datesInOrder, FIRST_YEAR, inSubtree, isWholeVnd, leaderSlot, notInFuture, quorate, strictlyBelow,
  targetRate, targetStatus, thresholdDeleteRefusal, yearOpenFor, yearRefusal,
} from './year.rules';

describe('targets (R3.1, R3.2)', () => {
  it('rate: actual ÷ planned × 100 to 2 decimals, as the seed articles’ figures work out', () => {
    expect(targetRate(1200, 2202)).toBe(183.5); // printed 184%
    expect(targetRate(9, 12)).toBe(133.33); // printed 133%
    expect(targetRate(140, 138)).toBe(98.57); // printed 99%
    expect(targetRate(2_516_100_000, 2_529_554_000)).toBe(100.53); // printed 100,5%
    expect(targetRate(134, 134)).toBe(100);
    expect(targetRate(60, 112)).toBe(186.67); // the article printed 187.6%: kept apart, as reportedRate
    expect(targetRate(3, 0)).toBe(0);
  });
  it('rate: null while there is no result, or no plan to divide by', () => {
    expect(targetRate(100, null)).toBeNull();
    expect(targetRate(100, undefined)).toBeNull();
    expect(targetRate(0, 5)).toBeNull();
  });
  it('status: EXCEEDED above the plan, MET at it, NOT_MET below, null without a result', () => {
    expect(targetStatus(1200, 2202)).toBe(TargetStatus.EXCEEDED);
    expect(targetStatus(134, 134)).toBe(TargetStatus.MET);
    expect(targetStatus(140, 138)).toBe(TargetStatus.NOT_MET);
    expect(targetStatus(140, null)).toBeNull();
  });
});

describe('congress quorum (R6.1)', () => {
  it('at least ⌈2/3 × convened⌉ attend: 102 of 127 is quorate, 84 is not, 85 is the line', () => {
    expect(quorate(127, 102)).toBe(true);
    expect(quorate(127, 85)).toBe(true);
    expect(quorate(127, 84)).toBe(false);
    // exact thirds do not slip on floating point: 2/3 of 3 is 2, of 150 is 100
    expect(quorate(3, 2)).toBe(true);
    expect(quorate(150, 100)).toBe(true);
    expect(quorate(150, 99)).toBe(false);
  });
});

describe('cluster rank', () => {
  it('1 + the scores above; ties share a rank; entries without a score neither rank nor push others down', () => {
    const scores = [92.5, 88, 88, 71, null];
    expect(scores.map((s) => clusterRank(s, scores))).toEqual([1, 2, 2, 4, null]);
    expect(clusterRank(50, [])).toBe(1);
  });
});

describe('money', () => {
  it('whole đồng, not negative', () => {
    expect(isWholeVnd(0)).toBe(true);
    expect(isWholeVnd(13_500_000)).toBe(true);
    expect(isWholeVnd(-1)).toBe(false);
    expect(isWholeVnd(1000.5)).toBe(false);
    expect(isWholeVnd(Number.NaN)).toBe(false);
    expect(isWholeVnd(Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('years and dates', () => {
  it('no year before the union’s founding (1929) and none past what the kind of record allows', () => {
    expect(FIRST_YEAR).toBe(1929);
    expect(yearRefusal(1929, 'done', 2026)).toBeNull();
    expect(yearRefusal(1928, 'plan', 2026)).toMatch(/1929/);
    expect(yearRefusal(2026, 'done', 2026)).toBeNull();
    expect(yearRefusal(2027, 'done', 2026)).not.toBeNull();
    expect(yearRefusal(2027, 'next', 2026)).toBeNull();
    expect(yearRefusal(2028, 'next', 2026)).not.toBeNull();
    expect(yearRefusal(2031, 'plan', 2026)).toBeNull();
    expect(yearRefusal(2032, 'plan', 2026)).not.toBeNull();
    for (const slip of [202, 20234, 2023.5, '2023', null]) expect(yearRefusal(slip, 'plan', 2026)).not.toBeNull();
  });
  it('an end on or after its start; none is fine', () => {
    expect(datesInOrder('2024-05-01', '2024-07-28')).toBe(true);
    expect(datesInOrder('2024-07-28', '2024-07-28')).toBe(true);
    expect(datesInOrder('2024-07-28', '2024-05-01')).toBe(false);
    expect(datesInOrder('2024-07-28', null)).toBe(true);
  });
  it('help is not dated after today', () => {
    expect(notInFuture('2026-11-30', '2026-11-30')).toBe(true);
    expect(notInFuture('2026-12-01', '2026-11-30')).toBe(false);
  });
  it('a dissolved unit takes records up to the year it was dissolved in', () => {
    expect(yearOpenFor({ active: true, dissolvedAt: null }, 2099)).toBe(true);
    const dissolved = { active: false, dissolvedAt: '2024-06-30' };
    expect(yearOpenFor(dissolved, 2023)).toBe(true);
    expect(yearOpenFor(dissolved, 2024)).toBe(true);
    expect(yearOpenFor(dissolved, 2025)).toBe(false);
    // dissolved before dates were kept: nothing to bound by
    expect(yearOpenFor({ active: false, dissolvedAt: null }, 2025)).toBe(true);
  });
});

describe('the tree', () => {
  // F1 ─ U1 ─ G1 ─ T1
  const F1 = { id: 1, level: OrgLevel.FEDERATION, federationId: 1, unionId: null, grassrootsUnionId: null, teamId: null } as const;
  const U1 = { id: 3, level: OrgLevel.UNION, federationId: 1, unionId: 3, grassrootsUnionId: null, teamId: null } as const;
  const G1 = { id: 5, level: OrgLevel.GRASSROOTS, federationId: 1, unionId: 3, grassrootsUnionId: 5, teamId: null } as const;
  const T1 = { id: 9, level: OrgLevel.TEAM, federationId: 1, unionId: 3, grassrootsUnionId: 5, teamId: 9 } as const;
  const G4 = { id: 8, level: OrgLevel.GRASSROOTS, federationId: 2, unionId: 4, grassrootsUnionId: 8, teamId: null } as const;
  const memberOfT1 = { federationId: 1, unionId: 3, grassrootsUnionId: 5, teamId: 9 };

  it('in a subtree: itself and everything below, nothing beside or above', () => {
    expect(inSubtree(memberOfT1, G1)).toBe(true);
    expect(inSubtree(memberOfT1, T1)).toBe(true);
    expect(inSubtree(memberOfT1, G4)).toBe(false);
    expect(inSubtree(G1, G1)).toBe(true);
    expect(inSubtree(U1, G1)).toBe(false);
  });
  it('a cluster enters units strictly below its organiser, never the organiser itself', () => {
    expect(strictlyBelow(U1, F1)).toBe(true);
    expect(strictlyBelow(T1, U1)).toBe(true);
    expect(strictlyBelow(U1, U1)).toBe(false);
    expect(strictlyBelow(G4, U1)).toBe(false);
    expect(strictlyBelow(F1, U1)).toBe(false);
  });
});

describe('one of a kind', () => {
  it('the LEADER and the CHAIR hold slot 1; every other role NULL, which unique keys let repeat', () => {
    expect(leaderSlot(ClusterRole.LEADER)).toBe(1);
    expect([ClusterRole.DEPUTY, ClusterRole.MEMBER].map(leaderSlot)).toEqual([null, null]);
    expect(chairSlot(ElectedPosition.CHAIR)).toBe(1);
    expect(Object.values(ElectedPosition).filter((p) => chairSlot(p) !== null)).toEqual([ElectedPosition.CHAIR]);
  });
});

describe('initiative authors', () => {
  it('only the authors added now are checked; recorded ones stay, even after leaving', () => {
    expect(authorsToCheck([], [4, 5])).toEqual([4, 5]);
    expect(authorsToCheck([4, 5], [5, 4])).toEqual([]);
    expect(authorsToCheck([4, 5], [4, 6, 6])).toEqual([6]);
  });
});

describe('deletions', () => {
  it('a cluster with entries is kept', () => {
    expect(clusterDeleteRefusal(0)).toBeNull();
    expect(clusterDeleteRefusal(1)).toMatch(/1 entry/);
    expect(clusterDeleteRefusal(12)).toMatch(/12 entries.*active/);
  });
  it('the last threshold of a code is kept', () => {
    expect(thresholdDeleteRefusal(1)).not.toBeNull();
    expect(thresholdDeleteRefusal(2)).toBeNull();
  });
});

describe('who writes the year’s records (auth/permissions.ts)', () => {
  const unit = (id: number, level: OrgLevel, path: Partial<OrgUnit>) => ({ id, level, federationId: null, unionId: null, grassrootsUnionId: null, teamId: null, ...path }) as OrgUnit;
  const F1 = unit(1, OrgLevel.FEDERATION, { federationId: 1 });
  const U1 = unit(3, OrgLevel.UNION, { federationId: 1, unionId: 3 });
  const G1 = unit(5, OrgLevel.GRASSROOTS, { federationId: 1, unionId: 3, grassrootsUnionId: 5 });
  const T1 = unit(9, OrgLevel.TEAM, { federationId: 1, unionId: 3, grassrootsUnionId: 5, teamId: 9 });
  const scope = (u: OrgUnit): Scope => ({ kind: 'subtree', level: u.level as Exclude<OrgLevel, OrgLevel.CONFEDERATION>, unitId: u.id, ancestorIds: [] });

  it('own level and below, in scope, with the permission', () => {
    expect(writesYearRecordsOf(Role.GRASSROOTS_CHAIR, scope(G1), G1)).toBe(true);
    expect(writesYearRecordsOf(Role.GRASSROOTS_CHAIR, scope(G1), T1)).toBe(true);
    expect(writesYearRecordsOf(Role.GRASSROOTS_CHAIR, scope(G1), U1)).toBe(false);
    expect(writesYearRecordsOf(Role.FEDERATION_ADMIN, scope(F1), T1)).toBe(true);
    expect(writesYearRecordsOf(Role.ANALYST, scope(F1), G1)).toBe(false);
    expect(writesYearRecordsOf(Role.SYSTEM_ADMIN, { kind: 'all' }, F1)).toBe(true);
  });

  it('ratings: the role of the parent’s level whose scope holds the parent; never the rated unit itself; SYSTEM_ADMIN anywhere', () => {
    // the parent of the rated unit is passed
    expect(ratingRefusal(Role.FEDERATION_ADMIN, scope(F1), F1)).toBeNull(); // rates U1, or G3 directly under F1
    expect(ratingRefusal(Role.UNION_ADMIN, scope(U1), U1)).toBeNull(); // rates G1
    expect(ratingRefusal(Role.GRASSROOTS_CHAIR, scope(G1), G1)).toBeNull(); // rates T1
    expect(ratingRefusal(Role.SYSTEM_ADMIN, { kind: 'all' }, G1)).toBeNull();
    expect(ratingRefusal(Role.FEDERATION_ADMIN, scope(F1), U1)).toMatch(/rated by that level/); // G1, under a union
    expect(ratingRefusal(Role.GRASSROOTS_CHAIR, scope(G1), U1)).toMatch(/level above/); // G1 itself
    expect(ratingRefusal(Role.UNION_ADMIN, scope(U1), F1)).toMatch(/level above/); // U1 itself
    expect(ratingRefusal(Role.ANALYST, scope(F1), F1)).toMatch(/does not rate/);
  });
});
