/**
 * The signed-in session, kept in sessionStorage: it ends with the browser tab, as a shared office
 * computer needs. The token is a JWT; its `exp` claim tells when the server will refuse it.
 */
export type Role = 'SYSTEM_ADMIN' | 'FEDERATION_ADMIN' | 'UNION_ADMIN' | 'GRASSROOTS_CHAIR' | 'ANALYST';
export type UnitLevel = 'FEDERATION' | 'UNION' | 'GRASSROOTS' | 'TEAM';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  scopeUnitId: string | null;
  /** the level of the scope unit (null: no scope) */
  scopeLevel: UnitLevel | null;
  scopeUnitName: string | null;
  memberId: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'congdoan.session';
const REASON_KEY = 'congdoan.logoutReason';

export function getSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const getToken = () => getSession()?.token ?? null;

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
