import fs from 'node:fs';
import path from 'node:path';

/** Reads the process environment once; every setting of the configuration table in the README lives here. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  jwtSecret: string;
  tokenTtlSeconds: number;
  adminPassword: string | undefined;
  production: boolean;
  sqliteDefaultPath: string;
  logQueries: boolean;
  /** seed the demo into a configured (DATABASE_URL) database too */
  seedDemo: boolean;
  /** GraphQL introspection for anonymous callers: on outside production, or when forced (signed-in callers always have it) */
  introspection: boolean;
}

/**
 * The repository root (where package.json is), from the sources (server/) or the build
 * (dist/server/): the admin build and the SDL are found from it.
 */
export const PROJECT_ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  if (production && !env.JWT_SECRET) {
    throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  }
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    // A development-only secret: tokens signed with it are worthless outside this machine.
    jwtSecret: env.JWT_SECRET ?? 'congdoan-dev-secret-do-not-use-in-production',
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 8 * 3600),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    production,
    sqliteDefaultPath: env.SQLITE_DEFAULT_PATH ?? 'data/congdoan.db',
    logQueries: env.LOG_SQL === '1',
    seedDemo: env.SEED_DEMO === '1',
    introspection: !production || env.GRAPHQL_INTROSPECTION === '1',
  };
}
