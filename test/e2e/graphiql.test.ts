/**
 * GraphiQL at /graphiql (issue 11), in Chromium, against the server in production mode (the
 * embedded demo): a signed-in analyst opens it from the panel's session, the IDE loads the schema
 * (introspection, open to signed-in accounts only) with Monaco's workers, runs a query and shows
 * the answer, all under the page's Content-Security-Policy without one violation; an anonymous
 * visitor is told to sign in, and anonymous introspection stays refused.
 */
import type { Page } from 'playwright-core';
import { demoPanel, login, recordCspViolations } from './support';
import { GRAPHIQL_CSP, PANEL_CSP } from '../../server/http/security-headers';

// In production (GraphiQL's own CSP, no introspection by default), with a secret of its own.
const demo = demoPanel({ timeout: 240_000, env: { NODE_ENV: 'production', JWT_SECRET: 'graphiql-e2e-secret-'.padEnd(40, 'x'), GRAPHQL_INTROSPECTION: undefined } });

/** Waits until `ok` holds, checking every 200 ms. */
async function until(ok: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A fresh browser recording every CSP violation (the console's report and the DOM event alike). */
async function open(violations: string[]): Promise<Page> {
  const page = await demo.open();
  await recordCspViolations(page, violations);
  return page;
}

describe('GraphiQL', () => {
  test('an anonymous visitor is told to sign in; anonymous introspection is refused in production', async () => {
    const violations: string[] = [];
    const page = await open(violations);
    const res = await page.goto(`${demo.url}/graphiql`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toBe(GRAPHIQL_CSP);
    await page.getByTestId('graphiql-sign-in').waitFor();
    expect(await page.getByRole('link', { name: /Đăng nhập/ }).getAttribute('href')).toBe('/#/login');
    const anon = await fetch(`${demo.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(((await anon.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect([...new Set(violations)]).toEqual([]);
  });

  test('a signed-in analyst opens it with the panel’s session: the schema loads, a query runs, no CSP violation', async () => {
    const violations: string[] = [];
    const page = await open(violations);
    const introspected: number[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema')) introspected.push(r.status());
    });
    await login(page, demo.url, 'analyst');
    // The panel's page carries the panel's policy, GraphiQL's its own.
    const res = await page.goto(`${demo.url}/graphiql`);
    expect(res?.headers()['content-security-policy']).toBe(GRAPHIQL_CSP);
    expect(GRAPHIQL_CSP).not.toMatch(/unsafe-eval/);
    await page.getByTestId('graphiql-who').getByText('analyst').waitFor({ timeout: 60_000 });
    // Monaco's editors are up (its workers started) and the schema was read with the analyst's token.
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await until(() => introspected.includes(200), 60_000, 'the schema was not read');

    // Replace the query in the editor, run it, read the answer. Monaco may still be settling (its
    // default query, bracket closing, suggestions) on a loaded machine, so the test checks what the
    // editor holds before it runs, and replaces it again if it is not the query, as a user would.
    const QUERY = '{ me { username role } _allFederationsMeta { count } }';
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    const held = async () => (await editor.locator('.view-lines').innerText()).replace(/[\s\u00a0]+/g, ' ').trim();
    for (let attempt = 1; ; attempt++) {
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // insertText, not type: typed keys would meet Monaco's bracket closing and suggestions.
      await page.keyboard.insertText(QUERY);
      await page.keyboard.press('Escape'); // closes a suggestion box, if one opened
      await new Promise((r) => setTimeout(r, 300));
      if ((await held()) === QUERY) break;
      if (attempt === 5) throw new Error(`the editor holds «${await held()}», not the query`);
    }
    const executed = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('_allFederationsMeta'), { timeout: 60_000 });
    await page.locator('.graphiql-execute-button').click();
    const sent = await executed;
    if (sent.status() !== 200) throw new Error(`GraphiQL sent ${sent.request().postData()} and got ${sent.status()}: ${await sent.text()}`);
    const response = page.locator('.graphiql-response .view-lines');
    // The count the analyst sees is the demo's number of federations, read here without the browser.
    const gql = async (query: string, token?: string) => {
      const r = await fetch(`${demo.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
      return ((await r.json()) as any).data;
    };
    const { token } = (await gql('mutation { login(username: "analyst", password: "demo1234") { token } }')).login;
    const federations: number = (await gql('{ _allFederationsMeta { count } }', token))._allFederationsMeta.count;
    expect(federations).toBeGreaterThan(0);
    const answer = new RegExp(`"username": "analyst".*"role": "ANALYST".*"count": ${federations}\\b`);
    expect(((await sent.json()) as any).data).toEqual({ me: { username: 'analyst', role: 'ANALYST' }, _allFederationsMeta: { count: federations } });
    await until(async () => answer.test((await response.innerText()).replace(/\s+/g, ' ')), 60_000, 'the answer was not shown');

    // The documentation explorer reads the schema too.
    await page.getByRole('button', { name: /documentation/i }).first().click();
    await page.getByText('memberStats', { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 30_000 }).catch(async () => {
      await page.getByRole('link', { name: 'Query' }).first().click();
      await page.getByText('memberStats', { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    });

    // Back in the panel, its own policy again.
    const panel = await page.goto(`${demo.url}/`);
    expect(panel?.headers()['content-security-policy']).toBe(PANEL_CSP);
    expect([...new Set(violations)]).toEqual([]);
  });

  test('the token page, from the account menu: a token shown once works at once and stops when revoked; GraphiQL is in the menu', async () => {
    const violations: string[] = [];
    const page = await open(violations);
    await login(page, demo.url, 'analyst.thanhhoa');
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    expect(await page.getByTestId('menu-graphiql').getAttribute('href')).toBe('/graphiql');
    await page.getByTestId('menu-api-tokens').click();
    await page.getByTestId('api-tokens').waitFor();
    await page.getByRole('heading', { name: 'Khóa truy cập API' }).first().waitFor();

    await page.getByTestId('api-token-name').fill('sổ tay Python');
    await page.getByTestId('api-token-create').click();
    const value = page.getByTestId('api-token-value');
    await value.waitFor();
    const token = await value.inputValue();
    expect(token).toMatch(/^cdt_/);
    const me = async () => {
      const r = await fetch(`${demo.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { username } }' }) });
      return ((await r.json()) as any).data.me;
    };
    expect(await me()).toEqual({ username: 'analyst.thanhhoa' });
    await page.getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
    // Listed by name, never with its secret.
    const row = page.getByTestId('api-token-row').filter({ hasText: 'sổ tay Python' });
    await row.waitFor();
    expect(await page.locator('body').innerText()).not.toContain(token);

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Xác nhận|Confirm/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await me()).toBeNull();
    expect([...new Set(violations)]).toEqual([]);
  });
});
