import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { checkRegistries } from '../kit/checks';

export type Dialect = 'mysql' | 'sqlite';

/** How long a new MySQL connection may take to connect and shake hands before the attempt fails. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

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
      extra: { connectionLimit: Number(u.searchParams.get('poolSize') ?? 10) },
      // A database that does not answer is found out in 3 s (mysql2 waits 10 s by default), and the
      // request answers SERVICE_UNAVAILABLE then; a reachable server completes its handshake in
      // milliseconds, so 3 s leaves a loaded machine room. Set with ?connectTimeout=ms.
      connectTimeout: Number(u.searchParams.get('connectTimeout') ?? DEFAULT_CONNECT_TIMEOUT_MS),
    },
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  const ds = new DataSource(target.options);
  await ds.initialize();
  // Before anything writes: a forgotten registration (a migration, an entity, a located table) refuses to start.
  checkRegistries(ds, path.join(__dirname, 'migrations'), (target.options.migrations as Function[]).map((m) => m.name));
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
