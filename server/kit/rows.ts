import type { DataSource, Driver, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { rawRows } from './shapes';

/**
 * Rows of a query builder that selects whole entities of one table, without TypeORM's generic
 * hydration: the same SQL (what `getRawMany` builds and runs, as `getMany` would; built once per
 * shape, kit/shapes.ts), then each raw row mapped onto an instance of the entity class by a plan
 * made once per entity. Values go
 * through the driver's own `prepareHydratedValue` where it converts anything (dates, booleans,
 * JSON, transformers), so the rows are the ones `getMany` returns.
 *
 * TypeORM's transformer is generic (joins, embedded columns, relation ids, listeners, grouping
 * by primary key for joined rows) and about 4% of the CPU of a list request; none of that applies
 * to the kit's one-table reads. A partial select (`alias.property`, as `list` makes for the columns
 * a request asks for) maps the columns it read and leaves the others unset, as `getMany` does. A
 * query builder outside that shape (a join, an aliased select, an entity with embedded columns or
 * load listeners) falls back to `getMany`.
 */

interface Plan {
  /** a new entity, made as TypeORM makes it (its constructor, unless the entity skips it) */
  make: () => Record<string, unknown>;
  /** raw key (`m_full_name`), entity property, and the column when its value needs the driver's conversion */
  columns: { key: string; property: string; convert: ColumnMetadata | null }[];
  /**
   * The row mapper of these columns, compiled once (as mysql2 compiles its row parsers): one
   * property store per column at a fixed key, where a loop over the columns stores at changing
   * keys (V8's megamorphic keyed store, several times slower on every row).
   */
  map: (raw: Record<string, unknown>, driver: Driver) => Record<string, unknown>;
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan | null>>();

/** Text types, which no driver converts on hydration (MysqlDriver, AbstractSqliteDriver); every other value goes through the driver. */
const TEXT_TYPES = new Set<unknown>([String, 'varchar', 'char', 'nvarchar', 'nchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'character varying']);

/** The plan of an entity read under `alias` (null: not a simple entity, TypeORM hydrates it). */
function planFor(ds: DataSource, meta: EntityMetadata, alias: string): Plan | null {
  let byAlias = plans.get(meta);
  if (!byAlias) plans.set(meta, (byAlias = new Map()));
  if (byAlias.has(alias)) return byAlias.get(alias)!;
  let plan: Plan | null = null;
  const simple =
    typeof meta.target === 'function' &&
    !meta.embeddeds.length &&
    !meta.lazyRelations.length &&
    !meta.afterLoadListeners.length &&
    !ds.subscribers.some((s) => typeof s.afterLoad === 'function') &&
    !ds.options.typename &&
    meta.columns.every((c) => !c.isVirtualProperty && !c.embeddedMetadata && !c.relationMetadata);
  if (simple) {
    const make = meta.isAlwaysUsingConstructor ? () => new (meta.target as new () => Record<string, unknown>)() : () => Object.create((meta.target as Function).prototype);
    const columns = meta.columns.map((c) => ({
      key: DriverUtils.buildAlias(ds.driver, undefined, alias, c.databaseName),
      property: c.propertyName,
      convert: c.transformer || !TEXT_TYPES.has(c.type) ? c : null,
    }));
    plan = { make, columns, map: compileMap(make, columns) };
  }
  byAlias.set(alias, plan);
  return plan;
}

function planOf<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Plan | null {
  const em = qb.expressionMap;
  const main = em.mainAlias;
  if (!main?.hasMetadata || em.joinAttributes.length || em.relationIdAttributes.length) return null;
  // `createQueryBuilder(alias)` with its implicit whole-entity select, or columns of it (`alias.property`): the plan skips what is not read
  const prefix = `${main.name}.`;
  const selectsOk = em.selects.every(
    (s) => !s.aliasName && (s.selection === main.name || (s.selection.startsWith(prefix) && !!main.metadata.findColumnWithPropertyName(s.selection.slice(prefix.length)))),
  );
  if (!em.selects.length || !selectsOk) return null;
  return planFor(qb.connection, main.metadata, main.name);
}

/** Whether rows of `entity` read under `alias` map without TypeORM's hydration (a LEFT JOIN of `readJoined` may read them). */
export function leanReadable(ds: DataSource, entity: Function, alias: string): boolean {
  return !!planFor(ds, ds.getMetadata(entity), alias);
}

/** `mapRow` of these columns as one function: keys and properties are written as string literals (JSON), never evaluated. */
function compileMap(make: Plan['make'], columns: Plan['columns']): Plan['map'] {
  const lines = columns.map(
    (c, i) => `v = r[${JSON.stringify(c.key)}]; if (v !== undefined) e[${JSON.stringify(c.property)}] = ${c.convert ? `d.prepareHydratedValue(v, cols[${i}].convert)` : 'v'};`,
  );
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('make', 'cols', `return function mapRow(r, d) {\n  const e = make();\n  let v;\n  ${lines.join('\n  ')}\n  return e;\n};`)(make, columns) as Plan['map'];
}

/** An entity from a raw row: each column's value, through the driver's conversion where it converts anything. */
function mapRow(plan: Plan, r: Record<string, unknown>, driver: Driver): Record<string, unknown> {
  return plan.map(r, driver);
}

/**
 * The entities of `qb` and, for each row, those of its LEFT JOINs (each an alias whose whole
 * entity is selected with `addSelect(alias)`, joined by primary key: null where none matched).
 * `qb` is the main entity's query (`createQueryBuilder(alias)`) with only such joins added.
 */
export async function readJoined<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  joins: { alias: string; entity: Function }[],
): Promise<{ rows: E[]; joined: (Record<string, unknown> | null)[][] }> {
  const em = qb.expressionMap;
  const ds = qb.connection;
  const main = planFor(ds, em.mainAlias!.metadata, em.mainAlias!.name);
  const plans = joins.map((j) => {
    const meta = ds.getMetadata(j.entity);
    return { plan: planFor(ds, meta, j.alias), id: DriverUtils.buildAlias(ds.driver, undefined, j.alias, meta.primaryColumns[0].databaseName) };
  });
  if (!main || plans.some((p) => !p.plan)) throw new Error('readJoined: an entity that TypeORM must hydrate');
  const raw = await rawRows(qb);
  const driver = ds.driver;
  const rows = new Array<E>(raw.length);
  const joined = plans.map(() => new Array<Record<string, unknown> | null>(raw.length));
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    rows[i] = mapRow(main, r, driver) as E;
    for (let j = 0; j < plans.length; j++) joined[j][i] = r[plans[j].id] == null ? null : mapRow(plans[j].plan!, r, driver);
  }
  return { rows, joined };
}

/** The entities of `qb` (see the module comment), in the order the query returns them. */
export async function readRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E[]> {
  const plan = planOf(qb);
  if (!plan) return qb.getMany();
  const raw = await rawRows(qb);
  const driver = qb.connection.driver;
  const out = new Array<E>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = mapRow(plan, raw[i], driver) as E;
  return out;
}

/** The first entity of `qb`, or null (as `getOne`: no LIMIT is added). */
export async function readRow<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E | null> {
  return (await readRows(qb))[0] ?? null;
}

/**
 * The row of `entity` with primary key `id`, read in `em` (a transaction's manager or the data
 * source's): `findOneBy({ id })` through the SQL kept per shape and the lean reader, so a write's
 * checks do not rebuild the same SELECT and hydrate the row through TypeORM on every call.
 */
export function rowById<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, id: number): Promise<E | null> {
  return readRow(em.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id }));
}

/** `rowById` for a row the caller's data guarantees (a foreign key): its absence is a server error. */
export async function existingRow<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, id: number): Promise<E> {
  const row = await rowById(em, entity, id);
  if (!row) throw new Error(`${String((entity as Function).name ?? entity)} ${id} does not exist`);
  return row;
}
