import { Arg, Args, Authorized, ClassType, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import type { FieldNode, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { hasPermission, Permission } from '../auth/permissions';
import type { Context } from '../graphql/context';
import type { Services } from '../graphql/services';
import { ListMetadata } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { joinedOf } from './loaders';
import type { JoinableById, Req } from './loaders';
import type { Resource } from './resource';
import type { ResourceService, Row } from './service';
import { seesPersonalData } from '../auth/permissions';

/** The request as services see it: who asks and the request's loaders (never the whole context). */
export const reqOf = (ctx: Context): Req => ({ caller: ctx.caller!, loaders: ctx.loaders });

function named<T extends Function>(cls: T, name: string): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

type Method = (...args: any[]) => unknown;
function method(cls: ClassType, name: string, fn: Method): PropertyDescriptor {
  Object.defineProperty(cls.prototype, name, { value: fn, writable: true, configurable: true });
  return Object.getOwnPropertyDescriptor(cls.prototype, name)!;
}

export interface CrudOptions {
  /** descriptions of the mutations (what delete does: dissolve, leave, withdraw, delete) */
  describe?: { create?: string; update?: string; delete?: string };
  /** mutations that this resource does not have (awards are created only by approvals) */
  without?: Array<'create' | 'update' | 'delete'>;
}

/**
 * The CRUD grammar of ra-data-graphql-simple for one resource: `X(id)`, `allXs`, `_allXsMeta`,
 * `createX`, `updateX`, `deleteX`, each guarded by the permission the declaration names and
 * answered by one call of the resource's service. Thin on purpose: rules live in the service.
 */
export function crudResolver<E extends Row>(r: Resource<E>): ClassType {
  const opts: CrudOptions = r.crud ?? {};
  const svc = (ctx: Context): ResourceService<E> => ctx.services.of(r);
  const Crud = named(class {}, `${r.name}CrudResolver`);
  Resolver(() => r.typeClass)(Crud);
  const read = r.permissions.read;

  let d = method(Crud, 'one', (id: string, ctx: Context) => svc(ctx).get(ctx.caller!, rowId(r.name, id)));
  Authorized(read)(Crud.prototype, 'one', d);
  Query(() => r.typeClass, { name: r.name, nullable: true })(Crud.prototype, 'one', d);
  Arg('id', () => ID)(Crud.prototype, 'one', 0);
  Ctx()(Crud.prototype, 'one', 1);

  d = method(Crud, 'all', async (args: { filter?: object }, ctx: Context, info: GraphQLResolveInfo) => {
    const { joins, prefetches, fields } = selectedOf(r.name, info);
    const req = reqOf(ctx);
    const edges = joins.map((e) => ({ property: e.join.property, service: e.join.via(ctx.services), fields: e.fields }));
    const rows = await svc(ctx).list(ctx.caller!, args, { req, edges, fields });
    if (prefetches.length && rows.length) await Promise.all(prefetches.map((p) => p(rows, req, ctx.services)));
    return rows;
  });
  Authorized(read)(Crud.prototype, 'all', d);
  Query(() => [r.typeClass], { name: `all${r.plural}` })(Crud.prototype, 'all', d);
  Args(() => r.listArgs)(Crud.prototype, 'all', 0);
  Ctx()(Crud.prototype, 'all', 1);
  Info()(Crud.prototype, 'all', 2);

  d = method(Crud, 'meta', async (args: { filter?: object }, ctx: Context): Promise<ListMetadata> => ({ count: await svc(ctx).count(ctx.caller!, args.filter) }));
  Authorized(read)(Crud.prototype, 'meta', d);
  Query(() => ListMetadata, { name: `_all${r.plural}Meta`, nullable: true })(Crud.prototype, 'meta', d);
  Args(() => r.metaArgs)(Crud.prototype, 'meta', 0);
  Ctx()(Crud.prototype, 'meta', 1);

  const without = new Set(opts.without ?? []);
  const { create, update, delete: del } = r.permissions;
  if (create && r.createArgs && !without.has('create')) {
    d = method(Crud, 'create', (args: Record<string, unknown>, ctx: Context) => svc(ctx).create(ctx.caller!, args));
    Authorized(create)(Crud.prototype, 'create', d);
    Mutation(() => r.typeClass, { name: `create${r.name}`, nullable: true, description: opts.describe?.create })(Crud.prototype, 'create', d);
    Args(() => r.createArgs!)(Crud.prototype, 'create', 0);
    Ctx()(Crud.prototype, 'create', 1);
  }
  if (update && r.updateArgs && !without.has('update')) {
    d = method(Crud, 'update', (args: Record<string, unknown> & { id: string }, ctx: Context) => {
      const { id, ...input } = args;
      return svc(ctx).update(ctx.caller!, rowId(r.name, id), input);
    });
    Authorized(...(update === 'authenticated' ? [] : [update]))(Crud.prototype, 'update', d);
    Mutation(() => r.typeClass, { name: `update${r.name}`, nullable: true, description: opts.describe?.update })(Crud.prototype, 'update', d);
    Args(() => r.updateArgs!)(Crud.prototype, 'update', 0);
    Ctx()(Crud.prototype, 'update', 1);
  }
  if (del && !without.has('delete')) {
    d = method(Crud, 'remove', (id: string, ctx: Context) => svc(ctx).remove(ctx.caller!, rowId(r.name, id)));
    Authorized(del)(Crud.prototype, 'remove', d);
    Mutation(() => r.typeClass, { name: `delete${r.name}`, nullable: true, description: opts.describe?.delete })(Crud.prototype, 'remove', d);
    Arg('id', () => ID)(Crud.prototype, 'remove', 0);
    Ctx()(Crud.prototype, 'remove', 1);
  }
  return Crud;
}

// ---- edges ---------------------------------------------------------------------------------

/** What guards an edge: the read permission of the resource it reaches (the same rule as its root list). */
export interface EdgeTarget {
  name: string;
  permissions: { read: Permission };
}

export interface EdgeDef<R> {
  /** the GraphQL type the field returns (`() => [Award]` for a list, with `list: true`) */
  type: () => unknown;
  /** a list edge: `[T!]!`, empty without the permission (a single edge is nullable and null without it) */
  list?: boolean;
  target: EdgeTarget;
  /** arguments of the field, as an @ArgsType class */
  args?: ClassType;
  description?: string;
  /**
   * A to-one edge read by id: the property holding the id and the service that reads it. A list
   * of this type whose selection asks for the edge reads it in the page's own query (a LEFT JOIN
   * with the target's `byId` condition); the edge then resolves through `byIdNow`.
   */
  join?: { property: keyof R & string; via(services: Services): JoinableById };
  /** how the edge resolves (with `join`: the target's byIdNow of the property, when omitted) */
  resolve?(root: R, req: Req, services: Services, args: any): unknown;
}

export interface EdgeEntry {
  typeName: string;
  field: string;
  target: string;
  permission: Permission;
  /** the resolver class that serves it (the schema must be built from it: graphql/schema.ts checks) */
  resolver: ClassType;
  /** a to-one edge a list may read in its own query (EdgeDef.join) */
  join?: { property: string; via(services: Services): JoinableById };
  /** the edge's resolution, for edges without arguments: graphql/schema.ts calls it without type-graphql's per-row wrapper */
  direct?: (root: unknown, ctx: Context) => unknown;
}
const EDGES: EdgeEntry[] = [];

/** Every edge declared with `edges()`: the permission surface test lists them. */
export function allEdges(): readonly EdgeEntry[] {
  return EDGES;
}

/**
 * The edges of an object type: fields that return another resource. Each one checks the read
 * permission of the resource it reaches before resolving (without it: null, or an empty list) and
 * resolves through that resource's service, whose loaders apply the scope in SQL. So every path to
 * an object asks the question its root field asks.
 */
export function edges<R>(type: ClassType, typeName: string, defs: Record<string, EdgeDef<R>>): ClassType {
  const Edges = named(class {}, `${typeName}Edges_${Object.keys(defs).join('_')}`);
  Resolver(() => type)(Edges);
  for (const [field, def] of Object.entries(defs)) {
    const d = method(Edges, field, (root: R, ctx: Context, args: unknown) => {
      const caller = ctx.caller;
      if (!caller || !hasPermission(caller.role, def.target.permissions.read)) return def.list ? [] : null;
      if (def.resolve) return def.resolve(root, reqOf(ctx), ctx.services, args);
      // read by the list with the columns this selection asks for (kit/service.ts list), else by id
      const joined = joinedOf(root as object, def.join!.property);
      if (joined !== undefined) return joined;
      return def.join!.via(ctx.services).byIdNow(reqOf(ctx), (root as Record<string, unknown>)[def.join!.property] as number | null);
    });
    FieldResolver(def.type as any, { nullable: !def.list, description: def.description })(Edges.prototype, field, d);
    Root()(Edges.prototype, field, 0);
    Ctx()(Edges.prototype, field, 1);
    if (def.args) Args(() => def.args!)(Edges.prototype, field, 2);
    if (!def.resolve && !def.join) throw new Error(`edge ${typeName}.${field}: give resolve or join`);
    EDGES.push({
      typeName, field, target: def.target.name, permission: def.target.permissions.read, resolver: Edges, join: def.join,
      direct: def.args ? undefined : (root, ctx) => (d.value as Method)(root, ctx, undefined),
    });
  }
  return Edges;
}

type Prefetch = (rows: any[], req: Req, services: Services) => Promise<void>;
const PREFETCHES: { typeName: string; field: string; run: Prefetch; needs?: readonly string[] }[] = [];

/**
 * A field of `typeName` whose values a list of that type reads for its whole page at once, right
 * after the page (one query), when the list's selection asks for the field: the field's resolver
 * then answers from the request's loader without a promise. `needs`: the properties of the row the
 * field's resolver reads (without it, a list that selects the field reads whole rows).
 */
export function listPrefetch<R>(typeName: string, field: string, run: (rows: R[], req: Req, services: Services) => Promise<void>, needs?: readonly (keyof R & string)[]): void {
  PREFETCHES.push({ typeName, field, run: run as Prefetch, needs });
}

type JoinSelected = EdgeEntry & { join: NonNullable<EdgeEntry['join']>; fields: ReadonlySet<string> | null };
type Selected = { joins: JoinSelected[]; prefetches: Prefetch[]; fields: ReadonlySet<string> | null };

/**
 * The properties the selection sets `sets` (on values of `type`) read of their rows: the fields
 * answered by graphql-js's default resolver (type-graphql `simple`: the field is the property),
 * the id property of each joinable edge, and what prefetched fields declare; with the id. Null
 * when a field reads what cannot be known (any other field resolver, a fragment on an interface):
 * then whole rows are read. `edgeSets` collects the selection sets of the joinable edges met.
 */
function propertiesRead(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  sets: readonly SelectionSetNode[],
  edgeSets?: Map<string, SelectionSetNode[]>,
): Set<string> | null {
  const out = new Set<string>(['id']);
  const abstract = isAbstractType(type);
  if (!abstract && !isObjectType(type)) return null;
  const members = new Map((abstract ? info.schema.getPossibleTypes(type) : [type as GraphQLObjectType]).map((t) => [t.name, t]));
  let known = true;
  const field = (t: GraphQLObjectType | null, node: FieldNode) => {
    const name = node.name.value;
    if (name === '__typename') return;
    const f = t?.getFields()[name];
    if (!t || !f) return void (known = false);
    if (!f.resolve) return void out.add(name);
    const edge = EDGES.find((e) => e.typeName === t.name && e.field === name && e.join);
    if (edge) {
      out.add(edge.join!.property);
      if (edgeSets && t === type && node.selectionSet) {
        if (!edgeSets.has(name)) edgeSets.set(name, []);
        edgeSets.get(name)!.push(node.selectionSet);
      }
      return;
    }
    const pre = PREFETCHES.find((p) => p.typeName === t.name && p.field === name);
    if (pre?.needs) return void pre.needs.forEach((p) => out.add(p));
    known = false;
  };
  const walk = (set: SelectionSetNode, t: GraphQLObjectType | null) => {
    for (const sel of set.selections) {
      if (!known) return;
      if (sel.kind === 'Field') {
        field(t, sel);
        continue;
      }
      const frag = sel.kind === 'InlineFragment' ? sel : info.fragments[sel.name.value];
      if (!frag) return void (known = false);
      const on = frag.typeCondition?.name.value;
      if (on === undefined || on === type.name) walk(frag.selectionSet, t);
      else if (abstract && members.has(on)) walk(frag.selectionSet, members.get(on)!);
      else known = false;
    }
  };
  for (const set of sets) walk(set, abstract ? null : (type as GraphQLObjectType));
  return known ? out : null;
}

/** What a list field's selection asks of its type (directly, or in fragments on the type): joinable edges and prefetched fields; by field node (documents are cached). */
const selectedByNode = new WeakMap<FieldNode, Selected>();
function selectedOf(typeName: string, info: GraphQLResolveInfo): Selected {
  const node = info.fieldNodes[0];
  let out = info.fieldNodes.length === 1 ? selectedByNode.get(node) : undefined;
  if (!out) {
    const names = new Set<string>();
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode | undefined) => {
      for (const sel of set?.selections ?? []) {
        if (sel.kind === 'Field') names.add(sel.name.value);
        else if (sel.kind === 'InlineFragment') {
          if (!sel.typeCondition || sel.typeCondition.name.value === typeName) walk(sel.selectionSet);
        } else if (!seen.has(sel.name.value)) {
          seen.add(sel.name.value);
          const frag = info.fragments[sel.name.value];
          if (frag && frag.typeCondition.name.value === typeName) walk(frag.selectionSet);
        }
      }
    };
    for (const n of info.fieldNodes) walk(n.selectionSet);
    const prefetches = new Set<Prefetch>(PREFETCHES.filter((p) => p.typeName === typeName && names.has(p.field)).map((p) => p.run));
    const type = info.schema.getType(typeName)!;
    const edgeSets = new Map<string, SelectionSetNode[]>();
    const sets = info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);
    const fields = propertiesRead(info, type, sets, edgeSets);
    const joins = (EDGES.filter((e) => e.typeName === typeName && e.join && names.has(e.field)) as JoinSelected[]).map((e) => {
      const target = getNamedType((type as GraphQLObjectType).getFields()[e.field].type);
      return { ...e, fields: fields && edgeSets.has(e.field) ? propertiesRead(info, target, edgeSets.get(e.field)!) : null };
    });
    out = { joins, prefetches: [...prefetches], fields };
    if (info.fieldNodes.length === 1) selectedByNode.set(node, out);
  }
  return out;
}

/** What a `ref` field may point at: a declared resource, or another target that reads by id in scope (any unit). */
export interface RefTarget extends EdgeTarget {
  /** the GraphQL type of the edge */
  refType(): unknown;
  /** the batched read by id that applies the caller's scope (null out of scope) */
  loader(services: Services): { byId(req: Req, id: number | null | undefined): Promise<unknown> };
}

/**
 * The edges a resource declares in its field table (`ref`): for `unitId: { ref: { edge: 'unit', to: () => ANY_UNIT } }`
 * the field `unit` reads the target by id through its service's batched, scoped loader, after the
 * target's read permission (the same rule as its root list). A personal reference reads null for
 * analysts on every path. Null when the resource has no `ref` field.
 */
export function refEdges<E extends Row>(r: Resource<E>): ClassType | null {
  const defs: Record<string, EdgeDef<E>> = {};
  for (const [prop, row] of Object.entries(r.fields)) {
    if (!row.ref) continue;
    const target = row.ref.to();
    const personal = !!row.personal;
    defs[row.ref.edge] = {
      type: () => target.refType(),
      target,
      description: row.ref.description,
      resolve: (root, req, services) => {
        if (personal && !seesPersonalData(req.caller.role)) return null;
        return target.loader(services).byId(req, (root as Record<string, unknown>)[prop] as number | null);
      },
    };
  }
  return Object.keys(defs).length ? edges<E>(r.typeClass, r.name, defs) : null;
}
