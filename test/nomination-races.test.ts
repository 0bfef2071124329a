/**
 * Races on the nomination workflow, through the API on real MariaDB: concurrent reviews of one
 * nomination (exactly one wins, one Award), stale versions, reviewNominations reporting each id,
 * and decision numbers under concurrency.
 */
import { Api, startTestServer, TestServer } from './support/harness';
import {
  attempt, Attempt, AWARDS_OF, checkNumbersNeverRepeat, createAndSubmit, expectUnchanged, freshMember, login, nominate, read, REVIEW,
  review, reviewMany, S, setup, SUBMIT, WITHDRAW, YEAR,
} from './support/nominations';

// Generous on a loaded machine (two cores shared, the race runs 20 clients at once): the assertions
// are on outcomes that hold whatever the interleaving, never on time.
jest.setTimeout(240_000);

let t: TestServer;
let a: S;
beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
}, 240_000);
afterAll(() => t?.stop());

const NUMBER = (code: string) => new RegExp(`^[1-9]\\d*/QĐ-${code}$`);

/** `n` clients signed in as one account (each its own HTTP requests; a few distinct sessions, since logging in is slow by design). */
async function clients(username: string, n: number): Promise<Api[]> {
  const sessions = await Promise.all(Array.from({ length: Math.min(n, 3) }, () => login(t, username)));
  return Array.from({ length: n }, (_, i) => sessions[i % sessions.length].api);
}

async function awardsOf(id: string) {
  return (await a.sys.q(AWARDS_OF, { filter: { nominationId: [id] } })).allAwards;
}

function outcome(results: Attempt[]) {
  const ok = results.filter((r) => r.ok);
  const codes = results.filter((r) => !r.ok).map((r) => r.code);
  // Whatever the interleaving: never an internal error (a deadlock is re-run, then CONFLICT). The
  // message is in the failure, so that a failing run says what it met.
  expect(results.filter((r) => !r.ok && !['CONFLICT', 'FORBIDDEN'].includes(r.code!)).map((r) => [r.code, r.error?.message])).toEqual([]);
  return { ok, codes };
}

describe('concurrent reviews of one nomination', () => {
  it('20 clients of the same reviewer APPROVE at the deciding level without a version: one wins, one Award', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const racers = await clients('vicechair', 20);
    const results = await Promise.all(racers.map((api) => attempt(api, REVIEW, { id: p.id, d: 'APPROVE' })));
    const { ok, codes } = outcome(results);
    expect(ok).toHaveLength(1);
    expect(codes).toHaveLength(19);
    // the contract: CONFLICT, or FORBIDDEN for a racer that passed no version
    for (const c of codes) expect(['CONFLICT', 'FORBIDDEN']).toContain(c);
    const n = await read(a, p.id);
    expect(n).toMatchObject({ status: 'APPROVED', version: p.version + 1 });
    expect(n.reviews).toHaveLength(1);
    expect(n.history.filter((h: any) => h.action === 'APPROVE')).toHaveLength(1);
    const awards = await awardsOf(p.id);
    expect(awards).toHaveLength(1);
    expect(awards[0].id).toBe(ok[0].data.reviewNomination.award.id);
    expect(awards[0].decisionNumber).toMatch(NUMBER('G1'));
  });

  it('20 clients of the same reviewer passing the version: one wins, every other answers CONFLICT', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const racers = await clients('vicechair', 20);
    const results = await Promise.all(racers.map((api) => attempt(api, REVIEW, { id: p.id, d: 'APPROVE', v: p.version })));
    const { ok, codes } = outcome(results);
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    expect(await awardsOf(p.id)).toHaveLength(1);
    expect((await read(a, p.id)).reviews).toHaveLength(1);
  });

  it('several valid reviewers at the deciding level, without a version: one wins, one Award', async () => {
    const p = await createAndSubmit(a.chair, { type: 'DVXS', member: await freshMember(a, t.fx.G1.id) });
    const racers = [...(await clients('vicechair', 7)), ...(await clients('chairself', 7)), ...(await clients('sysadmin', 6))];
    const results = await Promise.all(racers.map((api) => attempt(api, REVIEW, { id: p.id, d: 'APPROVE' })));
    const { ok, codes } = outcome(results);
    expect(ok).toHaveLength(1);
    for (const c of codes) expect(['CONFLICT', 'FORBIDDEN']).toContain(c);
    expect((await read(a, p.id))).toMatchObject({ status: 'APPROVED', version: p.version + 1 });
    expect(await awardsOf(p.id)).toHaveLength(1);
  });

  it('several valid reviewers forwarding from UNION, with the version: one wins, the others CONFLICT, it climbs one level only', async () => {
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
    expect(p.currentLevel).toBe('UNION');
    const racers = [...(await clients('unionAdmin', 5)), ...(await clients('union2', 5)), ...(await clients('unionself', 5)), ...(await clients('sysadmin', 5))];
    const results = await Promise.all(racers.map((api) => attempt(api, REVIEW, { id: p.id, d: 'APPROVE', v: p.version })));
    const { ok, codes } = outcome(results);
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const n = await read(a, p.id);
    expect(n).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: p.version + 1, award: null });
    expect(n.reviews.map((r: any) => r.level)).toEqual(['UNION']);
  });

  it('several union reviewers forwarding without a version: one wins, the others CONFLICT or FORBIDDEN (moved past their level)', async () => {
    const p = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
    const racers = [...(await clients('unionAdmin', 7)), ...(await clients('union2', 7)), ...(await clients('unionself', 6))];
    const results = await Promise.all(racers.map((api) => attempt(api, REVIEW, { id: p.id, d: 'APPROVE' })));
    const { ok, codes } = outcome(results);
    expect(ok).toHaveLength(1);
    for (const c of codes) expect(['CONFLICT', 'FORBIDDEN']).toContain(c);
    const n = await read(a, p.id);
    expect(n).toMatchObject({ status: 'PENDING', currentLevel: 'FEDERATION', version: p.version + 1 });
    expect(n.reviews).toHaveLength(1);
  });

  it('APPROVE, REJECT and RETURN racing: exactly one decision lands and the nomination shows it', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
      const plan: [string, string][] = [];
      for (let i = 0; i < 18; i++) plan.push([['vicechair', 'chairself', 'sysadmin'][i % 3], ['APPROVE', 'REJECT', 'RETURN'][(i + round) % 3]]);
      const apis: Record<string, Api> = { vicechair: a.chairB, chairself: a.chairM, sysadmin: a.sys };
      const results = await Promise.all(plan.map(([u, d]) => attempt(apis[u], REVIEW, { id: p.id, d, c: 'Ý kiến', v: p.version })));
      const { ok, codes } = outcome(results);
      expect(ok).toHaveLength(1);
      expect(codes).toEqual(Array(17).fill('CONFLICT'));
      const winner = plan[results.indexOf(ok[0])][1];
      const n = await read(a, p.id);
      expect(n.status).toBe({ APPROVE: 'APPROVED', REJECT: 'REJECTED', RETURN: 'RETURNED' }[winner]);
      expect(n.reviews.map((r: any) => r.decision)).toEqual([winner]);
      expect(await awardsOf(p.id)).toHaveLength(winner === 'APPROVE' ? 1 : 0);
    }
  });

  it('submit, withdraw and review racing on one nomination: the steps stay consistent', async () => {
    // ten submits of one draft: one wins
    const d = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const subs = await Promise.all((await clients('chair', 10)).map((api) => attempt(api, SUBMIT, { id: d.id })));
    expect(outcome(subs).ok).toHaveLength(1);
    expect(outcome(subs).codes).toEqual(Array(9).fill('CONFLICT'));
    const p = await read(a, d.id);
    expect(p).toMatchObject({ status: 'PENDING', version: 2 });
    expect(p.history.filter((h: any) => h.action === 'SUBMIT')).toHaveLength(1);

    // withdraw against approval: one of the two, never both
    const [w, r] = await Promise.all([attempt(a.chair, WITHDRAW, { id: d.id }), attempt(a.chairB, REVIEW, { id: d.id, d: 'APPROVE' })]);
    expect([w.ok, r.ok].filter(Boolean)).toHaveLength(1);
    const n = await read(a, d.id);
    expect(n.status).toBe(w.ok ? 'WITHDRAWN' : 'APPROVED');
    expect(n.version).toBe(3);
    expect(await awardsOf(d.id)).toHaveLength(w.ok ? 0 : 1);
  });
});

describe('stale versions', () => {
  it('a stale (or unknown) version answers CONFLICT before any other check, and changes nothing', async () => {
    const p = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id) });
    expect(p.version).toBe(2);
    const cases: [Api, Record<string, unknown>][] = [
      [a.unionAdmin, { id: p.id, d: 'APPROVE', v: 1 }],
      [a.unionAdmin, { id: p.id, d: 'APPROVE', v: 3 }],
      [a.unionAdmin, { id: p.id, d: 'REJECT', v: 1 }], // no comment either: the version speaks first
      [a.unionAdminB, { id: p.id, d: 'RETURN', v: 1 }],
      [a.fedAdmin, { id: p.id, d: 'APPROVE', v: 1 }], // wrong level too
      [a.chair, { id: p.id, d: 'APPROVE', v: 1 }], // the creator too
      [a.sys, { id: p.id, d: 'APPROVE', v: 1 }],
    ];
    for (const [api, vars] of cases) {
      const errs = await api.errorsOf(REVIEW, vars);
      expect({ vars, code: errs[0].extensions?.code }).toEqual({ vars, code: 'CONFLICT' });
    }
    await expectUnchanged(a, p.id, p);

    // a reviewer who read version 2 while another moved it on
    const fresh = await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
    const seen = fresh.version;
    await review(a.unionAdmin, fresh.id, 'RETURN', 'Bổ sung');
    await a.chair.q(SUBMIT, { id: fresh.id });
    const now = await read(a, fresh.id);
    expect(now).toMatchObject({ status: 'PENDING', currentLevel: 'UNION' }); // same status and level as seen, but not the same version
    expect((await a.unionAdminB.errorsOf(REVIEW, { id: fresh.id, d: 'APPROVE', v: seen }))[0].extensions?.code).toBe('CONFLICT');
    await expectUnchanged(a, fresh.id, now);
    // the current version is accepted
    expect((await review(a.unionAdminB, fresh.id, 'APPROVE', null, now.version)).currentLevel).toBe('FEDERATION');
  });
});

describe('reviewNominations reports each id on its own', () => {
  it('one bad id (nonexistent, wrong status, wrong level, out of scope, repeated) leaves the others done', async () => {
    const y = YEAR - 7;
    const good = [];
    for (let i = 0; i < 4; i++) good.push(await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: y }));
    const draft = await nominate(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year: y });
    const atUnion = await createAndSubmit(a.chair, { type: 'GK_CDCT_CN', member: await freshMember(a, t.fx.G1.id), year: y });
    const elsewhere = await createAndSubmit(a.chair4, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G4.id), year: y });
    const own = await createAndSubmit(a.chairB, { type: 'DVXS', member: await freshMember(a, t.fx.G1.id), year: y });

    const ids = [good[0].id, '99999999', good[1].id, draft.id, good[2].id, atUnion.id, elsewhere.id, own.id, good[0].id, good[3].id];
    const res = await reviewMany(a, a.chairB, ids, 'APPROVE', 'Đồng ý');
    expect(res.map((r: any) => r.id)).toEqual(ids);
    expect(res.map((r: any) => [r.ok, r.code])).toEqual([
      [true, null],
      [false, 'NOT_FOUND'],
      [true, null],
      [false, 'CONFLICT'],
      [true, null],
      [false, 'FORBIDDEN'],
      [false, 'NOT_FOUND'],
      [false, 'FORBIDDEN'],
      [false, 'CONFLICT'], // already approved earlier in this very call
      [true, null],
    ]);
    for (const r of res) {
      if (r.ok) {
        expect(r.message).toBeNull();
        expect(r.nomination).toMatchObject({ id: r.id, status: 'APPROVED' });
      } else {
        expect(r.message).toEqual(expect.any(String));
        expect(r.message.length).toBeGreaterThan(0);
        expect(r.nomination).toBeNull();
      }
    }
    // the approved ones are one decision of G1
    const numbers = new Set(res.filter((r: any) => r.ok).map((r: any) => r.nomination.award.decisionNumber));
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(NUMBER('G1'));
    for (const g of good) {
      const n = await read(a, g.id);
      expect(n).toMatchObject({ status: 'APPROVED', version: g.version + 1 });
      expect(n.reviews).toEqual([expect.objectContaining({ level: 'GRASSROOTS', decision: 'APPROVE', comment: 'Đồng ý', reviewerId: a.id.chairB })]);
    }
    for (const n of [draft, atUnion, elsewhere, own]) await expectUnchanged(a, n.id, n);
  });

  it('REJECT through reviewNominations needs a comment for each id; with one, each is rejected', async () => {
    const p1 = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const p2 = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id) });
    const res = await reviewMany(a, a.chairB, [p1.id, p2.id], 'REJECT');
    expect(res.map((r: any) => [r.ok, r.code])).toEqual([[false, 'BAD_USER_INPUT'], [false, 'BAD_USER_INPUT']]);
    await expectUnchanged(a, p1.id, p1);
    const res2 = await reviewMany(a, a.chairB, [p1.id, p2.id], 'REJECT', 'Chưa đạt');
    expect(res2.map((r: any) => [r.ok, r.nomination?.status])).toEqual([[true, 'REJECTED'], [true, 'REJECTED']]);
  });
});

describe('decision numbers under concurrency', () => {
  async function pendingAtG1(n: number, year: number) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id), year }));
    return out;
  }

  it('ten approvals of different nominations of one deciding unit, in a year with no decision yet, all succeed with ten numbers', async () => {
    const ps = await pendingAtG1(10, YEAR - 8);
    const racers = await clients('vicechair', 10);
    const results = await Promise.all(ps.map((p, i) => attempt(racers[i], REVIEW, { id: p.id, d: 'APPROVE' })));
    expect(results.map((r) => r.code ?? 'ok')).toEqual(Array(10).fill('ok'));
    const numbers = results.map((r) => r.data.reviewNomination.award.decisionNumber);
    for (const n of numbers) expect(n).toMatch(NUMBER('G1'));
    expect(new Set(numbers).size).toBe(10);
  });

  it('the same once the year has decisions', async () => {
    const ps = await pendingAtG1(11, YEAR - 9);
    await review(a.chairB, ps[0].id, 'APPROVE');
    const racers = await clients('vicechair', 10);
    const results = await Promise.all(ps.slice(1).map((p, i) => attempt(racers[i], REVIEW, { id: p.id, d: 'APPROVE' })));
    expect(results.map((r) => r.code ?? 'ok')).toEqual(Array(10).fill('ok'));
    const numbers = [(await read(a, ps[0].id)).award.decisionNumber, ...results.map((r) => r.data.reviewNomination.award.decisionNumber)];
    expect(new Set(numbers).size).toBe(11);
  });

  it('two reviewNominations calls racing over the same ids: each id is decided once; each call is one decision', async () => {
    const ps = await pendingAtG1(6, YEAR - 10);
    const ids = ps.map((p) => p.id);
    const [r1, r2] = await Promise.all([reviewMany(a, a.chairB, ids, 'APPROVE'), reviewMany(a, a.sys, [...ids].reverse(), 'APPROVE')]);
    const okBy = new Map<string, number>();
    for (const r of [...r1, ...r2]) if (r.ok) okBy.set(r.id, (okBy.get(r.id) ?? 0) + 1);
    expect(ids.map((id) => okBy.get(id))).toEqual(Array(6).fill(1));
    for (const r of [...r1, ...r2]) if (!r.ok) expect(['CONFLICT', 'FORBIDDEN']).toContain(r.code);
    const numbersOf = (res: any[]) => new Set(res.filter((r) => r.ok).map((r) => r.nomination.award.decisionNumber));
    const n1 = numbersOf(r1);
    const n2 = numbersOf(r2);
    expect(n1.size).toBeLessThanOrEqual(1);
    expect(n2.size).toBeLessThanOrEqual(1);
    if (n1.size && n2.size) expect([...n1][0]).not.toBe([...n2][0]);
    const awards = (await a.sys.q(AWARDS_OF, { filter: { nominationId: ids } })).allAwards;
    expect(awards).toHaveLength(6);
  });

  it('across the whole run no number the system assigned repeats within a deciding unit and year, except inside one call', async () => {
    await checkNumbersNeverRepeat(a);
  });
});
