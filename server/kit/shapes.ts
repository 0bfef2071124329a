import type { DataSource, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { QueryExpressionMap } from 'typeorm/query-builder/QueryExpressionMap';

/**
 * The SQL of a query builder, built once per shape.
 *
 * TypeORM turns a query builder into SQL on every call (`getQuery`: the select list from the
 * entities' metadata, every property name replaced in the whole text, joins and conditions
 * rendered): about a tenth of the CPU of a list request. The kit asks the same few questions over
 * and over (a chair's member page: the same scope predicate, filters, order and page size, only
 * the parameter values differ), so the text with its `:name` placeholders is kept per shape and
 * only the parameters are bound per request, by the driver's own `escapeQueryWithParameters` (as
 * `getQueryAndParameters` does).
 *
 * A shape is everything `getQuery` reads from the expression map except the parameters: the main
 * entity and alias, the selects, joins and their conditions, the where tree, order, limit and
 * offset, and the options. A query builder that uses anything else (a field of the expression map
 * not at its default: locks, CTEs, sub-queries, relation ids, find options, skip/take, a result
 * cache) is built by TypeORM as before and not remembered, so a builder this module does not know
 * can never read another's SQL.
 */

type Map_ = QueryExpressionMap & Record<string, unknown>;

/** Fields of the expression map that make up the shape key (read below), or that do not change the SQL text. */
const KEYED = new Set([
  'mainAlias', 'aliases', 'selects', 'joinAttributes', 'wheres', 'havings', 'orderBys', 'groupBys', 'limit', 'offset',
  'withDeleted', 'selectDistinct', 'maxExecutionTime', 'comment', 'useIndexHint', 'options', 'disableEscaping',
  'aliasNamePrefixingEnabled', 'extraAppendedAndWhereCondition', 'timeTravel', 'relationLoadStrategy', 'queryType',
  // not read by a SELECT's text
  'dataSource', 'parameters', 'nativeParameters', 'queryEntity', 'callListeners', 'updateEntity', 'locallyGenerated',
]);

/** A fresh expression map per data source: the defaults of the fields outside the key. */
const freshOf = new WeakMap<DataSource, Map_>();
function fresh(ds: DataSource): Map_ {
  let f = freshOf.get(ds);
  if (!f) freshOf.set(ds, (f = new QueryExpressionMap(ds) as Map_));
  return f;
}

/** Whether a value is its default: the same primitive, or an empty array or plain object where the default is one. */
function atDefault(value: unknown, dflt: unknown): boolean {
  if (value === dflt) return true;
  if (Array.isArray(dflt)) return Array.isArray(value) && value.length === 0 && dflt.length === 0;
  if (dflt && typeof dflt === 'object' && value && typeof value === 'object') return Object.keys(value).length === 0 && Object.keys(dflt).length === 0;
  return false;
}

const metaName = (a: { hasMetadata: boolean; metadata?: { name: string; tablePath: string } }) => (a.hasMetadata ? `${a.metadata!.name}@${a.metadata!.tablePath}` : null);

/** The shape of `qb` (null: a builder this module does not cache; TypeORM builds it). */
export function shapeKey(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const em = qb.expressionMap as Map_;
  const main = em.mainAlias;
  if (em.queryType !== 'select' || !main?.hasMetadata || em.subQuery) return null;
  if ((qb as unknown as { findOptions?: object }).findOptions && Object.keys((qb as unknown as { findOptions: object }).findOptions).length) return null;
  const dflt = fresh(qb.connection);
  // every field the builder has (some are set only when used: skip, take, lockMode, cache, …)
  for (const k in em) if (!KEYED.has(k) && !atDefault(em[k], dflt[k])) return null;
  if (em.aliases.some((a) => !a.hasMetadata || a.subQuery)) return null;
  // one string, each part after a separator of its kind (control characters no SQL text of this code holds)
  const P = '\u0001';
  const S = '\u0002';
  let key = `${main.name}${P}${metaName(main)}${S}`;
  for (const a of em.aliases) key += `${a.type}${P}${a.name}${P}${metaName(a)}${P}`;
  key += S;
  for (const sel of em.selects) key += `${sel.selection}${P}${sel.aliasName ?? ''}${P}${sel.virtual ? 1 : 0}${P}`;
  key += S;
  for (const j of em.joinAttributes) {
    if (j.mapToProperty || j.isMappingMany || (typeof j.condition !== 'string' && j.condition !== undefined)) return null;
    key += `${j.direction}${P}${j.alias.name}${P}${metaName(j.alias)}${P}${j.condition ?? ''}${P}`;
  }
  key += S;
  for (const w of em.wheres) key += `${w.type}${P}${typeof w.condition === 'string' ? w.condition : JSON.stringify(w.condition)}${P}`;
  key += S;
  for (const [k, v] of Object.entries(em.orderBys)) key += `${k}${P}${typeof v === 'string' ? v : JSON.stringify(v)}${P}`;
  key += S;
  if (em.havings.length) key += JSON.stringify(em.havings);
  key += S + em.groupBys.join(P) + S + em.options.join(P) + S;
  return (
    key +
    [em.limit, em.offset, em.withDeleted, em.selectDistinct, em.maxExecutionTime, em.comment, em.useIndexHint, em.disableEscaping,
      em.aliasNamePrefixingEnabled, em.extraAppendedAndWhereCondition, em.timeTravel].map((v) => (v === undefined ? '~' : String(v))).join(P)
  );
}

/** Texts by shape; a bounded map (a page number is part of the shape), oldest first out. */
const MAX_SHAPES = 2_000;
const texts = new WeakMap<DataSource, Map<string, string>>();
function remembered(ds: DataSource, key: string | null, build: () => string): string {
  if (key === null) return build();
  let byKey = texts.get(ds);
  if (!byKey) texts.set(ds, (byKey = new Map()));
  let sql = byKey.get(key);
  if (sql === undefined) {
    sql = build();
    if (byKey.size >= MAX_SHAPES) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, sql);
  }
  return sql;
}

/** Runs `sql` on the builder's own query runner (a transaction's), or on one taken from the pool for this query. */
async function run(qb: SelectQueryBuilder<ObjectLiteral>, sql: string): Promise<Record<string, unknown>[]> {
  const [text, params] = qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
  const own = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const runner = own ?? qb.connection.createQueryRunner();
  try {
    return (await runner.query(text, params)) as Record<string, unknown>[];
  } finally {
    if (!own) await runner.release();
  }
}

/** A builder whose result TypeORM would cache or wrap in a transaction of its own: read through TypeORM. */
const plain = (qb: SelectQueryBuilder<ObjectLiteral>) => !qb.connection.queryResultCache && !qb.expressionMap.useTransaction && qb.expressionMap.lockMode === undefined;

/** `qb.getRawMany()`, its SQL built once per shape. */
export function rawRows(qb: SelectQueryBuilder<ObjectLiteral>): Promise<Record<string, unknown>[]> {
  const key = plain(qb) ? shapeKey(qb) : null;
  if (key === null) return qb.getRawMany();
  return run(qb, remembered(qb.connection, key, () => qb.getQuery()));
}

/** `qb.getCount()`, its SQL built once per shape (TypeORM's own count query: the builder without order or page, `COUNT`). */
export async function countRows(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const key = plain(qb) ? shapeKey(qb) : null;
  if (key === null) return qb.getCount();
  const sql = remembered(qb.connection, `count:${key}`, () => {
    const countSql = (qb as unknown as { computeCountExpression(): string }).computeCountExpression();
    return qb.clone().orderBy().groupBy().offset(undefined).limit(undefined).skip(undefined).take(undefined)
      .select(countSql, 'cnt').setOption('disable-global-order').getQuery();
  });
  const rows = await run(qb, sql);
  return rows[0]?.cnt ? parseInt(String(rows[0].cnt), 10) : 0;
}
