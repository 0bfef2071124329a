import { startTestServer, TestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const LIST = `query($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
  allMembers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { id fullName cardNumber phone grassrootsUnionId teamId }
  _allMembersMeta(filter: $filter) { count }
}`;

describe('members: search, filters and pages', () => {
  it('q ignores case and Vietnamese diacritics (nguyen finds Nguyễn, duc finds Đức)', async () => {
    const api = await t.as('sysadmin');
    const r1 = await api.q(LIST, { filter: { q: 'nguyen thi' } });
    expect(r1.allMembers.map((m: any) => m.fullName)).toEqual(['Nguyễn Thị Hoa']);
    const r2 = await api.q(LIST, { filter: { q: 'duc' } });
    expect(r2.allMembers.map((m: any) => m.fullName)).toEqual(['Đặng Văn Đức']);
    const r3 = await api.q(LIST, { filter: { q: 'ĐẶNG' } });
    expect(r3.allMembers.map((m: any) => m.fullName)).toEqual(['Đặng Văn Đức']);
  });

  it('q finds a card number but never personal data', async () => {
    const api = await t.as('sysadmin');
    expect((await api.q(LIST, { filter: { q: 'C-0005' } })).allMembers.map((m: any) => m.fullName)).toEqual(['Phạm Thị Mai']);
    expect((await api.q(LIST, { filter: { q: '0912000004' } })).allMembers).toEqual([]);
  });

  it('sorts Vietnamese names by given name', async () => {
    const api = await t.as('sysadmin');
    const r = await api.q(LIST, { filter: { grassrootsUnionId: t.fx.G3.id }, sortField: 'fullName', sortOrder: 'ASC' });
    expect(r.allMembers.map((m: any) => m.fullName)).toEqual(['Võ Thị An', 'Nguyễn Văn Hùng']);
  });

  it('filters by any ancestor and by arrays (IN)', async () => {
    const api = await t.as('sysadmin');
    const byFed = await api.q(LIST, { filter: { federationId: t.fx.F1.id } });
    expect(byFed._allMembersMeta.count).toBe(7);
    const byUnion = await api.q(LIST, { filter: { unionId: t.fx.U1.id } });
    expect(byUnion._allMembersMeta.count).toBe(5);
    const byTeams = await api.q(LIST, { filter: { teamId: [t.fx.T1.id, t.fx.T3.id] } });
    expect(byTeams.allMembers.map((m: any) => m.fullName).sort()).toEqual(['Bế Thị Hạnh', 'Nguyễn Thị Hoa', 'Nông Văn Dũng', 'Đặng Văn Đức'].sort());
    const women = await api.q(LIST, { filter: { gender: 'FEMALE', federationId: t.fx.F2.id } });
    expect(women._allMembersMeta.count).toBe(2);
  });

  it('filters dates with _gte/_lt', async () => {
    const api = await t.as('sysadmin');
    const r = await api.q(LIST, { filter: { joinedAt_gte: '2015-01-01', joinedAt_lt: '2017-01-01' } });
    expect(r.allMembers.map((m: any) => m.fullName).sort()).toEqual(['Nguyễn Văn Hùng', 'Võ Thị An']);
  });

  it('pages are 0-based and capped at 1000; more is refused', async () => {
    const api = await t.as('sysadmin');
    const p0 = await api.q(LIST, { perPage: 3, page: 0, sortField: 'cardNumber' });
    const p1 = await api.q(LIST, { perPage: 3, page: 1, sortField: 'cardNumber' });
    expect(p0.allMembers.map((m: any) => m.cardNumber)).toEqual(['C-0001', 'C-0002', 'C-0003']);
    expect(p1.allMembers.map((m: any) => m.cardNumber)).toEqual(['C-0004', 'C-0005', 'C-0006']);
    const errs = await api.errorsOf(LIST, { perPage: 1001 });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
    const ids = Array.from({ length: 1001 }, (_, i) => String(i + 1));
    expect((await api.errorsOf(LIST, { filter: { ids } }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });
});

describe('members: create, update, leave', () => {
  const CREATE = `mutation($fullName: String!, $gender: Gender!, $grassrootsUnionId: ID!, $teamId: ID, $cardNumber: String, $email: String, $birthDate: String) {
    createMember(fullName: $fullName, gender: $gender, grassrootsUnionId: $grassrootsUnionId, teamId: $teamId, cardNumber: $cardNumber, email: $email, birthDate: $birthDate) {
      id fullName status grassrootsUnionId teamId federationId unionId team { name } grassrootsUnion { name }
    }
  }`;

  it('creates a member in a team of the grassroots union, with its ancestors', async () => {
    const api = await t.as('chair');
    const r = await api.q(CREATE, { fullName: '  Lý  Thị   Ngọc ', gender: 'FEMALE', grassrootsUnionId: t.fx.G1.id, teamId: t.fx.T2.id, cardNumber: 'C-1001' });
    expect(r.createMember).toMatchObject({
      fullName: 'Lý Thị Ngọc', status: 'ACTIVE', grassrootsUnionId: String(t.fx.G1.id), teamId: String(t.fx.T2.id),
      unionId: String(t.fx.U1.id), federationId: String(t.fx.F1.id), team: { name: 'Tổ Công đoàn Nghiệp vụ' },
    });
  });

  it('refuses a team of another grassroots union, naming teamId, and writes nothing', async () => {
    const api = await t.as('sysadmin');
    const before = (await api.q(LIST, {}))._allMembersMeta.count;
    const errs = await api.errorsOf(CREATE, { fullName: 'Ai Đó', gender: 'MALE', grassrootsUnionId: t.fx.G1.id, teamId: t.fx.T3.id });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    expect((await api.q(LIST, {}))._allMembersMeta.count).toBe(before);
  });

  it('validates input and names the field', async () => {
    const api = await t.as('sysadmin');
    const cases: [Record<string, unknown>, string][] = [
      [{ fullName: '   ', gender: 'MALE', grassrootsUnionId: t.fx.G2.id }, 'fullName'],
      [{ fullName: 'A B', gender: 'MALE', grassrootsUnionId: t.fx.G2.id, email: 'not-an-email' }, 'email'],
      [{ fullName: 'A B', gender: 'MALE', grassrootsUnionId: t.fx.G2.id, birthDate: '31/12/1990' }, 'birthDate'],
      [{ fullName: 'A B', gender: 'MALE', grassrootsUnionId: t.fx.G2.id, cardNumber: 'C-0001' }, 'cardNumber'],
      [{ fullName: 'A B', gender: 'MALE', grassrootsUnionId: t.fx.T1.id }, 'grassrootsUnionId'],
    ];
    for (const [vars, field] of cases) {
      const errs = await api.errorsOf(CREATE, vars);
      expect({ field, ext: errs[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    const missing = await api.errorsOf(CREATE, { fullName: 'A B', grassrootsUnionId: t.fx.G2.id });
    expect(missing[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gender' });
  });

  it('deleteMember keeps the member on record as LEFT', async () => {
    const api = await t.as('sysadmin');
    const created = await api.q(CREATE, { fullName: 'Tạ Văn Rời', gender: 'MALE', grassrootsUnionId: t.fx.G2.id });
    const id = created.createMember.id;
    const del = await api.q(`mutation($id: ID!) { deleteMember(id: $id) { id status leftAt } }`, { id });
    expect(del.deleteMember.status).toBe('LEFT');
    expect(del.deleteMember.leftAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await api.q(`query($id: ID!) { Member(id: $id) { fullName status } }`, { id });
    expect(again.Member).toEqual({ fullName: 'Tạ Văn Rời', status: 'LEFT' });
  });

  it('a transfer to another grassroots union moves the member and its ancestors', async () => {
    const api = await t.as('fedAdmin');
    const created = await api.q(CREATE, { fullName: 'Đỗ Văn Chuyển', gender: 'MALE', grassrootsUnionId: t.fx.G1.id, teamId: t.fx.T1.id });
    const r = await api.q(`mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { grassrootsUnionId teamId unionId federationId } }`, {
      id: created.createMember.id, g: t.fx.G3.id,
    });
    expect(r.updateMember).toEqual({ grassrootsUnionId: String(t.fx.G3.id), teamId: null, unionId: null, federationId: String(t.fx.F1.id) });
  });

  it("a transfer moves the member's nominations and awards with it: the new federation reads them, the old chair no longer does", async () => {
    const sys = await t.as('sysadmin');
    const chair = await t.as('chair');
    const fedAdmin = await t.as('fedAdmin');
    const fedAdmin2 = await t.as('fedAdmin2');
    const year = new Date().getFullYear();
    const types = Object.fromEntries((await sys.q(`{ allAwardTypes { id code } }`)).allAwardTypes.map((x: any) => [x.code, x.id]));
    const member = (await sys.q(CREATE, { fullName: 'Lò Thị Chuyển', gender: 'FEMALE', grassrootsUnionId: t.fx.G1.id, teamId: t.fx.T1.id })).createMember.id;
    const NOMINATE = `mutation($t: ID!, $m: ID!) { createNomination(awardTypeId: $t, year: ${year}, achievements: "Hoàn thành xuất sắc nhiệm vụ", nomineeMemberId: $m) { id } }`;
    const decided = (await chair.q(NOMINATE, { t: types.DVXS, m: member })).createNomination.id;
    await chair.q(`mutation($id: ID!) { submitNomination(id: $id) { id } }`, { id: decided });
    const award = (await sys.q(`mutation($id: ID!) { reviewNomination(id: $id, decision: APPROVE) { award { id } } }`, { id: decided })).reviewNomination.award.id;
    const draft = (await chair.q(NOMINATE, { t: types.GK_CDCS_CN, m: member })).createNomination.id;

    const AWARD = `query($id: ID!) { Award(id: $id) { id federationId unionId grassrootsUnionId teamId } }`;
    const NOMINATION = `query($id: ID!) { Nomination(id: $id) { id federationId unionId grassrootsUnionId teamId } }`;
    const OF_MEMBER = `query($m: [ID!]) { allAwards(filter: { nomineeMemberId: $m }) { id } allNominations(filter: { nomineeMemberId: $m }, sortField: "id", sortOrder: "ASC") { id } }`;
    const ids = (r: any) => ({ awards: r.allAwards.map((x: any) => x.id), nominations: r.allNominations.map((x: any) => x.id) });
    const mine = { awards: [award], nominations: [decided, draft] };
    const none = { awards: [], nominations: [] };
    expect(ids(await chair.q(OF_MEMBER, { m: [member] }))).toEqual(mine);
    expect(ids(await fedAdmin2.q(OF_MEMBER, { m: [member] }))).toEqual(none);

    // Another team of the same grassroots union: the team column follows.
    await chair.q(`mutation($id: ID!, $t: ID) { updateMember(id: $id, teamId: $t) { id } }`, { id: member, t: t.fx.T2.id });
    const inT2 = await sys.q(`query($t: [ID!]) { allAwards(filter: { teamId: $t }) { id } allNominations(filter: { teamId: $t }, sortField: "id", sortOrder: "ASC") { id } }`, { t: [String(t.fx.T2.id)] });
    expect(ids(inT2)).toEqual(mine);

    // Transferred to a grassroots union of another federation.
    await sys.q(`mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { id } }`, { id: member, g: t.fx.G4.id });
    const place = { federationId: String(t.fx.F2.id), unionId: String(t.fx.U2.id), grassrootsUnionId: String(t.fx.G4.id), teamId: null };
    expect((await fedAdmin2.q(AWARD, { id: award })).Award).toEqual({ id: award, ...place });
    for (const n of [decided, draft]) expect((await fedAdmin2.q(NOMINATION, { id: n })).Nomination).toEqual({ id: n, ...place });
    expect(ids(await fedAdmin2.q(OF_MEMBER, { m: [member] }))).toEqual(mine);
    expect(ids(await (await t.as('chair4')).q(OF_MEMBER, { m: [member] }))).toEqual(mine);
    const awards = await fedAdmin2.q(`query($id: ID!) { Member(id: $id) { awards { id } } }`, { id: member });
    expect(awards.Member.awards.map((a: any) => a.id)).toEqual([award]);
    // The old chair and federation no longer read them.
    for (const api of [chair, fedAdmin]) {
      expect(ids(await api.q(OF_MEMBER, { m: [member] }))).toEqual(none);
      expect(await api.codeOf(AWARD, { id: award })).toBe('NOT_FOUND');
      expect(await api.codeOf(NOMINATION, { id: decided })).toBe('NOT_FOUND');
    }
    // And the figures count the award at its new place.
    const stats = await sys.q(`query($u: ID) { awardStats(by: [YEAR], unitId: $u) { count } }`, { u: String(t.fx.G4.id) });
    expect(stats.awardStats).toEqual([{ count: 1 }]);
  });
});
