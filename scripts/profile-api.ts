/**
 * Where the API's CPU goes on one query of the benchmark (../shared/bench.md):
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/cdbench_s npx ts-node --transpile-only scripts/profile-api.ts --query Q1 [--clients 8] [--requests 3000] [--prof]
 *
 * Q5 (approve one) first adds as many PENDING nominations to bench.fed's queue as it will approve.
 *
 * Starts the built server (`node dist/server/main.js`, NODE_ENV=production, as `npm run bench`),
 * signs in as the query's bench account, sends a warm-up then `--requests` requests at `--clients`
 * concurrent clients, and prints the server's CPU time per request (/proc/<pid>/stat, user +
 * system). With --prof the server runs under `node --cpu-prof` and the profile's self time is
 * summarised by package and by function (top 40). Runs --dist <dir> instead of dist/ (an older
 * build to compare, alternated by hand).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const QUERY = arg('query', 'Q1').toUpperCase();
const CLIENTS = Number(arg('clients', '8'));
const REQUESTS = Number(arg('requests', '3000'));
const PROF = process.argv.includes('--prof');
const DIST = path.resolve(ROOT, arg('dist', 'dist'));

/** Q5's nominations to approve, one per request (made before the run: server/db/synthetic.ts topUpFederationQueue). */
let q5Ids: number[] = [];
let q5Next = 0;
const Q5_BODY = () =>
  JSON.stringify({
    query: 'mutation Q5($id: ID!) { reviewNomination(id: $id, decision: APPROVE, comment: "Đồng ý khen thưởng.") { id status version award { id decisionNumber } } }',
    variables: { id: String(q5Ids[q5Next++]) },
  });

const Q: Record<string, { user: string; body: string | (() => string) }> = {
  Q5: { user: 'bench.fed', body: Q5_BODY },
  Q1: {
    user: 'bench.chair',
    body: JSON.stringify({
      query: `query Q1 { allMembers(page: 0, perPage: 50, sortField: "fullName", sortOrder: "ASC") {
  id fullName gender birthDate position status team { id name } } _allMembersMeta { count } }`,
    }),
  },
  Q2: {
    user: 'bench.fed',
    body: JSON.stringify({
      query: `query Q2($f: MemberFilter) { allMembers(filter: $f, page: 0, perPage: 50, sortField: "fullName", sortOrder: "ASC") {
  id fullName gender birthDate status grassrootsUnion { id name } team { id name } } _allMembersMeta(filter: $f) { count } }`,
      variables: { f: { q: 'nguyen', gender: ['FEMALE'] } },
    }),
  },
  Q4: {
    user: 'bench.fed',
    body: JSON.stringify({
      query: `query Q4 { allNominations(filter: { awaitingMyReview: true }, page: 0, perPage: 50, sortField: "updatedAt", sortOrder: "DESC") {
  id year status version nomineeName updatedAt awardType { id code name } nomineeMember { id fullName }
  nomineeUnit { ... on GrassrootsUnion { id name } ... on Team { id name } ... on Union { id name } }
  nominatingUnit { ... on GrassrootsUnion { id name } ... on Union { id name } ... on Federation { id name } }
  reviews { decision level reviewerName at comment } }
  _allNominationsMeta(filter: { awaitingMyReview: true }) { count } }`,
    }),
  },
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(port: number, body: string, token?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const cpuOf = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

/** write system calls of a process so far (sockets included) */
const writesOf = (pid: number) => Number(/syscw: (\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

function summarise(file: string): void {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  const pkgOf = (url: string, fn: string) => {
    if (!url) return fn.startsWith('(') ? fn : '(native)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
    if (url.includes('/dist/')) return 'project';
    return url;
  };
  for (const n of prof.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const pkg = pkgOf(n.callFrame.url, n.callFrame.functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
    const short = n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${short}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  }
  const pct = (t: number) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
  console.log(`\nself time by package (${(total / 1e6).toFixed(2)} s sampled):`);
  for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);
  console.log('\nself time by function (top 40):');
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(arg("top", "40")))) console.log(`${pct(v)}  ${k}`);
}

async function main() {
  const q = Q[QUERY];
  if (!q) throw new Error(`--query: one of ${Object.keys(Q).join(', ')}`);
  const port = await freePort();
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdprof-'));
  const args = [...(PROF ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []), path.join(DIST, 'server/main.js')];
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), JWT_SECRET: 'congdoan-bench-secret', ADMIN_PASSWORD: '', SEED_DEMO: '' };
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; ; i++) {
    try {
      await new Promise<void>((res, rej) => http.get({ host: '127.0.0.1', port, path: '/healthz' }, (r) => (r.resume(), r.statusCode === 200 ? res() : rej())).on('error', rej));
      break;
    } catch {
      if (i > 400) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const login = JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: q.user, p: 'bench1234' } });
  const token = JSON.parse(await post(port, login)).data.login.token as string;
  const bodyOf = () => (typeof q.body === 'string' ? q.body : q.body());
  if (QUERY === 'Q5') {
    const mysql = await import('mysql2/promise');
    const { topUpFederationQueue } = await import('../server/db/synthetic');
    const pool = mysql.createPool({ uri: process.env.DATABASE_URL!, connectionLimit: 4 });
    const [[fed]] = await pool.query<import('mysql2').RowDataPacket[]>("SELECT scope_unit_id AS id FROM account WHERE username = 'bench.fed'");
    q5Ids = await topUpFederationQueue(pool, fed.id, 1 + Math.min(500, REQUESTS) + REQUESTS, Date.now() % 1000);
    await pool.end();
    if (q5Ids.length < 1 + Math.min(500, REQUESTS) + REQUESTS) throw new Error(`only ${q5Ids.length} nominees available for Q5; lower --requests`);
  }
  const first = await post(port, bodyOf(), token);
  if (first.includes('"errors"')) throw new Error(first.slice(0, 400));
  const run = async (n: number) => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next++ < n) {
          const r = await post(port, bodyOf(), token);
          if (r.includes('"errors"')) throw new Error(r.slice(0, 400));
        }
      }),
    );
    return performance.now() - t0;
  };
  await run(Math.min(500, REQUESTS));
  const c0 = cpuOf(child.pid!);
  const w0 = writesOf(child.pid!);
  const ms = await run(REQUESTS);
  const cpu = cpuOf(child.pid!) - c0;
  const writes = writesOf(child.pid!) - w0;
  console.log(
    `${QUERY} ${CLIENTS} clients, ${REQUESTS} requests: ${((REQUESTS / ms) * 1000).toFixed(0)} req/s, API CPU ${(cpu / REQUESTS).toFixed(3)} ms/request, ` +
      `${(writes / REQUESTS).toFixed(1)} write calls/request; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  );
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  agent.destroy();
  if (PROF) {
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) summarise(path.join(profDir, file));
  }
  fs.rmSync(profDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
