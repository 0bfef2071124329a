import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { busy, throttledLog } from '../common/errors';

/** A unit of work given up after its retries is worth a line in the log (at most one per 10 s): a hot spot. */
const logGaveUp = throttledLog(10_000, console.warn);

/**
 * How a MySQL transaction that the database aborted for a deadlock or a lock wait is re-run.
 * InnoDB picks a victim when two transactions wait for each other's row locks (ER_LOCK_DEADLOCK,
 * 1213) and rolls it back whole; the victim's work is valid and succeeds when run again once the
 * other has committed. A lock held too long (ER_LOCK_WAIT_TIMEOUT, 1205) is the same story, slower.
 */
export interface RetryPolicy {
  /** Runs of one unit of work, the first included: a deadlock twice in a row is rare, five is a hot spot. */
  attempts: number;
  /** No new attempt starts past this many ms since the first began: the client's patience (15 s) */
  budgetMs: number;
  /** The first backoff's ceiling; each next one doubles it (full jitter: a random wait below the ceiling), so racers spread out */
  backoffMs: number;
  /** and no backoff is longer than this */
  maxBackoffMs: number;
  /**
   * innodb_lock_wait_timeout of the transaction's session, in seconds: one attempt never waits
   * longer than this for a row lock (MariaDB's default is 50 s); 10 s is far above any lock this
   * application holds (a transaction is milliseconds, a 2,000-row import about a second).
   */
  lockWaitSeconds: number;
}

export const RETRY: RetryPolicy = { attempts: 5, budgetMs: 15_000, backoffMs: 20, maxBackoffMs: 1_000, lockWaitSeconds: 10 };

/** Codes of mysql2 (and Node's net) errors that mean the database cannot be reached, not that a statement failed. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_SERVER_GONE_ERROR', 'ER_SERVER_LOST',
]);
/** Codes that mean the database's connection broke only on mysql2's errors (marked fatal): a client's aborted request says ECONNRESET too. */
const FATAL_ONLY_CODES = new Set(['ECONNRESET', 'EPIPE']);
/** errno of MariaDB/MySQL errors of the same kind: too many connections, shutting down, server gone / lost */
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 2002, 2003, 2006, 2013]);
/** the same said in words only (mysql2's pool and closed connections, TypeORM without a connection) */
const UNAVAILABLE_TEXT = /Pool is closed|connection is in closed state|Connection lost|connect ETIMEDOUT|Connection with "[^"]*" is not established|Connection is not established/i;

interface DriverErrorLike {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: DriverErrorLike;
  originalError?: DriverErrorLike;
}

/** The error and what it wraps: TypeORM's QueryFailedError keeps mysql2's in driverError, graphql's in originalError. */
function layers(err: unknown): DriverErrorLike[] {
  const out: DriverErrorLike[] = [];
  let e = err as DriverErrorLike | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i++) {
    out.push(e);
    e = e.driverError ?? e.originalError;
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The run-time differences between MySQL/MariaDB and SQLite, kept in one place.
 */
export class Db {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  /** mysql2 connections whose session already has the lock wait set */
  private readonly lockWaitSet = new WeakSet<object>();
  /** Runs of units of work that the database aborted and that were run again (for the tests and logs). */
  retries = 0;

  constructor(
    readonly ds: DataSource,
    readonly retry: RetryPolicy = RETRY,
  ) {}

  get isSqlite(): boolean {
    return this.ds.options.type === 'better-sqlite3';
  }

  /**
   * Runs `work` in one transaction. SQLite has one connection, so its write transactions are
   * queued here (TypeORM would otherwise nest them on the shared connection); MySQL runs them
   * concurrently and relies on row locks and compare-and-set updates.
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.retrying(work);
    const run = this.sqliteQueue.then(() => this.ds.transaction(work));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * MySQL: the whole unit of work in a fresh transaction again when the database aborted it for a
   * deadlock or a lock wait (see RetryPolicy), and CONFLICT once the attempts or the time budget are
   * spent. `work` must do everything through `em` (anything it did elsewhere would be done twice);
   * what it did in an aborted attempt was rolled back with it.
   */
  private async retrying<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const { attempts, budgetMs, backoffMs, maxBackoffMs } = this.retry;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (e) {
        if (!Db.isLockConflict(e)) throw e;
        const wait = Math.random() * Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
        if (attempt >= attempts || Date.now() - started + wait >= budgetMs) {
          logGaveUp(`A transaction met locks ${attempt} times in ${Date.now() - started} ms: answering CONFLICT`, e);
          throw busy();
        }
        this.retries++;
        await sleep(wait);
      }
    }
  }

  /** One attempt: a transaction on a connection of its own, whose lock wait is bounded. */
  private async once<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const qr: QueryRunner = this.ds.createQueryRunner();
    try {
      await qr.connect();
      const conn = (qr as unknown as { databaseConnection?: object }).databaseConnection;
      if (conn && !this.lockWaitSet.has(conn)) {
        await qr.query(`SET SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.round(this.retry.lockWaitSeconds))}`);
        this.lockWaitSet.add(conn);
      }
      await qr.startTransaction();
      try {
        const result = await work(qr.manager);
        await qr.commitTransaction();
        return result;
      } catch (e) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        throw e;
      }
    } finally {
      await qr.release();
    }
  }

  /**
   * Adds 1 to `column` of the row with `key` (creating it at 1) and answers the new value, in one
   * atomic statement and one round trip. One statement matters on InnoDB: UPDATE-then-INSERT takes
   * gap locks on a missing row, and two first increments of the same key deadlock; one round trip
   * matters because the statement's row lock is held until the transaction ends (MySQL hands the
   * value back as the statement's insert id through LAST_INSERT_ID(expr); SQLite with RETURNING).
   * Table and column names are the caller's constants.
   */
  async nextInSequence(em: EntityManager, table: string, key: Record<string, number>, column: string): Promise<number> {
    const cols = Object.keys(key);
    const values = Object.values(key);
    const into = `INSERT INTO ${table} (${[...cols, column].join(', ')}) VALUES (${cols.map(() => '?').join(', ')}`;
    if (this.isSqlite) {
      const rows: Array<Record<string, number>> = await em.query(
        `${into}, 1) ON CONFLICT (${cols.join(', ')}) DO UPDATE SET ${column} = ${column} + 1 RETURNING ${column}`,
        values,
      );
      return Number(rows[0][column]);
    }
    const result: { insertId: number } = await em.query(
      `${into}, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE ${column} = LAST_INSERT_ID(${column} + 1)`,
      values,
    );
    return Number(result.insertId);
  }

  /**
   * The year of a date column as a number, in SQL. MySQL has YEAR(); SQLite keeps dates as
   * yyyy-mm-dd text and has no YEAR(), so it reads the text's first four characters. `column` is
   * the caller's constant.
   */
  yearOf(column: string): string {
    return this.isSqlite ? `CAST(substr(${column}, 1, 4) AS INTEGER)` : `YEAR(${column})`;
  }

  /**
   * True when the database aborted the statement (and, for a deadlock, the whole transaction) for
   * a deadlock (ER_LOCK_DEADLOCK, 1213) or a lock wait past innodb_lock_wait_timeout
   * (ER_LOCK_WAIT_TIMEOUT, 1205): the transaction may be run again. Looks through TypeORM's
   * QueryFailedError (driverError) and graphql's wrapping (originalError).
   */
  static isLockConflict(err: unknown): boolean {
    return layers(err).some((e) => e.errno === 1213 || e.errno === 1205 || e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT');
  }

  /**
   * True when err says the database cannot be reached (refused, timed out, connection lost, pool
   * closed, too many connections), not that one statement was wrong: the client is answered
   * SERVICE_UNAVAILABLE (HTTP 503), and a later request finds it back by itself.
   */
  static isUnavailable(err: unknown): boolean {
    return layers(err).some(
      (e) =>
        (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || (e.fatal === true && FATAL_ONLY_CODES.has(e.code)))) ||
        (typeof e.errno === 'number' && UNAVAILABLE_ERRNOS.has(e.errno)) ||
        (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)),
    );
  }

  /** True when err is a unique-key violation. */
  static isDuplicateKey(err: unknown): boolean {
    const e = err as { code?: string; errno?: number; driverError?: { code?: string } };
    const code = e?.code ?? e?.driverError?.code;
    return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.errno === 1062;
  }

  async ping(): Promise<boolean> {
    try {
      await this.ds.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Inserts rows without reading them back: TypeORM's `insert` re-reads the columns the database
 * generates (a DEFAULT CURRENT_TIMESTAMP) with a SELECT after the INSERT on MySQL, a round trip in
 * the transaction for a value the caller does not use. The same INSERT otherwise (the entity's
 * column types, transformers and defaults); several rows go in one statement. With one row,
 * answers its generated id (with several, the drivers differ: MySQL's first, SQLite's last).
 */
export async function insertOnly<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E> | QueryDeepPartialEntity<E>[],
): Promise<number> {
  const { raw } = await em.createQueryBuilder().insert().into(entity).values(values).updateEntity(false).execute();
  // mysql2 answers a result header; better-sqlite3 (through TypeORM) the last row id
  return typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : Number((raw as { insertId?: number } | undefined)?.insertId);
}
