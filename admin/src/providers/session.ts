/**
 * The signed-in session, kept in sessionStorage: it ends with the browser tab, as a shared office
 * computer needs. The token is a JWT; its `exp` claim tells when the server will refuse it.
 */
import { isCurrentSessionUser, type SessionUser } from './sessionUser';

export type { OrgLevel, Permission, Role, SessionUser, UnitLevel } from './sessionUser';
export { sessionUserOf } from './sessionUser';

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'congdoan.session';
const REASON_KEY = 'congdoan.logoutReason';

function stored(): { token?: string; user?: Partial<SessionUser> } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** The session, or null when signed out or when the stored user is of an older build (see `needsRenewal`). */
export function getSession(): Session | null {
  const s = stored();
  return s?.token && isCurrentSessionUser(s.user) ? { token: s.token, user: s.user } : null;
}

/** The token of the stored session, whatever the shape of its user. */
export const getToken = () => stored()?.token ?? null;

/**
 * A token whose session was stored by an older panel build (without the permissions): the panel
 * asks `me` again with it rather than guess what the account may do.
 */
export const needsRenewal = () => getToken() != null && getSession() == null;

export function setSession(s: Session) {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  sessionStorage.removeItem(REASON_KEY);
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** Why the last session ended, for the login page to say (i18n key), read once. */
export function setLogoutReason(key: string) {
  sessionStorage.setItem(REASON_KEY, key);
}
export function peekLogoutReason(): string | null {
  return sessionStorage.getItem(REASON_KEY);
}
export function clearLogoutReason() {
  sessionStorage.removeItem(REASON_KEY);
}

/** The token's expiry in ms since the epoch, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

export function isExpired(token: string, now = Date.now()): boolean {
  const exp = tokenExpiry(token);
  return exp != null && exp <= now;
}
