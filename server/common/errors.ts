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
export const forbidden = (message = 'Không có quyền thực hiện thao tác này (forbidden)') =>
  new AppError('FORBIDDEN', message);
export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `${what} ${id} not found`);
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field });
export const conflict = (message: string) => new AppError('CONFLICT', message);
