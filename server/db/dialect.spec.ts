import { QueryFailedError } from 'typeorm';
import { GraphQLError } from 'graphql';
import { Db } from './dialect';
import { AppError, throttledLog } from '../common/errors';

/** mysql2's error as it throws it: an Error with code, errno, sqlState (and fatal for connection errors). */
function mysqlError(code: string, errno: number | string, message: string, fatal = false) {
  return Object.assign(new Error(message), { code, errno, sqlState: '40001', fatal });
}
const wrapped = (driverError: Error) => new QueryFailedError('UPDATE t SET v = v + 1 WHERE id = ?', [1], driverError);
const viaGraphQL = (original: Error) => new GraphQLError(original.message, { originalError: original });

describe('Db.isLockConflict: what Db.transaction runs again', () => {
  const deadlock = mysqlError('ER_LOCK_DEADLOCK', 1213, 'Deadlock found when trying to get lock; try restarting transaction');
  const lockWait = mysqlError('ER_LOCK_WAIT_TIMEOUT', 1205, 'Lock wait timeout exceeded; try restarting transaction');

  it('a deadlock and a lock wait timeout, as mysql2 throws them, in TypeORM QueryFailedError, and under graphql', () => {
    for (const e of [deadlock, lockWait]) {
      expect(Db.isLockConflict(e)).toBe(true);
      expect(Db.isLockConflict(wrapped(e))).toBe(true);
      expect(Db.isLockConflict(viaGraphQL(wrapped(e)))).toBe(true);
    }
    // only the driver's error carries the numbers (a QueryFailedError built from a bare object)
    expect(Db.isLockConflict({ name: 'QueryFailedError', driverError: { errno: 1213 } })).toBe(true);
    expect(Db.isLockConflict({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } })).toBe(true);
  });

  it('nothing else: other SQL errors, the contract errors, connection errors, no error at all', () => {
    for (const e of [
      mysqlError('ER_DUP_ENTRY', 1062, "Duplicate entry '1' for key 'PRIMARY'"),
      wrapped(mysqlError('ER_NO_REFERENCED_ROW_2', 1452, 'Cannot add or update a child row')),
      mysqlError('ER_LOCK_TABLE_FULL', 1206, 'The total number of locks exceeds the lock table size'),
      new AppError('CONFLICT', 'nomination 1 was changed by someone else; reload it'),
      mysqlError('ECONNREFUSED', -111, 'connect ECONNREFUSED 127.0.0.1:3306', true),
      new Error('Deadlock found when trying to get lock'), // words alone are not the database's verdict
      Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }),
      null,
      undefined,
      'ER_LOCK_DEADLOCK',
    ]) {
      expect({ e, retried: Db.isLockConflict(e) }).toEqual({ e, retried: false });
    }
  });
});

describe('Db.isUnavailable: what answers SERVICE_UNAVAILABLE', () => {
  it('refused, timed out, lost, closed, too many connections: bare, in QueryFailedError and under graphql', () => {
    for (const e of [
      mysqlError('ECONNREFUSED', -111, 'connect ECONNREFUSED 127.0.0.1:3306', true),
      mysqlError('ETIMEDOUT', 'ETIMEDOUT', 'connect ETIMEDOUT', true),
      mysqlError('PROTOCOL_CONNECTION_LOST', 'PROTOCOL_CONNECTION_LOST', 'Connection lost: The server closed the connection.', true),
      mysqlError('ER_CON_COUNT_ERROR', 1040, 'Too many connections'),
      mysqlError('ECONNRESET', -104, 'read ECONNRESET', true),
      new Error('Pool is closed.'),
      new Error("Can't add new command when connection is in closed state"),
    ]) {
      expect(Db.isUnavailable(e)).toBe(true);
      expect(Db.isUnavailable(wrapped(e))).toBe(true);
      expect(Db.isUnavailable(viaGraphQL(e))).toBe(true);
    }
  });

  it('not a statement the database refused, nor a lock conflict, nor a contract error', () => {
    for (const e of [
      mysqlError('ER_DUP_ENTRY', 1062, "Duplicate entry '1' for key 'PRIMARY'"),
      mysqlError('ER_LOCK_DEADLOCK', 1213, 'Deadlock found when trying to get lock; try restarting transaction'),
      wrapped(mysqlError('ER_PARSE_ERROR', 1064, 'You have an error in your SQL syntax')),
      new AppError('BAD_USER_INPUT', 'name: is required'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      // a client that went away mid-request (node:http says ECONNRESET too), not the database
      Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
      null,
    ]) {
      expect({ e, down: Db.isUnavailable(e) }).toEqual({ e, down: false });
    }
  });
});

describe('throttledLog: an outage is logged once per period, not once per request', () => {
  it('one line per period, saying how many were left out', () => {
    const lines: string[] = [];
    const log = throttledLog(10_000, (s) => lines.push(String(s)));
    const err = mysqlError('ECONNREFUSED', -111, 'connect ECONNREFUSED 127.0.0.1:3306', true);
    expect(log('database down', err, 1_000)).toBe(true);
    for (let t = 1_001; t < 11_000; t += 100) log('database down', err, t);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/database down \(Error: ECONNREFUSED connect ECONNREFUSED/);
    expect(log('database down', err, 11_000)).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/; 100 more since the last report$/);
  });
});
