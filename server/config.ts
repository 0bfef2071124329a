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
}

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
  };
}
