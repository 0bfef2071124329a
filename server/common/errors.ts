import { GraphQLError } from 'graphql';

/**
 * The contract's error codes. Services throw these; nothing else reaches a client
 * (unexpected errors are masked by the formatter in graphql/schema.ts).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'SERVICE_UNAVAILABLE';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Bạn cần đăng nhập (authentication required)') =>
  new AppError('UNAUTHENTICATED', message);
/**
 * `extra` names what a client needs to say the refusal in its user's language (the panel does,
 * admin/src/providers/errors.ts): `rule` (a stable machine name such as FOUR_EYES, WRONG_STATUS),
 * `field`, and the values the sentence needs. The message stays English/technical, for logs.
 */
export type ErrorExtra = Record<string, unknown>;

export const forbidden = (message = 'Không có quyền thực hiện thao tác này (forbidden)', extra: ErrorExtra = {}) =>
  new AppError('FORBIDDEN', message, extra);
export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `${what} ${id} not found`);
export const badInput = (field: string, message: string, extra: ErrorExtra = {}) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extra });
export const conflict = (message: string, extra: ErrorExtra = {}) => new AppError('CONFLICT', message, extra);

/**
 * A write that kept meeting others' row locks (deadlocks, lock waits) through every retry of
 * Db.transaction: nothing of it was saved, and the same request is expected to pass a moment later.
 */
export const busy = () =>
  new AppError(
    'CONFLICT',
    'Dữ liệu đang được người khác cập nhật cùng lúc nên thao tác chưa được lưu; vui lòng thử lại sau giây lát ' +
      '(the record is busy with other changes; nothing was saved, try again in a moment)',
    { rule: 'BUSY' },
  );

/**
 * The database cannot be reached: HTTP 503 (Apollo reads `extensions.http` and strips it from the
 * answer). The server recovers by itself once the database is back.
 */
export const serviceUnavailable = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'Hệ thống tạm thời không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút ' +
      '(the database is unreachable for the moment; try again in a few minutes)',
    { http: { status: 503 } },
  );

/**
 * A log line at most once per `periodMs`, saying how many were left out since: an outage seen by
 * every request would otherwise write one stack per request and bury the log.
 */
export function throttledLog(periodMs: number, log: (...args: unknown[]) => void = console.error) {
  let last = -Infinity;
  let skipped = 0;
  return (message: string, err?: unknown, now = Date.now()): boolean => {
    if (now - last < periodMs) {
      skipped++;
      return false;
    }
    const detail = err instanceof Error ? `${err.name}: ${(err as { code?: string }).code ?? ''} ${err.message}`.replace(/ +/g, ' ') : err === undefined ? '' : String(err);
    log(`${message}${detail ? ` (${detail})` : ''}${skipped ? `; ${skipped} more since the last report` : ''}`);
    last = now;
    skipped = 0;
    return true;
  };
}

/** How an unreachable database is logged: once per 10 s, whatever the number of requests refused meanwhile. */
export const logDatabaseDown = throttledLog(10_000);
