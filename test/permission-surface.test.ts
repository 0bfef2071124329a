import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, GraphQLObjectType, isObjectType, isUnionType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { getSchema, RESOLVERS } from '../server/graphql/schema';
import { Permission } from '../server/auth/permissions';
import { allEdges } from '../server/kit/crud';
import { resourceOfType } from '../server/kit/resource';

/**
 * The permission surface (Twenty's habit): every Query and Mutation field of the built schema with
 * the permission its resolver declares, compared with a committed file. A difference here is a
 * permission change to review, not a snapshot to refresh: update the file deliberately with
 *
 *   UPDATE_PERMISSION_SNAPSHOT=1 npx jest test/permission-surface.test.ts
 *
 * and let the reviewer read its diff. Jest's own snapshots are not used: `-u` is too easy to run blindly.
 *
 * Notation: `public` (no @Authorized: anyone, signed in or not), `authenticated` (@Authorized()
 * without a permission: any signed-in account; the service checks the rest), otherwise the
 * permissions of @Authorized(...) joined by ` & `. Scope is never part of it: services apply it in SQL.
 */
const SNAPSHOT_FILE = path.join(__dirname, 'permission-surface.snapshot.txt');
const UPDATE_COMMAND = 'UPDATE_PERMISSION_SNAPSHOT=1 npx jest test/permission-surface.test.ts';
const HEADER = [
  '# The permission each GraphQL operation requires (test/permission-surface.test.ts).',
  '# public: anyone; authenticated: any signed-in account (the service checks the rest);',
  '# otherwise the permissions of server/auth/permissions.ts it needs. Scope applies on top, in SQL.',
  '# Edge lines: a field that reaches another resource, and the read permission it checks first',
  '# (without it the field reads null or []); `data` fields return what their parent already scoped.',
  `# A diff here is a permission change to review. Update deliberately: ${UPDATE_COMMAND}`,
];

type Handler = { target: Function; methodName: string; schemaName: string };

/** The roles @Authorized declares on a resolver method (or its class); undefined: none. */
function declaredRoles(target: Function, methodName: string): unknown[] | undefined {
  const storage = getMetadataStorage();
  const onField = storage.authorizedFields.find((a) => a.target === target && a.fieldName === methodName);
  if (onField) return onField.roles;
  return storage.authorizedResolver.find((a) => a.target === target)?.roles;
}

function notation(roles: unknown[] | undefined): string {
  if (roles === undefined) return 'public';
  if (roles.length === 0) return 'authenticated';
  return roles.map(String).join(' & ');
}

/** One line per Query and Mutation field of the built schema, sorted. */
async function currentSurface(): Promise<string[]> {
  const schema = await getSchema();
  const storage = getMetadataStorage();
  const resolvers: readonly Function[] = RESOLVERS;
  // A handler counts when the schema was built from its class, or from a subclass of it.
  const inSchema = (h: Handler) => resolvers.some((r) => r === h.target || r.prototype instanceof h.target);
  const lines: string[] = [];
  const problems: string[] = [];
  for (const [kind, type, handlers] of [
    ['Query', schema.getQueryType(), storage.queries],
    ['Mutation', schema.getMutationType(), storage.mutations],
  ] as [string, GraphQLObjectType | null | undefined, Handler[]][]) {
    for (const field of Object.keys(type?.getFields() ?? {}).sort()) {
      const found = handlers.filter((h) => h.schemaName === field && inSchema(h));
      if (found.length !== 1) {
        problems.push(`${kind}.${field}: ${found.length} resolver methods found for it in type-graphql's metadata (expected 1)`);
        continue;
      }
      lines.push(`${kind}.${field}: ${notation(declaredRoles(found[0].target, found[0].methodName))}`);
    }
  }
  if (problems.length) throw new Error(`Cannot read the permission surface:\n${problems.join('\n')}`);
  return lines;
}

/**
 * Fields of object types that are not root fields but return data of an object of their own: they
 * hand back their value as it is (the resolver that made the parent already scoped it). Each is
 * listed with the reason it needs no check of its own.
 */
const PLAIN_DATA: Record<string, string> = {
  'AuthPayload.user': 'the account that has just signed in',
  'NominationResult.nomination': 'the nomination the caller has just reviewed',
  'ApiTokenSecret.apiToken': 'the token the caller has just created, of its own account',
};

/**
 * Every edge: a field of an object type that returns a resource (or a unit of any level, or a list
 * of them). Each must be declared with the kit's `edges()`, which checks the reached resource's read
 * permission before resolving it, and is listed with that permission; a new edge shows up here.
 */
async function edgeSurface(): Promise<string[]> {
  const schema = await getSchema();
  const lines: string[] = [];
  const problems: string[] = [];
  const declared = allEdges();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const reachesResource = !!resourceOfType(target.name) || (isUnionType(target) && target.getTypes().every((t) => resourceOfType(t.name)));
      if (!reachesResource) continue;
      const key = `${type.name}.${field.name}`;
      const edge = declared.find((e) => e.typeName === type.name && e.field === field.name);
      if (edge) lines.push(`Edge ${key}: ${edge.permission}`);
      else if (PLAIN_DATA[key]) lines.push(`Edge ${key}: data (${PLAIN_DATA[key]})`);
      else problems.push(`${key} returns ${target.name} but is not declared with the kit's edges(): nothing checks the permission to read it`);
    }
  }
  if (problems.length) throw new Error(`Unchecked edges:\n${problems.join('\n')}`);
  return lines.sort();
}

function readSnapshot(): string[] | null {
  if (!fs.existsSync(SNAPSHOT_FILE)) return null;
  return fs
    .readFileSync(SNAPSHOT_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('permission surface', () => {
  let surface: string[];
  beforeAll(async () => {
    surface = [...(await currentSurface()), ...(await edgeSurface())];
  });

  it('matches test/permission-surface.snapshot.txt', () => {
    if (process.env.UPDATE_PERMISSION_SNAPSHOT === '1') {
      fs.writeFileSync(SNAPSHOT_FILE, [...HEADER, ...surface, ''].join('\n'));
      console.warn(`permission surface written to ${SNAPSHOT_FILE} (${surface.length} operations): review its diff before committing`);
    }
    const committed = readSnapshot();
    if (committed === null) {
      throw new Error(`${SNAPSHOT_FILE} is missing. Create it deliberately with:\n  ${UPDATE_COMMAND}`);
    }
    const now = new Set(surface);
    const before = new Set(committed);
    const added = surface.filter((l) => !before.has(l));
    const removed = committed.filter((l) => !now.has(l));
    if (added.length || removed.length) {
      throw new Error(
        [
          'The permission surface changed: the schema now requires different permissions than test/permission-surface.snapshot.txt says.',
          'This is a permission change to review, not a snapshot to refresh.',
          ...removed.map((l) => `  - ${l}   (in the snapshot, no longer true)`),
          ...added.map((l) => `  + ${l}   (now true, not in the snapshot)`),
          'If the change is intended, update the file deliberately and have its diff reviewed:',
          `  ${UPDATE_COMMAND}`,
        ].join('\n'),
      );
    }
    // Same lines in the same order (the file is kept sorted so its diffs read well).
    expect(committed).toEqual(surface);
  });

  it('names only declared permissions', () => {
    const known = new Set<string>([...Object.values(Permission), 'public', 'authenticated']);
    const unknown = surface
      .filter((l) => !l.includes(': data ('))
      .flatMap((l) => l.split(': ')[1].split(' & '))
      .filter((p) => !known.has(p));
    expect(unknown).toEqual([]);
  });

  it('leaves only sign-in and "who am I" public', () => {
    expect(surface.filter((l) => l.endsWith(': public'))).toEqual(['Query.me: public', 'Mutation.login: public']);
  });
});
