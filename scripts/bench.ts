/**
 * The benchmark of /work/shared/bench.md:
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/congdoan_bench npm run bench -- [--seconds 10] [--rounds 1]
 *
 * On a database filled by `npm run seed:synthetic`, runs Q1–Q6 each as the role that would run it,
 * at 1, 8 and 32 concurrent clients on loopback, against two servers started here on free ports:
 * the API (`node dist/server/main.js`) and the floor, the same work done as hand-written SQL through
 * mysql2 with JSON encoding in a plain node:http handler (this file run with --serve-floor).
 * Reports req/s, p50, p99, the ratio API/floor and the API's RSS under load, as a markdown table
 * on stdout and in bench-results/<date>-<size>.md.
 *
 * Q5 (approve one nomination) writes: each request approves a different PENDING nomination, made
 * for the run in the benchmark federation's queue (left-overs are removed at the end), a fixed
 * number of requests per point (--q5). Everything else runs for --seconds per point after --warmup.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import mysql from 'mysql2/promise';
import { hashPassword, verifyPassword } from '../server/auth/password';
import { signToken, verifyToken } from '../server/auth/token';

const ROOT = path.resolve(__dirname, '..');
const JWT_SECRET = 'congdoan-bench-secret';
/** The floor verifies with a key object, as a careful hand-written server would (no per-request key parsing). */
const JWT_KEY = crypto.createSecretKey(Buffer.from(JWT_SECRET, 'utf8'));
const TOKEN_TTL = 8 * 3600;
const PASSWORD = 'bench1234';
const OPEN_STATUSES = ['DRAFT', 'PENDING', 'RETURNED', 'FORWARDED'];
const REVIEW_ACTIONS: Record<string, string> = { APPROVE: 'APPROVE', REJECT: 'REJECT', RETURN: 'RETURN', CONFEDERATION_APPROVE: 'APPROVE', CONFEDERATION_REJECT: 'REJECT' };
/** Q2's `q`: family names without diacritics (one word each: one LIKE), alternating genders. */
const FAMILY_NAMES = ['nguyen', 'tran', 'le', 'pham', 'hoang', 'phan', 'vu', 'dang', 'bui', 'do', 'ho', 'ngo'];

function poolFor(url: string, connectionLimit: number): mysql.Pool {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  u.searchParams.delete('poolSize');
  // trace: false as the API's pool (server/db/data-source.ts): no stack captured per query
  return mysql.createPool({ uri: u.toString(), connectionLimit, charset: 'utf8mb4_unicode_ci', timezone: 'Z', dateStrings: ['DATE'], supportBigNumbers: true, trace: false });
}
const poolSizeOf = (url: string) => Number(new URL(url.replace(/^mariadb:/, 'mysql:')).searchParams.get('poolSize') ?? 10);

// ================================================================================================
// The floor: the same queries as hand-written SQL, JSON in the GraphQL response's shape.
// ================================================================================================

type Row = mysql.RowDataPacket;
type Json = Record<string, unknown>;

/** The caller as the floor resolves it: the account and its scope (the unit's own ancestor column). */
interface FloorCaller {
  id: number;
  username: string;
  fullName: string;
  role: string;
  memberId: number | null;
  tokenVersion: number;
  /** `<column> = unitId` is the caller's subtree; null: the whole system */
  scope: { column: string; unitId: number } | null;
}
const SCOPE_COLUMN: Record<string, string> = { FEDERATION: 'federation_id', UNION: 'union_id', GRASSROOTS: 'grassroots_union_id', TEAM: 'team_id' };
/** The role's review level (server/auth/permissions.ts REVIEW_LEVEL), for Q4's queue. */
const FLOOR_REVIEW_LEVEL: Record<string, string> = { FEDERATION_ADMIN: 'FEDERATION', UNION_ADMIN: 'UNION', GRASSROOTS_CHAIR: 'GRASSROOTS' };
class Unauthenticated extends Error {}

type FloorHandler = (body: Json, req: http.IncomingMessage, caller: FloorCaller) => Promise<unknown>;

function floorHandlers(pool: mysql.Pool): { handlers: Record<string, FloorHandler>; callerOf(req: http.IncomingMessage): Promise<FloorCaller> } {
  const q = async <T = Row>(sql: string, params: unknown[] = []) => (await pool.query<Row[]>(sql, params))[0] as unknown as T[];
  const unitRef = (id: unknown, name: unknown) => (id == null ? null : { id: String(id), name });

  // The same work as the API's callerFromToken: verify the JWT (HS256, the same secret as a key
  // object), then the account and its scope unit, kept 5 s per account and token version.
  const callers = new Map<number, { caller: FloorCaller; at: number }>();
  const callerOf = async (req: http.IncomingMessage): Promise<FloorCaller> => {
    const auth = req.headers.authorization;
    const claims = verifyToken(JWT_KEY, auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '');
    if (!claims) throw new Unauthenticated();
    const id = Number(claims.sub);
    const hit = callers.get(id);
    if (hit && hit.caller.tokenVersion === claims.tv && Date.now() - hit.at <= 5000) return hit.caller;
    const [u] = await q('SELECT id, username, full_name, role, member_id, scope_unit_id, active, token_version FROM account WHERE id = ?', [id]);
    if (!u || !u.active || u.token_version !== claims.tv) throw new Unauthenticated();
    let scope: FloorCaller['scope'] = null;
    if (u.scope_unit_id != null) {
      const [unit] = await q('SELECT id, level FROM org_unit WHERE id = ?', [u.scope_unit_id]);
      if (!unit) throw new Unauthenticated();
      scope = { column: SCOPE_COLUMN[unit.level], unitId: Number(unit.id) };
    }
    const caller: FloorCaller = { id, username: u.username, fullName: u.full_name, role: u.role, memberId: u.member_id, tokenVersion: u.token_version, scope };
    callers.set(id, { caller, at: Date.now() });
    return caller;
  };
  /** The caller's subtree on a table carrying the ancestor columns (`1=1` for the whole system). */
  const inScope = (c: FloorCaller, alias: string): [string, unknown[]] => (c.scope ? [`${alias}.${c.scope.column} = ?`, [c.scope.unitId]] : ['1=1', []]);

  const handlers: Record<string, FloorHandler> = {
    // Q1: one page of the caller's members by name, with the team name, plus the total.
    async q1(_b, _req, c) {
      const [scope, sp] = inScope(c, 'm');
      const [rows, [count]] = await Promise.all([
        q(
          `SELECT m.id, m.full_name, m.gender, m.birth_date, m.position, m.status, m.team_id, t.name AS team_name
             FROM member m LEFT JOIN org_unit t ON t.id = m.team_id
            WHERE ${scope} ORDER BY m.sort_key ASC, m.id ASC LIMIT 50 OFFSET 0`,
          sp,
        ),
        q(`SELECT COUNT(*) AS c FROM member m WHERE ${scope}`, sp),
      ]);
      return {
        data: {
          allMembers: rows.map((m) => ({
            id: String(m.id), fullName: m.full_name, gender: m.gender, birthDate: m.birth_date, position: m.position, status: m.status,
            team: unitRef(m.team_id, m.team_name),
          })),
          _allMembersMeta: { count: Number(count.c) },
        },
      };
    },

    // Q2: a federation's members filtered by a family name and gender, with unit names, plus the total.
    async q2(b, _req, c) {
      const like = `%${String(b.q).replace(/[!%_]/g, (x) => '!' + x)}%`;
      const [scope, sp] = inScope(c, 'm');
      const where = `${scope} AND m.search_key LIKE ? ESCAPE '!' AND m.gender = ?`;
      const params = [...sp, like, b.gender];
      const [rows, [count]] = await Promise.all([
        q(
          `SELECT m.id, m.full_name, m.gender, m.birth_date, m.status, m.grassroots_union_id, g.name AS gu_name, m.team_id, t.name AS team_name
             FROM member m JOIN org_unit g ON g.id = m.grassroots_union_id LEFT JOIN org_unit t ON t.id = m.team_id
            WHERE ${where} ORDER BY m.sort_key ASC, m.id ASC LIMIT 50 OFFSET 0`,
          params,
        ),
        q(`SELECT COUNT(*) AS c FROM member m WHERE ${where}`, params),
      ]);
      return {
        data: {
          allMembers: rows.map((m) => ({
            id: String(m.id), fullName: m.full_name, gender: m.gender, birthDate: m.birth_date, status: m.status,
            grassrootsUnion: unitRef(m.grassroots_union_id, m.gu_name), team: unitRef(m.team_id, m.team_name),
          })),
          _allMembersMeta: { count: Number(count.c) },
        },
      };
    },

    // Q3: active members of a federation counted by child unit and gender, with the units' names
    // (an analyst: unscoped, but signed in; groups of 1 to 4 left out, as the API leaves them out for analysts).
    async q3(b) {
      const rows = await q(
        `SELECT COALESCE(m.union_id, m.grassroots_union_id) AS unit_id, m.gender, COUNT(*) AS c
           FROM member m WHERE m.federation_id = ? AND m.status = 'ACTIVE'
          GROUP BY COALESCE(m.union_id, m.grassroots_union_id), m.gender
         HAVING COUNT(*) >= 5`,
        [b.fed],
      );
      const ids = [...new Set(rows.map((r) => r.unit_id).filter((id) => id != null))];
      const units = ids.length ? await q('SELECT id, level, name FROM org_unit WHERE id IN (?)', [ids]) : [];
      const byId = new Map(units.map((u) => [u.id, u]));
      return {
        data: {
          memberStats: rows.map((r) => {
            const u = byId.get(r.unit_id);
            return { unitId: r.unit_id == null ? null : String(r.unit_id), gender: r.gender, count: Number(r.c), unit: u ? { id: String(u.id), name: u.name } : null };
          }),
        },
      };
    },

    // Q4: the federation admin's queue, 50 by last change, with nominee, award type and reviews, plus the total.
    async q4(_b, _req, c) {
      const level = FLOOR_REVIEW_LEVEL[c.role];
      if (!level || !c.scope) return { errors: [{ message: 'the floor serves Q4 to reviewers with a scope only' }] };
      const [scope, sp] = inScope(c, 'n');
      const [nominating] = inScope(c, 'gu');
      const mine = c.memberId != null ? ' AND (n.nominee_member_id IS NULL OR n.nominee_member_id <> ?)' : '';
      const where = `${scope} AND n.status = 'PENDING' AND n.current_level = ? AND ${nominating}
        AND (n.created_by_id IS NULL OR n.created_by_id <> ?)${mine}`;
      const params = [...sp, level, c.scope.unitId, c.id, ...(c.memberId != null ? [c.memberId] : [])];
      const [rows, [count]] = await Promise.all([
        q(
          `SELECT n.id, n.year, n.status, n.version, n.nominee_name, n.updated_at, t.id AS type_id, t.code, t.name AS type_name,
                  n.nominee_member_id, m.full_name AS member_name, n.nominee_unit_id, nu.name AS nu_name, n.nominating_unit_id, gu.name AS gu_name
             FROM nomination n
             JOIN org_unit gu ON gu.id = n.nominating_unit_id
             JOIN award_type t ON t.id = n.award_type_id
             LEFT JOIN member m ON m.id = n.nominee_member_id
             LEFT JOIN org_unit nu ON nu.id = n.nominee_unit_id
            WHERE ${where} ORDER BY n.updated_at DESC, n.id DESC LIMIT 50 OFFSET 0`,
          params,
        ),
        q(`SELECT COUNT(*) AS c FROM nomination n JOIN org_unit gu ON gu.id = n.nominating_unit_id WHERE ${where}`, params),
      ]);
      const events = rows.length
        ? await q(
            `SELECT nomination_id, action, level, actor_name, at, comment FROM nomination_event
              WHERE nomination_id IN (?) AND action IN (?) ORDER BY id ASC`,
            [rows.map((r) => r.id), Object.keys(REVIEW_ACTIONS)],
          )
        : [];
      const reviews = new Map<number, unknown[]>();
      for (const e of events) {
        const list = reviews.get(e.nomination_id) ?? [];
        list.push({ decision: REVIEW_ACTIONS[e.action], level: e.level, reviewerName: e.actor_name, at: e.at, comment: e.comment });
        reviews.set(e.nomination_id, list);
      }
      return {
        data: {
          allNominations: rows.map((n) => ({
            id: String(n.id), year: n.year, status: n.status, version: n.version, nomineeName: n.nominee_name, updatedAt: n.updated_at,
            awardType: { id: String(n.type_id), code: n.code, name: n.type_name },
            nomineeMember: n.nominee_member_id == null ? null : { id: String(n.nominee_member_id), fullName: n.member_name },
            nomineeUnit: unitRef(n.nominee_unit_id, n.nu_name),
            nominatingUnit: unitRef(n.nominating_unit_id, n.gu_name),
            reviews: reviews.get(n.id) ?? [],
          })),
          _allNominationsMeta: { count: Number(count.c) },
        },
      };
    },

    // Q5: approve one nomination at the federation (it decides): checks, compare-and-set, decision
    // number, award, history and audit rows, in one transaction.
    async q5(b, _req, caller) {
      if (caller.role !== 'FEDERATION_ADMIN' || !caller.scope) return { errors: [{ message: 'the floor serves Q5 to a federation admin' }] };
      const me = { fed: caller.scope.unitId, id: caller.id, name: caller.username, fullName: caller.fullName };
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const [[n]] = await conn.query<Row[]>(
          `SELECT n.*, u.federation_id AS u_fed, t.deciding_level, t.active AS type_active
             FROM nomination n JOIN org_unit u ON u.id = n.nominating_unit_id JOIN award_type t ON t.id = n.award_type_id
            WHERE n.id = ? AND n.federation_id = ?`,
          [b.id, me.fed],
        );
        const fail = async (message: string) => {
          await conn.rollback();
          return { errors: [{ message }] };
        };
        if (!n || n.u_fed !== me.fed) return fail('not found');
        if (n.status !== 'PENDING' || n.current_level !== 'FEDERATION') return fail('not pending at FEDERATION');
        if (n.created_by_id === me.id) return fail('four eyes');
        if (n.deciding_level !== 'FEDERATION' || !n.type_active) return fail('not decided here');
        if (n.nominee_member_id != null) {
          const [[m]] = await conn.query<Row[]>('SELECT status, disciplined_from, disciplined_until FROM member WHERE id = ?', [n.nominee_member_id]);
          const today = new Date().toISOString().slice(0, 10);
          if (!m || m.status !== 'ACTIVE') return fail('nominee not active');
          if (m.disciplined_from && m.disciplined_from <= today && (!m.disciplined_until || m.disciplined_until >= today)) return fail('under discipline');
        } else {
          const [[u]] = await conn.query<Row[]>('SELECT active FROM org_unit WHERE id = ?', [n.nominee_unit_id]);
          if (!u?.active) return fail('nominee unit dissolved');
        }
        const [[dup]] = await conn.query<Row[]>(
          `SELECT COUNT(*) AS c FROM nomination o WHERE o.id <> ? AND o.award_type_id = ? AND o.year = ? AND o.status IN (?) AND ${n.nominee_member_id != null ? 'o.nominee_member_id' : 'o.nominee_unit_id'} = ?`,
          [n.id, n.award_type_id, n.year, OPEN_STATUSES, n.nominee_member_id ?? n.nominee_unit_id],
        );
        if (Number(dup.c) > 0) return fail('duplicate');
        const [cas] = await conn.query<mysql.ResultSetHeader>(
          "UPDATE nomination SET status = 'APPROVED', current_level = NULL, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND status = 'PENDING' AND version = ?",
          [n.id, n.version],
        );
        if (cas.affectedRows !== 1) return fail('conflict');
        await conn.query('INSERT INTO decision_counter (unit_id, year, last_number) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_number = last_number + 1', [me.fed, n.year]);
        const [[c]] = await conn.query<Row[]>(
          'SELECT d.last_number, u.code FROM decision_counter d JOIN org_unit u ON u.id = d.unit_id WHERE d.unit_id = ? AND d.year = ?',
          [me.fed, n.year],
        );
        const number = `${c.last_number}/QĐ-${c.code}`;
        const key = searchKeyOf(n.nominee_name, number);
        const today = new Date().toISOString().slice(0, 10);
        const [award] = await conn.query<mysql.ResultSetHeader>(
          `INSERT INTO award (nomination_id, award_type_id, year, nominee_member_id, nominee_unit_id, nominee_name, deciding_unit_id, decision_number,
             decided_at, decided_by_id, search_key, federation_id, union_id, grassroots_union_id, team_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [n.id, n.award_type_id, n.year, n.nominee_member_id, n.nominee_unit_id, n.nominee_name, me.fed, number, today, me.id, key,
            n.federation_id, n.union_id, n.grassroots_union_id, n.team_id],
        );
        await conn.query('UPDATE nomination SET search_key = ? WHERE id = ?', [key, n.id]);
        const unit = n.team_id ?? n.grassroots_union_id ?? n.union_id ?? n.federation_id;
        await conn.query(
          `INSERT INTO audit_event (actor_id, actor_name, action, entity_type, entity_id, unit_id, \`before\`, \`after\`) VALUES
             (?, ?, 'CREATE', 'Award', ?, ?, NULL, ?), (?, ?, 'APPROVE', 'Nomination', ?, ?, ?, ?)`,
          [me.id, me.name, award.insertId, unit, JSON.stringify({ id: award.insertId, nominationId: n.id, decisionNumber: number, decidedAt: today }),
            me.id, me.name, n.id, unit, JSON.stringify({ status: 'PENDING', currentLevel: 'FEDERATION' }),
            JSON.stringify({ status: 'APPROVED', currentLevel: null, comment: b.comment, awardId: award.insertId })],
        );
        await conn.query(
          "INSERT INTO nomination_event (nomination_id, action, level, from_status, to_status, comment, actor_id, actor_name) VALUES (?, 'APPROVE', 'FEDERATION', 'PENDING', 'APPROVED', ?, ?, ?)",
          [n.id, b.comment, me.id, me.fullName],
        );
        await conn.commit();
        return { data: { reviewNomination: { id: String(n.id), status: 'APPROVED', version: n.version + 1, award: { id: String(award.insertId), decisionNumber: number } } } };
      } catch (e) {
        await conn.rollback().catch(() => undefined);
        throw e;
      } finally {
        conn.release();
      }
    },

    // Q6: login (scrypt, as the API) …
    async q6login(b) {
      const [u] = await q('SELECT id, username, password_hash, active, token_version FROM account WHERE username = ?', [b.username]);
      const ok = u ? await verifyPassword(String(b.password), u.password_hash) : await hashPassword(String(b.password)).then(() => false);
      if (!u || !ok || !u.active) return { errors: [{ message: 'invalid username or password' }] };
      await q('UPDATE account SET last_login_at = ? WHERE id = ?', [new Date(), u.id]);
      return { data: { login: { token: signToken(JWT_SECRET, TOKEN_TTL, u.id, u.token_version), user: { id: String(u.id), username: u.username } } } };
    },

    // … then `me` with the token.
    async q6me(_b, req) {
      const auth = req.headers.authorization;
      const claims = verifyToken(JWT_KEY, auth?.startsWith('Bearer ') ? auth.slice(7) : '');
      if (!claims) return { data: { me: null } };
      const [u] = await q(
        'SELECT a.id, a.username, a.full_name, a.role, a.scope_unit_id, a.active, a.token_version FROM account a LEFT JOIN org_unit s ON s.id = a.scope_unit_id WHERE a.id = ?',
        [Number(claims.sub)],
      );
      if (!u || !u.active || u.token_version !== claims.tv) return { data: { me: null } };
      return { data: { me: { id: String(u.id), username: u.username, fullName: u.full_name, role: u.role, scopeUnitId: u.scope_unit_id == null ? null : String(u.scope_unit_id) } } };
    },
  };
  return { handlers, callerOf };
}

/** Handlers that run without a caller (Q6 signs in, then reads `me` from its own token). */
const FLOOR_PUBLIC = new Set(['q6login', 'q6me']);

/** searchKey of server/common/text.ts, inlined so that the floor loads no application module but password and token. */
function searchKeyOf(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

async function serveFloor(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const pool = poolFor(url, poolSizeOf(url));
  const { handlers, callerOf } = floorHandlers(pool);
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').slice(1).split('?')[0].replace('/', '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        const data = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
        res.end(data);
      };
      if (name === 'healthz') return send(200, { status: 'ok' });
      const handler = handlers[name];
      if (!handler) return send(404, { errors: [{ message: `no ${name}` }] });
      let body: Json = {};
      try {
        if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(400, { errors: [{ message: 'bad JSON' }] });
      }
      const caller = FLOOR_PUBLIC.has(name) ? Promise.resolve(null as unknown as FloorCaller) : callerOf(req);
      caller.then((c) => handler(body, req, c)).then(
        (out) => send(200, out),
        (err) =>
          err instanceof Unauthenticated
            ? send(200, { errors: [{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }] })
            : send(500, { errors: [{ message: err instanceof Error ? err.message : String(err) }] }),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`floor on ${process.env.PORT}\n`));
  const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ================================================================================================
// The load generator
// ================================================================================================

interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  token?: string;
}

type Side = 'api' | 'floor' | 'peer';

interface Target {
  name: Side;
  port: number;
  agent: http.Agent;
  pid: number;
}

function send(t: Target, r: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (r.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(r.body);
    }
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    const req = http.request({ host: '127.0.0.1', port: t.port, method: r.method, path: r.path, agent: t.agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

/** One operation: one request, or several in sequence (Q6: login then me). Throws on an error answer. */
type Op = (t: Target, i: number) => Promise<void>;

async function expectOk(t: Target, r: Req): Promise<string> {
  const res = await send(t, r);
  if (res.status !== 200 || res.body.startsWith('{"errors"') || res.body.includes('"errors":[')) {
    throw new Error(`${t.name} ${r.path} → ${res.status} ${res.body.slice(0, 300)}`);
  }
  return res.body;
}

interface Point {
  count: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  /** the server process's CPU time (user + system) per completed operation, ms: steadier than req/s on a shared machine */
  cpuMs: number;
}

const rssMb = (pid: number): number => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** CPU time (user + system) of a process so far, in ms (clock ticks of 10 ms). */
const cpuOf = (pid: number): number => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
};

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * `clients` loops sending `op` back to back for `warmup` + `seconds`, or for exactly `fixed`
 * operations in all. Operations completed after the warm-up count (those still running at the end
 * are waited for), so a point whose requests outlast the window still measures something: req/s is
 * completions over the time from the end of the warm-up to the last completion.
 */
async function runPoint(t: Target, op: Op, clients: number, opts: { seconds: number; warmup: number; fixed?: number }): Promise<Point> {
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  let rss = rssMb(t.pid);
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(t.pid))), 200);
  const now = () => performance.now();
  const start = now();
  const measureFrom = opts.fixed ? start : start + opts.warmup * 1000;
  const end = opts.fixed ? Infinity : measureFrom + opts.seconds * 1000;
  let lastDone = start;
  let cpu0 = cpuOf(t.pid);
  const cpuMark = opts.fixed ? null : setTimeout(() => (cpu0 = cpuOf(t.pid)), opts.warmup * 1000);
  const loop = async () => {
    for (;;) {
      const t0 = now();
      if (t0 >= end) return;
      const i = next++;
      if (opts.fixed && i >= opts.fixed) return;
      try {
        await op(t, i);
        const t1 = now();
        if (t1 >= measureFrom) (lat.push(t1 - t0), (lastDone = Math.max(lastDone, t1)));
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? e.message : String(e);
        if (errors > 50 && errors > lat.length) return; // a broken point: stop hammering
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  clearInterval(sampler);
  if (cpuMark) clearTimeout(cpuMark);
  const cpuMs = (cpuOf(t.pid) - cpu0) / Math.max(1, lat.length);
  rss = Math.max(rss, rssMb(t.pid));
  const seconds = ((opts.fixed ? lastDone : Math.max(lastDone, end)) - measureFrom) / 1000;
  lat.sort((a, b) => a - b);
  return { count: lat.length, errors, firstError, seconds, rps: lat.length / seconds, p50: percentile(lat, 0.5), p99: percentile(lat, 0.99), rssMb: rss, cpuMs };
}

// ================================================================================================
// Servers
// ================================================================================================

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Child {
  proc: ChildProcess;
  port: number;
  log: string[];
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, port: number, exec = process.execPath): Child {
  const proc = spawn(exec, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const keep = (d: Buffer) => {
    log.push(...d.toString('utf8').split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  proc.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n${name} exited (${code ?? signal}):\n${log.slice(-20).join('\n')}\n`);
  });
  return { proc, port, log };
}

async function waitHealthy(c: Child, name: string, timeoutMs = 120_000): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (c.proc.exitCode != null) throw new Error(`${name} exited before listening:\n${c.log.slice(-20).join('\n')}`);
    try {
      const res = await send({ name: 'api', port: c.port, agent, pid: 0 }, { method: 'GET', path: '/healthz' });
      if (res.status === 200) return;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become healthy in ${timeoutMs / 1000} s:\n${c.log.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let stopping = false;
const children: ChildProcess[] = [];
function stopChildren() {
  stopping = true;
  for (const c of children) if (c.exitCode == null && c.signalCode == null) c.kill('SIGTERM');
}

/** Whether dist/server is at least as new as every server/*.ts file. */
function distFresh(): boolean {
  const main = path.join(ROOT, 'dist/server/main.js');
  if (!fs.existsSync(main)) return false;
  const built = fs.statSync(main).mtimeMs;
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'server'));
  return newest <= built;
}

// ================================================================================================
// The run
// ================================================================================================

interface Options {
  seconds: number;
  warmup: number;
  rounds: number;
  clients: number[];
  q5: number[];
  only: Set<string> | null;
  server: 'auto' | 'dist' | 'ts-node';
  build: boolean;
  size: string | null;
  out: string;
  write: boolean;
  /** an optional third server measured on the queries it serves (bench/postgraphile: Q1) */
  peer: 'postgraphile' | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seconds: 10, warmup: 1, rounds: 1, clients: [1, 8, 32], q5: [40, 120, 240], only: null, server: 'auto', build: false, size: null, out: 'bench-results', write: true, peer: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    const list = (s: string) => s.split(',').map((x) => Number(x.trim()));
    if (a.startsWith('--seconds')) o.seconds = Number(v());
    else if (a.startsWith('--warmup')) o.warmup = Number(v());
    else if (a.startsWith('--rounds')) o.rounds = Number(v());
    else if (a.startsWith('--clients')) o.clients = list(v());
    else if (a.startsWith('--q5')) o.q5 = list(v());
    else if (a.startsWith('--only')) o.only = new Set(v().toUpperCase().split(','));
    else if (a.startsWith('--server')) o.server = v() as Options['server'];
    else if (a === '--build') o.build = true;
    else if (a.startsWith('--size')) o.size = v().toUpperCase();
    else if (a.startsWith('--out')) o.out = v();
    else if (a === '--no-write') o.write = false;
    else if (a.startsWith('--peer')) {
      const peer = v();
      if (peer !== 'postgraphile') throw new Error('--peer: postgraphile is the only peer');
      o.peer = peer;
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'npm run bench -- [--seconds 10] [--warmup 1] [--rounds 1] [--clients 1,8,32] [--q5 40,120,240] [--only Q1,Q4]\n' +
          '                 [--server auto|dist|ts-node] [--build] [--size S] [--out bench-results] [--no-write] [--peer postgraphile]\n' +
          '  DATABASE_URL=mysql://root@127.0.0.1:3306/congdoan_bench (filled by npm run seed:synthetic)\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.q5.length !== o.clients.length) o.q5 = o.clients.map((c) => Math.max(20, c * 8));
  return o;
}

interface QueryDef {
  id: string;
  who: string;
  what: string;
  api: Op;
  floor: Op;
  /** the same query on the peer (--peer), where it has one */
  peer?: Op;
  /** Q5: a fixed number of operations per point */
  write?: boolean;
}

const gql = (query: string, variables?: Json) => JSON.stringify(variables ? { query, variables } : { query });

const Q1 = `query Q1 { allMembers(page: 0, perPage: 50, sortField: "fullName", sortOrder: "ASC") {
  id fullName gender birthDate position status team { id name } } _allMembersMeta { count } }`;
/** Q1 on PostGraphile (amber preset): the same page, rows and total, under its row-level security. */
const PEER_Q1 = `query Q1 { allMembers(first: 50, orderBy: [SORT_KEY_ASC, PRIMARY_KEY_ASC]) {
  nodes { rowId fullName gender birthDate position status orgUnitByTeamId { rowId name } } totalCount } }`;
const Q2 = `query Q2($f: MemberFilter) { allMembers(filter: $f, page: 0, perPage: 50, sortField: "fullName", sortOrder: "ASC") {
  id fullName gender birthDate status grassrootsUnion { id name } team { id name } } _allMembersMeta(filter: $f) { count } }`;
const Q3 = `query Q3($unit: ID!) { memberStats(by: [CHILD_UNIT, GENDER], unitId: $unit) {
  unitId gender count unit { ... on Union { id name } ... on GrassrootsUnion { id name } } } }`;
const Q4 = `query Q4 { allNominations(filter: { awaitingMyReview: true }, page: 0, perPage: 50, sortField: "updatedAt", sortOrder: "DESC") {
  id year status version nomineeName updatedAt awardType { id code name } nomineeMember { id fullName }
  nomineeUnit { ... on GrassrootsUnion { id name } ... on Team { id name } ... on Union { id name } }
  nominatingUnit { ... on GrassrootsUnion { id name } ... on Union { id name } ... on Federation { id name } }
  reviews { decision level reviewerName at comment } }
  _allNominationsMeta(filter: { awaitingMyReview: true }) { count } }`;
const Q5 = `mutation Q5($id: ID!) { reviewNomination(id: $id, decision: APPROVE, comment: "Đồng ý khen thưởng.") { id status version award { id decisionNumber } } }`;
const LOGIN = `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id username } } }`;
const ME = `query Me { me { id username fullName role scopeUnitId } }`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url || !/^(mysql|mariadb):\/\//.test(url)) throw new Error('set DATABASE_URL=mysql://… (a database filled by npm run seed:synthetic)');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const { topUpFederationQueue } = await import('../server/db/synthetic');
  const pool = poolFor(url, 4);

  // ---- the data and the accounts ----
  const [[counts]] = await pool.query<Row[]>(
    `SELECT (SELECT COUNT(*) FROM org_unit WHERE level = 'FEDERATION') f, (SELECT COUNT(*) FROM org_unit WHERE level = 'UNION') u,
            (SELECT COUNT(*) FROM org_unit WHERE level = 'GRASSROOTS') g, (SELECT COUNT(*) FROM org_unit WHERE level = 'TEAM') t,
            (SELECT COUNT(*) FROM member) m, (SELECT COUNT(*) FROM nomination) n, (SELECT COUNT(*) FROM award) a, VERSION() AS v`,
  );
  const members = Number(counts.m);
  const size = opts.size ?? (members <= 200_000 ? 'S' : members <= 2_000_000 ? 'M' : 'L');
  const [accountRows] = await pool.query<Row[]>("SELECT id, username, full_name, role, scope_unit_id FROM account WHERE username LIKE 'bench.%'");
  const acct = new Map(accountRows.map((a) => [a.username as string, a]));
  for (const u of ['bench.admin', 'bench.fed', 'bench.chair', 'bench.analyst']) if (!acct.has(u)) throw new Error(`account ${u} is missing: fill the database with npm run seed:synthetic`);
  const fed = Number(acct.get('bench.fed')!.scope_unit_id);
  const gu = Number(acct.get('bench.chair')!.scope_unit_id);
  const fedAdmin = acct.get('bench.fed')!;
  const [[fedRow]] = await pool.query<Row[]>('SELECT name, (SELECT COUNT(*) FROM member WHERE federation_id = ?) AS members FROM org_unit WHERE id = ?', [fed, fed]);
  const [[guRow]] = await pool.query<Row[]>('SELECT name, (SELECT COUNT(*) FROM member WHERE grassroots_union_id = ?) AS members FROM org_unit WHERE id = ?', [gu, gu]);

  // ---- servers ----
  let mode = opts.server;
  if (opts.build) {
    log('Building (npm run build) …');
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  if (mode === 'auto') mode = distFresh() ? 'dist' : 'ts-node';
  if (mode === 'dist' && !fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('dist/server/main.js is missing: npm run build (or --build)');
  if (opts.server === 'auto' && mode === 'ts-node') log('dist/ is missing or older than server/: running the API with ts-node (pass --build to measure the built server)');
  const [apiPort, floorPort, peerPort] = [await freePort(), await freePort(), await freePort()];
  const env = { DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET, TOKEN_TTL_SECONDS: String(TOKEN_TTL), ADMIN_PASSWORD: '', SEED_DEMO: '' };
  const apiArgs = mode === 'dist' ? ['dist/server/main.js'] : ['-r', 'ts-node/register/transpile-only', 'server/main.ts'];
  const api = startChild('API', apiArgs, env, apiPort);
  const floor = startChild('floor', ['-r', 'ts-node/register/transpile-only', path.relative(ROOT, __filename), '--serve-floor'], env, floorPort);
  children.push(api.proc, floor.proc);
  // The peer: PostGraphile 5 on the PostgreSQL copy of this database (bench/postgraphile/README.md).
  const peerDir = path.join(ROOT, 'bench/postgraphile');
  if (opts.peer && !fs.existsSync(path.join(peerDir, 'node_modules/.bin/node'))) {
    throw new Error('--peer postgraphile: run npm install in bench/postgraphile, then node load.mjs <database> (bench/postgraphile/README.md)');
  }
  const peer = opts.peer
    ? startChild('PostGraphile', [path.join(peerDir, 'server.mjs')], { DATABASE: new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.slice(1), POOL_SIZE: String(poolSizeOf(url)), JWT_SECRET }, peerPort, path.join(peerDir, 'node_modules/.bin/node'))
    : null;
  if (peer) children.push(peer.proc);
  await Promise.all([waitHealthy(api, 'API'), waitHealthy(floor, 'floor'), ...(peer ? [waitHealthy(peer, 'PostGraphile')] : [])]);
  log(`API (${mode}) on :${apiPort}, floor on :${floorPort}${peer ? `, PostGraphile on :${peerPort}` : ''}`);

  const maxClients = Math.max(...opts.clients);
  const targets: Record<Side, Target> = {
    api: { name: 'api', port: apiPort, agent: new http.Agent({ keepAlive: true, maxSockets: maxClients }), pid: api.proc.pid! },
    floor: { name: 'floor', port: floorPort, agent: new http.Agent({ keepAlive: true, maxSockets: maxClients }), pid: floor.proc.pid! },
    peer: { name: 'peer', port: peerPort, agent: new http.Agent({ keepAlive: true, maxSockets: maxClients }), pid: peer?.proc.pid ?? 0 },
  };

  // tokens, through the API's own login
  const token = async (username: string) => {
    const body = await expectOk(targets.api, { method: 'POST', path: '/graphql', body: gql(LOGIN, { u: username, p: PASSWORD }) });
    return JSON.parse(body).data.login.token as string;
  };
  const tokens = { chair: await token('bench.chair'), fed: await token('bench.fed'), analyst: await token('bench.analyst') };

  // ---- the queries ----
  const q2Variants = FAMILY_NAMES.flatMap((q, i) => [{ q, gender: i % 2 ? 'MALE' : 'FEMALE' }, { q, gender: i % 2 ? 'FEMALE' : 'MALE' }]);
  const q2Api = q2Variants.map((v) => gql(Q2, { f: { q: v.q, gender: [v.gender] } }));
  const q2Floor = q2Variants.map((v) => JSON.stringify({ q: v.q, gender: v.gender }));
  const gqlPost = (body: string, tok?: string): Req => ({ method: 'POST', path: '/graphql', body, token: tok });
  const q1Api = gql(Q1);
  const q1Floor = '{}';
  const q1Peer = gql(PEER_Q1);
  const q3Api = gql(Q3, { unit: String(fed) });
  const q3Floor = JSON.stringify({ fed });
  const q4Api = gql(Q4);
  const q4Floor = '{}';
  const loginApi = gql(LOGIN, { u: 'bench.chair', p: PASSWORD });
  const loginFloor = JSON.stringify({ username: 'bench.chair', password: PASSWORD });
  const meApi = gql(ME);
  let q5Ids: { api: number[]; floor: number[] } = { api: [], floor: [] };
  let q5Base = { api: 0, floor: 0 };

  const queries: QueryDef[] = [
    {
      id: 'Q1', who: 'bench.chair (GRASSROOTS_CHAIR)', what: `50 members of a grassroots union by name + team + total (${Number(guRow.members)} members)`,
      api: async (t) => void (await expectOk(t, gqlPost(q1Api, tokens.chair))),
      floor: async (t) => void (await expectOk(t, { method: 'POST', path: '/q1', body: q1Floor, token: tokens.chair })),
      peer: peer ? async (t) => void (await expectOk(t, gqlPost(q1Peer, tokens.chair))) : undefined,
    },
    {
      id: 'Q2', who: 'bench.fed (FEDERATION_ADMIN)', what: `50 members of the federation by family name (q) and gender + unit names + total (${Number(fedRow.members)} members)`,
      api: async (t, i) => void (await expectOk(t, gqlPost(q2Api[i % q2Api.length], tokens.fed))),
      floor: async (t, i) => void (await expectOk(t, { method: 'POST', path: '/q2', body: q2Floor[i % q2Floor.length], token: tokens.fed })),
    },
    {
      id: 'Q3', who: 'bench.analyst (ANALYST, unscoped)', what: 'active members of the federation by child unit and gender',
      api: async (t) => void (await expectOk(t, gqlPost(q3Api, tokens.analyst))),
      floor: async (t) => void (await expectOk(t, { method: 'POST', path: '/q3', body: q3Floor, token: tokens.analyst })),
    },
    {
      id: 'Q4', who: 'bench.fed (FEDERATION_ADMIN)', what: 'approval queue: 50 awaiting its review + nominee, award type, reviews + total',
      api: async (t) => void (await expectOk(t, gqlPost(q4Api, tokens.fed))),
      floor: async (t) => void (await expectOk(t, { method: 'POST', path: '/q4', body: q4Floor, token: tokens.fed })),
    },
    {
      id: 'Q6', who: 'bench.chair', what: '`login` (scrypt) then `me` with the token',
      api: async (t) => {
        const body = await expectOk(t, gqlPost(loginApi));
        await expectOk(t, gqlPost(meApi, JSON.parse(body).data.login.token));
      },
      floor: async (t) => {
        const body = await expectOk(t, { method: 'POST', path: '/q6login', body: loginFloor });
        await expectOk(t, { method: 'POST', path: '/q6me', body: '{}', token: JSON.parse(body).data.login.token });
      },
    },
    {
      id: 'Q5', who: 'bench.fed (FEDERATION_ADMIN)', what: 'approve one PENDING nomination (decides: award, decision number, history, audit)', write: true,
      api: async (t, i) => void (await expectOk(t, gqlPost(gql(Q5, { id: String(q5Ids.api[q5Base.api + i]) }), tokens.fed))),
      floor: async (t, i) =>
        void (await expectOk(t, {
          method: 'POST', path: '/q5', token: tokens.fed,
          body: JSON.stringify({ id: q5Ids.floor[q5Base.floor + i], comment: 'Đồng ý khen thưởng.' }),
        })),
    },
  ];
  const selected = queries.filter((q) => !opts.only || opts.only.has(q.id));

  // ---- the same answers? (rows and totals of one request each) ----
  const parse = async (t: Target, r: Req) => JSON.parse(await expectOk(t, r)).data;
  const same = (name: string, a: unknown, b: unknown) => {
    const ok = JSON.stringify(a) === JSON.stringify(b);
    log(`check ${name}: API and floor ${ok ? 'agree' : `DIFFER\n  api:   ${JSON.stringify(a).slice(0, 400)}\n  floor: ${JSON.stringify(b).slice(0, 400)}`}`);
    return ok;
  };
  {
    const a1 = await parse(targets.api, gqlPost(q1Api, tokens.chair));
    const f1 = await parse(targets.floor, { method: 'POST', path: '/q1', body: q1Floor, token: tokens.chair });
    same('Q1', [a1._allMembersMeta.count, a1.allMembers], [f1._allMembersMeta.count, f1.allMembers]);
    if (peer) {
      // PostGraphile's answer in the API's shape: row ids as strings, the team edge as `team`
      const p1 = (await parse(targets.peer, gqlPost(q1Peer, tokens.chair))).allMembers;
      const rows = p1.nodes.map(({ rowId, orgUnitByTeamId: t, ...m }: Json & { rowId: number; orgUnitByTeamId: { rowId: number; name: string } | null }) => ({
        id: String(rowId), ...m, team: t ? { id: String(t.rowId), name: t.name } : null,
      }));
      same('Q1 (PostGraphile)', [p1.totalCount, rows], [f1._allMembersMeta.count, f1.allMembers]);
    }
    const a2 = await parse(targets.api, gqlPost(q2Api[0], tokens.fed));
    const f2 = await parse(targets.floor, { method: 'POST', path: '/q2', body: q2Floor[0], token: tokens.fed });
    same('Q2', [a2._allMembersMeta.count, a2.allMembers], [f2._allMembersMeta.count, f2.allMembers]);
    const key = (s: { unitId: string | null; gender: string }) => `${s.unitId}:${s.gender}`;
    const a3 = await parse(targets.api, gqlPost(q3Api, tokens.analyst));
    const f3 = await parse(targets.floor, { method: 'POST', path: '/q3', body: q3Floor, token: tokens.analyst });
    const sort3 = (l: { unitId: string | null; gender: string }[]) => [...l].sort((x, y) => key(x).localeCompare(key(y)));
    same('Q3', sort3(a3.memberStats), sort3(f3.memberStats));
    const a4 = await parse(targets.api, gqlPost(q4Api, tokens.fed));
    const f4 = await parse(targets.floor, { method: 'POST', path: '/q4', body: q4Floor, token: tokens.fed });
    same('Q4', [a4._allNominationsMeta.count, a4.allNominations], [f4._allNominationsMeta.count, f4.allNominations]);
    log(`Q4: ${a4._allNominationsMeta.count} nominations awaiting bench.fed's review`);
  }

  // ---- measure ----
  interface Cell {
    api: Point[];
    floor: Point[];
    peer: Point[];
  }
  const results = new Map<string, Cell>();
  const started = Date.now();
  const load0 = os.loadavg()[0];
  let benchMade: number[] = [];
  for (const q of selected) {
    if (q.write) {
      // a fresh queue for the approvals of this run: the generated queue stays as Q4 measured it
      const need = opts.rounds * opts.q5.reduce((s, n) => s + n, 0);
      log(`Q5: adding ${2 * need} PENDING nominations to the federation's queue for this run …`);
      benchMade = await topUpFederationQueue(pool, fed, 2 * need, Date.now() % 1000);
      if (benchMade.length < 2 * need) throw new Error(`only ${benchMade.length} nominees available for Q5; lower --q5`);
      q5Ids = { api: benchMade.filter((_, i) => i % 2 === 0), floor: benchMade.filter((_, i) => i % 2 === 1) };
    }
    for (const [ci, clients] of opts.clients.entries()) {
      const cell: Cell = { api: [], floor: [], peer: [] };
      const sides: Side[] = q.peer ? ['api', 'floor', 'peer'] : ['api', 'floor'];
      for (let round = 0; round < opts.rounds; round++) {
        // interleaved: each round starts with another side
        const order = sides.map((_, k) => sides[(k + round) % sides.length]);
        for (const side of order) {
          const fixed = q.write ? opts.q5[ci] : undefined;
          const p = await runPoint(targets[side], q[side]!, clients, { seconds: opts.seconds, warmup: q.write ? 0 : opts.warmup, fixed });
          if (q.write) q5Base[side as 'api' | 'floor'] += fixed!;
          cell[side].push(p);
          log(
            `${q.id} ${String(clients).padStart(2)} clients ${side.padEnd(5)} round ${round + 1}: ${p.rps.toFixed(1).padStart(8)} req/s  p50 ${p.p50.toFixed(1)} ms  p99 ${p.p99.toFixed(1)} ms` +
              `  CPU ${p.cpuMs.toFixed(2)} ms/op  RSS ${p.rssMb.toFixed(0)} MB${p.errors ? `  ${p.errors} errors: ${p.firstError}` : ''}`,
          );
        }
      }
      results.set(`${q.id}:${clients}`, cell);
    }
  }
  if (benchMade.length) {
    // the run's own nominations that no request approved leave the queue again
    const [del] = await pool.query<mysql.ResultSetHeader>("DELETE FROM nomination WHERE id IN (?) AND status = 'PENDING' AND version <= 3", [benchMade]);
    await pool.query('DELETE e FROM nomination_event e LEFT JOIN nomination n ON n.id = e.nomination_id WHERE e.nomination_id IN (?) AND n.id IS NULL', [benchMade]);
    log(`Q5: removed ${del.affectedRows} unused benchmark nominations`);
  }
  const load1 = os.loadavg()[0];

  // ---- report ----
  const median = (xs: number[]) => {
    const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (!s.length) return NaN;
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const f1 = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
  const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
  const lines: string[] = [];
  const date = new Date();
  lines.push(`# Benchmark ${size}, ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(
    `Data: ${Number(counts.f)} federations, ${Number(counts.u)} unions, ${Number(counts.g).toLocaleString('en-US')} grassroots unions, ${Number(counts.t).toLocaleString('en-US')} teams, ` +
      `${members.toLocaleString('en-US')} members, ${Number(counts.n).toLocaleString('en-US')} nominations, ${Number(counts.a).toLocaleString('en-US')} awards (before Q5). ` +
      `bench.fed: ${fedRow.name} (${Number(fedRow.members).toLocaleString('en-US')} members); bench.chair: ${guRow.name} (${Number(guRow.members)} members).`,
  );
  lines.push(
    `Machine: ${os.cpus().length} CPUs (shared by server, database and load generator; other developers' jobs too), Node ${process.version}, MariaDB ${counts.v}; ` +
      `load average ${load0.toFixed(2)} → ${load1.toFixed(2)}. API: ${mode === 'dist' ? 'node dist/server/main.js' : 'ts-node server/main.ts'}, NODE_ENV=production, ` +
      `pool ${poolSizeOf(url)} connections (floor the same). ${opts.seconds} s per point after ${opts.warmup} s warm-up, ${opts.rounds} round(s), medians over rounds; ` +
      `Q5: ${opts.q5.join('/')} requests per point. Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
  if (opts.peer) {
    const v = spawnSync(path.join(ROOT, 'bench/postgraphile/node_modules/.bin/node'), ['-p', "process.version + ' ' + JSON.parse(require('fs').readFileSync('node_modules/postgraphile/package.json', 'utf8')).version"], { cwd: path.join(ROOT, 'bench/postgraphile'), encoding: 'utf8' });
    const pgv = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'SHOW server_version'], { encoding: 'utf8' });
    const [node, pgl] = v.stdout.trim().split(' ');
    lines.push(
      `Peer: PostGraphile ${pgl} (amber preset, Node ${node}) on PostgreSQL ${pgv.stdout.trim()}, the same rows (bench/postgraphile/load.mjs), ` +
        `the same JWT verified and the caller resolved (cached 5 s), the scope applied by row-level security; pool ${poolSizeOf(url)}.`,
    );
  }
  lines.push('');
  const peerCols = opts.peer ? ' PostGraphile req/s | PostGraphile p50 ms | PostGraphile p99 ms | API/PostGraphile |' : '';
  lines.push(
    `| query | who | clients | API req/s | API p50 ms | API p99 ms | floor req/s | floor p50 ms | floor p99 ms | API/floor | API RSS MB (max) | errors | API CPU ms/op | floor CPU ms/op |${peerCols}`,
  );
  lines.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${opts.peer ? ' ---: | ---: | ---: | ---: |' : ''}`);
  for (const q of selected) {
    for (const clients of opts.clients) {
      const c = results.get(`${q.id}:${clients}`)!;
      const a = { rps: median(c.api.map((p) => p.rps)), p50: median(c.api.map((p) => p.p50)), p99: median(c.api.map((p) => p.p99)) };
      const f = { rps: median(c.floor.map((p) => p.rps)), p50: median(c.floor.map((p) => p.p50)), p99: median(c.floor.map((p) => p.p99)) };
      const pr = { rps: median(c.peer.map((p) => p.rps)), p50: median(c.peer.map((p) => p.p50)), p99: median(c.peer.map((p) => p.p99)) };
      const errors = [...c.api, ...c.floor, ...c.peer].reduce((s, p) => s + p.errors, 0);
      lines.push(
        `| ${q.id} | ${q.who} | ${clients} | ${f1(a.rps)} | ${f1(a.p50)} | ${f1(a.p99)} | ${f1(f.rps)} | ${f1(f.p50)} | ${f1(f.p99)} | ${f2(a.rps / f.rps)} | ` +
          `${Math.max(...c.api.map((p) => p.rssMb)).toFixed(0)} | ${errors} | ${f2(median(c.api.map((p) => p.cpuMs)))} | ${f2(median(c.floor.map((p) => p.cpuMs)))} |` +
          (opts.peer ? ` ${f1(pr.rps)} | ${f1(pr.p50)} | ${f1(pr.p99)} | ${f2(a.rps / pr.rps)} |` : ''),
      );
    }
  }
  lines.push('');
  for (const q of selected) lines.push(`- ${q.id}: ${q.what}`);
  const firstErrors = [...results.entries()].flatMap(([k, c]) => [...c.api, ...c.floor, ...c.peer].filter((p) => p.firstError).map((p) => `${k}: ${p.firstError}`));
  if (firstErrors.length) {
    lines.push('');
    lines.push('Errors (first of each point):');
    for (const e of firstErrors.slice(0, 20)) lines.push(`- ${e.replace(/\n/g, ' ')}`);
  }
  const report = lines.join('\n') + '\n';
  process.stdout.write(`\n${report}`);
  if (opts.write) {
    const dir = path.resolve(ROOT, opts.out);
    fs.mkdirSync(dir, { recursive: true });
    let file = path.join(dir, `${date.toISOString().slice(0, 10)}-${size}.md`);
    if (fs.existsSync(file)) file = path.join(dir, `${date.toISOString().slice(0, 10)}-${size}-${date.toISOString().slice(11, 16).replace(':', '')}.md`);
    fs.writeFileSync(file, report);
    log(`written to ${path.relative(ROOT, file)}`);
  }
  await pool.end();
}

if (process.argv.includes('--serve-floor')) {
  serveFloor().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else if (require.main === module) {
  process.on('SIGINT', () => {
    stopChildren();
    process.exit(130);
  });
  main()
    .then(() => {
      stopChildren();
      setTimeout(() => process.exit(0), 500).unref();
    })
    .catch((e) => {
      process.stderr.write(`\n${e instanceof Error ? e.message : String(e)}\n`);
      stopChildren();
      setTimeout(() => process.exit(1), 500).unref();
    });
}
