/**
 * The commendation rules that read the union's year, through the API on real MariaDB
 * (api-contract.md, "Commendation rules that use these records"): CTD_LDLD needs an EXCELLENT rating
 * of the nominee unit for the nomination's year, BLDST an initiative of the nominee, of that year,
 * RECOGNIZED or APPLIED, worth the threshold in force (rule_threshold BLDST_MIN_BENEFIT), each
 * refused on submit and again on approval; and KNC stays once per person on the confederation's
 * path too, under racing recordings.
 */
import { startTestServer, TestServer } from './support/harness';
import {
  attempt, AWARDS_OF, createAndSubmit, expectRefused, expectUnchanged, freshMember, login, nominate, read, RECORD, REVIEW, review, S, setup,
  SUBMIT, YEAR,
} from './support/nominations';

let t: TestServer;
let a: S;
beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
});
afterAll(() => t?.stop());

const Y = YEAR - 1;

async function rate(unitId: number, year: number, level: string) {
  const api = unitId === t.fx.G3.id || unitId === t.fx.U1.id ? a.fedAdmin : a.unionAdmin;
  const existing = (await a.sys.q(`query($u: [ID!], $y: [Int!]) { allAnnualRatings(filter: { unitId: $u, year: $y }) { id } }`, { u: [String(unitId)], y: [year] })).allAnnualRatings;
  if (existing.length) return api.q(`mutation($id: ID!, $l: RatingLevel!) { updateAnnualRating(id: $id, level: $l) { id } }`, { id: existing[0].id, l: level });
  return api.q(`mutation($u: ID!, $y: Int!, $l: RatingLevel!) { createAnnualRating(unitId: $u, year: $y, level: $l) { id } }`, { u: unitId, y: year, l: level });
}

async function initiative(unitId: number, year: number, status: string, benefit: number | null, authors: string[]): Promise<string> {
  const r = await a.sys.q(
    `mutation($u: ID!, $y: Int!, $s: InitiativeStatus!, $b: Float, $a: [ID!]!) { createInitiative(unitId: $u, title: "Cải tiến quy trình", year: $y, status: $s, benefit: $b, authorMemberIds: $a) { id } }`,
    { u: unitId, y: year, s: status, b: benefit, a: authors },
  );
  return r.createInitiative.id;
}
const setBenefit = (id: string, benefit: number) => a.sys.q(`mutation($id: ID!, $b: Float) { updateInitiative(id: $id, benefit: $b) { id } }`, { id, b: benefit });
const awardsOfNomination = async (id: string) => (await a.sys.q(AWARDS_OF, { filter: { nominationId: [id] } })).allAwards;

describe('CTD_LDLD: the nominee unit’s EXCELLENT rating for the nomination’s year', () => {
  it('refused on submit without a rating, with another level, or with a rating of another year; accepted with EXCELLENT', async () => {
    const draft = await nominate(a.unionAdmin, { type: 'CTD_LDLD', unit: t.fx.G1.id, year: Y });
    const submit = () => a.unionAdmin.errorsOf(SUBMIT, { id: draft.id });

    let errs = await submit();
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'EXCELLENT_RATING', field: 'nomineeUnitId' });
    expect(errs[0].message).toContain('no rating');
    await expectUnchanged(a, draft.id, draft);

    await rate(t.fx.G1.id, Y - 1, 'EXCELLENT'); // another year does not count
    errs = await submit();
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'EXCELLENT_RATING' });
    await rate(t.fx.G1.id, Y, 'GOOD');
    errs = await submit();
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'EXCELLENT_RATING', field: 'nomineeUnitId' });
    expect(errs[0].message).toContain('GOOD');
    await expectUnchanged(a, draft.id, draft);

    await rate(t.fx.G1.id, Y, 'EXCELLENT');
    const pending = (await a.unionAdmin.q(SUBMIT, { id: draft.id })).submitNomination;
    expect(pending).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION' });

    // On approval the rule is asked again: the rating was lowered meanwhile.
    await rate(t.fx.G1.id, Y, 'COMPLETED');
    await expectRefused(a.fedAdmin, REVIEW, { id: draft.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'EXCELLENT_RATING', field: 'nomineeUnitId' });
    await expectUnchanged(a, draft.id, pending);
    expect(await awardsOfNomination(draft.id)).toEqual([]);
    // rated EXCELLENT again, the approval goes through
    await rate(t.fx.G1.id, Y, 'EXCELLENT');
    const done = await review(a.fedAdmin, draft.id, 'APPROVE');
    expect(done).toMatchObject({ status: 'APPROVED' });
    expect((await awardsOfNomination(draft.id)).map((w: any) => w.awardType.code)).toEqual(['CTD_LDLD']);
  });

  it('a grassroots union directly under the federation, rated by the federation', async () => {
    const draft = await nominate(a.fedAdmin, { type: 'CTD_LDLD', unit: t.fx.G3.id, year: Y });
    expect((await a.fedAdmin.errorsOf(SUBMIT, { id: draft.id }))[0].extensions).toMatchObject({ rule: 'EXCELLENT_RATING' });
    await rate(t.fx.G3.id, Y, 'EXCELLENT');
    const p = (await a.fedAdmin.q(SUBMIT, { id: draft.id })).submitNomination;
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION' });
    expect(await review(a.fedAdminB, draft.id, 'APPROVE')).toMatchObject({ status: 'APPROVED' });
  });

  it('other award types do not need a rating', async () => {
    expect((await createAndSubmit(a.unionAdmin, { type: 'BK_LDLD_TT', unit: t.fx.G2.id, year: Y })).status).toBe('PENDING');
  });
});

describe('BLDST: an initiative of the nominee worth the threshold in force', () => {
  it('refused on submit unless the nominee authored a RECOGNIZED or APPLIED initiative of the year worth ≥ 80.000.000 ₫; accepted at exactly the threshold', async () => {
    const m = await freshMember(a, t.fx.G3.id);
    const other = await freshMember(a, t.fx.G3.id);
    const draft = await nominate(a.fedAdmin, { type: 'BLDST', member: m, year: Y });
    const refused = async (why: string) => {
      const errs = await a.fedAdmin.errorsOf(SUBMIT, { id: draft.id });
      expect({ why, ext: errs[0].extensions }).toEqual({ why, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'INITIATIVE_BENEFIT', field: 'nomineeMemberId' }) });
      await expectUnchanged(a, draft.id, draft);
      return errs[0].message;
    };
    expect(await refused('no initiative')).toMatch(/80\.000\.000 ₫ \(1564\/QĐ-TLĐ/);
    const below = await initiative(t.fx.G3.id, Y, 'APPLIED', 79_999_999, [m]);
    expect(await refused('one đồng short')).toContain('79.999.999 ₫');
    await initiative(t.fx.G3.id, Y, 'REGISTERED', 500_000_000, [m]);
    await refused('only registered');
    await initiative(t.fx.G3.id, Y - 1, 'APPLIED', 500_000_000, [m]);
    await refused('another year');
    await initiative(t.fx.G3.id, Y, 'APPLIED', 500_000_000, [other]);
    await refused('someone else’s');
    await initiative(t.fx.G3.id, Y, 'APPLIED', null, [m, other]);
    await refused('no benefit recorded');

    await setBenefit(below, 80_000_000);
    const pending = (await a.fedAdmin.q(SUBMIT, { id: draft.id })).submitNomination;
    expect(pending).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION' });

    // On approval again: the benefit was corrected down meanwhile.
    await setBenefit(below, 50_000_000);
    await expectRefused(a.fedAdminB, REVIEW, { id: draft.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'INITIATIVE_BENEFIT', field: 'nomineeMemberId' });
    await expectUnchanged(a, draft.id, pending);
    await setBenefit(below, 80_000_000);
    expect(await review(a.fedAdminB, draft.id, 'APPROVE')).toMatchObject({ status: 'FORWARDED', currentLevel: 'CONFEDERATION' });
  });

  it('a RECOGNIZED initiative counts; refused at an intermediate approval once the initiative is gone', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const id = await initiative(t.fx.G1.id, Y, 'RECOGNIZED', 120_000_000, [m]);
    const p = await createAndSubmit(a.chair, { type: 'BLDST', member: m, year: Y });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION' });
    await a.sys.q(`mutation($id: ID!) { deleteInitiative(id: $id) { id } }`, { id });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'INITIATIVE_BENEFIT' });
    await expectUnchanged(a, p.id, p);
    // a rejection does not need the rule
    expect(await review(a.unionAdmin, p.id, 'REJECT', 'Sáng kiến chưa được công nhận')).toMatchObject({ status: 'REJECTED' });
  });

  it('reads the threshold in force for the nomination’s year from rule_threshold, never a constant', async () => {
    const thresholds = (await a.analyst.q(`{ allRuleThresholds(filter: { code: ["BLDST_MIN_BENEFIT"] }) { value regulation effectiveFrom } }`)).allRuleThresholds;
    expect(thresholds).toEqual([expect.objectContaining({ value: 80_000_000, effectiveFrom: '2014-12-24' })]);
    // A later regulation raises it from the start of this year.
    await a.sys.q(`mutation { createRuleThreshold(code: "BLDST_MIN_BENEFIT", value: 100000000, unit: "VND", regulation: "Quy chế thử nghiệm 2/QĐ-TEST", effectiveFrom: "${YEAR}-01-01") { id } }`);
    const m = await freshMember(a, t.fx.G3.id);
    await initiative(t.fx.G3.id, YEAR, 'APPLIED', 90_000_000, [m]);
    await initiative(t.fx.G3.id, YEAR - 1, 'APPLIED', 90_000_000, [m]);
    const now = await nominate(a.fedAdmin, { type: 'BLDST', member: m, year: YEAR });
    const errs = await a.fedAdmin.errorsOf(SUBMIT, { id: now.id });
    expect(errs[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INITIATIVE_BENEFIT', field: 'nomineeMemberId' });
    expect(errs[0].message).toContain('100.000.000 ₫ (Quy chế thử nghiệm 2/QĐ-TEST)');
    // last year is judged by last year's threshold
    expect((await createAndSubmit(a.fedAdmin, { type: 'BLDST', member: m, year: YEAR - 1 })).status).toBe('PENDING');
    // before any threshold was in force the rule cannot be judged: it says so, on the year
    const old = await nominate(a.fedAdmin, { type: 'BLDST', member: m, year: 2010 });
    expect((await a.fedAdmin.errorsOf(SUBMIT, { id: old.id }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INITIATIVE_BENEFIT', field: 'year' });
  });
});

describe('KNC: once per person on the confederation’s path', () => {
  /** A KNC nomination of `year` for `m`, taken up to the confederation (FORWARDED). */
  async function forwarded(m: string, year: number) {
    const p = await createAndSubmit(a.chair, { type: 'KNC', member: m, year });
    await review(a.unionAdmin, p.id, 'APPROVE');
    const f = await review(a.fedAdmin, p.id, 'APPROVE');
    expect(f).toMatchObject({ status: 'FORWARDED' });
    return read(a, p.id);
  }
  const kncOf = async (m: string) => (await a.sys.q(AWARDS_OF, { filter: { nomineeMemberId: [m] } })).allAwards.filter((w: any) => w.awardType.code === 'KNC');

  it('two nominations of different years both forwarded: the second recorded approval is refused (the known bug)', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const first = await forwarded(m, YEAR - 2);
    const second = await forwarded(m, YEAR - 1);
    const done = (await a.fedAdmin.q(RECORD, { id: first.id, ok: true, no: '1120/QĐ-TLĐ', at: `${YEAR - 1}-07-28` })).recordConfederationDecision;
    expect(done).toMatchObject({ status: 'APPROVED' });
    await expectRefused(a.fedAdmin, RECORD, { id: second.id, ok: true, no: '1121/QĐ-TLĐ' }, 'BAD_USER_INPUT', { rule: 'ONCE_PER_LIFETIME', field: 'awardTypeId' });
    await expectUnchanged(a, second.id, second);
    expect((await kncOf(m)).map((w: any) => w.nominationId)).toEqual([first.id]);
    // the confederation's refusal can still be recorded
    expect((await a.fedAdmin.q(RECORD, { id: second.id, ok: false, c: 'Đã được tặng' })).recordConfederationDecision).toMatchObject({ status: 'REJECTED' });
  });

  it('racing recordings of two forwarded KNC nominations of one member: exactly one award', async () => {
    const clients = await Promise.all([login(t, 'fedadmin'), login(t, 'fed2')]).then((l) => l.map((x) => x.api));
    for (let round = 0; round < 4; round++) {
      const m = await freshMember(a, t.fx.G1.id);
      const p1 = await forwarded(m, YEAR - 3);
      const p2 = await forwarded(m, YEAR - 2);
      const results = await Promise.all([
        attempt(clients[0], RECORD, { id: p1.id, ok: true, no: `${900 + round}/QĐ-TLĐ` }),
        attempt(clients[1], RECORD, { id: p2.id, ok: true, no: `${950 + round}/QĐ-TLĐ` }),
      ]);
      const ok = results.filter((r) => r.ok);
      expect({ round, ok: ok.length, refused: results.filter((r) => !r.ok).map((r) => r.error?.extensions) }).toEqual({
        round, ok: 1, refused: [expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'ONCE_PER_LIFETIME' })],
      });
      const awards = await kncOf(m);
      expect(awards).toHaveLength(1);
      const loser = results[0].ok ? p2 : p1;
      await expectUnchanged(a, loser.id, loser);
    }
  });

  it('the review path keeps it too: a recorded KNC blocks a second one at the next approval', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const first = await forwarded(m, YEAR - 1);
    const second = await createAndSubmit(a.chair, { type: 'KNC', member: m, year: YEAR });
    await a.fedAdmin.q(RECORD, { id: first.id, ok: true, no: '77/QĐ-TLĐ' });
    await expectRefused(a.unionAdmin, REVIEW, { id: second.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'ONCE_PER_LIFETIME' });
    await expectUnchanged(a, second.id, second);
    // a submit of a third is refused at once
    const third = await attempt(a.chair, SUBMIT, { id: (await nominate(a.chair, { type: 'KNC', member: m, year: YEAR - 3 })).id });
    expect(third.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ONCE_PER_LIFETIME' });
  });
});
