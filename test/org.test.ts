import { dayInVietnam } from '../server/common/clock';
import { startTestServer, TestServer, Api } from './support/harness';

/**
 * The org tree through the API: the CRUD grammar of Federation, Union, GrassrootsUnion and Team,
 * their filters, children and parents, orgUnit(id), scoped reads and writes, and dissolution.
 * Fixture (test/support/fixture.ts): F1 ─ U1 ─ G1 ─ T1, T2 / G2; F1 ─ G3 (direct); F2 ─ U2 ─ G4 ─ T3.
 * Reads on the fixture come first; the write tests build their own units so that the reads hold.
 */
let t: TestServer;
let sys: Api;
beforeAll(async () => {
  t = await startTestServer();
  sys = await t.as('sysadmin');
});
afterAll(() => t?.stop());

const id = (u: { id: number }) => String(u.id);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const sorted = (xs: string[]) => [...xs].sort((a, b) => Number(a) - Number(b));
/** Today as the server counts it: in Vietnam (server/common/clock.ts), not in UTC. */
const today = () => dayInVietnam();

function listQuery(type: string, plural: string, fields = 'id') {
  return `query($filter: ${type}Filter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
    all${plural}(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { ${fields} }
    _all${plural}Meta(filter: $filter, page: $page, perPage: $perPage) { count }
  }`;
}
const FEDS = listQuery('Federation', 'Federations', 'id name code');
const UNIONS = listQuery('Union', 'Unions', 'id name code federationId');
const GUS = listQuery('GrassrootsUnion', 'GrassrootsUnions', 'id name code federationId unionId active dissolvedAt');
const TEAMS = listQuery('Team', 'Teams', 'id name code grassrootsUnionId unionId federationId active dissolvedAt');

/** ids of a list and its count, checked to agree. */
async function list(api: Api, query: string, plural: string, vars: Record<string, unknown> = {}) {
  const r = await api.q(query, vars);
  return { ids: ids(r[`all${plural}`]), rows: r[`all${plural}`] as any[], count: r[`_all${plural}Meta`].count as number };
}

describe('single reads and orgUnit', () => {
  it('reads each unit type by id with its parent fields and parent objects', async () => {
    const { F1, U1, G1, G3, T1, T3 } = t.fx;
    const r = await sys.q(
      `query($f: ID!, $u: ID!, $g: ID!, $g3: ID!, $t: ID!, $t3: ID!) {
        Federation(id: $f) { id name code level active dissolvedAt }
        Union(id: $u) { id name federationId federation { id name } }
        GrassrootsUnion(id: $g) { id federationId unionId union { id code } federation { id code } }
        direct: GrassrootsUnion(id: $g3) { id federationId unionId union { id } federation { id } }
        Team(id: $t) { id level grassrootsUnionId unionId federationId grassrootsUnion { id name } }
        chain: Team(id: $t3) { grassrootsUnion { id union { id federation { id name } } } }
      }`,
      { f: id(F1), u: id(U1), g: id(G1), g3: id(G3), t: id(T1), t3: id(T3) },
    );
    expect(r.Federation).toEqual({ id: id(F1), name: 'Liên đoàn Lao động tỉnh Thanh Hóa', code: 'F1', level: 'FEDERATION', active: true, dissolvedAt: null });
    expect(r.Union).toEqual({ id: id(U1), name: 'Công đoàn Viên chức tỉnh Thanh Hóa', federationId: id(F1), federation: { id: id(F1), name: 'Liên đoàn Lao động tỉnh Thanh Hóa' } });
    expect(r.GrassrootsUnion).toEqual({ id: id(G1), federationId: id(F1), unionId: id(U1), union: { id: id(U1), code: 'U1' }, federation: { id: id(F1), code: 'F1' } });
    expect(r.direct).toEqual({ id: id(G3), federationId: id(F1), unionId: null, union: null, federation: { id: id(F1) } });
    expect(r.Team).toEqual({ id: id(T1), level: 'TEAM', grassrootsUnionId: id(G1), unionId: id(t.fx.U1), federationId: id(F1), grassrootsUnion: { id: id(G1), name: 'Công đoàn cơ sở Sở Y tế' } });
    expect(r.chain).toEqual({ grassrootsUnion: { id: id(t.fx.G4), union: { id: id(t.fx.U2), federation: { id: id(t.fx.F2), name: 'Liên đoàn Lao động tỉnh Cao Bằng' } } } });
  });

  it('a read by the wrong type or an unknown id is NOT_FOUND (one id space)', async () => {
    const { G1, T1 } = t.fx;
    expect(await sys.codeOf(`query($id: ID!) { Union(id: $id) { id } }`, { id: id(G1) })).toBe('NOT_FOUND');
    expect(await sys.codeOf(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(T1) })).toBe('NOT_FOUND');
    expect(await sys.codeOf(`query { Federation(id: 987654) { id } }`)).toBe('NOT_FOUND');
    expect(await sys.codeOf(`query { Team(id: "abc") { id } }`)).toBe('NOT_FOUND');
  });

  it('orgUnit(id) answers any level with its own type', async () => {
    const Q = `query($id: ID!) { orgUnit(id: $id) {
      __typename
      ... on Federation { id name }
      ... on Union { id federationId }
      ... on GrassrootsUnion { id unionId federationId }
      ... on Team { id grassrootsUnionId }
    } }`;
    const { F2, U2, G3, T2, G1 } = t.fx;
    expect((await sys.q(Q, { id: id(F2) })).orgUnit).toEqual({ __typename: 'Federation', id: id(F2), name: 'Liên đoàn Lao động tỉnh Cao Bằng' });
    expect((await sys.q(Q, { id: id(U2) })).orgUnit).toEqual({ __typename: 'Union', id: id(U2), federationId: id(F2) });
    expect((await sys.q(Q, { id: id(G3) })).orgUnit).toEqual({ __typename: 'GrassrootsUnion', id: id(G3), unionId: null, federationId: id(t.fx.F1) });
    expect((await sys.q(Q, { id: id(T2) })).orgUnit).toEqual({ __typename: 'Team', id: id(T2), grassrootsUnionId: id(G1) });
    expect(await sys.codeOf(Q, { id: '987654' })).toBe('NOT_FOUND');
  });
});

describe('lists: ids, q, plain fields, parents, sort, pages, counts', () => {
  it('every list answers all its active units and counts them', async () => {
    const { F1, F2, U1, U2, G1, G2, G3, G4, T1, T2, T3 } = t.fx;
    expect(sorted((await list(sys, FEDS, 'Federations')).ids)).toEqual([id(F1), id(F2)]);
    expect(await list(sys, UNIONS, 'Unions')).toMatchObject({ count: 2 });
    expect(sorted((await list(sys, UNIONS, 'Unions')).ids)).toEqual([id(U1), id(U2)]);
    const gus = await list(sys, GUS, 'GrassrootsUnions');
    expect(sorted(gus.ids)).toEqual([id(G1), id(G2), id(G3), id(G4)]);
    expect(gus.count).toBe(4);
    const teams = await list(sys, TEAMS, 'Teams');
    expect(sorted(teams.ids)).toEqual([id(T1), id(T2), id(T3)]);
    expect(teams.count).toBe(3);
  });

  it('ids picks units of the list type only, and counts them', async () => {
    const { G1, G3, T1, F1 } = t.fx;
    const r = await list(sys, GUS, 'GrassrootsUnions', { filter: { ids: [id(G1), id(G3), id(T1), id(F1)] } });
    expect(sorted(r.ids)).toEqual([id(G1), id(G3)]);
    expect(r.count).toBe(2);
    expect(await list(sys, GUS, 'GrassrootsUnions', { filter: { ids: [] } })).toEqual({ ids: [], rows: [], count: 0 });
  });

  it('q ignores case and Vietnamese diacritics, đ = d, on names and codes', async () => {
    const { F1, F2, U1, U2, G1, G3, T3 } = t.fx;
    expect((await list(sys, FEDS, 'Federations', { filter: { q: 'thanh hoa' } })).ids).toEqual([id(F1)]);
    expect((await list(sys, FEDS, 'Federations', { filter: { q: 'THANH HÓA' } })).ids).toEqual([id(F1)]);
    expect((await list(sys, FEDS, 'Federations', { filter: { q: 'cao   bang' } })).ids).toEqual([id(F2)]);
    // d matches đ: "doan" finds "đoàn", "duong" finds "đường"
    expect(sorted((await list(sys, UNIONS, 'Unions', { filter: { q: 'cong doan vien chuc' } })).ids)).toEqual([id(U1), id(U2)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'mia duong' } })).ids).toEqual([id(G3)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'Đường' } })).ids).toEqual([id(G3)]);
    // every word must match
    expect((await list(sys, UNIONS, 'Unions', { filter: { q: 'vien chuc thanh' } })).ids).toEqual([id(U1)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'y te' } })).ids).toEqual([id(G1)]);
    // codes are searched too
    expect((await list(sys, TEAMS, 'Teams', { filter: { q: 't3' } })).ids).toEqual([id(T3)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'G1' } }))).toMatchObject({ ids: [id(G1)], count: 1 });
    // a LIKE wildcard is matched literally
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: '%' } })).count).toBe(0);
  });

  it('plain fields filter by value, arrays by IN', async () => {
    const { U2, G1, G4, T3 } = t.fx;
    expect((await list(sys, UNIONS, 'Unions', { filter: { code: 'U2' } })).ids).toEqual([id(U2)]);
    expect(sorted((await list(sys, GUS, 'GrassrootsUnions', { filter: { code: ['G1', 'G4', 'nope'] } })).ids)).toEqual([id(G1), id(G4)]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { name: 'Tổ Công đoàn Nhà khách' } })).ids).toEqual([id(T3)]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { name: 'Tổ Công đoàn' } })).count).toBe(0);
  });

  it('filters by parent and by any ancestor; parentId on GrassrootsUnion is the direct parent', async () => {
    const { F1, F2, U1, U2, G1, G2, G3, G4, T1, T2, T3 } = t.fx;
    expect((await list(sys, UNIONS, 'Unions', { filter: { federationId: id(F1) } })).ids).toEqual([id(U1)]);
    const byFed = await list(sys, GUS, 'GrassrootsUnions', { filter: { federationId: id(F1) } });
    expect(sorted(byFed.ids)).toEqual([id(G1), id(G2), id(G3)]);
    expect(byFed.count).toBe(3);
    expect(sorted((await list(sys, GUS, 'GrassrootsUnions', { filter: { unionId: id(U1) } })).ids)).toEqual([id(G1), id(G2)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { parentId: id(F1) } })).ids).toEqual([id(G3)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { parentId: [id(U2)] } })).ids).toEqual([id(G4)]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { federationId: [id(F1), id(F2)] } })).count).toBe(4);
    expect(sorted((await list(sys, TEAMS, 'Teams', { filter: { grassrootsUnionId: id(G1) } })).ids)).toEqual([id(T1), id(T2)]);
    expect(sorted((await list(sys, TEAMS, 'Teams', { filter: { unionId: id(U1) } })).ids)).toEqual([id(T1), id(T2)]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { federationId: id(F2) } })).ids).toEqual([id(T3)]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { grassrootsUnionId: id(G2) } })).count).toBe(0);
    // filters combine (AND)
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { federationId: id(F1), q: 'tai chinh' } })).ids).toEqual([id(G2)]);
    // a malformed id in a filter names the field
    const errs = await sys.errorsOf(GUS, { filter: { unionId: 'x' } });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unionId' });
  });

  it('sorts and pages (0-based); the count ignores the page', async () => {
    const { G1, G2, G3, G4 } = t.fx;
    const page = (p: number) => list(sys, GUS, 'GrassrootsUnions', { sortField: 'code', sortOrder: 'DESC', perPage: 3, page: p });
    const p0 = await page(0);
    expect(p0.ids).toEqual([id(G4), id(G3), id(G2)]);
    expect(p0.count).toBe(4);
    expect((await page(1)).ids).toEqual([id(G1)]);
    expect((await page(2)).ids).toEqual([]);
    const asc = await list(sys, GUS, 'GrassrootsUnions', { sortField: 'code', sortOrder: 'ASC', perPage: 2, page: 1 });
    expect(asc.ids).toEqual([id(G3), id(G4)]);
    // default order: by name
    const teams = await list(sys, TEAMS, 'Teams', {});
    expect(teams.rows.map((r) => r.name)).toEqual(['Tổ Công đoàn Nghiệp vụ', 'Tổ Công đoàn Nhà khách', 'Tổ Công đoàn Văn phòng Sở']);
    const byId = await list(sys, TEAMS, 'Teams', { sortField: 'id', sortOrder: 'DESC' });
    expect(byId.ids).toEqual([id(t.fx.T3), id(t.fx.T2), id(t.fx.T1)]);
  });

  it('refuses a bad sort or page, naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sortField: 'searchKey' }, 'sortField'],
      [{ sortField: 'code', sortOrder: 'UP' }, 'sortOrder'],
      [{ perPage: 1001 }, 'perPage'],
      [{ perPage: 0 }, 'perPage'],
      [{ page: -1, perPage: 10 }, 'page'],
    ];
    for (const [vars, field] of cases) {
      const errs = await sys.errorsOf(`query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
        allUnions(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { id } }`, vars);
      expect({ vars, ext: errs[0].extensions }).toEqual({ vars, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
  });
});

describe('children fields', () => {
  it('Federation.unions and Federation.grassrootsUnions (through unions and direct)', async () => {
    const { F1, F2, U1, U2, G1, G2, G3, G4 } = t.fx;
    const r = await sys.q(`query($a: ID!, $b: ID!) {
      a: Federation(id: $a) { unions { id } grassrootsUnions { id } }
      b: Federation(id: $b) { unions { id } grassrootsUnions { id } }
    }`, { a: id(F1), b: id(F2) });
    expect(ids(r.a.unions)).toEqual([id(U1)]);
    expect(sorted(ids(r.a.grassrootsUnions))).toEqual([id(G1), id(G2), id(G3)]);
    expect(ids(r.b.unions)).toEqual([id(U2)]);
    expect(ids(r.b.grassrootsUnions)).toEqual([id(G4)]);
  });

  it('Union.grassrootsUnions, GrassrootsUnion.teams and .members, Team.members', async () => {
    const { U1, G1, G2, G3, T1, T2 } = t.fx;
    const r = await sys.q(`query($u: ID!, $g1: ID!, $g3: ID!, $t1: ID!) {
      Union(id: $u) { grassrootsUnions { id } }
      g1: GrassrootsUnion(id: $g1) { teams { id } members { fullName teamId } }
      g3: GrassrootsUnion(id: $g3) { teams { id } members { fullName } }
      Team(id: $t1) { members { fullName grassrootsUnionId } }
    }`, { u: id(U1), g1: id(G1), g3: id(G3), t1: id(T1) });
    expect(sorted(ids(r.Union.grassrootsUnions))).toEqual([id(G1), id(G2)]);
    expect(sorted(ids(r.g1.teams))).toEqual([id(T1), id(T2)]);
    expect(r.g1.members.map((m: any) => m.fullName).sort()).toEqual(['Lê Văn Bình', 'Nguyễn Thị Hoa', 'Trần Thị Lan', 'Đặng Văn Đức'].sort());
    expect(r.g1.members.find((m: any) => m.fullName === 'Lê Văn Bình').teamId).toBeNull();
    expect(r.g3.teams).toEqual([]);
    // sorted by given name: An before Hùng
    expect(r.g3.members.map((m: any) => m.fullName)).toEqual(['Võ Thị An', 'Nguyễn Văn Hùng']);
    expect(r.Team.members.map((m: any) => m.fullName).sort()).toEqual(['Nguyễn Thị Hoa', 'Đặng Văn Đức'].sort());
    expect(r.Team.members.every((m: any) => m.grassrootsUnionId === id(G1))).toBe(true);
    // members(limit) caps the list
    const limited = await sys.q(`query($g: ID!) { GrassrootsUnion(id: $g) { members(limit: 2) { id } } }`, { g: id(G1) });
    expect(limited.GrassrootsUnion.members).toHaveLength(2);
    const bad = await sys.errorsOf(`query($g: ID!) { GrassrootsUnion(id: $g) { members(limit: 0) { id } } }`, { g: id(G1) });
    expect(bad[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('children of several parents in one list each get their own', async () => {
    const r = await sys.q(`{ allGrassrootsUnions(perPage: 100, sortField: "code") { code teams { code } members { id } } }`);
    expect(r.allGrassrootsUnions.map((g: any) => [g.code, g.teams.map((x: any) => x.code).sort(), g.members.length])).toEqual([
      ['G1', ['T1', 'T2'], 4],
      ['G2', [], 1],
      ['G3', [], 2],
      ['G4', ['T3'], 3],
    ]);
  });
});

describe('scoped reads', () => {
  it('a federation admin reads its federation only', async () => {
    const api = await t.as('fedAdmin');
    const { F1, U1, U2, G1, G2, G3, G4, T3 } = t.fx;
    expect((await list(api, FEDS, 'Federations')).ids).toEqual([id(F1)]);
    expect(await list(api, UNIONS, 'Unions')).toMatchObject({ ids: [id(U1)], count: 1 });
    const gus = await list(api, GUS, 'GrassrootsUnions');
    expect(sorted(gus.ids)).toEqual([id(G1), id(G2), id(G3)]);
    expect(gus.count).toBe(3);
    expect(await api.codeOf(`query($id: ID!) { Union(id: $id) { id } }`, { id: id(U2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(`query($id: ID!) { orgUnit(id: $id) { __typename } }`, { id: id(G4) })).toBe('NOT_FOUND');
    expect(await list(api, TEAMS, 'Teams', { filter: { federationId: id(t.fx.F2) } })).toMatchObject({ ids: [], count: 0 });
    expect(await list(api, TEAMS, 'Teams', { filter: { ids: [id(T3)] } })).toMatchObject({ ids: [], count: 0 });
  });

  it('a union admin reads its subtree; its federation only by id, without the children outside its scope', async () => {
    const api = await t.as('unionAdmin');
    const { F1, U1, G1, G2, G3 } = t.fx;
    expect(sorted((await list(api, GUS, 'GrassrootsUnions')).ids)).toEqual([id(G1), id(G2)]);
    expect(await list(api, FEDS, 'Federations')).toMatchObject({ ids: [], count: 0 });
    expect(await list(api, FEDS, 'Federations', { filter: { ids: [id(F1)] } })).toMatchObject({ ids: [id(F1)], count: 1 });
    const r = await api.q(`query($f: ID!) { Federation(id: $f) { id name unions { id } grassrootsUnions { id } } }`, { f: id(F1) });
    expect(r.Federation.name).toBe('Liên đoàn Lao động tỉnh Thanh Hóa');
    expect(ids(r.Federation.unions)).toEqual([id(U1)]);
    expect(sorted(ids(r.Federation.grassrootsUnions))).toEqual([id(G1), id(G2)]);
    expect(await api.codeOf(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(G3) })).toBe('NOT_FOUND');
  });

  it('a chair reads its grassroots union and teams, and its ancestors as breadcrumbs', async () => {
    const api = await t.as('chair');
    const { U1, F1, G1, G2, T1, T2, T3 } = t.fx;
    expect(sorted((await list(api, TEAMS, 'Teams')).ids)).toEqual([id(T1), id(T2)]);
    expect((await list(api, GUS, 'GrassrootsUnions')).ids).toEqual([id(G1)]);
    expect((await list(api, UNIONS, 'Unions')).count).toBe(0);
    const r = await api.q(`query($g: ID!) { GrassrootsUnion(id: $g) { union { id federation { id } grassrootsUnions { id } } } }`, { g: id(G1) });
    expect(r.GrassrootsUnion.union).toEqual({ id: id(U1), federation: { id: id(F1) }, grassrootsUnions: [{ id: id(G1) }] });
    expect(await api.codeOf(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(G2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(`query($id: ID!) { Team(id: $id) { id } }`, { id: id(T3) })).toBe('NOT_FOUND');
  });
});

const CREATE_FED = `mutation($name: String!, $code: String) { createFederation(name: $name, code: $code) { id name code level active } }`;
const CREATE_UNION = `mutation($name: String!, $code: String, $federationId: ID!) {
  createUnion(name: $name, code: $code, federationId: $federationId) { id name code federationId federation { id } } }`;
const CREATE_GU = `mutation($name: String!, $code: String, $unionId: ID, $federationId: ID) {
  createGrassrootsUnion(name: $name, code: $code, unionId: $unionId, federationId: $federationId) { id name code unionId federationId union { id } federation { id } active } }`;
const CREATE_TEAM = `mutation($name: String!, $code: String, $grassrootsUnionId: ID!) {
  createTeam(name: $name, code: $code, grassrootsUnionId: $grassrootsUnionId) { id name code grassrootsUnionId unionId federationId } }`;
const CREATE_MEMBER = `mutation($g: ID!, $t: ID, $n: String!) { createMember(fullName: $n, gender: MALE, grassrootsUnionId: $g, teamId: $t) { id } }`;

async function totals(api: Api = sys) {
  const r = await api.q(`{
    a: _allFederationsMeta(filter: { active: true }) { count } b: _allFederationsMeta(filter: { active: false }) { count }
    c: _allUnionsMeta(filter: { active: true }) { count } d: _allUnionsMeta(filter: { active: false }) { count }
    e: _allGrassrootsUnionsMeta(filter: { active: true }) { count } f: _allGrassrootsUnionsMeta(filter: { active: false }) { count }
    g: _allTeamsMeta(filter: { active: true }) { count } h: _allTeamsMeta(filter: { active: false }) { count }
  }`);
  return Object.values(r).map((x: any) => x.count);
}

describe('create and update', () => {
  it('creates a unit of each level under the right parent, with its ancestors', async () => {
    const f = (await sys.q(CREATE_FED, { name: '  Liên đoàn Lao động tỉnh Hà Tĩnh ', code: 'HT' })).createFederation;
    expect(f).toMatchObject({ name: 'Liên đoàn Lao động tỉnh Hà Tĩnh', code: 'HT', level: 'FEDERATION', active: true });
    const u = (await sys.q(CREATE_UNION, { name: 'Công đoàn ngành Giáo dục Hà Tĩnh', code: 'HT-GD', federationId: f.id })).createUnion;
    expect(u).toMatchObject({ federationId: f.id, federation: { id: f.id } });
    const g = (await sys.q(CREATE_GU, { name: 'Công đoàn Trường THPT Phan Đình Phùng', unionId: u.id })).createGrassrootsUnion;
    expect(g).toMatchObject({ unionId: u.id, federationId: f.id, union: { id: u.id }, federation: { id: f.id }, code: null, active: true });
    const tm = (await sys.q(CREATE_TEAM, { name: 'Tổ Toán', grassrootsUnionId: g.id })).createTeam;
    expect(tm).toMatchObject({ grassrootsUnionId: g.id, unionId: u.id, federationId: f.id });
    // and they read back through lists and children
    expect((await list(sys, FEDS, 'Federations', { filter: { q: 'Hà Tĩnh HT' } })).ids).toEqual([f.id]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'dinh phung' } })).ids).toEqual([g.id]);
    const r = await sys.q(`query($f: ID!) { Federation(id: $f) { unions { id } grassrootsUnions { id teams { id } } } }`, { f: f.id });
    expect(r.Federation).toEqual({ unions: [{ id: u.id }], grassrootsUnions: [{ id: g.id, teams: [{ id: tm.id }] }] });
    // members placed in the new team carry every ancestor
    await sys.q(CREATE_MEMBER, { g: g.id, t: tm.id, n: 'Phan Văn Mới' });
    const m = await sys.q(`query($f: MemberFilter, $u: MemberFilter, $t: MemberFilter) {
      a: _allMembersMeta(filter: $f) { count } b: _allMembersMeta(filter: $u) { count } c: _allMembersMeta(filter: $t) { count } }`,
      { f: { federationId: f.id }, u: { unionId: u.id }, t: { teamId: tm.id } });
    expect([m.a.count, m.b.count, m.c.count]).toEqual([1, 1, 1]);
  });

  it('createGrassrootsUnion with federationId alone places it directly under the federation', async () => {
    const { F2 } = t.fx;
    const g = (await sys.q(CREATE_GU, { name: 'Công đoàn Công ty Điện lực Cao Bằng', code: 'CB-DL', federationId: id(F2) })).createGrassrootsUnion;
    expect(g).toMatchObject({ unionId: null, union: null, federationId: id(F2), federation: { id: id(F2) } });
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { parentId: id(F2) } })).ids).toEqual([g.id]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { unionId: id(t.fx.U2) } })).ids).toEqual([id(t.fx.G4)]);
    const r = await sys.q(`query($f: ID!) { Federation(id: $f) { grassrootsUnions { id } } }`, { f: id(F2) });
    expect(sorted(ids(r.Federation.grassrootsUnions))).toEqual(sorted([id(t.fx.G4), g.id]));
    // a union and a federation that disagree are refused
    const errs = await sys.errorsOf(CREATE_GU, { name: 'Lạc chỗ', unionId: id(t.fx.U1), federationId: id(F2) });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'federationId' });
    // neither parent: refused
    const none = await sys.errorsOf(CREATE_GU, { name: 'Mồ côi' });
    expect(none[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unionId' });
  });

  it('a parent of the wrong level is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const { F1, U1, G1, T1 } = t.fx;
    const before = await totals();
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE_UNION, { name: 'X', federationId: id(U1) }, 'federationId'],
      [CREATE_UNION, { name: 'X', federationId: id(G1) }, 'federationId'],
      [CREATE_GU, { name: 'X', unionId: id(F1) }, 'unionId'],
      [CREATE_GU, { name: 'X', unionId: id(G1) }, 'unionId'],
      [CREATE_GU, { name: 'X', federationId: id(U1) }, 'federationId'],
      [CREATE_TEAM, { name: 'X', grassrootsUnionId: id(U1) }, 'grassrootsUnionId'],
      [CREATE_TEAM, { name: 'X', grassrootsUnionId: id(T1) }, 'grassrootsUnionId'],
      [CREATE_TEAM, { name: 'X', grassrootsUnionId: '987654' }, 'grassrootsUnionId'],
    ];
    for (const [q, vars, field] of cases) {
      const errs = await sys.errorsOf(q, vars);
      const expected = vars.grassrootsUnionId === '987654' ? ['NOT_FOUND', 'BAD_USER_INPUT'] : ['BAD_USER_INPUT'];
      expect({ vars, field: errs[0].extensions?.field, ok: expected.includes(errs[0].extensions?.code as string) }).toEqual({ vars, field, ok: true });
    }
    expect(await totals()).toEqual(before);
  });

  it('a duplicate code is BAD_USER_INPUT on code, on create and on update', async () => {
    const { G1, U2 } = t.fx;
    const before = await totals();
    const e1 = await sys.errorsOf(CREATE_TEAM, { name: 'Tổ trùng mã', code: 'T1', grassrootsUnionId: id(G1) });
    expect(e1[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // codes are unique across levels (one id space, one code space)
    const e2 = await sys.errorsOf(CREATE_FED, { name: 'Trùng mã', code: 'G4' });
    expect(e2[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const e3 = await sys.errorsOf(`mutation($id: ID!) { updateUnion(id: $id, code: "U1", name: "Đổi tên") { id } }`, { id: id(U2) });
    expect(e3[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(await totals()).toEqual(before);
    const u2 = await sys.q(`query($id: ID!) { Union(id: $id) { code name } }`, { id: id(U2) });
    expect(u2.Union).toEqual({ code: 'U2', name: 'Công đoàn Viên chức tỉnh Cao Bằng' });
    // keeping one's own code is fine
    const same = await sys.q(`mutation($id: ID!) { updateUnion(id: $id, code: "U2") { code } }`, { id: id(U2) });
    expect(same.updateUnion.code).toBe('U2');
  });

  it('racing creates or updates with one code: one wins, the others are BAD_USER_INPUT on code (never an internal error)', async () => {
    const { G2 } = t.fx;
    const create = () => sys.q(CREATE_TEAM, { name: 'Tổ đua', code: 'RACE-1', grassrootsUnionId: id(G2) }).then(() => 'ok', (e) => e.response?.errors?.[0]?.extensions);
    const created = await Promise.all(Array.from({ length: 8 }, create));
    expect(created.filter((r) => r === 'ok')).toHaveLength(1);
    for (const r of created.filter((x) => x !== 'ok')) expect(r).toEqual({ code: 'BAD_USER_INPUT', field: 'code', rule: 'TAKEN' });
    expect((await list(sys, TEAMS, 'Teams', { filter: { code: 'RACE-1' } })).count).toBe(1);
    const a = (await sys.q(CREATE_TEAM, { name: 'Tổ A', grassrootsUnionId: id(G2) })).createTeam.id;
    const b = (await sys.q(CREATE_TEAM, { name: 'Tổ B', grassrootsUnionId: id(G2) })).createTeam.id;
    const update = (tid: string) =>
      sys.q(`mutation($id: ID!) { updateTeam(id: $id, code: "RACE-2") { id } }`, { id: tid }).then(() => 'ok', (e) => e.response?.errors?.[0]?.extensions);
    const updated = await Promise.all([update(a), update(b), update(a), update(b)]);
    expect(updated.filter((r) => r !== 'ok').every((r) => r.code === 'BAD_USER_INPUT' && r.field === 'code')).toBe(true);
    expect((await list(sys, TEAMS, 'Teams', { filter: { code: 'RACE-2' } })).count).toBe(1);
    for (const tid of [a, b]) await sys.q(`mutation($id: ID!) { deleteTeam(id: $id) { id } }`, { id: tid });
    await sys.q(`mutation($id: ID!) { deleteTeam(id: $id) { id } }`, { id: (await list(sys, TEAMS, 'Teams', { filter: { code: 'RACE-1' } })).ids[0] });
  });

  it('validates the name', async () => {
    for (const name of ['', '   ', 'x'.repeat(256)]) {
      const errs = await sys.errorsOf(CREATE_FED, { name });
      expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    const errs = await sys.errorsOf(`mutation($id: ID!) { updateTeam(id: $id, name: "  ") { id } }`, { id: id(t.fx.T2) });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('updates name and code; q finds the new name', async () => {
    const g = (await sys.q(CREATE_GU, { name: 'Công đoàn Bệnh viện Đa khoa', code: 'BV-1', unionId: id(t.fx.U2) })).createGrassrootsUnion;
    const r = await sys.q(`mutation($id: ID!) { updateGrassrootsUnion(id: $id, name: "Công đoàn Bệnh viện Đa khoa tỉnh Cao Bằng", code: "BV-CB") { id name code unionId federationId } }`, { id: g.id });
    expect(r.updateGrassrootsUnion).toEqual({ id: g.id, name: 'Công đoàn Bệnh viện Đa khoa tỉnh Cao Bằng', code: 'BV-CB', unionId: id(t.fx.U2), federationId: id(t.fx.F2) });
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'benh vien da khoa cao bang' } })).ids).toEqual([g.id]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'bv-cb' } })).ids).toEqual([g.id]);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { q: 'bv-1' } })).ids).toEqual([]);
    // code: null clears it
    const cleared = await sys.q(`mutation($id: ID!) { updateGrassrootsUnion(id: $id, code: null) { code name } }`, { id: g.id });
    expect(cleared.updateGrassrootsUnion).toEqual({ code: null, name: 'Công đoàn Bệnh viện Đa khoa tỉnh Cao Bằng' });
  });
});

describe('scoped writes', () => {
  it('a chair writes teams of its grassroots union only', async () => {
    const api = await t.as('chair');
    const { G1, G2, U1 } = t.fx;
    const tm = (await api.q(CREATE_TEAM, { name: 'Tổ Công đoàn Dược', grassrootsUnionId: id(G1) })).createTeam;
    expect(tm).toMatchObject({ grassrootsUnionId: id(G1), unionId: id(U1) });
    const before = await totals();
    expect(await api.codeOf(CREATE_TEAM, { name: 'Tổ ngoài', grassrootsUnionId: id(G2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(CREATE_GU, { name: 'CĐCS mới', unionId: id(U1) })).toBe('FORBIDDEN');
    expect(await api.codeOf(`mutation($id: ID!) { updateGrassrootsUnion(id: $id, name: "Đổi") { id } }`, { id: id(G1) })).toBe('FORBIDDEN');
    expect(await api.codeOf(`mutation($id: ID!) { updateTeam(id: $id, name: "Đổi") { id } }`, { id: id(t.fx.T3) })).toBe('NOT_FOUND');
    expect(await totals()).toEqual(before);
    const t3 = await sys.q(`query($id: ID!) { Team(id: $id) { name } }`, { id: id(t.fx.T3) });
    expect(t3.Team.name).toBe('Tổ Công đoàn Nhà khách');
  });

  it('a union admin creates under its union, never under its federation directly', async () => {
    const api = await t.as('unionAdmin');
    const { U1, U2, F1 } = t.fx;
    const g = (await api.q(CREATE_GU, { name: 'Công đoàn cơ sở Sở Xây dựng', unionId: id(U1) })).createGrassrootsUnion;
    expect(g).toMatchObject({ unionId: id(U1), federationId: id(F1) });
    const before = await totals();
    // its federation is a readable ancestor, but not writable by it
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await api.codeOf(CREATE_GU, { name: 'Trực thuộc', federationId: id(F1) }));
    expect(await api.codeOf(CREATE_GU, { name: 'Ngoài', unionId: id(U2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(CREATE_UNION, { name: 'Ngoài', federationId: id(F1) })).toBe('FORBIDDEN');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await api.codeOf(`mutation($id: ID!) { updateFederation(id: $id, name: "X") { id } }`, { id: id(F1) }));
    expect(await totals()).toEqual(before);
  });

  it('a federation admin writes unions in its federation; not federations, nor another federation', async () => {
    const api = await t.as('fedAdmin');
    const { F1, F2, U2 } = t.fx;
    const u = (await api.q(CREATE_UNION, { name: 'Công đoàn Khu kinh tế Nghi Sơn', federationId: id(F1) })).createUnion;
    expect(u.federationId).toBe(id(F1));
    const before = await totals();
    expect(await api.codeOf(CREATE_FED, { name: 'LĐLĐ mới' })).toBe('FORBIDDEN');
    expect(await api.codeOf(`mutation($id: ID!) { updateFederation(id: $id, name: "X") { id } }`, { id: id(F1) })).toBe('FORBIDDEN');
    expect(await api.codeOf(CREATE_UNION, { name: 'Ngoài', federationId: id(F2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(`mutation($id: ID!) { updateUnion(id: $id, name: "X") { id } }`, { id: id(U2) })).toBe('NOT_FOUND');
    expect(await api.codeOf(`mutation($id: ID!) { deleteUnion(id: $id) { id } }`, { id: id(U2) })).toBe('NOT_FOUND');
    expect(await totals()).toEqual(before);
    const r = await sys.q(`query($id: ID!) { Union(id: $id) { name active } }`, { id: id(U2) });
    expect(r.Union).toEqual({ name: 'Công đoàn Viên chức tỉnh Cao Bằng', active: true });
  });

  it('an analyst writes nothing', async () => {
    const api = await t.as('analystF1');
    expect(await api.codeOf(CREATE_TEAM, { name: 'Tổ', grassrootsUnionId: id(t.fx.G1) })).toBe('FORBIDDEN');
    expect(await api.codeOf(`mutation($id: ID!) { deleteTeam(id: $id) { id } }`, { id: id(t.fx.T2) })).toBe('FORBIDDEN');
  });
});

describe('delete dissolves', () => {
  const DELETE = (type: string) => `mutation($id: ID!) { delete${type}(id: $id) { id active dissolvedAt } }`;

  it('refuses a unit with active members or live children with CONFLICT, and changes nothing', async () => {
    const { F2, U1, G2, G3, T1 } = t.fx;
    const before = await totals();
    const cases: [string, { id: number }][] = [
      ['Federation', F2], // live union, grassroots unions, members
      ['Union', U1], // live grassroots unions
      ['GrassrootsUnion', G2], // an active member, no team
      ['GrassrootsUnion', G3], // members directly under a federation
      ['Team', T1], // active members
    ];
    for (const [type, unit] of cases) {
      expect({ type, code: await sys.codeOf(DELETE(type), { id: id(unit) }) }).toEqual({ type, code: 'CONFLICT' });
    }
    expect(await totals()).toEqual(before);
    const r = await sys.q(`query($a: ID!, $b: ID!) { GrassrootsUnion(id: $a) { active dissolvedAt members { id } } Team(id: $b) { active } }`, { a: id(G2), b: id(T1) });
    expect(r).toEqual({ GrassrootsUnion: { active: true, dissolvedAt: null, members: [{ id: String(t.fx.m.mai.id) }] }, Team: { active: true } });
    // updateX(active: false) is a dissolution too, and is refused the same way
    expect(await sys.codeOf(`mutation($id: ID!) { updateTeam(id: $id, active: false) { id } }`, { id: id(T1) })).toBe('CONFLICT');
    expect((await sys.q(`query($id: ID!) { Team(id: $id) { active } }`, { id: id(T1) })).Team.active).toBe(true);
  });

  it('an empty team is dissolved: out of default lists, readable by id, listed with active: false', async () => {
    const { G2 } = t.fx;
    const tm = (await sys.q(CREATE_TEAM, { name: 'Tổ Công đoàn Kho bạc', code: 'KB', grassrootsUnionId: id(G2) })).createTeam;
    const before = await list(sys, TEAMS, 'Teams');
    const del = await sys.q(DELETE('Team'), { id: tm.id });
    expect(del.deleteTeam).toEqual({ id: tm.id, active: false, dissolvedAt: today() });
    const after = await list(sys, TEAMS, 'Teams');
    expect(after.ids).not.toContain(tm.id);
    expect(after.count).toBe(before.count - 1);
    expect((await sys.q(`query($id: ID!) { Team(id: $id) { id name active dissolvedAt } }`, { id: tm.id })).Team).toEqual({
      id: tm.id, name: 'Tổ Công đoàn Kho bạc', active: false, dissolvedAt: today(),
    });
    const dissolved = await list(sys, TEAMS, 'Teams', { filter: { active: false } });
    expect(dissolved.ids).toContain(tm.id);
    expect(dissolved.rows.every((r) => r.active === false)).toBe(true);
    expect((await list(sys, TEAMS, 'Teams', { filter: { ids: [tm.id] } })).ids).toEqual([tm.id]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { q: 'kho bac' } })).ids).toEqual([]);
    expect((await list(sys, TEAMS, 'Teams', { filter: { q: 'kho bac', active: false } })).ids).toEqual([tm.id]);
    const g2 = await sys.q(`query($id: ID!) { GrassrootsUnion(id: $id) { teams { id } } }`, { id: id(G2) });
    expect(g2.GrassrootsUnion.teams).toEqual([]);
    // a dissolved unit takes no new children or members
    const e1 = await sys.errorsOf(CREATE_MEMBER, { g: id(G2), t: tm.id, n: 'Vào Tổ Giải Thể' });
    expect(e1[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    // its code stays taken
    expect((await sys.errorsOf(CREATE_TEAM, { name: 'Tổ khác', code: 'KB', grassrootsUnionId: id(G2) }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('a unit empties bottom-up: members who left do not hold it, dissolved children do not either', async () => {
    const { F2 } = t.fx;
    const u = (await sys.q(CREATE_UNION, { name: 'Công đoàn Khu công nghiệp Đề Thám', federationId: id(F2) })).createUnion;
    const g = (await sys.q(CREATE_GU, { name: 'Công đoàn Công ty May Cao Bằng', unionId: u.id })).createGrassrootsUnion;
    const tm = (await sys.q(CREATE_TEAM, { name: 'Tổ May 1', grassrootsUnionId: g.id })).createTeam;
    const m = (await sys.q(CREATE_MEMBER, { g: g.id, t: tm.id, n: 'Lục Thị Mai' })).createMember;
    expect(await sys.codeOf(DELETE('Union'), { id: u.id })).toBe('CONFLICT');
    expect(await sys.codeOf(DELETE('GrassrootsUnion'), { id: g.id })).toBe('CONFLICT');
    expect(await sys.codeOf(DELETE('Team'), { id: tm.id })).toBe('CONFLICT');
    await sys.q(`mutation($id: ID!) { deleteMember(id: $id) { status } }`, { id: m.id });
    // the team is empty of active members now, but the grassroots union still has the live team
    expect(await sys.codeOf(DELETE('GrassrootsUnion'), { id: g.id })).toBe('CONFLICT');
    expect((await sys.q(DELETE('Team'), { id: tm.id })).deleteTeam.active).toBe(false);
    expect(await sys.codeOf(DELETE('Union'), { id: u.id })).toBe('CONFLICT');
    expect((await sys.q(DELETE('GrassrootsUnion'), { id: g.id })).deleteGrassrootsUnion).toEqual({ id: g.id, active: false, dissolvedAt: today() });
    expect((await sys.q(DELETE('Union'), { id: u.id })).deleteUnion).toEqual({ id: u.id, active: false, dissolvedAt: today() });
    // the federation's children lists no longer show them; counts by active agree
    const f = await sys.q(`query($f: ID!) { Federation(id: $f) { unions { id } grassrootsUnions { id } } }`, { f: id(F2) });
    expect(ids(f.Federation.unions)).not.toContain(u.id);
    expect(ids(f.Federation.grassrootsUnions)).not.toContain(g.id);
    expect((await list(sys, UNIONS, 'Unions', { filter: { active: false } })).ids).toContain(u.id);
    expect((await list(sys, GUS, 'GrassrootsUnions', { filter: { active: false, federationId: id(F2) } })).ids).toEqual([g.id]);
    // the member who left is still on record, in its dissolved unit
    const mm = await sys.q(`query($id: ID!) { Member(id: $id) { status grassrootsUnion { id active } } }`, { id: m.id });
    expect(mm.Member).toEqual({ status: 'LEFT', grassrootsUnion: { id: g.id, active: false } });
    // a dissolved unit can be restored
    const back = await sys.q(`mutation($id: ID!) { updateUnion(id: $id, active: true) { active dissolvedAt } }`, { id: u.id });
    expect(back.updateUnion).toEqual({ active: true, dissolvedAt: null });
  });

  it('a scoped admin dissolves inside its scope only', async () => {
    const chair = await t.as('chair');
    const tm = (await chair.q(CREATE_TEAM, { name: 'Tổ tạm', grassrootsUnionId: id(t.fx.G1) })).createTeam;
    expect((await chair.q(DELETE('Team'), { id: tm.id })).deleteTeam.active).toBe(false);
    const fed = await t.as('fedAdmin');
    const g = (await sys.q(CREATE_GU, { name: 'Công đoàn Trống', federationId: id(t.fx.F2) })).createGrassrootsUnion;
    expect(await fed.codeOf(DELETE('GrassrootsUnion'), { id: g.id })).toBe('NOT_FOUND');
    expect((await sys.q(`query($id: ID!) { GrassrootsUnion(id: $id) { active } }`, { id: g.id })).GrassrootsUnion.active).toBe(true);
    expect(await fed.codeOf(DELETE('Federation'), { id: id(t.fx.F1) })).toBe('FORBIDDEN');
  });
});
