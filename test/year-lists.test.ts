import { Api, startTestServer, TestServer } from './support/harness';
import type { AccountName } from './support/fixture';
import { answer, create, E, ids, indicatorId, run, signInAll, Unit } from './support/year';

/**
 * The list grammar on the union's year (api-contract.md "CRUD: the react-admin grammar"): filters
 * by parent and ancestor ids, ranges on dates and numbers, `q` on names and titles ignoring case
 * and Vietnamese diacritics, sorting, pages and counts; then `moveUnit`: a unit's year records go
 * with it (they are located under the tree), so the new federation's admin reads them and the old
 * one no longer does.
 *
 *   F1 ─ U1 ─ G1 ─ T1, T2          F2 ─ U2 ─ G4 ─ T3
 *      │    └ G2
 *      └ G3 (directly under F1)
 */

let t: TestServer;
let api: Record<AccountName, Api>;
let id: ReturnType<typeof ids>;
const sys = () => api.sysadmin;

/** Created records by name. */
const r: Record<string, string> = {};
async function add(name: string, type: string, args: Record<string, unknown>) {
  const o = await create(sys(), type, args);
  if (!o.ok) throw new Error(`${name}: ${o.code} ${o.field ?? ''} ${o.message}`);
  r[name] = o.id!;
}

beforeAll(async () => {
  t = await startTestServer();
  api = await signInAll(t);
  id = ids(t);
  const u = id.unit;
  await add('M1', 'EmulationMovement', { name: 'Phong trào thi đua "Lao động giỏi, lao động sáng tạo"', kind: E('REGULAR'), launchedByUnitId: u('F1'), startsOn: '2024-01-01', endsOn: '2024-12-31', theme: 'Năng suất, chất lượng' });
  await add('M2', 'EmulationMovement', { name: 'Thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam', kind: E('ROUND'), launchedByUnitId: u('U1'), startsOn: '2024-05-01', endsOn: '2024-07-28', theme: 'Kỷ niệm 28/7/1929–28/7/2024' });
  await add('M3', 'EmulationMovement', { name: 'Xanh - sạch - đẹp, bảo đảm an toàn vệ sinh lao động', kind: E('THEMATIC'), launchedByUnitId: u('G1'), startsOn: '2023-01-01', endsOn: '2023-12-31' });
  await add('M4', 'EmulationMovement', { name: 'Giỏi việc nước, đảm việc nhà', kind: E('THEMATIC'), launchedByUnitId: u('G4'), startsOn: '2022-03-08' });

  await add('C1', 'EmulationCluster', { name: 'Cụm thi đua số I', kind: E('CLUSTER'), organizingUnitId: u('U1') });
  await add('C2', 'EmulationCluster', { name: 'Khối thi đua các Công đoàn ngành', kind: E('BLOC'), organizingUnitId: u('F1') });
  await add('E1', 'ClusterEntry', { clusterId: r.C1, unitId: u('G1'), year: 2023, role: E('LEADER'), score: 92.5, leading: true });
  await add('E2', 'ClusterEntry', { clusterId: r.C1, unitId: u('G2'), year: 2023, role: E('MEMBER'), score: 80 });
  await add('E3', 'ClusterEntry', { clusterId: r.C1, unitId: u('G1'), year: 2022, role: E('DEPUTY'), score: 70 });
  await add('E4', 'ClusterEntry', { clusterId: r.C2, unitId: u('U1'), year: 2023, role: E('LEADER') });

  await add('R1', 'AnnualRating', { unitId: u('G1'), year: 2023, level: E('EXCELLENT'), score: 95 });
  await add('R2', 'AnnualRating', { unitId: u('G2'), year: 2023, level: E('GOOD'), score: 82 });
  await add('R3', 'AnnualRating', { unitId: u('T1'), year: 2022, level: E('GOOD') });
  await add('R4', 'AnnualRating', { unitId: u('G3'), year: 2020, level: E('COMPLETED'), score: 61 });

  const ind = async (code: string) => indicatorId(sys(), code);
  await add('T1', 'Target', { unitId: u('U1'), year: 2022, indicatorId: await ind('NEW_MEMBERS'), source: E('ASSIGNED_PLAN'), planned: 1200, actual: 2202, reportedRate: 184 });
  await add('T2', 'Target', { unitId: u('U1'), year: 2022, indicatorId: await ind('NEW_GRASSROOTS'), source: E('ASSIGNED_PLAN'), planned: 9, actual: 12 });
  await add('T3', 'Target', { unitId: u('G1'), year: 2023, indicatorId: await ind('NEW_MEMBERS'), source: E('ANNUAL_PROGRAMME'), planned: 20 });
  await add('T4', 'Target', { unitId: u('G4'), year: 2023, indicatorId: await ind('EXCELLENT_MEMBERS_RATE'), source: E('CONGRESS_RESOLUTION'), planned: 90, actual: 85 });

  await add('W1', 'WelfareRecord', { unitId: u('G1'), memberId: id.member('hoa'), date: '2023-02-10', kind: E('SICKNESS'), count: 1, amount: 1_000_000 });
  await add('W2', 'WelfareRecord', { unitId: u('T1'), date: '2024-01-20', kind: E('TET_GIFT'), count: 27, amount: 13_500_000 });
  await add('W3', 'WelfareRecord', { unitId: u('U1'), date: '2023-07-27', kind: E('POLICY_FAMILY'), count: 30, amount: 30_000_000 });
  await add('W4', 'WelfareRecord', { unitId: u('G4'), date: '2023-12-01', kind: E('HARDSHIP'), count: 20, amount: 6_000_000 });

  await add('I1', 'Initiative', { unitId: u('G1'), title: 'Phần mềm quản lý đoàn viên', year: 2023, status: E('APPLIED'), benefit: 150_000_000, authorMemberIds: [id.member('hoa'), id.member('duc')] });
  await add('I2', 'Initiative', { unitId: u('U1'), title: 'Cải tiến quy trình thăm hỏi', year: 2022, status: E('RECOGNIZED'), benefit: 80_000_000, authorMemberIds: [id.member('mai')] });
  await add('I3', 'Initiative', { unitId: u('G4'), title: 'Sổ tay điện tử', year: 2023, status: E('REGISTERED'), authorMemberIds: [id.member('thu')] });

  await add('K1', 'Congress', { unitId: u('G1'), heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 127, attendedCount: 102, motto: 'Đổi mới - Dân chủ - Đoàn kết – Trách nhiệm' });
  await add('K2', 'Congress', { unitId: u('U1'), heldOn: '2022-10-20', termStartYear: 2022, termEndYear: 2027, form: E('DELEGATE'), convenedCount: 150, attendedCount: 148 });
  await add('S1', 'CommitteeSeat', { congressId: r.K1, memberId: id.member('binh'), position: E('CHAIR') });
  await add('S2', 'CommitteeSeat', { congressId: r.K1, memberId: id.member('hoa'), position: E('DELEGATE') });
  await add('S3', 'CommitteeSeat', { congressId: r.K2, memberId: id.member('mai'), position: E('BCH_MEMBER') });
}, 120_000);
afterAll(() => t?.stop());

/** The letter that names each list's records above (ids are per table). */
const PREFIX: Record<string, string> = {
  EmulationMovements: 'M', EmulationClusters: 'C', ClusterEntries: 'E', AnnualRatings: 'R', Targets: 'T', WelfareRecords: 'W', Initiatives: 'I', Congresses: 'K', CommitteeSeats: 'S',
};
/** The names of the records a list answers, in its order (records of this file only). */
async function listed(who: Api, plural: string, args: string): Promise<string[]> {
  const byId = new Map(Object.entries(r).filter(([k]) => k.startsWith(PREFIX[plural])).map(([k, v]) => [v, k]));
  const d = await who.q(`{ rows: all${plural}${args ? `(${args})` : ''} { id } }`);
  return d.rows.map((x: { id: string }) => byId.get(x.id)).filter((x: string | undefined) => x !== undefined);
}
const sorted = (xs: string[]) => [...xs].sort();
const u = (x: Unit) => id.unit(x);

describe('filters by parent and ancestor ids', () => {
  it.each([
    ['EmulationMovements', 'filter: { federationId: [F1] }', () => `filter: { federationId: ["${u('F1')}"] }`, ['M1', 'M2', 'M3']],
    ['EmulationMovements', 'filter: { unionId: [U1] }', () => `filter: { unionId: ["${u('U1')}"] }`, ['M2', 'M3']],
    ['EmulationMovements', 'filter: { grassrootsUnionId: [G1] }', () => `filter: { grassrootsUnionId: ["${u('G1')}"] }`, ['M3']],
    ['EmulationMovements', 'filter: { launchedByUnitId: [U1, G4] }', () => `filter: { launchedByUnitId: ["${u('U1')}", "${u('G4')}"] }`, ['M2', 'M4']],
    ['EmulationClusters', 'filter: { organizingUnitId: [F1] }', () => `filter: { organizingUnitId: ["${u('F1')}"] }`, ['C2']],
    ['ClusterEntries', 'filter: { clusterId: [C1] }', () => `filter: { clusterId: ["${r.C1}"] }`, ['E1', 'E2', 'E3']],
    ['ClusterEntries', 'filter: { unitId: [G1] }', () => `filter: { unitId: ["${u('G1')}"] }`, ['E1', 'E3']],
    ['AnnualRatings', 'filter: { unionId: [U1] }', () => `filter: { unionId: ["${u('U1')}"] }`, ['R1', 'R2', 'R3']],
    ['AnnualRatings', 'filter: { appraisedByUnitId: [F1] }', () => `filter: { appraisedByUnitId: ["${u('F1')}"] }`, ['R4']],
    ['AnnualRatings', 'filter: { grassrootsUnionId: [G1] }', () => `filter: { grassrootsUnionId: ["${u('G1')}"] }`, ['R1', 'R3']],
    ['Targets', 'filter: { unitId: [U1] }', () => `filter: { unitId: ["${u('U1')}"] }`, ['T1', 'T2']],
    ['Targets', 'filter: { federationId: [F2] }', () => `filter: { federationId: ["${u('F2')}"] }`, ['T4']],
    ['WelfareRecords', 'filter: { grassrootsUnionId: [G1] }', () => `filter: { grassrootsUnionId: ["${u('G1')}"] }`, ['W1', 'W2']],
    ['WelfareRecords', 'filter: { teamId: [T1] }', () => `filter: { teamId: ["${u('T1')}"] }`, ['W2']],
    ['Initiatives', 'filter: { unionId: [U1] }', () => `filter: { unionId: ["${u('U1')}"] }`, ['I1', 'I2']],
    ['Congresses', 'filter: { grassrootsUnionId: [G1] }', () => `filter: { grassrootsUnionId: ["${u('G1')}"] }`, ['K1']],
    ['CommitteeSeats', 'filter: { congressId: [K1] }', () => `filter: { congressId: ["${r.K1}"] }`, ['S1', 'S2']],
    ['AnnualRatings', 'filter: { teamId: [T1] }', () => `filter: { teamId: ["${u('T1')}"] }`, ['R3']],
    ['CommitteeSeats', 'filter: { unionId: [U1] }', () => `filter: { unionId: ["${u('U1')}"] }`, ['S1', 'S2', 'S3']],
    ['CommitteeSeats', 'filter: { grassrootsUnionId: [G1] }', () => `filter: { grassrootsUnionId: ["${u('G1')}"] }`, ['S1', 'S2']],
  ])('all%s(%s)', async (plural, _label, args, want) => {
    expect(sorted(await listed(sys(), plural, args()))).toEqual(sorted(want));
  });

  it('a parent filter never reaches past the caller’s scope', async () => {
    expect(sorted(await listed(api.fedAdmin2, 'EmulationMovements', `filter: { federationId: ["${u('F1')}"] }`))).toEqual([]);
    expect(sorted(await listed(api.chair, 'Targets', `filter: { unionId: ["${u('U1')}"] }`))).toEqual(['T3']);
    expect(sorted(await listed(api.analystF1, 'WelfareRecords', ''))).toEqual(['W1', 'W2', 'W3']);
  });
});

describe('ranges on dates and numbers, and plain fields', () => {
  it.each([
    ['EmulationMovements', `filter: { startsOn_gte: "2024-01-01" }`, ['M1', 'M2']],
    ['EmulationMovements', `filter: { startsOn_lt: "2024-01-01" }`, ['M3', 'M4']],
    ['EmulationMovements', `filter: { endsOn_lte: "2024-07-28" }`, ['M2', 'M3']],
    ['EmulationMovements', `filter: { kind: [THEMATIC] }`, ['M3', 'M4']],
    ['ClusterEntries', `filter: { year: [2023], score_gt: 75 }`, ['E1', 'E2']],
    ['ClusterEntries', `filter: { year_lte: 2022 }`, ['E3']],
    ['ClusterEntries', `filter: { role: [LEADER], leading: true }`, ['E1']],
    ['AnnualRatings', `filter: { year_gte: 2022, year_lt: 2024 }`, ['R1', 'R2', 'R3']],
    ['AnnualRatings', `filter: { level: [EXCELLENT, GOOD], score_gte: 90 }`, ['R1']],
    ['Targets', `filter: { planned_gte: 20, actual_lt: 2000 }`, ['T4']],
    ['Targets', `filter: { source: [ASSIGNED_PLAN], year: [2022] }`, ['T1', 'T2']],
    ['WelfareRecords', `filter: { date_gte: "2023-01-01", date_lt: "2024-01-01" }`, ['W1', 'W3', 'W4']],
    ['WelfareRecords', `filter: { year: [2024] }`, ['W2']],
    ['WelfareRecords', `filter: { amount_gte: 10000000, count_gte: 25 }`, ['W2', 'W3']],
    ['WelfareRecords', `filter: { kind: [SICKNESS, HARDSHIP] }`, ['W1', 'W4']],
    ['Initiatives', `filter: { benefit_gte: 80000000, status: [APPLIED, RECOGNIZED] }`, ['I1', 'I2']],
    ['Initiatives', `filter: { year_gt: 2022 }`, ['I1', 'I3']],
    ['Congresses', `filter: { heldOn_gte: "2023-01-01" }`, ['K1']],
    ['Congresses', `filter: { termStartYear: [2022], form: [DELEGATE] }`, ['K2']],
    ['CommitteeSeats', `filter: { position: [CHAIR, BCH_MEMBER] }`, ['S1', 'S3']],
  ])('all%s(%s)', async (plural, args, want) => {
    expect(sorted(await listed(sys(), plural, args))).toEqual(sorted(want));
  });

  it('indicators filter by code, unit and aggregation; thresholds by code and date', async () => {
    const codes = async (args: string) => (await sys().q(`{ allIndicators(${args}, perPage: 1000) { code } }`)).allIndicators.map((i: { code: string }) => i.code).sort();
    expect(await codes(`filter: { code: ["PARTY_ADMISSIONS", "PARTY_REFERRALS"] }`)).toEqual(['PARTY_ADMISSIONS', 'PARTY_REFERRALS']);
    const rates = await codes(`filter: { unit: [PERCENT] }`);
    expect(rates.length).toBeGreaterThan(5);
    expect(rates.every((c: string) => c.endsWith('_RATE'))).toBe(true);
    expect(await codes(`filter: { unit: [PERCENT], aggregation: [SUM] }`)).toEqual([]);
    const t = await sys().q(`{ allRuleThresholds(filter: { code: ["CONGRESS_QUORUM"], effectiveFrom_lte: "2020-01-01" }) { code value } }`);
    expect(t.allRuleThresholds).toEqual([{ code: 'CONGRESS_QUORUM', value: 2 / 3 }]);
  });
});

describe('q: every word, ignoring case and Vietnamese diacritics (đ = d), on names and titles', () => {
  it.each([
    ['EmulationMovements', 'lao dong gioi', ['M1']],
    ['EmulationMovements', 'LAO ĐỘNG', ['M1', 'M3']],
    ['EmulationMovements', 'dam', ['M3', 'M4']],
    ['EmulationMovements', 'ky niem', ['M2']],
    ['EmulationMovements', 'cong doan viet nam', ['M2']],
    ['EmulationMovements', 'thi dua khong co', []],
    ['EmulationClusters', 'khoi nganh', ['C2']],
    ['EmulationClusters', 'cum so', ['C1']],
    ['Initiatives', 'quan ly doan vien', ['I1']],
    ['Initiatives', 'QUY TRÌNH', ['I2']],
    ['Initiatives', 'so tay dien tu', ['I3']],
  ])('all%s(q: %j)', async (plural, q, want) => {
    expect(sorted(await listed(sys(), plural, `filter: { q: ${JSON.stringify(q)} }`))).toEqual(sorted(want));
  });

  it('indicators by words of their name or code', async () => {
    const codes = async (q: string) => (await sys().q(`query($q: String) { allIndicators(filter: { q: $q }) { code } }`, { q })).allIndicators.map((i: { code: string }) => i.code).sort();
    expect(await codes('ket nap dang')).toEqual(['PARTY_ADMISSIONS', 'PARTY_REFERRALS']);
    expect(await codes('mái ấm')).toEqual(['MAI_AM_FUND']);
    expect(await codes('workplace_dialogues')).toEqual(['WORKPLACE_DIALOGUES']);
  });

  it('q stays inside the scope', async () => {
    expect(await listed(api.fedAdmin2, 'EmulationMovements', `filter: { q: "dam" }`)).toEqual(['M4']);
    expect(await listed(api.chair, 'Initiatives', `filter: { q: "quy trinh" }`)).toEqual([]);
  });
});

describe('sort and pages', () => {
  it('sorts by a field either way, pages through, and counts the whole list', async () => {
    const args = (page: number, order = 'ASC') => `sortField: "startsOn", sortOrder: "${order}", page: ${page}, perPage: 2`;
    expect(await listed(sys(), 'EmulationMovements', args(0))).toEqual(['M4', 'M3']);
    expect(await listed(sys(), 'EmulationMovements', args(1))).toEqual(['M1', 'M2']);
    expect(await listed(sys(), 'EmulationMovements', args(2))).toEqual([]);
    expect(await listed(sys(), 'EmulationMovements', args(0, 'DESC'))).toEqual(['M2', 'M1']);
    expect((await sys().q(`{ _allEmulationMovementsMeta { count } }`))._allEmulationMovementsMeta.count).toBe(4);
    expect(await listed(sys(), 'WelfareRecords', `sortField: "amount", sortOrder: "DESC"`)).toEqual(['W3', 'W2', 'W4', 'W1']);
    expect(await listed(sys(), 'ClusterEntries', `filter: { clusterId: ["${r.C1}"] }`)).toEqual(['E1', 'E2', 'E3']);
    expect(await listed(sys(), 'Targets', `sortField: "planned", sortOrder: "ASC"`)).toEqual(['T2', 'T3', 'T4', 'T1']);
    expect(await listed(sys(), 'AnnualRatings', `sortField: "year", sortOrder: "ASC", perPage: 1`)).toEqual(['R4']);
  });

  it('a page larger than the cap, or a sort by a field that is not a column, is BAD_USER_INPUT naming it', async () => {
    expect(answer(await run(sys(), `{ allTargets(perPage: 100000) { id } }`))).toBe('BAD_USER_INPUT perPage');
    expect(answer(await run(sys(), `{ allTargets(sortField: "rate") { id } }`))).toBe('BAD_USER_INPUT sortField');
    expect(answer(await run(sys(), `{ allWelfareRecords(sortField: "nope") { id } }`))).toBe('BAD_USER_INPUT sortField');
  });
});

describe('moveUnit: a unit’s year records go with it', () => {
  const G1_RECORDS: [string, string][] = [
    ['EmulationMovement', 'M3'], ['AnnualRating', 'R1'], ['AnnualRating', 'R3'], ['Target', 'T3'], ['WelfareRecord', 'W1'], ['WelfareRecord', 'W2'],
    ['Initiative', 'I1'], ['Congress', 'K1'], ['CommitteeSeat', 'S1'], ['CommitteeSeat', 'S2'],
  ];
  const reads = async (who: Api) => {
    const out: Record<string, string> = {};
    for (const [type, name] of G1_RECORDS) out[name] = answer(await run(who, `{ x: ${type}(id: "${r[name]}") { id } }`))!;
    return out;
  };
  const all = (v: string) => Object.fromEntries(G1_RECORDS.map(([, n]) => [n, v]));

  it('G1 moves from U1 (F1) to directly under F2: F2’s admin reads its records, F1’s and U1’s no longer do; its chair still does', async () => {
    expect(await reads(api.fedAdmin)).toEqual(all('OK'));
    expect(await reads(api.fedAdmin2)).toEqual(all('NOT_FOUND'));
    const moved = await run(sys(), `mutation { moveUnit(id: "${u('G1')}", parentId: "${u('F2')}") { __typename } }`);
    expect(answer(moved)).toBe('OK');
    expect(await reads(api.fedAdmin2)).toEqual(all('OK'));
    expect(await reads(api.fedAdmin)).toEqual(all('NOT_FOUND'));
    expect(await reads(api.unionAdmin)).toEqual(all('NOT_FOUND'));
    expect(await reads(api.analystF1)).toEqual(all('NOT_FOUND'));
    expect(await reads(api.chair)).toEqual(all('OK'));
    // lists and ancestor filters see them in their new place
    expect(sorted(await listed(api.fedAdmin2, 'WelfareRecords', `filter: { federationId: ["${u('F2')}"] }`))).toEqual(['W1', 'W2', 'W4']);
    expect(sorted(await listed(api.fedAdmin, 'WelfareRecords', ''))).toEqual(['W3']);
    expect(await listed(sys(), 'Targets', `filter: { unionId: ["${u('U1')}"] }`)).toEqual(expect.not.arrayContaining(['T3']));
    const w = (await api.fedAdmin2.q(`{ WelfareRecord(id: "${r.W2}") { federationId unionId grassrootsUnionId teamId } }`)).WelfareRecord;
    expect(w).toEqual({ federationId: u('F2'), unionId: null, grassrootsUnionId: u('G1'), teamId: u('T1') });
  });

  it('after the move, the new level above rates G1 (the rating keeps who appraised it), and the old one no longer can', async () => {
    expect((await api.fedAdmin2.q(`{ AnnualRating(id: "${r.R1}") { appraisedByUnitId } }`)).AnnualRating.appraisedByUnitId).toBe(u('U1'));
    expect(answer(await run(api.unionAdmin, `mutation { updateAnnualRating(id: "${r.R1}", level: GOOD) { id } }`))).toBe('NOT_FOUND');
    expect(answer(await create(api.fedAdmin2, 'AnnualRating', { unitId: u('G1'), year: 2024, level: E('GOOD') }))).toBe('OK');
    const upd = await run(api.fedAdmin2, `mutation { updateAnnualRating(id: "${r.R1}", score: 96) { score appraisedByUnitId } }`);
    expect(upd.ok && upd.data.updateAnnualRating).toEqual({ score: 96, appraisedByUnitId: u('F2') });
  });

  it('the audit rows of its records follow it too', async () => {
    const q = `{ allAuditEvents(filter: { entityType: ["WelfareRecord"], entityId: ["${r.W1}"] }) { action } }`;
    expect((await api.fedAdmin2.q(q)).allAuditEvents).toEqual([{ action: 'CREATE' }]);
    expect((await api.fedAdmin.q(q)).allAuditEvents).toEqual([]);
  });

  it('an entry in a cluster stays with the cluster’s organiser: it was in that cluster that year', async () => {
    expect(answer(await run(api.unionAdmin, `{ ClusterEntry(id: "${r.E1}") { id unitId } }`))).toBe('OK');
    expect(answer(await run(api.unionAdmin, `mutation { updateClusterEntry(id: "${r.E1}", score: 93) { id } }`))).toBe('OK');
    expect(answer(await run(api.fedAdmin2, `{ ClusterEntry(id: "${r.E1}") { id } }`))).toBe('NOT_FOUND');
  });
});
