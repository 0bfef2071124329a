import { type AuthProvider, HttpError } from 'react-admin';
import { canAccess } from './canAccess';
import { gqlRequest } from './graphql';
import { LOGIN, ME } from './operations';
import {
  clearSession,
  getSession,
  getToken,
  isExpired,
  needsRenewal,
  type Role,
  sessionUserOf,
  setLogoutReason,
  setSession,
} from './session';

export const SESSION_EXPIRED = 'cd.auth.session_expired';

/** Where each role starts: a federation admin's first screen is the approval desk. */
export function homeOf(role: Role): string {
  return role === 'FEDERATION_ADMIN' ? '/approvals' : '/';
}

const expired = () => {
  setLogoutReason(SESSION_EXPIRED);
  return { message: SESSION_EXPIRED, redirectTo: '/login' };
};

/**
 * A session stored by an older panel build has no permissions: ask the server again with its
 * token, or, when the server no longer knows it, sign out cleanly.
 */
async function renewSession(token: string) {
  try {
    const { me } = await gqlRequest(ME, {});
    if (me) {
      setSession({ token, user: sessionUserOf(me) });
      return;
    }
  } catch {
    // signed out below
  }
  clearSession();
  throw expired();
}

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    let data;
    try {
      data = await gqlRequest(LOGIN, { username: String(username ?? '').trim(), password: String(password ?? '') });
    } catch (e) {
      if (e instanceof HttpError && e.status === 429) throw new Error('cd.auth.rate_limited');
      throw new Error('cd.auth.sign_in_error');
    }
    const user = sessionUserOf(data.login.user);
    setSession({ token: data.login.token, user });
    return { redirectTo: homeOf(user.role) };
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    const token = getToken();
    if (!token) throw { message: false, redirectTo: '/login' };
    // Keep the session until react-admin has shown the message; logout() clears it.
    if (isExpired(token)) throw expired();
    if (needsRenewal()) await renewSession(token);
  },

  /** UNAUTHENTICATED from the server (token expired, revoked, account deactivated): back to login. */
  async checkError(error) {
    const status = error?.status;
    if (status === 401) throw expired();
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
