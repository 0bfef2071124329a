/**
 * The database unreachable (issue 7): the server (its own process, production mode, as deployed)
 * reaches MariaDB through a TCP proxy that the test cuts (connections refused, as when MariaDB is
 * stopped, or accepted and never answered, as when its host hangs) and restores. While cut, a
 * query answers HTTP 503 with SERVICE_UNAVAILABLE in a few seconds, /healthz answers 503 without
 * hanging, the outage is logged once and not once per request; once restored, the same server
 * answers again (no restart).
 */
import { startServerProcess, ServerProcess } from './support/server-process';
import { TcpProxy } from './support/tcp-proxy';
import { TEST_MYSQL_URL } from './support/mysql';

let proxy: TcpProxy;
let t: ServerProcess;
let token: string;

beforeAll(async () => {
  const target = new URL(TEST_MYSQL_URL);
  proxy = await new TcpProxy(target.hostname, Number(target.port || 3306)).start();
  t = await startServerProcess({}, {
    via: (url) => {
      const u = new URL(url);
      u.host = `127.0.0.1:${proxy.port}`;
      return u.toString();
    },
  });
  token = t.adminToken;
}, 120_000);
afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await t?.stop();
  await proxy?.stop();
});

interface Answer {
  status: number;
  ms: number;
  json: any;
}

async function gql(query: string, auth: string | null = token): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, json: await res.json(), ms: Date.now() - started };
}

async function healthz(): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${t.url}/healthz`, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, json: await res.json(), ms: Date.now() - started };
}

const MEMBERS = '{ allMembers(perPage: 3) { id fullName } }';
const LOGIN = 'mutation { login(username: "nobody.here", password: "not-the-password") { token } }';
const CREATE = 'mutation { createFederation(name: "Liên đoàn Mất Điện") { id } }';
const FEDERATIONS = '{ allFederations(filter: { q: "Mất Điện" }) { id } }';
const codes = (a: Answer) => (a.json.errors ?? []).map((e: any) => e.extensions?.code);

function expectUnavailable(a: Answer, withinMs: number) {
  expect({ status: a.status, codes: codes(a) }).toEqual({ status: 503, codes: ['SERVICE_UNAVAILABLE'] });
  expect(a.json.errors[0].message).toMatch(/^Hệ thống tạm thời không kết nối được cơ sở dữ liệu.*\(the database is unreachable/);
  expect(JSON.stringify(a.json)).not.toMatch(/ECONNREFUSED|ETIMEDOUT|127\.0\.0\.1|stack|SELECT/i);
  expect(a.ms).toBeLessThan(withinMs);
}

async function expectWorking() {
  const members = await gql(MEMBERS);
  expect({ status: members.status, errors: members.json.errors }).toEqual({ status: 200, errors: undefined });
  expect(Array.isArray(members.json.data.allMembers)).toBe(true);
  // the sign-in reached the database: an unknown account, not an outage
  expect(codes(await gql(LOGIN, null))).toEqual(['UNAUTHENTICATED']);
  expect((await healthz()).status).toBe(200);
}

const outageLines = () => t.output().split('\n').filter((l) => /database cannot be reached/.test(l));

describe.each(['refuse', 'blackhole'] as const)('the database cut (%s)', (how) => {
  // refused: at once; never answered: the 5 s connect timeout (twice for the requests queued behind
  // the pool's 10 connection attempts), with room for a loaded machine; /healthz has its own 3 s bound
  const within = how === 'refuse' ? 2_000 : 15_000;
  const healthWithin = how === 'refuse' ? 2_000 : 6_000;

  it('answers 503 SERVICE_UNAVAILABLE quickly for reads, writes, sign-ins and /healthz, logged once; back by itself once restored', async () => {
    await expectWorking();
    const linesBefore = outageLines().length;
    const outputBefore = t.output().length;
    try {
      await proxy.cut(how);
      const [members, signIn, written, health, ...burst] = await Promise.all([
        gql(MEMBERS),
        gql(LOGIN, null),
        gql(CREATE),
        healthz(),
        ...Array.from({ length: 12 }, () => gql(MEMBERS)),
      ]);
      for (const a of [members, signIn, written, ...burst]) expectUnavailable(a, within);
      expect(health.status).toBe(503);
      expect(health.json.status).not.toBe('ok');
      expect(health.ms).toBeLessThan(healthWithin);
      // at most one line for the whole burst (once per 10 s), and no stack or other error per request
      expect(outageLines().length - linesBefore).toBeLessThanOrEqual(1);
      const others = t.output().slice(outputBefore).split('\n').filter((l) => l.trim() && !/database cannot be reached/.test(l));
      expect(others).toHaveLength(0);
    } finally {
      await proxy.restore();
    }
    // the same server, no restart: the pool connects again
    await expectWorking();
    // nothing of the refused write was saved
    const saved = await gql(FEDERATIONS);
    expect(saved.json.data.allFederations).toHaveLength(0);
  });
});
