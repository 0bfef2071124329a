/**
 * PostGraphile 5 (amber preset) on the PostgreSQL copy made by load.mjs, for `npm run bench --
 * --peer postgraphile`. The same work as the API for Q1: it verifies the same HS256 JWT (a key
 * object, like the API), resolves the caller (account and scope unit, cached 5 s), and hands the
 * scope to PostgreSQL, whose row-level security policies filter every read (PostGraphile's way).
 *
 *   DATABASE=cdbench_s JWT_SECRET=… PORT=… node server.mjs      (Node 22: node_modules/.bin/node)
 */
import http from 'node:http';
import crypto from 'node:crypto';
import pg from 'pg';
import jwt from 'jsonwebtoken';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const database = process.env.DATABASE;
const connectionString = `postgres://postgres@127.0.0.1:5432/${database}`;
const poolSize = Number(process.env.POOL_SIZE ?? 10);
const key = crypto.createSecretKey(Buffer.from(process.env.JWT_SECRET ?? '', 'utf8'));
/** The role whose policies filter by the scope unit's level column (load.mjs). */
const SCOPE_ROLE = { FEDERATION: 'cdbench_federation', UNION: 'cdbench_union', GRASSROOTS: 'cdbench_grassroots', TEAM: 'cdbench_team' };

// the caller's account and scope unit, as the API resolves them (one small pool, outside RLS)
const accounts = new pg.Pool({ connectionString, max: 2 });
const callers = new Map();
async function callerOf(req) {
  const auth = req?.headers?.authorization;
  if (!auth?.startsWith('Bearer ')) return null;
  let claims;
  try {
    claims = jwt.verify(auth.slice(7).trim(), key, { algorithms: ['HS256'] });
  } catch {
    return null;
  }
  const id = Number(claims.sub);
  const hit = callers.get(id);
  if (hit && hit.tokenVersion === claims.tv && Date.now() - hit.at <= 5000) return hit;
  const { rows: [a] } = await accounts.query('SELECT id, role, scope_unit_id, active, token_version FROM account WHERE id = $1', [id]);
  if (!a || !a.active || a.token_version !== claims.tv) return null;
  let scope = { role: 'cdbench_all', unit: '', ancestors: '' };
  if (a.scope_unit_id != null) {
    const { rows: [u] } = await accounts.query('SELECT id, level, federation_id, union_id, grassroots_union_id, team_id FROM org_unit WHERE id = $1', [a.scope_unit_id]);
    if (!u) return null;
    const ancestors = [u.federation_id, u.union_id, u.grassroots_union_id, u.team_id].filter((x) => x != null && x !== u.id);
    if (!SCOPE_ROLE[u.level]) return null;
    scope = { role: SCOPE_ROLE[u.level], unit: String(u.id), ancestors: ancestors.join(',') };
  }
  const caller = { id, tokenVersion: a.token_version, scope, at: Date.now() };
  callers.set(id, caller);
  return caller;
}

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: poolSize } })],
  grafast: {
    async context(requestContext) {
      const caller = await callerOf(requestContext.node?.req);
      // no caller: a role that reads nothing (no grants), as the API refuses
      if (!caller) return { pgSettings: { role: 'cdbench_nobody' } };
      return {
        pgSettings: {
          role: caller.scope.role,
          'app.scope_unit': caller.scope.unit,
          'app.scope_ancestors': caller.scope.ancestors,
        },
      };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  schema: { exportSchemaSDLPath: undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"status":"ok"}');
  }
  handler(req, res);
});
server.keepAliveTimeout = 65_000;
await pgl.getSchema();
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`postgraphile on ${process.env.PORT}\n`));
const stop = () => server.close(() => Promise.all([pgl.release(), accounts.end()]).finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
