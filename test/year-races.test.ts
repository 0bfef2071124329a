import { Api, startTestServer, TestServer } from './support/harness';
import type { AccountName } from './support/fixture';
import { answer, countAll, create, E, ids, Outcome, signInAll, Unit, update } from './support/year';

/**
 * The union's year under concurrency: the one-of-a-kind records (a cluster's LEADER for a year, a
 * congress's CHAIR, a unit's rating for a year, a unit's entry in a cluster for a year) written by
 * several clients at once. Exactly one wins; every other answers CONFLICT, never
 * INTERNAL_SERVER_ERROR; and one row is left. The unique keys that decide it hold on MariaDB and on
 * SQLite alike, also for rows written past the service's checks.
 */

// Generous on a loaded machine (two cores shared): the assertions are on outcomes that hold
// whatever the interleaving, never on time.
jest.setTimeout(240_000);

/** Runs `n` writes at once and answers their outcomes. */
const race = (writes: (() => Promise<Outcome>)[]) => Promise.all(writes.map((w) => w()));
/** The answers, sorted; an unexpected one (an internal error above all) shows its message in the failure. */
const tally = (out: Outcome[]) => out.map((o) => (o.ok || o.code === 'CONFLICT' ? answer(o) : `${answer(o)}: ${o.message}`)).sort();

/** The same races, on a server of either database. */
function races(dialect: 'mysql' | 'sqlite') {
  let t: TestServer;
  let api: Record<AccountName, Api>;
  let id: ReturnType<typeof ids>;
  const sys = () => api.sysadmin;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    api = await signInAll(t);
    id = ids(t);
  }, 240_000);
  afterAll(() => t?.stop());

  const cluster = async (u: Unit) => (await create(sys(), 'EmulationCluster', { name: 'Cụm thi đua số I', kind: E('CLUSTER'), organizingUnitId: id.unit(u) })).id!;
  const entry = (c: string, u: Unit, role = 'LEADER', year = 2023) => ({ clusterId: c, unitId: id.unit(u), year, role: E(role) });
  const ROUNDS = 6;

  it('two clients create the LEADER of one cluster and year at once: one wins, the other CONFLICT; one leader', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const c = await cluster('U1');
      const out = await race([() => create(api.unionAdmin, 'ClusterEntry', entry(c, 'G1')), () => create(api.fedAdmin, 'ClusterEntry', entry(c, 'G2'))]);
      expect(tally(out)).toEqual(['CONFLICT', 'OK']);
      expect(await countAll(sys(), 'ClusterEntry', 'ClusterEntries', { clusterId: [c], role: ['LEADER'] })).toBe(1);
    }
  });

  it('six clients at once, and two MEMBER entries promoted to LEADER at once: still one leader', async () => {
    const c = await cluster('F1');
    const racers: [Api, Unit][] = [[sys(), 'U1'], [api.fedAdmin, 'G1'], [sys(), 'G2'], [api.fedAdmin, 'G3'], [sys(), 'T1'], [api.fedAdmin, 'T2']];
    const out = await race(racers.map(([who, u]) => () => create(who, 'ClusterEntry', entry(c, u))));
    expect(tally(out)).toEqual([...Array(5).fill('CONFLICT'), 'OK']);
    for (let round = 0; round < ROUNDS; round++) {
      const c2 = await cluster('U1');
      const a = (await create(sys(), 'ClusterEntry', entry(c2, 'G1', 'MEMBER'))).id!;
      const b = (await create(sys(), 'ClusterEntry', entry(c2, 'G2', 'MEMBER'))).id!;
      const promoted = await race([() => update(api.unionAdmin, 'ClusterEntry', a, { role: E('LEADER') }), () => update(api.fedAdmin, 'ClusterEntry', b, { role: E('LEADER') })]);
      expect(tally(promoted)).toEqual(['CONFLICT', 'OK']);
      expect(await countAll(sys(), 'ClusterEntry', 'ClusterEntries', { clusterId: [c2], role: ['LEADER'] })).toBe(1);
    }
  });

  it('one unit entered twice in one cluster and year at once: one entry', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const c = await cluster('U1');
      const out = await race([() => create(api.unionAdmin, 'ClusterEntry', entry(c, 'G1', 'MEMBER')), () => create(sys(), 'ClusterEntry', entry(c, 'G1', 'DEPUTY'))]);
      expect(tally(out)).toEqual(['CONFLICT', 'OK']);
      expect(await countAll(sys(), 'ClusterEntry', 'ClusterEntries', { clusterId: [c] })).toBe(1);
    }
  });

  it('two clients elect a CHAIR of one congress at once: one wins, the other CONFLICT; one chair', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const congress = (await create(sys(), 'Congress', { unitId: id.unit('G1'), heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 40, attendedCount: 35 })).id!;
      const seat = (who: Api, m: 'hoa' | 'binh') => () => create(who, 'CommitteeSeat', { congressId: congress, memberId: id.member(m), position: E('CHAIR') });
      const out = await race([seat(api.chair, 'hoa'), seat(api.unionAdmin, 'binh')]);
      expect(tally(out)).toEqual(['CONFLICT', 'OK']);
      expect(await countAll(sys(), 'CommitteeSeat', 'CommitteeSeats', { congressId: [congress], position: ['CHAIR'] })).toBe(1);
    }
  });

  it('two clients rate one unit for one year at once: one rating', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const year = 2010 + round;
      const rate = (who: Api, level: string) => () => create(who, 'AnnualRating', { unitId: id.unit('G2'), year, level: E(level) });
      const out = await race([rate(api.unionAdmin, 'GOOD'), rate(sys(), 'EXCELLENT')]);
      expect(tally(out)).toEqual(['CONFLICT', 'OK']);
      expect(await countAll(sys(), 'AnnualRating', 'AnnualRatings', { unitId: [id.unit('G2')], year: [year] })).toBe(1);
    }
  });

  it('the keys bind in the database itself: a second leader or chair written past the service is refused; any number of other rows is not', async () => {
    const c = await cluster('U1');
    await create(sys(), 'ClusterEntry', entry(c, 'G1'));
    const insertEntry = (unitId: number, slot: number | null) =>
      t.ds.query('INSERT INTO cluster_entry (cluster_id, unit_id, year, role, leader_slot) VALUES (?, ?, 2023, ?, ?)', [Number(c), unitId, slot ? 'LEADER' : 'MEMBER', slot]);
    await expect(insertEntry(t.fx.G2.id, 1)).rejects.toThrow(/duplicate|unique/i);
    await insertEntry(t.fx.G2.id, null);
    await insertEntry(t.fx.T1.id, null);
    const congress = (await create(sys(), 'Congress', { unitId: id.unit('G1'), heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 40, attendedCount: 35 })).id!;
    await create(sys(), 'CommitteeSeat', { congressId: congress, memberId: id.member('hoa'), position: E('CHAIR') });
    const insertSeat = (memberId: number, position: string, slot: number | null) =>
      t.ds.query('INSERT INTO committee_seat (congress_id, member_id, position, chair_slot) VALUES (?, ?, ?, ?)', [Number(congress), memberId, position, slot]);
    await expect(insertSeat(t.fx.m.binh.id, 'CHAIR', 1)).rejects.toThrow(/duplicate|unique/i);
    await insertSeat(t.fx.m.binh.id, 'BCH_MEMBER', null);
    await insertSeat(t.fx.m.lan.id, 'BCH_MEMBER', null);
    expect(await countAll(sys(), 'CommitteeSeat', 'CommitteeSeats', { congressId: [congress] })).toBe(3);
  });
}

describe('on MariaDB', () => races('mysql'));
describe('on SQLite', () => races('sqlite'));
