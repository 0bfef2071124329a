import { startTestServer, TestServer, Api } from './support/harness';

/**
 * moveUnit and the moves done through updateX: the subtree (units and members) follows, the
 * ancestor filters and counts see it in its new place, history and audit record it, scoped
 * accounts follow their units, and refused moves change nothing.
 *
 * The tests run in order on one tree (fixture: F1 ─ U1 ─ G1 ─ T1, T2 / G2; F1 ─ G3; F2 ─ U2 ─ G4 ─ T3);
 * each states the tree it starts from.
 */
let t: TestServer;
let sys: Api;
beforeAll(async () => {
  t = await startTestServer();
  sys = await t.as('sysadmin');
});
afterAll(() => t?.stop());

const id = (u: { id: number }) => String(u.id);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));

const MOVE = `mutation($id: ID!, $parentId: ID!) { moveUnit(id: $id, parentId: $parentId) {
  __typename
  ... on Union { id federationId }
  ... on GrassrootsUnion { id unionId federationId }
  ... on Team { id grassrootsUnionId unionId federationId }
} }`;
const MEMBER = `query($id: ID!) { Member(id: $id) { id fullName status grassrootsUnionId teamId unionId federationId grassrootsUnion { id } federation { id } } }`;
const MOVES = `query($id: ID!) { orgUnit(id: $id) {
  ... on Union { moves { fromParentId toParentId movedById movedAt } }
  ... on GrassrootsUnion { moves { fromParentId toParentId movedById movedAt } }
  ... on Team { moves { fromParentId toParentId movedById movedAt } }
} }`;

/** allMembers counts by an ancestor filter, as the caller sees them. */
async function memberCount(api: Api, filter: Record<string, unknown> = {}): Promise<number> {
  return (await api.q(`query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`, { f: filter }))._allMembersMeta.count;
}

async function counts(api: Api = sys) {
  const { F1, F2, U1, U2, G1, G2, G4 } = t.fx;
  const out: Record<string, number> = {};
  const by: [string, Record<string, string>][] = [
    ['F1', { federationId: id(F1) }], ['F2', { federationId: id(F2) }], ['U1', { unionId: id(U1) }], ['U2', { unionId: id(U2) }],
    ['G1', { grassrootsUnionId: id(G1) }], ['G2', { grassrootsUnionId: id(G2) }], ['G4', { grassrootsUnionId: id(G4) }],
  ];
  for (const [k, f] of by) out[k] = await memberCount(api, f);
  return out;
}

/** The whole tree with every ancestor column, units and members, as the sysadmin reads it. */
function tree() {
  return sys.q(`{
    allUnions(sortField: "id", filter: { active: true }) { id federationId }
    allGrassrootsUnions(sortField: "id") { id federationId unionId }
    allTeams(sortField: "id") { id grassrootsUnionId unionId federationId }
    allMembers(sortField: "id") { id grassrootsUnionId teamId unionId federationId }
  }`);
}

async function moveEvents(entityId: string) {
  const r = await sys.q(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, sortField: "id", sortOrder: "ASC") { action entityType entityId actorId actorName unitId before after } }`, {
    f: { action: ['MOVE'], entityId: [entityId] },
  });
  return r.allAuditEvents.map((e: any) => ({ ...e, before: JSON.parse(e.before), after: JSON.parse(e.after) }));
}

describe('moveUnit', () => {
  it('moves a grassroots union from a union to directly under another federation; its teams and members follow', async () => {
    const { F1, F2, U1, G1, G2, G3, G4, T1, T2, T3, m } = t.fx;
    const before = await counts();
    expect(before).toEqual({ F1: 7, F2: 3, U1: 5, U2: 3, G1: 4, G2: 1, G4: 3 });

    const r = await sys.q(MOVE, { id: id(G1), parentId: id(F2) });
    expect(r.moveUnit).toEqual({ __typename: 'GrassrootsUnion', id: id(G1), unionId: null, federationId: id(F2) });

    // the unit itself, its parent objects, and the lists by parent
    const g = await sys.q(`query($id: ID!) { GrassrootsUnion(id: $id) { federationId unionId union { id } federation { id } teams { id } members { id } } }`, { id: id(G1) });
    expect(g.GrassrootsUnion).toMatchObject({ federationId: id(F2), unionId: null, union: null, federation: { id: id(F2) } });
    expect(ids(g.GrassrootsUnion.teams)).toEqual([id(T1), id(T2)]);
    expect(g.GrassrootsUnion.members).toHaveLength(4);
    const fs = await sys.q(`query($a: ID!, $b: ID!, $u: ID!) {
      a: Federation(id: $a) { grassrootsUnions { id } } b: Federation(id: $b) { grassrootsUnions { id } } Union(id: $u) { grassrootsUnions { id } } }`,
      { a: id(F1), b: id(F2), u: id(U1) });
    expect(ids(fs.a.grassrootsUnions)).toEqual([id(G2), id(G3)]);
    expect(ids(fs.b.grassrootsUnions)).toEqual([id(G1), id(G4)]);
    expect(ids(fs.Union.grassrootsUnions)).toEqual([id(G2)]);
    const lists = await sys.q(`query($f: ID!, $u: ID!) {
      direct: allGrassrootsUnions(filter: { parentId: [$f] }) { id }
      teamsF2: allTeams(filter: { federationId: [$f] }) { id }
      teamsU1: allTeams(filter: { unionId: [$u] }) { id } }`, { f: id(F2), u: id(U1) });
    expect(ids(lists.direct)).toEqual([id(G1)]);
    expect(ids(lists.teamsF2)).toEqual([id(T1), id(T2), id(T3)]);
    expect(lists.teamsU1).toEqual([]);

    // teams carry the new ancestors
    for (const team of [T1, T2]) {
      const tm = await sys.q(`query($id: ID!) { Team(id: $id) { grassrootsUnionId unionId federationId } }`, { id: id(team) });
      expect(tm.Team).toEqual({ grassrootsUnionId: id(G1), unionId: null, federationId: id(F2) });
    }
    // members carry the new ancestors and keep everything else
    const hoa = (await sys.q(MEMBER, { id: String(m.hoa.id) })).Member;
    expect(hoa).toEqual({
      id: String(m.hoa.id), fullName: 'Nguyễn Thị Hoa', status: 'ACTIVE', grassrootsUnionId: id(G1), teamId: id(T1),
      unionId: null, federationId: id(F2), grassrootsUnion: { id: id(G1) }, federation: { id: id(F2) },
    });
    const binh = (await sys.q(MEMBER, { id: String(m.binh.id) })).Member;
    expect(binh).toMatchObject({ grassrootsUnionId: id(G1), teamId: null, unionId: null, federationId: id(F2) });
    // members elsewhere are untouched
    expect((await sys.q(MEMBER, { id: String(m.mai.id) })).Member).toMatchObject({ unionId: id(U1), federationId: id(F1) });

    // counts: the old union and federation lose the 4 members, the new federation gains them
    expect(await counts()).toEqual({ ...before, F1: 3, F2: 7, U1: 1 });
    expect(await memberCount(sys, { unionId: id(U1), q: 'nguyen thi hoa' })).toBe(0);
    expect(await memberCount(sys, { federationId: id(F2), q: 'nguyen thi hoa' })).toBe(1);
    expect(await memberCount(sys, { federationId: id(F2), teamId: id(T1) })).toBe(2);
  });

  it('records the move in the unit history and in the audit trail', async () => {
    const { F2, U1, G1 } = t.fx;
    const h = await sys.q(MOVES, { id: id(G1) });
    expect(h.orgUnit.moves).toHaveLength(1);
    expect(h.orgUnit.moves[0]).toMatchObject({ fromParentId: id(U1), toParentId: id(F2), movedById: String(t.fx.users.sysadmin) });
    expect(Date.now() - new Date(h.orgUnit.moves[0].movedAt).getTime()).toBeLessThan(5 * 60_000);
    const events = await moveEvents(id(G1));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'MOVE', entityType: 'GrassrootsUnion', entityId: id(G1), actorId: String(t.fx.users.sysadmin), actorName: 'sysadmin',
      before: { parentId: Number(id(U1)), unionId: Number(id(U1)), federationId: Number(id(t.fx.F1)) },
      after: { parentId: Number(id(F2)), unionId: null, federationId: Number(id(F2)) },
    });
  });

  it('scoped accounts follow their units', async () => {
    const { F2, G1, T1, m } = t.fx;
    // the chair of the moved grassroots union still sees and manages its members and teams
    const chair = await t.as('chair');
    expect(await memberCount(chair)).toBe(4);
    expect((await chair.q(MEMBER, { id: String(m.hoa.id) })).Member.federationId).toBe(id(F2));
    const cg = await chair.q(`query($id: ID!) { GrassrootsUnion(id: $id) { unionId federation { id } teams { id } } }`, { id: id(G1) });
    expect(cg.GrassrootsUnion).toMatchObject({ unionId: null, federation: { id: id(F2) } });
    expect(cg.GrassrootsUnion.teams).toHaveLength(2);
    const created = await chair.q(`mutation($g: ID!, $t: ID!) { createMember(fullName: "Hà Văn Theo", gender: MALE, grassrootsUnionId: $g, teamId: $t) { id federationId unionId } }`, { g: id(G1), t: id(T1) });
    expect(created.createMember).toMatchObject({ federationId: id(F2), unionId: null });
    await sys.q(`mutation($id: ID!) { deleteMember(id: $id) { id } }`, { id: created.createMember.id });
    // the old federation's and union's admins no longer see it; the new federation's admin does
    const fed1 = await t.as('fedAdmin');
    expect(await fed1.codeOf(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(G1) })).toBe('NOT_FOUND');
    expect(await fed1.codeOf(MEMBER, { id: String(m.hoa.id) })).toBe('NOT_FOUND');
    expect(await memberCount(fed1)).toBe(3);
    const union1 = await t.as('unionAdmin');
    expect(await union1.codeOf(`query($id: ID!) { Team(id: $id) { id } }`, { id: id(T1) })).toBe('NOT_FOUND');
    expect(await memberCount(union1)).toBe(1);
    const fed2 = await t.as('fedAdmin2');
    expect(await memberCount(fed2)).toBe(8); // 7 + the member who joined and left
    expect((await fed2.q(`query($id: ID!) { Team(id: $id) { federationId } }`, { id: id(T1) })).Team.federationId).toBe(id(F2));
  });

  it('moves a union to another federation with its whole subtree', async () => {
    const { F1, F2, U2, G4, T3, m } = t.fx;
    const before = await counts();
    const r = await sys.q(MOVE, { id: id(U2), parentId: id(F1) });
    expect(r.moveUnit).toEqual({ __typename: 'Union', id: id(U2), federationId: id(F1) });
    const g = await sys.q(`query($g: ID!, $t: ID!) { GrassrootsUnion(id: $g) { federationId unionId } Team(id: $t) { federationId unionId grassrootsUnionId } }`, { g: id(G4), t: id(T3) });
    expect(g).toEqual({ GrassrootsUnion: { federationId: id(F1), unionId: id(U2) }, Team: { federationId: id(F1), unionId: id(U2), grassrootsUnionId: id(G4) } });
    expect((await sys.q(MEMBER, { id: String(m.thu.id) })).Member).toMatchObject({ federationId: id(F1), unionId: id(U2), grassrootsUnionId: id(G4) });
    expect(await counts()).toEqual({ ...before, F1: before.F1 + 3, F2: before.F2 - 3 });
    const u = await sys.q(`query($u: ID!, $f: ID!) { Union(id: $u) { federation { id } moves { fromParentId toParentId } } Federation(id: $f) { unions { id } } }`, { u: id(U2), f: id(F2) });
    expect(u.Union).toEqual({ federation: { id: id(F1) }, moves: [{ fromParentId: id(F2), toParentId: id(F1) }] });
    expect(u.Federation.unions).toEqual([]);
    expect(await moveEvents(id(U2))).toHaveLength(1);
    // scopes follow: the chair of G4 still sees its members; the federation admins swap
    expect(await memberCount(await t.as('chair4'))).toBe(3);
    expect(await (await t.as('fedAdmin2')).codeOf(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(G4) })).toBe('NOT_FOUND');
    expect((await (await t.as('fedAdmin')).q(`query($id: ID!) { GrassrootsUnion(id: $id) { id } }`, { id: id(G4) })).GrassrootsUnion.id).toBe(id(G4));
  });

  it("moves a team to another grassroots union; its members' grassroots union changes", async () => {
    const { U1, U2, G2, G4, T3, m } = t.fx;
    const before = await counts();
    const r = await sys.q(MOVE, { id: id(T3), parentId: id(G2) });
    expect(r.moveUnit).toEqual({ __typename: 'Team', id: id(T3), grassrootsUnionId: id(G2), unionId: id(U1), federationId: id(t.fx.F1) });
    for (const key of ['dung', 'hanh'] as const) {
      expect((await sys.q(MEMBER, { id: String(m[key].id) })).Member).toMatchObject({ grassrootsUnionId: id(G2), teamId: id(T3), unionId: id(U1) });
    }
    expect((await sys.q(MEMBER, { id: String(m.thu.id) })).Member).toMatchObject({ grassrootsUnionId: id(G4), teamId: null, unionId: id(U2) });
    expect(await counts()).toEqual({ ...before, G4: before.G4 - 2, G2: before.G2 + 2, U2: before.U2 - 2, U1: before.U1 + 2 });
    const gs = await sys.q(`query($a: ID!, $b: ID!) { a: GrassrootsUnion(id: $a) { teams { id } members { id } } b: GrassrootsUnion(id: $b) { teams { id } } }`, { a: id(G4), b: id(G2) });
    expect(gs.a).toEqual({ teams: [], members: [{ id: String(m.thu.id) }] });
    expect(ids(gs.b.teams)).toEqual([id(T3)]);
    expect((await sys.q(MOVES, { id: id(T3) })).orgUnit.moves).toMatchObject([{ fromParentId: id(G4), toParentId: id(G2) }]);
    // the chair of G4 lost the team and its members
    const chair4 = await t.as('chair4');
    expect(await chair4.codeOf(`query($id: ID!) { Team(id: $id) { id } }`, { id: id(T3) })).toBe('NOT_FOUND');
    expect(await chair4.codeOf(MEMBER, { id: String(m.dung.id) })).toBe('NOT_FOUND');
    expect(await memberCount(chair4)).toBe(1);
  });

  it('a move to the current parent changes nothing and records nothing', async () => {
    const { U1, G2 } = t.fx;
    const r = await sys.q(MOVE, { id: id(G2), parentId: id(U1) });
    expect(r.moveUnit).toMatchObject({ id: id(G2), unionId: id(U1) });
    expect((await sys.q(MOVES, { id: id(G2) })).orgUnit.moves).toEqual([]);
    expect(await moveEvents(id(G2))).toEqual([]);
  });

  it('refuses a parent of the wrong level with BAD_USER_INPUT on parentId, and changes nothing', async () => {
    const { F1, F2, U1, U2, G1, G2, G3, T1 } = t.fx;
    const before = await tree();
    const cases: [{ id: number }, { id: number }][] = [
      [T1, U1], [T1, F1], [T1, T1], [G2, G3], [G2, t.fx.T2], [U1, U2], [U1, G1],
    ];
    for (const [unit, parent] of cases) {
      const errs = await sys.errorsOf(MOVE, { id: id(unit), parentId: id(parent) });
      expect({ unit: unit.id, parent: parent.id, ext: errs[0].extensions }).toEqual({
        unit: unit.id, parent: parent.id, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'parentId' }),
      });
    }
    // a federation has no parent
    expect(await sys.codeOf(MOVE, { id: id(F1), parentId: id(F2) })).toBe('BAD_USER_INPUT');
    // unknown units
    expect(await sys.codeOf(MOVE, { id: id(G2), parentId: '987654' })).toBe('NOT_FOUND');
    expect(await sys.codeOf(MOVE, { id: '987654', parentId: id(U1) })).toBe('NOT_FOUND');
    // a dissolved parent takes nothing
    const empty = (await sys.q(`mutation($u: ID!) { createGrassrootsUnion(name: "Công đoàn sắp giải thể", unionId: $u) { id } }`, { u: id(U1) })).createGrassrootsUnion;
    await sys.q(`mutation($id: ID!) { deleteGrassrootsUnion(id: $id) { id } }`, { id: empty.id });
    const dissolved = await sys.errorsOf(MOVE, { id: id(T1), parentId: empty.id });
    expect(dissolved[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await tree()).toEqual(before);
    expect((await sys.q(MOVES, { id: id(T1) })).orgUnit.moves).toEqual([]);
  });

  it('a federation admin cannot move a unit out of its federation (nor take one in); scoped accounts are refused alike', async () => {
    // tree now: F1 ─ U1 ─ G2 ─ T3; F1 ─ G3; F1 ─ U2 ─ G4; F2 ─ G1 ─ T1, T2
    const { F1, F2, U1, U2, G1, G2, G3, G4, T1, T3 } = t.fx;
    const before = await tree();
    const eventsBefore = (await sys.q(`{ _allAuditEventsMeta(filter: { action: ["MOVE"] }) { count } }`))._allAuditEventsMeta.count;
    const fed = await t.as('fedAdmin');
    expect(await fed.codeOf(MOVE, { id: id(G3), parentId: id(F2) })).toBe('NOT_FOUND');
    expect(await fed.codeOf(MOVE, { id: id(T3), parentId: id(G1) })).toBe('NOT_FOUND');
    expect(await fed.codeOf(MOVE, { id: id(G1), parentId: id(U1) })).toBe('NOT_FOUND');
    expect(await fed.codeOf(MOVE, { id: id(U2), parentId: id(F2) })).toBe('NOT_FOUND');
    expect(await (await t.as('fedAdmin2')).codeOf(MOVE, { id: id(G1), parentId: id(F1) })).toBe('NOT_FOUND');
    const union = await t.as('unionAdmin');
    // its federation is a readable ancestor, never a target it may write
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await union.codeOf(MOVE, { id: id(G2), parentId: id(F1) }));
    expect(await union.codeOf(MOVE, { id: id(G2), parentId: id(U2) })).toBe('NOT_FOUND');
    const chair = await t.as('chair');
    expect(await chair.codeOf(MOVE, { id: id(T1), parentId: id(G2) })).toBe('NOT_FOUND');
    expect(await chair.codeOf(MOVE, { id: id(G1), parentId: id(F1) })).toBe('FORBIDDEN');
    expect(await (await t.as('analyst')).codeOf(MOVE, { id: id(T1), parentId: id(G4) })).toBe('FORBIDDEN');
    expect(await t.anon.codeOf(MOVE, { id: id(T1), parentId: id(G4) })).toBe('UNAUTHENTICATED');
    expect(await tree()).toEqual(before);
    expect((await sys.q(`{ _allAuditEventsMeta(filter: { action: ["MOVE"] }) { count } }`))._allAuditEventsMeta.count).toBe(eventsBefore);
    // inside its federation it may move
    const r = await fed.q(MOVE, { id: id(G3), parentId: id(U2) });
    expect(r.moveUnit).toMatchObject({ unionId: id(U2), federationId: id(F1) });
    expect((await sys.q(MEMBER, { id: String(t.fx.m.hung.id) })).Member).toMatchObject({ unionId: id(U2), federationId: id(F1) });
    expect((await moveEvents(id(G3)))[0]).toMatchObject({ actorName: expect.stringMatching(/^fedadmin$/i), entityId: id(G3) });
  });
});

describe('racing moves', () => {
  it('racing moves of one unit: each answers done or CONFLICT, and the history is one true chain', async () => {
    // T2 sits in G1; ask for four different grassroots unions at once
    const { G1, G2, G3, G4, T2, m } = t.fx;
    const targets = [G2, G3, G4, G2];
    const results = await Promise.all(
      targets.map((g) => sys.q(MOVE, { id: id(T2), parentId: id(g) }).then(() => 'ok', (e) => e.response?.errors?.[0]?.extensions?.code)),
    );
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'CONFLICT')).toBe(true);
    const moves = (await sys.q(MOVES, { id: id(T2) })).orgUnit.moves as { fromParentId: string; toParentId: string }[];
    expect(moves.length).toBe(results.filter((r) => r === 'ok').length);
    expect(moves.length).toBeGreaterThan(0);
    // every move starts where the previous one ended
    expect(moves.map((mv) => mv.fromParentId)).toEqual([id(G1), ...moves.slice(0, -1).map((mv) => mv.toParentId)]);
    const last = moves[moves.length - 1].toParentId;
    expect((await sys.q(`query($id: ID!) { Team(id: $id) { grassrootsUnionId } }`, { id: id(T2) })).Team.grassrootsUnionId).toBe(last);
    expect((await sys.q(MEMBER, { id: String(m.lan.id) })).Member.grassrootsUnionId).toBe(last);
    expect(await moveEvents(id(T2))).toHaveLength(moves.length);
    // put it back for the tests that follow
    await sys.q(MOVE, { id: id(T2), parentId: id(G1) });
  });
});

describe('moves through updateX', () => {
  it('updateGrassrootsUnion with a different unionId performs the same move', async () => {
    // G1 sits directly under F2; put it back under U1 (F1)
    const { F1, F2, U1, G1, T1, m } = t.fx;
    const before = await counts();
    const r = await sys.q(`mutation($id: ID!, $u: ID!) { updateGrassrootsUnion(id: $id, unionId: $u) { id unionId federationId union { id } } }`, { id: id(G1), u: id(U1) });
    expect(r.updateGrassrootsUnion).toEqual({ id: id(G1), unionId: id(U1), federationId: id(F1), union: { id: id(U1) } });
    expect((await sys.q(MEMBER, { id: String(m.duc.id) })).Member).toMatchObject({ grassrootsUnionId: id(G1), teamId: id(T1), unionId: id(U1), federationId: id(F1) });
    expect((await sys.q(`query($id: ID!) { Team(id: $id) { unionId federationId } }`, { id: id(T1) })).Team).toEqual({ unionId: id(U1), federationId: id(F1) });
    // 4 active members + the one who joined and left
    expect(await counts()).toEqual({ ...before, F1: before.F1 + 5, F2: before.F2 - 5, U1: before.U1 + 5 });
    expect((await sys.q(MOVES, { id: id(G1) })).orgUnit.moves).toMatchObject([
      { fromParentId: id(U1), toParentId: id(F2) },
      { fromParentId: id(F2), toParentId: id(U1), movedById: String(t.fx.users.sysadmin) },
    ]);
    const events = await moveEvents(id(G1));
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ before: { parentId: Number(id(F2)), unionId: null }, after: { parentId: Number(id(U1)), unionId: Number(id(U1)) } });
    expect(await memberCount(await t.as('unionAdmin'), { grassrootsUnionId: id(G1) })).toBe(5);
  });

  it('updateGrassrootsUnion with unionId: null and a federationId moves it directly under that federation', async () => {
    const { F2, G3, m } = t.fx;
    const r = await sys.q(`mutation($id: ID!, $f: ID!) { updateGrassrootsUnion(id: $id, unionId: null, federationId: $f) { unionId federationId } }`, { id: id(G3), f: id(F2) });
    expect(r.updateGrassrootsUnion).toEqual({ unionId: null, federationId: id(F2) });
    expect((await sys.q(MEMBER, { id: String(m.an.id) })).Member).toMatchObject({ unionId: null, federationId: id(F2) });
  });

  it('updateTeam(grassrootsUnionId) and updateUnion(federationId) move too', async () => {
    const { F2, U2, G4, T3, m } = t.fx;
    const tm = await sys.q(`mutation($id: ID!, $g: ID!) { updateTeam(id: $id, grassrootsUnionId: $g) { grassrootsUnionId unionId } }`, { id: id(T3), g: id(G4) });
    expect(tm.updateTeam).toEqual({ grassrootsUnionId: id(G4), unionId: id(U2) });
    const u = await sys.q(`mutation($id: ID!, $f: ID!) { updateUnion(id: $id, federationId: $f) { federationId } }`, { id: id(U2), f: id(F2) });
    expect(u.updateUnion.federationId).toBe(id(F2));
    expect((await sys.q(MEMBER, { id: String(m.hanh.id) })).Member).toMatchObject({ grassrootsUnionId: id(G4), teamId: id(T3), unionId: id(U2), federationId: id(F2) });
    expect((await moveEvents(id(T3))).map((e: any) => e.after.grassrootsUnionId)).toEqual([Number(id(t.fx.G2)), Number(id(G4))]);
    // a parent of the wrong level through update names that argument
    const errs = await sys.errorsOf(`mutation($id: ID!, $g: ID!) { updateTeam(id: $id, grassrootsUnionId: $g) { id } }`, { id: id(T3), g: id(U2) });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grassrootsUnionId' });
  });

  it('an update that moves and then fails changes nothing: no move, no history', async () => {
    // G4 sits under U2 (F2); ask to move it under U1 and take a code that is taken
    const { U1, U2, G4, F2, m } = t.fx;
    const before = await tree();
    const errs = await sys.errorsOf(`mutation($id: ID!, $u: ID!) { updateGrassrootsUnion(id: $id, unionId: $u, code: "G1") { id } }`, { id: id(G4), u: id(U1) });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(await tree()).toEqual(before);
    expect((await sys.q(`query($id: ID!) { GrassrootsUnion(id: $id) { unionId federationId code moves { id } } }`, { id: id(G4) })).GrassrootsUnion).toEqual({
      unionId: id(U2), federationId: id(F2), code: 'G4', moves: [],
    });
    expect((await sys.q(MEMBER, { id: String(m.thu.id) })).Member).toMatchObject({ unionId: id(U2), federationId: id(F2) });
    expect(await moveEvents(id(G4))).toEqual([]);
  });
});
