import { Brackets, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { Db } from '../db/dialect';
import { badInput, notFound } from '../common/errors';
import { isoDate, preview } from '../common/input';
import { LIKE_ESCAPE, likeEscape } from '../common/text';
import { ListArgsLike, pageWindow, PER_PAGE_CAP, qWords } from '../common/list';
import { Award } from './award.entity';
import type { AwardService } from './award.service';
import { AwardDecision, AwardDecisionFilter } from './award-decision.types';
import { decisionId, DecisionKey, parseDecisionId } from './decision-id';

/** What a decision list sorts by, and the SQL of each (the group's columns and aggregates). */
const SORTS: Record<string, (a: string) => string> = {
  decidedAt: (a) => `MAX(${a}.decided_at)`,
  year: (a) => `${a}.year`,
  decisionNumber: (a) => `${a}.decision_number`,
  awardCount: () => 'COUNT(*)',
};
const RANGE = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * Commendation decisions: awards grouped by (deciding unit, year, number) in SQL, on the very query
 * of `allAwards` (AwardService.listQuery: the caller's scope and the awards' filters), as the figures
 * count awards. So a decision's `awardCount` is `_allAwardsMeta` of the same decision for the same
 * caller, a chair sees the decisions that name someone of its subtree (counting those only), and a
 * decision without an award in scope does not exist for the caller. Analysts read them as they read
 * awards (no personal data; the awards themselves are listed to them, so counts hide nothing).
 */
export class AwardDecisionService {
  constructor(
    private readonly db: Db,
    private readonly awards: AwardService,
  ) {}

  /** The award rows of the filter (scope, year, deciding unit, number words, ids), before grouping; the date range as HAVING. */
  private grouped(caller: Caller, filter: AwardDecisionFilter | null | undefined): SelectQueryBuilder<Award> {
    const f = filter ?? {};
    const a = this.awards.alias;
    // The group's own columns filter its rows (every row of a decision has them); the awards' grammar checks them.
    const rowFilter = Object.fromEntries(
      (['year', 'year_lt', 'year_lte', 'year_gt', 'year_gte', 'decidingUnitId'] as const).filter((k) => f[k] != null).map((k) => [k, f[k]]),
    );
    const qb = this.awards.listQuery(caller, rowFilter);
    if (f.ids != null) {
      if (f.ids.length > PER_PAGE_CAP) throw badInput('ids', `at most ${PER_PAGE_CAP} values per request`);
      // An id that names no decision matches nothing, as its single read is NOT_FOUND: decision ids are
      // opaque, so a stale or foreign one (a react-admin reference) is not the client's syntax error.
      const keys = f.ids.map(parseDecisionId).filter((k): k is DecisionKey => k !== null);
      if (keys.length === 0) qb.andWhere('1=0');
      else qb.andWhere(new Brackets((w) => keys.forEach((k, i) => w.orWhere(new Brackets((one) => this.matchKey(one, a, k, `id${i}`))))));
    }
    if (f.q != null) {
      // Decision numbers are codes (12/QĐ-LDLD-TH): the only Vietnamese letter they hold is Đ, so folding
      // it and the case in SQL matches the words of q (already folded) on MySQL and SQLite alike. The
      // awards' search key would also match the recipients' names.
      qWords(f.q).forEach((word, i) =>
        qb.andWhere(`LOWER(REPLACE(REPLACE(${a}.decision_number, 'Đ', 'D'), 'đ', 'd')) LIKE :dq${i} ${LIKE_ESCAPE}`, { [`dq${i}`]: `%${likeEscape(word)}%` }),
      );
    }
    qb.select(`${a}.deciding_unit_id`, 'decidingUnitId')
      .addSelect(`${a}.year`, 'year')
      .addSelect(`${a}.decision_number`, 'decisionNumber')
      .addSelect(`MAX(${a}.decided_at)`, 'decidedAt')
      .addSelect('COUNT(*)', 'awardCount')
      .groupBy(`${a}.deciding_unit_id`)
      .addGroupBy(`${a}.year`)
      .addGroupBy(`${a}.decision_number`);
    // A decision's date is the latest of its awards: the range applies to the group, not to each row.
    let n = 0;
    for (const [op, sql] of Object.entries(RANGE)) {
      const v = f[`decidedAt_${op}` as keyof AwardDecisionFilter];
      if (v == null) continue;
      qb.andHaving(`MAX(${a}.decided_at) ${sql} :dd${n}`, { [`dd${n++}`]: isoDate(`decidedAt_${op}`, v) });
    }
    return qb;
  }

  /** The rows of one decision key (the confederation's: no deciding unit). */
  private matchKey(w: WhereExpressionBuilder, a: string, k: DecisionKey, p: string) {
    if (k.decidingUnitId === null) w.andWhere(`${a}.deciding_unit_id IS NULL`);
    else w.andWhere(`${a}.deciding_unit_id = :${p}u`, { [`${p}u`]: k.decidingUnitId });
    w.andWhere(`${a}.year = :${p}y`, { [`${p}y`]: k.year });
    w.andWhere(`${a}.decision_number = :${p}n`, { [`${p}n`]: k.decisionNumber });
  }

  private async rows(qb: SelectQueryBuilder<Award>): Promise<AwardDecision[]> {
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const decidedAt = this.db.ds.getMetadata(Award).findColumnWithPropertyName('decidedAt')!;
    const driver = this.db.ds.driver;
    return raw.map((r) => {
      const key = { decidingUnitId: r.decidingUnitId == null ? null : Number(r.decidingUnitId), year: Number(r.year), decisionNumber: String(r.decisionNumber) };
      // MAX() loses the column's type on MySQL (a Date): the driver converts it as it converts the column.
      return { id: decisionId(key), ...key, decidedAt: String(driver.prepareHydratedValue(r.decidedAt, decidedAt)), awardCount: Number(r.awardCount) };
    });
  }

  async list(caller: Caller, args: ListArgsLike & { filter?: AwardDecisionFilter | null }): Promise<AwardDecision[]> {
    const { skip, take } = pageWindow(args);
    const field = args.sortField ?? 'decidedAt';
    const order = (args.sortOrder ?? 'DESC').toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') throw badInput('sortOrder', 'must be ASC or DESC');
    if (field !== 'id' && !Object.hasOwn(SORTS, field)) throw badInput('sortField', `cannot sort by ${preview(field)}`);
    const qb = this.grouped(caller, args.filter);
    const a = this.awards.alias;
    if (field !== 'id') qb.orderBy(SORTS[field](a), order);
    // then by the key itself, so that pages never overlap
    for (const col of ['deciding_unit_id', 'year', 'decision_number']) qb.addOrderBy(`${a}.${col}`, order);
    qb.offset(skip).limit(take);
    return this.rows(qb);
  }

  /** The number of decisions the list would answer (the groups, counted in SQL). */
  async count(caller: Caller, filter: AwardDecisionFilter | null | undefined): Promise<number> {
    const inner = this.grouped(caller, filter);
    const [sql, params] = inner.getQueryAndParameters();
    const rows: Array<{ n: unknown }> = await this.db.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) decisions`, params);
    return Number(rows[0]?.n ?? 0);
  }

  /** One decision with at least one award in the caller's scope, else NOT_FOUND (a malformed id too: it names no decision). */
  async get(caller: Caller, id: string): Promise<AwardDecision> {
    const key = parseDecisionId(id);
    if (!key) throw notFound('AwardDecision', preview(id));
    const qb = this.grouped(caller, null);
    this.matchKey(qb, this.awards.alias, key, 'k');
    const [row] = await this.rows(qb);
    if (!row) throw notFound('AwardDecision', preview(id));
    return row;
  }
}
