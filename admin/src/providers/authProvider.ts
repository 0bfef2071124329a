import type { AuthProvider } from 'react-admin';
import { canAccess } from './canAccess';
import { gqlRequest } from './graphql';
import {
  clearSession,
  getSession,
  isExpired,
  type Role,
  type SessionUser,
  setLogoutReason,
  setSession,
  type UnitLevel,
} from './session';

const UNIT_FIELDS = 'id name level';
const USER_FIELDS = `
  id username fullName role scopeUnitId memberId
  scopeUnit {
    ... on Federation { ${UNIT_FIELDS} }
    ... on Union { ${UNIT_FIELDS} }
    ... on GrassrootsUnion { ${UNIT_FIELDS} }
    ... on Team { ${UNIT_FIELDS} }
  }`;
const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token user { id } }
}`;
/** Asked once signed in: the scope unit is read through the caller's scope, so not in the login answer. */
const ME = `query Me { me { ${USER_FIELDS} } }`;

export const SESSION_EXPIRED = 'cd.auth.session_expired';

/** Where each role starts: a federation admin's first screen is the approval desk. */
export function homeOf(role: Role): string {
  return role === 'FEDERATION_ADMIN' ? '/approvals' : '/';
}

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    let data;
    try {
      data = await gqlRequest(LOGIN, { username: String(username ?? '').trim(), password });
    } catch (e: any) {
      if (e?.status === 429) throw new Error('cd.auth.rate_limited');
      throw new Error('cd.auth.sign_in_error');
    }
    setSession({ token: data.login.token, user: { id: String(data.login.user.id) } as SessionUser });
    let u;
    try {
      u = (await gqlRequest(ME)).me;
    } catch {
      clearSession();
      throw new Error('cd.auth.sign_in_error');
    }
    const user: SessionUser = {
      id: String(u.id),
      username: u.username,
      fullName: u.fullName,
      role: u.role,
      scopeUnitId: u.scopeUnitId != null ? String(u.scopeUnitId) : null,
      scopeLevel: (u.scopeUnit?.level as UnitLevel | undefined) ?? null,
      scopeUnitName: u.scopeUnit?.name ?? null,
      memberId: u.memberId != null ? String(u.memberId) : null,
    };
    setSession({ token: data.login.token, user });
    return { redirectTo: homeOf(user.role) };
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    const s = getSession();
    if (!s) throw { message: false, redirectTo: '/login' };
    if (isExpired(s.token)) {
      // Keep the session until react-admin has shown the message; logout() clears it.
      setLogoutReason(SESSION_EXPIRED);
      throw { message: SESSION_EXPIRED, redirectTo: '/login' };
    }
  },

  /** UNAUTHENTICATED from the server (token expired, revoked, account deactivated): back to login. */
  async checkError(error) {
    const status = error?.status;
    if (status === 401) {
      setLogoutReason(SESSION_EXPIRED);
      throw { message: SESSION_EXPIRED, redirectTo: '/login' };
    }
    // FORBIDDEN and the rest are shown where they happen; they do not end the session.
  },

  async getIdentity() {
    const s = getSession();
    if (!s) throw new Error('not signed in');
    return { id: s.user.id, fullName: s.user.fullName, username: s.user.username, role: s.user.role };
  },

  async getPermissions() {
    return getSession()?.user ?? null;
  },

  async canAccess(params) {
    return canAccess(getSession()?.user, params);
  },
};
