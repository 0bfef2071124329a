/**
 * The union's year in the panel, in a real browser against the real server with the embedded
 * demo (which holds the records behind the five source articles): the year report of a unit as
 * a union report reads, its PDF read back with pdftotext, a record page, and the import.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoPanel, gql, login, screenshot, tokenOf } from './support';

const demo = demoPanel();
const errors: string[] = [];

async function open(): Promise<Page> {
  const page = await demo.open();
  // The CSP forbids eval and remote fonts: any violation (pdfmake included) fails the test.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  return page;
}

async function unitIdOf(code: string): Promise<string> {
  const { token } = await tokenOf(demo.url, 'admin');
  const r = await gql(demo.url, 'query($c:[String!]){ allUnions(filter:{code:$c}) { id } allGrassrootsUnions(filter:{code:$c}) { id } allFederations(filter:{code:$c}) { id } }', { c: [code] }, token);
  return [...r.allUnions, ...r.allGrassrootsUnions, ...r.allFederations][0].id;
}

const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });

describe('the year in the panel', () => {
  test('the year report of Công đoàn Viên chức tỉnh Thanh Hóa, 2023: the article’s figures on the page and in the PDF', async () => {
    const cdvc = await unitIdOf('CDVC-TH');
    const page = await open();
    await login(page, demo.url, 'cdvc.thanhhoa');
    // The menu has the new section.
    await page.getByText('Năm công đoàn').filter({ visible: true }).first().waitFor();
    await page.getByRole('menuitem', { name: 'Báo cáo năm' }).waitFor();
    // From the unit's own page to its report, then the article's year.
    await page.getByRole('menuitem', { name: 'Đơn vị của tôi' }).click();
    await page.locator('#main-content').getByRole('link', { name: 'Báo cáo năm' }).click();
    await page.waitForURL(new RegExp(`#/year-report\\?unitId=${cdvc}`));
    await page.locator('input[name="year"]').fill('2023');
    await page.waitForURL(/year=2023/);
    const report = page.getByTestId('year-report');
    await report.waitFor();
    await report.getByText('Công đoàn Viên chức tỉnh Thanh Hóa').filter({ visible: true }).first().waitFor();
    await report.getByText('Báo cáo kết quả hoạt động công đoàn năm 2023').waitFor();
    // "8/10 chỉ tiêu đạt và vượt"
    await report.getByText('8/10 chỉ tiêu đạt và vượt').waitFor();
    expect(await page.getByTestId('report-targets').locator('tbody tr').count()).toBe(10);
    // The printed 187.6 % stays beside the computed rate.
    await page.getByTestId('report-targets').getByText('187,6 %').waitFor();
    // "910 lượt … gần 1,350 tỷ đồng", by kind with counts and VND
    const welfareLine = await page.getByTestId('report-welfare-section').locator('p').first().innerText();
    expect(welfareLine).toMatch(/^Thăm hỏi, hỗ trợ 910 lượt, số tiền 1\.3[45]\d\.\d{3}\.\d{3}\s₫$/);
    const welfare = page.getByTestId('report-welfare');
    for (const kind of ['Thăm hỏi ốm đau', 'Thai sản', 'Hiếu', 'Hỷ', 'Hỗ trợ đoàn viên có hoàn cảnh khó khăn']) await welfare.getByText(kind, { exact: true }).waitFor();
    expect(await welfare.locator('tbody tr').last().innerText()).toMatch(/Tổng cộng\s+910\s+1\.3[45]\d\.\d{3}\.\d{3}\s₫/);
    // Awards by form, as the article lists them.
    const awards = page.getByTestId('report-awards');
    for (const form of ['Bằng lao động sáng tạo', 'Cờ thi đua']) await awards.getByText(form).filter({ visible: true }).first().waitFor();
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'year-report');

    // On paper: the report alone, without the menu, the app bar and the controls.
    await page.emulateMedia({ media: 'print' });
    const menuItem = page.getByRole('menuitem', { name: 'Báo cáo năm' });
    expect(await menuItem.isVisible()).toBe(false);
    expect(await page.locator('header.MuiAppBar-root').first().isVisible()).toBe(false);
    expect(await page.getByTestId('report-pdf').isVisible()).toBe(false);
    expect(await report.getByText('8/10 chỉ tiêu đạt và vượt').isVisible()).toBe(true);
    // the page's full width to the report (no room kept for the menu)
    expect((await report.boundingBox())!.x).toBeLessThan(40);
    await page.emulateMedia({ media: 'screen' });
    expect(await menuItem.isVisible()).toBe(true);
    expect(await page.locator('header.MuiAppBar-root').first().isVisible()).toBe(true);

    // The PDF: pdfmake in the browser, read back with pdftotext — Vietnamese with every diacritic.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-nam-2023-cong-doan-vien-chuc-tinh-thanh-hoa.pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-pdf-')), 'report.pdf');
    await download.saveAs(file);
    fs.mkdirSync(path.join(__dirname, '../../test-results'), { recursive: true });
    fs.copyFileSync(file, path.join(__dirname, '../../test-results/year-report.pdf'));
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CÔNG ĐOÀN VIÊN CHỨC TỈNH THANH HÓA');
    expect(text).toContain('Báo cáo kết quả hoạt động công đoàn năm 2023');
    expect(text).toContain('8/10 chỉ tiêu đạt và vượt');
    expect(text).toMatch(/Thăm hỏi, hỗ trợ 910 lượt, số tiền 1\.3[45]\d\.\d{3}\.\d{3}\s₫/);
    expect(text).toContain('Hỗ trợ đoàn viên có hoàn cảnh khó khăn');
    expect(text).toContain('187,6 %');
    expect(text).toContain('Đại hội công đoàn');

    // On a phone the report still reads (tables scroll sideways inside their section).
    await page.setViewportSize({ width: 390, height: 844 });
    await report.getByText('Báo cáo kết quả hoạt động công đoàn năm 2023').evaluate((e) => (e as any).scrollIntoView({ block: 'start' }));
    // nothing wider than the phone: the tables scroll inside their own box
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'year-report-phone');
    expect(errors).toEqual([]);
  });

  test('a record page: a union admin creates a target, sees it in the list with its computed rate and status; the list on a phone', async () => {
    const page = await open();
    await login(page, demo.url, 'cdvc.thanhhoa');
    await page.goto(`${demo.url}/#/targets/create`);
    // The account's own union is chosen already.
    await page.waitForFunction(() => (globalThis as any).document.querySelector('input[name="unitId"]')?.value === 'Công đoàn Viên chức tỉnh Thanh Hóa');
    await page.locator('input[name="year"]').fill('2025');
    await page.locator('input[name="indicatorId"]').click();
    await page.locator('input[name="indicatorId"]').fill('doi thoai');
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: 'Nguồn chỉ tiêu' }).click();
    await page.getByRole('option', { name: 'Chương trình công tác năm' }).click();
    await page.locator('input[name="planned"]').fill('40');
    await page.locator('input[name="actual"]').fill('46');
    await page.locator('input[name="reportedRate"]').fill('115');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // The show page: the server computed the rate (115 %) and the status.
    await page.waitForURL(/#\/targets\/\d+\/show/);
    await page.getByTestId('target-rate').first().waitFor();
    expect(await page.getByTestId('target-rate').first().innerText()).toBe('115 %');
    await page.getByText('Vượt chỉ tiêu').filter({ visible: true }).first().waitFor();

    await page.goto(`${demo.url}/#/targets?filter=${encodeURIComponent(JSON.stringify({ year: 2025 }))}`);
    const created = row(page, 'Vượt chỉ tiêu');
    await created.first().waitFor();
    expect(await created.first().innerText()).toMatch(/40\s+46\s+115 %/);
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 15_000 });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${demo.url}/#/targets?filter=${encodeURIComponent(JSON.stringify({ year: 2023 }))}`);
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'year-targets');
    await page.setViewportSize({ width: 390, height: 844 });
    // A SimpleList on a phone: one line per target with its figures.
    await page.locator('.RaSimpleList-root, ul.MuiList-root').first().waitFor();
    await screenshot(page, 'year-targets-phone');
  });

  test('the import of targets: a sheet with bad rows is refused with Vietnamese row errors and writes nothing; the good sheet (Vietnamese numbers) is written whole', async () => {
    const cdvc = await unitIdOf('CDVC-TH');
    const { token } = await tokenOf(demo.url, 'admin');
    const targetsOf2024 = async () =>
      (await gql(demo.url, 'query($u:[ID!]){ allTargets(filter:{unitId:$u, year:[2024]}) { planned actual rate reportedRate indicator { code } } }', { u: [cdvc] }, token)).allTargets as any[];
    const before = (await targetsOf2024()).length;
    const csv = (lines: string[][]) => Buffer.from('\ufeff' + lines.map((l) => l.map((c) => `"${c}"`).join(',')).join('\r\n'), 'utf8');
    const header = ['Năm', 'Mã chỉ số', 'Nguồn chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ theo báo cáo (%)', 'Ghi chú'];

    const page = await open();
    await login(page, demo.url, 'cdvc.thanhhoa');
    await page.getByRole('menuitem', { name: 'Nhập chỉ tiêu, thăm hỏi' }).click();
    await page.getByTestId('year-import').waitFor();
    await page.waitForFunction(() => (globalThis as any).document.querySelector('input[name="unitId"]')?.value === 'Công đoàn Viên chức tỉnh Thanh Hóa');
    // The template downloads, with the Vietnamese headers.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải mẫu CSV' }).click()]);
    expect(template.suggestedFilename()).toBe('mau-nhap-chi-tieu.csv');
    expect(fs.readFileSync((await template.path())!, 'utf8')).toContain('Mã chỉ số');

    await page.getByTestId('year-import-file').setInputFiles({
      name: 'chi-tieu-loi.csv',
      mimeType: 'text/csv',
      buffer: csv([
        header,
        ['2024', 'WORKPLACE_DIALOGUES', 'Chương trình công tác năm', '12', '12', '', ''],
        ['2024', 'NEW_GRASSROOTS', 'Chương trình công tác năm', 'mười', '', '', ''],
        ['2024', 'KHONG_CO', 'Chương trình công tác năm', '5', '', '', ''],
      ]),
    });
    const errorsTable = page.getByTestId('year-import-errors');
    await errorsTable.waitFor();
    const lines = (await errorsTable.locator('tbody tr').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual(['3 Kế hoạch Không phải số (viết 2.529,554 hoặc 1350000000)', '4 Mã chỉ số Không có chỉ số mã “KHONG_CO”']);
    await page.getByTestId('year-import-refused').waitFor();
    expect(await page.getByTestId('year-import-write').isDisabled()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('year-import-summary').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    await screenshot(page, 'year-import-errors');
    expect((await targetsOf2024()).length).toBe(before);

    // The corrected sheet: Vietnamese numbers, every row written.
    await page.getByTestId('year-import-file').setInputFiles({
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: csv([
        header,
        ['2024', 'WORKPLACE_DIALOGUES', 'Chương trình công tác năm', '12', '12', '', ''],
        ['2024', 'MAI_AM_FUND', 'Kế hoạch, chỉ tiêu cấp trên giao', '2.516,1', '2.529,554', '100,5', 'triệu đồng'],
      ]),
    });
    await page.getByTestId('year-import-summary').getByText('2 dòng: 2 hợp lệ, 0 có lỗi').waitFor();
    await page.getByTestId('year-import-write').click();
    await page.getByTestId('year-import-result').getByText('Đã nhập 2 bản ghi').waitFor();
    const after = await targetsOf2024();
    expect(after.length).toBe(before + 2);
    const fund = after.find((x) => x.indicator.code === 'MAI_AM_FUND');
    expect(fund).toMatchObject({ planned: 2516.1, actual: 2529.554, reportedRate: 100.5, rate: 100.53 });
    expect(errors).toEqual([]);
  });
});
