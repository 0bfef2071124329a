/**
 * The panel as its users meet it (issue 12, items 1, 2, 5–9), in Debian's chromium against the
 * real server with the embedded demo: refusals in Vietnamese (no English words on the page),
 * locked workflow buttons during the undo window and a cleared selection after a bulk approval,
 * list state per account with two accounts in two tabs, the breadcrumb of a record whose id equals
 * an ancestor's, the audit trail in words, what a nomination form offers, the dashboard's names.
 */
import type { Page } from 'playwright-core';
import { demoPanel, gql, login, screenshot, tokenOf } from './support';

const demo = demoPanel({ timeout: 240_000, startTimeout: 300_000 });

const notification = (page: Page) => page.locator('.MuiSnackbar-root');
const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });

/** English a Vietnamese page must not show: words of the server's raw refusals. */
const ENGLISH = [
  'required', 'expected', 'nominee', 'already', 'forbidden', 'chain', 'is not', 'must', 'cannot', 'yyyy-mm-dd', 'valid date',
  'DUPLICATE_NOMINATION', 'GRASSROOTS', 'open nomination', 'not found', 'reload', 'Please', 'Invalid',
];
async function expectNoEnglish(page: Page) {
  const text = await page.locator('body').innerText();
  const found = ENGLISH.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));
  expect({ found, text: found.length ? text.slice(0, 2000) : '' }).toEqual({ found: [], text: '' });
}

const YEAR = new Date().getFullYear();
const CREATE_NOMINATION = 'mutation($t:ID!,$y:Int!,$m:ID){ createNomination(awardTypeId:$t, year:$y, achievements:"Hoàn thành xuất sắc nhiệm vụ", nomineeMemberId:$m) { id } }';

async function typeId(token: string, code: string): Promise<string> {
  return (await gql(demo.url, '{ allAwardTypes(perPage: 100) { id code } }', {}, token)).allAwardTypes.find((t: any) => t.code === code).id;
}

async function freshMember(token: string, unitId: string, fullName: string): Promise<string> {
  return (await gql(demo.url, 'mutation($n:String!,$u:ID!){ createMember(fullName:$n, gender:FEMALE, grassrootsUnionId:$u) { id } }', { n: fullName, u: unitId }, token)).createMember.id;
}

describe('panel UX (issue 12)', () => {
  test('refusals read as Vietnamese that says what to do: duplicate nomination at save, member form, import rows; English with the switch', async () => {
    const chair = await tokenOf(demo.url, 'cdcs.soyte');
    const unitId = (await gql(demo.url, '{ me { scopeUnitId } }', {}, chair.token)).me.scopeUnitId;
    const memberId = await freshMember(chair.token, unitId, 'Đinh Thị Trùng Lặp');
    await gql(demo.url, CREATE_NOMINATION, { t: await typeId(chair.token, 'GK_CDCS_CN'), y: YEAR, m: memberId }, chair.token);

    const page = await demo.open();
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, demo.url, 'cdcs.soyte');

    // A second nomination of the same member, award type and year: refused when saved, in words.
    await page.goto(`${demo.url}/#/nominations/create`);
    await page.locator('input[name="awardTypeId"]').fill('GK_CDCS_CN');
    await page.getByRole('option', { name: /GK_CDCS_CN/ }).click();
    await page.locator('input[name="nomineeMemberId"]').fill('trung lap');
    await page.getByRole('option', { name: /Đinh Thị Trùng Lặp/ }).click();
    await page.locator('textarea[name="achievements"]').fill('Hoàn thành xuất sắc nhiệm vụ năm nay.');
    await page.locator('button[type="submit"]').click();
    const duplicate = 'Đối tượng này đã có một hồ sơ đề nghị cùng hình thức khen thưởng trong năm đó chưa kết thúc';
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: duplicate }).waitFor();
    await notification(page).getByText(duplicate).waitFor();
    expect(page.url()).toContain('#/nominations/create');
    await expectNoEnglish(page);
    await screenshot(page, 'refusal-duplicate-nomination');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: duplicate }).scrollIntoViewIfNeeded();
    await screenshot(page, 'refusal-duplicate-nomination-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The member form: e-mail and an impossible date in words (not the browser's tooltip), a card number in use from the server.
    const taken = (await gql(demo.url, 'query($u:[ID!]){ allMembers(perPage: 50, filter: { grassrootsUnionId: $u }) { cardNumber } }', { u: [unitId] }, chair.token)).allMembers.find(
      (m: any) => m.cardNumber,
    ).cardNumber;
    await page.goto(`${demo.url}/#/members/create`);
    await page.locator('input[name="fullName"]').fill('Lý Thị Kiểm Tra');
    await page.getByLabel('Nữ').check();
    expect(await page.locator('input[name="email"]').getAttribute('type')).not.toBe('email');
    await page.locator('input[name="email"]').fill('khong-phai-email');
    await page.locator('input[name="birthDate"]').fill('31/02/1990');
    await page.locator('button[type="submit"]').click();
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: 'Email không hợp lệ' }).waitFor();
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: 'Ngày này không có thật' }).waitFor();
    await page.locator('input[name="email"]').fill('kiemtra@soyte.vn');
    await page.locator('input[name="birthDate"]').fill('28/02/1990');
    await page.locator('input[name="cardNumber"]').fill(taken);
    await page.locator('button[type="submit"]').click();
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: /Số thẻ đoàn viên.*đã được dùng/ }).waitFor();
    await expectNoEnglish(page);
    await screenshot(page, 'refusal-member-form');

    // Import: the template's dd/mm/yyyy, a date that does not exist, a missing gender, a card twice in the file.
    await page.goto(`${demo.url}/#/import`);
    await page.getByTestId('member-import').waitFor();
    const csv = [
      'Họ và tên *,Giới tính *,Ngày sinh,Số thẻ đoàn viên',
      'Phạm Văn Một,Nam,02/03/1985,UXA-0001',
      'Đỗ Thị Hai,,31/12/1992,UXA-0002',
      'Vũ Thị Ba,Nữ,31/02/1990,UXA-0003',
      'Hà Văn Bốn,Nam,1990/13/45,UXA-0004',
      'Lê Thị Năm,Nữ,01/01/1991,UXA-0001',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'doan-vien.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const cells = async () => (await errors.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const rows = await cells();
    expect(rows).toEqual([
      expect.stringMatching(/^3 Giới tính Thiếu “Giới tính”: đây là thông tin bắt buộc/),
      expect.stringMatching(/^4 Ngày sinh “Ngày sinh” không phải ngày có thật .*dd\/mm\/yyyy/),
      expect.stringMatching(/^5 Ngày sinh “Ngày sinh” không đọc được là ngày: hãy ghi theo dạng dd\/mm\/yyyy/),
      expect.stringMatching(/^6 Số thẻ đoàn viên Trùng với dòng 2 của tệp/),
    ]);
    expect(await page.getByTestId('import-file-name').innerText()).toMatch(/5 dòng/);
    await expectNoEnglish(page);
    await notification(page).waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    await errors.scrollIntoViewIfNeeded();
    await screenshot(page, 'refusal-import-rows');
    // The app bar hides while scrolled down: back to the top for the language menu.
    await page.evaluate('window.scrollTo(0, 0)');

    // English on request: the same refusals in English.
    await page.getByRole('button', { name: /tiếng việt/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Choose a file').waitFor();
    if (!(await errors.count())) {
      await page.getByTestId('import-file').setInputFiles({ name: 'doan-vien.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
    }
    await errors.getByText('“Ngày sinh” is not a real date').waitFor();
    await errors.getByText('Same as row 2 of the file').waitFor();
    await page.getByRole('button', { name: /english/i }).click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
  });

  test('the nomination form offers what the unit may propose; "Sửa" only where it can be edited; a proposal at its own level waits for a second account', async () => {
    const page = await demo.open();
    await login(page, demo.url, 'ldld.thanhhoa');
    await page.goto(`${demo.url}/#/nominations/create`);
    await page.locator('input[name="awardTypeId"]').click();
    await page.getByRole('option').first().waitFor();
    const offered = await page.getByRole('option').allInnerTexts();
    expect(offered.some((o) => o.startsWith('BK_LDLD'))).toBe(true);
    // A federation proposes no grassroots or union award.
    expect(offered.filter((o) => /^(GK_CDCS|GK_CDCT|CDCS_VM)/.test(o))).toEqual([]);

    // The chair: a title its own grassroots union decides waits for the vice-chair's account, and says so.
    const chair = await tokenOf(demo.url, 'cdcs.soyte');
    const unitId = (await gql(demo.url, '{ me { scopeUnitId } }', {}, chair.token)).me.scopeUnitId;
    const m1 = await freshMember(chair.token, unitId, 'Mai Thị Bốn Mắt');
    const own = (await gql(demo.url, CREATE_NOMINATION, { t: await typeId(chair.token, 'GK_CDCS_CN'), y: YEAR, m: m1 }, chair.token)).createNomination.id;
    const m2 = await freshMember(chair.token, unitId, 'Tạ Thị Đã Rút');
    const gone = (await gql(demo.url, CREATE_NOMINATION, { t: await typeId(chair.token, 'GK_CDCS_CN'), y: YEAR, m: m2 }, chair.token)).createNomination.id;
    await gql(demo.url, 'mutation($id:ID!){ withdrawNomination(id:$id) { id } }', { id: gone }, chair.token);

    const p2 = await demo.open();
    await p2.setViewportSize({ width: 1366, height: 900 });
    await login(p2, demo.url, 'cdcs.soyte');
    await p2.goto(`${demo.url}/#/nominations/${gone}/show`);
    await p2.locator('[data-status="WITHDRAWN"]').waitFor();
    expect(await p2.getByRole('link', { name: 'Sửa' }).count()).toBe(0);
    expect(await p2.getByTestId('withdraw-button').count()).toBe(0);

    await p2.goto(`${demo.url}/#/nominations/${own}/show`);
    await p2.getByRole('link', { name: 'Sửa' }).waitFor();
    await p2.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await notification(p2).getByText('Hồ sơ chờ một tài khoản khác cùng cấp của đơn vị bạn duyệt (nguyên tắc bốn mắt)').waitFor();
    await p2.getByTestId('waiting-notice').getByText('một tài khoản khác cùng cấp').waitFor();
    expect(await p2.getByText('Đã gửi đề nghị lên cấp trên').count()).toBe(0);
    expect(await p2.getByRole('link', { name: 'Sửa' }).count()).toBe(0);
    await screenshot(p2, 'nomination-waits-second-account');
    await p2.setViewportSize({ width: 390, height: 844 });
    await screenshot(p2, 'nomination-waits-second-account-phone');
  });

  test('approving from a nomination’s page locks its other buttons during the undo window; a bulk approval clears the selection and locks its rows', async () => {
    const fed = await tokenOf(demo.url, 'ldld.thanhhoa');
    const queue = (await gql(demo.url, '{ allNominations(filter:{awaitingMyReview:true}, sortField:"updatedAt", sortOrder:"ASC") { id nomineeName } }', {}, fed.token))
      .allNominations as Array<{ id: string; nomineeName: string }>;
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const [one, ...rest] = queue;

    const page = await demo.open();
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, demo.url, 'ldld.thanhhoa');
    await page.goto(`${demo.url}/#/nominations/${one.id}/show`);
    await page.getByTestId('approve-button').click();
    await page.getByTestId('pending-decision').waitFor();
    // During the undo window: return and reject are locked, nothing else can decide it.
    expect(await page.getByTestId('return-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('reject-button').isDisabled()).toBe(true);
    await notification(page).getByText('Đã duyệt hồ sơ').waitFor();
    await screenshot(page, 'nomination-approve-undo-window');
    // Undo gives the buttons back.
    await notification(page).getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByTestId('approve-button').waitFor();
    expect(await page.getByTestId('return-button').isDisabled()).toBe(false);
    // Approve for real: once the window ends the decision goes through, with no false conflict.
    await page.getByTestId('approve-button').click();
    await page.getByTestId('pending-decision').waitFor();
    await page.getByTestId('approve-button').waitFor({ state: 'detached' });
    await page.locator('[data-status="PENDING"], [data-status="APPROVED"], [data-status="FORWARDED"]').first().waitFor();
    await page.getByTestId('pending-decision').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await notification(page).getByText('xử lý trước bạn').count()).toBe(0);
    const after = (await gql(demo.url, 'query($id:ID!){ Nomination(id:$id) { status reviews { decision } } }', { id: one.id }, fed.token)).Nomination;
    expect(after.reviews.map((r: any) => r.decision)).toEqual(expect.arrayContaining(['APPROVE']));
    expect(after.reviews.filter((r: any) => r.decision === 'RETURN')).toEqual([]);

    // The desk: select two, approve in bulk; the selection bar is gone at once and the rows cannot be picked again.
    await page.goto(`${demo.url}/#/approvals`);
    const two = rest.slice(0, 2);
    for (const n of two) await row(page, n.nomineeName).first().locator('input[type="checkbox"]').check();
    await page.getByText('Đã chọn 2 mục').waitFor();
    await page.getByTestId('bulk-approve').click();
    await notification(page).getByText('Đã duyệt 2 hồ sơ').waitFor();
    // Keep the undo window open while we look (MUI's snackbar pauses its timer under the pointer):
    // on a loaded machine the few seconds could otherwise end before the checks below.
    await notification(page).getByText('Đã duyệt 2 hồ sơ').hover();
    expect(await page.getByText('Đã chọn 2 mục').count()).toBe(0);
    await page.locator('[data-test="bulk-actions-toolbar"].RaBulkActionsToolbar-collapsed').waitFor({ state: 'attached' });
    // Neither row can be picked again while the decision is in flight: it has left the desk
    // (react-admin's optimistic update) or, where still shown, its box is locked with a note.
    for (const n of two) {
      const r = row(page, n.nomineeName).first();
      if (await r.count()) {
        expect(await r.locator('input[type="checkbox"]').isDisabled()).toBe(true);
        await r.getByTestId('pending-decision').waitFor();
      }
    }
    await screenshot(page, 'approval-desk-bulk-undo-window');
    await page.mouse.move(0, 0); // the window runs out: the decisions go through
    for (const n of two) await row(page, n.nomineeName).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await notification(page).getByText(/không xử lý được|xử lý trước bạn/).count()).toBe(0);
    for (const n of two) {
      const s = (await gql(demo.url, 'query($id:ID!){ Nomination(id:$id) { reviews { decision reviewer { username } } } }', { id: n.id }, fed.token)).Nomination;
      expect(s.reviews.filter((r: any) => r.decision === 'APPROVE' && r.reviewer?.username === 'ldld.thanhhoa')).toHaveLength(1);
    }
  });

  test('list state is kept per account: two accounts in two tabs of one browser do not share saved filters', async () => {
    const browser = await demo.launch();
    const tabA = browser.page;
    const tabB = await browser.context.newPage();
    await login(tabA, demo.url, 'ldld.thanhhoa');
    await login(tabB, demo.url, 'analyst.thanhhoa');

    await tabA.goto(`${demo.url}/#/members`);
    await tabA.locator('input[name="q"]').fill('nguyen thi');
    await tabA.waitForURL(/filter=.*nguyen/);
    await tabA.locator('tbody tr').first().waitFor();

    // The analyst's list in the other tab starts unfiltered, and its own search does not reach the admin's.
    await tabB.goto(`${demo.url}/#/members`);
    await tabB.locator('tbody tr').first().waitFor();
    expect(await tabB.locator('input[name="q"]').inputValue()).toBe('');
    await tabB.locator('input[name="q"]').fill('zzzz khong ai');
    await tabB.waitForURL(/filter=.*zzzz/);

    // Each account finds its own saved search when it comes back to the list.
    await tabA.goto(`${demo.url}/#/`);
    await tabA.goto(`${demo.url}/#/members`);
    await tabA.locator('tbody tr').first().waitFor();
    expect(await tabA.locator('input[name="q"]').inputValue()).toBe('nguyen thi');
    await tabB.goto(`${demo.url}/#/`);
    await tabB.goto(`${demo.url}/#/members`);
    expect(await tabB.locator('input[name="q"]').inputValue()).toBe('zzzz khong ai');
    const keys = (await tabA.evaluate('Object.keys(localStorage).filter((k) => k.includes("members.listParams"))')) as string[];
    expect(keys.some((k) => k.includes('account:ldld.thanhhoa.'))).toBe(true);
    expect(keys.some((k) => k.includes('account:analyst.thanhhoa.'))).toBe(true);
  });

  test('the breadcrumb keeps an ancestor whose id equals the record’s id', async () => {
    const admin = await tokenOf(demo.url, 'admin');
    const members = (await gql(demo.url, '{ allMembers(perPage: 300, sortField: "id", sortOrder: "ASC") { id federationId unionId grassrootsUnionId teamId } }', {}, admin.token)).allMembers as any[];
    const m = members.find((x) => [x.federationId, x.unionId, x.grassrootsUnionId, x.teamId].includes(x.id));
    expect(m).toBeDefined();
    const ids = [m.federationId, m.unionId, m.grassrootsUnionId, m.teamId].filter((v: string | null) => v != null);
    const names: string[] = [];
    for (const id of ids) names.push((await gql(demo.url, 'query($id:ID!){ orgUnit(id:$id) { ... on Federation { name } ... on Union { name } ... on GrassrootsUnion { name } ... on Team { name } } }', { id }, admin.token)).orgUnit.name);

    const page = await demo.open();
    await login(page, demo.url, 'admin');
    await page.goto(`${demo.url}/#/members/${m.id}/show`);
    const crumb = page.getByTestId('breadcrumb');
    for (const n of names) await crumb.getByText(n, { exact: true }).waitFor();
    expect(await crumb.locator('a').count()).toBe(names.length);
  });

  test('the audit trail in words; the dashboard names awards and its year card agrees with the chart', async () => {
    const page = await demo.open();
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, demo.url, 'admin');
    await page.goto(`${demo.url}/#/auditEvents?filter=${encodeURIComponent(JSON.stringify({ entityType: 'Nomination' }))}`);
    await page.locator('tbody tr').first().waitFor();
    // The action filter is in Vietnamese, as the column.
    await page.locator('[data-source="action"]').getByRole('combobox').click();
    const actions = await page.getByRole('option').allInnerTexts();
    expect(actions).toEqual(expect.arrayContaining(['Thêm mới', 'Cập nhật', 'Duyệt']));
    expect(actions.filter((a) => /^[A-Z_]+$/.test(a.trim()))).toEqual([]);
    await page.keyboard.press('Escape');
    const first = page.locator('tbody tr').first();
    expect(await first.innerText()).toContain('Đề nghị khen thưởng');
    // The record is a link to the nomination.
    const link = first.getByTestId('audit-entity-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/#\/nominations\/\d+\/show$/);
    // A workflow event, field by field, in words.
    await page.goto(`${demo.url}/#/auditEvents?filter=${encodeURIComponent(JSON.stringify({ entityType: 'Nomination', action: 'SUBMIT' }))}`);
    await page.locator('tbody tr').first().click();
    await page.waitForURL(/#\/auditEvents\/\d+\/show/);
    const table = page.locator('table').last();
    await table.getByText('Đang chờ ở cấp').waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/Chờ duyệt/);
    expect(text).not.toMatch(/\bPENDING\b|\bcurrentLevel\b|\bFEDERATION\b|\bGRASSROOTS\b/);
    await expectNoEnglish(page);
    await screenshot(page, 'audit-event');

    // The dashboard: award names on the chart, the year card beside it agreeing with it.
    const fedPage = await demo.open();
    await fedPage.setViewportSize({ width: 1366, height: 900 });
    await login(fedPage, demo.url, 'ldld.thanhhoa');
    await fedPage.goto(`${demo.url}/#/`);
    await dashboardChecks(fedPage);
  });
});

async function dashboardChecks(page: Page) {
    const chart = page.getByTestId('awards-chart');
    await chart.locator('svg text').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    const ticks = await chart.locator('svg text').allTextContents();
    expect(ticks.some((t) => /Bằng khen|Giấy khen|Lao động|Cờ thi đua/.test(t))).toBe(true);
    expect(ticks.filter((t) => /^[A-Z0-9]+_[A-Z0-9_]+$/.test(t.trim()))).toEqual([]);
    const legend = (await chart.locator('.recharts-legend-item-text').allTextContents()).map((t) => t.trim());
    const card = await page.locator('[data-testid="figure-awards"]').locator('..').innerText();
    const cardYear = /năm (\d{4})/.exec(card)?.[1];
    expect(legend).toContain(cardYear);
    // …and the same count as the chart's bars of that year.
    const token = JSON.parse((await page.evaluate('sessionStorage.getItem("congdoan.session")')) as string).token;
    const stats = (await gql(demo.url, '{ awardStats(by: [AWARD_TYPE, YEAR]) { year count } }', {}, token)).awardStats as Array<{ year: number; count: number }>;
    const inYear = stats.filter((s) => String(s.year) === cardYear).reduce((n, s) => n + s.count, 0);
    expect(await page.getByTestId('figure-awards').innerText()).toBe(String(inYear));
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'dashboard-phone');
}

describe('access by address', () => {
  test('an analyst typing /import is told it is not for them', async () => {
    const p2 = await demo.open();
    await login(p2, demo.url, 'analyst');
    await p2.goto(`${demo.url}/#/import`);
    await p2.getByTestId('access-denied').waitFor();
    expect(await p2.getByTestId('member-import').count()).toBe(0);
    await expectNoEnglish(p2);
  });
});
