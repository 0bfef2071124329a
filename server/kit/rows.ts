import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * Rows of a query builder that selects whole entities of one table, without TypeORM's generic
 * hydration: the same SQL (`getRawMany` builds and runs exactly what `getMany` would), then each
 * raw row mapped onto an instance of the entity class by a plan made once per entity. Values go
 * through the driver's own `prepareHydratedValue` where it converts anything (dates, booleans,
 * JSON, transformers), so the rows are the ones `getMany` returns.
 *
 * TypeORM's transformer is generic (joins, embedded columns, relation ids, listeners, grouping
 * by primary key for joined rows) and about 4% of the CPU of a list request; none of that applies
 * to the kit's one-table reads. A query builder outside that shape (a join, a partial select, an
 * entity with embedded columns or load listeners) falls back to `getMany`.
 */

interface Plan {
  /** a new entity, made as TypeORM makes it (its constructor, unless the entity skips it) */
  make: () => Record<string, unknown>;
  /** raw key (`m_full_name`), entity property, and the column when its value needs the driver's conversion */
  columns: { key: string; property: string; convert: ColumnMetadata | null }[];
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan | null>>();

/** Text types, which no driver converts on hydration (MysqlDriver, AbstractSqliteDriver); every other value goes through the driver. */
const TEXT_TYPES = new Set<unknown>([String, 'varchar', 'char', 'nvarchar', 'nchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'character varying']);

function planOf<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Plan | null {
  const em = qb.expressionMap;
  const main = em.mainAlias;
  if (!main?.hasMetadata || em.joinAttributes.length || em.relationIdAttributes.length) return null;
  // only `createQueryBuilder(alias)` with its implicit whole-entity select
  if (em.selects.length !== 1 || em.selects[0].selection !== main.name || em.selects[0].aliasName) return null;
  const meta = main.metadata;
  let byAlias = plans.get(meta);
  if (!byAlias) plans.set(meta, (byAlias = new Map()));
  if (byAlias.has(main.name)) return byAlias.get(main.name)!;
  let plan: Plan | null = null;
  const ds = qb.connection;
  const simple =
    typeof meta.target === 'function' &&
    !meta.embeddeds.length &&
    !meta.lazyRelations.length &&
    !meta.afterLoadListeners.length &&
    !ds.subscribers.some((s) => typeof s.afterLoad === 'function') &&
    !ds.options.typename &&
    meta.columns.every((c) => !c.isVirtualProperty && !c.embeddedMetadata && !c.relationMetadata);
  if (simple) {
    plan = {
      make: meta.isAlwaysUsingConstructor ? () => new (meta.target as new () => Record<string, unknown>)() : () => Object.create((meta.target as Function).prototype),
      columns: meta.columns.map((c) => ({
        key: DriverUtils.buildAlias(ds.driver, undefined, main.name, c.databaseName),
        property: c.propertyName,
        convert: c.transformer || !TEXT_TYPES.has(c.type) ? c : null,
      })),
    };
  }
  byAlias.set(main.name, plan);
  return plan;
}

/** The entities of `qb` (see the module comment), in the order the query returns them. */
export async function readRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E[]> {
  const plan = planOf(qb);
  if (!plan) return qb.getMany();
  const raw = await qb.getRawMany<Record<string, unknown>>();
  const driver = qb.connection.driver;
  const out = new Array<E>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const e = plan.make();
    for (const c of plan.columns) {
      const v = r[c.key];
      if (v === undefined) continue;
      e[c.property] = c.convert ? driver.prepareHydratedValue(v, c.convert) : v;
    }
    out[i] = e as E;
  }
  return out;
}

/** The first entity of `qb`, or null (as `getOne`: no LIMIT is added). */
export async function readRow<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E | null> {
  return (await readRows(qb))[0] ?? null;
}
