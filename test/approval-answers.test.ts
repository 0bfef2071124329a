/**
 * What an approval answers is what was recorded. An approval takes its decision number last in its
 * transaction and does not read back what it writes (the award, its audit row, the nomination's
 * step): the award the mutation answers must be the one any later read finds, field for field, and
 * the audit trail must hold the award's creation and the approval, in that order, naming each other.
 * On MariaDB and on SQLite (the embedded demo's database), through reviewNomination,
 * reviewNominations and recordConfederationDecision.
 */
import { Api, startTestServer, TestServer } from './support/harness';
import { createAndSubmit, freshMember, review, setup, S, YEAR } from './support/nominations';

const AWARD = `id nominationId awardTypeId year nomineeMemberId nomineeUnitId nomineeName decidingUnitId decisionNumber decidedAt decidedById createdAt
  federationId unionId grassrootsUnionId teamId`;
const APPROVE = `mutation($id: ID!) { reviewNomination(id: $id, decision: APPROVE, comment: "Đồng ý") { id status award { ${AWARD} } } }`;
const APPROVE_MANY = `mutation($ids: [ID!]!) { reviewNominations(ids: $ids, decision: APPROVE) { id ok nomination { id award { ${AWARD} } } } }`;
const RECORD = `mutation($id: ID!, $no: String!) { recordConfederationDecision(id: $id, approved: true, decisionNumber: $no) { id status award { ${AWARD} } } }`;
const READ = `query($id: ID!, $n: ID!) { Award(id: $id) { ${AWARD} } Nomination(id: $n) { award { ${AWARD} } } }`;
const AUDIT = `query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 100) { id action entityType entityId after } }`;

describe.each(['mysql', 'sqlite'] as const)('an approval answers what it recorded (%s)', (dialect) => {
  let t: TestServer;
  let a: S;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    a = await setup(t);
  });
  afterAll(() => t?.stop());

  /** The award as a later request reads it, by id and through its nomination, and the two audit rows of the approval. */
  async function recorded(api: Api, award: { id: string; nominationId: string }) {
    const r = await api.q(READ, { id: award.id, n: award.nominationId });
    expect(r.Nomination.award).toEqual(r.Award);
    const audit = async (entityType: string, id: string) =>
      (await a.sys.q(AUDIT, { f: { entityType: [entityType], entityId: [id] } })).allAuditEvents.sort((x: any, y: any) => Number(x.id) - Number(y.id));
    const created = await audit('Award', award.id);
    const steps = await audit('Nomination', award.nominationId);
    return { award: r.Award, created, approval: steps[steps.length - 1] };
  }

  function expectAudit(rec: Awaited<ReturnType<typeof recorded>>, answered: Record<string, unknown>, action: string) {
    expect(rec.created.map((e: any) => e.action)).toEqual(['CREATE']);
    const after = JSON.parse(rec.created[0].after);
    expect(String(after.id)).toBe(answered.id);
    expect(after.decisionNumber).toBe(answered.decisionNumber);
    expect(new Date(after.createdAt).toISOString()).toBe(answered.createdAt);
    // the approval names the award, and comes after its creation
    expect(rec.approval.action).toBe(action);
    expect(String(JSON.parse(rec.approval.after).awardId)).toBe(answered.id);
    expect(Number(rec.approval.id)).toBeGreaterThan(Number(rec.created[0].id));
  }

  it('reviewNomination: the award answered is the award read afterwards, with its audit rows', async () => {
    const n = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id, t.fx.T1.id) });
    const before = Date.now();
    const answered = (await a.chairB.q(APPROVE, { id: n.id })).reviewNomination;
    expect(answered.status).toBe('APPROVED');
    const award = answered.award;
    expect(award.nominationId).toBe(n.id);
    expect(award.decisionNumber).toMatch(/^[1-9]\d*\/QĐ-/);
    expect(award.decidingUnitId).toBe(String(t.fx.G1.id));
    expect(award.year).toBe(YEAR);
    // whole seconds, this approval's
    const at = Date.parse(award.createdAt);
    expect(at % 1000).toBe(0);
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    const rec = await recorded(a.chair, award);
    expect(rec.award).toEqual(award);
    expectAudit(rec, award, 'APPROVE');
  });

  it('reviewNominations: each award answered is the one read afterwards; numbers as assigned', async () => {
    const ns = [
      await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) }),
      await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) }),
    ];
    const res = (await a.chairB.q(APPROVE_MANY, { ids: ns.map((n) => n.id) })).reviewNominations;
    expect(res.map((r: any) => r.ok)).toEqual([true, true]);
    // one call, one deciding unit and year: one number
    expect(res[1].nomination.award.decisionNumber).toBe(res[0].nomination.award.decisionNumber);
    for (const r of res) {
      const rec = await recorded(a.chair, r.nomination.award);
      expect(rec.award).toEqual(r.nomination.award);
      expectAudit(rec, r.nomination.award, 'APPROVE');
    }
  });

  it('the next approval takes the next number; a refused approval takes none', async () => {
    const first = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const refusedOne = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const second = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const n1 = Number((await review(a.chairB, first.id, 'APPROVE')).award.decisionNumber.split('/')[0]);
    // the creator may not decide (four eyes): refused before any number is taken
    const refused = await a.chair.errorsOf(APPROVE, { id: refusedOne.id });
    expect(refused[0].extensions?.code).toBe('FORBIDDEN');
    const n2 = Number((await review(a.chairB, second.id, 'APPROVE')).award.decisionNumber.split('/')[0]);
    expect(n2).toBe(n1 + 1);
  });

  it('recordConfederationDecision: the award answered is the award read afterwards, with its audit rows', async () => {
    const n = await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: await freshMember(a, t.fx.G1.id) });
    await review(a.unionAdmin, n.id, 'APPROVE');
    await review(a.fedAdmin, n.id, 'APPROVE');
    const answered = (await a.fedAdmin.q(RECORD, { id: n.id, no: '123/QĐ-TLĐ' })).recordConfederationDecision;
    expect(answered.status).toBe('APPROVED');
    expect(answered.award.decisionNumber).toBe('123/QĐ-TLĐ');
    expect(answered.award.decidingUnitId).toBeNull();
    const rec = await recorded(a.fedAdmin, answered.award);
    expect(rec.award).toEqual(answered.award);
    expectAudit(rec, answered.award, 'CONFEDERATION_APPROVE');
  });
});
