import { adminConnection, TEST_MYSQL_URL } from './mysql';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Fails the whole run, with a way out in the message, when MariaDB/MySQL cannot be reached. */
export default async function globalSetup(): Promise<void> {
  try {
    const c = await adminConnection();
    // Databases left behind by an interrupted earlier run (named cdtest_<pid>_…, the pid no longer alive).
    const [rows] = await c.query("SHOW DATABASES LIKE 'cdtest\\_%'");
    for (const r of rows as Record<string, string>[]) {
      const name = Object.values(r)[0];
      const pid = Number(name.split('_')[1]);
      if (!alive(pid)) await c.query(`DROP DATABASE \`${name}\``);
    }
    await c.end();
  } catch (e) {
    throw new Error(
      `The tests need MariaDB/MySQL at ${TEST_MYSQL_URL} (set TEST_MYSQL_URL to change it; ` +
        `\`docker compose up -d db\` starts one, reached with TEST_MYSQL_URL=mysql://root:congdoan@127.0.0.1:3306): ${(e as Error).message}`,
    );
  }
}
