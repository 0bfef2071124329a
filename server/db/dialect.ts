import { DataSource, EntityManager } from 'typeorm';

/**
 * The run-time differences between MySQL/MariaDB and SQLite, kept in one place.
 */
export class Db {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly ds: DataSource) {}

  get isSqlite(): boolean {
    return this.ds.options.type === 'better-sqlite3';
  }

  /**
   * Runs `work` in one transaction. SQLite has one connection, so its write transactions are
   * queued here (TypeORM would otherwise nest them on the shared connection); MySQL runs them
   * concurrently and relies on row locks and compare-and-set updates.
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.ds.transaction(work);
    const run = this.sqliteQueue.then(() => this.ds.transaction(work));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Adds 1 to `column` of the row with `key` (creating it at 1), in one atomic statement. One
   * statement matters on InnoDB: UPDATE-then-INSERT takes gap locks on a missing row, and two
   * first increments of the same key deadlock. Table and column names are the caller's constants.
   */
  async upsertIncrement(em: EntityManager, table: string, key: Record<string, number>, column: string): Promise<void> {
    const cols = Object.keys(key);
    const values = Object.values(key);
    const insert = `INSERT INTO ${table} (${[...cols, column].join(', ')}) VALUES (${cols.map(() => '?').join(', ')}, 1)`;
    await em.query(
      this.isSqlite
        ? `${insert} ON CONFLICT (${cols.join(', ')}) DO UPDATE SET ${column} = ${column} + 1`
        : `${insert} ON DUPLICATE KEY UPDATE ${column} = ${column} + 1`,
      values,
    );
  }

  /**
   * The year of a date column as a number, in SQL. MySQL has YEAR(); SQLite keeps dates as
   * yyyy-mm-dd text and has no YEAR(), so it reads the text's first four characters. `column` is
   * the caller's constant.
   */
  yearOf(column: string): string {
    return this.isSqlite ? `CAST(substr(${column}, 1, 4) AS INTEGER)` : `YEAR(${column})`;
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
