import http, { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { Context, RequestLoaders } from '../graphql/context';
import { Services } from '../graphql/services';
import { PROJECT_ROOT } from '../config';
import { formatError, withoutSuggestions } from '../graphql/schema';
import { queryLimitsPlugin } from '../graphql/limits';
import { introspectionPlugin } from '../graphql/introspection';
import { LIMITS } from '../common/limits';
import { LANDING_PAGE_CSP, setSecurityHeaders } from './security-headers';
import { csvExportOf } from '../export/csv-export';

export const MAX_BODY_BYTES = LIMITS.bodyBytes;

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
  stop(): Promise<void>;
}

export async function createHttpServer(schema: GraphQLSchema, services: Services): Promise<AppServer> {
  const apollo = new ApolloServer<Context>({
    schema,
    // Cache control hooks every field; we do no HTTP caching of GraphQL, so it is off (see stack notes).
    // Introspection per caller (graphql/introspection.ts): Apollo's switch is on, the plugin refuses anonymous callers in production.
    plugins: [ApolloServerPluginCacheControlDisabled(), introspectionPlugin(services.config.introspection), queryLimitsPlugin],
    // Introspection off (production) also means no "Did you mean allMembers?" that would spell the schema out.
    formatError: (formatted, error) => formatError(services.config.introspection ? formatted : withoutSuggestions(formatted), error),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: true,
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
          caller: await services.account.callerFromToken(token),
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

  const exports = csvExportOf(services, schema);

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    setSecurityHeaders(res, pathname);
    const work =
      pathname === '/healthz'
        ? services.db.ping().then((ok) => sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unreachable' }))
        : pathname === '/graphql'
          ? handleGraphQL(req, res)
          : pathname.startsWith('/export/')
            ? exports.handle(req, res)
            : Promise.resolve(serveAdmin(req, res));
    work.catch((err) => {
      console.error(err);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    apollo,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await apollo.stop();
    },
  };
}
