import { localStorageStore, type Store } from 'react-admin';
import { getSession } from './session';

/** Preferences of the browser, not of an account: the language and the sidebar stay shared. */
const SHARED_KEYS = new Set(['locale', 'theme', 'sidebar.open']);

/** The prefix of the signed-in account's keys (sign-in is per tab: sessionStorage). */
export const accountPrefix = (username: string | null | undefined) => `account:${username ?? '-'}.`;

/**
 * react-admin's store (saved list filters, sort, page size, selection, column choices) kept per
 * account: every key is prefixed with the signed-in username of this tab. Two accounts signed in
 * at once in one browser (one per tab) no longer see or empty each other's list state, and an
 * account finds its own filters again at its next sign-in. Saved in localStorage as before.
 */
export function accountStore(base: Store = localStorageStore(undefined, 'CongDoan')): Store {
  const prefix = () => accountPrefix(getSession()?.user.username);
  const k = (key: string) => (SHARED_KEYS.has(key) ? key : prefix() + key);
  return {
    setup: () => base.setup(),
    teardown: () => base.teardown(),
    getItem: <T = unknown>(key: string, defaultValue?: T) => base.getItem<T>(k(key), defaultValue),
    setItem: <T = unknown>(key: string, value: T) => base.setItem<T>(k(key), value),
    removeItem: (key: string) => base.removeItem(k(key)),
    removeItems: (keyPrefix: string) => base.removeItems(k(keyPrefix)),
    // On sign-out react-admin resets the store: only what was kept for no account is dropped, an
    // account's saved lists stay for its next sign-in (and other tabs' accounts are untouched).
    reset: () => base.removeItems(accountPrefix(null)),
    subscribe: (key: string, callback: (value: any) => void) => base.subscribe(k(key), callback),
  };
}
