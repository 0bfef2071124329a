/**
 * Db.transaction on MariaDB when the database aborts a transaction for a deadlock or a lock wait
 * (issue 7): a deadlock forced deterministically (two transactions locking two rows in opposite
 * order, synchronised so that each holds its first row before asking for the other's) is re-run
 * and both transfers land; a unit of work that keeps meeting a held lock answers CONFLICT after
 * its attempts and leaves nothing changed; any other error is not re-run.
 */
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { databaseTarget } from '../server/db/data-source';
import { Db, RETRY } from '../server/db/dialect';
import { AppError } from '../server/common/errors';
import { adminConnection, databaseUrl } from './support/mysql';

const name = `cdtest_${process.pid}_${randomBytes(3).toString('hex')}`;
let ds: DataSource;

beforeAll(async () => {
  const c = await adminConnection();
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  ds = new DataSource(databaseTarget(databaseUrl(name), '/tmp/unused.db').options);
  await ds.initialize();
  await ds.query('CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB');
});
beforeEach(async () => {
  await ds.query('DELETE FROM account');
  await ds.query('INSERT INTO account (id, balance) VALUES (1, 100), (2, 100)');
});
afterAll(async () => {
  await ds?.destroy();
  const c = await adminConnection();
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.end();
});

function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const balances = async () => (await ds.query('SELECT id, balance FROM account ORDER BY id')).map((r: { id: number; balance: number }) => [r.id, r.balance]);
const move = (em: EntityManager, id: number, by: number) => em.query('UPDATE account SET balance = balance + ? WHERE id = ?', [by, id]);

describe('a deadlock forced between two transactions', () => {
  it('one is chosen victim, run again whole, and both transfers land', async () => {
    const db = new Db(ds);
    expect(db.isSqlite).toBe(false);
    const attempts = { a: 0, b: 0 };
    const aHolds1 = signal();
    const bHolds2 = signal();
    // a moves 10 from 1 to 2, b moves 5 from 2 to 1: a locks row 1 then row 2, b row 2 then row 1.
    const a = db.transaction(async (em) => {
      attempts.a++;
      await move(em, 1, -10);
      if (attempts.a === 1) {
        aHolds1.resolve();
        await bHolds2.promise;
      }
      await move(em, 2, +10);
      return 'a';
    });
    const b = db.transaction(async (em) => {
      attempts.b++;
      await move(em, 2, -5);
      if (attempts.b === 1) {
        bHolds2.resolve();
        await aHolds1.promise;
      }
      await move(em, 1, +5);
      return 'b';
    });
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    // exactly one was the victim and ran twice
    expect([attempts.a, attempts.b].sort()).toEqual([1, 2]);
    expect(db.retries).toBe(1);
    expect(await balances()).toEqual([[1, 95], [2, 105]]);
  });

  it('without the retry (one attempt) the same deadlock is CONFLICT for the victim, and only the other transfer lands', async () => {
    const db = new Db(ds, { ...RETRY, attempts: 1 });
    const aHolds1 = signal();
    const bHolds2 = signal();
    const a = db.transaction(async (em) => {
      await move(em, 1, -10);
      aHolds1.resolve();
      await bHolds2.promise;
      await move(em, 2, +10);
    });
    const b = db.transaction(async (em) => {
      await move(em, 2, -5);
      bHolds2.resolve();
      await aHolds1.promise;
      await move(em, 1, +5);
    });
    const out = await Promise.allSettled([a, b]);
    const failed = out.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(AppError);
    expect(failed[0].reason.extensions.code).toBe('CONFLICT');
    expect(failed[0].reason.message).toMatch(/^Dữ liệu đang được người khác cập nhật .*thử lại/);
    expect(await balances()).toEqual(out[0].status === 'fulfilled' ? [[1, 90], [2, 110]] : [[1, 105], [2, 95]]);
  });
});

describe('a lock held past every attempt', () => {
  it('answers CONFLICT after the attempts (each waiting the bounded lock wait) and changes nothing', async () => {
    const db = new Db(ds, { attempts: 3, budgetMs: 15_000, backoffMs: 10, maxBackoffMs: 50, lockWaitSeconds: 1 });
    const holder = await adminConnection();
    try {
      await holder.query(`USE \`${name}\``);
      await holder.query('START TRANSACTION');
      await holder.query('SELECT * FROM account WHERE id = 2 FOR UPDATE');
      let attempts = 0;
      const started = Date.now();
      const err = await db
        .transaction(async (em) => {
          attempts++;
          await move(em, 1, -10); // written, then rolled back with the attempt
          await move(em, 2, +10); // waits for the holder's lock, 1 s
        })
        .then(() => null, (e) => e);
      const took = Date.now() - started;
      expect(err).toBeInstanceOf(AppError);
      expect(err.extensions.code).toBe('CONFLICT');
      expect(attempts).toBe(3);
      expect(db.retries).toBe(2);
      // three waits of about 1 s each, never MariaDB's default 50 s
      expect(took).toBeGreaterThanOrEqual(2_500);
      expect(took).toBeLessThan(12_000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await balances()).toEqual([[1, 100], [2, 100]]);
  });

  it('stops at the time budget even with attempts left', async () => {
    const db = new Db(ds, { attempts: 100, budgetMs: 2_500, backoffMs: 10, maxBackoffMs: 50, lockWaitSeconds: 1 });
    const holder = await adminConnection();
    let attempts = 0;
    try {
      await holder.query(`USE \`${name}\``);
      await holder.query('START TRANSACTION');
      await holder.query('SELECT * FROM account WHERE id = 1 FOR UPDATE');
      const err = await db.transaction(async (em) => {
        attempts++;
        await move(em, 1, +1);
      }).then(() => null, (e) => e);
      expect(err?.extensions?.code).toBe('CONFLICT');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(4);
    expect(await balances()).toEqual([[1, 100], [2, 100]]);
  });
});

describe('what is not a lock conflict is not run again', () => {
  it('a duplicate key fails at once, its error as it was, nothing changed', async () => {
    const db = new Db(ds);
    let attempts = 0;
    const err = await db.transaction(async (em) => {
      attempts++;
      await move(em, 1, -10);
      await em.query('INSERT INTO account (id, balance) VALUES (2, 0)');
    }).then(() => null, (e) => e);
    expect(attempts).toBe(1);
    expect(Db.isDuplicateKey(err)).toBe(true);
    expect(db.retries).toBe(0);
    expect(await balances()).toEqual([[1, 100], [2, 100]]);
  });

  it("a contract error (the work's own CONFLICT) fails at once too", async () => {
    const db = new Db(ds);
    let attempts = 0;
    await expect(db.transaction(async (em) => {
      attempts++;
      await move(em, 1, -10);
      throw new AppError('CONFLICT', 'changed by someone else');
    })).rejects.toThrow('changed by someone else');
    expect(attempts).toBe(1);
    expect(await balances()).toEqual([[1, 100], [2, 100]]);
  });

  it('each session has the bounded lock wait', async () => {
    const db = new Db(ds);
    const seen = await db.transaction((em) => em.query('SELECT @@SESSION.innodb_lock_wait_timeout AS s'));
    expect(Number(seen[0].s)).toBe(RETRY.lockWaitSeconds);
  });
});
