import mysql from 'mysql2/promise';

/**
 * The MariaDB/MySQL server the tests run on. Tests create one database per test file on it and
 * drop it afterwards. It is required: an unreachable server fails the run (never a skip).
 */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export function adminConnection() {
  const u = new URL(TEST_MYSQL_URL);
  return mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    connectTimeout: 5000,
  });
}

export function databaseUrl(name: string): string {
  const u = new URL(TEST_MYSQL_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
