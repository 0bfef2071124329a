/**
 * Commendation decisions (AwardDecision): awards grouped by deciding unit, year and number inside
 * the caller's scope, on MariaDB and on SQLite (the embedded demo's database). Counts equal
 * `_allAwardsMeta` of the same decision for the same caller; a chair sees the decisions naming
 * someone of its subtree, counting those only; ids are opaque and parsed strictly.
 */
import { Api, startTestServer, TestServer } from './support/harness';
import { createAndSubmit, freshMember, RECORD, review, reviewMany, S, setup, YEAR } from './support/nominations';

const FIELDS = 'id decisionNumber decidedAt year decidingUnitId awardCount';
const LIST = `query($filter: AwardDecisionFilter, $sortField: String, $sortOrder: String, $page: Int, $perPage: Int) {
  allAwardDecisions(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, page: $page, perPage: $perPage) { ${FIELDS} }
  _allAwardDecisionsMeta(filter: $filter) { count } }`;
const ONE = `query($id: ID!) { AwardDecision(id: $id) { ${FIELDS} } }`;
const AWARDS = `{ allAwards(perPage: 1000) { decidingUnitId year decisionNumber } }`;

interface Decision {
  id: string;
  decisionNumber: string;
  decidedAt: string;
  year: number;
  decidingUnitId: string | null;
  awardCount: number;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const keyOf = (d: { decidingUnitId: string | null; year: number; decisionNumber: string }) => `${d.decidingUnitId ?? '-'}|${d.year}|${d.decisionNumber}`;

describe.each(['mysql', 'sqlite'] as const)('commendation decisions (%s)', (dialect) => {
  let t: TestServer;
  let a: S;
  /** the decisions made below, by name */
  const d = {} as Record<'u1' | 'u1g2' | 'g1' | 'g4' | 'conf', { number: string; unit: string | null; year: number }>;
  const CONF_NUMBER = '77/QĐ-TLĐ';
  const CONF_DATE = `${YEAR - 1}-06-15`;

  const list = async (api: Api, vars: Record<string, unknown> = {}) => {
    const r = await api.q(LIST, vars);
    return { rows: r.allAwardDecisions as Decision[], count: r._allAwardDecisionsMeta.count as number };
  };
  const find = (rows: Decision[], which: keyof typeof d) => rows.find((r) => r.decisionNumber === d[which].number && r.year === d[which].year);

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    a = await setup(t);
    // U1 decides three Giấy khen in one call: two for G1's members, one for G2's.
    const g1a = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id, t.fx.T1.id) });
    const g1b = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id) });
    const g2 = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G2.id), nominatingUnitId: t.fx.G2.id });
    const res = await reviewMany(a, a.unionAdminB, [g1a.id, g1b.id, g2.id], 'APPROVE');
    expect(res.map((r: any) => r.ok)).toEqual([true, true, true]);
    const u1 = res[0].nomination.award;
    expect(res.map((r: any) => r.nomination.award.decisionNumber)).toEqual([u1.decisionNumber, u1.decisionNumber, u1.decisionNumber]);
    d.u1 = { number: u1.decisionNumber, unit: String(t.fx.U1.id), year: YEAR };
    // U1 again, another call: a decision naming only G2's member (nobody of G1)
    const g2b = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G2.id), nominatingUnitId: t.fx.G2.id });
    d.u1g2 = { number: (await review(a.unionAdminB, g2b.id, 'APPROVE')).award.decisionNumber, unit: String(t.fx.U1.id), year: YEAR };
    // G1's own decision, last year
    const own = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: YEAR - 1 });
    d.g1 = { number: (await review(a.chairB, own.id, 'APPROVE')).award.decisionNumber, unit: String(t.fx.G1.id), year: YEAR - 1 };
    // G4's, in the other federation
    const g4 = await createAndSubmit(a.chair4, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G4.id, t.fx.T3.id) });
    d.g4 = { number: (await review(a.sys, g4.id, 'APPROVE')).award.decisionNumber, unit: String(t.fx.G4.id), year: YEAR };
    // the confederation's, recorded by the federation with its own number and date
    const conf = await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: await freshMember(a, t.fx.G1.id) });
    await review(a.unionAdmin, conf.id, 'APPROVE');
    await review(a.fedAdmin, conf.id, 'APPROVE');
    await a.fedAdminB.q(RECORD, { id: conf.id, ok: true, no: CONF_NUMBER, at: CONF_DATE });
    d.conf = { number: CONF_NUMBER, unit: null, year: YEAR };
  }, 180_000);
  afterAll(() => t?.stop());

  it('lists each decision once with its number, date, year, deciding unit and count', async () => {
    const { rows, count } = await list(a.sys);
    expect(count).toBe(rows.length);
    expect(find(rows, 'u1')).toMatchObject({ decidingUnitId: String(t.fx.U1.id), year: YEAR, awardCount: 3, decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(find(rows, 'u1g2')).toMatchObject({ awardCount: 1 });
    expect(find(rows, 'g1')).toMatchObject({ decidingUnitId: String(t.fx.G1.id), year: YEAR - 1, awardCount: 1 });
    expect(find(rows, 'conf')).toMatchObject({ decidingUnitId: null, decidedAt: CONF_DATE, awardCount: 1 });
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // newest first by default
    const dates = rows.map((r) => r.decidedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each(['sys', 'fedAdmin', 'fedAdmin2', 'unionAdmin', 'chair', 'chair4', 'analyst', 'analystF1'] as const)(
    'as %s, every count equals the awards the same account lists for that decision (_allAwardsMeta)',
    async (who) => {
      const api = a[who];
      const { rows, count } = await list(api);
      expect(count).toBe(rows.length);
      const mine = new Map<string, number>();
      for (const w of (await api.q(AWARDS)).allAwards) mine.set(keyOf(w), (mine.get(keyOf(w)) ?? 0) + 1);
      expect(new Map(rows.map((r) => [keyOf(r), r.awardCount]))).toEqual(mine);
      for (const r of rows.filter((x) => x.decidingUnitId != null)) {
        const filter = { decidingUnitId: [r.decidingUnitId], year: [r.year], decisionNumber: [r.decisionNumber] };
        const meta = await api.q(`query($f: AwardFilter) { _allAwardsMeta(filter: $f) { count } }`, { f: filter });
        expect({ n: r.decisionNumber, count: meta._allAwardsMeta.count }).toEqual({ n: r.decisionNumber, count: r.awardCount });
        // and the single read says the same
        expect((await api.q(ONE, { id: r.id })).AwardDecision).toEqual(r);
      }
    },
  );

  it('scope from both sides: a chair counts its own subtree only; a unit outside its scope gives nothing', async () => {
    const sys = (await list(a.sys)).rows;
    const chair = (await list(a.chair)).rows;
    expect(find(chair, 'u1')).toMatchObject({ id: find(sys, 'u1')!.id, awardCount: 2 });
    expect(find(chair, 'g1')).toMatchObject({ awardCount: 1 });
    expect(find(chair, 'conf')).toMatchObject({ awardCount: 1 });
    // U1's decision naming only G2's member, and G4's, are not G1's chair's
    expect(find(chair, 'u1g2')).toBeUndefined();
    expect(find(chair, 'g4')).toBeUndefined();
    for (const which of ['u1g2', 'g4'] as const) expect(await a.chair.codeOf(ONE, { id: find(sys, which)!.id })).toBe('NOT_FOUND');
    expect(await list(a.chair, { filter: { decidingUnitId: [String(t.fx.G4.id)] } })).toEqual({ rows: [], count: 0 });
    // the union counts the whole decision; the other federation sees none of F1's
    expect(find((await list(a.unionAdmin)).rows, 'u1')).toMatchObject({ awardCount: 3 });
    const f2 = (await list(a.fedAdmin2)).rows;
    expect(f2.map((r) => r.decisionNumber)).toEqual([d.g4.number]);
    expect(await a.fedAdmin2.codeOf(ONE, { id: find(sys, 'u1')!.id })).toBe('NOT_FOUND');
    expect(await a.chair4.codeOf(ONE, { id: find(sys, 'conf')!.id })).toBe('NOT_FOUND');
  });

  it('each award names its decision: Award.decisionId is the id the decision is read by', async () => {
    const awards = (await a.chair.q('{ allAwards(perPage: 100) { id decisionNumber year decidingUnitId decisionId } }')).allAwards as Array<{ decisionNumber: string; year: number; decidingUnitId: string | null; decisionId: string }>;
    expect(awards.length).toBeGreaterThan(2);
    for (const w of awards) {
      const one = (await a.chair.q(ONE, { id: w.decisionId })).AwardDecision as Decision;
      expect({ n: one.decisionNumber, y: one.year, u: one.decidingUnitId }).toEqual({ n: w.decisionNumber, y: w.year, u: w.decidingUnitId });
    }
    // the two awards of G1 in U1's decision name the same decision
    const u1 = awards.filter((w) => w.decisionNumber === d.u1.number && w.year === d.u1.year);
    expect(u1).toHaveLength(2);
    expect(u1[0].decisionId).toBe(u1[1].decisionId);
  });

  it('analysts read decisions as they read awards; nobody signed out does', async () => {
    expect(find((await list(a.analyst)).rows, 'u1')).toMatchObject({ awardCount: 3 });
    expect((await list(a.analystF1)).rows.map((r) => r.decisionNumber)).not.toContain(d.g4.number);
    expect(await t.anon.codeOf(LIST)).toBe('UNAUTHENTICATED');
  });

  it('the confederation’s decision has no deciding unit and is read by its id', async () => {
    const conf = find((await list(a.fedAdmin)).rows, 'conf')!;
    expect(conf.decidingUnitId).toBeNull();
    expect((await a.fedAdmin.q(ONE, { id: conf.id })).AwardDecision).toEqual(conf);
    expect((await list(a.fedAdmin, { filter: { ids: [conf.id] } })).rows).toEqual([conf]);
  });

  it('a malformed or unknown id is NOT_FOUND (never an internal error); in an ids filter, it matches nothing', async () => {
    const u1 = find((await list(a.sys)).rows, 'u1')!;
    const bad = [
      '', 'x', '!!!', '12', `${u1.id}=`, `${u1.id}x`, u1.id.slice(0, -1), 'A'.repeat(5000),
      b64(`0${d.u1.unit}:${YEAR}:${d.u1.number}`), b64(`${d.u1.unit}:${YEAR % 100}:${d.u1.number}`), b64(`${d.u1.unit}:${YEAR}:`),
      b64(`${d.u1.unit}:${YEAR}:${d.u1.number}\u0000`), b64(`${d.u1.unit};${YEAR};${d.u1.number}`), b64('null:2024:1'),
    ];
    for (const id of bad) expect({ id: id.slice(0, 40), code: await a.sys.codeOf(ONE, { id }) }).toEqual({ id: id.slice(0, 40), code: 'NOT_FOUND' });
    // well formed, but no such decision: another year, another unit, another number
    for (const k of [`${d.u1.unit}:${YEAR - 5}:${d.u1.number}`, `${t.fx.G2.id}:${YEAR}:${d.u1.number}`, `${d.u1.unit}:${YEAR}:999/QĐ-U1`, `:${YEAR}:${d.u1.number}`]) {
      expect(await a.sys.codeOf(ONE, { id: b64(k) })).toBe('NOT_FOUND');
    }
    // in an ids filter (react-admin's references), such an id matches nothing
    expect(await list(a.sys, { filter: { ids: [u1.id, 'nonsense', '1', b64(`${t.fx.G2.id}:${YEAR}:${d.u1.number}`)] } })).toEqual({ rows: [u1], count: 1 });
    expect(await list(a.sys, { filter: { ids: ['1'] } })).toEqual({ rows: [], count: 0 });
    expect((await list(a.sys, { filter: { ids: [] } })).rows).toEqual([]);
  });

  it('sorts by date, year, number and count, in pages that never overlap; refuses what it cannot sort by', async () => {
    const all = (await list(a.sys)).rows;
    const byCount = (await list(a.sys, { sortField: 'awardCount', sortOrder: 'DESC' })).rows;
    expect(byCount[0]).toMatchObject({ decisionNumber: d.u1.number, awardCount: 3 });
    expect(byCount.map((r) => r.awardCount)).toEqual([...byCount.map((r) => r.awardCount)].sort((x, y) => y - x));
    const byYear = (await list(a.sys, { sortField: 'year', sortOrder: 'ASC' })).rows;
    expect(byYear[0].year).toBe(YEAR - 1);
    const byNumber = (await list(a.sys, { sortField: 'decisionNumber', sortOrder: 'ASC' })).rows.map((r) => r.decisionNumber);
    expect(byNumber).toHaveLength(all.length);
    const byDate = (await list(a.sys, { sortField: 'decidedAt', sortOrder: 'ASC' })).rows;
    expect(byDate[0]).toMatchObject({ decisionNumber: CONF_NUMBER, decidedAt: CONF_DATE });
    // pages
    const pages: Decision[] = [];
    for (let page = 0; page * 2 < all.length; page++) pages.push(...(await list(a.sys, { sortField: 'awardCount', sortOrder: 'DESC', page, perPage: 2 })).rows);
    expect(pages.map((r) => r.id)).toEqual(byCount.map((r) => r.id));
    // refusals
    for (const [vars, field] of [
      [{ sortField: 'nomineeName' }, 'sortField'],
      [{ sortField: 'constructor' }, 'sortField'],
      [{ sortOrder: 'UP' }, 'sortOrder'],
      [{ perPage: 1001 }, 'perPage'],
      [{ perPage: 0 }, 'perPage'],
      [{ page: -1 }, 'page'],
    ] as const) {
      expect((await a.sys.errorsOf(LIST, vars))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('filters by year, deciding unit, number words and date range', async () => {
    const numbers = async (filter: object, api = a.sys) => (await list(api, { filter })).rows.map((r) => r.decisionNumber).sort();
    expect(await numbers({ year: [YEAR - 1] })).toEqual([d.g1.number]);
    expect(await numbers({ year_lt: YEAR })).toEqual([d.g1.number]);
    expect(await numbers({ decidingUnitId: [d.u1.unit] })).toEqual([d.u1.number, d.u1g2.number].sort());
    expect(await numbers({ decidingUnitId: [d.u1.unit], year: [YEAR - 1] })).toEqual([]);
    // q: words of the number, ignoring case and diacritics; never the recipients' names
    expect(await numbers({ q: d.u1.number.toLowerCase().replace('đ', 'd') })).toEqual([d.u1.number]);
    expect(await numbers({ q: 'qd u1' })).toEqual([d.u1.number, d.u1g2.number].sort());
    expect(await numbers({ q: 'QĐ-TLĐ' })).toEqual([CONF_NUMBER]);
    expect(await numbers({ q: 'tld 77' })).toEqual([CONF_NUMBER]);
    expect(await numbers({ q: 'Lương' })).toEqual([]);
    expect(await numbers({ q: '%' })).toEqual([]);
    // the decision's date
    expect(await numbers({ decidedAt_lte: CONF_DATE })).toEqual([CONF_NUMBER]);
    expect(await numbers({ decidedAt_gte: CONF_DATE, decidedAt_lt: CONF_DATE })).toEqual([]);
    expect((await numbers({ decidedAt_gt: CONF_DATE })).length).toBe((await list(a.sys)).rows.length - 1);
    // counts follow the filter
    expect((await list(a.sys, { filter: { year: [YEAR - 1] } })).count).toBe(1);
    expect((await list(a.chair, { filter: { decidingUnitId: [d.u1.unit] } })).count).toBe(1);
    // refusals name the field
    for (const [filter, field] of [
      [{ decidedAt_gte: '15/06/2024' }, 'decidedAt_gte'],
      [{ decidedAt_lte: '2024-02-30' }, 'decidedAt_lte'],
      [{ decidingUnitId: ['x'] }, 'decidingUnitId'],
      [{ q: 'a '.repeat(200) }, 'q'],
    ] as const) {
      expect((await a.sys.errorsOf(LIST, { filter }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
