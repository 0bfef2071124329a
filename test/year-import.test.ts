import { Api, startTestServer, TestServer } from './support/harness';
import type { AccountName } from './support/fixture';
import { auditOf, countAll, ids, run, signInAll } from './support/year';

/**
 * importTargets / importWelfareRecords: the panel's Excel import of the year's records. All or
 * nothing in one transaction (a bad row refuses the whole sheet and writes nothing), each row
 * through the checks of the single create (scope, rules, uniqueness) with its row, field and
 * code reported, every written row audited as IMPORT, scoped as createTarget is.
 */

let t: TestServer;
let api: Record<AccountName, Api>;
let id: ReturnType<typeof ids>;

beforeAll(async () => {
  t = await startTestServer();
  api = await signInAll(t);
  id = ids(t);
});
afterAll(() => t?.stop());

const IMPORT_TARGETS = `mutation($u: ID!, $rows: [TargetImportRow!]!, $dry: Boolean) {
  importTargets(unitId: $u, rows: $rows, dryRun: $dry) { total valid imported errors { row column code message } }
}`;
const IMPORT_WELFARE = `mutation($u: ID!, $rows: [WelfareImportRow!]!, $dry: Boolean) {
  importWelfareRecords(unitId: $u, rows: $rows, dryRun: $dry) { total valid imported errors { row column code message } }
}`;

const targets = (unit: string) => countAll(api.sysadmin, 'Target', 'Targets', { unitId: [unit] });
const welfare = (unit: string) => countAll(api.sysadmin, 'WelfareRecord', 'WelfareRecords', { unitId: [unit] });

describe('importTargets', () => {
  const good = [
    { rowNumber: 2, year: 2024, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: 40, actual: 46 },
    { rowNumber: 3, year: 2024, indicatorCode: 'mai_am_fund', source: 'ASSIGNED_PLAN', planned: 2516.1, actual: 2529.554, reportedRate: 100.5, note: 'triệu đồng' },
  ];

  test('one bad row refuses the sheet: every error reported by row, field and code, nothing written', async () => {
    const unit = id.unit('G1');
    const before = await targets(unit);
    const rows = [
      ...good,
      { rowNumber: 4, year: 2024, indicatorCode: 'NO_SUCH', source: 'ANNUAL_PROGRAMME', planned: 1 },
      { rowNumber: 5, year: 2024, indicatorCode: 'PARTY_ADMISSIONS', source: 'ANNUAL_PROGRAMME', planned: 0 },
      // the same target twice in one sheet: the second is a conflict, as a second createTarget would be
      { rowNumber: 6, year: 2024, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: 10 },
    ];
    const r = (await api.chair.q(IMPORT_TARGETS, { u: unit, rows })).importTargets;
    expect(r).toMatchObject({ total: 5, valid: 2, imported: 0 });
    expect(r.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([
      [4, 'indicatorCode', 'BAD_USER_INPUT'],
      [5, 'planned', 'BAD_USER_INPUT'],
      [6, '', 'CONFLICT'],
    ]);
    expect(await targets(unit)).toBe(before);
  });

  test('a dry run checks and writes nothing; the good sheet is written whole, with the computed rate, each row audited', async () => {
    const unit = id.unit('G1');
    const before = await targets(unit);
    const dry = (await api.chair.q(IMPORT_TARGETS, { u: unit, rows: good, dry: true })).importTargets;
    expect(dry).toEqual({ total: 2, valid: 2, imported: 0, errors: [] });
    expect(await targets(unit)).toBe(before);

    const r = (await api.chair.q(IMPORT_TARGETS, { u: unit, rows: good })).importTargets;
    expect(r).toEqual({ total: 2, valid: 2, imported: 2, errors: [] });
    const rows = (await api.chair.q(`query($u: [ID!]) { allTargets(filter: { unitId: $u, year: [2024] }, sortField: "id", sortOrder: "ASC") { id planned actual rate status reportedRate indicator { code } } }`, { u: [unit] })).allTargets;
    expect(rows.map((x: any) => [x.indicator.code, x.planned, x.actual, x.rate, x.status, x.reportedRate])).toEqual([
      ['NEW_MEMBERS', 40, 46, 115, 'EXCEEDED', null],
      ['MAI_AM_FUND', 2516.1, 2529.554, 100.53, 'EXCEEDED', 100.5],
    ]);
    for (const x of rows) expect((await auditOf(api.sysadmin, 'Target', x.id)).map((a) => a.action)).toEqual(['IMPORT']);
  });

  test('scoped as createTarget: another grassroots union’s chair meets NOT_FOUND on every row and writes nothing; analysts are refused', async () => {
    const unit = id.unit('G1');
    const before = await targets(unit);
    const rows = [{ year: 2023, indicatorCode: 'WELFARE_VISITS', source: 'ANNUAL_PROGRAMME', planned: 5 }];
    const r = (await api.chair4.q(IMPORT_TARGETS, { u: unit, rows })).importTargets;
    expect(r.errors.map((e: any) => [e.row, e.code])).toEqual([[2, 'NOT_FOUND']]);
    expect(r.imported).toBe(0);
    const refused = await run(api.analyst, `mutation($u: ID!, $rows: [TargetImportRow!]!) { importTargets(unitId: $u, rows: $rows) { imported } }`, { u: unit, rows });
    expect(refused.ok ? 'OK' : refused.code).toBe('FORBIDDEN');
    expect(await targets(unit)).toBe(before);
  });
});

describe('importWelfareRecords', () => {
  test('a future date refuses the sheet; the good sheet lands whole and is audited', async () => {
    const unit = id.unit('U1');
    const before = await welfare(unit);
    const good = [
      { rowNumber: 2, date: '2024-02-01', kind: 'TET_GIFT', count: 27, amount: 13_500_000, fundSource: 'UNION_FINANCE' },
      { rowNumber: 3, date: '2024-05-10', kind: 'SICKNESS', count: 3, amount: 1_500_000 },
    ];
    const bad = (await api.unionAdmin.q(IMPORT_WELFARE, { u: unit, rows: [...good, { rowNumber: 4, date: '2999-01-01', kind: 'WEDDING', count: 1, amount: 500_000 }] })).importWelfareRecords;
    expect(bad).toMatchObject({ total: 3, valid: 2, imported: 0 });
    expect(bad.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([[4, 'date', 'BAD_USER_INPUT']]);
    expect(await welfare(unit)).toBe(before);

    const r = (await api.unionAdmin.q(IMPORT_WELFARE, { u: unit, rows: good })).importWelfareRecords;
    expect(r).toEqual({ total: 2, valid: 2, imported: 2, errors: [] });
    expect(await welfare(unit)).toBe(before + 2);
    const written = (await api.sysadmin.q(`query($u: [ID!]) { allWelfareRecords(filter: { unitId: $u }, sortField: "id", sortOrder: "DESC", perPage: 2) { id } }`, { u: [unit] })).allWelfareRecords;
    for (const w of written) expect((await auditOf(api.sysadmin, 'WelfareRecord', w.id)).map((a) => a.action)).toEqual(['IMPORT']);
  });
});
