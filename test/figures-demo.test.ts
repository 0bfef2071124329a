/**
 * The analysts' worked example of the README on the embedded demo (SQLite, no DATABASE_URL): "how
 * many women members does each union of Thanh Hóa have, by age band" as one query, with a personal
 * API token, checked against the members the federation's admin reads (birth dates included).
 * It also runs the figures' SQL (age bands, join years, small groups) on SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Api } from './support/harness';
import { startApp, RunningApp } from '../server/app';
import { loadConfig } from '../server/config';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
/** The query of the README, verbatim. */
export const THANH_HOA_WOMEN_BY_AGE = `query WomenByUnionAndAge($federation: ID!) {
  memberStats(by: [CHILD_UNIT, AGE_BAND], unitId: $federation, filter: { gender: [FEMALE] }) {
    unit { ... on Union { name } ... on GrassrootsUnion { name } }
    ageBand
    count
  }
}`;

const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
function band(birth: string | null, day: string): string | null {
  if (!birth) return null;
  const a = Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (birth.slice(5) > day.slice(5) ? 1 : 0);
  return a >= 60 ? 'AGE_60_PLUS' : a >= 50 ? 'AGE_50_59' : a >= 40 ? 'AGE_40_49' : a >= 30 ? 'AGE_30_39' : 'UNDER_30';
}

describe('the worked example on the embedded demo', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-figures-'));
  let app: RunningApp;
  const as = async (username: string) => new Api(app.url, (await new Api(app.url).q(LOGIN, { u: username, p: 'demo1234' })).login.token);

  beforeAll(async () => {
    const { DATABASE_URL: _d, ADMIN_PASSWORD: _a, SEED_DEMO: _s, ...rest } = process.env;
    app = await startApp(loadConfig({ ...rest, NODE_ENV: 'test', PORT: '0', SQLITE_DEFAULT_PATH: path.join(dir, 'cd.db') }), () => undefined);
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("women of each Thanh Hóa union by age band: one query with the analyst's token, equal to the admin's rows, small groups left out", async () => {
    const fed = await as('ldld.thanhhoa');
    const th = (await fed.q(`{ allFederations(filter: { q: "thanh hoa" }) { id } }`)).allFederations[0].id;
    const members = (await fed.q(`query($f: ID!) { allMembers(filter: { federationId: [$f], gender: [FEMALE], status: [ACTIVE] }, perPage: 1000) { birthDate unionId grassrootsUnionId } }`, { f: th })).allMembers;
    const day = vnToday();
    const counts = new Map<string, number>();
    for (const m of members) {
      const key = `${m.unionId ?? m.grassrootsUnionId}|${band(m.birthDate, day)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }

    const analyst = await as('analyst');
    const { token } = (await analyst.q(`mutation { createApiToken(name: "README example") { token } }`)).createApiToken;
    const viaToken = new Api(app.url, token);
    const r = await viaToken.q(THANH_HOA_WOMEN_BY_AGE, { federation: th });
    const ids = await viaToken.q(`query($f: ID!) { memberStats(by: [CHILD_UNIT, AGE_BAND], unitId: $f, filter: { gender: [FEMALE] }) { unitId ageBand count } }`, { f: th });
    const got = new Map<string, number>(ids.memberStats.map((s: any) => [`${s.unitId}|${s.ageBand}`, s.count]));
    expect(got).toEqual(new Map([...counts].filter(([, n]) => n >= 5)));
    expect([...counts.values()].some((n) => n < 5)).toBe(true);

    // The README's table, printed for whoever updates it.
    const rows = r.memberStats.map((s: any) => `| ${s.unit.name} | ${s.ageBand} | ${s.count} |`).sort();
    console.log(`Thanh Hóa, women by union and age band on ${day} (analyst):\n${rows.join('\n')}`);
    expect(r.memberStats.every((s: any) => typeof s.unit.name === 'string')).toBe(true);
  });

  it('join years and ethnicities group on SQLite as on MariaDB', async () => {
    const admin = await as('admin');
    // Every active member, page by page (the demo holds more than one page of 1,000).
    const total = (await admin.q(`{ _allMembersMeta(filter: { status: [ACTIVE] }) { count } }`))._allMembersMeta.count;
    const members: any[] = [];
    for (let page = 0; page * 1000 < total; page++) {
      const got = await admin.q(`query($p: Int) { allMembers(filter: { status: [ACTIVE] }, page: $p, perPage: 1000, sortField: "id") { joinedAt ethnicity } }`, { p: page });
      members.push(...got.allMembers);
    }
    expect(members).toHaveLength(total);
    const r = await admin.q(`{ memberStats(by: [JOIN_YEAR, ETHNICITY]) { joinYear ethnicity count } }`);
    const expected = new Map<string, number>();
    for (const m of members) {
      const k = `${m.joinedAt ? Number(m.joinedAt.slice(0, 4)) : null}|${m.ethnicity}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(new Map(r.memberStats.map((s: any) => [`${s.joinYear}|${s.ethnicity}`, s.count]))).toEqual(expected);
  });
});
