/**
 * Measures page changes in the built panel (Debian chromium, the embedded demo data): for each
 * route, when the title shows, when neither the DOM nor the network moved for 300 ms, the GraphQL
 * calls with their phases (resource timing), and the main thread's busy time (CDP metrics).
 * `npx ts-node --transpile-only scripts/measure-panel.ts [username]` (ROUNDS=n repeats). See docs/panel-speed.md.
 */
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import { ensureAdminBuilt, login, startDemoServer } from '../test/e2e/support';

const opName = (r: Request) => {
  try {
    const b = JSON.parse(r.postData() ?? '{}');
    if (b.operationName) return b.operationName;
    const m = /(query|mutation)\s*(\w+)?[^{]*\{\s*(\w+)/.exec(b.query ?? '');
    return m ? (m[2] ?? m[3]) : '?';
  } catch {
    return '?';
  }
};

async function main() {
  ensureAdminBuilt();
  const server = await startDemoServer();
  const b = await launchBrowser();
  const page: Page = b.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const calls: Array<{ name: string; start: number; end?: number; req: Request }> = [];
  let inflight = 0;
  page.on('request', (r) => {
    if (!r.url().includes('/graphql')) return;
    inflight++;
    calls.push({ name: opName(r), start: Date.now(), req: r });
  });
  const done = (r: Request) => {
    if (!r.url().includes('/graphql')) return;
    inflight--;
    const c = calls.find((x) => x.req === r);
    if (c) c.end = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  await page.addInitScript(`(() => {
    window.__inflight = 0;
    const f = window.fetch;
    window.fetch = function (...a) { window.__inflight++; return f.apply(this, a).finally(() => { window.__inflight--; }); };
  })()`);
  await login(page, server.url, process.argv[2] ?? 'ldld.thanhhoa');
  await page.waitForTimeout(2000);

  const quiet = async () => {
    // no call in flight for 150 ms
    let since = Date.now();
    while (Date.now() - since < 150) {
      await page.waitForTimeout(10);
      if (inflight > 0) since = Date.now();
    }
  };
  await quiet();
  const steps: Array<[string, string]> = [
    ['members', 'Đoàn viên'],
    ['nominations', 'Đề nghị khen thưởng'],
    ['awards', 'Khen thưởng'],
    ['grassrootsUnions', 'Công đoàn cơ sở'],
    ['members', 'Đoàn viên'],
    ['nominations', 'Đề nghị khen thưởng'],
    ['approvals', 'Bàn duyệt khen thưởng'],
    ['', 'Tổng quan'],
    ['members', 'Đoàn viên'],
  ];
  const summary: number[] = [];
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as any).metrics.map((m: any) => [m.name, m.value]));
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++)
  for (const [path, title] of steps) {
    const m0 = await metrics();
    const before = calls.length;
    // In the page: change the route, then wait until neither the DOM nor the network moved for 300 ms.
    const r = await page.evaluate(`(async () => {
      performance.clearResourceTimings();
      let last = performance.now();
      const t0 = last;
      const mo = new MutationObserver(() => { last = performance.now(); });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      window.location.hash = '#/${path}';
      let titled = null;
      while (true) {
        await new Promise((r) => setTimeout(r, 20));
        const t = document.querySelector('#react-admin-title');
        if (titled === null && t && t.textContent.includes(${JSON.stringify(title)})) titled = performance.now() - t0;
        const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql'));
        const pending = res.length < window.__inflight;
        for (const e of res) last = Math.max(last, e.responseEnd);
        if (titled !== null && performance.now() - last > 300 && (window.__inflight ?? 0) === 0) break;
        if (performance.now() - t0 > 20000) break;
      }
      mo.disconnect();
      const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql'));
      return {
        titled: Math.round(titled), settled: Math.round(last - t0),
        calls: res.map((e) => ({ start: Math.round(e.startTime - t0), stalled: Math.round(e.requestStart - e.startTime), server: Math.round(e.responseStart - e.requestStart), download: Math.round(e.responseEnd - e.responseStart), total: Math.round(e.duration) })),
      };
    })()`) as any;
    summary.push(r.settled);
    const m1 = await metrics();
    const ms = (k: string) => Math.round((m1[k] - m0[k]) * 1000);
    (cpu[path || 'dashboard'] ??= []).push(ms('TaskDuration'));
    const server = r.calls.reduce((s: number, c: any) => s + c.server, 0);
    console.log(`#/${path}: title ${r.titled} ms, settled ${r.settled} ms, ${r.calls.length} calls (server wait ${server} ms), main thread busy ${ms('TaskDuration')} ms (script ${ms('ScriptDuration')}, layout+style ${ms('LayoutDuration') + ms('RecalcStyleDuration')})`);
    console.log(`   calls: ${calls.slice(before).map((c) => c.name).join(', ')}`);
    for (const c of r.calls) console.log(`   at ${String(c.start).padStart(4)}  total ${String(c.total).padStart(4)}  stalled ${String(c.stalled).padStart(4)}  server ${String(c.server).padStart(4)}  download ${String(c.download).padStart(4)}`);
  }
  summary.sort((a, b) => a - b);
  console.log('main thread busy per page:', JSON.stringify(cpu));
  console.log('settled: median', summary[Math.floor(summary.length / 2)], 'max', summary[summary.length - 1]);
  await b.close();
  await server.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
