import { Api, startTestServer, TestServer } from './support/harness';
import type { AccountName } from './support/fixture';
import { answer, auditOf, countAll, create, E, gqlArgs, ids, indicatorId, Outcome, readBack, remove, run, signInAll, Unit, update } from './support/year';

/**
 * The rules of the union's year, through the API (api-contract.md "The union's year"): every
 * refusal of the contract's list with its code and the field it names, each changing nothing;
 * the rating rule from both sides; the computed fields; and what a union officer runs into
 * (a dissolved unit, an author who left, a cluster or congress deleted, the catalogue's codes).
 *
 *   F1 ─ U1 ─ G1 ─ T1, T2          F2 ─ U2 ─ G4 ─ T3
 *      │    └ G2
 *      └ G3 (directly under F1)
 */

let t: TestServer;
let api: Record<AccountName, Api>;
let id: ReturnType<typeof ids>;
const sys = () => api.sysadmin;
const thisYear = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestServer();
  api = await signInAll(t);
  id = ids(t);
}, 60_000);
afterAll(() => t?.stop());

/** Creates as `who`, failing the test on refusal; answers the new id. */
async function made(who: Api, type: string, args: Record<string, unknown>): Promise<string> {
  const o = await create(who, type, args);
  if (!o.ok) throw new Error(`create${type}: ${o.code} ${o.field ?? ''} ${o.message}`);
  return o.id!;
}
const cluster = (u: Unit, name = 'Cụm thi đua số I') => made(sys(), 'EmulationCluster', { name, kind: E('CLUSTER'), organizingUnitId: id.unit(u) });
const entry = (clusterId: string, u: Unit, year: number, role = 'MEMBER', score: number | null = null) =>
  ({ clusterId, unitId: id.unit(u), year, role: E(role), score: score ?? undefined });
const congress = (u: Unit, extra: Record<string, unknown> = {}) =>
  ({ unitId: id.unit(u), heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 127, attendedCount: 102, ...extra });
const welfare = (u: Unit, extra: Record<string, unknown> = {}) => ({ unitId: id.unit(u), date: '2023-03-10', kind: E('SICKNESS'), count: 1, amount: 500_000, ...extra });
const initiative = (u: Unit, authors: string[], extra: Record<string, unknown> = {}) =>
  ({ unitId: id.unit(u), title: 'Sáng kiến cải tiến', year: 2023, status: E('APPLIED'), benefit: 90_000_000, authorMemberIds: authors, ...extra });

/**
 * A refused write: the answer (code and field), and the proof it changed nothing: the type's count,
 * and the rows named, read back before and after.
 */
async function refused(write: () => Promise<Outcome>, watch: { type: string; plural: string; rows?: string[]; select?: string }): Promise<string | undefined> {
  const snapshot = async () => ({
    count: await countAll(sys(), watch.type, watch.plural),
    rows: await Promise.all((watch.rows ?? []).map((r) => readBack(sys(), watch.type, r, watch.select ?? 'id'))),
  });
  const before = await snapshot();
  const o = await write();
  expect(await snapshot()).toEqual(before);
  return answer(o);
}

describe('the contract’s refusals: each answers its code, names its field, and changes nothing', () => {
  it('a second AnnualRating for one unit and year: CONFLICT', async () => {
    const first = await made(api.unionAdmin, 'AnnualRating', { unitId: id.unit('G1'), year: 2022, level: E('GOOD') });
    const watch = { type: 'AnnualRating', plural: 'AnnualRatings', rows: [first], select: 'id level year unitId' };
    expect(await refused(() => create(sys(), 'AnnualRating', { unitId: id.unit('G1'), year: 2022, level: E('EXCELLENT') }), watch)).toBe('CONFLICT');
    expect(await refused(() => create(api.unionAdmin, 'AnnualRating', { unitId: id.unit('G1'), year: 2022, level: E('EXCELLENT') }), watch)).toBe('CONFLICT');
  });

  it('a second LEADER for one cluster and year: CONFLICT, on create and on update; another year or another cluster may have theirs', async () => {
    const c = await cluster('U1');
    const leader = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023, 'LEADER'));
    const member = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G2', 2023, 'MEMBER'));
    const watch = { type: 'ClusterEntry', plural: 'ClusterEntries', rows: [leader, member], select: 'id role unitId year' };
    expect(await refused(() => create(api.unionAdmin, 'ClusterEntry', entry(c, 'G2', 2023, 'LEADER')), watch)).toBe('CONFLICT');
    expect(await refused(() => update(api.unionAdmin, 'ClusterEntry', member, { role: E('LEADER') }), watch)).toBe('CONFLICT');
    // another year of the cluster, and another cluster, take their own leader
    expect(answer(await create(api.unionAdmin, 'ClusterEntry', entry(c, 'G2', 2024, 'LEADER')))).toBe('OK');
    const other = await cluster('U1', 'Cụm thi đua số II');
    await made(api.unionAdmin, 'ClusterEntry', entry(other, 'G2', 2023, 'LEADER'));
    const fresh = await cluster('F1', 'Khối thi đua');
    await made(sys(), 'ClusterEntry', entry(fresh, 'U1', 2023, 'LEADER'));
    expect(await refused(() => create(sys(), 'ClusterEntry', entry(fresh, 'G3', 2023, 'LEADER')), { type: 'ClusterEntry', plural: 'ClusterEntries' })).toBe('CONFLICT');
  });

  it('a unit entered twice in one cluster and year: CONFLICT', async () => {
    const c = await cluster('U1', 'Cụm thi đua số III');
    const first = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023));
    const watch = { type: 'ClusterEntry', plural: 'ClusterEntries', rows: [first], select: 'id role unitId year' };
    expect(await refused(() => create(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023, 'DEPUTY')), watch)).toBe('CONFLICT');
    const second = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G2', 2023));
    expect(await refused(() => update(api.unionAdmin, 'ClusterEntry', second, { unitId: id.unit('G1') }), { ...watch, rows: [first, second] })).toBe('CONFLICT');
  });

  it('a second CHAIR in one congress: CONFLICT, on create and on update', async () => {
    const cg = await made(api.chair4, 'Congress', congress('G4'));
    const chair = await made(api.chair4, 'CommitteeSeat', { congressId: cg, memberId: id.member('thu'), position: E('CHAIR') });
    const seat = await made(api.chair4, 'CommitteeSeat', { congressId: cg, memberId: id.member('dung'), position: E('BCH_MEMBER') });
    const watch = { type: 'CommitteeSeat', plural: 'CommitteeSeats', rows: [chair, seat], select: 'id position memberId' };
    expect(await refused(() => create(api.chair4, 'CommitteeSeat', { congressId: cg, memberId: id.member('hanh'), position: E('CHAIR') }), watch)).toBe('CONFLICT');
    expect(await refused(() => update(api.chair4, 'CommitteeSeat', seat, { position: E('CHAIR') }), watch)).toBe('CONFLICT');
    // the same member twice in the same seat, too
    expect(await refused(() => create(api.chair4, 'CommitteeSeat', { congressId: cg, memberId: id.member('dung'), position: E('BCH_MEMBER') }), watch)).toBe('CONFLICT');
  });

  it('a rating of a Federation: BAD_USER_INPUT on unitId', async () => {
    const watch = { type: 'AnnualRating', plural: 'AnnualRatings' };
    expect(await refused(() => create(sys(), 'AnnualRating', { unitId: id.unit('F1'), year: 2023, level: E('EXCELLENT') }), watch)).toBe('BAD_USER_INPUT unitId');
    expect(await refused(() => create(api.fedAdmin, 'AnnualRating', { unitId: id.unit('F1'), year: 2023, level: E('EXCELLENT') }), watch)).toBe('BAD_USER_INPUT unitId');
  });

  it('a cluster entry for a unit outside the organising unit’s subtree (or the organiser itself): BAD_USER_INPUT on unitId', async () => {
    const c = await cluster('U1', 'Cụm thi đua số IV');
    const watch = { type: 'ClusterEntry', plural: 'ClusterEntries' };
    for (const [who, u] of [[api.unionAdmin, 'U1'], [api.fedAdmin, 'G3'], [api.fedAdmin, 'F1'], [sys(), 'G4'], [sys(), 'T3']] as const) {
      expect(await refused(() => create(who, 'ClusterEntry', entry(c, u, 2023)), watch)).toBe('BAD_USER_INPUT unitId');
    }
    const e = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023));
    expect(await refused(() => update(api.unionAdmin, 'ClusterEntry', e, { unitId: id.unit('G3') }), { ...watch, rows: [e], select: 'id unitId' })).toBe('BAD_USER_INPUT unitId');
  });

  it('a member outside the record’s unit subtree: BAD_USER_INPUT on memberId / authorMemberIds', async () => {
    // mai is of G2, hung of G3, dung of T3 (another federation): none lies under G1.
    for (const m of ['mai', 'hung', 'dung'] as const) {
      expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('G1', { memberId: id.member(m) })), { type: 'WelfareRecord', plural: 'WelfareRecords' })).toBe('BAD_USER_INPUT memberId');
      expect(await refused(() => create(api.chair, 'Initiative', initiative('G1', [id.member('hoa'), id.member(m)])), { type: 'Initiative', plural: 'Initiatives' })).toBe('BAD_USER_INPUT authorMemberIds');
    }
    // a team's record names members of that team only
    expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('T1', { memberId: id.member('lan') })), { type: 'WelfareRecord', plural: 'WelfareRecords' })).toBe('BAD_USER_INPUT memberId');
    const cg = await made(api.chair, 'Congress', congress('G1'));
    expect(await refused(() => create(api.chair, 'CommitteeSeat', { congressId: cg, memberId: id.member('mai'), position: E('BCH_MEMBER') }), { type: 'CommitteeSeat', plural: 'CommitteeSeats' })).toBe('BAD_USER_INPUT memberId');
    expect(await refused(() => create(api.chair, 'Initiative', initiative('G1', [])), { type: 'Initiative', plural: 'Initiatives' })).toBe('BAD_USER_INPUT authorMemberIds');
    const w = await made(api.chair, 'WelfareRecord', welfare('G1', { memberId: id.member('hoa') }));
    expect(await refused(() => update(api.chair, 'WelfareRecord', w, { memberId: id.member('mai') }), { type: 'WelfareRecord', plural: 'WelfareRecords', rows: [w], select: 'id memberId' })).toBe('BAD_USER_INPUT memberId');
  });

  it('a negative amount (or benefit), or one that is not whole đồng: BAD_USER_INPUT on amount / benefit', async () => {
    const watch = { type: 'WelfareRecord', plural: 'WelfareRecords' };
    expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('G1', { amount: -1 })), watch)).toBe('BAD_USER_INPUT amount');
    expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('G1', { amount: 1000.5 })), watch)).toBe('BAD_USER_INPUT amount');
    expect(await refused(() => create(api.chair, 'Initiative', initiative('G1', [id.member('hoa')], { benefit: -5 })), { type: 'Initiative', plural: 'Initiatives' })).toBe('BAD_USER_INPUT benefit');
    const w = await made(api.chair, 'WelfareRecord', welfare('G1'));
    expect(await refused(() => update(api.chair, 'WelfareRecord', w, { amount: -1000 }), { ...watch, rows: [w], select: 'id amount' })).toBe('BAD_USER_INPUT amount');
    // zero is an amount (a visit without money)
    expect(answer(await create(api.chair, 'WelfareRecord', welfare('G1', { amount: 0 })))).toBe('OK');
  });

  it('a count below 1: BAD_USER_INPUT on count (and on convenedCount)', async () => {
    for (const count of [0, -3]) {
      expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('G1', { count })), { type: 'WelfareRecord', plural: 'WelfareRecords' })).toBe('BAD_USER_INPUT count');
    }
    expect(await refused(() => create(api.chair, 'Congress', congress('G1', { convenedCount: 0, attendedCount: 0 })), { type: 'Congress', plural: 'Congresses' })).toBe('BAD_USER_INPUT convenedCount');
  });

  it('planned ≤ 0 (and a negative actual): BAD_USER_INPUT on planned / actual', async () => {
    const ind = await indicatorId(sys(), 'NEW_MEMBERS');
    const target = (extra: Record<string, unknown>) => ({ unitId: id.unit('U1'), year: 2022, indicatorId: ind, source: E('ASSIGNED_PLAN'), planned: 1200, ...extra });
    const watch = { type: 'Target', plural: 'Targets' };
    for (const planned of [0, -1200]) expect(await refused(() => create(api.unionAdmin, 'Target', target({ planned })), watch)).toBe('BAD_USER_INPUT planned');
    expect(await refused(() => create(api.unionAdmin, 'Target', target({ actual: -1 })), watch)).toBe('BAD_USER_INPUT actual');
    const tg = await made(api.unionAdmin, 'Target', target({}));
    expect(await refused(() => update(api.unionAdmin, 'Target', tg, { planned: 0 }), { ...watch, rows: [tg], select: 'id planned' })).toBe('BAD_USER_INPUT planned');
  });

  it('dates in the wrong order: BAD_USER_INPUT on endsOn, termEndYear, attendedCount', async () => {
    const movement = { name: 'Thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam', kind: E('ROUND'), launchedByUnitId: id.unit('U1'), startsOn: '2024-03-01' };
    const watch = { type: 'EmulationMovement', plural: 'EmulationMovements' };
    expect(await refused(() => create(api.unionAdmin, 'EmulationMovement', { ...movement, endsOn: '2024-02-29' }), watch)).toBe('BAD_USER_INPUT endsOn');
    const m = await made(api.unionAdmin, 'EmulationMovement', { ...movement, endsOn: '2024-07-28' });
    expect(await refused(() => update(api.unionAdmin, 'EmulationMovement', m, { startsOn: '2024-08-01' }), { ...watch, rows: [m], select: 'id startsOn endsOn' })).toBe('BAD_USER_INPUT endsOn');
    // a movement of one day is in order
    expect(answer(await update(api.unionAdmin, 'EmulationMovement', m, { startsOn: '2024-07-28' }))).toBe('OK');
    const cwatch = { type: 'Congress', plural: 'Congresses' };
    for (const termEndYear of [2023, 2020]) expect(await refused(() => create(api.chair, 'Congress', congress('G1', { termEndYear })), cwatch)).toBe('BAD_USER_INPUT termEndYear');
    expect(await refused(() => create(api.chair, 'Congress', congress('G1', { attendedCount: 128 })), cwatch)).toBe('BAD_USER_INPUT attendedCount');
    for (const field of ['startsOn', 'endsOn']) {
      expect(await refused(() => create(api.unionAdmin, 'EmulationMovement', { ...movement, [field]: '2024-02-30' }), watch)).toBe(`BAD_USER_INPUT ${field}`);
    }
  });

  it('a score outside 0–100: BAD_USER_INPUT on score (ratings and cluster entries)', async () => {
    for (const score of [-0.5, 100.5, 250]) {
      expect(await refused(() => create(api.unionAdmin, 'AnnualRating', { unitId: id.unit('G2'), year: 2021, level: E('GOOD'), score }), { type: 'AnnualRating', plural: 'AnnualRatings' })).toBe('BAD_USER_INPUT score');
      const c = await cluster('U1', `Cụm điểm ${score}`);
      expect(await refused(() => create(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023, 'MEMBER', score)), { type: 'ClusterEntry', plural: 'ClusterEntries' })).toBe('BAD_USER_INPUT score');
    }
    for (const score of [0, 100]) expect(answer(await create(api.unionAdmin, 'AnnualRating', { unitId: id.unit('G2'), year: 2000 + score / 10, level: E('GOOD'), score }))).toBe('OK');
  });
});

describe('ratings come from the level above, and from nowhere else', () => {
  const rate = (who: Api, u: Unit, year: number) => create(who, 'AnnualRating', { unitId: id.unit(u), year, level: E('GOOD') }, 'id appraisedByUnitId unitId');

  it('the federation rates a union and a grassroots union directly under it; not one under a union, nor a team', async () => {
    for (const u of ['U1', 'G3'] as const) {
      const o = await rate(api.fedAdmin, u, 2019);
      expect(o.ok && o.data.x).toEqual({ id: o.id, appraisedByUnitId: id.unit('F1'), unitId: id.unit(u) });
    }
    for (const u of ['G1', 'G2', 'T1'] as const) expect(answer(await rate(api.fedAdmin, u, 2019))).toBe('FORBIDDEN unitId');
  });

  it('the union rates its grassroots unions; not itself, nor their teams', async () => {
    const o = await rate(api.unionAdmin, 'G2', 2019);
    expect(o.ok && o.data.x.appraisedByUnitId).toBe(id.unit('U1'));
    expect(answer(await rate(api.unionAdmin, 'U1', 2019))).toBe('FORBIDDEN unitId');
    expect(answer(await rate(api.unionAdmin, 'T1', 2019))).toBe('FORBIDDEN unitId');
  });

  it('the chair rates its teams; never its own grassroots union', async () => {
    const o = await rate(api.chair, 'T2', 2019);
    expect(o.ok && o.data.x.appraisedByUnitId).toBe(id.unit('G1'));
    expect(answer(await rate(api.chair, 'G1', 2019))).toBe('FORBIDDEN unitId');
    expect(answer(await rate(api.chair4, 'G4', 2019))).toBe('FORBIDDEN unitId');
  });

  it('SYSTEM_ADMIN rates anything below a federation', async () => {
    for (const u of ['U2', 'G4', 'T3'] as const) expect(answer(await rate(sys(), u, 2018))).toBe('OK');
  });

  it('the rated unit reads its rating, and neither changes nor deletes it', async () => {
    const o = await rate(api.unionAdmin, 'G1', 2017);
    expect((await api.chair.q(`{ AnnualRating(id: "${o.id}") { id level } }`)).AnnualRating).toEqual({ id: o.id, level: 'GOOD' });
    expect(answer(await update(api.chair, 'AnnualRating', o.id!, { level: E('EXCELLENT') }))).toBe('FORBIDDEN unitId');
    expect(answer(await remove(api.chair, 'AnnualRating', o.id!))).toBe('FORBIDDEN unitId');
    expect(await readBack(sys(), 'AnnualRating', o.id!, 'level')).toEqual({ level: 'GOOD' });
    // nor does the level above the appraiser
    expect(answer(await update(api.fedAdmin, 'AnnualRating', o.id!, { level: E('EXCELLENT') }))).toBe('FORBIDDEN unitId');
    expect(answer(await update(api.unionAdmin, 'AnnualRating', o.id!, { level: E('EXCELLENT') }))).toBe('OK');
  });

  it('own level and below write their unit’s records; the level above is visible but not written', async () => {
    const ind = await indicatorId(sys(), 'WORKPLACE_DIALOGUES');
    const target = (u: Unit) => ({ unitId: id.unit(u), year: 2023, indicatorId: ind, source: E('ANNUAL_PROGRAMME'), planned: 141, actual: 141 });
    expect(answer(await create(api.chair, 'Target', target('G1')))).toBe('OK');
    expect(answer(await create(api.chair, 'Target', target('T1')))).toBe('OK');
    expect(answer(await create(api.chair, 'Target', target('U1')))).toBe('FORBIDDEN unitId');
    expect(answer(await create(api.chair, 'Target', target('G2')))).toBe('NOT_FOUND unitId');
    expect(answer(await create(api.unionAdmin, 'Target', target('U1')))).toBe('OK');
    expect(answer(await create(api.unionAdmin, 'Target', target('F1')))).toBe('FORBIDDEN unitId');
    expect(answer(await create(api.fedAdmin2, 'Target', target('G2')))).toBe('NOT_FOUND unitId');
    // a record is not moved up or away either
    const m = await made(api.chair, 'EmulationMovement', { name: 'Thi đua chuyển đổi số', kind: E('THEMATIC'), launchedByUnitId: id.unit('T1'), startsOn: '2024-01-01' });
    const watch = { type: 'EmulationMovement', plural: 'EmulationMovements', rows: [m], select: 'launchedByUnitId federationId unionId grassrootsUnionId teamId' };
    expect(await refused(() => update(api.chair, 'EmulationMovement', m, { launchedByUnitId: id.unit('U1') }), watch)).toBe('FORBIDDEN launchedByUnitId');
    expect(await refused(() => update(api.chair, 'EmulationMovement', m, { launchedByUnitId: id.unit('G4') }), watch)).toBe('NOT_FOUND launchedByUnitId');
    const moved = await update(api.chair, 'EmulationMovement', m, { launchedByUnitId: id.unit('T2') }, 'launchedByUnitId teamId');
    expect(moved.ok && moved.data.x).toEqual({ launchedByUnitId: id.unit('T2'), teamId: id.unit('T2') });
    // an assigned plan comes from a unit above
    const tg = await made(api.chair, 'Target', { ...target('T1'), year: 2022, source: E('ASSIGNED_PLAN'), assignedByUnitId: id.unit('G1') });
    expect(await refused(() => update(api.chair, 'Target', tg, { assignedByUnitId: id.unit('T2') }), { type: 'Target', plural: 'Targets', rows: [tg], select: 'assignedByUnitId' })).toBe('BAD_USER_INPUT assignedByUnitId');
  });
});

describe('computed fields: the server computes them, the client cannot set them', () => {
  const TARGET = 'id planned actual rate status reportedRate';

  it('Target.rate (2 decimals) and status; null without an actual; the printed rate kept as given', async () => {
    const u = id.unit('U1');
    const cases: [string, number, number | null, number | null, number | null, string | null][] = [
      ['NEW_MEMBERS', 1200, 2202, 184, 183.5, 'EXCEEDED'],
      ['NEW_GRASSROOTS', 9, 12, 133, 133.33, 'EXCEEDED'],
      ['WORKER_CONFERENCES', 140, 138, 99, 98.57, 'NOT_MET'],
      ['STAFF_CONFERENCES', 134, 134, 100, 100, 'MET'],
      ['MAI_AM_FUND', 2_516_100_000, 2_529_554_000, 100.5, 100.53, 'EXCEEDED'],
      ['PARTY_ADMISSIONS', 60, null, 187.6, null, null],
    ];
    let t1 = '';
    for (const [code, planned, actual, reportedRate, rate, status] of cases) {
      const o = await create(api.unionAdmin, 'Target', { unitId: u, year: 2020, indicatorId: await indicatorId(sys(), code), source: E('ASSIGNED_PLAN'), planned, actual: actual ?? undefined, reportedRate }, TARGET);
      expect(o.ok && o.data.x).toEqual({ id: o.id, planned, actual, rate, status, reportedRate });
      if (code === 'PARTY_ADMISSIONS') t1 = o.id!;
    }
    // the result comes in later: the rate and status follow, the printed rate stays as given
    expect((await update(api.unionAdmin, 'Target', t1, { actual: 112 }, TARGET)).ok).toBe(true);
    expect(await readBack(sys(), 'Target', t1, 'rate status reportedRate')).toEqual({ rate: 186.67, status: 'EXCEEDED', reportedRate: 187.6 });
    // the client sends no rate and no status
    for (const field of ['rate: 99', 'status: MET']) {
      expect(answer(await run(api.unionAdmin, `mutation { updateTarget(id: "${t1}", ${field}) { id } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('ClusterEntry.rank: 1 + the entries of the cluster and year with a higher score; ties share a rank; null without a score', async () => {
    const c = await cluster('F1', 'Khối thi đua các Công đoàn ngành');
    const scored: [Unit, number | null, number | null][] = [['U1', 92.5, 1], ['G1', 88, 2], ['G2', 88, 2], ['G3', 71, 4], ['T1', null, null]];
    const rows: string[] = [];
    for (const [u, score] of scored) rows.push(await made(api.fedAdmin, 'ClusterEntry', entry(c, u, 2023, 'MEMBER', score)));
    // another year of the same cluster ranks apart
    await made(api.fedAdmin, 'ClusterEntry', entry(c, 'T2', 2022, 'MEMBER', 99));
    const r = await api.fedAdmin.q(`{ allClusterEntries(filter: { clusterId: ["${c}"], year: [2023] }, sortField: "id", sortOrder: "ASC") { id score rank } }`);
    expect(r.allClusterEntries).toEqual(scored.map(([, score, rank], i) => ({ id: rows[i], score, rank })));
    // a new score ranks anew
    await update(api.fedAdmin, 'ClusterEntry', rows[3], { score: 95 });
    expect((await readBack(api.analystF1, 'ClusterEntry', rows[3], 'rank'))).toEqual({ rank: 1 });
    expect((await readBack(api.analystF1, 'ClusterEntry', rows[0], 'rank'))).toEqual({ rank: 2 });
  });

  it('Congress.quorate: attended ≥ ⌈2/3 × convened⌉ (102 of 127 is quorate; 84 of 127 is not; 85 is the line)', async () => {
    for (const [attendedCount, quorate] of [[102, true], [85, true], [84, false]] as const) {
      const o = await create(api.chair4, 'Congress', congress('G4', { attendedCount }), 'id quorate');
      expect(o.ok && o.data.x.quorate).toBe(quorate);
    }
    expect(answer(await run(api.chair4, `mutation { createCongress(${gqlArgs({ ...congress('G4') })}, quorate: true) { id } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('what a union officer runs into', () => {
  it('a cluster with entries is not deleted (CONFLICT, nothing changed); emptied, it is', async () => {
    const c = await cluster('U1', 'Cụm thi đua số V');
    const e = await made(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 2023, 'LEADER', 90));
    expect(await refused(() => remove(api.unionAdmin, 'EmulationCluster', c), { type: 'EmulationCluster', plural: 'EmulationClusters', rows: [c], select: 'id name active' })).toBe('CONFLICT');
    expect(await readBack(sys(), 'ClusterEntry', e, 'id')).toEqual({ id: e });
    // deactivating it is the way to retire it
    expect(answer(await update(api.unionAdmin, 'EmulationCluster', c, { active: false }))).toBe('OK');
    expect(answer(await remove(api.unionAdmin, 'ClusterEntry', e))).toBe('OK');
    expect(answer(await remove(api.unionAdmin, 'EmulationCluster', c))).toBe('OK');
    expect(await readBack(sys(), 'EmulationCluster', c, 'id')).toBeNull();
  });

  it('a congress is deleted with the seats it elected, each with its audit row', async () => {
    const cg = await made(api.chair, 'Congress', congress('G1'));
    const seats = [];
    for (const [m, position] of [['binh', 'CHAIR'], ['hoa', 'BCH_MEMBER'], ['lan', 'DELEGATE']] as const) {
      seats.push(await made(api.chair, 'CommitteeSeat', { congressId: cg, memberId: id.member(m), position: E(position) }));
    }
    expect((await api.chair.q(`{ Congress(id: "${cg}") { seats { id } } }`)).Congress.seats.map((s: { id: string }) => s.id)).toEqual(seats);
    expect(answer(await remove(api.chair, 'Congress', cg))).toBe('OK');
    expect(await readBack(sys(), 'Congress', cg, 'id')).toBeNull();
    for (const s of seats) {
      expect(await readBack(sys(), 'CommitteeSeat', s, 'id')).toBeNull();
      expect((await auditOf(sys(), 'CommitteeSeat', s)).map((a) => `${a.action} ${a.actorName} ${a.unitId}`)).toEqual([`CREATE chair ${id.unit('G1')}`, `DELETE chair ${id.unit('G1')}`]);
    }
    expect((await sys().q(`{ _allCommitteeSeatsMeta(filter: { congressId: ["${cg}"] }) { count } }`))._allCommitteeSeatsMeta.count).toBe(0);
  });

  it('an initiative keeps its authors after they leave or move; new authors must be members of its unit', async () => {
    // two fresh members of G1, so that the fixture's own stay as they are
    const member = async (fullName: string) =>
      (await sys().q(`mutation { x: createMember(${gqlArgs({ fullName, gender: E('MALE'), grassrootsUnionId: id.unit('G1') })}) { id } }`)).x.id as string;
    const leaver = await member('Trịnh Văn Nghỉ');
    const mover = await member('Lò Văn Chuyển');
    const i = await made(api.chair, 'Initiative', initiative('G1', [leaver, mover, id.member('hoa')], { title: 'Sổ tay điện tử cho đoàn viên' }));
    expect(answer(await run(sys(), `mutation { deleteMember(id: "${leaver}") { id status } }`))).toBe('OK');
    expect(answer(await run(sys(), `mutation { updateMember(${gqlArgs({ id: mover, grassrootsUnionId: id.unit('G4') })}) { id } }`))).toBe('OK');
    // react-admin sends every field again: the recorded authors pass
    const again = await update(api.chair, 'Initiative', i, { title: 'Sổ tay điện tử', authorMemberIds: [leaver, mover, id.member('hoa')] }, 'title authorMemberIds');
    expect(again.ok && again.data.x).toEqual({ title: 'Sổ tay điện tử', authorMemberIds: [leaver, mover, id.member('hoa')].sort((a, b) => Number(a) - Number(b)) });
    expect(answer(await update(api.chair, 'Initiative', i, { benefit: 120_000_000 }))).toBe('OK');
    // the one who moved away is no new author of another G1 initiative
    expect(await refused(() => create(api.chair, 'Initiative', initiative('G1', [mover])), { type: 'Initiative', plural: 'Initiatives' })).toBe('BAD_USER_INPUT authorMemberIds');
    // removing an author, and adding one of the unit, work as usual
    const fewer = await update(api.chair, 'Initiative', i, { authorMemberIds: [leaver, id.member('duc')] }, 'authorMemberIds');
    expect(fewer.ok && fewer.data.x.authorMemberIds).toEqual([id.member('duc'), leaver].sort((a, b) => Number(a) - Number(b)));
    // deleted, its authors go with it and its audit row keeps them
    expect(answer(await remove(api.chair, 'Initiative', i))).toBe('OK');
    const del = await sys().q(`{ allAuditEvents(filter: { entityType: ["Initiative"], entityId: ["${i}"], action: ["DELETE"] }) { before } }`);
    expect(JSON.parse(del.allAuditEvents[0].before).authors).toEqual([leaver, id.member('duc')].map(Number).sort((a, b) => a - b));
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM initiative_author WHERE initiative_id = ?', [Number(i)]))[0].n)).toBe(0);
  });

  it('a welfare record and a seat keep their member after the member moves away', async () => {
    const who = (await sys().q(`mutation { x: createMember(${gqlArgs({ fullName: 'Hà Thị Đi', gender: E('FEMALE'), grassrootsUnionId: id.unit('G1') })}) { id } }`)).x.id;
    const w = await made(api.chair, 'WelfareRecord', welfare('G1', { memberId: who, kind: E('MATERNITY') }));
    const cg = await made(api.chair, 'Congress', congress('G1', { heldOn: '2022-04-02', termStartYear: 2022, termEndYear: 2027 }));
    const s = await made(api.chair, 'CommitteeSeat', { congressId: cg, memberId: who, position: E('VICE_CHAIR') });
    await sys().q(`mutation { updateMember(${gqlArgs({ id: who, grassrootsUnionId: id.unit('G2') })}) { id } }`);
    expect(answer(await update(api.chair, 'WelfareRecord', w, { memberId: who, note: 'Thăm hỏi thai sản' }))).toBe('OK');
    expect(answer(await update(api.chair, 'CommitteeSeat', s, { memberId: who, position: E('STANDING_MEMBER') }))).toBe('OK');
    expect(await readBack(sys(), 'WelfareRecord', w, 'memberId note')).toEqual({ memberId: who, note: 'Thăm hỏi thai sản' });
  });

  it('a welfare record is not dated in the future; today is fine', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + 86_400_000));
    expect(await refused(() => create(api.chair, 'WelfareRecord', welfare('G1', { date: tomorrow })), { type: 'WelfareRecord', plural: 'WelfareRecords' })).toBe('BAD_USER_INPUT date');
    const o = await create(api.chair, 'WelfareRecord', welfare('G1', { date: today }), 'id year');
    expect(o.ok && o.data.x.year).toBe(Number(today.slice(0, 4)));
    expect(await refused(() => update(api.chair, 'WelfareRecord', o.id!, { date: '2099-01-01' }), { type: 'WelfareRecord', plural: 'WelfareRecords', rows: [o.id!], select: 'date year' })).toBe('BAD_USER_INPUT date');
  });

  it('years are bounded: nothing before the union’s founding (1929); done things not after this year; plans up to five years ahead', async () => {
    const ind = await indicatorId(sys(), 'NEW_MEMBERS');
    const target = (year: number) => ({ unitId: id.unit('G1'), year, indicatorId: ind, source: E('CONGRESS_RESOLUTION'), planned: 10 });
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['AnnualRating', 'AnnualRatings', { unitId: id.unit('T1'), year: thisYear + 1, level: E('GOOD') }, 'BAD_USER_INPUT year'],
      ['AnnualRating', 'AnnualRatings', { unitId: id.unit('T1'), year: 1928, level: E('GOOD') }, 'BAD_USER_INPUT year'],
      ['Initiative', 'Initiatives', initiative('G1', [id.member('hoa')], { year: thisYear + 1 }), 'BAD_USER_INPUT year'],
      ['Target', 'Targets', target(thisYear + 6), 'BAD_USER_INPUT year'],
      ['Target', 'Targets', target(202), 'BAD_USER_INPUT year'],
      ['WelfareRecord', 'WelfareRecords', welfare('G1', { date: '1900-05-01' }), 'BAD_USER_INPUT date'],
      ['Congress', 'Congresses', congress('G1', { heldOn: '1920-01-01' }), 'BAD_USER_INPUT heldOn'],
      ['Congress', 'Congresses', congress('G1', { termStartYear: thisYear + 6, termEndYear: thisYear + 11 }), 'BAD_USER_INPUT termStartYear'],
    ];
    for (const [type, plural, args, expected] of cases) {
      expect({ type, args, got: await refused(() => create(api.chair, type, args), { type, plural }) }).toEqual({ type, args, got: expected });
    }
    expect(answer(await create(api.chair, 'Target', target(thisYear + 5)))).toBe('OK');
    expect(answer(await create(api.chair, 'AnnualRating', { unitId: id.unit('T1'), year: thisYear, level: E('GOOD') }))).toBe('OK');
    // next year's cluster officers are chosen at this year's year-end review
    const c = await cluster('G1', 'Cụm các tổ công đoàn');
    expect(answer(await create(api.chair, 'ClusterEntry', entry(c, 'T1', thisYear + 1, 'LEADER')))).toBe('OK');
    expect(answer(await create(api.chair, 'ClusterEntry', entry(c, 'T2', thisYear + 2)))).toBe('BAD_USER_INPUT year');
  });

  it('a dissolved unit keeps taking the records of the years it lived, and none of later years', async () => {
    const team = (await sys().q(`mutation { x: createTeam(${gqlArgs({ name: 'Tổ Công đoàn Lái xe', grassrootsUnionId: id.unit('G1') })}) { id } }`)).x.id as string;
    const w = await made(api.chair, 'WelfareRecord', { unitId: team, date: '2024-02-01', kind: E('TET_GIFT'), count: 27, amount: 13_500_000 });
    expect(answer(await run(api.chair, `mutation { deleteTeam(id: "${team}") { id } }`))).toBe('OK');
    // dissolved in mid-2024 (the API dissolves today; the date is set back to make the years clear)
    await t.ds.query('UPDATE org_unit SET dissolved_at = ? WHERE id = ?', ['2024-06-30', Number(team)]);
    const ind = await indicatorId(sys(), 'NEW_MEMBERS');
    expect(answer(await create(api.chair, 'Target', { unitId: team, year: 2024, indicatorId: ind, source: E('ANNUAL_PROGRAMME'), planned: 5, actual: 5 }))).toBe('OK');
    expect(answer(await create(api.chair, 'AnnualRating', { unitId: team, year: 2024, level: E('COMPLETED') }))).toBe('OK');
    expect(answer(await update(api.chair, 'WelfareRecord', w, { note: 'Tết Giáp Thìn' }))).toBe('OK');
    const later: [string, string, Record<string, unknown>, string][] = [
      ['Target', 'Targets', { unitId: team, year: 2025, indicatorId: ind, source: E('ANNUAL_PROGRAMME'), planned: 5 }, 'BAD_USER_INPUT year'],
      ['AnnualRating', 'AnnualRatings', { unitId: team, year: 2025, level: E('COMPLETED') }, 'BAD_USER_INPUT year'],
      ['WelfareRecord', 'WelfareRecords', { unitId: team, date: '2025-01-10', kind: E('TET_GIFT'), count: 1, amount: 500_000 }, 'BAD_USER_INPUT date'],
      ['EmulationMovement', 'EmulationMovements', { name: 'Thi đua', kind: E('REGULAR'), launchedByUnitId: team, startsOn: '2025-01-01' }, 'BAD_USER_INPUT startsOn'],
    ];
    for (const [type, plural, args, expected] of later) expect(await refused(() => create(api.chair, type, args), { type, plural })).toBe(expected);
    expect(await refused(() => update(api.chair, 'WelfareRecord', w, { date: '2025-01-10' }), { type: 'WelfareRecord', plural: 'WelfareRecords', rows: [w], select: 'date' })).toBe('BAD_USER_INPUT date');
    // its records are still deleted by those who wrote them
    expect(answer(await remove(api.chair, 'WelfareRecord', w))).toBe('OK');
  });

  it('indicator codes: unique, well-formed, fixed once made; deleting deactivates and the targets keep theirs', async () => {
    const watch = { type: 'Indicator', plural: 'Indicators' };
    expect(await refused(() => create(sys(), 'Indicator', { code: 'NEW_MEMBERS', name: 'Trùng mã', unit: E('PERSON'), aggregation: E('SUM') }), watch)).toBe('BAD_USER_INPUT code');
    expect(await refused(() => create(sys(), 'Indicator', { code: 'new_members', name: 'Chữ thường', unit: E('PERSON'), aggregation: E('SUM') }), watch)).toBe('BAD_USER_INPUT code');
    const ind = await made(sys(), 'Indicator', { code: 'KPCD_COLLECTED', name: 'Thu kinh phí công đoàn', unit: E('VND'), aggregation: E('SUM') });
    expect(answer(await run(sys(), `mutation { updateIndicator(id: "${ind}", code: "OTHER") { id } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
    const tg = await made(api.unionAdmin, 'Target', { unitId: id.unit('U1'), year: 2021, indicatorId: ind, source: E('ASSIGNED_PLAN'), planned: 1_000_000_000 });
    const del = await run(sys(), `mutation { deleteIndicator(id: "${ind}") { id active } }`);
    expect(del.ok && del.data.deleteIndicator).toEqual({ id: ind, active: false });
    expect(await readBack(sys(), 'Target', tg, 'indicator { code active }')).toEqual({ indicator: { code: 'KPCD_COLLECTED', active: false } });
    expect(answer(await update(api.unionAdmin, 'Target', tg, { actual: 1_050_000_000 }))).toBe('OK');
    expect(await refused(() => create(api.unionAdmin, 'Target', { unitId: id.unit('U1'), year: 2022, indicatorId: ind, source: E('ASSIGNED_PLAN'), planned: 5 }), { type: 'Target', plural: 'Targets' })).toBe('BAD_USER_INPUT indicatorId');
    expect((await auditOf(sys(), 'Indicator', ind)).map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
  });

  it('a rule’s threshold: the last value of a code is not deleted (CONFLICT); a superseded one is', async () => {
    const rows = (await sys().q(`{ allRuleThresholds(filter: { code: ["BLDST_MIN_BENEFIT"] }) { id } }`)).allRuleThresholds;
    expect(rows).toHaveLength(1);
    expect(await refused(() => remove(sys(), 'RuleThreshold', rows[0].id), { type: 'RuleThreshold', plural: 'RuleThresholds', rows: [rows[0].id], select: 'id value' })).toBe('CONFLICT');
    const newer = await made(sys(), 'RuleThreshold', { code: 'BLDST_MIN_BENEFIT', value: 100_000_000, unit: 'VND', regulation: 'giả định', effectiveFrom: '2024-05-29' });
    expect(answer(await create(sys(), 'RuleThreshold', { code: 'BLDST_MIN_BENEFIT', value: 1, unit: 'VND', regulation: 'trùng ngày', effectiveFrom: '2024-05-29' }))).toBe('CONFLICT');
    expect(answer(await create(sys(), 'RuleThreshold', { code: 'BLDST_MIN_BENEFIT', value: -1, unit: 'VND', regulation: 'âm', effectiveFrom: '2025-01-01' }))).toBe('BAD_USER_INPUT value');
    expect(answer(await remove(sys(), 'RuleThreshold', newer))).toBe('OK');
  });
});
