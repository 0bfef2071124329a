import fs from 'node:fs';
import path from 'node:path';
import { ClientError } from 'graphql-request';
import { canAccess } from '../admin/src/providers/canAccess';
import { LOGIN, ME } from '../admin/src/providers/operations';
import { RESOURCE_TYPES, type ResourceName } from '../admin/src/providers/resources';
import { sessionUserOf, type SessionUser } from '../admin/src/providers/sessionUser';
import type { LoginMutation, MeQuery } from '../admin/src/generated/graphql';
import { Api, startTestServer, type TestServer } from './support/harness';
import { ACCOUNTS, type AccountName, PASSWORD } from './support/fixture';

/**
 * The panel's canAccess against the server, for every fixture account. The panel signs in with its
 * own LOGIN document and keeps what the server says the account may do (`permissions`,
 * `grantableRoles`, `reviewLevel`); this test does exactly that, then asks the server:
 *
 * - `list` and `show`: canAccess is true exactly when the server answers the resource's list query
 *   (and its single read) without FORBIDDEN, but for the deliberate differences in LIST_CHOICES;
 * - `create`, `edit`, `delete` (no record): canAccess agrees with the permission the server declares
 *   for createX / updateX / deleteX in test/permission-surface.snapshot.txt being in `me.permissions`
 *   (no such mutation: false), but for the deliberate differences in WRITE_CHOICES;
 * - the panel's workflow actions the same way, each against the mutation it sends.
 */

let t: TestServer;
const ACCOUNT_NAMES = Object.keys(ACCOUNTS) as AccountName[];
const RESOURCES = Object.keys(RESOURCE_TYPES) as ResourceName[];
const signedIn = {} as Record<AccountName, { api: Api; user: SessionUser; permissions: string[] }>;

/** `Mutation.createMember: WriteMember` → { createMember: 'WriteMember' } */
function declaredPermissions(): Map<string, string> {
  const text = fs.readFileSync(path.join(__dirname, 'permission-surface.snapshot.txt'), 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(Query|Mutation)\.(\w+): (.+)$/.exec(line.trim());
    if (m) out.set(m[2], m[3]);
  }
  return out;
}
const DECLARED = declaredPermissions();

/** Whether an account holding these permissions may call the operation, as the snapshot declares it. */
function serverAllows(operation: string, permissions: string[]): boolean {
  const declared = DECLARED.get(operation);
  if (declared === undefined) return false; // the API has no such operation
  if (declared === 'public' || declared === 'authenticated') return true;
  return declared.split(' & ').every((p) => permissions.includes(p));
}

/** The list query's name of a type: allMembers, allClusterEntries, allCongresses. */
const plural = (type: string) => (type.endsWith('y') ? `${type.slice(0, -1)}ies` : type.endsWith('s') ? `${type}es` : `${type}s`);

async function codeOf(api: Api, query: string): Promise<string | null> {
  try {
    await api.q(query);
    return null;
  } catch (e) {
    if (e instanceof ClientError) return e.response.errors?.[0]?.extensions?.code as string;
    throw e;
  }
}

beforeAll(async () => {
  t = await startTestServer();
  for (const name of ACCOUNT_NAMES) {
    const { login } = await t.anon.q<LoginMutation>(LOGIN, { username: name, password: PASSWORD });
    const api = new Api(t.url, login.token);
    const { me } = await api.q<MeQuery>(ME);
    signedIn[name] = { api, user: sessionUserOf(login.user), permissions: me!.permissions };
  }
});
afterAll(() => t?.stop());

describe('the session the panel keeps', () => {
  test.each(ACCOUNT_NAMES)('%s: built from login is the one `me` gives back (a renewed session changes nothing)', async (name) => {
    const { api, user } = signedIn[name];
    const { me } = await api.q<MeQuery>(ME);
    expect(sessionUserOf(me!)).toEqual(user);
    expect(user.role).toBe(ACCOUNTS[name].role);
    expect(user.permissions.length).toBeGreaterThan(0);
    if (ACCOUNTS[name].scope) {
      expect(user.scopeUnitId).not.toBeNull();
      expect(user.scopeLevel).not.toBeNull();
    } else expect(user.scopeUnitId).toBeNull();
  });
});

// ─── list and show ──────────────────────────────────────────────────────────────────────────────

/**
 * Where the panel hides a list the server would answer, and why. Each reason is checked on the
 * server's answer, so a difference that stops holding fails here.
 */
const LIST_CHOICES: Array<{ why: string; applies: (r: ResourceName, u: SessionUser) => boolean; holds: (rows: Array<{ id: string }>, u: SessionUser) => boolean }> = [
  {
    why: 'unit lists at or above the scope level are not offered: they hold at most the scope unit itself, reached by "My unit"',
    applies: (r, u) => ['federations', 'unions', 'grassrootsUnions', 'teams'].includes(r) && u.scopeUnitId != null,
    holds: (rows, u) => rows.every((row) => row.id === u.scopeUnitId),
  },
  {
    why: 'the account list is for the roles that manage accounts (WriteUser); a chair still opens an account it sees named',
    applies: (r, u) => r === 'users' && !u.permissions.includes('WriteUser'),
    holds: () => true,
  },
];

describe('list and show: canAccess against the server', () => {
  test.each(ACCOUNT_NAMES)('%s', async (name) => {
    const { api, user } = signedIn[name];
    const mismatches: string[] = [];
    for (const resource of RESOURCES) {
      const type = RESOURCE_TYPES[resource];
      expect(DECLARED.has(`all${plural(type)}`)).toBe(true);
      let rows: Array<{ id: string }> = [];
      let listCode: string | null = null;
      try {
        rows = (await api.q<Record<string, Array<{ id: string }>>>(`{ all${plural(type)} { id } }`))[`all${plural(type)}`];
      } catch (e) {
        if (!(e instanceof ClientError)) throw e;
        listCode = e.response.errors?.[0]?.extensions?.code as string;
      }
      const serverLists = listCode !== 'FORBIDDEN';
      const panelLists = canAccess(user, { resource, action: 'list' });
      if (panelLists !== serverLists) {
        const choice = LIST_CHOICES.find((c) => c.applies(resource, user));
        if (!(serverLists && choice && choice.holds(rows, user))) mismatches.push(`${resource} list: panel ${panelLists}, server ${listCode ?? 'answers'}`);
      }
      // A single read of an id nobody has: NOT_FOUND when allowed, FORBIDDEN when not.
      const showCode = await codeOf(api, `{ ${type}(id: "987654321") { id } }`);
      const serverShows = showCode !== 'FORBIDDEN';
      if (canAccess(user, { resource, action: 'show' }) !== serverShows) mismatches.push(`${resource} show: server ${showCode}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('the differences are exercised: a chair gets neither the grassroots list nor the account list, the server answers both', async () => {
    const { api, user } = signedIn.chair;
    expect(canAccess(user, { resource: 'grassrootsUnions', action: 'list' })).toBe(false);
    expect((await api.q(`{ allGrassrootsUnions { id } }`)).allGrassrootsUnions).toEqual([{ id: user.scopeUnitId }]);
    expect(canAccess(user, { resource: 'users', action: 'list' })).toBe(false);
    expect(await codeOf(api, `{ allUsers { id } }`)).toBeNull();
  });
});

// ─── writes ─────────────────────────────────────────────────────────────────────────────────────

const WRITE_MUTATION: Record<'create' | 'edit' | 'delete', (type: string) => string> = {
  create: (type) => `create${type}`,
  edit: (type) => `update${type}`,
  delete: (type) => `delete${type}`,
};

/** Where the panel offers less than the server declares, and why. */
const WRITE_CHOICES: Record<string, string> = {
  'members delete': 'members are never deleted in the panel: leaving is an edit (status LEFT, with the date and reason)',
  'awards delete': 'awards are never deleted: deleteAward exists only to refuse clearly',
  'users edit':
    'updateUser is open to every account for its own name and password; the panel edits only accounts it may grant (WriteUser), not its own',
};

/** The panel's own actions and the mutation each sends. */
const ACTIONS: Array<{ resource: string; action: string; mutation: string }> = [
  { resource: 'nominations', action: 'submit', mutation: 'submitNomination' },
  { resource: 'nominations', action: 'withdraw', mutation: 'withdrawNomination' },
  { resource: 'nominations', action: 'review', mutation: 'reviewNomination' },
  { resource: 'nominations', action: 'recordConfederationDecision', mutation: 'recordConfederationDecision' },
  { resource: 'approvals', action: 'list', mutation: 'reviewNominations' },
  { resource: 'memberImport', action: 'create', mutation: 'importMembers' },
  { resource: 'yearImport', action: 'create', mutation: 'importTargets' },
  { resource: 'yearImport', action: 'create', mutation: 'importWelfareRecords' },
  { resource: 'yearReport', action: 'read', mutation: 'yearReport' },
];

describe('create, edit, delete: canAccess against the permissions the server declares', () => {
  test.each(ACCOUNT_NAMES)('%s', (name) => {
    const { user, permissions } = signedIn[name];
    const mismatches: string[] = [];
    for (const resource of RESOURCES) {
      for (const action of ['create', 'edit', 'delete'] as const) {
        const mutation = WRITE_MUTATION[action](RESOURCE_TYPES[resource]);
        const server = serverAllows(mutation, permissions);
        const panel = canAccess(user, { resource, action });
        if (panel === server) continue;
        const why = WRITE_CHOICES[`${resource} ${action}`];
        // A deliberate difference only ever hides: the panel never offers what the server refuses.
        if (!(why && server && !panel)) mismatches.push(`${resource} ${action}: panel ${panel}, server (${mutation}: ${DECLARED.get(mutation) ?? 'none'}) ${server}`);
      }
    }
    for (const { resource, action, mutation } of ACTIONS) {
      if (canAccess(user, { resource, action }) !== serverAllows(mutation, permissions)) mismatches.push(`${resource} ${action} (${mutation})`);
    }
    expect(mismatches).toEqual([]);
  });

  test('every deliberate difference names a real case', () => {
    for (const key of Object.keys(WRITE_CHOICES)) {
      const [resource, action] = key.split(' ') as [ResourceName, 'create' | 'edit' | 'delete'];
      const mutation = WRITE_MUTATION[action](RESOURCE_TYPES[resource]);
      const differs = ACCOUNT_NAMES.some((n) => serverAllows(mutation, signedIn[n].permissions) && !canAccess(signedIn[n].user, { resource, action }));
      expect({ key, differs }).toEqual({ key, differs: true });
    }
  });

  test('accounts are granted as the server says: grantableRoles decide which account rows the panel offers to edit', () => {
    const { user } = signedIn.unionAdmin;
    expect(user.grantableRoles).toEqual(['GRASSROOTS_CHAIR', 'ANALYST']);
    expect(canAccess(user, { resource: 'users', action: 'edit', record: { id: '999', role: 'GRASSROOTS_CHAIR' } })).toBe(true);
    expect(canAccess(user, { resource: 'users', action: 'edit', record: { id: '999', role: 'UNION_ADMIN' } })).toBe(false);
  });

  test('reviewing follows the server’s reviewLevel: a union admin reviews what waits at UNION, a chair what waits at GRASSROOTS', () => {
    const pendingAt = (currentLevel: string) => ({ id: '1', status: 'PENDING', currentLevel, createdById: '0' });
    const { unionAdmin, chair, sysadmin, analyst } = signedIn;
    expect(unionAdmin.user.reviewLevel).toBe('UNION');
    expect(canAccess(unionAdmin.user, { resource: 'nominations', action: 'review', record: pendingAt('UNION') })).toBe(true);
    expect(canAccess(unionAdmin.user, { resource: 'nominations', action: 'review', record: pendingAt('GRASSROOTS') })).toBe(false);
    expect(canAccess(chair.user, { resource: 'nominations', action: 'review', record: pendingAt('GRASSROOTS') })).toBe(true);
    expect(canAccess(sysadmin.user, { resource: 'nominations', action: 'review', record: pendingAt('FEDERATION') })).toBe(true);
    expect(canAccess(analyst.user, { resource: 'nominations', action: 'review', record: pendingAt('UNION') })).toBe(false);
  });
});
