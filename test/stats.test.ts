/**
 * Figures (issue 11): memberStats, awardStats and nominationStats against counts computed here,
 * independently, from the rows themselves, for every account of the fixture (each role and scope),
 * several units, dimensions and filters; groups of 1 to 4 left out for analysts only.
 */
import { startTestServer, TestServer } from './support/harness';
import { ACCOUNTS, AccountName } from './support/fixture';
import { TreeBuilder } from '../server/db/tree-builder';
import { Gender, MemberStatus } from '../server/member/member.entity';
import { Nomination, NominationStatus } from '../server/award/nomination.entity';
import { Award } from '../server/award/award.entity';
import { OrgUnit } from '../server/org/org-unit.entity';
import { rng } from '../server/db/names';
import { OrgLevel } from '../server/org/org-level';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await populate();
}, 120_000);
afterAll(() => t?.stop());

// ---- data ------------------------------------------------------------------------------------------

const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Mường', 'Thái', 'Nùng', null];
const STATUSES = Object.values(NominationStatus);
const LEVEL_OF: Record<string, OrgLevel | null> = { PENDING: OrgLevel.UNION, FORWARDED: OrgLevel.CONFEDERATION };

/** Vietnam's calendar day, computed here without the server's clock module (UTC+7, no daylight saving). */
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function populate() {
  const r = rng(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const { T1, T2, G1, G2, G3, G4, T3 } = t.fx;
  const places: OrgUnit[] = [T1, T1, T2, G1, G2, G3, G3, G3, T3, G4];
  const day = vnToday();
  await t.ds.transaction(async (em) => {
    const b = new TreeBuilder(em);
    const rows = [];
    for (let i = 0; i < 420; i++) {
      let birthDate: string | null = `${1960 + Math.floor(r() * 45)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      // Some born exactly 30, 40, 50 or 60 years ago today, or tomorrow: the bands' edges.
      if (i % 37 === 0) birthDate = `${Number(day.slice(0, 4)) - 30 - 10 * (i % 4)}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
      if (i % 41 === 0) birthDate = null;
      rows.push(
        b.memberRow(pick(places), {
          fullName: `Thành viên Thống Kê ${i}`,
          gender: r() < 0.55 ? Gender.FEMALE : Gender.MALE,
          birthDate,
          joinedAt: r() < 0.1 ? null : `${2000 + Math.floor(r() * 25)}-0${1 + Math.floor(r() * 9)}-15`,
          ethnicity: pick(ETHNICITIES),
          status: r() < 0.06 ? MemberStatus.LEFT : MemberStatus.ACTIVE,
          cardNumber: `TK-${i}`,
        }),
      );
    }
    await b.members(rows);
    const members = await em.query('SELECT id, full_name, federation_id, union_id, grassroots_union_id, team_id FROM member');
    const types: { id: number }[] = await em.query('SELECT id FROM award_type');
    const nominations = [];
    for (let i = 0; i < 160; i++) {
      const m = pick(members) as any;
      const status = pick(STATUSES);
      nominations.push({
        awardTypeId: pick(types).id, year: 2023 + Math.floor(r() * 3), achievements: 'Hoàn thành xuất sắc nhiệm vụ', nomineeMemberId: m.id, nomineeUnitId: null,
        nomineeName: m.full_name, nominatingUnitId: m.grassroots_union_id, status, currentLevel: LEVEL_OF[status] ?? null, version: 1, createdById: null,
        searchKey: 'thong ke', federationId: m.federation_id, unionId: m.union_id, grassrootsUnionId: m.grassroots_union_id, teamId: m.team_id,
      });
    }
    await em.insert(Nomination, nominations);
    const nominationRows = await em.query('SELECT id, award_type_id, year, nominee_member_id, nominee_name, federation_id, union_id, grassroots_union_id, team_id FROM nomination');
    await em.insert(
      Award,
      nominationRows.slice(0, 110).map((n: any, i: number) => ({
        nominationId: n.id, awardTypeId: n.award_type_id, year: n.year, nomineeMemberId: n.nominee_member_id, nomineeUnitId: null, nomineeName: n.nominee_name,
        decidingUnitId: n.grassroots_union_id, decisionNumber: `${i + 1}/QĐ-TK`, decidedAt: `${n.year}-11-20`, decidedById: null, searchKey: 'thong ke',
        federationId: n.federation_id, unionId: n.union_id, grassrootsUnionId: n.grassroots_union_id, teamId: n.team_id,
      })),
    );
  });
}

// ---- the independent computation -----------------------------------------------------------------

type Row = Record<string, any>;
const LEVEL_COLUMN: Record<string, string> = { FEDERATION: 'federation_id', UNION: 'union_id', GRASSROOTS: 'grassroots_union_id', TEAM: 'team_id' };

/** Whole years of age on `day`, a birthday not yet reached counting a year less. */
function age(birth: string, day: string): number {
  return Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (birth.slice(5) > day.slice(5) ? 1 : 0);
}
function band(birth: string | null, day: string): string | null {
  if (!birth) return null;
  const a = age(birth, day);
  return a >= 60 ? 'AGE_60_PLUS' : a >= 50 ? 'AGE_50_59' : a >= 40 ? 'AGE_40_49' : a >= 30 ? 'AGE_30_39' : 'UNDER_30';
}
function child(row: Row, unit: Row | null): number | null {
  if (!unit) return row.federation_id;
  if (unit.level === 'FEDERATION') return row.union_id ?? row.grassroots_union_id;
  if (unit.level === 'UNION') return row.grassroots_union_id;
  return row.team_id;
}
const inside = (row: Row, unit: Row | null) => !unit || row[LEVEL_COLUMN[unit.level]] === unit.id;
const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** Groups rows by the keys `key` gives (null keys included), counting them. */
function groupCount(rows: Row[], key: (r: Row) => Record<string, unknown>): Row[] {
  const m = new Map<string, Row>();
  for (const r of rows) {
    const k = key(r);
    const s = JSON.stringify(k);
    const g = m.get(s) ?? { ...k, count: 0 };
    g.count++;
    m.set(s, g);
  }
  return [...m.values()];
}

const canon = (rows: Row[]) => rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] == null ? null : String(r[k])]))).sort();

let units: Map<number, Row>;
let tables: { member: Row[]; nomination: Row[]; award: Row[] };
beforeAll(async () => {
  units = new Map((await t.ds.query('SELECT id, level FROM org_unit')).map((u: Row) => [u.id, u]));
  tables = {
    member: await t.ds.query('SELECT * FROM member'),
    nomination: await t.ds.query('SELECT * FROM nomination'),
    award: await t.ds.query('SELECT w.*, t.deciding_level FROM award w JOIN award_type t ON t.id = w.award_type_id'),
  };
});

/** The rows an account sees, of the unit asked for (its scope unit when none). */
function visible(table: Row[], account: AccountName, unitId: number | null): { rows: Row[]; unit: Row | null } {
  const scope = ACCOUNTS[account].scope ? units.get((t.fx as any)[ACCOUNTS[account].scope!].id)! : null;
  const unit = unitId != null ? units.get(unitId)! : scope;
  return { rows: table.filter((r) => inside(r, scope) && inside(r, unit)), unit };
}

const suppressed = (account: AccountName) => ACCOUNTS[account].role === 'ANALYST';
const shown = (account: AccountName, groups: Row[]) => (suppressed(account) ? groups.filter((g) => g.count >= 5) : groups);

/** The units each account asks figures of: its whole scope, and units inside it. */
const UNITS_ASKED: Record<AccountName, string[]> = {
  sysadmin: ['F1', 'U1', 'G1', 'T1', 'F2'],
  analyst: ['F1', 'U1', 'G3', 'G4'],
  fedAdmin: ['U1', 'G3'],
  fedAdmin2: ['U2', 'G4'],
  unionAdmin: ['G1', 'G2'],
  chair: ['T1'],
  chair4: ['T3'],
  analystF1: ['U1', 'G1'],
};
const ACCOUNT_NAMES = Object.keys(ACCOUNTS) as AccountName[];
const asked = (a: AccountName): (number | null)[] => [null, ...UNITS_ASKED[a].map((k) => (t.fx as any)[k].id as number)];

// ---- members ---------------------------------------------------------------------------------------

const MEMBER_STATS = `query($by: [MemberDimension!]!, $unitId: ID, $filter: MemberFilter, $activeOnly: Boolean) {
  memberStats(by: $by, unitId: $unitId, filter: $filter, activeOnly: $activeOnly) { unitId gender status ageBand joinYear ethnicity count } }`;

interface MemberCase {
  by: string[];
  filter?: Record<string, unknown>;
  activeOnly?: boolean;
  where?: (m: Row) => boolean;
}
const MEMBER_CASES: MemberCase[] = [
  { by: ['CHILD_UNIT', 'GENDER'] },
  { by: ['AGE_BAND'] },
  // The women of each child unit by age band: the question of the issue.
  { by: ['CHILD_UNIT', 'AGE_BAND'], filter: { gender: ['FEMALE'] }, where: (m) => m.gender === 'FEMALE' },
  { by: ['JOIN_YEAR'] },
  { by: ['ETHNICITY', 'STATUS'], activeOnly: false },
  { by: ['AGE_BAND', 'GENDER'], filter: { ethnicity: ['Kinh'], joinedAt_gte: '2010-01-01' }, where: (m) => m.ethnicity === 'Kinh' && m.joined_at != null && iso(m.joined_at)! >= '2010-01-01' },
  { by: [] },
];

function expectedMembers(account: AccountName, unitId: number | null, c: MemberCase): Row[] {
  const day = vnToday();
  const { rows, unit } = visible(tables.member, account, unitId);
  const selected = rows.filter((m) => (c.activeOnly === false || m.status === 'ACTIVE') && (!c.where || c.where(m)));
  const groups = groupCount(selected, (m) => {
    const k: Record<string, unknown> = { unitId: null, gender: null, status: null, ageBand: null, joinYear: null, ethnicity: null };
    if (c.by.includes('CHILD_UNIT')) k.unitId = child(m, unit);
    if (c.by.includes('GENDER')) k.gender = m.gender;
    if (c.by.includes('STATUS')) k.status = m.status;
    if (c.by.includes('AGE_BAND')) k.ageBand = band(iso(m.birth_date), day);
    if (c.by.includes('JOIN_YEAR')) k.joinYear = m.joined_at == null ? null : Number(iso(m.joined_at)!.slice(0, 4));
    if (c.by.includes('ETHNICITY')) k.ethnicity = m.ethnicity;
    return k;
  });
  return shown(account, groups);
}

describe('memberStats equals the counts computed from the rows', () => {
  it.each(ACCOUNT_NAMES)('as %s, for its scope and units inside it, by every dimension, with filters', async (account) => {
    const api = await t.as(account);
    let compared = 0;
    for (const unitId of asked(account)) {
      for (const c of MEMBER_CASES) {
        const r = await api.q(MEMBER_STATS, { by: c.by, unitId: unitId == null ? null : String(unitId), filter: c.filter, activeOnly: c.activeOnly });
        const expected = expectedMembers(account, unitId, c);
        expect({ unitId, by: c.by, rows: canon(r.memberStats) }).toEqual({ unitId, by: c.by, rows: canon(expected) });
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('small groups', () => {
  it('analysts never see a group of 1 to 4, while admins see every group, small ones included', async () => {
    const by = ['CHILD_UNIT', 'AGE_BAND', 'GENDER', 'ETHNICITY'];
    const admin = (await (await t.as('sysadmin')).q(MEMBER_STATS, { by, unitId: String(t.fx.F1.id) })).memberStats;
    const analyst = (await (await t.as('analyst')).q(MEMBER_STATS, { by, unitId: String(t.fx.F1.id) })).memberStats;
    const small = admin.filter((g: Row) => g.count < 5);
    // The test data makes both kinds of group, or this test could not fail.
    expect(small.length).toBeGreaterThan(3);
    expect(admin.some((g: Row) => g.count >= 5)).toBe(true);
    expect(analyst.every((g: Row) => g.count >= 5)).toBe(true);
    expect(canon(analyst)).toEqual(canon(admin.filter((g: Row) => g.count >= 5)));
    // The same for the other figures.
    const q = `{ awardStats(by: [AWARD_TYPE, CHILD_UNIT, YEAR]) { count } nominationStats(by: [STATUS, AWARD_TYPE, CHILD_UNIT]) { count } }`;
    const adminOther = await (await t.as('sysadmin')).q(q);
    const analystOther = await (await t.as('analyst')).q(q);
    expect(adminOther.awardStats.some((g: Row) => g.count < 5)).toBe(true);
    expect(adminOther.nominationStats.some((g: Row) => g.count < 5)).toBe(true);
    expect([...analystOther.awardStats, ...analystOther.nominationStats].every((g: Row) => g.count >= 5)).toBe(true);
  });

  it('analysts may group by age band but not filter by birth date', async () => {
    const analyst = await t.as('analyst');
    const e = (await analyst.errorsOf(MEMBER_STATS, { by: ['GENDER'], filter: { birthDate_gte: '1990-01-01' } }))[0];
    expect(e.extensions?.code).toBe('FORBIDDEN');
    const ok = await (await t.as('sysadmin')).q(MEMBER_STATS, { by: ['GENDER'], filter: { birthDate_gte: '1990-01-01' } });
    expect(ok.memberStats.length).toBeGreaterThan(0);
  });

  it('analysts may not narrow figures to chosen records (a group of one would show by difference); admins may', async () => {
    const ids: string[] = (await t.ds.query('SELECT id FROM member ORDER BY id LIMIT 40')).map((r: { id: number }) => String(r.id));
    const analyst = await t.as('analyst');
    // The attack: the same large group with and without one member.
    for (const filter of [{ ids }, { ids: ids.slice(1) }, { cardNumber: ['TK-1'] }]) {
      const e = (await analyst.errorsOf(MEMBER_STATS, { by: ['AGE_BAND'], filter }))[0];
      expect(e.extensions?.code).toBe('FORBIDDEN');
      expect(e.extensions?.field).toBe(`filter.${Object.keys(filter)[0]}`);
    }
    const awardsBy = 'query($f: AwardFilter){ awardStats(by: [YEAR], filter: $f) { count } }';
    expect(await analyst.codeOf(awardsBy, { f: { nomineeMemberId: [ids[0]] } })).toBe('FORBIDDEN');
    const nominationsBy = 'query($f: NominationFilter){ nominationStats(by: [STATUS], filter: $f) { count } }';
    expect(await analyst.codeOf(nominationsBy, { f: { ids: ['1'] } })).toBe('FORBIDDEN');
    // Filters that select groups, not persons, stay open to analysts.
    expect((await analyst.q(MEMBER_STATS, { by: ['GENDER'], filter: { gender: ['FEMALE'], joinedAt_gte: '2000-01-01' } })).memberStats.length).toBeGreaterThan(0);
    // An admin (who sees small groups anyway) may narrow by ids: the count is that of the ids.
    const admin = await t.as('sysadmin');
    const all = (await admin.q(MEMBER_STATS, { by: ['STATUS'], filter: { ids }, activeOnly: false })).memberStats as Row[];
    expect(all.reduce((n, g) => n + g.count, 0)).toBe(ids.length);
  });

  it('a unit out of scope is not found; a malformed filter is named', async () => {
    const chair = await t.as('chair');
    expect(await chair.codeOf(MEMBER_STATS, { by: ['GENDER'], unitId: String(t.fx.F1.id) })).toBe('NOT_FOUND');
    expect(await chair.codeOf(MEMBER_STATS, { by: ['GENDER'], unitId: String(t.fx.G4.id) })).toBe('NOT_FOUND');
    const e = (await chair.errorsOf(MEMBER_STATS, { by: ['GENDER'], filter: { joinedAt_gte: '2020-13-01' } }))[0];
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'joinedAt_gte', rule: 'NOT_A_DATE' });
  });
});

// ---- awards and nominations ------------------------------------------------------------------------

const AWARD_STATS = `query($by: [AwardDimension!]!, $unitId: ID, $filter: AwardFilter, $year: Int) {
  awardStats(by: $by, unitId: $unitId, filter: $filter, year: $year) { awardTypeId year decidingLevel unitId count } }`;
const NOMINATION_STATS = `query($by: [NominationDimension!]!, $unitId: ID, $filter: NominationFilter) {
  nominationStats(by: $by, unitId: $unitId, filter: $filter) { status currentLevel unitId awardTypeId year count } }`;

describe('awardStats and nominationStats equal the counts computed from the rows', () => {
  it.each(ACCOUNT_NAMES)('as %s', async (account) => {
    const api = await t.as(account);
    for (const unitId of asked(account)) {
      const u = unitId == null ? null : String(unitId);
      for (const c of [
        { by: ['AWARD_TYPE'] },
        { by: ['YEAR', 'CHILD_UNIT'] },
        { by: ['DECIDING_LEVEL'], year: 2024, where: (w: Row) => w.year === 2024 },
        { by: ['AWARD_TYPE', 'YEAR'], filter: { year_gte: 2024 }, where: (w: Row) => w.year >= 2024 },
      ] as { by: string[]; year?: number; filter?: object; where?: (w: Row) => boolean }[]) {
        const { rows, unit } = visible(tables.award, account, unitId);
        const expected = shown(
          account,
          groupCount(rows.filter((w) => !c.where || c.where(w)), (w) => ({
            awardTypeId: c.by.includes('AWARD_TYPE') ? w.award_type_id : null,
            year: c.by.includes('YEAR') ? w.year : null,
            decidingLevel: c.by.includes('DECIDING_LEVEL') ? w.deciding_level : null,
            unitId: c.by.includes('CHILD_UNIT') ? child(w, unit) : null,
          })),
        );
        const r = await api.q(AWARD_STATS, { by: c.by, unitId: u, filter: c.filter, year: c.year });
        expect({ unitId, by: c.by, rows: canon(r.awardStats) }).toEqual({ unitId, by: c.by, rows: canon(expected) });
      }
      for (const c of [
        { by: ['STATUS'] },
        { by: ['CURRENT_LEVEL', 'CHILD_UNIT'] },
        { by: ['AWARD_TYPE', 'YEAR'], filter: { year: [2024] }, where: (n: Row) => n.year === 2024 },
        { by: ['STATUS', 'YEAR'], filter: { status: ['PENDING', 'FORWARDED'] }, where: (n: Row) => ['PENDING', 'FORWARDED'].includes(n.status) },
      ] as { by: string[]; filter?: object; where?: (n: Row) => boolean }[]) {
        const { rows, unit } = visible(tables.nomination, account, unitId);
        const expected = shown(
          account,
          groupCount(rows.filter((n) => !c.where || c.where(n)), (n) => ({
            status: c.by.includes('STATUS') ? n.status : null,
            currentLevel: c.by.includes('CURRENT_LEVEL') ? n.current_level : null,
            unitId: c.by.includes('CHILD_UNIT') ? child(n, unit) : null,
            awardTypeId: c.by.includes('AWARD_TYPE') ? n.award_type_id : null,
            year: c.by.includes('YEAR') ? n.year : null,
          })),
        );
        const r = await api.q(NOMINATION_STATS, { by: c.by, unitId: u, filter: c.filter });
        expect({ unitId, by: c.by, rows: canon(r.nominationStats) }).toEqual({ unitId, by: c.by, rows: canon(expected) });
      }
    }
  });
});

// ---- what was there before ---------------------------------------------------------------------------

const STATS = `query($by: [MemberDimension!]!, $unitId: ID) { memberStats(by: $by, unitId: $unitId) { unitId gender count unit { ... on Union { name } ... on GrassrootsUnion { name } ... on Federation { name } } } }`;

describe('figures name their units', () => {
  it('a federation by child unit reads unions and direct grassroots unions by name', async () => {
    const r = await (await t.as('analyst')).q(STATS, { by: ['CHILD_UNIT'], unitId: t.fx.F1.id });
    const names = r.memberStats.map((s: Row) => s.unit.name).sort();
    expect(names).toEqual(['Công đoàn Công ty Mía đường Lam Sơn', 'Công đoàn Viên chức tỉnh Thanh Hóa']);
  });

  it('the overview counts what the caller can see', async () => {
    const active = (pred: (m: Row) => boolean) => tables.member.filter((m) => m.status === 'ACTIVE' && pred(m)).length;
    const r = await (await t.as('unionAdmin')).q(`{ overview { unions grassrootsUnions teams members women } }`);
    expect(r.overview).toEqual({
      unions: 1, grassrootsUnions: 2, teams: 2,
      members: active((m) => m.union_id === t.fx.U1.id),
      women: active((m) => m.union_id === t.fx.U1.id && m.gender === 'FEMALE'),
    });
    const all = await (await t.as('sysadmin')).q(`{ overview { federations members } }`);
    expect(all.overview).toEqual({ federations: 2, members: active(() => true) });
  });

  it('the overview of a year no record can have is refused, naming the year', async () => {
    const admin = await t.as('unionAdmin');
    for (const year of [0, -1, 1928, 99999]) {
      const e = (await admin.errorsOf('query($y: Int) { overview(year: $y) { awardsThisYear } }', { y: year }))[0];
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    }
    const thisYear = Number(vnToday().slice(0, 4));
    for (const year of [1929, thisYear, thisYear + 1]) {
      expect((await admin.q('query($y: Int) { overview(year: $y) { year } }', { y: year })).overview.year).toBe(year);
    }
  });
});
