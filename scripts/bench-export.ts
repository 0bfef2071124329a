/**
 * The bulk export's benchmark (BENCHMARKS.md, "Bulk export"):
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/congdoan_bench npx ts-node --transpile-only scripts/bench-export.ts [--rounds 3] [--all]
 *
 * On a database filled by `npm run seed:synthetic` (size M: 1,000,000 members), starts the built
 * server (`node dist/server/main.js`, production mode; run `npm run build` first) and streams the
 * benchmark federation's whole member list through GET /export/members.csv with personal API
 * tokens: as the federation's admin (personal data included) and as a system-wide analyst (masked,
 * filtered to the federation), then the same rows through allMembers pages of 1,000 for
 * comparison; with --all, every member of the database as the system admin. Reports time, rows,
 * bytes and the server's RSS (sampled from /proc every 50 ms, and its VmHWM high-water mark), on
 * stdout and in bench-results/<date>-export-<size>.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import mysql from 'mysql2/promise';

const ROOT = path.resolve(__dirname, '..');
const PASSWORD = 'bench1234';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 3) || 3;
const everything = args.includes('--all');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A process's resident set and its high-water mark, in MB, from /proc. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the benchmark database');
  const main = path.join(ROOT, 'dist/server/main.js');
  if (!fs.existsSync(main)) throw new Error('dist/server/main.js is missing: npm run build');

  const db = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  const [[fedRow]] = (await db.query(
    `SELECT a.scope_unit_id AS id, u.name, (SELECT COUNT(*) FROM member m WHERE m.federation_id = a.scope_unit_id) AS members,
            (SELECT COUNT(*) FROM member) AS total, VERSION() AS version
       FROM account a JOIN org_unit u ON u.id = a.scope_unit_id WHERE a.username = 'bench.fed'`,
  )) as any;
  await db.end();
  if (!fedRow) throw new Error('account bench.fed is missing: fill the database with npm run seed:synthetic');
  const size = fedRow.total > 2_000_000 ? 'L' : fedRow.total > 200_000 ? 'M' : 'S';

  const port = await freePort();
  const server = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: 'bench-export-secret', PORT: String(port), ADMIN_PASSWORD: '', SEED_DEMO: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d) => (out += d));
  server.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode != null) throw new Error(`the server exited:\n${out}`);
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 480) throw new Error(`the server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const gql = async (query: string, variables: object = {}, token?: string) => {
      const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      const j = (await r.json()) as any;
      if (j.errors) throw new Error(JSON.stringify(j.errors));
      return j.data;
    };
    const personalToken = async (username: string) => {
      const jwt = (await gql('mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}', { u: username, p: PASSWORD })).login.token;
      return (await gql(`mutation { createApiToken(name: "bench-export", expiresInDays: 1) { token } }`, {}, jwt)).createApiToken.token as string;
    };
    const tokens = { fed: await personalToken('bench.fed'), analyst: await personalToken('bench.analyst'), admin: await personalToken('bench.admin') };

    /** Runs `work` while sampling the server's RSS; answers the time, the peak RSS seen and the RSS before. */
    const measured = async <T>(work: () => Promise<T>) => {
      const before = memory(server.pid!).rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, memory(server.pid!).rss)), 50);
      const t0 = process.hrtime.bigint();
      const result = await work();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(timer);
      peak = Math.max(peak, memory(server.pid!).rss);
      return { result, seconds, peak, before };
    };

    /** Streams an export, counting bytes and lines without keeping them. */
    const exportRun = (pathAndQuery: string, token: string) =>
      measured(async () => {
        const res = await fetch(`${base}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
        let bytes = 0;
        let lines = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
        }
        return { bytes, rows: lines - 1 };
      });

    /** The same rows through the GraphQL list, 1,000 per page, with the CSV's fields. */
    const pagedRun = (token: string, filter: object) =>
      measured(async () => {
        const fields = 'id fullName gender birthDate phone email nationalId joinedAt cardNumber position ethnicity occupation status leftAt leftReason disciplinedFrom disciplinedUntil grassrootsUnionId teamId unionId federationId createdAt updatedAt';
        let rows = 0;
        let bytes = 0;
        for (let page = 0; ; page++) {
          const r = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: `query($f: MemberFilter, $p: Int) { allMembers(filter: $f, page: $p, perPage: 1000) { ${fields} } }`, variables: { f: filter, p: page } }),
          });
          const text = await r.text();
          bytes += text.length;
          const n = (JSON.parse(text) as any).data.allMembers.length;
          rows += n;
          if (n < 1000) return { bytes, rows, pages: page + 1 };
        }
      });

    const fedFilter = encodeURIComponent(JSON.stringify({ federationId: [String(fedRow.id)] }));
    const cases: { name: string; run: () => ReturnType<typeof exportRun> | ReturnType<typeof pagedRun> }[] = [
      { name: `federation admin: /export/members.csv (its ${Number(fedRow.members).toLocaleString('en-US')} members, personal data, by name)`, run: () => exportRun('/export/members.csv', tokens.fed) },
      { name: 'system-wide analyst: /export/members.csv?filter={"federationId":[…]} (masked, by name)', run: () => exportRun(`/export/members.csv?filter=${fedFilter}`, tokens.analyst) },
      { name: 'federation admin: the same rows through allMembers pages of 1,000 (GraphQL, offset pages)', run: () => pagedRun(tokens.fed, {}) },
    ];
    if (everything) cases.push({ name: `system admin: /export/members.csv?sortField=id (every member: ${Number(fedRow.total).toLocaleString('en-US')})`, run: () => exportRun('/export/members.csv?sortField=id', tokens.admin) });

    const idle = memory(server.pid!).rss;
    const lines: string[] = [];
    const log = (s: string) => {
      console.log(s);
      lines.push(s);
    };
    log(`# Bulk export at size ${size} (${new Date().toISOString().slice(0, 10)})`);
    log('');
    log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, shared with other work; Node ${process.version}; ${fedRow.version}.`);
    log(`Data: ${Number(fedRow.total).toLocaleString('en-US')} members; federation #${fedRow.id} ${fedRow.name}: ${Number(fedRow.members).toLocaleString('en-US')} members.`);
    log(`Server: node dist/server/main.js, NODE_ENV=production; RSS when idle after start: ${mb(idle)}. ${rounds} rounds per case, median time; RSS peak is the highest of every round (sampled every 50 ms).`);
    log('');
    log('| case | rows | MB sent | time (median) | rows/s | server RSS before → peak |');
    log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const c of cases) {
      const runs = [];
      for (let i = 0; i < rounds; i++) runs.push(await c.run());
      const r = runs[0].result as { rows: number; bytes: number };
      const t = median(runs.map((x) => x.seconds));
      const peak = Math.max(...runs.map((x) => x.peak));
      const before = Math.min(...runs.map((x) => x.before));
      log(`| ${c.name} | ${r.rows.toLocaleString('en-US')} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${t.toFixed(2)} s | ${Math.round(r.rows / t).toLocaleString('en-US')} | ${mb(before)} → ${mb(peak)} |`);
    }
    log('');
    log(`Server VmHWM (peak RSS of the whole run, start included): ${mb(memory(server.pid!).hwm)}.`);
    const dir = path.join(ROOT, 'bench-results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-export-${size}.md`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    console.log(`\nwritten to ${path.relative(ROOT, file)}`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
