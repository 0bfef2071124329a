import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './browser';
import { startApp, type RunningApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';

export const ROOT = path.resolve(__dirname, '../..');
/**
 * Screenshots go to test-results/screenshots (ignored) on every run, and into the README's
 * docs/screenshots only when asked: `UPDATE_SCREENSHOTS=1 npx jest test/e2e`.
 */
export const SCREENSHOTS = path.join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
export const DEMO_PASSWORD = 'demo1234';

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/** Builds admin/dist (node admin/build.js) when it is missing or older than its sources or the schema. */
export function ensureAdminBuilt(): void {
  const index = path.join(ROOT, 'admin/dist/index.html');
  const sources = ['admin/src', 'admin/index.html', 'admin/public', 'admin/vite.config.mts', 'schema'].map((s) => newest(path.join(ROOT, s)));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'admin/build.js')], { cwd: ROOT, stdio: 'inherit' });
}

export interface E2EServer {
  app: RunningApp;
  url: string;
  config: Config;
  stop(): Promise<void>;
}

/**
 * The real server with the embedded demo data, on a temporary SQLite file and a free port. `env`
 * changes the environment it reads its configuration from (undefined: unset).
 */
export async function startDemoServer(env: Record<string, string | undefined> = {}): Promise<E2EServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-e2e-'));
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', SQLITE_DEFAULT_PATH: path.join(dir, 'cd.db') };
  delete base.DATABASE_URL;
  delete base.SEED_DEMO;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  const config = { ...loadConfig(base), port: 0, databaseUrl: undefined };
  const app = await startApp(config, () => undefined);
  return {
    app,
    url: app.url,
    config,
    async stop() {
      await app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The preamble of a panel test file, called once at its top: the panel built and the demo server
 * started before the file's tests (stopped after them), and a fresh browser (fresh profile: signed
 * out) for each scenario, the last one closed at the end.
 *
 *   const demo = demoPanel();
 *   test('…', async () => { const page = await demo.open(); await login(page, demo.url, 'admin'); … });
 */
export function demoPanel({ timeout = 180_000, startTimeout = 240_000, env }: { timeout?: number; startTimeout?: number; env?: Record<string, string | undefined> } = {}) {
  jest.setTimeout(timeout);
  let server: E2EServer | undefined;
  let browser: TestBrowser | null = null;
  beforeAll(async () => {
    ensureAdminBuilt();
    server = await startDemoServer(env);
  }, startTimeout);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): E2EServer {
      if (!server) throw new Error('the demo server is not started yet (demoPanel() starts it in beforeAll)');
      return server;
    },
    get url(): string {
      return this.server.url;
    },
    /** A new browser in place of the last one (its context opens more tabs). */
    async launch(viewport?: { width: number; height: number }): Promise<TestBrowser> {
      await browser?.close();
      browser = await launchBrowser();
      if (viewport) await browser.page.setViewportSize(viewport);
      return browser;
    },
    /** The page of a new browser. */
    async open(viewport?: { width: number; height: number }): Promise<Page> {
      return (await this.launch(viewport)).page;
    },
  };
}

/** Records every CSP violation of the page in `violations` (the console's report and the DOM event alike). */
export async function recordCspViolations(page: Page, violations: string[]): Promise<void> {
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|CSP violation/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))",
  );
}

/** Signs in through the login page; resolves once the app has left it. */
export async function login(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 20_000 });
}

/** A screenshot for the README, taken by the test run's browser. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Let charts and fonts settle, and no notification hide the page.
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** A plain GraphQL call (to pick fixtures from the demo data). */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
  return json.data as T;
}

export async function tokenOf(url: string, username: string): Promise<{ token: string; id: string }> {
  const d = await gql(url, 'mutation($u:String!,$p:String!){login(username:$u,password:$p){token user{id}}}', { u: username, p: DEMO_PASSWORD });
  return { token: d.login.token, id: d.login.user.id };
}
