import { ID } from 'type-graphql';
import { DeepPartial, EntityManager, EntityMetadata, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import { hasPermission, seesPersonalData } from '../auth/permissions';
import { scopePredicate, ScopedTable, SqlPredicate } from '../auth/scope';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { AppError, badInput, conflict, notFound } from '../common/errors';
import { checkText, parseId } from '../common/input';
import { LIMITS } from '../common/limits';
import { applyFilter, applyKeyset, applySortAndPage, Keyset, ListArgsLike, ListSpec } from '../common/list';
import { attachJoined, byKeys, JoinableById, LoaderKey, prefixParams, Req } from './loaders';
import { leanReadable, readJoined, readRow, readRows } from './rows';
import { countRows } from './shapes';
import type { Resource } from './resource';

export interface Row extends ObjectLiteral {
  id: number;
}

/** A to-one edge a list reads in its own query: the property holding the target's id, and the target's service. */
export interface EdgeJoin {
  property: string;
  service: JoinableById;
  /** the target's properties the request's selection reads (kit/crud.ts); null or absent: every column */
  fields?: ReadonlySet<string> | null;
}

/** What a list's request selects (kit/crud.ts): to-one edges to read in the page's query, and the properties its rows need (null: every column). */
export interface ListSelection {
  req: Req;
  edges: readonly EdgeJoin[];
  fields?: ReadonlySet<string> | null;
}

/**
 * The properties to select for `fields` (with the primary key), or null when one of them is not a
 * column of the entity (then the whole row is read).
 */
function columnsOf(meta: EntityMetadata, fields: ReadonlySet<string>): string[] | null {
  const out = new Set<string>(meta.primaryColumns.map((c) => c.propertyName));
  for (const f of fields) {
    const c = meta.findColumnWithPropertyName(f);
    if (!c || c.embeddedMetadata || c.relationMetadata) return null;
    out.add(c.propertyName);
  }
  return [...out];
}

/**
 * The generic scoped service of a resource: list, count, get and the per-request byId loader, all
 * through one query that carries the scope predicate (rows out of scope are never loaded), and
 * create / update / delete each in one transaction with its audit row. A resource's own service
 * extends it with its rules, overriding the hooks (`prepare`, `listFilter`, `auditUnit`, …) or,
 * where its writes are a workflow of their own, the write methods.
 *
 * Reads by reference (`byId`, used by every edge of the schema) ask the same question as the root
 * list: the caller's role needs the resource's read permission, and the row must be in scope.
 * Without the permission an edge reads as null, so no path reaches an object its root field refuses.
 */
export class ResourceService<E extends Row> implements JoinableById<E> {
  readonly alias: string;
  protected readonly audit: AuditService;
  private readonly byIdKey: LoaderKey<number, E | null>;

  constructor(
    readonly resource: Resource<E>,
    protected readonly db: Db,
    /** omitted only by the audit trail itself (AuditService is its own audit) */
    audit?: AuditService,
  ) {
    this.audit = audit ?? (this as unknown as AuditService);
    this.alias = resource.name.charAt(0).toLowerCase();
    this.byIdKey = new LoaderKey(`${resource.name}.byId`);
  }

  protected repo(em?: EntityManager): Repository<E> {
    return (em ?? this.db.ds.manager).getRepository(this.resource.entity);
  }

  protected get spec(): ListSpec {
    return this.resource.spec(this.db.ds);
  }

  /** Whether the caller's role may read this resource at all (root fields and edges alike). */
  canRead(caller: Caller | null | undefined): caller is Caller {
    return !!caller && hasPermission(caller.role, this.resource.permissions.read);
  }

  /** How the scope predicate reaches this table. */
  protected scopedTable(): ScopedTable | null {
    const rule = this.resource.scope;
    if (rule.kind === 'global' || rule.kind === 'owner') return null;
    if (rule.kind === 'located') return { via: 'ancestors' };
    const column = this.db.ds.getMetadata(this.resource.entity).findColumnWithPropertyName(rule.property)!.databaseName;
    return { via: 'unit', column };
  }

  /**
   * THE query of this resource for a caller: its rows in the caller's scope (with the scope unit's
   * ancestors when `withAncestors`, for reads by id where the resource allows it), and the
   * resource's fixed conditions.
   */
  scoped(caller: Caller, em?: EntityManager, withAncestors = false): SelectQueryBuilder<E> {
    const qb = this.repo(em).createQueryBuilder(this.alias);
    const [first, ...rest] = this.conditions(caller, this.alias, withAncestors);
    qb.where(first.sql, first.params);
    for (const c of rest) qb.andWhere(c.sql, c.params);
    return qb;
  }

  /** The conditions of `scoped` on the table under `alias`: the scope (or the owner), then the resource's fixed conditions. */
  private conditions(caller: Caller, alias: string, withAncestors: boolean): SqlPredicate[] {
    const rule = this.resource.scope;
    const table = this.scopedTable();
    const meta = this.db.ds.getMetadata(this.resource.entity);
    const out: SqlPredicate[] = [];
    if (rule.kind === 'owner') {
      out.push({ sql: `${alias}.${meta.findColumnWithPropertyName(rule.property)!.databaseName} = :ownerId`, params: { ownerId: caller.user.id } });
    } else if (table) {
      const ancestors = withAncestors && rule.kind === 'located' && !!rule.ancestorsById;
      out.push(scopePredicate(caller.scope, alias, table, ancestors));
    } else out.push({ sql: '1=1', params: {} });
    for (const [prop, value] of Object.entries(this.resource.where ?? {})) {
      const column = meta.findColumnWithPropertyName(prop)!.databaseName;
      out.push({ sql: `${alias}.${column} = :fixed_${prop}`, params: { [`fixed_${prop}`]: typeof value === 'boolean' ? Number(value) : value } });
    }
    return out;
  }

  /** Analysts read personal fields as null: applied to every row this service returns. */
  present<T extends E | null>(caller: Caller, row: T): T {
    if (row && !seesPersonalData(caller.role)) for (const f of this.resource.personal) (row as ObjectLiteral)[f] = null;
    return row;
  }

  /** The resource's own filters (custom filter fields, default conditions); `rest` is what applyFilter handles. */
  protected listFilter(qb: SelectQueryBuilder<E>, caller: Caller, filter: Record<string, unknown>): Record<string, unknown> {
    void qb;
    void caller;
    return filter;
  }

  /** The list query: scope, the resource's own filters, then the generic filter grammar. */
  listQuery(caller: Caller, filter: object | null | undefined): SelectQueryBuilder<E> {
    const f = (filter ?? {}) as Record<string, unknown>;
    // Lists filtered by ids are reads by id (react-admin's references): breadcrumbs may read ancestors.
    const qb = this.scoped(caller, undefined, f.ids != null);
    const rest = this.listFilter(qb, caller, f);
    applyFilter(qb, this.alias, this.spec, rest, { personalAllowed: seesPersonalData(caller.role) });
    return qb;
  }

  /**
   * One page of the list. `selection` names to-one edges the request selects (kit/crud.ts): each is
   * read in the page's own query by a LEFT JOIN with the condition of the target's `byId`. A row
   * read whole is primed as `byId`'s answer for the request (one query instead of a loader's round
   * trip); one read with only the columns the selection asks for is kept on the page's row, for
   * that edge alone. The page's own rows, too, are read with only the columns the selection needs
   * when it names them (`fields`).
   */
  async list(caller: Caller, args: ListArgsLike, selection?: ListSelection): Promise<E[]> {
    const qb = this.listQuery(caller, args.filter);
    applySortAndPage(qb, this.alias, this.spec, args, { personalAllowed: seesPersonalData(caller.role) });
    const meta = this.db.ds.getMetadata(this.resource.entity);
    // only over the list's own whole-entity select (a resource's filter that selects more keeps whole rows)
    const plainSelect = qb.expressionMap.selects.length === 1 && qb.expressionMap.selects[0].selection === this.alias;
    const own = plainSelect && selection?.fields ? columnsOf(meta, selection.fields) : null;
    if (own) qb.select(own.map((p) => `${this.alias}.${p}`));
    const joins = selection ? this.joinEdges(qb, caller, selection.edges) : [];
    if (!joins.length) return (await readRows(qb)).map((row) => this.present(caller, row));
    const { rows, joined } = await readJoined(qb, joins);
    joins.forEach((j, k) => {
      for (let i = 0; i < rows.length; i++) {
        const id = (rows[i] as ObjectLiteral)[j.property] as number | null;
        if (id == null) continue;
        const target = joined[k][i];
        if (j.partial) attachJoined(rows[i], j.property, target && j.service.present(caller, target));
        else j.service.prime(selection!.req, id, target);
      }
    });
    return rows.map((row) => this.present(caller, row));
  }

  /** Adds the LEFT JOINs of `edges` that the caller may read and whose rows read lean; returns them. */
  private joinEdges(qb: SelectQueryBuilder<E>, caller: Caller, edges: readonly EdgeJoin[]) {
    const meta = this.db.ds.getMetadata(this.resource.entity);
    const out: { alias: string; entity: Function; property: string; service: JoinableById; partial: boolean }[] = [];
    for (const edge of edges) {
      const alias = `j${out.length}_${this.alias}`;
      const on = edge.service.byIdJoin(caller, alias);
      const fk = meta.findColumnWithPropertyName(edge.property);
      if (!on || !fk || !leanReadable(this.db.ds, on.entity, alias)) continue;
      const p = prefixParams(on.sql, on.params, `${alias}_`);
      qb.leftJoin(on.entity, alias, `${alias}.id = ${this.alias}.${fk.databaseName} AND ${p.sql}`, p.params);
      const wanted = edge.fields && new Set([...edge.fields, ...(edge.service.typeColumns ?? [])]);
      const cols = wanted && columnsOf(this.db.ds.getMetadata(on.entity), wanted);
      if (cols) qb.addSelect(cols.map((c) => `${alias}.${c}`));
      else qb.addSelect(alias);
      out.push({ alias, entity: on.entity, property: edge.property, service: edge.service, partial: !!cols });
    }
    return out;
  }

  /**
   * One keyset page of the list (same filters, scope and order as `list`), and where the next one
   * starts (null at the end): long exports walk a whole list this way with flat memory.
   */
  async keysetPage(
    caller: Caller,
    args: { filter?: object | null; sortField?: string | null; sortOrder?: string | null },
    after: Keyset | null,
    take: number,
  ): Promise<{ rows: E[]; next: Keyset | null }> {
    const qb = this.listQuery(caller, args.filter);
    const { column } = applyKeyset(qb, this.alias, this.spec, { field: args.sortField, order: args.sortOrder }, after, take, {
      personalAllowed: seesPersonalData(caller.role),
    });
    const rows = await readRows(qb);
    const property = this.db.ds.getMetadata(this.resource.entity).findColumnWithDatabaseName(column)!.propertyName;
    const last = rows[rows.length - 1] as ObjectLiteral | undefined;
    const next = rows.length === take && last ? { value: last[property] ?? null, id: last.id as number } : null;
    return { rows: rows.map((r) => this.present(caller, r)), next };
  }

  count(caller: Caller, filter: object | null | undefined): Promise<number> {
    return countRows(this.listQuery(caller, filter));
  }

  /** One row in scope (or a readable ancestor, where allowed), else NOT_FOUND. */
  async get(caller: Caller, id: number, em?: EntityManager): Promise<E> {
    const row = await readRow(this.scoped(caller, em, true).andWhere(`${this.alias}.id = :id`, { id }));
    if (!row) throw notFound(this.resource.name, id);
    return this.present(caller, row);
  }

  /** Batched read by id for references and edges: null when the role may not read it or it is out of scope. */
  byId(req: Req, id: number | null | undefined): Promise<E | null> {
    if (id == null || !this.canRead(req.caller)) return Promise.resolve(null);
    return req.loaders.get(this.byIdKey, this.byIdBatch(req.caller)).load(id);
  }

  private byIdBatch(caller: Caller) {
    return async (ids: readonly number[]) =>
      byKeys(ids, (await readRows(this.scoped(caller, undefined, true).andWhere(`${this.alias}.id IN (:...ids)`, { ids }))).map((r) => this.present(caller, r)), (r) => r.id);
  }

  /** `byId`'s condition for a LEFT JOIN (kit/loaders.ts JoinableById): the same scope, with the ancestors, and fixed conditions. */
  byIdJoin(caller: Caller, alias: string): { entity: Function; sql: string; params: Record<string, unknown> } | null {
    if (!this.canRead(caller)) return null;
    const conditions = this.conditions(caller, alias, true);
    return { entity: this.resource.entity, sql: conditions.map((c) => `(${c.sql})`).join(' AND '), params: Object.assign({}, ...conditions.map((c) => c.params)) };
  }

  prime(req: Req, id: number, row: E | null): void {
    req.loaders.prime(this.byIdKey, this.byIdBatch(req.caller), id, row && this.present(req.caller, row));
  }

  /** `byId`, answered at once when the request's list already read the row (`prime`). */
  byIdNow(req: Req, id: number | null | undefined): E | null | Promise<E | null> {
    if (id == null || !this.canRead(req.caller)) return null;
    const known = req.loaders.now(this.byIdKey, id);
    return known !== undefined ? known : this.byId(req, id);
  }

  // ---- writes --------------------------------------------------------------------------------

  /** A row the caller may write: strictly in scope (never a readable ancestor), else NOT_FOUND. */
  protected async writableRow(em: EntityManager, caller: Caller, id: number): Promise<E> {
    const row = await this.scoped(caller, em).andWhere(`${this.alias}.id = :id`, { id }).getOne();
    if (!row) throw notFound(this.resource.name, id);
    return row;
  }

  /**
   * The resource's rules for a write, inside the transaction, before the row is saved: check and
   * complete `row` (its unit in scope, its location, cross-field rules). `before` is null on create.
   */
  protected async prepare(em: EntityManager, caller: Caller, row: E, input: Record<string, unknown>, before: E | null): Promise<void> {
    void em;
    void caller;
    void row;
    void input;
    void before;
  }

  /** Rows that belong to this one (an initiative's authors), written after it in the same transaction. */
  protected async afterSave(em: EntityManager, row: E): Promise<void> {
    void em;
    void row;
  }

  /** The unit whose subtree an audit row of this row belongs to (null: system level). */
  protected auditUnit(row: E): number | null {
    const r = row as ObjectLiteral;
    return r.teamId ?? r.grassrootsUnionId ?? r.unionId ?? r.federationId ?? null;
  }

  /** A unique key refused by the database (`key` names the index when the driver says it): the refusal to answer. */
  protected duplicateRefusal(row: E, key: string): Error {
    void row;
    void key;
    return conflict(`${this.resource.name}: such a record already exists`, { rule: 'DUPLICATE' });
  }

  /** The values of the write arguments, generic checks done (the arguments' GraphQL types did the rest). */
  protected values(input: Record<string, unknown>): Partial<E> {
    const meta = this.db.ds.getMetadata(this.resource.entity);
    const out: Record<string, unknown> = {};
    for (const [prop, row] of Object.entries(this.resource.fields)) {
      if (!row.write || input[prop] === undefined) continue;
      let v = input[prop];
      const column = meta.findColumnWithPropertyName(prop);
      const type = this.resource.fieldType(prop);
      // IDs arrive as strings: rows hold numbers (the loaders and the scope compare numbers)
      if (type === ID && v != null && v !== '') v = parseId(prop, v);
      if (Array.isArray(type) && type[0] === ID && Array.isArray(v)) v = v.map((x) => parseId(prop, x));
      if (typeof v === 'string') {
        // length before anything else, then control characters (common/input.ts)
        checkText(prop, v, column?.length ? Number(column.length) : LIMITS.longTextChars);
        v = v.trim();
        if (v === '') v = null;
      }
      // A column that holds no NULL takes no null, explicit or blank: refused here, naming the field,
      // before the database would refuse it as an internal error (updateX(name: null), name: "   ").
      if (v === null && column && !column.isNullable) throw badInput(prop, 'is required', { rule: 'REQUIRED' });
      out[prop] = v;
    }
    return out as Partial<E>;
  }

  private async save(em: EntityManager, row: E): Promise<void> {
    try {
      await this.repo(em).save(row);
    } catch (e) {
      if (Db.isDuplicateKey(e)) throw this.duplicateRefusal(row, String((e as Error).message));
      throw e;
    }
  }

  async create(caller: Caller, input: Record<string, unknown>): Promise<E> {
    const values = this.values(input);
    return this.db.transaction(async (em) => {
      const row = this.repo(em).create(values as DeepPartial<E>);
      await this.prepare(em, caller, row, input, null);
      await this.save(em, row);
      await this.afterSave(em, row);
      await this.audit.record(em, caller, { action: 'CREATE', entityType: this.resource.name, entityId: row.id, unitId: this.auditUnit(row), after: row });
      return this.present(caller, row);
    });
  }

  async update(caller: Caller, id: number, input: Record<string, unknown>): Promise<E> {
    const values = this.values(input);
    return this.db.transaction(async (em) => {
      const row = await this.writableRow(em, caller, id);
      const before = { ...row };
      Object.assign(row, values);
      await this.prepare(em, caller, row, input, before);
      await this.save(em, row);
      await this.afterSave(em, row);
      await this.audit.record(em, caller, { action: 'UPDATE', entityType: this.resource.name, entityId: id, unitId: this.auditUnit(row), before, after: row });
      return this.present(caller, row);
    });
  }

  /**
   * Creates many rows all or nothing, in one transaction: each row goes through the very checks
   * of `create` (scope, rules, uniqueness) and gets its audit row (action IMPORT). Every refused
   * row is reported (its spreadsheet row, the field, the code and the message); if any is
   * refused, or on a dry run, the transaction is rolled back and nothing is written.
   */
  async importMany(caller: Caller, rows: Array<{ row: number; input: Record<string, unknown> }>, dryRun: boolean): Promise<BatchReport> {
    let errors: BatchRowError[] = [];
    let created = 0;
    const rollback = new Error('rollback');
    try {
      await this.db.transaction(async (em) => {
        // Afresh on every attempt: a run the database aborted (deadlock) and Db.transaction ran
        // again wrote nothing, and its rows and errors must not be counted twice.
        errors = [];
        created = 0;
        for (const { row, input } of rows) {
          try {
            const values = this.values(input);
            const entity = this.repo(em).create(values as DeepPartial<E>);
            await this.prepare(em, caller, entity, input, null);
            await this.save(em, entity);
            await this.afterSave(em, entity);
            await this.audit.record(em, caller, { action: 'IMPORT', entityType: this.resource.name, entityId: entity.id, unitId: this.auditUnit(entity), after: entity });
            created++;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            errors.push({ row, column: String(e.extensions.field ?? ''), code: String(e.extensions.code), message: e.message });
          }
        }
        if (dryRun || errors.length) throw rollback;
      });
    } catch (e) {
      if (e !== rollback) throw e;
    }
    const invalid = new Set(errors.map((e) => e.row)).size;
    return { total: rows.length, valid: rows.length - invalid, imported: dryRun || errors.length ? 0 : created, errors };
  }

  /** Deletes the row (its values stay in the audit trail). Resources whose rows carry history override this. */
  async remove(caller: Caller, id: number): Promise<E> {
    return this.db.transaction(async (em) => {
      const row = await this.writableRow(em, caller, id);
      await this.prepareDelete(em, caller, row);
      await this.repo(em).delete(id);
      await this.audit.record(em, caller, { action: 'DELETE', entityType: this.resource.name, entityId: id, unitId: this.auditUnit(row), before: row });
      return this.present(caller, row);
    });
  }

  /** The resource's rules before a delete (refuse it, or check more than scope). */
  protected async prepareDelete(em: EntityManager, caller: Caller, row: E): Promise<void> {
    void em;
    void caller;
    void row;
  }
}

export interface BatchRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}
export interface BatchReport {
  total: number;
  valid: number;
  imported: number;
  errors: BatchRowError[];
}
