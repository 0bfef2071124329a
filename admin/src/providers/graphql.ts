import { HttpError } from 'react-admin';
import { i18nProvider } from '../i18n';
import { type Refusal, ruleOf, type Translate, wordRefusal } from './errors';
import type { Operation } from './operations';
import { getToken } from './session';

/** The GraphQL endpoint: same origin, the server serves the panel and the API on one port. */
export const GRAPHQL_URL = '/graphql';

export interface GqlErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; rule?: string; [k: string]: unknown };
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * One error shape for the whole panel: an HttpError whose status follows the contract's code
 * (401 for UNAUTHENTICATED, so authProvider.checkError logs out), whose message is the refusal in
 * the user's language (errors.ts, by code, rule and field), and whose body carries
 * `errors: { field: message }` for BAD_USER_INPUT, which react-admin shows on the form's fields
 * (and `root.serverError`, which it notifies). The server's own text stays in `serverMessage` and
 * the console, for whoever reads logs.
 */
export function toHttpError(e: GqlErrorShape | undefined, fallback = 'ra.notification.http_error'): HttpError {
  const ext = (e?.extensions ?? {}) as Refusal;
  const code = ext.code ?? 'INTERNAL_SERVER_ERROR';
  const field = ext.field ?? undefined;
  const status = STATUS[code] ?? 500;
  const translate: Translate = (key, options) => i18nProvider.translate(key, options);
  const refusal: Refusal = { ...ext, code, message: e?.message };
  const message = code === 'UNAUTHENTICATED' ? 'cd.auth.session_expired' : e ? wordRefusal(translate, refusal) : fallback;
  if (e) console.info(`[server refused] ${code}${ext.rule ? ` ${ext.rule}` : ''}: ${e.message}`);
  const body: Record<string, unknown> = { code, rule: ruleOf(refusal), field, serverMessage: e?.message, refusal };
  if (code === 'BAD_USER_INPUT' && field) body.errors = { [field]: message, root: { serverError: message } };
  return new HttpError(message, status, body);
}

/** Where Apollo and fetch put a response's GraphQL errors, on whatever they threw. */
const ERROR_PATHS = [['graphQLErrors'], ['body', 'graphQLErrors'], ['networkError', 'result', 'errors'], ['body', 'networkError', 'result', 'errors'], ['errors']];

/** Extracts the first GraphQL error of whatever Apollo or fetch threw. */
export function firstGraphQLError(err: unknown): GqlErrorShape | undefined {
  for (const path of ERROR_PATHS) {
    const c = path.reduce<unknown>((o, k) => (o != null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), err);
    if (Array.isArray(c) && c.length) return c[0] as GqlErrorShape;
  }
  return undefined;
}

/**
 * Plain POST to /graphql with the session's token; throws toHttpError on any GraphQL error. The
 * operation (operations.ts) carries its generated types: the variables are checked, the data typed.
 */
export async function gqlRequest<T, V>(query: Operation<T, V>, variables: V): Promise<T> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HttpError('ra.notification.offline', 0, {});
  }
  let json: { data?: T; errors?: GqlErrorShape[] };
  try {
    json = await res.json();
  } catch {
    throw new HttpError('ra.notification.http_error', res.status, {});
  }
  if (json.errors?.length) throw toHttpError(json.errors[0]);
  if (!res.ok || !json.data) throw new HttpError('ra.notification.http_error', res.status, {});
  return json.data;
}
