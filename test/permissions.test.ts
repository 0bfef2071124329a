import { ClientError } from 'graphql-request';
import { Api, startTestServer, TestServer } from './support/harness';
import { ACCOUNTS, AccountName, PASSWORD } from './support/fixture';

/**
 * The permission matrix: every fixture account against every type and operation, inside and
 * outside its scope, asserted on what a client sees (data, or errors[0].extensions.code).
 * Expectations are written from api-contract.md ("Accounts and roles") and the fixture tree
 * (test/support/fixture.ts), never computed from server/auth/*: the server is what is under test.
 *
 *   F1 ─ U1 ─ G1 ─ T1, T2          F2 ─ U2 ─ G4 ─ T3
 *      │    └ G2
 *      └ G3 (directly under F1)
 *
 * Reads run first, on the untouched fixture (plus a known set of audit events); writes, granting
 * and the lockout rules come after.
 */

let t: TestServer;
const api: Partial<Record<AccountName, Api>> = {};

// ─── The fixture as the contract reads it ───────────────────────────────────────────────────────

type Unit = 'F1' | 'F2' | 'U1' | 'U2' | 'G1' | 'G2' | 'G3' | 'G4' | 'T1' | 'T2' | 'T3';
type UnitType = 'Federation' | 'Union' | 'GrassrootsUnion' | 'Team';
type TypeName = UnitType | 'Member' | 'User' | 'AuditEvent';

const ROLES = Object.keys(ACCOUNTS) as AccountName[];
const UNITS: Unit[] = ['F1', 'F2', 'U1', 'U2', 'G1', 'G2', 'G3', 'G4', 'T1', 'T2', 'T3'];
const UNIT_TYPE: Record<Unit, UnitType> = {
  F1: 'Federation', F2: 'Federation', U1: 'Union', U2: 'Union',
  G1: 'GrassrootsUnion', G2: 'GrassrootsUnion', G3: 'GrassrootsUnion', G4: 'GrassrootsUnion',
  T1: 'Team', T2: 'Team', T3: 'Team',
};
const UNIT_TYPES: UnitType[] = ['Federation', 'Union', 'GrassrootsUnion', 'Team'];

/** The subtree each account acts in (its scope unit included); null: everything. */
const SUBTREE: Record<AccountName, Unit[] | null> = {
  sysadmin: null,
  analyst: null,
  fedAdmin: ['F1', 'U1', 'G1', 'G2', 'G3', 'T1', 'T2'],
  analystF1: ['F1', 'U1', 'G1', 'G2', 'G3', 'T1', 'T2'],
  fedAdmin2: ['F2', 'U2', 'G4', 'T3'],
  unionAdmin: ['U1', 'G1', 'G2', 'T1', 'T2'],
  chair: ['G1', 'T1', 'T2'],
  chair4: ['G4', 'T3'],
};
/** The ancestors of each account's scope unit: readable by id (breadcrumbs), nothing more. */
const ANCESTORS: Record<AccountName, Unit[]> = {
  sysadmin: [], analyst: [], fedAdmin: [], analystF1: [], fedAdmin2: [],
  unionAdmin: ['F1'],
  chair: ['F1', 'U1'],
  chair4: ['F2', 'U2'],
};
type MemberKey = 'hoa' | 'duc' | 'lan' | 'binh' | 'mai' | 'hung' | 'an' | 'dung' | 'hanh' | 'thu';
const MEMBER_UNIT: Record<MemberKey, Unit> = {
  hoa: 'T1', duc: 'T1', lan: 'T2', binh: 'G1', mai: 'G2', hung: 'G3', an: 'G3', dung: 'T3', hanh: 'T3', thu: 'G4',
};

const ANALYSTS: AccountName[] = ['analyst', 'analystF1'];
const ALL_BUT_ANALYSTS = ROLES.filter((r) => !ANALYSTS.includes(r));
/** Who may read each type at all (within its scope). Accounts and the audit trail: not analysts. */
const READERS: Record<TypeName, AccountName[]> = {
  Federation: ROLES, Union: ROLES, GrassrootsUnion: ROLES, Team: ROLES, Member: ROLES,
  User: ALL_BUT_ANALYSTS,
  AuditEvent: ALL_BUT_ANALYSTS,
};
/** Who may write each type (the contract's "writes" column); nobody writes the audit trail. */
const WRITERS: Record<Exclude<TypeName, 'AuditEvent'>, AccountName[]> = {
  Federation: ['sysadmin'],
  Union: ['sysadmin', 'fedAdmin', 'fedAdmin2'],
  GrassrootsUnion: ['sysadmin', 'fedAdmin', 'fedAdmin2', 'unionAdmin'],
  Team: ['sysadmin', 'fedAdmin', 'fedAdmin2', 'unionAdmin', 'chair', 'chair4'],
  Member: ['sysadmin', 'fedAdmin', 'fedAdmin2', 'unionAdmin', 'chair', 'chair4'],
  User: ['sysadmin', 'fedAdmin', 'fedAdmin2', 'unionAdmin'],
};

const inSubtree = (role: AccountName, unit: Unit | null) => {
  const s = SUBTREE[role];
  return s === null ? true : unit !== null && s.includes(unit);
};
const isAncestor = (role: AccountName, unit: Unit | null) => unit !== null && ANCESTORS[role].includes(unit);

const unitId = (u: Unit) => String(t.fx[u].id);
const memberId = (m: MemberKey) => String(t.fx.m[m].id);
const userId = (a: AccountName) => String(t.fx.users[a]);
const accountUnit = (a: AccountName): Unit | null => ACCOUNTS[a].scope;

/** A readable row of a type: its id, the unit that decides its visibility, and whether it is a unit itself. */
interface Row {
  label: string;
  id: string;
  unit: Unit | null;
  isUnit: boolean;
}
let auditRows: Row[] = [];

function rowsOf(type: TypeName): Row[] {
  switch (type) {
    case 'Member':
      return (Object.keys(MEMBER_UNIT) as MemberKey[]).map((m) => ({ label: m, id: memberId(m), unit: MEMBER_UNIT[m], isUnit: false }));
    case 'User':
      return ROLES.map((a) => ({ label: a, id: userId(a), unit: accountUnit(a), isUnit: false }));
    case 'AuditEvent':
      return auditRows;
    default:
      return UNITS.filter((u) => UNIT_TYPE[u] === type).map((u) => ({ label: u, id: unitId(u), unit: u, isUnit: true }));
  }
}
/** Visible in lists and counts: inside the subtree. */
const listed = (role: AccountName, r: Row) => inSubtree(role, r.unit);
/** Readable by id: inside the subtree, or (units only) an ancestor of the scope unit. */
const byIdVisible = (role: AccountName, r: Row) => listed(role, r) || (r.isUnit && isAncestor(role, r.unit));

const plural = (type: TypeName) => `${type}s`;

// ─── A client's view of an operation ────────────────────────────────────────────────────────────

type Outcome = { ok: true; data: any } | { ok: false; code?: string; field?: string; message: string };

async function run(client: Api, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  try {
    return { ok: true, data: await client.q(query, variables) };
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    const err = e.response.errors?.[0];
    return { ok: false, code: err?.extensions?.code as string | undefined, field: err?.extensions?.field as string | undefined, message: err?.message ?? '' };
  }
}
/**
 * `X(id)` for every row in one request (an alias per row), as a client sees each: 'OK' when the row
 * comes back, else the code of the error at that alias's path.
 */
async function singleReads(client: Api, type: string, rows: { label: string; id: string }[]): Promise<Record<string, string>> {
  const query = `query { ${rows.map((r, i) => `r${i}: ${type}(id: ${JSON.stringify(r.id)}) { id }`).join(' ')} }`;
  let data: Record<string, { id: string } | null>;
  let errors: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] = [];
  try {
    data = await client.q(query);
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    data = (e.response.data ?? {}) as typeof data;
    errors = (e.response.errors ?? []) as typeof errors;
  }
  const out: Record<string, string> = {};
  rows.forEach((r, i) => {
    const err = errors.find((x) => x.path?.[0] === `r${i}`);
    if (err) out[r.label] = String(err.extensions?.code);
    else out[r.label] = data[`r${i}`]?.id === r.id ? 'OK' : `wrong answer ${JSON.stringify(data[`r${i}`])}`;
  });
  return out;
}

/** The outcome as one comparable value: 'OK' or the error code. */
const codeOf = (o: Outcome) => (o.ok ? 'OK' : o.code);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
const sortIds = (xs: string[]) => [...xs].sort((a, b) => Number(a) - Number(b));

const as = (role: AccountName) => api[role]!;
const sys = () => as('sysadmin');

/** GraphQL argument text: strings quoted, enums as `enumValue('MALE')`. */
class EnumValue {
  constructor(readonly v: string) {}
}
const enumValue = (v: string) => new EnumValue(v);
function gqlArgs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v instanceof EnumValue ? v.v : JSON.stringify(v)}`)
    .join(', ');
}

let uniq = 0;
/** A name no other row carries and `q` finds alone. */
const freshName = (what: string) => `${what} Zq${++uniq}x`;
const qToken = (name: string) => name.split(' ').pop()!.toLowerCase();

beforeAll(async () => {
  t = await startTestServer();
  for (const r of ROLES) api[r] = await t.as(r);
  // A known audit trail: one UPDATE per unit (its unit is itself) and one on an unscoped account (no unit).
  for (const u of UNITS) {
    await sys().q(`mutation { update${UNIT_TYPE[u]}(${gqlArgs({ id: unitId(u), name: t.fx[u].name })}) { id } }`);
  }
  await sys().q(`mutation { updateUser(${gqlArgs({ id: userId('analyst'), fullName: 'Tài khoản analyst' })}) { id } }`);
  const events: { id: number; unit_id: number | null }[] = await t.ds.query('SELECT id, unit_id FROM audit_event ORDER BY id');
  const unitById = new Map(UNITS.map((u) => [t.fx[u].id, u]));
  auditRows = events.map((e) => {
    const unit = e.unit_id === null ? null : unitById.get(Number(e.unit_id))!;
    return { label: `event ${e.id} (${unit ?? 'no unit'})`, id: String(e.id), unit, isUnit: false };
  });
});
afterAll(() => t?.stop());

// ─── Reads ─────────────────────────────────────────────────────────────────────────────────────

const READ_TYPES: TypeName[] = [...UNIT_TYPES, 'Member', 'User', 'AuditEvent'];

describe('reads: single, list, count, ids-filtered list and count, for every role and type', () => {
  it('the audit trail seeded for the read matrix is known (one event per unit, one without a unit)', () => {
    expect(auditRows.map((r) => r.unit)).toEqual([...UNITS, null]);
  });

  describe.each(ROLES)('%s', (role) => {
    it.each(READ_TYPES)('%s: by id, listed, counted, listed and counted by ids', async (type) => {
      const client = as(role);
      const rows = rowsOf(type);
      const one = `query($id: ID!) { ${type}(id: $id) { id } }`;
      const list = `query($filter: ${type}Filter) { all${plural(type)}(filter: $filter) { id } _all${plural(type)}Meta(filter: $filter) { count } }`;
      const listOnly = `query { all${plural(type)} { id } }`;
      const countOnly = `query { _all${plural(type)}Meta { count } }`;

      if (!READERS[type].includes(role)) {
        expect({ one: codeOf(await run(client, one, { id: rows[0].id })), list: codeOf(await run(client, listOnly)), count: codeOf(await run(client, countOnly)) })
          .toEqual({ one: 'FORBIDDEN', list: 'FORBIDDEN', count: 'FORBIDDEN' });
        return;
      }

      // Single reads, one alias per row in one request: visible by id, or NOT_FOUND as if the row did not exist.
      const seen = await singleReads(client, type, rows);
      const expected: Record<string, string> = {};
      for (const r of rows) expected[r.label] = byIdVisible(role, r) ? 'OK' : 'NOT_FOUND';
      expect(seen).toEqual(expected);

      // Lists and counts without a filter: the subtree only, and the count is what the list shows.
      const all = (await client.q(list, {})) as Record<string, any>;
      const listedIds = sortIds(rows.filter((r) => listed(role, r)).map((r) => r.id));
      expect(ids(all[`all${plural(type)}`])).toEqual(listedIds);
      expect(all[`_all${plural(type)}Meta`].count).toBe(listedIds.length);

      // Filtered by ids (react-admin's reference fields): the subtree, plus the ancestors for units.
      const byIds = (await client.q(list, { filter: { ids: rows.map((r) => r.id) } })) as Record<string, any>;
      const byIdIds = sortIds(rows.filter((r) => (r.isUnit ? byIdVisible(role, r) : listed(role, r))).map((r) => r.id));
      expect(ids(byIds[`all${plural(type)}`])).toEqual(byIdIds);
      expect(byIds[`_all${plural(type)}Meta`].count).toBe(byIdIds.length);
    });
  });

  it.each(ROLES)('me: %s reads its own account, role and scope unit', async (role) => {
    const r = await as(role).q(`{ me { id role scopeUnitId active } }`);
    const unit = accountUnit(role);
    expect(r.me).toEqual({ id: userId(role), role: ACCOUNTS[role].role, scopeUnitId: unit ? unitId(unit) : null, active: true });
  });
});

describe('unauthenticated calls', () => {
  const bogus = () => new Api(t.url, 'not.a.token');
  it.each(READ_TYPES)('%s: single read, list and count answer UNAUTHENTICATED (no token, or a forged one)', async (type) => {
    const id = rowsOf(type)[0].id;
    for (const client of [t.anon, bogus()]) {
      expect([
        codeOf(await run(client, `query($id: ID!) { ${type}(id: $id) { id } }`, { id })),
        codeOf(await run(client, `{ all${plural(type)} { id } }`)),
        codeOf(await run(client, `{ _all${plural(type)}Meta { count } }`)),
      ]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    }
  });

  it('me answers null, and orgUnit and moveUnit answer UNAUTHENTICATED', async () => {
    expect((await t.anon.q(`{ me { id } }`)).me).toBeNull();
    expect(codeOf(await run(t.anon, `query($id: ID!) { orgUnit(id: $id) { __typename } }`, { id: unitId('G1') }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(t.anon, `mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: unitId('G2'), p: unitId('F1') }))).toBe('UNAUTHENTICATED');
  });
});

// ─── Breadcrumbs: the ancestor exception ──────────────────────────────────────────────────────

describe('the ancestors of a scope unit: readable by id, never listed, never written', () => {
  it('a chair reads its union and federation by id (single reads, orgUnit)', async () => {
    const r = await as('chair').q(`query($u: ID!, $f: ID!) { Union(id: $u) { id name } Federation(id: $f) { id name } orgUnit(id: $u) { __typename ... on Union { id } } }`, {
      u: unitId('U1'), f: unitId('F1'),
    });
    expect(r).toEqual({
      Union: { id: unitId('U1'), name: t.fx.U1.name },
      Federation: { id: unitId('F1'), name: t.fx.F1.name },
      orgUnit: { __typename: 'Union', id: unitId('U1') },
    });
    expect(codeOf(await run(as('chair'), `query($id: ID!) { orgUnit(id: $id) { __typename } }`, { id: unitId('U2') }))).toBe('NOT_FOUND');
  });

  it('… and through parent objects (grassroots union, team, member, its own account)', async () => {
    const r = await as('chair').q(
      `query($g: ID!, $t: ID!, $m: ID!) {
        GrassrootsUnion(id: $g) { union { id federation { id } } federation { id } }
        Team(id: $t) { grassrootsUnion { id union { id } } }
        Member(id: $m) { team { id } grassrootsUnion { id } union { id } federation { id } }
        me { scopeUnit { ... on GrassrootsUnion { id union { id } federation { id } } } }
      }`,
      { g: unitId('G1'), t: unitId('T1'), m: memberId('hoa') },
    );
    const U1 = unitId('U1');
    const F1 = unitId('F1');
    expect(r).toEqual({
      GrassrootsUnion: { union: { id: U1, federation: { id: F1 } }, federation: { id: F1 } },
      Team: { grassrootsUnion: { id: unitId('G1'), union: { id: U1 } } },
      Member: { team: { id: unitId('T1') }, grassrootsUnion: { id: unitId('G1') }, union: { id: U1 }, federation: { id: F1 } },
      me: { scopeUnit: { id: unitId('G1'), union: { id: U1 }, federation: { id: F1 } } },
    });
  });

  it('… and in lists and counts filtered by ids, but not in lists or counts by any other filter or none', async () => {
    const q = `query($uf: UnionFilter, $ff: FederationFilter) {
      allUnions(filter: $uf) { id } _allUnionsMeta(filter: $uf) { count }
      allFederations(filter: $ff) { id } _allFederationsMeta(filter: $ff) { count }
    }`;
    const chair = as('chair');
    expect(await chair.q(q, { uf: { ids: [unitId('U1'), unitId('U2')] }, ff: { ids: [unitId('F1'), unitId('F2')] } })).toEqual({
      allUnions: [{ id: unitId('U1') }], _allUnionsMeta: { count: 1 },
      allFederations: [{ id: unitId('F1') }], _allFederationsMeta: { count: 1 },
    });
    const none = { allUnions: [], _allUnionsMeta: { count: 0 }, allFederations: [], _allFederationsMeta: { count: 0 } };
    for (const [uf, ff] of [
      [null, null],
      [{ federationId: [unitId('F1')] }, { q: 'Thanh Hoa' }],
      [{ q: 'Vien chuc Thanh Hoa' }, { active: true }],
      [{ name: [t.fx.U1.name] }, { code: ['F1'] }],
    ]) {
      expect({ uf, ff, r: await chair.q(q, { uf, ff }) }).toEqual({ uf, ff, r: none });
    }
  });

  it('children of an ancestor outside the scope stay invisible', async () => {
    const q = `query($f: ID!, $u: ID!) {
      Federation(id: $f) { unions { id } grassrootsUnions { id } }
      Union(id: $u) { grassrootsUnions { id teams { id } members { id } } }
    }`;
    const asChair = await as('chair').q(q, { f: unitId('F1'), u: unitId('U1') });
    expect(asChair).toEqual({
      Federation: { unions: [], grassrootsUnions: [{ id: unitId('G1') }] },
      Union: {
        grassrootsUnions: [{ id: unitId('G1'), teams: expect.any(Array), members: expect.any(Array) }],
      },
    });
    expect(ids(asChair.Union.grassrootsUnions[0].teams)).toEqual(sortIds([unitId('T1'), unitId('T2')]));
    expect(ids(asChair.Union.grassrootsUnions[0].members)).toEqual(sortIds((['hoa', 'duc', 'lan', 'binh'] as MemberKey[]).map(memberId)));
    // A union admin's federation shows its own union and grassroots unions, not G3 beside it.
    const asUnionAdmin = await as('unionAdmin').q(q, { f: unitId('F1'), u: unitId('U1') });
    expect(ids(asUnionAdmin.Federation.unions)).toEqual([unitId('U1')]);
    expect(ids(asUnionAdmin.Federation.grassrootsUnions)).toEqual(sortIds([unitId('G1'), unitId('G2')]));
    // The sibling itself answers as if it did not exist, by id and by ids-filtered list.
    expect(codeOf(await run(as('chair'), `query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: unitId('G2') }))).toBe('NOT_FOUND');
    expect((await as('chair').q(`query($ids: [ID!]) { allGrassrootsUnions(filter: { ids: $ids }) { id } }`, { ids: [unitId('G2'), unitId('G3')] })).allGrassrootsUnions).toEqual([]);
    expect(codeOf(await run(as('chair'), `query($id: ID!) { Member(id: $id) { id } }`, { id: memberId('mai') }))).toBe('NOT_FOUND');
  });

  it('ancestors are never written by the account: refused, and unchanged', async () => {
    const snap = async () => sys().q(`query($u: ID!, $f: ID!) { Union(id: $u) { name code active federationId } Federation(id: $f) { name code active } allGrassrootsUnions(filter: { federationId: [$f] }) { id } }`, {
      u: unitId('U1'), f: unitId('F1'),
    });
    const before = await snap();
    const attempts: [AccountName, string, string][] = [
      ['chair', `mutation { updateUnion(${gqlArgs({ id: unitId('U1'), name: 'Đổi tên' })}) { id } }`, 'FORBIDDEN'],
      ['chair', `mutation { deleteUnion(${gqlArgs({ id: unitId('U1') })}) { id } }`, 'FORBIDDEN'],
      ['chair', `mutation { updateFederation(${gqlArgs({ id: unitId('F1'), name: 'Đổi tên' })}) { id } }`, 'FORBIDDEN'],
      ['chair', `mutation { moveUnit(${gqlArgs({ id: unitId('U1'), parentId: unitId('F2') })}) { __typename } }`, 'FORBIDDEN'],
      ['unionAdmin', `mutation { updateFederation(${gqlArgs({ id: unitId('F1'), name: 'Đổi tên' })}) { id } }`, 'FORBIDDEN'],
      // a grassroots union placed directly under the ancestor federation
      ['unionAdmin', `mutation { createGrassrootsUnion(${gqlArgs({ name: freshName('CĐCS'), federationId: unitId('F1') })}) { id } }`, 'FORBIDDEN'],
      ['unionAdmin', `mutation { moveUnit(${gqlArgs({ id: unitId('G2'), parentId: unitId('F1') })}) { __typename } }`, 'FORBIDDEN'],
      // control: the same shape of mutation succeeds inside one's own subtree
      ['chair4', `mutation { createTeam(${gqlArgs({ name: freshName('Tổ'), grassrootsUnionId: unitId('G4') })}) { id } }`, 'OK'],
    ];
    const got = [];
    for (const [role, m] of attempts) got.push(codeOf(await run(as(role), m)));
    expect(got).toEqual(attempts.map((a) => a[2]));
    expect(await snap()).toEqual(before);
  });
});

// ─── Personal data and analysts ───────────────────────────────────────────────────────────────

describe('personal data: hidden from analysts, never filtered, sorted or searched by them', () => {
  const PERSONAL = 'birthDate phone email nationalId';
  let hoa: { birthDate: string; phone: string; email: string; nationalId: string };
  beforeAll(async () => {
    hoa = (await sys().q(`query($id: ID!) { Member(id: $id) { ${PERSONAL} } }`, { id: memberId('hoa') })).Member;
  });

  it('the fixture member has personal data (as the system admin reads it)', () => {
    expect(Object.values(hoa).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });

  it.each(ANALYSTS)('%s reads birthDate, phone, email, nationalId as null, by id, in lists and through units', async (role) => {
    const r = await as(role).q(
      `query($id: ID!, $g: ID!, $t: ID!) {
        Member(id: $id) { fullName cardNumber ${PERSONAL} }
        allMembers { ${PERSONAL} }
        GrassrootsUnion(id: $g) { members { ${PERSONAL} } }
        Team(id: $t) { members { ${PERSONAL} } }
      }`,
      { id: memberId('hoa'), g: unitId('G1'), t: unitId('T1') },
    );
    const hidden = { birthDate: null, phone: null, email: null, nationalId: null };
    expect(r.Member).toEqual({ fullName: t.fx.m.hoa.fullName, cardNumber: t.fx.m.hoa.cardNumber, ...hidden });
    for (const list of [r.allMembers, r.GrassrootsUnion.members, r.Team.members]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((m: object) => JSON.stringify(m) !== JSON.stringify(hidden))).toEqual([]);
    }
  });

  it.each(ROLES.filter((r) => !ANALYSTS.includes(r) && inSubtree(r, 'T1')))('%s reads personal data of its members', async (role) => {
    const r = await as(role).q(`query($id: ID!) { Member(id: $id) { ${PERSONAL} } }`, { id: memberId('hoa') });
    expect(r.Member).toEqual(hoa);
  });

  const personalFilters = (): [string, Record<string, unknown>][] => [
    ['phone', { phone: [hoa.phone] }],
    ['email', { email: [hoa.email] }],
    ['nationalId', { nationalId: [hoa.nationalId] }],
    ['birthDate_gte', { birthDate_gte: '1900-01-01' }],
    ['birthDate_lt', { birthDate_lt: '2100-01-01' }],
  ];
  const LIST = `query($filter: MemberFilter, $sortField: String) { allMembers(filter: $filter, sortField: $sortField) { id } }`;
  const COUNT = `query($filter: MemberFilter) { _allMembersMeta(filter: $filter) { count } }`;

  it.each(ANALYSTS)('%s: filtering or sorting on personal data is FORBIDDEN (lists and counts)', async (role) => {
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const [name, filter] of personalFilters()) {
      got[`filter ${name}`] = [codeOf(await run(as(role), LIST, { filter })), codeOf(await run(as(role), COUNT, { filter }))];
      want[`filter ${name}`] = ['FORBIDDEN', 'FORBIDDEN'];
    }
    for (const sortField of ['birthDate', 'phone', 'email', 'nationalId']) {
      got[`sort ${sortField}`] = codeOf(await run(as(role), LIST, { sortField }));
      want[`sort ${sortField}`] = 'FORBIDDEN';
    }
    got['sort fullName (not personal)'] = codeOf(await run(as(role), LIST, { sortField: 'fullName' }));
    want['sort fullName (not personal)'] = 'OK';
    expect(got).toEqual(want);
  });

  it('other roles may filter on personal data (the refusal is the analyst role, not the field)', async () => {
    for (const role of ['sysadmin', 'fedAdmin', 'unionAdmin', 'chair'] as AccountName[]) {
      for (const [name, filter] of personalFilters().slice(0, 3)) {
        const r = await as(role).q(LIST, { filter });
        expect({ role, name, ids: ids(r.allMembers) }).toEqual({ role, name, ids: [memberId('hoa')] });
      }
    }
  });

  it.each(ROLES)('%s: q never matches phone numbers, e-mail addresses or national ids', async (role) => {
    const got: Record<string, unknown> = {};
    const none: Record<string, unknown> = {};
    for (const q of [hoa.phone, hoa.phone.slice(2), hoa.email, hoa.email.split('@')[0], hoa.nationalId]) {
      const r = await as(role).q(`query($filter: MemberFilter) { allMembers(filter: $filter) { id } _allMembersMeta(filter: $filter) { count } }`, { filter: { q } });
      got[q] = { rows: r.allMembers.length, count: r._allMembersMeta.count };
      none[q] = { rows: 0, count: 0 };
    }
    expect(got).toEqual(none);
    // q itself works for the same role: the member's name is found when the member is visible.
    const byName = await as(role).q(`{ allMembers(filter: { q: "nguyen thi hoa" }) { id } }`);
    expect(ids(byName.allMembers)).toEqual(inSubtree(role, 'T1') ? [memberId('hoa')] : []);
  });
});

// ─── Writes ──────────────────────────────────────────────────────────────────────────────────

type WriteType = Exclude<TypeName, 'AuditEvent'>;
type Where = 'inside' | 'outside' | 'ancestor' | 'anywhere';
type Op = 'create' | 'update' | 'delete';

/** What a read-back shows of a row (as the system admin). */
const SNAPSHOT_FIELDS: Record<WriteType, string> = {
  Federation: 'id name code active dissolvedAt',
  Union: 'id name code active dissolvedAt federationId',
  GrassrootsUnion: 'id name code active dissolvedAt federationId unionId',
  Team: 'id name code active dissolvedAt grassrootsUnionId unionId federationId',
  Member: 'id fullName status leftAt position grassrootsUnionId teamId phone',
  User: 'id username fullName role scopeUnitId active',
};
const NAME_FIELD = (type: WriteType) => (type === 'Member' || type === 'User' ? 'fullName' : 'name');

async function readBack(type: WriteType, id: string) {
  return (await sys().q(`query($id: ID!) { ${type}(id: $id) { ${SNAPSHOT_FIELDS[type]} } }`, { id }))[type];
}
/** The row count, and the count of rows matching `filter`, in one request (as the system admin). */
async function countsOf(type: WriteType, filter: object): Promise<{ total: number; found: number }> {
  const r = await sys().q(`query($filter: ${type}Filter) { total: _all${plural(type)}Meta { count } found: _all${plural(type)}Meta(filter: $filter) { count } }`, { filter });
  return { total: r.total.count, found: r.found.count };
}
async function countAll(type: WriteType, filter?: object) {
  return (await sys().q(`query($filter: ${type}Filter) { _all${plural(type)}Meta(filter: $filter) { count } }`, { filter }))[`_all${plural(type)}Meta`].count as number;
}

/** The arguments placing a new row of `type` under `parent`. */
function placeArgs(type: WriteType, parent: Unit | null): Record<string, unknown> {
  if (!parent) return {};
  switch (type) {
    case 'Union':
      return { federationId: unitId(parent) };
    case 'GrassrootsUnion':
      return UNIT_TYPE[parent] === 'Federation' ? { federationId: unitId(parent) } : { unionId: unitId(parent) };
    default:
      return { grassrootsUnionId: unitId(parent) };
  }
}
function createMutation(type: WriteType, name: string, parent: Unit | null): string {
  const extra = type === 'Member' ? { fullName: name, gender: enumValue('FEMALE') } : { name };
  return `mutation { create${type}(${gqlArgs({ ...extra, ...placeArgs(type, parent) })}) { id } }`;
}
const updateMutation = (type: WriteType, id: string, name: string) => `mutation { update${type}(${gqlArgs({ id, [NAME_FIELD(type)]: name })}) { id } }`;
const deleteMutation = (type: WriteType, id: string) => `mutation { delete${type}(${gqlArgs({ id })}) { id } }`;

/** The parent types a new row of each type may be placed under. */
const PARENT_TYPES: Partial<Record<WriteType, UnitType[]>> = {
  Union: ['Federation'],
  GrassrootsUnion: ['Union', 'Federation'],
  Team: ['GrassrootsUnion'],
  Member: ['GrassrootsUnion'],
};

/** A fixture unit of `type` that is, for `role`, inside its subtree / outside it / an ancestor. */
function pickUnit(role: AccountName, type: UnitType, where: Where): Unit | undefined {
  const of = UNITS.filter((u) => UNIT_TYPE[u] === type);
  if (where === 'inside') return of.find((u) => inSubtree(role, u));
  if (where === 'ancestor') return of.find((u) => isAncestor(role, u));
  return of.find((u) => !inSubtree(role, u) && !isAncestor(role, u));
}

/** A fixture row of `type` (not the account itself) inside / outside / an ancestor, for refused writes. */
function pickRow(role: AccountName, type: WriteType, where: Where): { label: string; id: () => string } | undefined {
  if (type === 'Member') {
    const m = (Object.keys(MEMBER_UNIT) as MemberKey[]).find((k) => (where === 'inside' ? inSubtree(role, MEMBER_UNIT[k]) : where === 'outside' ? !inSubtree(role, MEMBER_UNIT[k]) : false));
    return m && { label: m, id: () => memberId(m) };
  }
  if (type === 'User') {
    // scoped accounts only: unscoped ones (the system admin) are tried in the lockout tests
    const a = ROLES.find((k) => k !== role && accountUnit(k) !== null && (where === 'inside' ? inSubtree(role, accountUnit(k)) : where === 'outside' ? !inSubtree(role, accountUnit(k)) : false));
    return a && { label: a, id: () => userId(a) };
  }
  const u = pickUnit(role, type, where);
  return u && { label: u, id: () => unitId(u) };
}

/**
 * The contract's answer: a role without the write permission is FORBIDDEN; inside its subtree the
 * write succeeds; an ancestor is FORBIDDEN (it is visible, but never written); anything else out of
 * scope is NOT_FOUND (it behaves as if it did not exist).
 */
function expectedWrite(role: AccountName, type: WriteType, op: Op, where: Where): string {
  // updateUser is open to every signed-in account for its own name and password; another account
  // is refused before any lookup, so a role without WriteUser cannot probe which ids exist.
  if (!WRITERS[type].includes(role)) return 'FORBIDDEN';
  if (where === 'inside' || where === 'anywhere') return 'OK';
  if (where === 'ancestor') return 'FORBIDDEN';
  return 'NOT_FOUND';
}

interface WriteCase {
  role: AccountName;
  type: WriteType;
  op: Op;
  where: Where;
  /** the parent (creates) or the target (update, delete); undefined: a fresh row made for the test */
  on?: { label: string; id: () => string; unit?: Unit };
  expect: string;
}

function writeCases(): WriteCase[] {
  const cases: WriteCase[] = [];
  const wheres: Where[] = ['inside', 'outside', 'ancestor'];
  for (const role of ROLES) {
    for (const type of ['Federation', 'Union', 'GrassrootsUnion', 'Team', 'Member', 'User'] as WriteType[]) {
      // create (accounts: see the granting matrix)
      if (type === 'Federation') cases.push({ role, type, op: 'create', where: 'anywhere', expect: expectedWrite(role, type, 'create', 'anywhere') });
      for (const parentType of PARENT_TYPES[type] ?? []) {
        for (const where of wheres) {
          const parent = pickUnit(role, parentType, where);
          if (parent) cases.push({ role, type, op: 'create', where, on: { label: `under ${parent}`, id: () => unitId(parent), unit: parent }, expect: expectedWrite(role, type, 'create', where) });
        }
      }
      // update and delete
      for (const op of ['update', 'delete'] as Op[]) {
        for (const where of wheres) {
          const expect = expectedWrite(role, type, op, where);
          if (where === 'inside' && expect === 'OK') {
            cases.push({ role, type, op, where, expect }); // a fresh row inside the subtree
            continue;
          }
          const row = pickRow(role, type, where);
          if (row) cases.push({ role, type, op, where, on: row, expect });
        }
      }
    }
  }
  return cases;
}

/** A fresh row of `type` inside `role`'s subtree, made by the system admin; answers its id. */
async function freshInside(role: AccountName, type: WriteType): Promise<string> {
  const name = freshName(type);
  if (type === 'User') {
    const scope = accountUnit(role) ?? 'G1';
    const r = await sys().q(`mutation { createUser(${gqlArgs({ username: `u${uniq}x`, password: PASSWORD, fullName: name, role: enumValue('ANALYST'), scopeUnitId: unitId(scope) })}) { id } }`);
    return r.createUser.id;
  }
  const parentType = PARENT_TYPES[type]?.[0];
  const parent = parentType ? pickUnit(role, parentType, 'inside') : null;
  const r = await sys().q(createMutation(type, name, parent ?? null));
  return r[`create${type}`].id;
}

describe('writes: create, update, delete for every role and type, inside and outside its scope', () => {
  const cases = writeCases();

  it('the matrix covers every role, writable type and operation', () => {
    const missing: string[] = [];
    for (const role of ROLES) for (const type of Object.keys(WRITERS) as WriteType[]) {
      const ops: Op[] = type === 'User' ? ['update', 'delete'] : ['create', 'update', 'delete']; // account creation: the granting matrix
      for (const op of ops) if (!cases.some((c) => c.role === role && c.type === type && c.op === op)) missing.push(`${role} ${op}${type}`);
    }
    expect(missing).toEqual([]);
    expect(cases.length).toBeGreaterThan(200);
    // no role writes outside its scope anywhere in the matrix
    expect(cases.filter((c) => c.where === 'outside' && c.expect === 'OK')).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.role} ${c.op}${c.type} ${c.where}${c.on ? ` (${c.on.label})` : ''} → ${c.expect}`, c] as const))('%s', async (_title, c) => {
    const client = as(c.role);
    if (c.op === 'create') {
      const name = freshName(c.type);
      const total = await countAll(c.type);
      const o = await run(client, createMutation(c.type, name, c.on?.unit ?? null));
      expect(codeOf(o)).toBe(c.expect);
      const after = await countsOf(c.type, { q: qToken(name) });
      if (c.expect === 'OK') {
        expect(after).toEqual({ found: 1, total: total + 1 });
        const created = await readBack(c.type, (o as any).data[`create${c.type}`].id);
        expect(created[NAME_FIELD(c.type)]).toBe(name);
        if (c.on) expect(Object.values(placeArgs(c.type, c.on.unit!))).toEqual([created[Object.keys(placeArgs(c.type, c.on.unit!))[0]]]);
      } else {
        expect(after).toEqual({ found: 0, total });
      }
      return;
    }
    const id = c.on ? c.on.id() : await freshInside(c.role, c.type);
    const before = await readBack(c.type, id);
    const name = freshName('Tên mới');
    const o = await run(client, c.op === 'update' ? updateMutation(c.type, id, name) : deleteMutation(c.type, id));
    expect(codeOf(o)).toBe(c.expect);
    const after = await readBack(c.type, id);
    if (c.expect !== 'OK') {
      expect(after).toEqual(before);
    } else if (c.op === 'update') {
      expect(after).toEqual({ ...before, [NAME_FIELD(c.type)]: name });
    } else if (c.type === 'Member') {
      expect(after).toMatchObject({ ...before, status: 'LEFT', leftAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    } else {
      // units are dissolved, accounts deactivated: never hard-deleted
      expect(after).toEqual({ ...before, active: false, ...(c.type === 'User' ? {} : { dissolvedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }) });
    }
  });

  it.each(['Federation', 'Union', 'GrassrootsUnion', 'Team', 'Member', 'User'] as WriteType[])('unauthenticated: create, update and delete %s answer UNAUTHENTICATED and change nothing', async (type) => {
    const target = type === 'User' ? userId('chair') : type === 'Member' ? memberId('hoa') : unitId(pickUnit('sysadmin', type as UnitType, 'inside')!);
    const before = await readBack(type, target);
    const total = await countAll(type);
    const create =
      type === 'User'
        ? `mutation { createUser(${gqlArgs({ username: 'anonymous', password: PASSWORD, fullName: 'Ẩn danh', role: enumValue('ANALYST') })}) { id } }`
        : createMutation(type, freshName(type), type === 'Federation' ? null : pickUnit('sysadmin', PARENT_TYPES[type]![0], 'inside')!);
    expect([
      codeOf(await run(t.anon, create)),
      codeOf(await run(t.anon, updateMutation(type, target, 'Ẩn danh'))),
      codeOf(await run(t.anon, deleteMutation(type, target))),
    ]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(await readBack(type, target)).toEqual(before);
    expect(await countAll(type)).toBe(total);
  });

  it('the audit trail has no write operations for anyone', async () => {
    for (const m of [
      `mutation { createAuditEvent(action: "X") { id } }`,
      `mutation { updateAuditEvent(id: "${auditRows[0].id}", action: "X") { id } }`,
      `mutation { deleteAuditEvent(id: "${auditRows[0].id}") { id } }`,
    ]) {
      expect(codeOf(await run(sys(), m))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  describe('moveUnit', () => {
    const MOVE = (id: string, parentId: string) => `mutation { moveUnit(${gqlArgs({ id, parentId })}) { __typename } }`;
    const place = async (id: string) => (await sys().q(`query($id: ID!) { GrassrootsUnion(id: $id) { federationId unionId } }`, { id })).GrassrootsUnion;

    it.each([
      ['fedAdmin', 'a grassroots union of U1 directly under F1', 'OK', 'U1', 'F1'],
      ['fedAdmin', 'a grassroots union of U1 under U2 (outside)', 'NOT_FOUND', 'U1', 'U2'],
      ['unionAdmin', 'a grassroots union of U1 under F1 (its ancestor)', 'FORBIDDEN', 'U1', 'F1'],
      ['unionAdmin', 'a grassroots union of U1 under U2 (outside)', 'NOT_FOUND', 'U1', 'U2'],
      ['fedAdmin2', 'a grassroots union of U1 (outside) under U2', 'NOT_FOUND', 'U1', 'U2'],
      ['chair', 'a grassroots union of U1 (outside) under F1', 'NOT_FOUND', 'U1', 'F1'],
      ['analystF1', 'a grassroots union of U1 under F1', 'FORBIDDEN', 'U1', 'F1'],
      ['sysadmin', 'a grassroots union of U1 under U2', 'OK', 'U1', 'U2'],
    ] as [AccountName, string, string, Unit, Unit][])('%s moves %s → %s', async (role, _what, expected, from, to) => {
      const id = (await sys().q(createMutation('GrassrootsUnion', freshName('CĐCS'), from))).createGrassrootsUnion.id;
      const before = await place(id);
      expect(codeOf(await run(as(role), MOVE(id, unitId(to))))).toBe(expected);
      const after = await place(id);
      if (expected !== 'OK') expect(after).toEqual(before);
      else expect(after).toEqual(UNIT_TYPE[to] === 'Federation' ? { federationId: unitId(to), unionId: null } : { federationId: String(t.fx[to].federationId), unionId: unitId(to) });
    });

    it('a chair cannot move its team out of its grassroots union, nor a team in from elsewhere', async () => {
      expect(codeOf(await run(as('chair'), MOVE(unitId('T1'), unitId('G2'))))).toBe('NOT_FOUND');
      expect(codeOf(await run(as('chair'), MOVE(unitId('T3'), unitId('G1'))))).toBe('NOT_FOUND');
      const r = await sys().q(`query($a: ID!, $b: ID!) { a: Team(id: $a) { grassrootsUnionId } b: Team(id: $b) { grassrootsUnionId } }`, { a: unitId('T1'), b: unitId('T3') });
      expect(r).toEqual({ a: { grassrootsUnionId: unitId('G1') }, b: { grassrootsUnionId: unitId('G4') } });
    });
  });
});

// ─── Granting ────────────────────────────────────────────────────────────────────────────────

type RoleName = 'SYSTEM_ADMIN' | 'FEDERATION_ADMIN' | 'UNION_ADMIN' | 'GRASSROOTS_CHAIR' | 'ANALYST';
const ROLE_NAMES: RoleName[] = ['SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'UNION_ADMIN', 'GRASSROOTS_CHAIR', 'ANALYST'];
/** The contract's granting rows: the roles each role may create and edit. */
const GRANTS: Record<RoleName, RoleName[]> = {
  SYSTEM_ADMIN: ROLE_NAMES,
  FEDERATION_ADMIN: ['UNION_ADMIN', 'GRASSROOTS_CHAIR', 'ANALYST'],
  UNION_ADMIN: ['GRASSROOTS_CHAIR', 'ANALYST'],
  GRASSROOTS_CHAIR: [],
  ANALYST: [],
};
/** The level of the unit an account of each role is scoped to; null: none; 'ANY': any unit. */
const SCOPE_LEVEL: Record<RoleName, UnitType | null | 'ANY'> = {
  SYSTEM_ADMIN: null,
  FEDERATION_ADMIN: 'Federation',
  UNION_ADMIN: 'Union',
  GRASSROOTS_CHAIR: 'GrassrootsUnion',
  ANALYST: 'ANY',
};
type Placement = 'unscoped' | 'inside' | 'outside' | 'ancestor' | 'wrong level';

interface GrantCase {
  actor: AccountName;
  role: RoleName;
  placement: Placement;
  unit: Unit | null;
  expect: string;
  field?: string;
}

/** The unit a new account of `role` would be scoped to, for `actor`, in `placement`. */
function grantUnit(actor: AccountName, role: RoleName, placement: Placement): Unit | null | undefined {
  if (placement === 'unscoped') return null;
  const level = SCOPE_LEVEL[role];
  const candidates =
    placement === 'wrong level'
      ? UNITS.filter((u) => level !== 'ANY' && UNIT_TYPE[u] !== level)
      : UNITS.filter((u) => level === 'ANY' || UNIT_TYPE[u] === level);
  if (placement === 'inside' || placement === 'wrong level') return candidates.find((u) => inSubtree(actor, u));
  if (placement === 'ancestor') return candidates.find((u) => isAncestor(actor, u));
  return candidates.find((u) => !inSubtree(actor, u) && !isAncestor(actor, u));
}

/** The contract's answer to `actor` creating an account of `role` in `placement`. */
function expectedGrant(actor: AccountName, role: RoleName, placement: Placement): { code: string; field?: string } {
  const actorRole = ACCOUNTS[actor].role as RoleName;
  if (!WRITERS.User.includes(actor)) return { code: 'FORBIDDEN' };
  // A unit out of scope behaves as if it did not exist.
  if (placement === 'outside') return { code: 'NOT_FOUND', field: 'scopeUnitId' };
  if (!GRANTS[actorRole].includes(role)) return { code: 'FORBIDDEN', field: 'role' };
  const level = SCOPE_LEVEL[role];
  if (placement === 'unscoped') {
    if (level !== null && level !== 'ANY') return { code: 'BAD_USER_INPUT', field: 'scopeUnitId' }; // needs a scope unit
    return actorRole === 'SYSTEM_ADMIN' ? { code: 'OK' } : { code: 'FORBIDDEN', field: 'scopeUnitId' };
  }
  if (level === null) return { code: 'BAD_USER_INPUT', field: 'scopeUnitId' }; // a SYSTEM_ADMIN has no scope unit
  if (placement === 'wrong level') return { code: 'BAD_USER_INPUT', field: 'scopeUnitId' };
  if (placement === 'ancestor') return { code: 'FORBIDDEN', field: 'scopeUnitId' };
  return { code: 'OK' };
}

function grantCases(): GrantCase[] {
  const cases: GrantCase[] = [];
  for (const actor of ROLES) {
    for (const role of ROLE_NAMES) {
      for (const placement of ['unscoped', 'inside', 'outside', 'ancestor', 'wrong level'] as Placement[]) {
        const unit = grantUnit(actor, role, placement);
        if (unit === undefined) continue;
        if (role === 'SYSTEM_ADMIN' && placement !== 'unscoped' && placement !== 'wrong level' && placement !== 'outside') {
          // a SYSTEM_ADMIN on a unit is a wrong level wherever the unit is: covered by 'wrong level'
          continue;
        }
        const e = expectedGrant(actor, role, placement);
        cases.push({ actor, role, placement, unit, expect: e.code, field: e.field });
      }
    }
  }
  return cases;
}

describe('granting: who creates which accounts, where', () => {
  const cases = grantCases();
  const CREATE_USER = `mutation($username: String!, $password: String!, $fullName: String!, $role: Role!, $scopeUnitId: ID, $memberId: ID) {
    createUser(username: $username, password: $password, fullName: $fullName, role: $role, scopeUnitId: $scopeUnitId, memberId: $memberId) { id role scopeUnitId memberId active }
  }`;

  it('the matrix covers every role granting every role', () => {
    for (const actor of ROLES) for (const role of ROLE_NAMES) expect({ actor, role, covered: cases.some((c) => c.actor === actor && c.role === role) }).toEqual({ actor, role, covered: true });
    expect(cases.filter((c) => c.role === 'SYSTEM_ADMIN' && c.expect === 'OK').map((c) => c.actor)).toEqual(['sysadmin']);
  });

  it.each(cases.map((c) => [`${c.actor} creates ${c.role} ${c.placement}${c.unit ? ` (${c.unit})` : ''} → ${c.expect}${c.field ? ` on ${c.field}` : ''}`, c] as const))('%s', async (_title, c) => {
    const username = `g${++uniq}x`;
    const total = await countAll('User');
    const o = await run(as(c.actor), CREATE_USER, { username, password: PASSWORD, fullName: `Cấp quyền ${uniq}`, role: c.role, scopeUnitId: c.unit ? unitId(c.unit) : null });
    expect({ code: codeOf(o), field: o.ok ? undefined : o.field }).toEqual({ code: c.expect, field: c.field });
    const after = await countsOf('User', { username: [username] });
    if (c.expect === 'OK') {
      expect((o as any).data.createUser).toEqual({ id: expect.any(String), role: c.role, scopeUnitId: c.unit ? unitId(c.unit) : null, memberId: null, active: true });
      expect(await readBack('User', (o as any).data.createUser.id)).toMatchObject({ username, role: c.role, scopeUnitId: c.unit ? unitId(c.unit) : null, active: true });
      expect(after).toEqual({ found: 1, total: total + 1 });
    } else {
      expect(after).toEqual({ found: 0, total });
    }
  });

  it('the member record of a new account must be one the creating account can read', async () => {
    const base = { password: PASSWORD, fullName: 'Có hội viên', role: 'ANALYST', scopeUnitId: unitId('G1') };
    const out = await run(as('fedAdmin'), CREATE_USER, { ...base, username: `m${++uniq}x`, memberId: memberId('dung') });
    expect(out.ok ? 'OK' : [out.code, out.field]).toEqual(['NOT_FOUND', 'memberId']);
    const ok = await run(as('fedAdmin'), CREATE_USER, { ...base, username: `m${++uniq}x`, memberId: memberId('hoa') });
    expect(ok.ok && ok.data.createUser.memberId).toBe(memberId('hoa'));
  });

  describe('editing accounts', () => {
    const UPDATE = `mutation($id: ID!, $role: Role, $scopeUnitId: ID, $fullName: String, $active: Boolean) {
      updateUser(id: $id, role: $role, scopeUnitId: $scopeUnitId, fullName: $fullName, active: $active) { id role scopeUnitId fullName active }
    }`;
    const extra: Record<string, string> = {};
    beforeAll(async () => {
      // accounts to edit: a second federation admin of F1, and a vice-chair of G1
      for (const [key, role, unit] of [['coFedAdmin', 'FEDERATION_ADMIN', 'F1'], ['viceChair', 'GRASSROOTS_CHAIR', 'G1']] as const) {
        const r = await sys().q(CREATE_USER, { username: `${key}${++uniq}`, password: PASSWORD, fullName: key, role, scopeUnitId: unitId(unit) });
        extra[key] = r.createUser.id;
      }
    });

    it.each([
      ['fedAdmin', 'renames a co-federation admin (its own role)', 'FORBIDDEN', 'coFedAdmin', { fullName: 'Khác' }, 'role'],
      ['fedAdmin', 'deactivates a co-federation admin (its own role)', 'FORBIDDEN', 'coFedAdmin', { active: false }, 'role'],
      ['fedAdmin', 'promotes its analyst to FEDERATION_ADMIN', 'FORBIDDEN', 'analystF1', { role: 'FEDERATION_ADMIN' }, 'role'],
      ['fedAdmin', 'renames the other federation’s admin', 'NOT_FOUND', 'fedAdmin2', { fullName: 'Khác' }, undefined],
      ['fedAdmin', 'renames the system admin (unscoped)', 'NOT_FOUND', 'sysadmin', { fullName: 'Khác' }, undefined],
      ['unionAdmin', 'promotes a vice-chair to UNION_ADMIN', 'FORBIDDEN', 'viceChair', { role: 'UNION_ADMIN' }, 'role'],
      ['unionAdmin', 'rescopes a vice-chair to a team (wrong level)', 'BAD_USER_INPUT', 'viceChair', { scopeUnitId: 'T1' }, 'scopeUnitId'],
      ['unionAdmin', 'rescopes a vice-chair to G3 (outside)', 'NOT_FOUND', 'viceChair', { scopeUnitId: 'G3' }, 'scopeUnitId'],
      ['unionAdmin', 'rescopes a vice-chair to G4 (outside)', 'NOT_FOUND', 'viceChair', { scopeUnitId: 'G4' }, 'scopeUnitId'],
      ['chair', 'renames a vice-chair (no WriteUser)', 'FORBIDDEN', 'viceChair', { fullName: 'Khác' }, undefined],
      ['chair', 'changes its own role', 'FORBIDDEN', 'chair', { role: 'SYSTEM_ADMIN' }, 'role'],
      ['chair', 'changes its own scope', 'FORBIDDEN', 'chair', { scopeUnitId: 'G2' }, 'scopeUnitId'],
      ['analystF1', 'renames a vice-chair', 'FORBIDDEN', 'viceChair', { fullName: 'Khác' }, undefined],
      ['unionAdmin', 'rescopes a vice-chair to G2', 'OK', 'viceChair', { scopeUnitId: 'G2' }, undefined],
      ['unionAdmin', 'rescopes a vice-chair back to G1', 'OK', 'viceChair', { scopeUnitId: 'G1' }, undefined],
      ['chair', 'renames itself', 'OK', 'chair', { fullName: 'Tài khoản chair' }, undefined],
    ] as [AccountName, string, string, string, Record<string, unknown>, string | undefined][])('%s %s → %s', async (actor, _what, expected, target, change, field) => {
      const id = extra[target] ?? userId(target as AccountName);
      const vars: Record<string, unknown> = { id, ...change };
      if (typeof change.scopeUnitId === 'string') vars.scopeUnitId = unitId(change.scopeUnitId as Unit);
      const before = await readBack('User', id);
      const o = await run(as(actor), UPDATE, vars);
      expect({ code: codeOf(o), field: o.ok ? undefined : o.field }).toEqual({ code: expected, field });
      const after = await readBack('User', id);
      if (expected === 'OK') expect(after).toMatchObject({ ...before, ...(vars.scopeUnitId ? { scopeUnitId: vars.scopeUnitId } : {}), ...(change.fullName ? { fullName: change.fullName } : {}) });
      else expect(after).toEqual(before);
    });
  });
});

// ─── Anti-lockout and deactivation ─────────────────────────────────────────────────────────────

describe('lockout rules and deactivated accounts', () => {
  it.each(ROLES)('%s cannot deactivate itself (deleteUser or updateUser active: false), and keeps working', async (role) => {
    const client = as(role);
    const before = await readBack('User', userId(role));
    const viaDelete = await run(client, `mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: userId(role) });
    const viaUpdate = await run(client, `mutation($id: ID!) { updateUser(id: $id, active: false) { id } }`, { id: userId(role) });
    expect([codeOf(viaDelete), codeOf(viaUpdate)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await readBack('User', userId(role))).toEqual(before);
    expect((await client.q(`{ me { id active } }`)).me).toEqual({ id: userId(role), active: true });
  });

  it('the last SYSTEM_ADMIN stays one: it can neither deactivate nor demote itself', async () => {
    // The granting matrix made more system admins: one system admin may deactivate another.
    const others = (await sys().q(`{ allUsers(filter: { role: [SYSTEM_ADMIN], active: true }) { id } }`)).allUsers.filter((u: { id: string }) => u.id !== userId('sysadmin'));
    for (const u of others) expect(codeOf(await run(sys(), `mutation { deleteUser(id: "${u.id}") { id } }`))).toBe('OK');
    expect(await countAll('User', { role: ['SYSTEM_ADMIN'], active: true })).toBe(1);
    for (const change of ['active: false', 'role: ANALYST', `role: FEDERATION_ADMIN, scopeUnitId: "${unitId('F1')}"`]) {
      const o = await run(sys(), `mutation { updateUser(id: "${userId('sysadmin')}", ${change}) { id } }`);
      expect({ change, code: codeOf(o) }).toEqual({ change, code: 'FORBIDDEN' });
    }
    expect(await readBack('User', userId('sysadmin'))).toMatchObject({ role: 'SYSTEM_ADMIN', active: true, scopeUnitId: null });
    // Nobody below SYSTEM_ADMIN can reach a SYSTEM_ADMIN account at all.
    for (const role of ['fedAdmin', 'unionAdmin'] as AccountName[]) {
      expect(codeOf(await run(as(role), `mutation { deleteUser(id: "${userId('sysadmin')}") { id } }`))).toBe('NOT_FOUND');
    }
    // With a second SYSTEM_ADMIN, one may deactivate the other.
    const mk = async () =>
      (await sys().q(`mutation { createUser(${gqlArgs({ username: `sa${++uniq}x`, password: PASSWORD, fullName: 'Quản trị 2', role: enumValue('SYSTEM_ADMIN') })}) { id } }`)).createUser.id;
    const second = await mk();
    expect(codeOf(await run(sys(), `mutation { deleteUser(id: "${second}") { id } }`))).toBe('OK');
    expect(await readBack('User', second)).toMatchObject({ role: 'SYSTEM_ADMIN', active: false });
    expect(await countAll('User', { role: ['SYSTEM_ADMIN'], active: true })).toBe(1);
  });

  it("a deactivated account's tokens stop working, and it cannot sign in again", async () => {
    const username = `leaver${++uniq}`;
    const created = await as('fedAdmin').q(`mutation { createUser(${gqlArgs({ username, password: PASSWORD, fullName: 'Người nghỉ', role: enumValue('ANALYST'), scopeUnitId: unitId('F1') })}) { id } }`);
    const id = created.createUser.id;
    const login = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id } } }`;
    const token = (await t.anon.q(login, { u: username, p: PASSWORD })).login.token;
    const leaver = new Api(t.url, token);
    expect((await leaver.q(`{ me { id } }`)).me).toEqual({ id });
    const f1Members = (await as('fedAdmin').q(`{ _allMembersMeta { count } }`))._allMembersMeta.count;
    expect((await leaver.q(`{ _allMembersMeta { count } }`))._allMembersMeta.count).toBe(f1Members);

    expect((await as('fedAdmin').q(`mutation($id: ID!) { deleteUser(id: $id) { id active } }`, { id })).deleteUser).toEqual({ id, active: false });
    expect((await leaver.q(`{ me { id } }`)).me).toBeNull();
    expect(codeOf(await run(leaver, `{ _allMembersMeta { count } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(leaver, `{ allFederations { id } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(t.anon, login, { u: username, p: PASSWORD }))).toBe('UNAUTHENTICATED');

    // Reactivated, it signs in again; the old token stays dead.
    await as('fedAdmin').q(`mutation($id: ID!) { updateUser(id: $id, active: true) { id } }`, { id });
    expect((await leaver.q(`{ me { id } }`)).me).toBeNull();
    const fresh = new Api(t.url, (await t.anon.q(login, { u: username, p: PASSWORD })).login.token);
    expect((await fresh.q(`{ me { id } }`)).me).toEqual({ id });
  });

  it("a new password ends the account's sessions", async () => {
    const username = `pw${++uniq}`;
    const id = (await sys().q(`mutation { createUser(${gqlArgs({ username, password: PASSWORD, fullName: 'Đổi mật khẩu', role: enumValue('ANALYST'), scopeUnitId: unitId('G1') })}) { id } }`)).createUser.id;
    const client = new Api(t.url, (await t.anon.q(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: PASSWORD })).login.token);
    expect((await client.q(`{ me { id } }`)).me).toEqual({ id });
    await as('unionAdmin').q(`mutation($id: ID!) { updateUser(id: $id, password: "another-pass-2") { id } }`, { id });
    expect((await client.q(`{ me { id } }`)).me).toBeNull();
  });
});
