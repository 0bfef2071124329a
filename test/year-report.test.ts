/**
 * yearReport through the API on real MariaDB: every figure of a federation, a union and a grassroots
 * union equals the sum the test computes on its own from the records it wrote (and the fixture's
 * members), for every role — NOT_FOUND wherever the unit is outside the role's scope — and the
 * report costs the same handful of SQL statements however many records lie under the unit.
 */
import { Api, startTestServer, TestServer } from './support/harness';
import { AccountName } from './support/fixture';
import { OrgUnit } from '../server/org/org-unit.entity';

let t: TestServer;
let sys: Api;
beforeAll(async () => {
  t = await startTestServer();
  sys = await t.as('sysadmin');
});
afterAll(() => t?.stop());

const Y = 2024;
const OTHER = 2023;

const REPORT = `query($u: ID!, $y: Int!) { yearReport(unitId: $u, year: $y) {
  unitId year members undatedMembers newMembers grassrootsUnions
  targets { total met rows { id unitId year planned actual rate status reportedRate rateGap indicator { code } } }
  welfare { count amount byKind { kind count amount records } }
  initiatives { count recognized applied benefit }
  ratings { level count }
  grassrootsRatings { level count }
  awards { awardTypeId count awardType { code } }
  congresses { id unitId heldOn quorate seats { position member { fullName } } }
  unit { __typename ... on Federation { name } ... on Union { name } ... on GrassrootsUnion { name } ... on Team { name } }
} }`;

type Loc = Pick<OrgUnit, 'id' | 'level' | 'federationId' | 'unionId' | 'grassrootsUnionId' | 'teamId'>;
const COLUMN = { FEDERATION: 'federationId', UNION: 'unionId', GRASSROOTS: 'grassrootsUnionId', TEAM: 'teamId' } as const;

/** Every unit the test knows, by id: the fixture's and the ones it creates. */
const units = new Map<number, Loc & { live: (end: string) => boolean }>();
const inSubtree = (unitId: number, of: Loc) => units.get(unitId)![COLUMN[of.level]] === of.id;

interface M { unitId: number; joinedAt: string | null; status: 'ACTIVE' | 'LEFT'; leftAt: string | null }
interface W { unitId: number; year: number; kind: string; count: number; amount: number }
interface I { unitId: number; year: number; status: string; benefit: number | null }
interface R { unitId: number; year: number; level: string }
interface Tg { id: string; unitId: number; year: number; planned: number; actual: number | null }
interface C { id: string; unitId: number; heldOn: string }
interface A { unitId: number; year: number; code: string }
const members: M[] = [];
const welfare: W[] = [];
const initiatives: I[] = [];
const ratings: R[] = [];
const targets: Tg[] = [];
const congresses: C[] = [];
const awards: A[] = [];

const mutate = async (api: Api, q: string, v: Record<string, unknown>) => Object.values(await api.q(q, v))[0] as any;

async function addMember(g: OrgUnit, m: Omit<M, 'unitId'>, team?: OrgUnit) {
  const r = await mutate(sys, `mutation($n: String!, $g: ID!, $t: ID, $j: String, $s: MemberStatus, $l: String) {
    createMember(fullName: $n, gender: MALE, grassrootsUnionId: $g, teamId: $t, joinedAt: $j, status: $s, leftAt: $l) { id joinedAt status leftAt } }`, {
    n: `Đoàn viên ${members.length + 1}`, g: g.id, t: team?.id, j: m.joinedAt, s: m.status, l: m.leftAt,
  });
  expect({ joinedAt: r.joinedAt, status: r.status, leftAt: r.leftAt }).toEqual(m);
  members.push({ ...m, unitId: (team ?? g).id });
  return r.id as string;
}

async function addWelfare(api: Api, unit: OrgUnit, w: Omit<W, 'unitId' | 'year'> & { date: string }) {
  await mutate(api, `mutation($u: ID!, $d: String!, $k: WelfareKind!, $c: Int!, $a: Float!) { createWelfareRecord(unitId: $u, date: $d, kind: $k, count: $c, amount: $a) { id } }`, {
    u: unit.id, d: w.date, k: w.kind, c: w.count, a: w.amount,
  });
  welfare.push({ unitId: unit.id, year: Number(w.date.slice(0, 4)), kind: w.kind, count: w.count, amount: w.amount });
}

async function addInitiative(api: Api, unit: OrgUnit, i: Omit<I, 'unitId'>, authors: (string | number)[]) {
  await mutate(api, `mutation($u: ID!, $t: String!, $y: Int!, $s: InitiativeStatus!, $b: Float, $a: [ID!]!) { createInitiative(unitId: $u, title: $t, year: $y, status: $s, benefit: $b, authorMemberIds: $a) { id } }`, {
    u: unit.id, t: `Sáng kiến ${initiatives.length + 1}`, y: i.year, s: i.status, b: i.benefit, a: authors.map(String),
  });
  initiatives.push({ ...i, unitId: unit.id });
}

async function addRating(api: Api, unit: OrgUnit, year: number, level: string) {
  await mutate(api, `mutation($u: ID!, $y: Int!, $l: RatingLevel!) { createAnnualRating(unitId: $u, year: $y, level: $l) { id } }`, { u: unit.id, y: year, l: level });
  ratings.push({ unitId: unit.id, year, level });
}

let indicators: Record<string, string> = {};
async function addTarget(api: Api, unit: OrgUnit, year: number, code: string, planned: number, actual: number | null, source = 'ANNUAL_PROGRAMME') {
  const r = await mutate(api, `mutation($u: ID!, $y: Int!, $i: ID!, $s: TargetSource!, $p: Float!, $a: Float) { createTarget(unitId: $u, year: $y, indicatorId: $i, source: $s, planned: $p, actual: $a) { id } }`, {
    u: unit.id, y: year, i: indicators[code], s: source, p: planned, a: actual,
  });
  targets.push({ id: r.id, unitId: unit.id, year, planned, actual });
}

async function addCongress(api: Api, unit: OrgUnit, heldOn: string, convened: number, attended: number) {
  const y = Number(heldOn.slice(0, 4));
  const r = await mutate(api, `mutation($u: ID!, $h: String!, $s: Int!, $e: Int!, $c: Int!, $a: Int!) { createCongress(unitId: $u, heldOn: $h, termStartYear: $s, termEndYear: $e, form: PLENARY, convenedCount: $c, attendedCount: $a) { id } }`, {
    u: unit.id, h: heldOn, s: y, e: y + 5, c: convened, a: attended,
  });
  congresses.push({ id: r.id, unitId: unit.id, heldOn });
  return r.id as string;
}

let awardTypes: Record<string, string> = {};
/** An award through the workflow: `by` nominates and submits, the system admin approves at each level. */
async function addAward(by: AccountName, code: string, year: number, nominee: { member?: string | number; unit?: OrgUnit }, locatedAt: OrgUnit) {
  const api = await t.as(by);
  const n = await mutate(api, `mutation($t: ID!, $y: Int!, $m: ID, $u: ID) { createNomination(awardTypeId: $t, year: $y, achievements: "Thành tích xuất sắc", nomineeMemberId: $m, nomineeUnitId: $u) { id } }`, {
    t: awardTypes[code], y: year, m: nominee.member != null ? String(nominee.member) : null, u: nominee.unit?.id,
  });
  let s = await mutate(api, `mutation($id: ID!) { submitNomination(id: $id) { status } }`, { id: n.id });
  while (s.status === 'PENDING') s = await mutate(sys, `mutation($id: ID!) { reviewNomination(id: $id, decision: APPROVE) { status } }`, { id: n.id });
  expect(s.status).toBe('APPROVED');
  awards.push({ unitId: locatedAt.id, year, code });
}

/** What the report of `unit` for `year` must say, computed here from the records above. */
function expected(unit: Loc, year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const under = <T extends { unitId: number }>(rows: T[]) => rows.filter((r) => inSubtree(r.unitId, unit));
  const sumBy = <T>(rows: T[], key: (r: T) => string, value: (r: T) => number) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + value(r);
    return out;
  };
  const ms = under(members);
  const ws = under(welfare).filter((w) => w.year === year);
  const is = under(initiatives).filter((i) => i.year === year);
  const rs = under(ratings).filter((r) => r.year === year);
  const own = targets.filter((x) => x.unitId === unit.id && x.year === year);
  return {
    members: ms.filter((m) => m.joinedAt != null && m.joinedAt <= end && (m.status === 'ACTIVE' || (m.leftAt != null && m.leftAt > end))).length,
    undatedMembers: ms.filter((m) => m.joinedAt == null && m.status === 'ACTIVE').length,
    newMembers: ms.filter((m) => m.joinedAt != null && m.joinedAt >= start && m.joinedAt <= end).length,
    grassrootsUnions: [...units.values()].filter((u) => u.level === 'GRASSROOTS' && inSubtree(u.id, unit) && u.live(end)).length,
    targets: { total: own.length, met: own.filter((x) => x.actual != null && x.actual >= x.planned).length, rows: own.map((x) => x.id).sort() },
    welfare: {
      count: ws.reduce((s, w) => s + w.count, 0),
      amount: ws.reduce((s, w) => s + w.amount, 0),
      byKind: Object.entries(sumBy(ws, (w) => w.kind, (w) => w.count))
        .map(([kind, count]) => ({ kind, count, amount: sumBy(ws, (w) => w.kind, (w) => w.amount)[kind], records: ws.filter((w) => w.kind === kind).length }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    },
    initiatives: {
      count: is.length,
      recognized: is.filter((i) => i.status === 'RECOGNIZED').length,
      applied: is.filter((i) => i.status === 'APPLIED').length,
      benefit: is.reduce((s, i) => s + (i.benefit ?? 0), 0),
    },
    ratings: sumBy(rs, (r) => r.level, () => 1),
    grassrootsRatings: sumBy(rs.filter((r) => units.get(r.unitId)!.level === 'GRASSROOTS'), (r) => r.level, () => 1),
    awards: sumBy(under(awards).filter((a) => a.year === year), (a) => a.code, () => 1),
    congresses: under(congresses).filter((c) => c.heldOn >= start && c.heldOn <= end).map((c) => c.id).sort(),
  };
}

/** The report as a client reads it, in the shape of `expected`. */
function observed(r: any) {
  const asMap = (rows: { level?: string; count: number }[], key: (x: any) => string) => Object.fromEntries(rows.map((x) => [key(x), x.count]));
  return {
    members: r.members,
    undatedMembers: r.undatedMembers,
    newMembers: r.newMembers,
    grassrootsUnions: r.grassrootsUnions,
    targets: { total: r.targets.total, met: r.targets.met, rows: r.targets.rows.map((x: any) => x.id).sort() },
    welfare: { count: r.welfare.count, amount: r.welfare.amount, byKind: [...r.welfare.byKind].sort((a: any, b: any) => a.kind.localeCompare(b.kind)) },
    initiatives: r.initiatives,
    ratings: asMap(r.ratings, (x) => x.level),
    grassrootsRatings: asMap(r.grassrootsRatings, (x) => x.level),
    awards: asMap(r.awards, (x) => x.awardType.code),
    congresses: r.congresses.map((c: any) => c.id).sort(),
  };
}

/** Which units each account's scope holds (by the fixture's scope units). */
const SCOPE: Record<AccountName, (u: Loc) => boolean> = {
  sysadmin: () => true,
  analyst: () => true,
  fedAdmin: (u) => u.federationId === t.fx.F1.id,
  analystF1: (u) => u.federationId === t.fx.F1.id,
  fedAdmin2: (u) => u.federationId === t.fx.F2.id,
  unionAdmin: (u) => u.unionId === t.fx.U1.id,
  chair: (u) => u.grassrootsUnionId === t.fx.G1.id,
  chair4: (u) => u.grassrootsUnionId === t.fx.G4.id,
};

describe('yearReport', () => {
  beforeAll(async () => {
    const fx = t.fx;
    const live = () => true;
    for (const u of [fx.F1, fx.F2, fx.U1, fx.U2, fx.G1, fx.G2, fx.G3, fx.G4, fx.T1, fx.T2, fx.T3]) units.set(u.id, { ...u, live });
    for (const m of Object.values(fx.m)) members.push({ unitId: m.teamId ?? m.grassrootsUnionId, joinedAt: m.joinedAt, status: m.status as 'ACTIVE', leftAt: m.leftAt });
    indicators = Object.fromEntries((await sys.q(`{ allIndicators { id code } }`)).allIndicators.map((i: any) => [i.code, i.id]));
    awardTypes = Object.fromEntries((await sys.q(`{ allAwardTypes { id code } }`)).allAwardTypes.map((i: any) => [i.code, i.id]));

    // A grassroots union dissolved today: it was live at the end of Y.
    const gone = await mutate(sys, `mutation($u: ID!) { createGrassrootsUnion(name: "Công đoàn cơ sở đã giải thể", unionId: $u) { id federationId unionId } }`, { u: fx.U1.id });
    const dissolvedAt = (await mutate(sys, `mutation($id: ID!) { deleteGrassrootsUnion(id: $id) { dissolvedAt } }`, { id: gone.id })).dissolvedAt as string;
    units.set(Number(gone.id), { id: Number(gone.id), level: 'GRASSROOTS' as never, federationId: fx.F1.id, unionId: fx.U1.id, grassrootsUnionId: Number(gone.id), teamId: null, live: (end) => dissolvedAt > end });

    // Members joining, leaving and undated around the year's edges.
    await addMember(fx.G1, { joinedAt: `${Y}-05-10`, status: 'ACTIVE', leftAt: null }, fx.T2);
    await addMember(fx.G2, { joinedAt: `${Y}-12-31`, status: 'ACTIVE', leftAt: null });
    await addMember(fx.G2, { joinedAt: `${Y}-01-01`, status: 'ACTIVE', leftAt: null });
    await addMember(fx.G3, { joinedAt: `${Y + 1}-01-01`, status: 'ACTIVE', leftAt: null });
    await addMember(fx.G1, { joinedAt: '2015-01-01', status: 'LEFT', leftAt: `${Y}-06-30` });
    await addMember(fx.G1, { joinedAt: '2015-01-01', status: 'LEFT', leftAt: `${Y + 1}-02-01` });
    await addMember(fx.G1, { joinedAt: `${Y}-03-03`, status: 'LEFT', leftAt: `${Y}-09-09` });
    await addMember(fx.G4, { joinedAt: `${Y}-02-02`, status: 'ACTIVE', leftAt: null });
    await addMember(fx.G1, { joinedAt: null, status: 'ACTIVE', leftAt: null });
    await addMember(fx.G3, { joinedAt: null, status: 'ACTIVE', leftAt: null });

    // Targets: F1's, U1's and G1's own (and one of another year), written by the units themselves.
    const fed = await t.as('fedAdmin');
    const union = await t.as('unionAdmin');
    const chair = await t.as('chair');
    await addTarget(fed, fx.F1, Y, 'NEW_MEMBERS', 100, 120);
    await addTarget(fed, fx.F1, Y, 'NEW_GRASSROOTS', 5, 3);
    await addTarget(union, fx.U1, Y, 'NEW_MEMBERS', 50, 50);
    await addTarget(union, fx.U1, Y, 'PARTY_ADMISSIONS', 60, 112, 'ASSIGNED_PLAN');
    await addTarget(union, fx.U1, Y, 'WELFARE_VISITS', 20, null);
    await addTarget(union, fx.U1, Y, 'MAI_AM_FUND', 2_516_100_000, 2_529_554_000);
    await addTarget(union, fx.U1, OTHER, 'NEW_MEMBERS', 40, 45);
    await addTarget(chair, fx.G1, Y, 'EXCELLENT_MEMBERS_RATE', 90, 85.5);
    await addTarget(await t.as('chair4'), fx.G4, Y, 'NEW_MEMBERS', 3, 4);

    // Welfare at every level, one of another year.
    await addWelfare(chair, fx.G1, { date: `${Y}-03-01`, kind: 'SICKNESS', count: 3, amount: 3_000_000 });
    await addWelfare(chair, fx.T1, { date: `${Y}-04-01`, kind: 'WEDDING', count: 1, amount: 1_000_000 });
    await addWelfare(chair, fx.G1, { date: `${Y}-12-31`, kind: 'SICKNESS', count: 2, amount: 2_500_000 });
    await addWelfare(union, fx.G2, { date: `${Y}-05-01`, kind: 'MATERNITY', count: 2, amount: 1_500_000 });
    await addWelfare(union, fx.U1, { date: `${Y}-01-20`, kind: 'TET_GIFT', count: 27, amount: 13_500_000 });
    await addWelfare(fed, fx.G3, { date: `${Y}-07-27`, kind: 'POLICY_FAMILY', count: 1, amount: 2_000_000 });
    await addWelfare(fed, fx.F1, { date: `${Y}-09-01`, kind: 'CHARITY', count: 1, amount: 50_000_000 });
    await addWelfare(sys, fx.G4, { date: `${Y}-06-01`, kind: 'SICKNESS', count: 4, amount: 4_000_000 });
    await addWelfare(chair, fx.G1, { date: `${OTHER}-12-31`, kind: 'SICKNESS', count: 7, amount: 7_000_000 });

    // Initiatives of every status, one of another year.
    const m = fx.m;
    await addInitiative(chair, fx.G1, { year: Y, status: 'APPLIED', benefit: 90_000_000 }, [m.hoa.id]);
    await addInitiative(chair, fx.T1, { year: Y, status: 'RECOGNIZED', benefit: 30_000_000 }, [m.duc.id]);
    await addInitiative(union, fx.G2, { year: Y, status: 'REGISTERED', benefit: null }, [m.mai.id]);
    await addInitiative(fed, fx.G3, { year: Y, status: 'APPLIED', benefit: 120_000_000 }, [m.hung.id, m.an.id]);
    await addInitiative(sys, fx.G4, { year: Y, status: 'APPLIED', benefit: 10_000_000 }, [m.thu.id]);
    await addInitiative(chair, fx.G1, { year: OTHER, status: 'APPLIED', benefit: 500_000_000 }, [m.binh.id]);

    // Ratings, each by the level above.
    await addRating(fed, fx.U1, Y, 'EXCELLENT');
    await addRating(union, fx.G1, Y, 'GOOD');
    await addRating(union, fx.G2, Y, 'EXCELLENT');
    await addRating(fed, fx.G3, Y, 'COMPLETED');
    await addRating(chair, fx.T1, Y, 'GOOD');
    await addRating(chair, fx.T2, Y, 'EXCELLENT');
    await addRating(sys, fx.G4, Y, 'GOOD');
    await addRating(union, fx.G1, OTHER, 'EXCELLENT');

    // Congresses, one of another year; a seat to read through the report.
    const g1c = await addCongress(chair, fx.G1, `${Y}-04-10`, 6, 4);
    await mutate(chair, `mutation($c: ID!, $m: ID!) { createCommitteeSeat(congressId: $c, memberId: $m, position: CHAIR) { id } }`, { c: g1c, m: m.hoa.id });
    await addCongress(union, fx.U1, `${Y}-10-01`, 100, 60);
    await addCongress(fed, fx.G3, `${OTHER}-05-05`, 2, 2);
    await addCongress(sys, fx.G4, `${Y}-06-06`, 3, 3);

    // Awards through the workflow, one of another year.
    await addAward('chair', 'GK_CDCS_CN', Y, { member: m.hoa.id }, fx.T1);
    await addAward('chair', 'DVXS', Y, { member: m.binh.id }, fx.G1);
    await addAward('unionAdmin', 'GK_CDCT_TT', Y, { unit: fx.G2 }, fx.G2);
    await addAward('fedAdmin', 'BK_LDLD_CN', Y, { member: m.hung.id }, fx.G3);
    await addAward('chair', 'DVXS', OTHER, { member: m.duc.id }, fx.T1);
    await addAward('chair4', 'DVXS', Y, { member: m.dung.id }, fx.T3);
  });

  const UNITS = () => [t.fx.F1, t.fx.U1, t.fx.G1, t.fx.F2, t.fx.G4, t.fx.T1];

  it('the test’s own sums are not trivial (every figure has something to count)', () => {
    const f1 = expected(t.fx.F1, Y);
    expect(f1.members).toBeGreaterThan(0);
    expect(f1.newMembers).toBeGreaterThan(0);
    expect(f1.undatedMembers).toBeGreaterThan(0);
    expect(f1.targets).toMatchObject({ total: 2, met: 1 });
    expect(expected(t.fx.U1, Y).targets).toMatchObject({ total: 4, met: 3 });
    expect(f1.welfare.byKind.length).toBeGreaterThan(3);
    expect(Object.keys(f1.ratings).length).toBeGreaterThan(2);
    expect(Object.keys(f1.awards).length).toBeGreaterThan(2);
    expect(f1.congresses.length).toBe(2);
  });

  for (const who of Object.keys(SCOPE) as AccountName[]) {
    it(`equals the test’s own sums for each unit as ${who}, and NOT_FOUND outside its scope`, async () => {
      const api = await t.as(who);
      for (const unit of UNITS()) {
        for (const year of [Y, OTHER]) {
          if (!SCOPE[who](unit)) {
            const errs = await api.errorsOf(REPORT, { u: unit.id, y: year });
            expect({ who, unit: unit.code, code: errs[0].extensions?.code }).toEqual({ who, unit: unit.code, code: 'NOT_FOUND' });
            continue;
          }
          const r = (await api.q(REPORT, { u: unit.id, y: year })).yearReport;
          expect({ who, unit: unit.code, year, ...observed(r) }).toEqual({ who, unit: unit.code, year, ...expected(unit, year) });
          expect(r.unitId).toBe(String(unit.id));
          expect(r.unit.name).toBe(unit.name);
        }
      }
    });
  }

  it('an ancestor of the caller’s scope unit is readable by id, but its report is NOT_FOUND', async () => {
    const chair = await t.as('chair');
    expect((await chair.q(`query($id: ID!) { Union(id: $id) { name } }`, { id: t.fx.U1.id })).Union.name).toBe(t.fx.U1.name);
    expect(await chair.codeOf(REPORT, { u: t.fx.U1.id, y: Y })).toBe('NOT_FOUND');
    expect(await chair.codeOf(REPORT, { u: t.fx.F1.id, y: Y })).toBe('NOT_FOUND');
  });

  it('reads the targets as the union reports them: computed rate and status beside the printed rate', async () => {
    const r = (await (await t.as('analystF1')).q(REPORT, { u: t.fx.U1.id, y: Y })).yearReport;
    const byCode = Object.fromEntries(r.targets.rows.map((x: any) => [x.indicator.code, x]));
    expect(byCode.PARTY_ADMISSIONS).toMatchObject({ planned: 60, actual: 112, rate: 186.67, status: 'EXCEEDED', reportedRate: null, rateGap: null });
    expect(byCode.NEW_MEMBERS).toMatchObject({ rate: 100, status: 'MET' });
    expect(byCode.WELFARE_VISITS).toMatchObject({ actual: null, rate: null, status: null });
    await sys.q(`mutation($id: ID!) { updateTarget(id: $id, reportedRate: 187.6) { id } }`, { id: byCode.PARTY_ADMISSIONS.id });
    const again = (await sys.q(REPORT, { u: t.fx.U1.id, y: Y })).yearReport.targets.rows.find((x: any) => x.id === byCode.PARTY_ADMISSIONS.id);
    expect(again).toMatchObject({ rate: 186.67, reportedRate: 187.6, rateGap: 0.93 });
    // the congress's seats and the quorum, through the report
    const g1 = (await (await t.as('chair')).q(REPORT, { u: t.fx.G1.id, y: Y })).yearReport;
    expect(g1.congresses).toEqual([expect.objectContaining({ unitId: String(t.fx.G1.id), heldOn: `${Y}-04-10`, quorate: true, seats: [{ position: 'CHAIR', member: { fullName: 'Nguyễn Thị Hoa' } }] })]);
    const u1 = (await sys.q(REPORT, { u: t.fx.U1.id, y: Y })).yearReport;
    expect(u1.congresses.map((c: any) => [c.unitId, c.quorate])).toEqual([[String(t.fx.G1.id), true], [String(t.fx.U1.id), false]]);
  });

  it('refuses what cannot be asked: a malformed id, a year out of range, an unknown unit, no sign-in', async () => {
    const api = await t.as('analyst');
    expect((await api.errorsOf(REPORT, { u: 'abc', y: Y }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect((await api.errorsOf(REPORT, { u: t.fx.F1.id, y: 1900 }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect((await api.errorsOf(REPORT, { u: t.fx.F1.id, y: 9999 }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(await api.codeOf(REPORT, { u: '987654321', y: Y })).toBe('NOT_FOUND');
    expect(await t.anon.codeOf(REPORT, { u: t.fx.F1.id, y: Y })).toBe('UNAUTHENTICATED');
  });

  it('costs the same handful of SQL statements however many records lie under the unit', async () => {
    const logger = t.ds.logger as { logQuery: (...a: unknown[]) => unknown };
    const original = logger.logQuery;
    const statements: string[] = [];
    const counted = async (api: Api) => {
      statements.length = 0;
      logger.logQuery = function (this: unknown, ...a: unknown[]) {
        statements.push(String(a[0]));
        return original.apply(this, a);
      };
      try {
        return { r: (await api.q(REPORT, { u: t.fx.F1.id, y: Y })).yearReport, n: statements.length };
      } finally {
        logger.logQuery = original;
      }
    };
    const api = await t.as('fedAdmin');
    await counted(api); // the caller's account is cached from here on
    const small = await counted(api);

    // Many more records of every kind under F1.
    const fed = await t.as('fedAdmin');
    const fx = t.fx;
    const all = [fx.G1, fx.G2, fx.G3, fx.T1, fx.T2, fx.U1];
    for (let i = 0; i < 30; i++) {
      const u = all[i % all.length];
      await addWelfare(fed, u, { date: `${Y}-0${1 + (i % 9)}-1${i % 10}`, kind: ['SICKNESS', 'HARDSHIP', 'WEDDING', 'OTHER'][i % 4], count: 1 + (i % 3), amount: 100_000 * (i + 1) });
    }
    for (let i = 0; i < 12; i++) await addInitiative(fed, fx.G3, { year: Y, status: ['APPLIED', 'RECOGNIZED', 'REGISTERED'][i % 3], benefit: i * 1_000_000 }, [fx.m.an.id]);
    for (let i = 0; i < 6; i++) await addMember(all[i % 3], { joinedAt: `${Y}-0${1 + i}-01`, status: 'ACTIVE', leftAt: null });
    for (const [i, code] of ['PARTY_REFERRALS', 'PARTY_ADMISSIONS', 'WELFARE_VISITS', 'STAFF_CONFERENCES'].entries()) await addTarget(fed, fx.F1, Y, code, 10, 8 + i);
    for (let i = 0; i < 4; i++) await addCongress(fed, [fx.G2, fx.G3][i % 2], `${Y}-1${i % 3}-0${1 + i}`, 10, 9);
    await addRating(await t.as('unionAdmin'), fx.G1, Y + 1, 'GOOD');

    const big = await counted(api);
    expect(observed(big.r)).toEqual(expected(fx.F1, Y));
    expect(big.r.welfare.count).toBeGreaterThan(small.r.welfare.count);
    expect(big.r.congresses.length).toBeGreaterThan(small.r.congresses.length);
    // Bounded: the unit, the totals, the groups, the targets, the congresses, and one batched read per kind of object named.
    expect({ small: small.n, big: big.n }).toEqual({ small: big.n, big: big.n });
    expect(big.n).toBeLessThanOrEqual(12);
    // No statement reads the members one by one for the figures: only the seat holders named by the report are read as rows.
    const memberReads = statements.filter((s) => /FROM [`"]?member[`"]? /i.test(s) && !/COUNT\(|SUM\(/i.test(s));
    expect(memberReads.length).toBeLessThanOrEqual(1);
  });
});
