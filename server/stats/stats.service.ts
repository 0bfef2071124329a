import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Caller } from '../auth/caller';
import { scopePredicate, unitInScope } from '../auth/scope';
import { seesPersonalData } from '../auth/permissions';
import { Db } from '../db/dialect';
import { Award } from '../award/award.entity';
import { Member } from '../member/member.entity';
import { AwardType } from '../award/award-type.entity';
import { Nomination } from '../award/nomination.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel } from '../org/org-level';
import { badInput, forbidden, notFound } from '../common/errors';
import { LIMITS } from '../common/limits';
import { today } from '../common/clock';
import { snake } from '../db/naming';
import type { MemberService } from '../member/member.service';
import type { AwardService } from '../award/award.service';
import type { NominationService } from '../award/nomination.service';
import { ageBandSql } from './age-band';
import { yearRefusal } from '../year/year.rules';

export enum MemberDimension {
  CHILD_UNIT = 'CHILD_UNIT',
  GENDER = 'GENDER',
  STATUS = 'STATUS',
  AGE_BAND = 'AGE_BAND',
  JOIN_YEAR = 'JOIN_YEAR',
  ETHNICITY = 'ETHNICITY',
}
export enum AwardDimension {
  AWARD_TYPE = 'AWARD_TYPE',
  YEAR = 'YEAR',
  DECIDING_LEVEL = 'DECIDING_LEVEL',
  CHILD_UNIT = 'CHILD_UNIT',
}
export enum NominationDimension {
  STATUS = 'STATUS',
  CURRENT_LEVEL = 'CURRENT_LEVEL',
  CHILD_UNIT = 'CHILD_UNIT',
  AWARD_TYPE = 'AWARD_TYPE',
  YEAR = 'YEAR',
}

/** One group of a figures query: the values of the dimensions asked for (others null) and its count. */
export interface StatRow {
  unitId: number | null;
  gender: string | null;
  status: string | null;
  ageBand: string | null;
  joinYear: number | null;
  ethnicity: string | null;
  awardTypeId: number | null;
  year: number | null;
  decidingLevel: string | null;
  currentLevel: string | null;
  count: number;
}

/** Groups of fewer members than this are never shown to an account that may not read personal data. */
export const SMALL_GROUP = 5;

/**
 * Whether a caller sees small groups: accounts that read personal data see every group; analysts
 * see none counting 1 to 4, so that a figure by age band (from birth dates they cannot read) never
 * points at a handful of people.
 */
export const showsSmallGroups = (caller: Caller): boolean => seesPersonalData(caller.role);

/**
 * The SQL expression naming the child unit (one level down) of `unit` that a row with ancestor
 * columns belongs to. Under a federation a grassroots union without an upper union is its own
 * child; under a grassroots union, members outside any team group under null.
 */
function childExpression(alias: string, unit: OrgUnit | null): string {
  if (!unit) return `${alias}.federation_id`;
  switch (unit.level) {
    case OrgLevel.FEDERATION:
      return `COALESCE(${alias}.union_id, ${alias}.grassroots_union_id)`;
    case OrgLevel.UNION:
      return `${alias}.grassroots_union_id`;
    case OrgLevel.GRASSROOTS:
      return `${alias}.team_id`;
    default:
      return `${alias}.team_id`;
  }
}

type Grouping = Record<string, { sql: string; params?: Record<string, unknown> }>;

/**
 * Filters that pick records one by one. Figures narrowed by them would let a caller who must not
 * see groups of 1 to 4 learn one person's age band or ethnicity by difference (the same large group
 * asked with and without one id), so those callers may not use them in figures.
 */
const PICKING_FILTERS = ['ids', 'nominationId', 'nomineeMemberId', 'cardNumber', 'createdById'] as const;

function refusePicking(caller: Caller, filter: object | null | undefined) {
  if (showsSmallGroups(caller) || !filter) return;
  const f = filter as Record<string, unknown>;
  const used = PICKING_FILTERS.find((k) => f[k] != null);
  if (used) {
    throw forbidden(`filter.${used}: figures cannot be narrowed to chosen records by this role (groups of 1 to 4 would show by difference)`, { field: `filter.${used}` });
  }
}

/**
 * Figures for dashboards and analysts: counts grouped in SQL, on the very query of the list they
 * count (the resource service's `listQuery`: the caller's scope, the list's filters and its
 * personal-data rules), so a figure and the list it summarises can never disagree.
 */
export class StatsService {
  constructor(
    private readonly db: Db,
    private readonly members: MemberService,
    private readonly awards: AwardService,
    private readonly nominations: NominationService,
  ) {}

  /** The unit figures are asked for: in scope (not an ancestor), or null for the caller's whole scope. */
  private async unit(caller: Caller, unitId: number | null): Promise<OrgUnit | null> {
    if (unitId == null) return caller.scopeUnit;
    const unit = await this.db.ds.getRepository(OrgUnit).findOneBy({ id: unitId });
    if (!unit || !unitInScope(caller.scope, unit)) throw notFound('OrgUnit', unitId);
    return unit;
  }

  private inUnit<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, unit: OrgUnit | null) {
    if (unit) qb.andWhere(`${alias}.${snake(ANCESTOR_COLUMN[unit.level as keyof typeof ANCESTOR_COLUMN])} = :statsUnit`, { statsUnit: unit.id });
    return qb;
  }

  /**
   * COUNT(*) grouped by the expressions, small groups left out for callers who may not see them,
   * at most LIMITS.statsRows groups (more is refused, never cut). Groups are named by their
   * aliases in GROUP BY: an expression with parameters (the age bands) could not be repeated there.
   */
  private async grouped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, grouping: Grouping): Promise<StatRow[]> {
    qb.select('COUNT(*)', 'count');
    for (const [name, { sql, params }] of Object.entries(grouping)) {
      qb.addSelect(sql, name);
      qb.addGroupBy(name);
      if (params) qb.setParameters({ ...qb.getParameters(), ...params });
    }
    if (!showsSmallGroups(caller)) qb.having('COUNT(*) >= :smallGroup', { smallGroup: SMALL_GROUP });
    qb.limit(LIMITS.statsRows + 1);
    const raw = await qb.getRawMany<Record<string, unknown>>();
    if (raw.length > LIMITS.statsRows) {
      throw badInput('by', `more than ${LIMITS.statsRows.toLocaleString('en-US')} groups: group by fewer dimensions, or narrow unitId or the filter`);
    }
    const n = (v: unknown) => (v == null ? null : Number(v));
    const s = (v: unknown) => (v == null ? null : String(v));
    return raw.map((r) => ({
      unitId: n(r.unitId),
      gender: s(r.gender),
      status: s(r.status),
      ageBand: s(r.ageBand),
      joinYear: n(r.joinYear),
      ethnicity: s(r.ethnicity),
      awardTypeId: n(r.awardTypeId),
      year: n(r.year),
      decidingLevel: s(r.decidingLevel),
      currentLevel: s(r.currentLevel),
      count: Number(r.count),
    }));
  }

  /** Active members (or all, with activeOnly false) of the list `filter` selects, grouped by `by`. */
  async memberStats(caller: Caller, unitId: number | null, by: MemberDimension[], filter: object | null | undefined, activeOnly: boolean): Promise<StatRow[]> {
    refusePicking(caller, filter);
    const unit = await this.unit(caller, unitId);
    const m = this.members.alias;
    const qb = this.inUnit(this.members.listQuery(caller, filter), m, unit);
    if (activeOnly) qb.andWhere(`${m}.status = 'ACTIVE'`);
    const g: Grouping = {};
    if (by.includes(MemberDimension.CHILD_UNIT)) g.unitId = { sql: childExpression(m, unit) };
    if (by.includes(MemberDimension.GENDER)) g.gender = { sql: `${m}.gender` };
    if (by.includes(MemberDimension.STATUS)) g.status = { sql: `${m}.status` };
    if (by.includes(MemberDimension.AGE_BAND)) g.ageBand = ageBandSql(`${m}.birth_date`, today());
    if (by.includes(MemberDimension.JOIN_YEAR)) g.joinYear = { sql: this.db.yearOf(`${m}.joined_at`) };
    if (by.includes(MemberDimension.ETHNICITY)) g.ethnicity = { sql: `${m}.ethnicity` };
    return this.grouped(qb, caller, g);
  }

  /** Awards of the list `filter` selects (and of `year`, when given), grouped by `by`. */
  async awardStats(caller: Caller, unitId: number | null, by: AwardDimension[], filter: object | null | undefined, year: number | null): Promise<StatRow[]> {
    refusePicking(caller, filter);
    const unit = await this.unit(caller, unitId);
    const a = this.awards.alias;
    const qb = this.inUnit(this.awards.listQuery(caller, filter), a, unit);
    if (year != null) qb.andWhere(`${a}.year = :statsYear`, { statsYear: year });
    const g: Grouping = {};
    if (by.includes(AwardDimension.AWARD_TYPE)) g.awardTypeId = { sql: `${a}.award_type_id` };
    if (by.includes(AwardDimension.YEAR)) g.year = { sql: `${a}.year` };
    if (by.includes(AwardDimension.DECIDING_LEVEL)) {
      // The level that decides an award is its type's (a Bằng khen of the federation, a Giấy khen of the grassroots union).
      qb.innerJoin(AwardType, 'stat_type', `stat_type.id = ${a}.award_type_id`);
      g.decidingLevel = { sql: 'stat_type.deciding_level' };
    }
    if (by.includes(AwardDimension.CHILD_UNIT)) g.unitId = { sql: childExpression(a, unit) };
    return this.grouped(qb, caller, g);
  }

  /** Nominations of the list `filter` selects (awaitingMyReview included), grouped by `by`. */
  async nominationStats(caller: Caller, unitId: number | null, by: NominationDimension[], filter: object | null | undefined): Promise<StatRow[]> {
    refusePicking(caller, filter);
    const unit = await this.unit(caller, unitId);
    const n = this.nominations.alias;
    const qb = this.inUnit(this.nominations.listQuery(caller, filter), n, unit);
    const g: Grouping = {};
    if (by.includes(NominationDimension.STATUS)) g.status = { sql: `${n}.status` };
    if (by.includes(NominationDimension.CURRENT_LEVEL)) g.currentLevel = { sql: `${n}.current_level` };
    if (by.includes(NominationDimension.CHILD_UNIT)) g.unitId = { sql: childExpression(n, unit) };
    if (by.includes(NominationDimension.AWARD_TYPE)) g.awardTypeId = { sql: `${n}.award_type_id` };
    if (by.includes(NominationDimension.YEAR)) g.year = { sql: `${n}.year` };
    return this.grouped(qb, caller, g);
  }

  /** Plain counts of the caller's scope, for the dashboard: every group, whatever the role (they are totals, never by age). */
  private within<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, caller: Caller, unit: OrgUnit | null) {
    const scope = scopePredicate(caller.scope, alias, { via: 'ancestors' });
    qb.where(scope.sql, scope.params);
    return this.inUnit(qb, alias, unit);
  }

  /** Counts for a dashboard: units by level, active members, women, pending nominations, awards decided in a year. */
  async overview(caller: Caller, unitId: number | null, year: number) {
    // The awards of a year the union could have (1929 on, a few ahead): year 0 or 99999 is a slip, said so.
    const refusal = yearRefusal(year, 'plan', Number(today().slice(0, 4)));
    if (refusal) throw badInput('year', refusal);
    const unit = await this.unit(caller, unitId);
    const count = async <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) =>
      (await qb.select(`${column}`, 'key').addSelect('COUNT(*)', 'count').groupBy(column).getRawMany<{ key: string; count: string }>()).map((r) => ({ key: r.key, count: Number(r.count) }));
    const units = await count(this.within(this.db.ds.getRepository(OrgUnit).createQueryBuilder('u'), 'u', caller, unit).andWhere('u.active = 1'), 'u.level');
    const members = await count(this.within(this.db.ds.getRepository(Member).createQueryBuilder('m'), 'm', caller, unit).andWhere("m.status = 'ACTIVE'"), 'm.gender');
    const pending = await this.within(this.db.ds.getRepository(Nomination).createQueryBuilder('n'), 'n', caller, unit).andWhere("n.status = 'PENDING'").getCount();
    const awards = await this.within(this.db.ds.getRepository(Award).createQueryBuilder('w'), 'w', caller, unit).andWhere('w.decided_at >= :from AND w.decided_at < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` }).getCount();
    const byLevel = (l: string) => units.find((u) => u.key === l)?.count ?? 0;
    return {
      unitId: unit?.id ?? null,
      federations: byLevel(OrgLevel.FEDERATION),
      unions: byLevel(OrgLevel.UNION),
      grassrootsUnions: byLevel(OrgLevel.GRASSROOTS),
      teams: byLevel(OrgLevel.TEAM),
      members: members.reduce((s, r) => s + r.count, 0),
      women: members.find((r) => r.key === 'FEMALE')?.count ?? 0,
      pendingNominations: pending,
      awardsThisYear: awards,
      year,
    };
  }
}
