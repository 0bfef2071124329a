import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Api, startTestServer, TestServer } from './support/harness';
import { startApp, RunningApp } from '../server/app';
import { loadConfig } from '../server/config';

const removeDb = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
};

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role scopeUnitId } } }`;
const MEMBERS = `query($filter: MemberFilter, $perPage: Int) {
  allMembers(filter: $filter, perPage: $perPage) { id fullName cardNumber birthDate phone email nationalId grassrootsUnionId federationId }
  _allMembersMeta(filter: $filter) { count }
}`;

describe('the embedded SQLite default (no DATABASE_URL): demo data', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-embedded-'));
  const file = path.join(dir, 'nested', 'congdoan.db');
  const config = () => {
    const { DATABASE_URL: _d, ADMIN_PASSWORD: _a, SEED_DEMO: _s, ...rest } = process.env;
    return loadConfig({ ...rest, NODE_ENV: 'test', PORT: '0', SQLITE_DEFAULT_PATH: file });
  };
  let app: RunningApp;
  const as = async (username: string, password = 'demo1234') =>
    new Api(app.url, (await new Api(app.url).q(LOGIN, { u: username, p: password })).login.token);
  let thanhHoaId: string;
  let created: { id: string; fullName: string; cardNumber: string };
  let totals: { federations: number; members: number; users: number; awardTypes: number; nominations: number };

  beforeAll(async () => {
    expect(config().databaseUrl).toBeUndefined();
    app = await startApp(config(), () => undefined);
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database file at SQLITE_DEFAULT_PATH (its folder too)', () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(app.services.db.ds.options.type).toBe('better-sqlite3');
  });

  it('the demo federation admin logs in and lists the members of Thanh Hóa', async () => {
    const api = await as('ldld.thanhhoa');
    const feds = await api.q(`{ allFederations(filter: { q: "thanh hoa" }) { id name code } }`);
    expect(feds.allFederations).toHaveLength(1);
    expect(feds.allFederations[0].name).toBe('Liên đoàn Lao động tỉnh Thanh Hóa');
    thanhHoaId = feds.allFederations[0].id;
    const r = await api.q(MEMBERS, { filter: { federationId: [thanhHoaId] } });
    expect(r._allMembersMeta.count).toBeGreaterThan(100);
    expect(r.allMembers).toHaveLength(r._allMembersMeta.count);
    expect(new Set(r.allMembers.map((m: any) => m.federationId))).toEqual(new Set([thanhHoaId]));
    // The admin sees personal data.
    expect(r.allMembers.some((m: any) => m.phone && m.birthDate && m.nationalId)).toBe(true);
    // Its scope is its federation: the other demo federations are out of its lists.
    const mine = await api.q(`{ allFederations { id } _allFederationsMeta { count } }`);
    expect(mine.allFederations.map((f: any) => f.id)).toEqual([thanhHoaId]);
    expect(mine._allFederationsMeta.count).toBe(1);
  });

  it('the demo federation admin finds nominations waiting and the decided awards with their nominations', async () => {
    const api = await as('ldld.thanhhoa');
    const r = await api.q(`{ _allNominationsMeta(filter: { awaitingMyReview: true }) { count } allAwards { decisionNumber nomination { status nomineeName } nomineeName } }`);
    expect(r._allNominationsMeta.count).toBeGreaterThanOrEqual(3);
    expect(r.allAwards.length).toBeGreaterThan(0);
    for (const a of r.allAwards) expect(a.nomination).toEqual({ status: 'APPROVED', nomineeName: a.nomineeName });
  });

  it('the demo federation admin lists its commendation decisions, each counting its awards', async () => {
    const api = await as('ldld.thanhhoa');
    const r = await api.q(`{ allAwardDecisions { id decisionNumber awardCount } _allAwardDecisionsMeta { count } allAwards { decisionNumber } }`);
    expect(r.allAwardDecisions.length).toBeGreaterThan(0);
    expect(r._allAwardDecisionsMeta.count).toBe(r.allAwardDecisions.length);
    expect(r.allAwardDecisions.reduce((n: number, d: any) => n + d.awardCount, 0)).toBe(r.allAwards.length);
    const [first] = r.allAwardDecisions;
    expect((await api.q(`query($id: ID!) { AwardDecision(id: $id) { decisionNumber awardCount } }`, { id: first.id })).AwardDecision).toEqual({ decisionNumber: first.decisionNumber, awardCount: first.awardCount });
  });

  it('the whole demo is larger: the system admin counts every federation and member', async () => {
    const api = await as('admin');
    const r = await api.q(`{ _allFederationsMeta { count } _allMembersMeta { count } _allUsersMeta { count } _allAwardTypesMeta { count } _allNominationsMeta { count } }`);
    totals = {
      federations: r._allFederationsMeta.count,
      members: r._allMembersMeta.count,
      users: r._allUsersMeta.count,
      awardTypes: r._allAwardTypesMeta.count,
      nominations: r._allNominationsMeta.count,
    };
    expect(totals.federations).toBeGreaterThanOrEqual(3);
    expect(totals.members).toBeGreaterThan(500);
    expect(totals.users).toBeGreaterThanOrEqual(9);
    expect(totals.awardTypes).toBeGreaterThan(0);
  });

  it('the demo chair sees only its grassroots union', async () => {
    const api = await as('cdcs.soyte');
    const me = (await api.q(`{ me { role scopeUnitId } }`)).me;
    expect(me.role).toBe('GRASSROOTS_CHAIR');
    const r = await api.q(MEMBERS, {});
    expect(r._allMembersMeta.count).toBeGreaterThan(0);
    expect(r._allMembersMeta.count).toBeLessThan(100);
    expect(new Set(r.allMembers.map((m: any) => m.grassrootsUnionId))).toEqual(new Set([me.scopeUnitId]));
    const gus = await api.q(`{ allGrassrootsUnions { id name } }`);
    expect(gus.allGrassrootsUnions).toEqual([{ id: me.scopeUnitId, name: 'Công đoàn cơ sở Sở Y tế' }]);
    // Asking for the whole federation gives only what lies in its scope.
    const byFed = await api.q(MEMBERS, { filter: { federationId: [thanhHoaId] } });
    expect(byFed._allMembersMeta.count).toBe(r._allMembersMeta.count);
    // Unfiltered lists leave the ancestors out; by id they are readable (breadcrumbs).
    expect((await api.q(`{ allFederations { id } }`)).allFederations).toEqual([]);
    expect((await api.q(`query($id: ID!) { Federation(id: $id) { name } }`, { id: thanhHoaId })).Federation.name).toBe('Liên đoàn Lao động tỉnh Thanh Hóa');
    // A member of another grassroots union does not exist for it.
    const other = await (await as('ldld.thanhhoa')).q(MEMBERS, { filter: { federationId: [thanhHoaId] } });
    const outsider = other.allMembers.find((m: any) => m.grassrootsUnionId !== me.scopeUnitId);
    expect(await api.codeOf(`query($id: ID!) { Member(id: $id) { id } }`, { id: outsider.id })).toBe('NOT_FOUND');
  });

  it('the demo analyst sees personal data as null', async () => {
    const api = await as('analyst');
    const r = await api.q(MEMBERS, { filter: { federationId: [thanhHoaId] } });
    expect(r._allMembersMeta.count).toBeGreaterThan(100);
    for (const m of r.allMembers) {
      expect({ birthDate: m.birthDate, phone: m.phone, email: m.email, nationalId: m.nationalId }).toEqual({ birthDate: null, phone: null, email: null, nationalId: null });
      expect(m.fullName).toBeTruthy();
    }
    expect(r.allMembers.some((m: any) => m.cardNumber)).toBe(true);
    expect(await api.codeOf(MEMBERS, { filter: { birthDate_gte: '1980-01-01' } })).toBe('FORBIDDEN');
    expect(await api.codeOf(`mutation { createMember(fullName: "Không Được", gender: MALE, grassrootsUnionId: "1") { id } }`)).toBe('FORBIDDEN');
  });

  it('creates a member and reads it back', async () => {
    const api = await as('ldld.thanhhoa');
    const gu = (await api.q(`query($f: ID!) { allGrassrootsUnions(filter: { federationId: [$f], q: "tai chinh" }) { id name } }`, { f: thanhHoaId })).allGrassrootsUnions;
    expect(gu).toHaveLength(1);
    const r = await api.q(
      `mutation($g: ID!) { createMember(fullName: "Đinh Thị Thử", gender: FEMALE, grassrootsUnionId: $g, cardNumber: "SMOKE-0001", birthDate: "1990-05-17", phone: "0912345678") { id fullName cardNumber grassrootsUnionId federationId status } }`,
      { g: gu[0].id },
    );
    expect(r.createMember).toMatchObject({ fullName: 'Đinh Thị Thử', cardNumber: 'SMOKE-0001', grassrootsUnionId: gu[0].id, federationId: thanhHoaId, status: 'ACTIVE' });
    created = r.createMember;
    const back = await api.q(`query($id: ID!) { Member(id: $id) { fullName birthDate phone cardNumber grassrootsUnion { name } } }`, { id: created.id });
    expect(back.Member).toEqual({ fullName: 'Đinh Thị Thử', birthDate: '1990-05-17', phone: '0912345678', cardNumber: 'SMOKE-0001', grassrootsUnion: { name: gu[0].name } });
    const found = await api.q(MEMBERS, { filter: { q: 'dinh thi thu' } });
    expect(found.allMembers.map((m: any) => m.id)).toEqual([created.id]);
  });

  it('a restart on the same file keeps the data and does not seed the demo twice', async () => {
    await app.stop();
    app = await startApp(config(), () => undefined);
    const api = await as('admin');
    const r = await api.q(`{ _allFederationsMeta { count } _allMembersMeta { count } _allUsersMeta { count } _allAwardTypesMeta { count } _allNominationsMeta { count } }`);
    expect({
      federations: r._allFederationsMeta.count,
      members: r._allMembersMeta.count,
      users: r._allUsersMeta.count,
      awardTypes: r._allAwardTypesMeta.count,
      nominations: r._allNominationsMeta.count,
    }).toEqual({ ...totals, members: totals.members + 1 });
    const back = await api.q(`query($id: ID!) { Member(id: $id) { fullName cardNumber } }`, { id: created.id });
    expect(back.Member).toEqual({ fullName: 'Đinh Thị Thử', cardNumber: 'SMOKE-0001' });
    const feds = await api.q(`{ allFederations(filter: { q: "thanh hoa" }) { id } }`);
    expect(feds.allFederations).toEqual([{ id: thanhHoaId }]);
    const units: { n: number }[] = await app.services.db.ds.query(`SELECT COUNT(*) AS n FROM account WHERE username = 'ldld.thanhhoa'`);
    expect(Number(units[0].n)).toBe(1);
  });
});

describe('the harness on SQLite: the same code paths as on MariaDB', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
  });
  afterAll(async () => {
    if (!t) return;
    const file = String(t.ds.options.database);
    await t.stop();
    removeDb(file);
  });

  const LIST = `query($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
    allMembers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { id fullName cardNumber grassrootsUnionId teamId }
    _allMembersMeta(filter: $filter) { count }
  }`;

  it('runs on SQLite', () => {
    expect(t.ds.options.type).toBe('better-sqlite3');
  });

  it('q ignores case and Vietnamese diacritics', async () => {
    const api = await t.as('sysadmin');
    expect((await api.q(LIST, { filter: { q: 'nguyen thi' } })).allMembers.map((m: any) => m.fullName)).toEqual(['Nguyễn Thị Hoa']);
    expect((await api.q(LIST, { filter: { q: 'ĐẶNG' } })).allMembers.map((m: any) => m.fullName)).toEqual(['Đặng Văn Đức']);
    expect((await api.q(LIST, { filter: { q: 'duc' } })).allMembers.map((m: any) => m.fullName)).toEqual(['Đặng Văn Đức']);
    expect((await api.q(LIST, { filter: { q: 'c-0005' } })).allMembers.map((m: any) => m.fullName)).toEqual(['Phạm Thị Mai']);
    // Personal data is never searched.
    expect((await api.q(LIST, { filter: { q: '0912000004' } })).allMembers).toEqual([]);
    const units = await api.q(`{ allGrassrootsUnions(filter: { q: "mia duong" }) { name } allUsers(filter: { q: "TAI KHOAN fedadmin2" }) { username } }`);
    expect(units.allGrassrootsUnions).toEqual([{ name: 'Công đoàn Công ty Mía đường Lam Sơn' }]);
    expect(units.allUsers).toEqual([{ username: 'fedadmin2' }]);
  });

  it('filters by ancestors, arrays, dates; sorts by given name; pages', async () => {
    const api = await t.as('sysadmin');
    expect((await api.q(LIST, { filter: { federationId: t.fx.F1.id } }))._allMembersMeta.count).toBe(7);
    expect((await api.q(LIST, { filter: { unionId: t.fx.U1.id } }))._allMembersMeta.count).toBe(5);
    const byTeams = await api.q(LIST, { filter: { teamId: [t.fx.T1.id, t.fx.T3.id] } });
    expect(byTeams.allMembers.map((m: any) => m.cardNumber).sort()).toEqual(['C-0001', 'C-0002', 'C-0008', 'C-0009']);
    expect((await api.q(LIST, { filter: { gender: 'FEMALE', federationId: t.fx.F2.id } }))._allMembersMeta.count).toBe(2);
    const dates = await api.q(LIST, { filter: { joinedAt_gte: '2015-01-01', joinedAt_lt: '2017-01-01' } });
    expect(dates.allMembers.map((m: any) => m.fullName).sort()).toEqual(['Nguyễn Văn Hùng', 'Võ Thị An']);
    const sorted = await api.q(LIST, { filter: { grassrootsUnionId: t.fx.G3.id }, sortField: 'fullName', sortOrder: 'ASC' });
    expect(sorted.allMembers.map((m: any) => m.fullName)).toEqual(['Võ Thị An', 'Nguyễn Văn Hùng']);
    const desc = await api.q(LIST, { filter: { grassrootsUnionId: t.fx.G3.id }, sortField: 'fullName', sortOrder: 'DESC' });
    expect(desc.allMembers.map((m: any) => m.fullName)).toEqual(['Nguyễn Văn Hùng', 'Võ Thị An']);
    const p1 = await api.q(LIST, { perPage: 3, page: 1, sortField: 'cardNumber' });
    expect(p1.allMembers.map((m: any) => m.cardNumber)).toEqual(['C-0004', 'C-0005', 'C-0006']);
    expect((await api.errorsOf(LIST, { perPage: 1001 }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  });

  it('scopes lists the same way', async () => {
    const chair = await t.as('chair');
    const r = await chair.q(LIST, {});
    expect(r._allMembersMeta.count).toBe(4);
    expect(new Set(r.allMembers.map((m: any) => m.grassrootsUnionId))).toEqual(new Set([String(t.fx.G1.id)]));
    expect(await chair.codeOf(`query($id: ID!) { Member(id: $id) { id } }`, { id: String(t.fx.m.dung.id) })).toBe('NOT_FOUND');
  });

  it('member CRUD: create in a team, refuse a foreign team without writing, transfer, delete as LEFT', async () => {
    const api = await t.as('fedAdmin');
    const before = (await api.q(LIST, {}))._allMembersMeta.count;
    const c = await api.q(`mutation($g: ID!, $t: ID) { createMember(fullName: "  Lý  Thị   Ngọc ", gender: FEMALE, grassrootsUnionId: $g, teamId: $t, cardNumber: "S-1") { id fullName teamId unionId federationId } }`, {
      g: t.fx.G1.id, t: t.fx.T2.id,
    });
    expect(c.createMember).toMatchObject({ fullName: 'Lý Thị Ngọc', teamId: String(t.fx.T2.id), unionId: String(t.fx.U1.id), federationId: String(t.fx.F1.id) });
    const id = c.createMember.id;
    const bad = await api.errorsOf(`mutation($g: ID!, $t: ID) { createMember(fullName: "Sai Tổ", gender: MALE, grassrootsUnionId: $g, teamId: $t) { id } }`, { g: t.fx.G1.id, t: t.fx.T3.id });
    expect(bad[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    expect((await api.errorsOf(`mutation { createMember(fullName: "Trùng Thẻ", gender: MALE, grassrootsUnionId: "${t.fx.G2.id}", cardNumber: "S-1") { id } }`))[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'cardNumber',
    });
    expect((await api.q(LIST, {}))._allMembersMeta.count).toBe(before + 1);
    const moved = await api.q(`mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { grassrootsUnionId teamId unionId federationId } }`, { id, g: t.fx.G3.id });
    expect(moved.updateMember).toEqual({ grassrootsUnionId: String(t.fx.G3.id), teamId: null, unionId: null, federationId: String(t.fx.F1.id) });
    const del = await api.q(`mutation($id: ID!) { deleteMember(id: $id) { status } }`, { id });
    expect(del.deleteMember.status).toBe('LEFT');
    expect((await api.q(`query($id: ID!) { Member(id: $id) { fullName status } }`, { id })).Member).toEqual({ fullName: 'Lý Thị Ngọc', status: 'LEFT' });
  });

  it('units: a grassroots union directly under a federation, a team, and a move that keeps members', async () => {
    const api = await t.as('fedAdmin');
    const g = await api.q(`mutation($f: ID!) { createGrassrootsUnion(name: "Công đoàn Nhà máy Xi măng Nghi Sơn", federationId: $f) { id unionId federationId } }`, { f: t.fx.F1.id });
    expect(g.createGrassrootsUnion).toMatchObject({ unionId: null, federationId: String(t.fx.F1.id) });
    const team = await api.q(`mutation($g: ID!) { createTeam(name: "Tổ Lò nung", grassrootsUnionId: $g) { id grassrootsUnionId } }`, { g: g.createGrassrootsUnion.id });
    const m = await api.q(`mutation($g: ID!, $t: ID) { createMember(fullName: "Hà Văn Lò", gender: MALE, grassrootsUnionId: $g, teamId: $t) { id } }`, { g: g.createGrassrootsUnion.id, t: team.createTeam.id });
    const mv = await api.q(`mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { ... on GrassrootsUnion { id unionId federationId } } }`, { id: g.createGrassrootsUnion.id, p: t.fx.U1.id });
    expect(mv.moveUnit).toEqual({ id: g.createGrassrootsUnion.id, unionId: String(t.fx.U1.id), federationId: String(t.fx.F1.id) });
    const after = await api.q(`query($id: ID!) { Member(id: $id) { grassrootsUnionId teamId unionId } }`, { id: m.createMember.id });
    expect(after.Member).toEqual({ grassrootsUnionId: g.createGrassrootsUnion.id, teamId: team.createTeam.id, unionId: String(t.fx.U1.id) });
    expect((await api.q(LIST, { filter: { unionId: t.fx.U1.id, q: 'ha van lo' } })).allMembers.map((x: any) => x.id)).toEqual([m.createMember.id]);
    // Out of scope: a federation admin cannot move its unit under another federation's union.
    expect(await api.codeOf(`mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }`, { id: g.createGrassrootsUnion.id, p: t.fx.U2.id })).toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  it('accounts and tokens work the same', async () => {
    const admin = await t.as('sysadmin');
    const u = await admin.q(`mutation($s: ID) { createUser(username: "sqlite.chair", password: "sqlite-pass-1", fullName: "Chủ tịch Thử", role: GRASSROOTS_CHAIR, scopeUnitId: $s) { id } }`, { s: String(t.fx.G2.id) });
    const token = (await t.anon.q(LOGIN, { u: 'sqlite.chair', p: 'sqlite-pass-1' })).login.token;
    const s = new Api(t.url, token);
    expect((await s.q(`{ _allMembersMeta { count } }`))._allMembersMeta.count).toBe(1);
    await admin.q(`mutation($id: ID!) { deleteUser(id: $id) { active } }`, { id: u.createUser.id });
    expect((await s.q(`{ me { id } }`)).me).toBeNull();
    const rows: { password_hash: string }[] = await t.ds.query(`SELECT password_hash FROM account WHERE username = 'sqlite.chair'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
  });
});
