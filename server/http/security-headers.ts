import { ServerResponse } from 'node:http';

/**
 * The admin panel's Content-Security-Policy. Vite emits every script as a file of admin/dist/assets
 * (no inline script), so scripts come from this origin only. Styles need 'unsafe-inline': MUI's
 * emotion inserts <style> elements at run time, and index.html holds the loading screen's style.
 * Everything else (images, the /graphql calls, the lazily loaded ExcelJS and Papa Parse) comes
 * from this origin, and the panel is never framed. test/e2e/csp.test.ts runs the built panel under
 * it in Chromium and fails on any violation.
 */
export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GraphiQL's page (/graphiql): the panel's policy plus what GraphiQL 5 and its Monaco editor need,
 * found by running it in Chromium under the panel's policy (test/e2e/graphiql.test.ts): its fonts
 * and Monaco's squiggly-underline images are data: URLs in their CSS (`font-src`, `img-src`
 * 'self' data:; a data: font or image runs no code). Monaco's three workers (editor, JSON,
 * GraphQL) are files of admin/dist/assets started with `new Worker('/assets/…')`: `worker-src
 * 'self'`, said explicitly. Nothing needs 'unsafe-eval', and scripts stay 'self' only.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and CSV answers (/graphql, /healthz, /export/…) load nothing and are never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Apollo's landing page (a browser's GET /graphql) carries its own policy in a meta tag, which lets
 * it load the GraphQL sandbox; only the framing rule, which a meta tag cannot set, is added.
 */
export const LANDING_PAGE_CSP = "frame-ancestors 'none'";

/** Headers on every response: the policy of what it is, no MIME sniffing, no referrer, no framing (older browsers). */
export function setSecurityHeaders(res: ServerResponse, pathname: string): void {
  const api = pathname === '/graphql' || pathname === '/healthz' || pathname.startsWith('/export/');
  res.setHeader('content-security-policy', api ? API_CSP : pathname === '/graphiql' || pathname === '/graphiql/' ? GRAPHIQL_CSP : PANEL_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}
