/**
 * The built panel under its Content-Security-Policy (server/http/security-headers.ts), in a real
 * browser: every screen, the charts, the exports (CSV, and Excel through the lazily loaded ExcelJS)
 * and the import (CSV through Papa Parse, .xlsx through ExcelJS) run without one violation.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { demoPanel, gql, login, recordCspViolations, tokenOf } from './support';
import { PANEL_CSP } from '../../server/http/security-headers';

const demo = demoPanel({ timeout: 240_000 });

/** A fresh browser that records every CSP violation (the console's report and the DOM event alike). */
async function open(violations: string[]): Promise<Page> {
  const page = await demo.open();
  await recordCspViolations(page, violations);
  return page;
}

/** A list screen has rendered its rows (or its empty state). */
const listShown = (page: Page) => page.locator('tbody tr, [class*="RaEmpty"]').first().waitFor({ timeout: 30_000 });

describe('the panel under its Content-Security-Policy', () => {
  test('as the system admin: the page and its files carry the policy; dashboard, every list, a record, the approval desk and both exports run without a violation', async () => {
    const violations: string[] = [];
    const page = await open(violations);
    const policies = new Map<string, string | undefined>();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(demo.url).origin && (u.pathname === '/' || u.pathname.startsWith('/assets/'))) policies.set(u.pathname, r.headers()['content-security-policy']);
    });

    const first = await page.goto(demo.url);
    expect(first?.headers()['content-security-policy']).toBe(PANEL_CSP);
    await page.getByText('Quản lý đoàn viên và thi đua khen thưởng').waitFor();
    await login(page, demo.url, 'admin');
    await page.getByTestId('dashboard').waitFor();
    // The charts (recharts: inline SVG and style attributes).
    await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });

    for (const resource of ['federations', 'unions', 'grassrootsUnions', 'teams', 'members', 'nominations', 'awards', 'awardTypes', 'users', 'auditEvents']) {
      await page.goto(`${demo.url}/#/${resource}`);
      await listShown(page);
    }
    const { token } = await tokenOf(demo.url, 'admin');
    const member = (await gql(demo.url, '{ allMembers(perPage: 1) { id fullName } }', {}, token)).allMembers[0];
    await page.goto(`${demo.url}/#/members/${member.id}/show`);
    await page.getByText(member.fullName).filter({ visible: true }).first().waitFor();
    await page.goto(`${demo.url}/#/members/${member.id}`);
    await page.locator('input[name="fullName"]').waitFor();
    await page.goto(`${demo.url}/#/approvals`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    await page.goto(`${demo.url}/#/members`);
    await listShown(page);
    for (const name of ['Xuất CSV', 'Xuất Excel']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.(csv|xlsx)$/);
    }

    expect([...policies.keys()].filter((p) => p.startsWith('/assets/')).length).toBeGreaterThan(3);
    for (const [p, csp] of policies) expect({ p, csp }).toEqual({ p, csp: PANEL_CSP });
    expect(violations).toEqual([]);
  });

  test('as a grassroots chair: the member import reads a CSV and an Excel file without a violation', async () => {
    const violations: string[] = [];
    const page = await open(violations);
    await login(page, demo.url, 'cdcs.soyte');
    await page.goto(`${demo.url}/#/import`);
    await page.getByTestId('member-import').waitFor();

    const header = ['Họ và tên *', 'Giới tính *', 'Ngày sinh', 'Điện thoại', 'Số thẻ đoàn viên'];
    const csv = [header.join(','), 'Phạm Văn Kiểm,Nam,02/03/1985,0912000011,CSP-0001'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'doan-vien.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
    await page.getByTestId('import-summary').getByText('1 dòng: 1 hợp lệ, 0 có lỗi').waitFor();

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đoàn viên');
    ws.addRow(header);
    ws.addRow(['Lê Thị Kiểm', 'Nữ', '04/05/1990', '0912000012', 'CSP-0002']);
    ws.addRow(['Đỗ Văn Kiểm', 'Nam', '06/07/1991', '0912000013', 'CSP-0003']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('import-file').setInputFiles({ name: 'doan-vien.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await page.getByTestId('import-summary').getByText('2 dòng: 2 hợp lệ, 0 có lỗi').waitFor();

    expect(violations).toEqual([]);
  });
});
