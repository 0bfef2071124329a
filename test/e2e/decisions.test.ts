/**
 * Commendation decisions in the panel (Thi đua, khen thưởng › Quyết định khen thưởng): the list with
 * each decision's count, the decision's page with its recipients, and its printed PDF, on the
 * embedded demo as the Thanh Hóa federation admin; the phone layout of the list.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoPanel, gql, login, ROOT, screenshot, tokenOf } from './support';

const demo = demoPanel();
const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });
/** Whitespace-insensitive: pdftotext lays table cells out with runs of spaces. */
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

async function downloadedPdfText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.copyFileSync(file, path.join(ROOT, 'test-results', download.suggestedFilename()));
  return { name: download.suggestedFilename(), text: execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) };
}

describe('commendation decisions', () => {
  test('federation admin: the list counts each decision; its page lists the recipients and prints the decision with them', async () => {
    const fed = await tokenOf(demo.url, 'ldld.thanhhoa');
    // A decision of two: two of the federation's own awards approved in one call.
    const queue = (await gql(demo.url, '{ allNominations(filter:{awaitingMyReview:true}) { id awardType { decidingLevel } } }', {}, fed.token)).allNominations as Array<{
      id: string;
      awardType: { decidingLevel: string };
    }>;
    const two = queue.filter((n) => n.awardType.decidingLevel === 'FEDERATION').slice(0, 2).map((n) => n.id);
    expect(two).toHaveLength(2);
    const results = (await gql(demo.url, 'mutation($ids:[ID!]!){ reviewNominations(ids:$ids, decision:APPROVE) { ok nomination { award { decisionNumber nomineeName decidedAt } } } }', { ids: two }, fed.token))
      .reviewNominations as Array<{ ok: boolean; nomination: { award: { decisionNumber: string; nomineeName: string; decidedAt: string } } }>;
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const number = results[0].nomination.award.decisionNumber;
    const names = results.map((r) => r.nomination.award.nomineeName);
    // numbers count per deciding unit and year: the demo's 2023 decisions may hold the same number, so the date tells ours
    const date = results[0].nomination.award.decidedAt.split('-').reverse().join('/');
    expect(results[1].nomination.award.decisionNumber).toBe(number);
    // and one of the demo's own: the confederation's decision of January 2024
    const demoDecision = (await gql(demo.url, '{ allAwardDecisions(filter: { q: "95 tld" }) { decisionNumber awardCount decidedAt } }', {}, fed.token)).allAwardDecisions;
    expect(demoDecision).toEqual([{ decisionNumber: '95/QĐ-TLĐ', awardCount: 1, decidedAt: '2024-01-10' }]);

    const page = await demo.open({ width: 1366, height: 900 });
    await login(page, demo.url, 'ldld.thanhhoa');
    await page.getByRole('menuitem', { name: 'Quyết định khen thưởng' }).click();
    await page.waitForURL((u) => u.hash.startsWith('#/awardDecisions'));
    await row(page, '95/QĐ-TLĐ').waitFor();
    expect(squeeze(await row(page, '95/QĐ-TLĐ').innerText())).toMatch(/95\/QĐ-TLĐ 10\/01\/2024 Tổng Liên đoàn Lao động Việt Nam 2023 1/);
    const ours = row(page, number).filter({ hasText: date });
    await ours.waitFor();
    expect(squeeze(await ours.innerText())).toContain('Liên đoàn Lao động tỉnh Thanh Hóa');
    expect(await ours.locator('td').last().innerText()).toBe('2');
    await screenshot(page, 'decision-list');

    // the search finds it by its number, ignoring diacritics
    await page.locator('input[name="q"]').fill(number.replace('Đ', 'D').toLowerCase());
    const rows = page.locator('tbody tr');
    const others = rows.filter({ hasNotText: number });
    for (let i = 0; i < 150 && ((await rows.count()) === 0 || (await others.count()) > 0); i++) await page.waitForTimeout(100);
    expect(await others.count()).toBe(0);
    // the number's cell (the deciding unit's name is a link of its own)
    await ours.locator('td').first().click();
    const recipients = page.getByTestId('decision-recipients');
    await recipients.waitFor();
    expect(page.url()).toMatch(/#\/awardDecisions\/[A-Za-z0-9_-]+\/show$/);
    for (const n of names) await recipients.getByText(n).waitFor();
    await screenshot(page, 'decision-show');

    const decision = await downloadedPdfText(page, () => page.getByTestId('print-decision').click());
    expect(decision.name).toMatch(/^Quyet-dinh-.*\.pdf$/);
    const text = squeeze(decision.text);
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA');
    for (const n of names) expect(text).toContain(n);
    expect(text).toContain('Tổng số: 2 cá nhân, tập thể được khen thưởng.');

    // A recipient leads to the award's page, whose decision number leads back to the decision.
    const decisionUrl = page.url();
    await recipients.getByText(names[0]).click();
    await page.waitForURL((u) => u.hash.startsWith('#/awards/'));
    const back = page.getByTestId('award-decision-link');
    await back.waitFor();
    expect(await back.innerText()).toBe(number);
    await back.click();
    await page.waitForURL(decisionUrl);
    await page.getByTestId('decision-recipients').getByText(names[1]).waitFor();
  });

  test('on a phone the list is one line per decision, and opens the decision', async () => {
    const page = await demo.open({ width: 390, height: 844 });
    await login(page, demo.url, 'ldld.thanhhoa');
    await page.goto(`${demo.url}/#/awardDecisions`);
    const list = page.getByTestId('phone-list');
    await list.getByText('95/QĐ-TLĐ').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await list.getByText('95/QĐ-TLĐ').click();
    await page.getByTestId('decision-recipients').waitFor();
  });
});
