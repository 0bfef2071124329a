import { useNotify, useRedirect } from 'react-admin';
import { getSession, type SessionUser } from '../providers/session';

/** The signed-in account (synchronous: the session lives in sessionStorage). */
export function useSessionUser(): SessionUser | null {
  return getSession()?.user ?? null;
}

/**
 * For show and edit pages: a record out of the caller's scope answers NOT_FOUND ("as if it did
 * not exist"); say so and go home rather than to a list the role may not have.
 */
export function useNotFoundHome() {
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onError: (error: any) => {
      notify(error?.status === 404 ? 'cd.errors.not_found' : (error?.message ?? 'ra.notification.http_error'), { type: 'error' });
      redirect('/');
    },
    retry: false,
  };
}
