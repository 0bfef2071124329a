/**
 * The nomination workflow through the API on real MariaDB: the climb for every deciding level,
 * decision numbers, RETURN/REJECT/withdraw, who may not review, the approval queue
 * (awaitingMyReview), the rules, and the audit trail. Races live in nomination-races.test.ts.
 */
import { dayInVietnam } from '../server/common/clock';
import { Api, startTestServer, TestServer } from './support/harness';
import {
  accounts, attempt, AWARDS_OF, batches, checkNumbersNeverRepeat, CREATE, createAndSubmit, History, N, nominate, read, RECORD, REVIEW,
  review, reviewMany, setup, submit, SUBMIT, type, UPDATE, WITHDRAW, YEAR, S, freshMember, expectRefused, expectUnchanged,
} from './support/nominations';

let t: TestServer;
let a: S;
beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
});
afterAll(() => t?.stop());

const NUMBER = (code: string) => new RegExp(`^[1-9]\\d*/QĐ-${code}$`);

describe('the climb, for each deciding level', () => {
  it('GRASSROOTS (GK_CDCS_CN): the chair nominates, a second chair account of the same grassroots union decides', async () => {
    const m = await freshMember(a, t.fx.G1.id, t.fx.T1.id);
    const draft = await nominate(a.chair, { type: 'GK_CDCS_CN', member: m });
    expect(draft).toMatchObject({
      status: 'DRAFT', currentLevel: null, version: 1, year: YEAR, nominatingUnitId: String(t.fx.G1.id), nomineeMemberId: m,
      createdById: a.id.chair, reviews: [], award: null,
    });

    const pending = await submit(a.chair, draft.id);
    expect(pending).toMatchObject({ status: 'PENDING', currentLevel: 'GRASSROOTS', version: 2 });

    // the creator may not decide (four eyes); the refusal changes nothing
    await expectRefused(a.chair, REVIEW, { id: draft.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, draft.id, pending);

    const done = await review(a.chairB, draft.id, 'APPROVE', 'Xứng đáng', 2);
    expect(done).toMatchObject({ status: 'APPROVED', currentLevel: null, version: 3 });
    const n = await read(a, draft.id);
    expect(n.reviews).toEqual([{ level: 'GRASSROOTS', decision: 'APPROVE', comment: 'Xứng đáng', reviewerId: a.id.chairB, reviewer: { id: a.id.chairB, username: 'vicechair' } }]);
    expect(n.history.map((h: History) => [h.action, h.fromStatus, h.toStatus, h.actorId])).toEqual([
      ['CREATE', null, 'DRAFT', a.id.chair],
      ['SUBMIT', 'DRAFT', 'PENDING', a.id.chair],
      ['APPROVE', 'PENDING', 'APPROVED', a.id.chairB],
    ]);
    expect(n.award).toMatchObject({
      nominationId: draft.id, awardTypeId: type(a, 'GK_CDCS_CN'), year: YEAR, nomineeMemberId: m, nomineeUnitId: null,
      decidingUnitId: String(t.fx.G1.id), decidedBy: { id: a.id.chairB },
    });
    expect(n.award.decisionNumber).toMatch(NUMBER('G1'));
    expect(n.award.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // the award is on the member, for the chair too
    const mine = await a.chair.q(`query($id: ID!) { Member(id: $id) { awards { id decisionNumber awardType { code } } } }`, { id: m });
    expect(mine.Member.awards).toEqual([{ id: n.award.id, decisionNumber: n.award.decisionNumber, awardType: { code: 'GK_CDCS_CN' } }]);
  });

  it('GRASSROOTS (DVXS, a title): decided through reviewNominations by the vice-chair', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p = await createAndSubmit(a.chair, { type: 'DVXS', member: m });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'GRASSROOTS' });
    const [r] = await reviewMany(a, a.chairB, [p.id], 'APPROVE');
    expect(r).toMatchObject({ id: p.id, ok: true, code: null, message: null, nomination: { id: p.id, status: 'APPROVED', currentLevel: null, version: 3 } });
    expect(r.nomination.award.decisionNumber).toMatch(NUMBER('G1'));
    const awards = (await a.sys.q(AWARDS_OF, { filter: { nomineeMemberId: [m] } })).allAwards;
    expect(awards.map((w: any) => w.awardType.code)).toEqual(['DVXS']);
  });

  it('UNION (GK_CDCT_CN): grassroots → union, decided by the union admin', async () => {
    const m = await freshMember(a, t.fx.G1.id, t.fx.T2.id);
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: m });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION', version: 2 });
    // a grassroots chair cannot decide a UNION-level nomination
    await expectRefused(a.chairB, REVIEW, { id: p.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, p.id, p);
    const done = await review(a.unionAdmin, p.id, 'APPROVE', null, 2);
    expect(done).toMatchObject({ status: 'APPROVED', currentLevel: null, version: 3 });
    const n = await read(a, p.id);
    expect(n.reviews.map((r: any) => [r.level, r.decision, r.reviewerId])).toEqual([['UNION', 'APPROVE', a.id.unionAdmin]]);
    expect(n.award).toMatchObject({ decidingUnitId: String(t.fx.U1.id), decidedBy: { id: a.id.unionAdmin } });
    expect(n.award.decisionNumber).toMatch(NUMBER('U1'));
  });

  it('UNION (CDCS_VM, collective): the grassroots union nominates itself; the award is on the unit', async () => {
    const p = await createAndSubmit(a.chair, { type: 'CDCS_VM', unit: t.fx.G1.id, year: YEAR - 1 });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION', nomineeUnitId: String(t.fx.G1.id), nomineeMemberId: null });
    const done = await review(a.unionAdminB, p.id, 'APPROVE');
    expect(done.status).toBe('APPROVED');
    expect(done.award).toMatchObject({ nomineeUnitId: String(t.fx.G1.id), nomineeMemberId: null, year: YEAR - 1, decidingUnitId: String(t.fx.U1.id) });
    expect(done.award.decisionNumber).toMatch(NUMBER('U1'));
    const g = await a.chair.q(`query($id: ID!) { GrassrootsUnion(id: $id) { awards { id awardType { code } year } } }`, { id: t.fx.G1.id });
    expect(g.GrassrootsUnion.awards).toContainEqual({ id: done.award.id, awardType: { code: 'CDCS_VM' }, year: YEAR - 1 });
  });

  it('a team as a collective nominee (GK_CDCS_TT): the award is on Team.awards', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_TT', unit: t.fx.T2.id, year: YEAR - 1 });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'GRASSROOTS' });
    const done = await review(a.chairB, p.id, 'APPROVE');
    expect(done.award.decisionNumber).toMatch(NUMBER('G1'));
    const team = await a.sys.q(`query($id: ID!) { Team(id: $id) { awards { id } } }`, { id: t.fx.T2.id });
    expect(team.Team.awards).toContainEqual({ id: done.award.id });
  });

  it('FEDERATION (BK_LDLD_CN): grassroots → union → federation', async () => {
    const m = await freshMember(a, t.fx.G1.id, t.fx.T1.id);
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: m });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION', version: 2 });
    // the federation may not jump the queue
    await expectRefused(a.fedAdmin, REVIEW, { id: p.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, p.id, p);

    const up = await review(a.unionAdmin, p.id, 'APPROVE', 'Đề nghị LĐLĐ tỉnh khen', 2);
    expect(up).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: 3, award: null });
    // and the union no longer may act on it
    await expectRefused(a.unionAdminB, REVIEW, { id: p.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, p.id, up);

    const done = await review(a.fedAdmin, p.id, 'APPROVE', null, 3);
    expect(done).toMatchObject({ status: 'APPROVED', currentLevel: null, version: 4 });
    const n = await read(a, p.id);
    expect(n.reviews.map((r: any) => [r.level, r.decision, r.comment, r.reviewerId])).toEqual([
      ['UNION', 'APPROVE', 'Đề nghị LĐLĐ tỉnh khen', a.id.unionAdmin],
      ['FEDERATION', 'APPROVE', null, a.id.fedAdmin],
    ]);
    expect(n.history.map((h: History) => [h.action, h.level, h.toStatus])).toEqual([
      ['CREATE', null, 'DRAFT'],
      ['SUBMIT', 'GRASSROOTS', 'PENDING'],
      ['APPROVE', 'UNION', 'PENDING'],
      ['APPROVE', 'FEDERATION', 'APPROVED'],
    ]);
    expect(n.award).toMatchObject({ decidingUnitId: String(t.fx.F1.id), decidedBy: { id: a.id.fedAdmin } });
    expect(n.award.decisionNumber).toMatch(NUMBER('F1'));
  });

  it('a grassroots union directly under its federation (G3) skips UNION: PENDING at FEDERATION', async () => {
    const m = await freshMember(a, t.fx.G3.id);
    const draft = await nominate(a.chairG3, { type: 'BK_LDLD_CN', member: m });
    expect(draft.nominatingUnitId).toBe(String(t.fx.G3.id));
    const p = await submit(a.chairG3, draft.id);
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: 2 });
    // U1's admins have nothing to do with G3
    expect(await a.unionAdmin.codeOf(REVIEW, { id: p.id, d: 'APPROVE' })).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    await expectUnchanged(a, p.id, p);
    const done = await review(a.fedAdminB, p.id, 'APPROVE', null, 2);
    expect(done).toMatchObject({ status: 'APPROVED', version: 3 });
    expect(done.award.decisionNumber).toMatch(NUMBER('F1'));
    const n = await read(a, p.id);
    expect(n.reviews.map((r: any) => r.level)).toEqual(['FEDERATION']);
  });

  it('a union’s own proposal waits at UNION for a second union account', async () => {
    const m = await freshMember(a, t.fx.G2.id);
    const draft = await nominate(a.unionAdmin, { type: 'GK_CDCT_CN', member: m });
    expect(draft.nominatingUnitId).toBe(String(t.fx.U1.id));
    const p = await submit(a.unionAdmin, draft.id);
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION' });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, p.id, p);
    const done = await review(a.unionAdminB, p.id, 'APPROVE');
    expect(done.status).toBe('APPROVED');
    expect(done.award.decisionNumber).toMatch(NUMBER('U1'));
  });

  it('a federation’s own proposal is PENDING at FEDERATION and reviewed by a second federation account', async () => {
    const m = await freshMember(a, t.fx.G2.id);
    const draft = await nominate(a.fedAdmin, { type: 'BK_LDLD_CN', member: m });
    expect(draft.nominatingUnitId).toBe(String(t.fx.F1.id));
    const p = await submit(a.fedAdmin, draft.id);
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: 2 });
    await expectRefused(a.fedAdmin, REVIEW, { id: p.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, p.id, p);
    const done = await review(a.fedAdminB, p.id, 'APPROVE', null, 2);
    expect(done).toMatchObject({ status: 'APPROVED', currentLevel: null, version: 3 });
    expect(done.award).toMatchObject({ decidingUnitId: String(t.fx.F1.id), decidedBy: { id: a.id.fedAdminB } });
    expect(done.award.decisionNumber).toMatch(NUMBER('F1'));
  });

  it('a federation’s own confederation proposal gets the second federation account’s review, then is FORWARDED', async () => {
    const m = await freshMember(a, t.fx.G3.id);
    const p = await createAndSubmit(a.fedAdmin, { type: 'BK_TLD_CN', member: m });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION' });
    const fwd = await review(a.fedAdminB, p.id, 'APPROVE');
    expect(fwd).toMatchObject({ status: 'FORWARDED', currentLevel: 'CONFEDERATION', award: null });
  });

  it('CONFEDERATION (BK_TLD_CN): grassroots → union → federation → FORWARDED; the confederation approves with its number', async () => {
    const m = await freshMember(a, t.fx.G1.id, t.fx.T1.id);
    const p = await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: m });
    expect(p).toMatchObject({ status: 'PENDING', currentLevel: 'UNION' });
    const atFed = await review(a.unionAdmin, p.id, 'APPROVE');
    expect(atFed).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: 3 });
    const fwd = await review(a.fedAdmin, p.id, 'APPROVE', 'Trình Tổng Liên đoàn', 3);
    expect(fwd).toMatchObject({ status: 'FORWARDED', currentLevel: 'CONFEDERATION', version: 4, award: null });

    // nobody reviews it any more: it waits for the confederation's decision
    for (const who of [a.fedAdminB, a.sys, a.unionAdmin]) expect(await who.codeOf(REVIEW, { id: p.id, d: 'APPROVE' })).toMatch(/^(CONFLICT|FORBIDDEN)$/);
    // recording needs the federation admin's permission, a number when approved, a past date
    expect(await a.unionAdmin.codeOf(RECORD, { id: p.id, ok: true, no: '1/QĐ-TLĐ' })).toBe('FORBIDDEN');
    expect(await a.chair.codeOf(RECORD, { id: p.id, ok: true, no: '1/QĐ-TLĐ' })).toBe('FORBIDDEN');
    expect(await a.fedAdmin2.codeOf(RECORD, { id: p.id, ok: true, no: '1/QĐ-TLĐ' })).toBe('NOT_FOUND');
    await expectRefused(a.fedAdmin, RECORD, { id: p.id, ok: true }, 'BAD_USER_INPUT', { field: 'decisionNumber' });
    await expectRefused(a.fedAdmin, RECORD, { id: p.id, ok: true, no: '   ' }, 'BAD_USER_INPUT', { field: 'decisionNumber' });
    await expectRefused(a.fedAdmin, RECORD, { id: p.id, ok: true, no: '9/QĐ-TLĐ', at: '3000-01-01' }, 'BAD_USER_INPUT', { field: 'decidedAt' });
    await expectRefused(a.fedAdmin, RECORD, { id: p.id, ok: true, no: '9/QĐ-TLĐ', at: '01/02/2024' }, 'BAD_USER_INPUT', { field: 'decidedAt' });
    await expectUnchanged(a, p.id, fwd);

    const number = '1234/QĐ-TLĐ';
    const done = (await a.fedAdminB.q(RECORD, { id: p.id, ok: true, no: ` ${number} `, at: `${YEAR}-01-01`, c: 'TLĐ đồng ý' })).recordConfederationDecision;
    expect(done).toMatchObject({ status: 'APPROVED', currentLevel: null, version: 5 });
    const n = await read(a, p.id);
    expect(n.award).toMatchObject({ decisionNumber: number, decidedAt: `${YEAR}-01-01`, decidingUnitId: null, nomineeMemberId: m, decidedBy: { id: a.id.fedAdminB } });
    expect(n.reviews.map((r: any) => [r.level, r.decision, r.comment, r.reviewerId])).toEqual([
      ['UNION', 'APPROVE', null, a.id.unionAdmin],
      ['FEDERATION', 'APPROVE', 'Trình Tổng Liên đoàn', a.id.fedAdmin],
      ['CONFEDERATION', 'APPROVE', 'TLĐ đồng ý', a.id.fedAdminB],
    ]);
    expect(n.history.map((h: History) => h.action)).toEqual(['CREATE', 'SUBMIT', 'APPROVE', 'APPROVE', 'CONFEDERATION_APPROVE']);
    expect(n.history.map((h: History) => h.toStatus)).toEqual(['DRAFT', 'PENDING', 'PENDING', 'FORWARDED', 'APPROVED']);
    const mem = await a.sys.q(`query($id: ID!) { Member(id: $id) { awards { decisionNumber } } }`, { id: m });
    expect(mem.Member.awards).toEqual([{ decisionNumber: number }]);

    // recording again is a workflow step on a nomination no longer FORWARDED
    await expectRefused(a.fedAdmin, RECORD, { id: p.id, ok: true, no: '2/QĐ-TLĐ' }, 'CONFLICT');
    await expectUnchanged(a, p.id, n);
  });

  it('CONFEDERATION (KNC): the confederation rejects; no award', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p = await createAndSubmit(a.chair, { type: 'KNC', member: m });
    await review(a.unionAdmin, p.id, 'APPROVE');
    const fwd = await review(a.fedAdmin, p.id, 'APPROVE');
    expect(fwd).toMatchObject({ status: 'FORWARDED', currentLevel: 'CONFEDERATION' });
    const done = (await a.fedAdmin.q(RECORD, { id: p.id, ok: false, c: 'Chưa đủ 20 năm' })).recordConfederationDecision;
    expect(done).toMatchObject({ status: 'REJECTED', currentLevel: null, award: null, version: fwd.version + 1 });
    const n = await read(a, p.id);
    expect(n.history.at(-1)).toMatchObject({ action: 'CONFEDERATION_REJECT', level: 'CONFEDERATION', fromStatus: 'FORWARDED', toStatus: 'REJECTED', comment: 'Chưa đủ 20 năm' });
    expect(n.reviews.at(-1)).toMatchObject({ level: 'CONFEDERATION', decision: 'REJECT', comment: 'Chưa đủ 20 năm' });
    expect((await a.sys.q(AWARDS_OF, { filter: { nominationId: [p.id] } })).allAwards).toEqual([]);
  });
});

describe('decision numbers', () => {
  it('never repeat within a deciding unit and year across separate approvals; a new year has its own numbers', async () => {
    const year = YEAR - 2;
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year });
      numbers.push((await review(a.chairB, p.id, 'APPROVE')).award.decisionNumber);
    }
    for (const n of numbers) expect(n).toMatch(NUMBER('G1'));
    expect(new Set(numbers).size).toBe(4);
  });

  it('approvals in ONE reviewNominations call share one number per deciding unit and year; other calls get other numbers', async () => {
    const y1 = YEAR - 3;
    const y2 = YEAR - 4;
    const g1a = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: y1 });
    const g1b = await createAndSubmit(a.chair, { type: 'DVXS', member: await freshMember(a, t.fx.G1.id), year: y1 });
    const g1c = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: y2 });
    // G2 has no chair: the union nominates for it, decided at G2's own level
    const g2 = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G2.id), year: y1, nominatingUnitId: t.fx.G2.id });
    expect(g2).toMatchObject({ status: 'PENDING', currentLevel: 'GRASSROOTS', nominatingUnitId: String(t.fx.G2.id) });
    const u1a = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id), year: y1 });
    const u1b = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G2.id), year: y1, nominatingUnitId: t.fx.G2.id });
    const fwd = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id), year: y1 });

    const ids = [g1a, g1b, g1c, g2, u1a, u1b, fwd].map((n) => n.id);
    const res = await reviewMany(a, a.sys, ids, 'APPROVE');
    expect(res.map((r: any) => [r.id, r.ok])).toEqual(ids.map((id) => [id, true]));
    const num = (i: number) => res[i].nomination.award?.decisionNumber ?? null;
    expect(num(0)).toMatch(NUMBER('G1'));
    expect(num(1)).toBe(num(0)); // same deciding unit, same year
    expect(num(2)).toMatch(NUMBER('G1')); // another year: its own decision (numbers count per unit and year)
    expect(res[2].nomination.award.year).toBe(y2);
    expect(num(3)).toMatch(NUMBER('G2'));
    expect(num(4)).toMatch(NUMBER('U1'));
    expect(num(5)).toBe(num(4)); // G1's and G2's union awards, both decided by U1
    expect(res[6].nomination).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', award: null });

    // a second call in the same year gets a new number
    const later = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: y1 });
    const [r2] = await reviewMany(a, a.chairB, [later.id], 'APPROVE');
    expect(r2.nomination.award.decisionNumber).toMatch(NUMBER('G1'));
    expect(r2.nomination.award.decisionNumber).not.toBe(num(0));
  });
});

describe('reject, return, withdraw, and steps from the wrong status', () => {
  it('REJECT needs a comment (BAD_USER_INPUT on comment, nothing changes), then ends the nomination', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id) });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'REJECT' }, 'BAD_USER_INPUT', { field: 'comment' });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'REJECT', c: '   ' }, 'BAD_USER_INPUT', { field: 'comment' });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'REJECT', v: p.version }, 'BAD_USER_INPUT', { field: 'comment' });
    const [bulk] = await reviewMany(a, a.unionAdmin, [p.id], 'REJECT');
    expect(bulk).toMatchObject({ id: p.id, ok: false, code: 'BAD_USER_INPUT', nomination: null });
    await expectUnchanged(a, p.id, p);

    const done = await review(a.unionAdmin, p.id, 'REJECT', '  Thành tích chưa nổi bật  ', p.version);
    expect(done).toMatchObject({ status: 'REJECTED', currentLevel: null, version: p.version + 1, award: null });
    const n = await read(a, p.id);
    expect(n.reviews).toEqual([expect.objectContaining({ level: 'UNION', decision: 'REJECT', comment: 'Thành tích chưa nổi bật', reviewerId: a.id.unionAdmin })]);
    // it is over: no withdraw, no resubmit, no edit, no review
    await expectRefused(a.chair, WITHDRAW, { id: p.id }, 'CONFLICT');
    await expectRefused(a.chair, SUBMIT, { id: p.id }, 'CONFLICT');
    await expectRefused(a.chair, UPDATE, { id: p.id, a: 'Bổ sung' }, 'CONFLICT');
    await expectRefused(a.unionAdminB, REVIEW, { id: p.id, d: 'APPROVE' }, 'CONFLICT');
    await expectUnchanged(a, p.id, n);
  });

  it('RETURN sends it back; the nominator edits (updateNomination) and submits again; it climbs from the start', async () => {
    const m1 = await freshMember(a, t.fx.G1.id);
    const m2 = await freshMember(a, t.fx.G1.id, t.fx.T2.id);
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: m1 });
    const atFed = await review(a.unionAdmin, p.id, 'APPROVE');
    const back = await review(a.fedAdmin, p.id, 'RETURN', 'Bổ sung biên bản hội đồng thi đua', atFed.version);
    expect(back).toMatchObject({ status: 'RETURNED', currentLevel: null, version: atFed.version + 1 });

    // while RETURNED nobody reviews it
    await expectRefused(a.fedAdminB, REVIEW, { id: p.id, d: 'APPROVE' }, 'CONFLICT');
    await expectUnchanged(a, p.id, back);

    const edited = (await a.chair.q(UPDATE, { id: p.id, a: 'Thành tích đã bổ sung', m: m2 })).updateNomination;
    expect(edited).toMatchObject({ status: 'RETURNED', version: back.version + 1, nomineeMemberId: m2 });
    const again = await submit(a.chair, p.id);
    expect(again).toMatchObject({ status: 'PENDING', currentLevel: 'UNION', version: back.version + 2 });
    // editing is for DRAFT or RETURNED only
    await expectRefused(a.chair, UPDATE, { id: p.id, a: 'Sửa lúc đang chờ' }, 'CONFLICT');
    await expectUnchanged(a, p.id, again);

    await review(a.unionAdminB, p.id, 'APPROVE');
    const done = await review(a.fedAdminB, p.id, 'APPROVE');
    expect(done).toMatchObject({ status: 'APPROVED', achievements: 'Thành tích đã bổ sung' });
    expect(done.award.nomineeMemberId).toBe(m2);
    const n = await read(a, p.id);
    expect(n.history.map((h: History) => h.action)).toEqual(['CREATE', 'SUBMIT', 'APPROVE', 'RETURN', 'EDIT', 'SUBMIT', 'APPROVE', 'APPROVE']);
    expect(n.reviews.map((r: any) => [r.level, r.decision])).toEqual([
      ['UNION', 'APPROVE'], ['FEDERATION', 'RETURN'], ['UNION', 'APPROVE'], ['FEDERATION', 'APPROVE'],
    ]);
    expect(n.reviews[1].comment).toBe('Bổ sung biên bản hội đồng thi đua');
  });

  it('withdraw while DRAFT, PENDING or RETURNED; not from any other status', async () => {
    const draft = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    expect((await a.chair.q(WITHDRAW, { id: draft.id })).withdrawNomination).toMatchObject({ status: 'WITHDRAWN', version: 2, currentLevel: null });

    const pending = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id) });
    // any account that may nominate and whose scope holds the nominating unit
    expect((await a.unionAdmin.q(WITHDRAW, { id: pending.id })).withdrawNomination).toMatchObject({ status: 'WITHDRAWN', currentLevel: null, version: 3 });

    const ret = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    await review(a.chairB, ret.id, 'RETURN', 'Xem lại');
    expect((await a.chair.q(WITHDRAW, { id: ret.id })).withdrawNomination).toMatchObject({ status: 'WITHDRAWN' });
    // the react-admin grammar: deleteNomination withdraws too
    const draft2 = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    expect((await a.chair.q(`mutation($id: ID!) { deleteNomination(id: $id) { status } }`, { id: draft2.id })).deleteNomination).toEqual({ status: 'WITHDRAWN' });

    for (const id of [draft.id, pending.id, ret.id]) {
      const n = await read(a, id);
      expect(n.history.at(-1)).toMatchObject({ action: 'WITHDRAW', toStatus: 'WITHDRAWN' });
      await expectRefused(a.chair, WITHDRAW, { id }, 'CONFLICT');
      await expectRefused(a.chair, SUBMIT, { id }, 'CONFLICT');
      await expectRefused(a.chair, UPDATE, { id, a: 'x' }, 'CONFLICT');
      await expectUnchanged(a, id, n);
    }

    // nor once FORWARDED or APPROVED
    const fwd = await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: await freshMember(a, t.fx.G1.id) });
    await review(a.unionAdmin, fwd.id, 'APPROVE');
    const f = await review(a.fedAdmin, fwd.id, 'APPROVE');
    await expectRefused(a.chair, WITHDRAW, { id: fwd.id }, 'CONFLICT');
    await expectRefused(a.fedAdminB, WITHDRAW, { id: fwd.id }, 'CONFLICT');
    await expectUnchanged(a, fwd.id, f);

    const ok = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const approved = await review(a.chairB, ok.id, 'APPROVE');
    await expectRefused(a.chair, WITHDRAW, { id: ok.id }, 'CONFLICT');
    await expectUnchanged(a, ok.id, approved);
  });

  it('each workflow mutation on a nomination not in the status it needs answers CONFLICT and changes nothing', async () => {
    const draft = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const pending = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const returned = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    await review(a.chairB, returned.id, 'RETURN', 'Xem lại');
    const cases: [Api, string, Record<string, unknown>][] = [
      [a.chair, SUBMIT, { id: pending.id }],
      [a.chairB, REVIEW, { id: draft.id, d: 'APPROVE' }],
      [a.chairB, REVIEW, { id: draft.id, d: 'REJECT', c: 'Không' }],
      [a.chairB, REVIEW, { id: draft.id, d: 'RETURN' }],
      [a.chairB, REVIEW, { id: returned.id, d: 'APPROVE' }],
      [a.sys, REVIEW, { id: returned.id, d: 'RETURN' }],
      [a.chair, UPDATE, { id: pending.id, a: 'Sửa' }],
      [a.fedAdmin, RECORD, { id: pending.id, ok: true, no: '5/QĐ-TLĐ' }],
      [a.fedAdmin, RECORD, { id: draft.id, ok: false }],
    ];
    const before = await Promise.all([draft.id, pending.id, returned.id].map((id) => read(a, id)));
    for (const [api, q, vars] of cases) {
      const errs = await api.errorsOf(q, vars);
      expect({ q: q.slice(0, 40), vars, code: errs[0].extensions?.code }).toEqual({ q: q.slice(0, 40), vars, code: 'CONFLICT' });
    }
    for (const b of before) await expectUnchanged(a, b.id, b);
  });
});

describe('reviewers who must not act are refused, and nothing changes', () => {
  it('wrong level, out of scope, the creator, the nominee, analysts', async () => {
    const atUnion = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id) });
    const cases: [string, Api, string][] = [
      ['federation admin on a nomination PENDING at UNION', a.fedAdmin, 'FORBIDDEN'],
      ['second federation admin, same', a.fedAdminB, 'FORBIDDEN'],
      ['grassroots chair on a nomination PENDING at UNION', a.chairB, 'FORBIDDEN'],
      ['the creator', a.chair, 'FORBIDDEN'],
      ['another federation’s admin', a.fedAdmin2, 'NOT_FOUND'],
      ['another grassroots union’s chair', a.chair4, 'NOT_FOUND'],
      ['a chair of a sibling grassroots union (G3)', a.chairG3, 'NOT_FOUND'],
      ['system-wide analyst', a.analyst, 'FORBIDDEN'],
      ['federation analyst', a.analystF1, 'FORBIDDEN'],
    ];
    for (const [who, api, code] of cases) {
      for (const d of ['APPROVE', 'RETURN', 'REJECT']) {
        const errs = await api.errorsOf(REVIEW, { id: atUnion.id, d, c: 'bình luận' });
        expect({ who, d, code: errs[0].extensions?.code }).toEqual({ who, d, code });
      }
      // the same through reviewNominations (the analyst has no Review permission at all)
      if (api === a.analyst || api === a.analystF1) {
        expect(await api.codeOf(`mutation($ids: [ID!]!) { reviewNominations(ids: $ids, decision: APPROVE) { id } }`, { ids: [atUnion.id] })).toBe('FORBIDDEN');
      } else {
        const [r] = await reviewMany(a, api, [atUnion.id], 'APPROVE');
        expect({ who, r }).toEqual({ who, r: { id: atUnion.id, ok: false, code, message: expect.any(String), nomination: null } });
      }
    }
    await expectUnchanged(a, atUnion.id, atUnion);
    // the analysts read it, though
    expect((await a.analystF1.q(`query($id: ID!) { Nomination(id: $id) { status } }`, { id: atUnion.id })).Nomination).toEqual({ status: 'PENDING' });
    // a valid reviewer still can
    expect((await review(a.unionAdminB, atUnion.id, 'APPROVE')).status).toBe('APPROVED');
  });

  it('the nominee never reviews its own nomination (an account whose memberId is the nominee)', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: a.selfMember, year: YEAR - 1 });
    for (const d of ['APPROVE', 'RETURN', 'REJECT']) await expectRefused(a.chairM, REVIEW, { id: p.id, d, c: 'x', v: p.version }, 'FORBIDDEN');
    const [r] = await reviewMany(a, a.chairM, [p.id], 'APPROVE');
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', nomination: null });
    await expectUnchanged(a, p.id, p);
    // at UNION level too
    const u = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: a.selfMember2, year: YEAR - 1, nominatingUnitId: t.fx.G2.id });
    await expectRefused(a.unionSelf, REVIEW, { id: u.id, d: 'APPROVE' }, 'FORBIDDEN');
    await expectUnchanged(a, u.id, u);
    // a second grassroots account decides
    expect((await review(a.chairB, p.id, 'APPROVE')).status).toBe('APPROVED');
    expect((await review(a.unionAdminB, u.id, 'APPROVE')).status).toBe('APPROVED');
  });

  it('the system admin may review at any level', async () => {
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
    expect(await review(a.sys, p.id, 'APPROVE')).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION' });
    expect(await review(a.sys, p.id, 'APPROVE')).toMatchObject({ status: 'APPROVED' });
  });

  it('nominators out of scope are refused too, and the nomination is unchanged', async () => {
    const d = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    expect(await a.fedAdmin2.codeOf(SUBMIT, { id: d.id })).toBe('NOT_FOUND');
    expect(await a.chair4.codeOf(WITHDRAW, { id: d.id })).toBe('NOT_FOUND');
    expect(await a.fedAdmin2.codeOf(UPDATE, { id: d.id, a: 'x' })).toBe('NOT_FOUND');
    expect(await a.analystF1.codeOf(SUBMIT, { id: d.id })).toBe('FORBIDDEN');
    expect(await a.analyst.codeOf(WITHDRAW, { id: d.id })).toBe('FORBIDDEN');
    await expectUnchanged(a, d.id, d);
  });
});

describe('awaitingMyReview: exactly what the caller may review now', () => {
  it('answers, for each role, its queue: never its own, never one naming its own member record', async () => {
    const year = YEAR - 5;
    const mA = await freshMember(a, t.fx.G1.id, t.fx.T1.id);
    const mB = await freshMember(a, t.fx.G2.id);
    const mC = await freshMember(a, t.fx.G3.id);
    const mD = await freshMember(a, t.fx.G3.id);
    const mE = await freshMember(a, t.fx.G4.id, t.fx.T3.id);
    const N: Record<string, string> = {};
    N.a = (await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: mA, year })).id;
    N.b = (await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: a.selfMember, year })).id;
    N.j = (await createAndSubmit(a.chairB, { type: 'DVXS', member: mA, year })).id;
    N.c = (await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: mA, year })).id;
    N.c2 = (await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: a.selfMember2, year, nominatingUnitId: t.fx.G2.id })).id;
    N.d = (await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_CN', member: mB, year })).id;
    N.e = (await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: mA, year })).id;
    await review(a.unionAdminB, N.e, 'APPROVE');
    N.f = (await createAndSubmit(a.fedAdmin, { type: 'BK_LDLD_CN', member: mC, year })).id;
    N.g = (await createAndSubmit(a.chairG3, { type: 'BK_LDLD_CN', member: mD, year })).id;
    N.h = (await createAndSubmit(a.chair4, { type: 'GK_CDCS_CN', member: mE, year })).id;
    N.i = (await nominate(a.chair, { type: 'GK_CDCS_TT', unit: t.fx.T1.id, year })).id; // a DRAFT
    N.k = (await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: mA, year })).id;
    await review(a.unionAdmin, N.k, 'APPROVE');
    await review(a.fedAdminB, N.k, 'APPROVE'); // FORWARDED
    const all = Object.values(N);

    const expected: Record<string, string[]> = {
      sys: ['a', 'b', 'j', 'c', 'c2', 'd', 'e', 'f', 'g', 'h'],
      chair: ['j'],
      chairB: ['a', 'b'],
      chairM: ['a', 'j'],
      chairG3: [],
      chair4: [],
      unionAdmin: ['c'],
      unionAdminB: ['c', 'c2', 'd'],
      unionSelf: ['c', 'd'],
      fedAdmin: ['e', 'g'],
      fedAdminB: ['e', 'f', 'g'],
      fedAdmin2: [],
      analyst: [],
      analystF1: [],
    };
    const QUEUE = `query($filter: NominationFilter) { allNominations(filter: $filter, perPage: 1000) { id status currentLevel createdById nomineeMemberId nominatingUnitId } _allNominationsMeta(filter: $filter) { count } }`;
    const before = await Promise.all(all.map((id) => read(a, id)));
    for (const [who, keys] of Object.entries(expected)) {
      const api = accounts(a)[who];
      const r = await api.q(QUEUE, { filter: { awaitingMyReview: true, ids: all } });
      const got = r.allNominations.map((n: any) => Object.keys(N).find((k) => N[k] === n.id)).sort();
      expect({ who, got }).toEqual({ who, got: [...keys].sort() });
      expect({ who, count: r._allNominationsMeta.count }).toEqual({ who, count: keys.length });

      // the whole queue (whatever other tests left): PENDING at the role's level, never its own, never its member
      const whole = await api.q(QUEUE, { filter: { awaitingMyReview: true } });
      expect(whole._allNominationsMeta.count).toBe(whole.allNominations.length);
      for (const n of whole.allNominations) {
        expect(n.status).toBe('PENDING');
        if (who !== 'sys') expect(n.currentLevel).toBe(a.level[who]);
        expect(n.createdById).not.toBe(a.id[who]);
        if (a.member[who]) expect(n.nomineeMemberId).not.toBe(a.member[who]);
      }
      // every nomination of the set outside the queue is refused to this caller
      for (const k of Object.keys(N).filter((k) => !keys.includes(k))) {
        const res = await attempt(api, REVIEW, { id: N[k], d: 'RETURN', c: 'thử' });
        expect({ who, k, ok: res.ok }).toEqual({ who, k, ok: false });
        expect(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']).toContain(res.code);
      }
    }
    for (const b of before) await expectUnchanged(a, b.id, b);

    // the queue moves with the workflow: once the union approves c, it leaves every union queue
    await review(a.unionAdminB, N.c, 'APPROVE');
    for (const who of ['unionAdmin', 'unionAdminB', 'unionSelf', 'sys']) {
      const r = await accounts(a)[who].q(QUEUE, { filter: { awaitingMyReview: true, ids: [N.c] } });
      expect({ who, n: r.allNominations.length }).toEqual({ who, n: 0 });
    }
    // and combines with the other filters
    const r = await a.chairB.q(QUEUE, { filter: { awaitingMyReview: true, ids: all, awardTypeId: [type(a, 'GK_CDCS_CN')], currentLevel: ['GRASSROOTS'] } });
    expect(r.allNominations.map((n: any) => n.id).sort()).toEqual([N.a, N.b].sort());
  });
});

describe('the rules, each refused with its own message and extensions.rule', () => {
  const messages = new Map<string, string>();

  async function refusedRule(api: Api, vars: Parameters<typeof createAndSubmit>[1], rule: string, field: string) {
    const before = (await a.sys.q(`{ _allNominationsMeta(filter: { status: [PENDING] }) { count } }`))._allNominationsMeta.count;
    const res = await attempt(api, CREATE, N(a, vars));
    let err = res.error;
    let draft: any = null;
    if (res.ok) {
      draft = res.data.createNomination;
      err = (await attempt(api, SUBMIT, { id: draft.id })).error;
    }
    expect({ rule, ext: err?.extensions }).toEqual({ rule, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', rule, field }) });
    expect(err!.message).toEqual(expect.any(String));
    messages.set(rule, err!.message);
    if (draft) await expectUnchanged(a, draft.id, draft); // the refused submit changed nothing
    expect((await a.sys.q(`{ _allNominationsMeta(filter: { status: [PENDING] }) { count } }`))._allNominationsMeta.count).toBe(before);
    return draft;
  }

  it('NOMINEE_KIND: an individual award for a unit, a collective one for a member', async () => {
    const count = async () => (await a.sys.q(`{ _allNominationsMeta { count } }`))._allNominationsMeta.count;
    const before = await count();
    const e1 = await a.chair.errorsOf(CREATE, N(a, { type: 'GK_CDCS_CN', unit: t.fx.T1.id }));
    expect(e1[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOMINEE_KIND', field: 'nomineeMemberId' });
    const e2 = await a.chair.errorsOf(CREATE, N(a, { type: 'CDCS_VM', member: t.fx.m.hoa.id }));
    expect(e2[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOMINEE_KIND', field: 'nomineeUnitId' });
    const e3 = await a.chair.errorsOf(CREATE, { t: type(a, 'GK_CDCS_CN'), y: YEAR, a: 'Thành tích' });
    expect(e3[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOMINEE_KIND' });
    messages.set('NOMINEE_KIND', e1[0].message);
    expect(await count()).toBe(before);
    // and an edit cannot make it wrong either
    const d = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const e4 = await a.chair.errorsOf(UPDATE, { id: d.id, u: t.fx.T1.id });
    expect(e4[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOMINEE_KIND' });
    await expectUnchanged(a, d.id, d);
  });

  it('NOMINEE_ACTIVE: a member who LEFT', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    await a.chair.q(`mutation($id: ID!) { deleteMember(id: $id) { status } }`, { id: m });
    await refusedRule(a.chair, { type: 'GK_CDCS_CN', member: m }, 'NOMINEE_ACTIVE', 'nomineeMemberId');
  });

  it('NOMINEE_ACTIVE again on approval: the member left while the nomination was pending', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: m });
    await a.chair.q(`mutation($id: ID!) { updateMember(id: $id, status: LEFT) { status } }`, { id: m });
    await expectRefused(a.unionAdmin, REVIEW, { id: p.id, d: 'APPROVE', v: p.version }, 'BAD_USER_INPUT', { rule: 'NOMINEE_ACTIVE' });
    await expectUnchanged(a, p.id, p);
    // RETURN and REJECT still work on it
    expect((await review(a.unionAdmin, p.id, 'REJECT', 'Đã ra khỏi công đoàn')).status).toBe('REJECTED');
  });

  it('UNDER_DISCIPLINE: disciplinedFrom set through updateMember; an ended discipline no longer counts', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    await a.chair.q(`mutation($id: ID!) { updateMember(id: $id, disciplinedFrom: "2020-01-01") { id } }`, { id: m });
    const draft = await refusedRule(a.chair, { type: 'GK_CDCS_CN', member: m }, 'UNDER_DISCIPLINE', 'nomineeMemberId');
    await a.chair.q(`mutation($id: ID!) { updateMember(id: $id, disciplinedUntil: "2020-12-31") { id } }`, { id: m });
    const p = draft ? await submit(a.chair, draft.id) : await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: m });
    expect(p.status).toBe('PENDING');
  });

  it('UNDER_DISCIPLINE again on approval: the discipline started while the nomination was pending', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: m });
    const atFed = await review(a.unionAdmin, p.id, 'APPROVE');
    await a.sys.q(`mutation($id: ID!, $d: String) { updateMember(id: $id, disciplinedFrom: $d) { id } }`, { id: m, d: dayInVietnam() });
    await expectRefused(a.fedAdmin, REVIEW, { id: p.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'UNDER_DISCIPLINE', field: 'nomineeMemberId' });
    await expectUnchanged(a, p.id, atFed);
    expect((await a.sys.q(AWARDS_OF, { filter: { nominationId: [p.id] } })).allAwards).toEqual([]);
  });

  it('ONCE_PER_LIFETIME: KNC twice for the same member', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p = await createAndSubmit(a.chair, { type: 'KNC', member: m, year: YEAR - 1 });
    await review(a.unionAdmin, p.id, 'APPROVE');
    await review(a.fedAdmin, p.id, 'APPROVE');
    await a.fedAdmin.q(RECORD, { id: p.id, ok: true, no: '77/QĐ-TLĐ' });
    await refusedRule(a.chair, { type: 'KNC', member: m }, 'ONCE_PER_LIFETIME', 'awardTypeId');
    // another once-in-a-lifetime-free type is still fine for the member
    expect((await createAndSubmit(a.chair, { type: 'BK_TLD_CN', member: m })).status).toBe('PENDING');
  });

  it('ONCE_PER_LIFETIME on approval: a second KNC in flight is refused once the first is awarded', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const p1 = await createAndSubmit(a.chair, { type: 'KNC', member: m, year: YEAR - 1 });
    const p2 = await createAndSubmit(a.chair, { type: 'KNC', member: m, year: YEAR });
    await review(a.unionAdmin, p1.id, 'APPROVE');
    await review(a.fedAdmin, p1.id, 'APPROVE');
    await a.fedAdmin.q(RECORD, { id: p1.id, ok: true, no: '78/QĐ-TLĐ' });
    await expectRefused(a.unionAdmin, REVIEW, { id: p2.id, d: 'APPROVE' }, 'BAD_USER_INPUT', { rule: 'ONCE_PER_LIFETIME' });
    await expectUnchanged(a, p2.id, p2);
  });

  it('DUPLICATE_NOMINATION: same nominee, type and year while one is open; free again once it is closed', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const first = await nominate(a.chair, { type: 'GK_CDCS_CN', member: m });
    const dup = await refusedRule(a.chair, { type: 'GK_CDCS_CN', member: m }, 'DUPLICATE_NOMINATION', 'awardTypeId');
    // another year or another type is no duplicate
    expect((await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: m, year: YEAR - 1 })).status).toBe('PENDING');
    expect((await createAndSubmit(a.chair, { type: 'DVXS', member: m })).status).toBe('PENDING');
    // a collective duplicate too
    await nominate(a.chair, { type: 'GK_CDCS_TT', unit: t.fx.T1.id, year: YEAR - 6 });
    const e = await attempt(a.chair, CREATE, N(a, { type: 'GK_CDCS_TT', unit: t.fx.T1.id, year: YEAR - 6 }));
    const err = e.ok ? (await attempt(a.chair, SUBMIT, { id: e.data.createNomination.id })).error : e.error;
    expect(err?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DUPLICATE_NOMINATION' });
    // the first withdrawn, the duplicate may go
    await a.chair.q(WITHDRAW, { id: first.id });
    const second = dup ? await submit(a.chair, dup.id) : await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: m });
    expect(second.status).toBe('PENDING');
  });

  it('a nominee outside the nominating unit’s subtree, or a nominating unit out of scope: BAD_USER_INPUT', async () => {
    const count = async () => (await a.sys.q(`{ _allNominationsMeta { count } }`))._allNominationsMeta.count;
    const before = await count();
    const cases: [Api, Record<string, unknown>, string][] = [
      [a.chair, N(a, { type: 'GK_CDCS_CN', member: t.fx.m.mai.id }), 'nomineeMemberId'], // G2's member
      [a.chair, N(a, { type: 'GK_CDCS_CN', member: t.fx.m.dung.id }), 'nomineeMemberId'], // another federation
      [a.chair, N(a, { type: 'CDCS_VM', unit: t.fx.G2.id }), 'nomineeUnitId'],
      [a.chair, N(a, { type: 'GK_CDCS_TT', unit: t.fx.T1.id, nominatingUnitId: t.fx.T2.id }), 'nomineeUnitId'], // a sibling team
      [a.chair, N(a, { type: 'CDCS_VM', unit: t.fx.U1.id }), 'nomineeUnitId'], // its own ancestor
      [a.unionAdmin, N(a, { type: 'GK_CDCT_CN', member: t.fx.m.hung.id }), 'nomineeMemberId'], // G3 is not under U1
      [a.unionAdmin, N(a, { type: 'GK_CDCT_CN', member: t.fx.m.hoa.id, nominatingUnitId: t.fx.G2.id }), 'nomineeMemberId'],
      [a.chair, N(a, { type: 'GK_CDCS_CN', member: t.fx.m.mai.id, nominatingUnitId: t.fx.G2.id }), 'nominatingUnitId'],
      [a.unionAdmin, N(a, { type: 'BK_LDLD_CN', member: t.fx.m.hoa.id, nominatingUnitId: t.fx.F1.id }), 'nominatingUnitId'],
    ];
    for (const [api, vars, field] of cases) {
      const errs = await api.errorsOf(CREATE, vars);
      expect({ vars, ext: errs[0].extensions }).toEqual({ vars, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    expect(await count()).toBe(before);
    // nor may an edit move the nominee out
    const d = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    await expectRefused(a.chair, UPDATE, { id: d.id, m: t.fx.m.mai.id }, 'BAD_USER_INPUT', { field: 'nomineeMemberId' });
    await expectUnchanged(a, d.id, d);
  });

  it('an award type decided at a level outside the nominating unit’s chain: BAD_USER_INPUT on awardTypeId', async () => {
    const count = async () => (await a.sys.q(`{ _allNominationsMeta { count } }`))._allNominationsMeta.count;
    const before = await count();
    // G3 sits directly under F1: it has no union to decide GK_CDCT
    await expectRefused(a.chairG3, CREATE, N(a, { type: 'GK_CDCT_CN', member: t.fx.m.hung.id }), 'BAD_USER_INPUT', { field: 'awardTypeId' });
    await expectRefused(a.fedAdmin, CREATE, N(a, { type: 'GK_CDCT_CN', member: t.fx.m.an.id, nominatingUnitId: t.fx.G3.id }), 'BAD_USER_INPUT', { field: 'awardTypeId' });
    // a union cannot give a grassroots union's Giấy khen, a federation not a union's
    await expectRefused(a.unionAdmin, CREATE, N(a, { type: 'GK_CDCS_CN', member: t.fx.m.mai.id }), 'BAD_USER_INPUT', { field: 'awardTypeId' });
    await expectRefused(a.fedAdmin, CREATE, N(a, { type: 'GK_CDCT_CN', member: t.fx.m.mai.id }), 'BAD_USER_INPUT', { field: 'awardTypeId' });
    expect(await count()).toBe(before);
    // and an edit cannot switch to one
    const d = await nominate(a.chairG3, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G3.id) });
    await expectRefused(a.chairG3, UPDATE, { id: d.id, t: type(a, 'GK_CDCT_CN') }, 'BAD_USER_INPUT', { field: 'awardTypeId' });
    await expectUnchanged(a, d.id, d);
  });

  it('each rule is refused with its own message', () => {
    expect([...messages.keys()].sort()).toEqual(['DUPLICATE_NOMINATION', 'NOMINEE_ACTIVE', 'NOMINEE_KIND', 'ONCE_PER_LIFETIME', 'UNDER_DISCIPLINE']);
    expect(new Set(messages.values()).size).toBe(messages.size);
  });
});

describe('the audit trail', () => {
  it('has each transition of a nomination (entityType Nomination) and the award’s creation', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const d = await nominate(a.chair, { type: 'BK_TLD_CN', member: m });
    await a.chair.q(UPDATE, { id: d.id, a: 'Thành tích sửa' });
    await submit(a.chair, d.id);
    await review(a.unionAdmin, d.id, 'RETURN', 'Thiếu hồ sơ');
    await submit(a.chair, d.id);
    await review(a.unionAdmin, d.id, 'APPROVE');
    await review(a.fedAdmin, d.id, 'APPROVE');
    await a.fedAdmin.q(RECORD, { id: d.id, ok: true, no: '501/QĐ-TLĐ' });
    const n = await read(a, d.id);

    const AUDIT = `query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 1000) { id action actorId entityType entityId unitId } }`;
    const rows = (await a.sys.q(AUDIT, { f: { entityType: ['Nomination'], entityId: [d.id] } })).allAuditEvents.sort((x: any, y: any) => Number(x.id) - Number(y.id));
    expect(rows.map((r: any) => [r.action, r.actorId])).toEqual([
      ['CREATE', a.id.chair],
      ['UPDATE', a.id.chair],
      ['SUBMIT', a.id.chair],
      ['RETURN', a.id.unionAdmin],
      ['SUBMIT', a.id.chair],
      ['APPROVE', a.id.unionAdmin],
      ['APPROVE', a.id.fedAdmin],
      ['CONFEDERATION_APPROVE', a.id.fedAdmin],
    ]);
    // the rows belong to the unit where the nominee sits, so the chair's own audit view shows them
    expect(rows.every((r: any) => r.unitId === String(t.fx.G1.id))).toBe(true);
    const chairSees = (await a.chair.q(AUDIT, { f: { entityType: ['Nomination'], entityId: [d.id] } })).allAuditEvents;
    expect(chairSees).toHaveLength(rows.length);
    const award = (await a.sys.q(AUDIT, { f: { entityType: ['Award'], entityId: [n.award.id] } })).allAuditEvents;
    expect(award.map((r: any) => r.action)).toEqual(['CREATE']);
    // a refused step leaves no trace
    await a.chair.errorsOf(WITHDRAW, { id: d.id });
    expect((await a.sys.q(AUDIT, { f: { entityType: ['Nomination'], entityId: [d.id] } })).allAuditEvents).toHaveLength(rows.length);
    // the other workflow verbs
    const w = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: m });
    await a.chair.q(WITHDRAW, { id: w.id });
    const r = await createAndSubmit(a.chair, { type: 'DVXS', member: m });
    await review(a.chairB, r.id, 'REJECT', 'Không đạt');
    const k = await createAndSubmit(a.chair, { type: 'KNC', member: m });
    await review(a.unionAdmin, k.id, 'APPROVE');
    await review(a.fedAdmin, k.id, 'APPROVE');
    await a.fedAdmin.q(RECORD, { id: k.id, ok: false, c: 'Chưa đủ điều kiện' });
    const verbs = async (id: string) =>
      (await a.sys.q(AUDIT, { f: { entityType: ['Nomination'], entityId: [id] } })).allAuditEvents.map((x: any) => x.action).reverse();
    expect(await verbs(w.id)).toEqual(['CREATE', 'SUBMIT', 'WITHDRAW']);
    expect(await verbs(r.id)).toEqual(['CREATE', 'SUBMIT', 'REJECT']);
    expect(await verbs(k.id)).toEqual(['CREATE', 'SUBMIT', 'APPROVE', 'APPROVE', 'CONFEDERATION_REJECT']);
  });
});

describe('decision numbers, across the whole run', () => {
  it('no number the system assigned repeats within a deciding unit and year, except inside one reviewNominations call', async () => {
    await checkNumbersNeverRepeat(a);
    expect(batches(a).length).toBeGreaterThan(0);
  });
});
