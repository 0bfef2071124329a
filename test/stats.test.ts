import { startTestServer, TestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const STATS = `query($by: [MemberDimension!]!, $unitId: ID) { memberStats(by: $by, unitId: $unitId) { unitId gender count unit { ... on Union { name } ... on GrassrootsUnion { name } ... on Federation { name } } } }`;
const sorted = (rows: any[]) => rows.map((r) => [r.unitId, r.gender, r.count]).sort((a, b) => String(a).localeCompare(String(b)));

describe('figures', () => {
  it('member counts of a federation by child unit (unions and direct grassroots unions) and gender', async () => {
    const api = await t.as('analyst');
    const r = await api.q(STATS, { by: ['CHILD_UNIT', 'GENDER'], unitId: t.fx.F1.id });
    // U1: Hoa, Lan, Mai (F) + Đức, Bình (M); G3 directly under F1: An (F), Hùng (M)
    expect(sorted(r.memberStats)).toEqual(
      sorted([
        { unitId: String(t.fx.U1.id), gender: 'FEMALE', count: 3 },
        { unitId: String(t.fx.U1.id), gender: 'MALE', count: 2 },
        { unitId: String(t.fx.G3.id), gender: 'FEMALE', count: 1 },
        { unitId: String(t.fx.G3.id), gender: 'MALE', count: 1 },
      ]),
    );
    expect(r.memberStats.find((s: any) => s.unitId === String(t.fx.G3.id)).unit.name).toBe('Công đoàn Công ty Mía đường Lam Sơn');
  });

  it('stays inside the scope', async () => {
    const chair = await t.as('chair');
    const r = await chair.q(STATS, { by: ['CHILD_UNIT'] });
    expect(sorted(r.memberStats)).toEqual(sorted([
      { unitId: String(t.fx.T1.id), gender: null, count: 2 },
      { unitId: String(t.fx.T2.id), gender: null, count: 1 },
      { unitId: null, gender: null, count: 1 },
    ]));
    expect(await chair.codeOf(STATS, { by: ['GENDER'], unitId: t.fx.F1.id })).toBe('NOT_FOUND');
    expect(await chair.codeOf(STATS, { by: ['GENDER'], unitId: t.fx.G4.id })).toBe('NOT_FOUND');
  });

  it('the overview counts what the caller can see', async () => {
    const r = await (await t.as('unionAdmin')).q(`{ overview { unions grassrootsUnions teams members women pendingNominations awardsThisYear } }`);
    expect(r.overview).toEqual({ unions: 1, grassrootsUnions: 2, teams: 2, members: 5, women: 3, pendingNominations: 0, awardsThisYear: 0 });
    const all = await (await t.as('sysadmin')).q(`{ overview { federations members } }`);
    expect(all.overview).toEqual({ federations: 2, members: 10 });
  });
});
