import { dayInVietnam } from '../server/common/clock';
import { startTestServer, TestServer, Api } from './support/harness';

/**
 * The audit trail: every successful mutation leaves one AuditEvent (who, what, before/after JSON,
 * never a password hash), a refused one leaves none; the trail is read-only and scoped like
 * everything else. Fixture: F1 ─ U1 ─ G1 ─ T1, T2 / G2; F1 ─ G3; F2 ─ U2 ─ G4 ─ T3.
 */
let t: TestServer;
let sys: Api;
beforeAll(async () => {
  t = await startTestServer();
  sys = await t.as('sysadmin');
});
afterAll(() => t?.stop());

const id = (u: { id: number }) => String(u.id);
/** Today as the server counts it: in Vietnam (server/common/clock.ts), not in UTC. */
const today = () => dayInVietnam();
const NEW_PASSWORD = 'Mat-khau-rat-bi-mat-42';

interface Event {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  before: any;
  after: any;
  rawBefore: string | null;
  rawAfter: string | null;
}

const EVENT_FIELDS = 'id at action entityType entityId actorId actorName unitId before after';

function parse(e: any): Event {
  return { ...e, rawBefore: e.before, rawAfter: e.after, before: e.before == null ? null : JSON.parse(e.before), after: e.after == null ? null : JSON.parse(e.after) };
}

/** The events of an entity, oldest first, as `api` sees them. */
async function eventsOf(entityType: string, entityId: string | number, api: Api = sys): Promise<Event[]> {
  const r = await api.q(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, sortField: "id", sortOrder: "ASC") { ${EVENT_FIELDS} } }`, {
    f: { entityType: [entityType], entityId: [String(entityId)] },
  });
  return r.allAuditEvents.map(parse);
}

async function eventCount(api: Api = sys): Promise<number> {
  return (await api.q(`{ _allAuditEventsMeta { count } }`))._allAuditEventsMeta.count;
}

async function allEvents(api: Api): Promise<Event[]> {
  return (await api.q(`{ allAuditEvents(perPage: 1000) { ${EVENT_FIELDS} } }`)).allAuditEvents.map(parse);
}

describe('every successful mutation leaves one event', () => {
  it('units: create, update, delete record actor, action, entity and before/after', async () => {
    const fed = await t.as('fedAdmin');
    const { F1 } = t.fx;
    const u = (await fed.q(`mutation($f: ID!) { createUnion(name: "Công đoàn ngành Y tế Thanh Hóa", code: "YT-TH", federationId: $f) { id } }`, { f: id(F1) })).createUnion;
    const [created] = await eventsOf('Union', u.id);
    expect(created).toMatchObject({
      action: 'CREATE', entityType: 'Union', entityId: u.id, actorId: String(t.fx.users.fedAdmin), actorName: expect.stringMatching(/^fedadmin$/i), unitId: u.id, before: null,
      after: { id: Number(u.id), level: 'UNION', name: 'Công đoàn ngành Y tế Thanh Hóa', code: 'YT-TH', parentId: F1.id, federationId: F1.id, unionId: Number(u.id), active: true },
    });

    await fed.q(`mutation($id: ID!) { updateUnion(id: $id, name: "Công đoàn ngành Y tế tỉnh Thanh Hóa") { id } }`, { id: u.id });
    const g = (await fed.q(`mutation($u: ID!) { createGrassrootsUnion(name: "Công đoàn Bệnh viện Nhi", unionId: $u) { id } }`, { u: u.id })).createGrassrootsUnion;
    const tm = (await fed.q(`mutation($g: ID!) { createTeam(name: "Tổ Điều dưỡng", grassrootsUnionId: $g) { id } }`, { g: g.id })).createTeam;
    await fed.q(`mutation($id: ID!) { deleteTeam(id: $id) { id } }`, { id: tm.id });

    const union = await eventsOf('Union', u.id);
    expect(union.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(union[1]).toMatchObject({ actorName: expect.stringMatching(/^fedadmin$/i), before: { name: 'Công đoàn ngành Y tế Thanh Hóa' }, after: { name: 'Công đoàn ngành Y tế tỉnh Thanh Hóa' } });
    expect((await eventsOf('GrassrootsUnion', g.id)).map((e) => [e.action, e.after.unionId, e.after.federationId])).toEqual([['CREATE', Number(u.id), F1.id]]);
    const team = await eventsOf('Team', tm.id);
    expect(team.map((e) => e.action)).toEqual(['CREATE', 'DELETE']);
    expect(team[1]).toMatchObject({ before: { active: true, dissolvedAt: null }, after: { active: false, dissolvedAt: today() }, unitId: tm.id });

    // the sysadmin's federation writes too
    const f = (await sys.q(`mutation { createFederation(name: "Liên đoàn Lao động tỉnh Hà Tĩnh", code: "HT") { id } }`)).createFederation;
    await sys.q(`mutation($id: ID!) { updateFederation(id: $id, code: "HATINH") { id } }`, { id: f.id });
    await sys.q(`mutation($id: ID!) { deleteFederation(id: $id) { id } }`, { id: f.id });
    const fedEvents = await eventsOf('Federation', f.id);
    expect(fedEvents.map((e) => [e.action, e.actorName, e.before?.code ?? null, e.after.code])).toEqual([
      ['CREATE', 'sysadmin', null, 'HT'],
      ['UPDATE', 'sysadmin', 'HT', 'HATINH'],
      ['DELETE', 'sysadmin', 'HATINH', 'HATINH'],
    ]);
    expect(fedEvents[2].after).toMatchObject({ active: false, dissolvedAt: today() });
  });

  it('members: create, update, delete', async () => {
    const chair = await t.as('chair');
    const { G1, T2 } = t.fx;
    const m = (await chair.q(`mutation($g: ID!, $t: ID!) { createMember(fullName: "Lý Thị Ngọc", gender: FEMALE, grassrootsUnionId: $g, teamId: $t, cardNumber: "C-2001") { id } }`, { g: id(G1), t: id(T2) })).createMember;
    await chair.q(`mutation($id: ID!) { updateMember(id: $id, position: "Tổ trưởng", phone: "0912345678") { id } }`, { id: m.id });
    await chair.q(`mutation($id: ID!) { deleteMember(id: $id) { id } }`, { id: m.id });
    const events = await eventsOf('Member', m.id);
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    for (const e of events) expect(e).toMatchObject({ entityType: 'Member', entityId: m.id, actorId: String(t.fx.users.chair), actorName: 'chair', unitId: id(G1) });
    expect(events[0].before).toBeNull();
    expect(events[0].after).toMatchObject({ fullName: 'Lý Thị Ngọc', cardNumber: 'C-2001', grassrootsUnionId: G1.id, teamId: T2.id, status: 'ACTIVE' });
    expect(events[1].before).toMatchObject({ position: null, phone: null });
    expect(events[1].after).toMatchObject({ position: 'Tổ trưởng', phone: '0912345678' });
    expect(events[2].before).toMatchObject({ status: 'ACTIVE' });
    expect(events[2].after).toMatchObject({ status: 'LEFT', leftAt: today() });
    // a transfer is recorded too, in the receiving unit
    const moved = (await sys.q(`mutation($g: ID!) { createMember(fullName: "Đinh Văn Chuyển", gender: MALE, grassrootsUnionId: $g) { id } }`, { g: id(G1) })).createMember;
    await sys.q(`mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { id } }`, { id: moved.id, g: id(t.fx.G2) });
    const transfer = (await eventsOf('Member', moved.id))[1];
    expect(transfer).toMatchObject({ before: { grassrootsUnionId: G1.id }, after: { grassrootsUnionId: t.fx.G2.id } });
    expect(['TRANSFER', 'UPDATE']).toContain(transfer.action);
  });

  it('users: create, update, delete, never with a password hash', async () => {
    const fed = await t.as('fedAdmin');
    const { G3 } = t.fx;
    const u = (await fed.q(`mutation($g: ID!) { createUser(username: "chu.tich.g3", password: "First-pass-123", fullName: "Chủ tịch CĐCS Lam Sơn", role: GRASSROOTS_CHAIR, scopeUnitId: $g) { id } }`, { g: id(G3) })).createUser;
    await fed.q(`mutation($id: ID!, $p: String!) { updateUser(id: $id, password: $p, fullName: "Chủ tịch Lam Sơn") { id } }`, { id: u.id, p: NEW_PASSWORD });
    await fed.q(`mutation($id: ID!) { deleteUser(id: $id) { id active } }`, { id: u.id });
    const events = await eventsOf('User', u.id);
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ entityType: 'User', entityId: u.id, actorName: expect.stringMatching(/^fedadmin$/i), actorId: String(t.fx.users.fedAdmin), unitId: id(G3) });
    expect(events[0]).toMatchObject({ action: 'CREATE', before: null, after: { username: 'chu.tich.g3', role: 'GRASSROOTS_CHAIR', scopeUnitId: G3.id, active: true } });
    expect(events[1]).toMatchObject({ action: 'UPDATE', before: { fullName: 'Chủ tịch CĐCS Lam Sơn' }, after: { fullName: 'Chủ tịch Lam Sơn' } });
    // deleteUser deactivates; the server records it as a change of the account
    expect(['DELETE', 'UPDATE']).toContain(events[2].action);
    expect(events[2]).toMatchObject({ before: { active: true }, after: { active: false } });
    for (const e of events) {
      for (const raw of [e.rawBefore, e.rawAfter]) {
        expect(raw ?? '').not.toMatch(/passwordHash|password|scrypt\$|First-pass-123|Mat-khau/i);
      }
    }
  });

  it('moveUnit records a MOVE with the old and new place', async () => {
    const { G2, F2, U1 } = t.fx;
    await sys.q(`mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: id(G2), p: id(F2) });
    const events = await eventsOf('GrassrootsUnion', id(G2));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'MOVE', actorName: 'sysadmin', entityId: id(G2),
      before: { parentId: U1.id, unionId: U1.id, federationId: t.fx.F1.id }, after: { parentId: F2.id, unionId: null, federationId: F2.id },
    });
    // and back, as a second event
    await sys.q(`mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: id(G2), p: id(U1) });
    expect((await eventsOf('GrassrootsUnion', id(G2))).map((e) => [e.action, e.after.parentId])).toEqual([['MOVE', F2.id], ['MOVE', U1.id]]);
  });

  it('no event anywhere carries a password hash', async () => {
    const events = await allEvents(sys);
    expect(events.length).toBeGreaterThan(10);
    for (const e of events) expect(`${e.rawBefore} ${e.rawAfter}`).not.toMatch(/passwordHash|scrypt\$|tokenVersion/);
  });
});

describe('a refused mutation records nothing', () => {
  it('validation, conflicts, scope and role refusals leave the trail unchanged', async () => {
    const { F1, F2, U1, G1, G2, G4, T1, m } = t.fx;
    const before = await eventCount();
    const chair = await t.as('chair');
    const fed = await t.as('fedAdmin');
    const attempts: [Api, string, Record<string, unknown>, string][] = [
      [sys, `mutation($p: ID!) { createTeam(name: "Sai cấp", grassrootsUnionId: $p) { id } }`, { p: id(U1) }, 'BAD_USER_INPUT'],
      [sys, `mutation($f: ID!) { createUnion(name: "Trùng mã", code: "U2", federationId: $f) { id } }`, { f: id(F1) }, 'BAD_USER_INPUT'],
      [sys, `mutation($id: ID!) { deleteGrassrootsUnion(id: $id) { id } }`, { id: id(G4) }, 'CONFLICT'],
      [sys, `mutation($id: ID!) { deleteTeam(id: $id) { id } }`, { id: id(T1) }, 'CONFLICT'],
      [sys, `mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: id(T1), p: id(U1) }, 'BAD_USER_INPUT'],
      // the move is done, then the duplicate code fails: the whole update rolls back with its MOVE event
      [sys, `mutation($id: ID!, $u: ID!) { updateGrassrootsUnion(id: $id, unionId: $u, code: "G1") { id } }`, { id: id(G4), u: id(U1) }, 'BAD_USER_INPUT'],
      [sys, `mutation($g: ID!) { createMember(fullName: "Sai Email", gender: MALE, grassrootsUnionId: $g, email: "khong-phai-email") { id } }`, { g: id(G1) }, 'BAD_USER_INPUT'],
      [sys, `mutation($id: ID!) { updateMember(id: $id, cardNumber: "C-0002") { id } }`, { id: String(m.hoa.id) }, 'BAD_USER_INPUT'],
      [sys, `mutation { createUser(username: "chair", password: "Long-enough-1", fullName: "Trùng", role: ANALYST) { id } }`, {}, 'BAD_USER_INPUT'],
      [chair, `mutation($u: ID!) { createGrassrootsUnion(name: "Không được", unionId: $u) { id } }`, { u: id(U1) }, 'FORBIDDEN'],
      [chair, `mutation($g: ID!) { createTeam(name: "Ngoài phạm vi", grassrootsUnionId: $g) { id } }`, { g: id(G2) }, 'NOT_FOUND'],
      [chair, `mutation($id: ID!) { updateMember(id: $id, position: "X") { id } }`, { id: String(m.mai.id) }, 'NOT_FOUND'],
      [chair, `mutation { createUser(username: "vice.chair", password: "Long-enough-1", fullName: "Phó", role: ANALYST) { id } }`, {}, 'FORBIDDEN'],
      [fed, `mutation($f: ID!) { createUnion(name: "Ngoài", federationId: $f) { id } }`, { f: id(F2) }, 'NOT_FOUND'],
      [fed, `mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: id(t.fx.G3), p: id(F2) }, 'NOT_FOUND'],
      [fed, `mutation { createUser(username: "root2", password: "Long-enough-1", fullName: "Leo thang", role: SYSTEM_ADMIN) { id } }`, {}, 'FORBIDDEN'],
      [fed, `mutation($id: ID!) { updateUser(id: $id, role: SYSTEM_ADMIN) { id } }`, { id: String(t.fx.users.unionAdmin) }, 'FORBIDDEN'],
      [await t.as('analyst'), `mutation($id: ID!) { deleteMember(id: $id) { id } }`, { id: String(m.hoa.id) }, 'FORBIDDEN'],
      [t.anon, `mutation { createFederation(name: "Ẩn danh") { id } }`, {}, 'UNAUTHENTICATED'],
    ];
    for (const [api, query, vars, code] of attempts) {
      const got = await api.codeOf(query, vars);
      expect({ query, got }).toEqual({ query, got: code });
    }
    expect(await eventCount()).toBe(before);
    // and the writes themselves did not happen
    const r = await sys.q(`query($g: ID!, $m: ID!) { GrassrootsUnion(id: $g) { unionId code moves { id } } Member(id: $m) { cardNumber } }`, { g: id(G4), m: String(m.hoa.id) });
    expect(r).toEqual({ GrassrootsUnion: { unionId: id(t.fx.U2), code: 'G4', moves: [] }, Member: { cardNumber: 'C-0001' } });
  });
});

describe('the trail is read-only', () => {
  it('the schema has no mutation on audit events', async () => {
    const r = await sys.q(`{ __schema { mutationType { fields { name } } } }`);
    const names: string[] = r.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names).toContain('createMember'); // the introspection answered
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
    for (const q of [`mutation { createAuditEvent(action: "X") { id } }`, `mutation { deleteAuditEvent(id: 1) { id } }`, `mutation { updateAuditEvent(id: 1, action: "X") { id } }`]) {
      expect(await sys.codeOf(q)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});

describe('the trail is scoped', () => {
  // one event per place, made by the sysadmin
  const ev: Record<string, string> = {};
  beforeAll(async () => {
    const { F1, U1, G1, G3, G4 } = t.fx;
    const member = async (g: { id: number }, name: string) =>
      (await sys.q(`mutation($g: ID!, $n: String!) { createMember(fullName: $n, gender: MALE, grassrootsUnionId: $g) { id } }`, { g: id(g), n: name })).createMember.id;
    const last = async (type: string, entityId: string) => (await eventsOf(type, entityId)).pop()!.id;
    ev.G1 = await last('Member', await member(G1, 'Người Ở G Một'));
    ev.G3 = await last('Member', await member(G3, 'Người Ở G Ba'));
    ev.G4 = await last('Member', await member(G4, 'Người Ở G Bốn'));
    await sys.q(`mutation($id: ID!) { updateFederation(id: $id, name: "LĐLĐ tỉnh Thanh Hóa") { id } }`, { id: id(F1) });
    ev.F1 = await last('Federation', id(F1));
    await sys.q(`mutation($id: ID!) { updateUnion(id: $id, name: "CĐVC tỉnh Thanh Hóa") { id } }`, { id: id(U1) });
    ev.U1 = await last('Union', id(U1));
    const team = (await sys.q(`mutation($g: ID!) { createTeam(name: "Tổ Kiểm tra", grassrootsUnionId: $g) { id } }`, { g: id(G1) })).createTeam.id;
    ev.T = await last('Team', team);
    // system level: an account with no scope
    const user = (await sys.q(`mutation { createUser(username: "analyst.toan.quoc", password: "Long-enough-1", fullName: "Phân tích", role: ANALYST) { id } }`)).createUser.id;
    ev.SYS = await last('User', user);
  });

  const visible = async (account: Parameters<TestServer['as']>[0]) => {
    const api = await t.as(account);
    const seen = new Set((await allEvents(api)).map((e) => e.id));
    return Object.fromEntries(Object.entries(ev).map(([k, v]) => [k, seen.has(v)]));
  };

  it('the sysadmin sees everything, system-level events included', async () => {
    expect(await visible('sysadmin')).toEqual({ G1: true, G3: true, G4: true, F1: true, U1: true, T: true, SYS: true });
    const one = await sys.q(`query($id: ID!) { AuditEvent(id: $id) { unitId action entityType actor { username } } }`, { id: ev.SYS });
    expect(one.AuditEvent).toEqual({ unitId: null, action: 'CREATE', entityType: 'User', actor: { username: 'sysadmin' } });
  });

  it('a federation admin sees its federation only', async () => {
    expect(await visible('fedAdmin')).toEqual({ G1: true, G3: true, G4: false, F1: true, U1: true, T: true, SYS: false });
    expect(await visible('fedAdmin2')).toEqual({ G1: false, G3: false, G4: true, F1: false, U1: false, T: false, SYS: false });
  });

  it('a union admin sees its union only, not its federation', async () => {
    expect(await visible('unionAdmin')).toEqual({ G1: true, G3: false, G4: false, F1: false, U1: true, T: true, SYS: false });
  });

  it('a chair sees its subtree only; other events are NOT_FOUND; counts agree', async () => {
    const chair = await t.as('chair');
    expect(await visible('chair')).toEqual({ G1: true, G3: false, G4: false, F1: false, U1: false, T: true, SYS: false });
    const events = await allEvents(chair);
    const subtree = new Set((await sys.q(`query($g: ID!) { allTeams(filter: { grassrootsUnionId: [$g] }) { id } inactive: allTeams(filter: { grassrootsUnionId: [$g], active: false }) { id } }`, { g: id(t.fx.G1) }))
      .allTeams.map((x: any) => x.id).concat(id(t.fx.G1)));
    for (const e of events) expect({ id: e.id, inSubtree: e.unitId != null && subtree.has(e.unitId) }).toEqual({ id: e.id, inSubtree: true });
    expect(await eventCount(chair)).toBe(events.length);
    expect(await chair.codeOf(`query($id: ID!) { AuditEvent(id: $id) { id } }`, { id: ev.G4 })).toBe('NOT_FOUND');
    expect(await chair.codeOf(`query($id: ID!) { AuditEvent(id: $id) { id } }`, { id: ev.SYS })).toBe('NOT_FOUND');
    // filtering does not reach past the scope
    const byId = await chair.q(`query($ids: [ID!]) { allAuditEvents(filter: { ids: $ids }) { id } _allAuditEventsMeta(filter: { ids: $ids }) { count } }`, { ids: [ev.G1, ev.G4, ev.F1, ev.SYS] });
    expect(byId).toEqual({ allAuditEvents: [{ id: ev.G1 }], _allAuditEventsMeta: { count: 1 } });
    // the actor's name reads even when the actor account itself is out of reach
    const one = await chair.q(`query($id: ID!) { AuditEvent(id: $id) { actorName actorId actor { id } } }`, { id: ev.G1 });
    expect(one.AuditEvent).toEqual({ actorName: 'sysadmin', actorId: String(t.fx.users.sysadmin), actor: null });
  });

  it('analysts may not read the trail at all', async () => {
    for (const account of ['analyst', 'analystF1'] as const) {
      const api = await t.as(account);
      expect(await api.codeOf(`{ allAuditEvents { id } }`)).toBe('FORBIDDEN');
      expect(await api.codeOf(`{ _allAuditEventsMeta { count } }`)).toBe('FORBIDDEN');
      expect(await api.codeOf(`query($id: ID!) { AuditEvent(id: $id) { id } }`, { id: ev.G1 })).toBe('FORBIDDEN');
    }
    expect(await t.anon.codeOf(`{ allAuditEvents { id } }`)).toBe('UNAUTHENTICATED');
  });
});
