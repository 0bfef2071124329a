import 'reflect-metadata';
import path from 'node:path';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema, isObjectType, isUnionType } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AuthChecker } from '../auth/auth-checker';
import { PROJECT_ROOT } from '../config';
import { allResolvers, MODULES } from '../modules';
import { checkModules } from '../kit/checks';
import { allEdges } from '../kit/crud';
import { Db } from '../db/dialect';
import { busy, logDatabaseDown, serviceUnavailable } from '../common/errors';

/** Every resolver of the schema, from the modules (server/modules.ts). */
export const RESOLVERS = allResolvers();

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema/schema.graphql');

let built: Promise<GraphQLSchema> | null = null;

/**
 * type-graphql's own `simple` option (`@Field({ simple: true })`) on every plain field: graphql-js's
 * default resolver reads the property, instead of a wrapper per field and per row that allocates
 * its resolver data and runs an empty middleware chain. A field with a field resolver keeps it (the
 * generator prefers it); one guarded by @Authorized or @UseMiddleware, or whose schema name differs
 * from its property, keeps the wrapper. The schema has no global middleware.
 */
function simplePlainFields(): void {
  const storage = getMetadataStorage();
  const guarded = new Map<Function, Set<string>>();
  for (const d of [...storage.authorizedFields, ...storage.middlewares]) {
    const t = d.target as Function;
    if (!guarded.has(t)) guarded.set(t, new Set());
    guarded.get(t)!.add(d.fieldName);
  }
  for (const f of storage.fields) {
    if (f.simple === undefined && f.name === f.schemaName && !guarded.get(f.target)?.has(f.name)) f.simple = true;
  }
}

/**
 * The unions' type resolvers answering at once. type-graphql wraps each union's `resolveType` in
 * an async function, so every value of a union field (a nomination's nominee unit, a figure's
 * unit) became a promise, and the object holding it an asynchronous one for graphql-js. The same
 * resolution (the declared resolveType, a class mapped to its GraphQL type's name), without the
 * promise when the declared one answers at once.
 */
function syncUnionTypes(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const u of storage.unions) {
    const type = schema.getType(u.name);
    const declared = u.resolveType;
    if (!type || !isUnionType(type) || !declared) continue;
    const nameOf = (r: unknown): string | undefined => {
      if (!r || typeof r === 'string') return (r as string | undefined) ?? undefined;
      // as type-graphql: a class among the union's members, by its GraphQL type's name
      return u.getClassTypes().includes(r as never) ? storage.objectTypes.find((o) => o.target === r)?.name : undefined;
    };
    type.resolveType = (value, context, info, abstractType) => {
      const r = declared(value, context, info, abstractType);
      return r && typeof (r as PromiseLike<unknown>).then === 'function' ? Promise.resolve(r).then(nameOf) : nameOf(r);
    };
  }
  return schema;
}

/**
 * Edges (kit/crud.ts `edges`) resolved by their own function, without type-graphql's wrapper: they
 * take the root and the context, check the target's read permission themselves, and carry no
 * @Authorized, middleware or arguments (an edge with arguments keeps the wrapper, which converts
 * them). The wrapper costs an allocation of resolver data and a parameter walk per row and edge.
 */
function directEdges(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const guarded = new Set([...storage.authorizedFields, ...storage.middlewares].map((d) => `${(d.target as Function).name}.${d.fieldName}`));
  for (const e of allEdges()) {
    const type = schema.getType(e.typeName);
    const field = type && isObjectType(type) ? type.getFields()[e.field] : undefined;
    if (!field || !e.direct || field.args.length || guarded.has(`${e.resolver.name}.${e.field}`)) continue;
    const run = e.direct;
    field.resolve = (root, _args, ctx) => run(root, ctx);
  }
  return schema;
}

/** The executable schema (built once per process). */
export function getSchema(): Promise<GraphQLSchema> {
  // A module, resource or edge left out of the registry refuses to build the schema (so to start).
  if (!built) {
    checkModules(MODULES, RESOLVERS, path.join(__dirname, '..'));
    simplePlainFields();
  }
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker: AuthChecker,
    authMode: 'error',
    // No class-validator: services validate arguments and name the offending field.
    validate: false,
    emitSchemaFile: false,
  })
    .then(syncUnionTypes)
    .then(directEdges);
  return built;
}

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'SERVICE_UNAVAILABLE',
]);

/** The extensions a refusal may carry beside code, rule and field (server/common/errors.ts). */
const RULE_DETAILS = ['decidingLevel', 'unitLevel', 'level', 'status', 'action', 'permission', 'units', 'members', 'max'] as const;

/**
 * What a client sees of an error: the contract's codes, the offending field when one can be
 * named, and never a stack trace or SQL. Anything unexpected becomes INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  let code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const field = formatted.extensions?.field as string | undefined;
  // Syntax errors are validation failures in the contract's words.
  if (code === 'GRAPHQL_PARSE_FAILED') code = 'GRAPHQL_VALIDATION_FAILED';
  if (!KNOWN_CODES.has(code)) {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    // The database unreachable (HTTP 503 is set by the server's plugin), or a lock conflict met outside Db.transaction's retries.
    if (Db.isUnavailable(original)) {
      logDatabaseDown('The database cannot be reached: answering SERVICE_UNAVAILABLE', original);
      return { message: serviceUnavailable().message, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (Db.isLockConflict(original)) return { message: busy().message, locations: formatted.locations, path: formatted.path, extensions: { code: 'CONFLICT' } };
    log(original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const extensions: Record<string, unknown> = { code };
  if (typeof formatted.extensions?.rule === 'string') extensions.rule = formatted.extensions.rule; // which rule refused (errors.ts)
  // The values a client needs to say the refusal in its user's words (plain strings and numbers only).
  for (const k of RULE_DETAILS) {
    const v = formatted.extensions?.[k];
    if (typeof v === 'string' || typeof v === 'number') extensions[k] = v;
  }
  if (field) extensions.field = field;
  else {
    // Variable and argument errors from GraphQL itself name the argument in their message.
    const m = /^Variable "\$([A-Za-z0-9_]+)"|Argument "([A-Za-z0-9_]+)"|Field "([A-Za-z0-9_]+)" of required type/.exec(formatted.message);
    if (m) extensions.field = m[1] ?? m[2] ?? m[3];
  }
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
}

export const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof GraphQLError;

/**
 * The error without graphql's spelling suggestions ("Did you mean allMembers?", "Did you mean the
 * enum value MALE?"), in validation and in variable errors alike: they would list the schema that
 * turning introspection off hides.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean .+\?$/, '') };
}
