import http, { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { Context, RequestLoaders } from '../graphql/context';
import { Services } from '../graphql/services';
import { PROJECT_ROOT } from '../config';
import { formatError, withoutSuggestions } from '../graphql/schema';
import { queryLimitsPlugin } from '../graphql/limits';
import { introspectionPlugin } from '../graphql/introspection';
import { jitGateway } from '../graphql/jit-executor';
import { LIMITS } from '../common/limits';
import { LANDING_PAGE_CSP, setSecurityHeaders } from './security-headers';
import { csvExportOf } from '../export/csv-export';
import { Db } from '../db/dialect';
import { logDatabaseDown, serviceUnavailable } from '../common/errors';

export const MAX_BODY_BYTES = LIMITS.bodyBytes;

/**
 * Graceful shutdown: requests in flight when the server is asked to stop get this long to finish
 * (a slow export or import is seconds; a client that holds a request open longer is cut off), then
 * their connections are closed.
 */
export const SHUTDOWN_DRAIN_MS = 10_000;

/** How long /healthz waits for the database's answer before answering 503: a health check must not hang with the database. */
export const HEALTH_TIMEOUT_MS = 3_000;

/**
 * HTTP 503 for an operation whose resolvers met an unreachable database (the formatter in
 * graphql/schema.ts codes the errors SERVICE_UNAVAILABLE); Apollo would answer 200 with the errors.
 */
const unavailableStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors(rc) {
        if (rc.errors.some((e) => Db.isUnavailable(e))) rc.response.http.status = 503;
      },
    };
  },
};

/** Answers SERVICE_UNAVAILABLE for an error that says the database cannot be reached; rethrows any other. */
function unavailableOr(err: unknown): never {
  if (Db.isUnavailable(err)) {
    logDatabaseDown('The database cannot be reached: answering SERVICE_UNAVAILABLE', err);
    throw serviceUnavailable();
  }
  throw err;
}

async function health(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  try {
    return await Promise.race([db.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const ADMIN_DIST = path.join(PROJECT_ROOT, 'admin/dist');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

const badRequest = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        // No req.destroy(): that resets the socket before the 413 is read. Node discards the rest.
        reject(new TooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The pages of admin/dist served at a path of their own (the panel's client-side routes fall back to index.html). */
const PAGES: Record<string, string> = { '/graphiql': 'graphiql.html', '/graphiql/': 'graphiql.html' };

/** Serves the built admin panel (admin/dist), falling back to index.html for client-side routes. */
function serveAdmin(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const rel = PAGES[url.pathname] ?? path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  let file = path.join(ADMIN_DIST, rel);
  if (!file.startsWith(ADMIN_DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(ADMIN_DIST, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>CongDoan</title><h1>CongDoan</h1><p>API: <a href="/graphql">/graphql</a>. The admin panel is not built (npm run build).</p>');
    return;
  }
  const ext = path.extname(file);
  const headers: Record<string, string> = { 'content-type': MIME[ext] ?? 'application/octet-stream' };
  if (rel.startsWith('assets/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

export interface AppServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /**
   * Stops accepting connections, lets the requests in flight finish (at most `drainMs`, then their
   * connections are closed), closes idle keep-alive connections, and stops Apollo.
   */
  stop(drainMs?: number): Promise<void>;
}

export async function createHttpServer(schema: GraphQLSchema, services: Services): Promise<AppServer> {
  const apollo = new ApolloServer<Context>({
    // The schema, executed by graphql-jit (graphql/jit-executor.ts): Apollo's only hook for an executor is a gateway.
    gateway: jitGateway(schema),
    // Cache control hooks every field; we do no HTTP caching of GraphQL, so it is off (see stack notes).
    // Introspection per caller (graphql/introspection.ts): Apollo's switch is on, the plugin refuses anonymous callers in production.
    plugins: [ApolloServerPluginCacheControlDisabled(), introspectionPlugin(services.config.introspection), queryLimitsPlugin, unavailableStatusPlugin],
    // Introspection off (production) also means no "Did you mean allMembers?" that would spell the schema out.
    formatError: (formatted, error) => formatError(services.config.introspection ? formatted : withoutSuggestions(formatted), error),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: true,
    // main.ts owns SIGTERM/SIGINT (graceful shutdown): Apollo's own handler would stop it under the
    // requests in flight and send the signal again.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse) => {
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (e) {
        if (e instanceof TooLarge) return badRequest(res, 413, `Request body larger than ${MAX_BODY_BYTES} bytes`);
        throw e;
      }
      try {
        body = JSON.parse(raw);
      } catch {
        return badRequest(res, 400, 'The request body is not valid JSON');
      }
      if (Array.isArray(body)) return badRequest(res, 400, 'Batched requests are not supported: send one operation per request');
      if (!body || typeof body !== 'object') return badRequest(res, 400, 'The request body must be a JSON object with a query');
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const url = new URL(req.url ?? '/', 'http://x');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
        return {
          // the token's account is read from the database: unreachable, it is a 503 like any other read
          caller: await services.account.callerFromToken(token).catch(unavailableOr),
          services,
          loaders: new RequestLoaders(),
          ip: req.socket.remoteAddress ?? '',
        };
      },
    });
    const out: Record<string, string> = {};
    for (const [k, v] of result.headers) out[k] = v;
    if (out['content-type']?.startsWith('text/html')) out['content-security-policy'] = LANDING_PAGE_CSP;
    res.writeHead(result.status ?? 200, out);
    if (result.body.kind === 'complete') res.end(result.body.string);
    else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  // Not named `exports`: a CommonJS build (ts-node's SWC) reads this module's exported constants
  // (SHUTDOWN_DRAIN_MS, MAX_BODY_BYTES) as `exports.…`, which a local `exports` would shadow.
  const csvExports = csvExportOf(services, schema);

  /** Responses not yet finished, so that a shutdown can tell their clients the connection closes after them. */
  const inFlight = new Set<ServerResponse>();
  let stopping = false;

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (stopping) res.setHeader('connection', 'close');
    setSecurityHeaders(res, pathname);
    const work =
      pathname === '/healthz'
        ? health(services.db).then((ok) => sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unreachable' }))
        : pathname === '/graphql'
          ? handleGraphQL(req, res)
          : pathname.startsWith('/export/')
            ? csvExports.handle(req, res)
            : Promise.resolve(serveAdmin(req, res));
    work.catch((err) => {
      const down = Db.isUnavailable(err);
      if (down) logDatabaseDown('The database cannot be reached: answering SERVICE_UNAVAILABLE', err);
      else console.error(err);
      if (res.headersSent) res.end();
      else if (down) sendJson(res, 503, { errors: [{ message: serviceUnavailable().message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      else sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    apollo,
    async stop(drainMs = SHUTDOWN_DRAIN_MS) {
      stopping = true;
      // The answers still to be written tell their clients that the connection closes after them.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // No new connections from here on; close() also ends the idle keep-alive ones, the sweep those idle later.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => server.closeAllConnections(), drainMs);
      try {
        await closed;
      } finally {
        clearInterval(sweep);
        clearTimeout(force);
      }
      await apollo.stop();
    },
  };
}
