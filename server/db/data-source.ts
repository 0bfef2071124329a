import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming';
import { ENTITIES } from '../modules';
import { MIGRATIONS } from './migrations';
import { checkRegistries } from '../kit/checks';

export type Dialect = 'mysql' | 'sqlite';

/**
 * How long a new MySQL connection may take to connect and shake hands before the attempt fails
 * (and the request answers SERVICE_UNAVAILABLE): a host that does not answer is found out in 5 s
 * rather than mysql2's default 10 s. A healthy server shakes hands in milliseconds, but the timer
 * runs in the event loop, which runs seconds late on an overloaded machine: 3 s gave healthy
 * connections up as timed out in the race tests at a load average of 30 on two cores.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface DatabaseTarget {
  dialect: Dialect;
  options: DataSourceOptions;
  /** A human description without the password, for logs. */
  description: string;
}

/**
 * Turns DATABASE_URL into TypeORM options. This is the one place where MySQL and SQLite differ
 * in configuration; see db/dialect.ts for the few differences at run time.
 */
export function databaseTarget(url: string | undefined, sqliteDefaultPath: string, logging = false): DatabaseTarget {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    logging,
    synchronize: false,
    migrationsRun: false,
  };
  if (!url || url.startsWith('sqlite:')) {
    const file = url ? url.slice('sqlite:'.length).replace(/^\/\//, '') : sqliteDefaultPath;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return {
      dialect: 'sqlite',
      description: `sqlite:${file}`,
      options: {
        ...common,
        type: 'better-sqlite3',
        database: file,
        // WAL lets readers go on while one writer writes.
        prepareDatabase: (db: { pragma(s: string): unknown }) => {
          db.pragma('journal_mode = WAL');
          db.pragma('busy_timeout = 5000');
        },
      },
    };
  }
  if (!/^mysql:\/\//.test(url) && !/^mariadb:\/\//.test(url)) {
    throw new Error('DATABASE_URL must start with mysql:// or sqlite:');
  }
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    dialect: 'mysql',
    description: `mysql://${u.username}@${u.host}${u.pathname}`,
    options: {
      ...common,
      type: 'mysql',
      url: u.toString(),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: Number(u.searchParams.get('poolSize') ?? 10),
      // mysql2 otherwise captures a stack trace for every query (about 1.5% of a list request's
      // CPU) to decorate errors that TypeORM wraps in QueryFailedError anyway.
      trace: false,
      // DATE columns arrive as the 'YYYY-MM-DD' text MariaDB sends, which is what the entities hold:
      // without this, mysql2 builds a Date for each (midnight UTC) and TypeORM formats it back to
      // text in the process's time zone (about 3% of a member list's CPU; and a day early west of UTC).
      dateStrings: ['DATE'],
      extra: { connectionLimit: Number(u.searchParams.get('poolSize') ?? 10) },
      // A stopped database refuses at once (SERVICE_UNAVAILABLE in milliseconds); one whose host
      // does not answer is given up after this. Set with ?connectTimeout=ms.
      connectTimeout: Number(u.searchParams.get('connectTimeout') ?? DEFAULT_CONNECT_TIMEOUT_MS),
    },
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  const ds = new DataSource(target.options);
  await ds.initialize();
  // Before anything writes: a forgotten registration (a migration, an entity, a located table) refuses to start.
  checkRegistries(ds);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
