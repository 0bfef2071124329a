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
  | 'BAD_REQUEST';

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
