import { Caller } from '../auth/caller';
import { scopePredicate, unitInScope } from '../auth/scope';
import { Db } from '../db/dialect';
import { Member } from '../member/member.entity';
import { Award } from '../award/award.entity';
import { Nomination } from '../award/nomination.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel } from '../org/org-level';
import { notFound } from '../common/errors';
import { snake } from '../db/naming';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export enum MemberDimension {
  CHILD_UNIT = 'CHILD_UNIT',
  GENDER = 'GENDER',
  STATUS = 'STATUS',
}
export enum AwardDimension {
  AWARD_TYPE = 'AWARD_TYPE',
  YEAR = 'YEAR',
  CHILD_UNIT = 'CHILD_UNIT',
}

export interface StatRow {
  unitId: number | null;
  gender: string | null;
  status: string | null;
  awardTypeId: number | null;
  year: number | null;
  count: number;
}

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

/**
 * Figures for dashboards and analysts: counts grouped in SQL, inside the caller's scope (the same
 * scope predicate as every list), never rows of personal data.
 */
export class StatsService {
  constructor(private readonly db: Db) {}

  /** The unit figures are asked for: in scope (not an ancestor), or null for the caller's whole scope. */
  private async unit(caller: Caller, unitId: number | null): Promise<OrgUnit | null> {
    if (unitId == null) return caller.scopeUnit;
    const unit = await this.db.ds.getRepository(OrgUnit).findOneBy({ id: unitId });
    if (!unit || !unitInScope(caller.scope, unit)) throw notFound('OrgUnit', unitId);
    return unit;
  }

  private within<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, caller: Caller, unit: OrgUnit | null) {
    const scope = scopePredicate(caller.scope, alias, { via: 'ancestors' });
    qb.where(scope.sql, scope.params);
    if (unit) qb.andWhere(`${alias}.${snake(ANCESTOR_COLUMN[unit.level])} = :statsUnit`, { statsUnit: unit.id });
    return qb;
  }

  private async grouped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: Record<string, string>): Promise<StatRow[]> {
    qb.select('COUNT(*)', 'count');
    for (const [name, expr] of Object.entries(columns)) {
      qb.addSelect(expr, name);
      qb.addGroupBy(expr);
    }
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const n = (v: unknown) => (v == null ? null : Number(v));
    return raw.map((r) => ({
      unitId: n(r.unitId),
      gender: (r.gender as string) ?? null,
      status: (r.status as string) ?? null,
      awardTypeId: n(r.awardTypeId),
      year: n(r.year),
      count: Number(r.count),
    }));
  }

  async members(caller: Caller, unitId: number | null, by: MemberDimension[], activeOnly: boolean): Promise<StatRow[]> {
    const unit = await this.unit(caller, unitId);
    const qb = this.within(this.db.ds.getRepository(Member).createQueryBuilder('m'), 'm', caller, unit);
    if (activeOnly) qb.andWhere("m.status = 'ACTIVE'");
    const cols: Record<string, string> = {};
    if (by.includes(MemberDimension.CHILD_UNIT)) cols.unitId = childExpression('m', unit);
    if (by.includes(MemberDimension.GENDER)) cols.gender = 'm.gender';
    if (by.includes(MemberDimension.STATUS)) cols.status = 'm.status';
    return this.grouped(qb, cols);
  }

  async awards(caller: Caller, unitId: number | null, by: AwardDimension[], year: number | null): Promise<StatRow[]> {
    const unit = await this.unit(caller, unitId);
    const qb = this.within(this.db.ds.getRepository(Award).createQueryBuilder('w'), 'w', caller, unit);
    if (year != null) qb.andWhere('w.year = :year', { year });
    const cols: Record<string, string> = {};
    if (by.includes(AwardDimension.AWARD_TYPE)) cols.awardTypeId = 'w.award_type_id';
    if (by.includes(AwardDimension.YEAR)) cols.year = 'w.year';
    if (by.includes(AwardDimension.CHILD_UNIT)) cols.unitId = childExpression('w', unit);
    return this.grouped(qb, cols);
  }

  /** Counts for a dashboard: units by level, active members, women, pending nominations, awards decided in a year. */
  async overview(caller: Caller, unitId: number | null, year: number) {
    const unit = await this.unit(caller, unitId);
    const units = await this.grouped(this.within(this.db.ds.getRepository(OrgUnit).createQueryBuilder('u'), 'u', caller, unit).andWhere('u.active = 1'), { status: 'u.level' });
    const members = await this.members(caller, unit?.id ?? null, [MemberDimension.GENDER], true);
    const pending = await this.within(this.db.ds.getRepository(Nomination).createQueryBuilder('n'), 'n', caller, unit).andWhere("n.status = 'PENDING'").getCount();
    const awards = await this.within(this.db.ds.getRepository(Award).createQueryBuilder('w'), 'w', caller, unit).andWhere('w.decided_at >= :from AND w.decided_at < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` }).getCount();
    const byLevel = (l: string) => units.find((u) => u.status === l)?.count ?? 0;
    return {
      unitId: unit?.id ?? null,
      federations: byLevel(OrgLevel.FEDERATION),
      unions: byLevel(OrgLevel.UNION),
      grassrootsUnions: byLevel(OrgLevel.GRASSROOTS),
      teams: byLevel(OrgLevel.TEAM),
      members: members.reduce((s, r) => s + r.count, 0),
      women: members.find((r) => r.gender === 'FEMALE')?.count ?? 0,
      pendingNominations: pending,
      awardsThisYear: awards,
      year,
    };
  }
}
