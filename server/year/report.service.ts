import { Caller } from '../auth/caller';
import { scopePredicate } from '../auth/scope';
import { badInput, notFound } from '../common/errors';
import { currentYear } from '../common/clock';
import { Db } from '../db/dialect';
import { snake } from '../db/naming';
import { ANCESTOR_COLUMN } from '../org/org-level';
import { OrgUnit } from '../org/org-unit.entity';
import { Congress } from './congress.entity';
import { Target } from './target.entity';
import { InitiativeStatus, RatingLevel, WelfareKind } from './year.enums';
import { yearRefusal } from './year.rules';
import type { CongressService, TargetService } from './year.service';

/**
 * The year report (api-contract.md, "The year report"): the figures a union's year-end report is
 * made of, for a unit's whole subtree inside the caller's scope and one calendar year.
 *
 * Every figure is counted or summed by the database, inside the one scope predicate
 * (auth/scope.ts): a fixed handful of statements whatever the size of the subtree — the unit, one
 * statement of totals, one of groups (welfare by kind, ratings by level, awards by type), the unit's
 * own targets and the congresses held. Rows reach Node only where the report returns them (the
 * targets' rows, the congresses), never to be added up here.
 */

export interface KindTotal {
  kind: WelfareKind;
  count: number;
  amount: number;
  /** records behind the figures */
  records: number;
}

export interface LevelCount {
  level: RatingLevel;
  count: number;
}

export interface AwardTypeCount {
  awardTypeId: number;
  count: number;
}

export interface YearReportData {
  unitId: number;
  year: number;
  members: number;
  undatedMembers: number;
  newMembers: number;
  grassrootsUnions: number;
  targets: { total: number; met: number; rows: Target[] };
  welfare: { count: number; amount: number; byKind: KindTotal[] };
  initiatives: { count: number; recognized: number; applied: number; benefit: number };
  ratings: LevelCount[];
  grassrootsRatings: LevelCount[];
  awards: AwardTypeCount[];
  congresses: Congress[];
}

/** The gap between a printed rate and the computed one, in percentage points (2 decimals); null unless both are known. */
export function rateGap(rate: number | null | undefined, reportedRate: number | null | undefined): number | null {
  if (rate == null || reportedRate == null) return null;
  return Math.round((reportedRate - rate) * 100) / 100;
}

/** The enumerations' order, for groups the database answers in any order. */
const order = <T extends string>(values: Record<string, T>) => {
  const list = Object.values(values);
  return (a: T, b: T) => list.indexOf(a) - list.indexOf(b);
};
const byKind = order(WelfareKind);
const byLevel = order(RatingLevel);

const num = (v: unknown): number => (v == null ? 0 : Number(v));

export class YearReportService {
  constructor(
    private readonly db: Db,
    private readonly targets: TargetService,
    private readonly congresses: CongressService,
  ) {}

  /**
   * The year report of `unitId` for `year`. The unit must lie in the caller's scope: out of scope —
   * and so are the scope unit's ancestors, readable by id for breadcrumbs only — it answers NOT_FOUND,
   * as a figure of an ancestor would otherwise be a figure of the caller's own subtree under the
   * ancestor's name.
   */
  async report(caller: Caller, unitId: number, year: number): Promise<YearReportData> {
    // The years the records themselves take (year.rules.ts): any year a record can be of is reported.
    const why = yearRefusal(year, 'plan', currentYear());
    if (why) throw badInput('year', why);
    const scope = scopePredicate(caller.scope, 'u', { via: 'ancestors' });
    const unit = await this.db.ds.getRepository(OrgUnit).createQueryBuilder('u').where(scope.sql, scope.params).andWhere('u.id = :unitId', { unitId }).getOne();
    if (!unit) throw notFound('OrgUnit', unitId);

    const column = snake(ANCESTOR_COLUMN[unit.level]);
    const params: Record<string, unknown> = { unitId: unit.id, year, start: `${year}-01-01`, end: `${year}-12-31` };
    /** THE scope predicate on a located table, and the unit's subtree. */
    const within = (alias: string) => {
      const p = scopePredicate(caller.scope, alias, { via: 'ancestors' });
      Object.assign(params, p.params);
      return `${p.sql} AND ${alias}.${column} = :unitId`;
    };

    const totalsSql = `
      SELECT mm.members, mm.undated_members, mm.new_members, gu.grassroots_unions,
             tt.targets, tt.met, ww.welfare_count, ww.welfare_amount,
             ii.initiatives, ii.recognized, ii.applied, ii.benefit
      FROM (SELECT
              COALESCE(SUM(CASE WHEN m.joined_at <= :end AND (m.status = 'ACTIVE' OR m.left_at > :end) THEN 1 ELSE 0 END), 0) AS members,
              COALESCE(SUM(CASE WHEN m.joined_at IS NULL AND m.status = 'ACTIVE' THEN 1 ELSE 0 END), 0) AS undated_members,
              COALESCE(SUM(CASE WHEN m.joined_at >= :start AND m.joined_at <= :end THEN 1 ELSE 0 END), 0) AS new_members
            FROM member m WHERE ${within('m')}) mm
      CROSS JOIN (SELECT COUNT(*) AS grassroots_unions FROM org_unit g
            WHERE ${within('g')} AND g.level = 'GRASSROOTS' AND (g.active = 1 OR g.dissolved_at > :end)) gu
      CROSS JOIN (SELECT COUNT(*) AS targets, COALESCE(SUM(CASE WHEN t.actual >= t.planned THEN 1 ELSE 0 END), 0) AS met FROM target t
            WHERE ${within('t')} AND t.unit_id = :unitId AND t.year = :year) tt
      CROSS JOIN (SELECT COALESCE(SUM(w.count), 0) AS welfare_count, COALESCE(SUM(w.amount), 0) AS welfare_amount FROM welfare_record w
            WHERE ${within('w')} AND w.year = :year) ww
      CROSS JOIN (SELECT COUNT(*) AS initiatives,
              COALESCE(SUM(CASE WHEN i.status = '${InitiativeStatus.RECOGNIZED}' THEN 1 ELSE 0 END), 0) AS recognized,
              COALESCE(SUM(CASE WHEN i.status = '${InitiativeStatus.APPLIED}' THEN 1 ELSE 0 END), 0) AS applied,
              COALESCE(SUM(i.benefit), 0) AS benefit
            FROM initiative i WHERE ${within('i')} AND i.year = :year) ii`;

    // A rating of a grassroots union is located at the union itself: its own id in grassroots_union_id, no team.
    const groupsSql = `
      SELECT 'W' AS part, w.kind AS k, COUNT(*) AS records, SUM(w.count) AS n, SUM(w.amount) AS v FROM welfare_record w
        WHERE ${within('w')} AND w.year = :year GROUP BY w.kind
      UNION ALL
      SELECT 'R', r.level, COUNT(*), COUNT(*), NULL FROM annual_rating r
        WHERE ${within('r')} AND r.year = :year GROUP BY r.level
      UNION ALL
      SELECT 'G', r.level, COUNT(*), COUNT(*), NULL FROM annual_rating r
        WHERE ${within('r')} AND r.year = :year AND r.grassroots_union_id = r.unit_id AND r.team_id IS NULL GROUP BY r.level
      UNION ALL
      SELECT 'A', a.award_type_id, COUNT(*), COUNT(*), NULL FROM award a
        WHERE ${within('a')} AND a.year = :year GROUP BY a.award_type_id`;

    const query = (sql: string) => {
      const [text, values] = this.db.ds.driver.escapeQueryWithParameters(sql, params);
      return this.db.ds.query(text, values) as Promise<Record<string, unknown>[]>;
    };
    const [[totals], groups, rows, congresses] = await Promise.all([
      query(totalsSql),
      query(groupsSql),
      this.targets
        .scoped(caller)
        .andWhere(`${this.targets.alias}.unit_id = :unitId AND ${this.targets.alias}.year = :year`, { unitId: unit.id, year })
        .orderBy(`${this.targets.alias}.source`, 'ASC')
        .addOrderBy(`${this.targets.alias}.indicator_id`, 'ASC')
        .getMany(),
      this.congresses
        .scoped(caller)
        .andWhere(`${this.congresses.alias}.${column} = :unitId AND ${this.congresses.alias}.held_on >= :start AND ${this.congresses.alias}.held_on <= :end`, {
          unitId: unit.id,
          start: params.start,
          end: params.end,
        })
        .orderBy(`${this.congresses.alias}.held_on`, 'ASC')
        .addOrderBy(`${this.congresses.alias}.id`, 'ASC')
        .getMany(),
    ]);

    const part = (p: string) => groups.filter((g) => g.part === p);
    const levels = (p: string) => part(p).map((g) => ({ level: g.k as RatingLevel, count: num(g.n) })).sort((a, b) => byLevel(a.level, b.level));
    return {
      unitId: unit.id,
      year,
      members: num(totals.members),
      undatedMembers: num(totals.undated_members),
      newMembers: num(totals.new_members),
      grassrootsUnions: num(totals.grassroots_unions),
      targets: { total: num(totals.targets), met: num(totals.met), rows },
      welfare: {
        count: num(totals.welfare_count),
        amount: num(totals.welfare_amount),
        byKind: part('W')
          .map((g) => ({ kind: g.k as WelfareKind, count: num(g.n), amount: num(g.v), records: num(g.records) }))
          .sort((a, b) => byKind(a.kind, b.kind)),
      },
      initiatives: { count: num(totals.initiatives), recognized: num(totals.recognized), applied: num(totals.applied), benefit: num(totals.benefit) },
      ratings: levels('R'),
      grassrootsRatings: levels('G'),
      awards: part('A')
        .map((g) => ({ awardTypeId: num(g.k), count: num(g.n) }))
        .sort((a, b) => a.awardTypeId - b.awardTypeId),
      congresses,
    };
  }
}
