/**
 * The panel as its users meet it (issue 12): the printed decision and certificates, the phone
 * layout of lists, the figures page, and the speed of page changes. Real chromium, real server,
 * the embedded demo data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoPanel, gql, ROOT, login, screenshot, tokenOf } from './support';

const demo = demoPanel();
const open = (viewport = { width: 1366, height: 900 }) => demo.open(viewport);

/** The text of a PDF the page downloads when `click` runs, by poppler's pdftotext. */
async function downloadedPdfText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  // Kept for a look (test-results is ignored).
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.copyFileSync(file, path.join(ROOT, 'test-results', download.suggestedFilename()));
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { name: download.suggestedFilename(), text };
}

/** Polls `read` until it answers `want` (deep equality; or 15 s pass), and answers its last value. */
async function until<T>(read: () => Promise<T>, want: T): Promise<T> {
  const end = Date.now() + 15_000;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

/** Whitespace-insensitive: pdftotext lays table cells out with runs of spaces. */
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

describe('printing a decision', () => {
  test('federation admin: a batch approval is one decision; its PDF and a certificate carry the number, every recipient and the diacritics', async () => {
    const fed = await tokenOf(demo.url, 'ldld.thanhhoa');
    const queue = (
      await gql(demo.url, '{ allNominations(filter:{awaitingMyReview:true}) { id nomineeName awardType { decidingLevel } } }', {}, fed.token)
    ).allNominations as Array<{ id: string; nomineeName: string; awardType: { decidingLevel: string } }>;
    const own = queue.filter((n) => n.awardType.decidingLevel === 'FEDERATION').slice(0, 2);
    expect(own).toHaveLength(2);
    const results = (
      await gql(demo.url, 'mutation($ids:[ID!]!){ reviewNominations(ids:$ids, decision:APPROVE, comment:"Đồng ý") { id ok message } }', { ids: own.map((n) => n.id) }, fed.token)
    ).reviewNominations as Array<{ ok: boolean; message: string | null }>;
    expect(results.map((r) => r.message ?? 'ok')).toEqual(['ok', 'ok']);
    const awards = (
      await gql(demo.url, '{ allAwards(filter:{nominationId:[' + own.map((n) => n.id).join(',') + ']}) { id decisionNumber decidedAt nomineeName } }', {}, fed.token)
    ).allAwards as Array<{ id: string; decisionNumber: string; decidedAt: string; nomineeName: string }>;
    expect(awards).toHaveLength(2);
    expect(awards[0].decisionNumber).toBe(awards[1].decisionNumber);
    const number = awards[0].decisionNumber;

    const page = await open();
    await login(page, demo.url, 'ldld.thanhhoa');
    await page.goto(`${demo.url}/#/awards/${awards[0].id}/show`);
    await page.getByTestId('print-decision').waitFor();
    await screenshot(page, 'award-print');
    const decision = await downloadedPdfText(page, () => page.getByTestId('print-decision').click());
    expect(decision.name).toMatch(/^Quyet-dinh-.*\.pdf$/);
    const text = squeeze(decision.text);
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA');
    const [y, m, d] = awards[0].decidedAt.split('-');
    expect(text).toContain(`ngày ${d} tháng ${m} năm ${y}`);
    for (const a of awards) expect(text).toContain(a.nomineeName);
    // The signer: the federation's account that approved.
    expect(text).toContain((await gql(demo.url, '{ me { fullName } }', {}, fed.token)).me.fullName);

    const certificate = await downloadedPdfText(page, () => page.getByTestId('print-certificate').click());
    const c = squeeze(certificate.text);
    expect(c).toContain('BẰNG KHEN');
    expect(c).toContain(awards[0].nomineeName);
    expect(c).toContain(`Quyết định số: ${number}`);
    expect(c).not.toContain(awards[1].nomineeName);
  });
});

describe('on a phone (390 × 844)', () => {
  const PHONE = { width: 390, height: 844 };
  const lists: Array<[string, string]> = [
    ['members', 'Đoàn viên'],
    ['nominations', 'Đề nghị khen thưởng'],
    ['awards', 'Khen thưởng'],
    ['approvals', 'Bàn duyệt khen thưởng'],
    ['grassrootsUnions', 'Công đoàn cơ sở'],
    ['users', 'Tài khoản'],
  ];

  test('federation admin: the main lists fit the screen, keep the page title in the app bar, and the account menu and list actions are reachable', async () => {
    const page = await open(PHONE);
    await login(page, demo.url, 'ldld.thanhhoa');
    for (const [path, title] of lists) {
      await page.goto(`${demo.url}/#/${path}`);
      // A row of the list, as a phone list (react-admin's SimpleList), not the desktop table.
      await page.locator('[data-testid="phone-list"] li, [data-testid="approvals-empty"]').first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect({ path, width }).toEqual({ path, width: 390 });
      // The title in the app bar, on the screen.
      const heading = page.locator('#react-admin-title');
      await expect(heading.innerText()).resolves.toContain(title);
      const box = (await heading.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.width).toBeGreaterThan(100);
      // The account menu, inside the screen.
      const account = (await page.getByRole('button', { name: /hồ sơ|tài khoản|profile/i }).last().boundingBox())!;
      expect(account.x + account.width).toBeLessThanOrEqual(390);
      if (path === 'members') await screenshot(page, 'member-list-phone');
      if (path === 'nominations') await screenshot(page, 'nomination-list-phone');
    }
    // List actions: the export menu opens and its items are on the screen.
    await page.goto(`${demo.url}/#/members`);
    await page.locator('[data-testid="phone-list"] li').first().waitFor();
    await page.getByRole('button', { name: 'Thêm bộ lọc' }).click();
    const gender = page.getByRole('menu').getByText('Giới tính', { exact: true });
    await gender.waitFor();
    const g = (await gender.boundingBox())!;
    expect(g.x + g.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    for (const action of ['Xuất CSV', 'Xuất Excel']) {
      const b = (await page.getByRole('button', { name: action }).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(390);
    }
    // A row opens the member.
    const first = page.locator('[data-testid="phone-list"] li').first();
    const name = (await first.locator('.MuiListItemText-primary').innerText()).split('\n')[0].trim();
    await first.click();
    await page.waitForURL(/#\/members\/\d+\/show/);
    // The member's page shows the name (the app bar's hidden "Đoàn viên: <name>" title may come first in the page).
    await page.getByText(name, { exact: true }).filter({ visible: true }).first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The account menu opens on the phone.
    // (the app bar's own button: a record page may have buttons of its own whose names match).
    // react-admin's app bar slides away while the page scrolls down and comes back on the way up,
    // as a user brings it back: scroll to the top first.
    await page.mouse.wheel(0, -10_000);
    await page.evaluate('window.scrollTo(0, 0)');
    const account = page.locator('header').getByRole('button', { name: /hồ sơ|tài khoản|profile/i }).last();
    await account.waitFor();
    await account.click();
    await page.getByRole('menuitem', { name: /đăng xuất/i }).waitFor();
  });
});

describe('the figures page', () => {
  /** The table as [label, count] pairs (the last row is the total, in the footer). */
  const tableRows = async (page: Page) =>
    Promise.all((await page.getByTestId('figures-table').locator('tbody tr').all()).map(async (tr) => (await tr.locator('td').allInnerTexts()).map((t) => t.trim())));
  const number = (s: string) => Number(s.replace(/\./g, ''));

  async function choose(page: Page, testId: string, option: string) {
    await page.getByTestId(testId).getByRole('combobox').click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function pickUnit(page: Page, typed: string, name: string) {
    const input = page.getByTestId('figures-unit').locator('input');
    await input.fill(typed);
    await page.getByRole('option', { name, exact: true }).click();
  }

  test('analyst: how many women members each union of Thanh Hóa has, as the API answers it; small groups hidden; a grassroots union directly under the federation; CSV', async () => {
    const { token } = await tokenOf(demo.url, 'analyst');
    const fed = (await gql(demo.url, '{ allFederations(filter:{q:"thanh hoa"}) { id name } }', {}, token)).allFederations[0];
    const women = (
      await gql(demo.url, 'query($u:ID){ memberStats(by:[CHILD_UNIT], unitId:$u, filter:{gender:[FEMALE]}) { count unit { ... on Union { name } ... on GrassrootsUnion { name } } } }', { u: fed.id }, token)
    ).memberStats as Array<{ count: number; unit: { name: string } }>;
    expect(women.length).toBeGreaterThanOrEqual(2);

    const page = await open();
    await login(page, demo.url, 'analyst');
    await page.getByRole('menuitem', { name: 'Số liệu thống kê' }).click();
    await page.waitForURL(/#\/figures/);
    await page.getByRole('heading', { level: 1, name: 'Số liệu thống kê' }).waitFor();
    // The unit, found without diacritics; grouped by the units below it; women only.
    await pickUnit(page, 'thanh hoa', fed.name);
    await choose(page, 'figures-gender', 'Nữ');
    await page.getByTestId('figures-table').locator('tbody tr').first().waitFor();
    // the same number of rows shows before the filter applies: wait for the women's counts themselves
    const want = women.map((w) => [w.unit.name, w.count]).sort();
    const shown = async () => (await tableRows(page)).map(([label, count]) => [label, number(count)]).sort();
    expect(await until(shown, want)).toEqual(want);
    const total = await page.getByTestId('figures-table').locator('tfoot td').last().innerText();
    expect(number(total)).toBe(women.reduce((s, w) => s + w.count, 0));
    await page.getByTestId('figures-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('figures-small-groups').waitFor();
    await screenshot(page, 'figures');

    // The CSV is the table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-csv').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    for (const w of women) expect(csv).toContain(`${w.unit.name},${w.count}`);

    // The settings are in the page's address: after a reload (or from a link sent to a colleague)
    // the same unit, filter and table are shown.
    expect(page.url()).toMatch(/#\/figures\?.*gender=FEMALE/);
    await page.reload();
    await page.getByTestId('figures-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('figures-unit').locator('input').inputValue()).toBe(fed.name);
    expect(await until(shown, want)).toEqual(want);

    // By ethnicity: the groups of 1 to 4 women are left out, as the API leaves them out for an analyst.
    const { token: adminToken } = await tokenOf(demo.url, 'admin');
    const q = 'query($u:ID){ memberStats(by:[ETHNICITY], unitId:$u, filter:{gender:[FEMALE]}) { ethnicity count } }';
    const all = (await gql(demo.url, q, { u: fed.id }, adminToken)).memberStats as Array<{ ethnicity: string; count: number }>;
    const masked = (await gql(demo.url, q, { u: fed.id }, token)).memberStats as Array<{ ethnicity: string; count: number }>;
    const small = all.filter((g) => g.count < 5);
    expect(small.length).toBeGreaterThan(0);
    await choose(page, 'figures-rows-by', 'Dân tộc');
    expect(await until(async () => (await tableRows(page)).length, masked.length)).toBe(masked.length);
    const labels = (await tableRows(page)).map((r) => r[0]);
    for (const g of small) expect(labels).not.toContain(g.ethnicity);
    for (const g of masked) expect(labels).toContain(g.ethnicity);

    // A grassroots union directly under the federation (no union above it) is reachable too.
    const direct = (
      await gql(demo.url, 'query($f:[ID!]){ allGrassrootsUnions(filter:{federationId:$f}, perPage:500) { id name unionId } }', { f: [fed.id] }, token)
    ).allGrassrootsUnions.find((g: { unionId: string | null }) => g.unionId == null) as { id: string; name: string };
    expect(direct).toBeTruthy();
    const byGender = (await gql(demo.url, 'query($u:ID){ memberStats(by:[GENDER], unitId:$u) { gender count } }', { u: direct.id }, token)).memberStats as Array<{ gender: string; count: number }>;
    await choose(page, 'figures-gender', 'Tất cả');
    await choose(page, 'figures-rows-by', 'Giới tính');
    await pickUnit(page, direct.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().split(' ').slice(-3).join(' '), direct.name);
    const female = byGender.find((g) => g.gender === 'FEMALE')!;
    expect(await until(async () => (await tableRows(page)).find((r) => r[0] === 'Nữ')?.[1], String(female.count))).toBe(String(female.count));
  });

  test('figures on a phone: no horizontal scroll, the title in the app bar', async () => {
    const page = await open({ width: 390, height: 844 });
    await login(page, demo.url, 'analyst');
    await page.goto(`${demo.url}/#/figures`);
    await page.getByTestId('figures-table').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expect(page.locator('#react-admin-title').innerText()).resolves.toContain('Số liệu thống kê');
    await screenshot(page, 'figures-phone');
  });
});
