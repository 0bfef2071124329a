import { ArgsType, ClassType, Field, Float, getMetadataStorage, ID, InputType, Int } from 'type-graphql';
import type { DataSource, EntityMetadata } from 'typeorm';
import type { FieldMetadata } from 'type-graphql/build/typings/metadata/definitions';
import { Permission } from '../auth/permissions';
import { ListArgs, MetaArgs } from '../graphql/list-args';
import type { FieldKind, FieldSpec, ListSpec } from '../common/list';
import type { CrudOptions, RefTarget } from './crud';

/**
 * One declaration per resource: the entity, its GraphQL type and one table of its fields. From it
 * follow the list filter input (`XFilter`), the list and meta arguments, the create and update
 * arguments, the list spec (columns read from the entity's metadata, never typed by hand), the
 * sortable and personal fields, the permissions its operations need and its edges' permission
 * (kit/crud.ts makes the resolvers, kit/service.ts the scoped service). The rules stay in the
 * resource's own service.
 */

/** How a field filters: `eq` takes `[T!]` (an array means IN; Boolean for booleans), `range` the `_lt/_lte/_gt/_gte` suffixes. */
export type FilterMode = 'eq' | 'range' | 'both';

/**
 * How a field is written: `required` (needed by create, optional in update), `optional` (optional
 * in both), `create` / `create-required` (create only), `update` (update only).
 */
export type WriteMode = 'required' | 'optional' | 'create' | 'create-required' | 'update';

export interface FieldRow {
  filter?: FilterMode;
  /** a filter handled by the service itself (not a column), e.g. `awaitingMyReview` */
  customFilter?: boolean;
  /** sortable (default true); a string names the property sorted by instead (fullName sorts by sortKey) */
  sort?: boolean | string;
  /** personal data: analysts read null and may neither filter nor sort on it */
  personal?: boolean;
  write?: WriteMode;
  /** the GraphQL type, when the property is not a field of the object type (or to override it) */
  type?: () => unknown;
  description?: string;
  /** the filter's description, when it differs from the argument's */
  filterDescription?: string;
  /** the argument's description in updateX, when it differs (a new parent moves the unit) */
  updateDescription?: string;
  /**
   * The field names a row of another resource (`unitId` → the unit): the kit adds the edge field
   * `edge`, checked with the target's read permission and read by its batched, scoped loader
   * (kit/crud.ts refEdges). A `personal` reference reads null for analysts.
   */
  ref?: { edge: string; to: () => RefTarget; description?: string };
}

export type ScopeRule =
  /** everyone who may read sees every row (catalogues) */
  | { kind: 'global' }
  /** the row's location columns (kit/located.ts) */
  | { kind: 'located'; ancestorsById?: boolean }
  /** a column naming a unit (an account's scope unit, an audit row's unit) */
  | { kind: 'unit'; property: string }
  /** a column naming the account the row belongs to: every caller sees its own rows only, whatever its role (API tokens) */
  | { kind: 'owner'; property: string };

export interface ResourceOptions<E extends object> {
  /** the GraphQL type name, e.g. `Member` */
  name: string;
  /** default: name + 's' */
  plural?: string;
  entity: ClassType<E>;
  /** the GraphQL object type, when not the entity itself (the four unit types over org_unit) */
  type?: ClassType;
  fields: Record<string, FieldRow>;
  /** the property holding the diacritics-free search key that `q` matches word by word */
  search?: string;
  /** description of `q` in the filter */
  searchDescription?: string;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  scope: ScopeRule;
  permissions: {
    read: Permission;
    create?: Permission;
    /** 'authenticated': any signed-in account, the service checks the rest (one's own account) */
    update?: Permission | 'authenticated';
    delete?: Permission;
  };
  /** fixed conditions: the rows of this resource in its table (org units of one level) */
  where?: Record<string, string | number | boolean>;
  /** whether /export/<plural>.csv streams this list (default true) */
  exportable?: boolean;
  /** the CRUD grammar's descriptions and the mutations it leaves out (kit/crud.ts crudResolver) */
  crud?: CrudOptions;
}

export interface Resource<E extends object = object> extends Readonly<ResourceOptions<E>> {
  /** a resource is a `ref` target (kit/crud.ts RefTarget): its type, and its service's byId */
  refType: RefTarget['refType'];
  loader: RefTarget['loader'];
  readonly plural: string;
  readonly typeClass: ClassType;
  readonly filterInput: ClassType;
  readonly listArgs: ClassType;
  readonly metaArgs: ClassType;
  readonly createArgs: ClassType | null;
  readonly updateArgs: ClassType | null;
  /** the list spec on a data source's metadata (cached) */
  spec(ds: DataSource): ListSpec;
  /** the properties analysts read as null */
  readonly personal: readonly string[];
  /** the GraphQL type of a field of the table (ID, String, an enum, [ID] …) */
  fieldType(prop: string): unknown;
}

/** The permissions of a resource read with one permission and written (create, update, delete) with another. */
export const readWrite = (read: Permission, write: Permission) => ({ read, create: write, update: write, delete: write });

const REGISTRY: Resource<any>[] = [];

/** Every declared resource (the permission surface, `me.permissions`, the panel's resources). */
export function allResources(): readonly Resource<any>[] {
  return REGISTRY;
}

export function resourceOfType(typeName: string): Resource<any> | undefined {
  return REGISTRY.find((r) => r.name === typeName);
}

/** type-graphql's fields of a class and its ancestors. */
function graphqlFields(type: ClassType): Map<string, FieldMetadata> {
  const out = new Map<string, FieldMetadata>();
  for (const f of getMetadataStorage().fields) {
    if (f.target === type || type.prototype instanceof f.target) if (!out.has(f.name)) out.set(f.name, f);
  }
  return out;
}

function named(cls: ClassType, name: string): ClassType {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/** The GraphQL type of a field row: its explicit type, or the object type's field type. */
function typeThunk(r: ResourceOptions<object>, prop: string, row: FieldRow, fields: Map<string, FieldMetadata>): () => any {
  if (row.type) return row.type as () => any;
  const meta = fields.get(prop);
  if (!meta) throw new Error(`resource ${r.name}: field ${prop} is not a GraphQL field of ${r.type?.name ?? r.entity.name}; give it a type`);
  return () => meta.getType();
}

const isNumeric = (t: unknown) => t === Int || t === Float || t === Number;

function buildFilter(r: ResourceOptions<object>, fields: Map<string, FieldMetadata>): ClassType {
  const Filter = named(class {}, `${r.name}Filter`);
  const add = (name: string, type: () => unknown, description?: string) =>
    Field(type as any, { nullable: true, description })(Filter.prototype, name);
  add('ids', () => [ID]);
  if (r.search) add('q', () => String, r.searchDescription ?? 'words matched ignoring case and Vietnamese diacritics');
  for (const [prop, row] of Object.entries(r.fields)) {
    if (!row.filter && !row.customFilter) continue;
    const t = typeThunk(r, prop, row, fields);
    const note = row.personal ? 'personal data: refused for analysts' : (row.filterDescription ?? row.description);
    if (row.customFilter) {
      add(prop, t, note);
      continue;
    }
    if (row.filter === 'eq' || row.filter === 'both') {
      // Booleans filter by one value; everything else by a list (an array means IN; one value is coerced to a list of one).
      add(prop, () => (t() === Boolean ? Boolean : [t()]), note);
    }
    if (row.filter === 'range' || row.filter === 'both') {
      // Ranges on dates take ISO strings; on numbers, numbers.
      for (const op of ['lt', 'lte', 'gt', 'gte']) add(`${prop}_${op}`, () => (isNumeric(t()) ? t() : String), note);
    }
  }
  InputType(`${r.name}Filter`)(Filter);
  return Filter;
}

function buildListArgs(r: ResourceOptions<object>, filter: ClassType, base: ClassType, suffix: string): ClassType {
  const Args = named(class extends (base as any) {}, `${r.name}${suffix}`);
  Field(() => filter, { nullable: true })(Args.prototype, 'filter');
  ArgsType()(Args);
  return Args;
}

function buildWriteArgs(r: ResourceOptions<object>, fields: Map<string, FieldMetadata>, creating: boolean): ClassType | null {
  const rows = Object.entries(r.fields).filter(([, row]) => {
    if (!row.write) return false;
    if (creating) return row.write !== 'update';
    return row.write !== 'create' && row.write !== 'create-required';
  });
  if (!rows.length) return null;
  const Args = named(class {}, `${creating ? 'Create' : 'Update'}${r.name}Args`);
  if (!creating) Field(() => ID)(Args.prototype, 'id');
  for (const [prop, row] of rows) {
    const required = creating && (row.write === 'required' || row.write === 'create-required');
    const t = typeThunk(r, prop, row, fields);
    Field(t as any, { nullable: !required, description: (!creating && row.updateDescription) || row.description })(Args.prototype, prop);
  }
  ArgsType()(Args);
  return Args;
}

/** The filter kind of a column, from the entity's metadata and the field's GraphQL type. */
function kindOf(meta: EntityMetadata, prop: string, graphqlType: unknown): FieldKind {
  const column = meta.findColumnWithPropertyName(prop);
  if (!column) throw new Error(`${meta.name}.${prop}: no such column`);
  if (graphqlType === ID) return 'id';
  if (graphqlType === Boolean) return 'bool';
  if (isNumeric(graphqlType)) return 'number';
  const type = String(typeof column.type === 'function' ? column.type.name : column.type).toLowerCase();
  if (type === 'date') return 'date';
  if (type.includes('datetime') || type.includes('timestamp') || column.isCreateDate || column.isUpdateDate) return 'datetime';
  if (typeof graphqlType === 'object' && graphqlType !== null) return 'enum';
  return 'string';
}

/**
 * Declares a resource (see the module comment). Call it once, beside the entity, at module load:
 * the GraphQL input types exist from then on.
 */
export function declareResource<E extends object>(options: ResourceOptions<E>): Resource<E> {
  const typeClass = options.type ?? options.entity;
  const fields = graphqlFields(typeClass);
  const filterInput = buildFilter(options as ResourceOptions<object>, fields);
  const specs = new WeakMap<EntityMetadata, ListSpec>();
  const resource: Resource<E> = {
    ...options,
    plural: options.plural ?? `${options.name}s`,
    typeClass,
    filterInput,
    listArgs: buildListArgs(options as ResourceOptions<object>, filterInput, ListArgs, 'ListArgs'),
    metaArgs: buildListArgs(options as ResourceOptions<object>, filterInput, MetaArgs, 'MetaArgs'),
    createArgs: buildWriteArgs(options as ResourceOptions<object>, fields, true),
    updateArgs: buildWriteArgs(options as ResourceOptions<object>, fields, false),
    personal: Object.entries(options.fields).filter(([, f]) => f.personal).map(([p]) => p),
    refType: () => typeClass,
    loader: (services) => services.of(resource as Resource<any>),
    fieldType: (prop: string) => typeThunk(options as ResourceOptions<object>, prop, options.fields[prop], fields)(),
    spec(ds: DataSource): ListSpec {
      const meta = ds.getMetadata(options.entity);
      let spec = specs.get(meta);
      if (!spec) {
        const out: Record<string, FieldSpec> = {};
        for (const [prop, row] of Object.entries(options.fields)) {
          if (row.customFilter || !meta.findColumnWithPropertyName(prop)) continue;
          const t = typeThunk(options as ResourceOptions<object>, prop, row, fields)();
          const sortProp = typeof row.sort === 'string' ? row.sort : prop;
          out[prop] = {
            column: meta.findColumnWithPropertyName(prop)!.databaseName,
            kind: kindOf(meta, prop, Array.isArray(t) ? t[0] : t),
            personal: row.personal,
            sortable: row.sort !== false,
            sortColumn: meta.findColumnWithPropertyName(sortProp)?.databaseName,
          };
        }
        spec = {
          fields: out,
          searchColumn: options.search ? meta.findColumnWithPropertyName(options.search)?.databaseName : undefined,
          defaultSort: options.defaultSort,
        };
        specs.set(meta, spec);
      }
      return spec;
    },
  };
  REGISTRY.push(resource);
  return resource;
}
