import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { adminConnection, databaseUrl } from './mysql';

export interface ServerProcess {
  url: string;
  port: number;
  /** the process itself (to signal it) and how it ended */
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** a token of the bootstrap SYSTEM_ADMIN `admin` */
  adminToken: string;
  /** its output so far (for a failing test's message) */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The real server in its own process (production mode, a fresh MariaDB database, `admin` created
 * from ADMIN_PASSWORD), for the tests whose client must keep its own clock: a server that blocks its
 * event loop inside the test process would also stop the test's timers, and a hang would be seen
 * only once it ends.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  opts: { /** how the server reaches MariaDB (a proxy's address) */ via?: (url: string) => string } = {},
): Promise<ServerProcess> {
  const name = `cdproc_${process.pid}_${randomBytes(3).toString('hex')}`;
  const c = await adminConnection();
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const adminPassword = `admin-${randomBytes(6).toString('hex')}`;
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
      DATABASE_URL: opts.via ? opts.via(databaseUrl(name)) : databaseUrl(name),
      PORT: '0',
      TS_NODE_TRANSPILE_ONLY: '1',
      TS_NODE_SWC: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    const d = await adminConnection();
    await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await d.end();
  };

  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${out}`)), 60_000);
      const look = () => {
        const m = /CongDoan on http:\/\/localhost:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($p: String!) { login(username: "admin", password: $p) { token } }', variables: { p: adminPassword } }),
    });
    const adminToken = ((await res.json()) as any).data.login.token as string;
    return { url, port: Number(port), child, exited, adminToken, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
