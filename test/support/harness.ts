import { randomBytes } from 'node:crypto';
import { GraphQLClient, ClientError } from 'graphql-request';
import { DataSource } from 'typeorm';
import { startApp, RunningApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { adminConnection, databaseUrl } from './mysql';
import { AccountName, buildFixture, Fixture, PASSWORD } from './fixture';

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** A GraphQL client for one account: `data` or the thrown errors, as a client would see them. */
export class Api {
  constructor(
    private readonly url: string,
    private token: string | null = null,
  ) {}

  setToken(token: string | null) {
    this.token = token;
  }

  private client() {
    // A connection per request (`connection: close`): a reused keep-alive connection can be reset
    // when the server closes it as idle (keepAliveTimeout, 65 s) just as the client, whose timers
    // run seconds late on a loaded machine, sends on it; fetch does not resend a POST, and the
    // test would fail with "fetch failed: ECONNRESET" on a server that did nothing wrong.
    return new GraphQLClient(`${this.url}/graphql`, {
      headers: { connection: 'close', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
    });
  }

  /** Runs the operation; throws on GraphQL errors (use `errorsOf` to look at them). */
  async q<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.client().request<T>(query, variables);
  }

  /** Runs the operation expecting it to fail; answers its errors. */
  async errorsOf(query: string, variables?: Record<string, unknown>): Promise<GqlError[]> {
    try {
      await this.client().request(query, variables);
    } catch (e) {
      if (e instanceof ClientError) return (e.response.errors ?? []) as GqlError[];
      throw e;
    }
    throw new Error(`expected an error from: ${query}`);
  }

  /** The error code of a failing operation. */
  async codeOf(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    return (await this.errorsOf(query, variables))[0]?.extensions?.code;
  }
}

export interface TestServer {
  app: RunningApp;
  ds: DataSource;
  fx: Fixture;
  url: string;
  /** an API client signed in as one of the fixture's accounts */
  as(name: AccountName): Promise<Api>;
  anon: Api;
  stop(): Promise<void>;
}

/**
 * Boots the real server on a fresh MariaDB database (one per test file) with the fixture tree.
 * `dialect: 'sqlite'` boots it on a temporary SQLite file instead.
 */
export async function startTestServer(
  opts: { dialect?: 'mysql' | 'sqlite'; env?: Record<string, string>; /** how the server reaches MariaDB (a proxy's address) */ via?: (url: string) => string } = {},
): Promise<TestServer> {
  const dialect = opts.dialect ?? 'mysql';
  const name = `cdtest_${process.pid}_${randomBytes(3).toString('hex')}`;
  let url: string;
  if (dialect === 'mysql') {
    const c = await adminConnection();
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    url = databaseUrl(name);
  } else {
    url = `sqlite:/tmp/${name}.db`;
  }
  const config = { ...loadConfig({ ...process.env, ...opts.env, NODE_ENV: opts.env?.NODE_ENV ?? 'test' }), port: 0, databaseUrl: opts.via ? opts.via(url) : url };
  const app = await startApp(config, () => undefined);
  const ds = app.services.db.ds;
  const fx = await buildFixture(ds);
  const tokens = new Map<string, string>();
  const anon = new Api(app.url);
  return {
    app,
    ds,
    fx,
    url: app.url,
    anon,
    async as(account: AccountName) {
      if (!tokens.has(account)) {
        const r = await anon.q<{ login: { token: string } }>('mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}', { u: account, p: PASSWORD });
        tokens.set(account, r.login.token);
      }
      return new Api(app.url, tokens.get(account)!);
    },
    async stop() {
      await app.stop();
      if (dialect === 'mysql') {
        const c = await adminConnection();
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      }
    },
  };
}
