import type { IncomingMessage, ServerResponse } from 'node:http';
import Papa from 'papaparse';
import { coerceInputValue, getNamedType, GraphQLError, GraphQLInputType, GraphQLSchema, isInputType, isLeafType, isObjectType } from 'graphql';
import type { Caller } from '../auth/caller';
import { hasPermission } from '../auth/permissions';
import { AppError, badInput, forbidden, unauthenticated } from '../common/errors';
import { LIMITS } from '../common/limits';
import type { Services } from '../graphql/services';
import { allResources, type Resource } from '../kit/resource';
import type { Row } from '../kit/service';
import type { Keyset } from '../common/list';
import { signExportLink, verifyExportLink } from './export-link';

/**
 * The bulk export: `GET /export/<resource>.csv?filter=<json>&sortField=…&sortOrder=…` streams a
 * whole list as CSV, for scripts (a bearer token in the Authorization header, JWT or personal
 * token) and for browser downloads (a signed link from the `exportUrl` query). It is the list
 * itself, not a copy of its rules: the filter is checked against the list's GraphQL filter type
 * (the same coercion and the same refusals as `allXs(filter:)`), and rows are read by the
 * resource service's keyset pages (kit/service.ts: the list's scope, filters, order and
 * personal-data masking), one page in memory at a time, each written only once the client has
 * taken the previous one (backpressure). Refusals are the contract's JSON errors, before the
 * first byte of CSV.
 */

/** What a spreadsheet would run as a formula: the first character decides (see admin/src/common/exportCells.ts, FORMULA_TRIGGER, for why papaparse's own pattern is not used). */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, BAD_REQUEST: 400 };

/** The URL name of a resource: its plural in lower camel case, as the panel names it (`members`, `grassrootsUnions`). */
export const exportName = (r: Resource<any>) => r.plural.charAt(0).toLowerCase() + r.plural.slice(1);

/** A cell: numbers stay numbers (so -5 is never escaped), dates as ISO text, null as empty. */
function cell(v: unknown): string | number {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** CSV lines (CRLF, each line ended) with hostile cells neutralised by papaparse's own option, given our pattern. */
function csvLines(rows: (string | number)[][]): string {
  if (!rows.length) return '';
  return (
    Papa.unparse(rows, {
      escapeFormulae: FORMULA_TRIGGER,
      newline: '\r\n',
      // Excel under a Vietnamese locale splits on semicolons: quoted, such a cell stays one cell.
      quotes: (value: unknown) => typeof value === 'string' && value.includes(';'),
    }) + '\r\n'
  );
}

class Refusal extends Error {
  constructor(readonly status: number, readonly error: AppError | GraphQLError) {
    super(error.message);
  }
}
const refuse = (e: AppError) => new Refusal(STATUS[String(e.extensions.code)] ?? 400, e);

export class CsvExport {
  constructor(
    private readonly s: Services,
    private readonly schema: GraphQLSchema,
  ) {}

  /** The exportable resource named in a path, or null. */
  resourceNamed(name: string): Resource<any> | null {
    const r = allResources().find((x) => exportName(x) === name && x.exportable !== false);
    return r ?? null;
  }

  /**
   * The columns of a resource's CSV: `id`, then every field of its GraphQL type that is a plain
   * value (scalar or enum, no arguments) stored in a column, in the type's order. What the list
   * answers of each row, minus the objects it links to.
   */
  columns(r: Resource<any>): string[] {
    const type = this.schema.getType(r.name);
    if (!isObjectType(type)) return ['id'];
    const meta = this.s.db.ds.getMetadata(r.entity);
    const out = ['id'];
    for (const f of Object.values(type.getFields())) {
      if (f.name === 'id' || f.args.length || !isLeafType(getNamedType(f.type))) continue;
      if (meta.findColumnWithPropertyName(f.name)) out.push(f.name);
    }
    return out;
  }

  /** A signed link to an export, for the caller (who must be able to read it now). */
  async link(caller: Caller, name: string, params: { filter?: string | null; sortField?: string | null; sortOrder?: string | null }): Promise<string> {
    if (caller.apiTokenId != null) throw forbidden('A personal token sends the export request itself, with its Authorization header');
    const r = this.resourceNamed(name);
    if (!r) throw badInput('resource', `no export named ${JSON.stringify(name).slice(0, 60)}`);
    if (!hasPermission(caller.role, r.permissions.read)) throw forbidden();
    const p: Record<string, string> = {};
    for (const k of ['filter', 'sortField', 'sortOrder'] as const) if (params[k] != null && params[k] !== '') p[k] = params[k]!;
    // The same checks as the download, now: a link is only made for an export that would run.
    try {
      await this.first(caller, r, this.args(r, p));
    } catch (e) {
      throw e instanceof Refusal ? e.error : e;
    }
    const query = signExportLink(this.s.config.jwtSecret, {
      resource: name, params: p, userId: caller.user.id, tokenVersion: caller.user.tokenVersion, expiresAt: Date.now() + LIMITS.exportLinkMs,
    });
    return `/export/${name}.csv?${query}`;
  }

  /** The caller of a request: its bearer token, or a signed link's account. */
  private async caller(req: IncomingMessage, name: string, q: URLSearchParams): Promise<Caller> {
    const auth = req.headers.authorization;
    if (auth) {
      const caller = auth.startsWith('Bearer ') ? await this.s.account.callerFromToken(auth.slice(7).trim()) : null;
      if (!caller) throw refuse(unauthenticated());
      return caller;
    }
    if (q.has('sig')) {
      const claims = verifyExportLink(this.s.config.jwtSecret, name, q);
      const caller = claims && (await this.s.account.callerAtVersion(claims.userId, claims.tokenVersion));
      if (!caller) throw refuse(unauthenticated('The export link is invalid or has expired: ask for a new one'));
      return caller;
    }
    throw refuse(unauthenticated());
  }

  /** The list arguments of a request, the filter coerced by the list's own GraphQL input type. */
  private args(r: Resource<any>, q: URLSearchParams | Record<string, string>) {
    const get = (k: string) => (q instanceof URLSearchParams ? q.get(k) : (q[k] ?? null));
    let filter: unknown = null;
    const raw = get('filter');
    if (raw != null && raw !== '') {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw refuse(badInput('filter', 'is not JSON'));
      }
      const type = this.schema.getType(`${r.name}Filter`);
      if (!isInputType(type)) throw refuse(badInput('filter', 'this list takes no filter'));
      const problems: string[] = [];
      filter = coerceInputValue(json, type as GraphQLInputType, (path, _value, error) => problems.push(`${path.length ? path.join('.') + ': ' : ''}${error.message}`));
      if (problems.length) throw refuse(badInput('filter', problems[0].replace(/ ?Did you mean .+\?$/, '')));
    }
    return { filter: filter as object | null, sortField: get('sortField'), sortOrder: get('sortOrder') };
  }

  /** The first page: every refusal of the list (scope, filter, sort, personal data) happens here, before any byte is sent. */
  private async first(caller: Caller, r: Resource<any>, args: ReturnType<CsvExport['args']>) {
    try {
      return await this.s.of(r).keysetPage(caller, args, null, LIMITS.exportPage);
    } catch (e) {
      if (e instanceof AppError) throw refuse(e);
      throw e;
    }
  }

  /** Answers GET /export/<name>.csv (the server routes every /export/ path here). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const name = /^\/export\/([A-Za-z]{1,64})\.csv$/.exec(url.pathname)?.[1];
    try {
      if (req.method !== 'GET') throw new Refusal(405, new AppError('BAD_REQUEST', 'Exports are read with GET'));
      const r = name ? this.resourceNamed(name) : null;
      if (!r || !name) throw refuse(new AppError('NOT_FOUND', `No such export: ${url.pathname.slice(0, 80)} (try /export/members.csv)`));
      const caller = await this.caller(req, name, url.searchParams);
      if (!hasPermission(caller.role, r.permissions.read)) throw refuse(forbidden());
      const args = this.args(r, url.searchParams);
      const page = await this.first(caller, r, args);
      await this.stream(res, name, r, caller, args, page);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const body = JSON.stringify({ errors: [{ message: e.error.message, extensions: { code: e.error.extensions.code, ...(e.error.extensions.field ? { field: e.error.extensions.field } : {}) } }] });
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(e.status === 405 ? { allow: 'GET' } : {}) });
      res.end(body);
    }
  }

  private async stream(res: ServerResponse, name: string, r: Resource<any>, caller: Caller, args: ReturnType<CsvExport['args']>, first: { rows: Row[]; next: Keyset | null }) {
    const columns = this.columns(r);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
      'cache-control': 'no-store',
    });
    let closed = false;
    res.on('close', () => (closed = true));
    /** Writes a chunk; waits until the client has taken it when the socket's buffer is full. */
    const write = async (chunk: string) => {
      // A client that left is never waited for ('close' has already been emitted).
      if (closed || res.destroyed || res.write(chunk) || closed || res.destroyed) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    };
    const lines = (rows: Row[]) => csvLines(rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c]))));
    const svc = this.s.of(r);
    let pending: Promise<{ rows: Row[]; next: Keyset | null }> | null = null;
    try {
      // A BOM, or Excel reads the UTF-8 of Vietnamese names as Windows-1258.
      let chunk = '\ufeff' + csvLines([columns]);
      let page = first;
      for (;;) {
        // The next page is read while this one is written (and waits for the client): at most two pages in memory.
        pending = page.next && !closed ? svc.keysetPage(caller, args, page.next, LIMITS.exportPage) : null;
        await write(chunk + lines(page.rows));
        chunk = '';
        if (!pending || closed) break;
        page = await pending;
        pending = null;
      }
      // A page still being read for a client that left is not needed.
      pending?.catch(() => undefined);
      res.end();
    } catch (e) {
      pending?.catch(() => undefined);
      // Too late for an error status: cut the response, so that the client sees a failed download, never a short file.
      console.error(e);
      res.destroy(e as Error);
    }
  }
}

const instances = new WeakMap<GraphQLSchema, WeakMap<Services, CsvExport>>();

/** The export of a process's services and schema (made once). */
export function csvExportOf(services: Services, schema: GraphQLSchema): CsvExport {
  let bySchema = instances.get(schema);
  if (!bySchema) instances.set(schema, (bySchema = new WeakMap()));
  let e = bySchema.get(services);
  if (!e) bySchema.set(services, (e = new CsvExport(services, schema)));
  return e;
}
