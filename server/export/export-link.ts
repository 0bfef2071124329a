import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed export links: what a browser download can carry instead of an Authorization header (an
 * <a href> cannot send one). A link names one export (the resource and its exact parameters), one
 * account at one token version (a password change or a deactivation voids it, as it voids the
 * sessions), and an expiry a minute away; it is signed with the server's secret, so nothing in it
 * can be changed. It travels in a URL, so it is short-lived and the server sends no Referer.
 */
export interface ExportLinkClaims {
  resource: string;
  /** the export's parameters, exactly as the link carries them (filter JSON, sortField, sortOrder) */
  params: Record<string, string>;
  userId: number;
  tokenVersion: number;
  /** ms since the epoch */
  expiresAt: number;
}

/** The parameters a link signs, in a fixed order. */
export const SIGNED_PARAMS = ['filter', 'sortField', 'sortOrder'] as const;

function payload(c: ExportLinkClaims): string {
  const params = SIGNED_PARAMS.map((k) => `${k}=${c.params[k] ?? ''}`).join('&');
  return ['export-link-v1', c.resource, params, c.userId, c.tokenVersion, c.expiresAt].join('\n');
}

const mac = (secret: string, c: ExportLinkClaims) => createHmac('sha256', secret).update(payload(c)).digest('base64url');

/** The query string of a signed link (`filter=…&sortField=…&by=…&tv=…&exp=…&sig=…`). */
export function signExportLink(secret: string, c: ExportLinkClaims): string {
  const q = new URLSearchParams();
  for (const k of SIGNED_PARAMS) if (c.params[k] != null && c.params[k] !== '') q.set(k, c.params[k]);
  q.set('by', String(c.userId));
  q.set('tv', String(c.tokenVersion));
  q.set('exp', String(c.expiresAt));
  q.set('sig', mac(secret, c));
  return q.toString();
}

/** The claims of a link whose signature holds and which has not expired, or null. */
export function verifyExportLink(secret: string, resource: string, q: URLSearchParams, now = Date.now()): ExportLinkClaims | null {
  const sig = q.get('sig');
  const userId = Number(q.get('by'));
  const tokenVersion = Number(q.get('tv'));
  const expiresAt = Number(q.get('exp'));
  if (!sig || !Number.isSafeInteger(userId) || !Number.isSafeInteger(tokenVersion) || !Number.isSafeInteger(expiresAt)) return null;
  const params: Record<string, string> = {};
  for (const k of SIGNED_PARAMS) params[k] = q.get(k) ?? '';
  const claims = { resource, params, userId, tokenVersion, expiresAt };
  const expected = Buffer.from(mac(secret, claims));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return expiresAt > now ? claims : null;
}
