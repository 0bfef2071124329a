/**
 * The year kit (admin/src/year/kit.tsx) on the README's worked example, the year-end conference: a grassroots
 * chair finds it in the menu under "Năm công đoàn", records its union's conference of last year in
 * Vietnamese forms, sees it in the list, and is told in Vietnamese when the server refuses one.
 */
import { vi } from '../../admin/src/i18n/vi';
import { demoPanel, login } from './support';

const demo = demoPanel();

test('a grassroots chair records its year-end conference and sees it listed', async () => {
  const page = await demo.open();
  await login(page, demo.url, 'cdcs.soyte');
  await page.getByText('Năm công đoàn').filter({ visible: true }).first().waitFor();
  await page.getByRole('menuitem', { name: 'Hội nghị tổng kết năm' }).click();
  await page.waitForURL(/#\/yearEndConferences/);
  await page.getByRole('link', { name: 'Thêm mới' }).click();
  await page.waitForURL(/#\/yearEndConferences\/create/);

  const lastYear = new Date().getFullYear() - 1;
  // The account's own union is chosen already (the kit's unitField; the autocomplete then hides it from its options).
  const ownUnitChosen = () => page.waitForFunction(() => (globalThis as any).document.querySelector('input[name="unitId"]')?.value === 'Công đoàn cơ sở Sở Y tế');
  await ownUnitChosen();
  await page.locator('input[name="year"]').fill(String(lastYear));
  await page.locator('input[name="heldOn"]').fill(`15/01/${lastYear + 1}`);
  await page.locator('input[name="attendees"]').fill('85');
  await page.locator('textarea[name="note"], input[name="note"]').first().fill('Tổng kết công tác công đoàn');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/#\/yearEndConferences(\?|$)/);
  const row = page.locator('tbody tr', { hasText: String(lastYear) });
  await row.getByText('Công đoàn cơ sở Sở Y tế').waitFor();
  await row.getByText('15/01/').waitFor();
  await page.getByRole('columnheader', { name: 'Số người dự' }).waitFor();

  // A second one for the same year: the server refuses, the form says so.
  await page.goto(`${demo.url}/#/yearEndConferences/create`);
  await ownUnitChosen();
  await page.locator('input[name="year"]').fill(String(lastYear));
  await page.locator('input[name="heldOn"]').fill(`20/01/${lastYear + 1}`);
  await page.locator('input[name="attendees"]').fill('10');
  await page.locator('button[type="submit"]').click();
  // the refusal in Vietnamese, by its rule: such a record already exists (not the race notice)
  await page.locator('.MuiSnackbar-root', { hasText: vi.cd.refusal.rule.DUPLICATE }).waitFor();
  await page.waitForURL(/#\/yearEndConferences\/create/);
});
