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
