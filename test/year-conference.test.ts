import { Api, startTestServer, TestServer } from './support/harness';
import { answer, auditOf, countAll, create, ids, readBack, remove, run, update } from './support/year';

/**
 * YearEndConference (hội nghị tổng kết năm), the worked example of a resource on the kit: its CRUD
 * grammar in and out of scope, its refusals with their codes, its audit rows, its `unit` edge.
 */
let t: TestServer;
let sys: Api, chair: Api, chair4: Api, unionAdmin: Api, analyst: Api;
let id: ReturnType<typeof ids>;
const SELECT = 'id unitId year heldOn attendees note grassrootsUnionId unit { ... on GrassrootsUnion { id name } ... on Team { id name } }';
const args = (unit: string, over: Record<string, unknown> = {}) => ({ unitId: unit, year: 2025, heldOn: '2026-01-16', attendees: 42, ...over });

beforeAll(async () => {
  t = await startTestServer();
  id = ids(t);
  [sys, chair, chair4, unionAdmin, analyst] = await Promise.all(['sysadmin', 'chair', 'chair4', 'unionAdmin', 'analyst'].map((r) => t.as(r as 'chair')));
}, 120_000);
afterAll(() => t?.stop());

describe('YearEndConference', () => {
  let g1: string;

  it('a chair records its own unit’s conference; it is located there and its unit edge reads the unit', async () => {
    const o = await create(chair, 'YearEndConference', args(id.unit('G1'), { note: ' Tổng kết công tác công đoàn năm 2025 ' }), SELECT);
    expect(answer(o)).toBe('OK');
    g1 = o.id!;
    const row = o.ok ? o.data.x : null;
    expect(row).toMatchObject({ unitId: id.unit('G1'), year: 2025, heldOn: '2026-01-16', attendees: 42, note: 'Tổng kết công tác công đoàn năm 2025', grassrootsUnionId: id.unit('G1') });
    expect(row.unit).toEqual({ id: id.unit('G1'), name: t.fx.G1.name });
  });

  it('its own level and below: a chair also writes a team’s, a union admin a grassroots union’s', async () => {
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('T1'))))).toBe('OK');
    expect(answer(await create(unionAdmin, 'YearEndConference', args(id.unit('G2'))))).toBe('OK');
  });

  it('out of scope: another unit does not exist for the caller, an ancestor is visible but not written, analysts write nothing', async () => {
    const before = await countAll(sys, 'YearEndConference', 'YearEndConferences');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G2'), { year: 2024 })))).toBe('NOT_FOUND unitId');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('U1'))))).toBe('FORBIDDEN unitId');
    expect(answer(await create(analyst, 'YearEndConference', args(id.unit('G1'), { year: 2024 })))).toBe('FORBIDDEN');
    expect(await countAll(sys, 'YearEndConference', 'YearEndConferences')).toBe(before);
    // chair4 (G4, the other federation) neither reads nor writes G1's record
    expect(answer(await run(chair4, `query { x: YearEndConference(id: "${g1}") { id } }`))).toBe('NOT_FOUND');
    expect((await chair4.q('query { allYearEndConferences { id } }')).allYearEndConferences).toEqual([]);
    expect(answer(await update(chair4, 'YearEndConference', g1, { attendees: 1 }))).toBe('NOT_FOUND');
    expect(answer(await remove(chair4, 'YearEndConference', g1))).toBe('NOT_FOUND');
    expect((await readBack(sys, 'YearEndConference', g1, 'attendees')).attendees).toBe(42);
  });

  it('lists by scope and filter; analysts read every record', async () => {
    const list = async (a: Api, filter: Record<string, unknown> = {}) =>
      ((await a.q('query($f: YearEndConferenceFilter) { allYearEndConferences(filter: $f, sortField: "id", sortOrder: "ASC") { unitId } }', { f: filter }))
        .allYearEndConferences as { unitId: string }[]).map((r) => r.unitId);
    expect(await list(chair)).toEqual([id.unit('G1'), id.unit('T1')]);
    expect(await list(unionAdmin)).toEqual([id.unit('G1'), id.unit('T1'), id.unit('G2')]);
    expect(await list(analyst, { grassrootsUnionId: [id.unit('G1')] })).toEqual([id.unit('G1'), id.unit('T1')]);
    expect(await list(sys, { year: [2024] })).toEqual([]);
  });

  it('refuses what its rules refuse, naming the field', async () => {
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G1'))))).toBe('CONFLICT');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G1'), { year: 2024, heldOn: '2023-12-30' })))).toBe('BAD_USER_INPUT heldOn');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G1'), { year: 2024, heldOn: '2025-02-30' })))).toBe('BAD_USER_INPUT heldOn');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G1'), { year: 2024, heldOn: '2025-01-10', attendees: -1 })))).toBe('BAD_USER_INPUT attendees');
    expect(answer(await create(chair, 'YearEndConference', args(id.unit('G1'), { year: 2999 })))).toBe('BAD_USER_INPUT year');
  });

  it('updates and deletes in scope, each write with its audit row at the unit', async () => {
    expect(answer(await update(chair, 'YearEndConference', g1, { attendees: 57 }))).toBe('OK');
    expect((await readBack(sys, 'YearEndConference', g1, 'attendees')).attendees).toBe(57);
    expect(answer(await remove(chair, 'YearEndConference', g1))).toBe('OK');
    expect(await readBack(sys, 'YearEndConference', g1, 'id')).toBeNull();
    const audit = await auditOf(sys, 'YearEndConference', g1);
    expect(audit.map((a) => [a.action, a.unitId])).toEqual([
      ['CREATE', id.unit('G1')],
      ['UPDATE', id.unit('G1')],
      ['DELETE', id.unit('G1')],
    ]);
  });

  it('follows its unit when the unit moves (moveUnit maintains the located table)', async () => {
    expect(answer(await run(unionAdmin, `mutation { moveUnit(id: "${id.unit('T1')}", parentId: "${id.unit('G2')}") { ... on Team { id } } }`))).toBe('OK');
    const rows = (await sys.q('query($f: YearEndConferenceFilter) { allYearEndConferences(filter: $f) { grassrootsUnionId } }', { f: { unitId: [id.unit('T1')] } }))
      .allYearEndConferences;
    expect(rows).toEqual([{ grassrootsUnionId: id.unit('G2') }]);
    expect((await chair.q('query { allYearEndConferences { unitId } }')).allYearEndConferences).toEqual([]);
  });
});
