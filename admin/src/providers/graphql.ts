import { HttpError } from 'react-admin';
import type { Operation } from './operations';
import { getToken } from './session';

/** The GraphQL endpoint: same origin, the server serves the panel and the API on one port. */
export const GRAPHQL_URL = '/graphql';

export interface GqlErrorShape {
  message: string;
  extensions?: { code?: string; field?: string };
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

/** Server messages that read better translated; anything else is shown as the server says it. */
const KNOWN_MESSAGES: Array<[RegExp, string]> = [
  [/^is required$/, 'cd.errors.required'],
  [/is already used|is already taken/, 'cd.errors.taken'],
  [/cannot be in the future/, 'cd.errors.future_date'],
  [/is not an e-mail address/, 'cd.errors.email'],
  [/is not a phone number/, 'cd.errors.phone'],
  [/must have 9 or 12 digits/, 'cd.errors.national_id'],
  [/a rejection needs a comment/, 'cd.errors.comment_required'],
  [/at least 8 characters/, 'cd.errors.password_length'],
];

/** The i18n key (or the raw text) for a server message about one field, without its "field: " prefix. */
export function fieldMessage(field: string | undefined, message: string): string {
  const text = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  for (const [re, key] of KNOWN_MESSAGES) if (re.test(text)) return key;
  return text;
}

/**
 * One error shape for the whole panel: an HttpError whose status follows the contract's code
 * (401 for UNAUTHENTICATED, so authProvider.checkError logs out) and whose body carries
 * `errors: { field: message }` for BAD_USER_INPUT, which react-admin shows on the form's fields.
 */
export function toHttpError(e: GqlErrorShape | undefined, fallback = 'ra.notification.http_error'): HttpError {
  const code = e?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const field = e?.extensions?.field;
  const status = STATUS[code] ?? 500;
  const text = e ? fieldMessage(field, e.message) : fallback;
  const message =
    code === 'UNAUTHENTICATED' ? 'cd.auth.session_expired'
    : code === 'CONFLICT' ? 'cd.errors.conflict'
    : code === 'NOT_FOUND' ? 'cd.errors.not_found'
    : code === 'RATE_LIMITED' ? 'cd.errors.rate_limited'
    : code === 'SERVICE_UNAVAILABLE' ? 'cd.errors.unavailable'
    : text;
  const body: Record<string, unknown> = { code, field, serverMessage: e?.message };
  if (code === 'BAD_USER_INPUT' && field) body.errors = { [field]: text, root: { serverError: text } };
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
