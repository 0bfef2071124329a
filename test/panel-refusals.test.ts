/**
 * What the panel needs of the server's refusals to say them in the user's language (issue 12):
 * a machine-readable `extensions.rule` (and field, and the values the sentence needs) beside the
 * contract's code, on single refusals, batch rows and import rows; a duplicate nomination refused
 * when saved (not only at submit); the award types a unit may propose (`proposableBy`); no two
 * live teams of one grassroots union with one name. And the panel's own mapping
 * (admin/src/providers/errors.ts): every rule the server names is worded in both dictionaries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, TestServer } from './support/harness';
import { CREATE, expectRefused, freshMember, N, nominate, REVIEW, REVIEW_MANY, S, setup, submit, UPDATE, YEAR } from './support/nominations';
import { CODES, RULES, ruleOf, wordRefusal, type Translate } from '../admin/src/providers/errors';
import { vi } from '../admin/src/i18n/vi';
import { en } from '../admin/src/i18n/en';

let t: TestServer;
let a: S;
beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
});
afterAll(() => t?.stop());

describe('refusals name their rule', () => {
  it('a duplicate nomination is refused when it is created and when a draft is edited into one, not only at submit', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const first = await nominate(a.chair, { type: 'GK_CDCS_CN', member: m });
    const e = await expectRefused(a.chair, CREATE, N(a, { type: 'GK_CDCS_CN', member: m }), 'BAD_USER_INPUT', { rule: 'DUPLICATE_NOMINATION', field: 'awardTypeId' });
    // The message stays what clients relied on (logs, scripts).
    expect(e.message).toMatch(/already has an open nomination .*\[DUPLICATE_NOMINATION\]/);
    const other = await freshMember(a, t.fx.G1.id);
    const second = await nominate(a.chair, { type: 'GK_CDCS_CN', member: other });
    await expectRefused(a.chair, UPDATE, { id: second.id, m }, 'BAD_USER_INPUT', { rule: 'DUPLICATE_NOMINATION' });
    // Another year is another nomination; a withdrawn one no longer blocks.
    await nominate(a.chair, { type: 'GK_CDCS_CN', member: m, year: YEAR - 1 });
    await a.chair.q('mutation($id: ID!) { withdrawNomination(id: $id) { id } }', { id: first.id });
    expect((await a.chair.q(UPDATE, { id: second.id, m })).updateNomination.nomineeMemberId).toBe(m);
  });

  it('the award type outside the nominating unit’s chain names DECIDING_LEVEL and the level', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    await expectRefused(a.fedAdmin, CREATE, N(a, { type: 'GK_CDCS_CN', member: m, nominatingUnitId: t.fx.F1.id }), 'BAD_USER_INPUT', {
      rule: 'DECIDING_LEVEL', decidingLevel: 'GRASSROOTS', field: 'awardTypeId',
    });
  });

  it('review refusals: FOUR_EYES, WRONG_STATUS (with the status), STALE_VERSION, COMMENT_REQUIRED; batch rows carry the rule', async () => {
    const m = await freshMember(a, t.fx.G1.id);
    const draft = await nominate(a.chair, { type: 'GK_CDCS_CN', member: m });
    await expectRefused(a.chairB, REVIEW, { id: draft.id, d: 'APPROVE' }, 'CONFLICT', { rule: 'WRONG_STATUS', status: 'DRAFT' });
    const pending = await submit(a.chair, draft.id);
    await expectRefused(a.chair, REVIEW, { id: draft.id, d: 'APPROVE' }, 'FORBIDDEN', { rule: 'FOUR_EYES' });
    await expectRefused(a.chairB, REVIEW, { id: draft.id, d: 'APPROVE', v: pending.version - 1 }, 'CONFLICT', { rule: 'STALE_VERSION' });
    await expectRefused(a.chairB, REVIEW, { id: draft.id, d: 'REJECT' }, 'BAD_USER_INPUT', { rule: 'COMMENT_REQUIRED', field: 'comment' });
    const rows = (await a.chair.q(REVIEW_MANY.replace('id ok code message', 'id ok code rule message'), { ids: [draft.id], d: 'APPROVE' })).reviewNominations;
    expect(rows).toEqual([expect.objectContaining({ id: draft.id, ok: false, code: 'FORBIDDEN', rule: 'FOUR_EYES' })]);
  });

  it('a role without the permission: FORBIDDEN naming PERMISSION and the permission', async () => {
    await expectRefused(a.analyst, 'mutation($g: ID!) { createMember(fullName: "X Y", gender: MALE, grassrootsUnionId: $g) { id } }', { g: t.fx.G1.id }, 'FORBIDDEN', {
      rule: 'PERMISSION', permission: 'WriteMember',
    });
  });

  it('dissolving a unit that still has units and members: CONFLICT naming UNIT_NOT_EMPTY with the counts', async () => {
    const e = await expectRefused(a.sys, 'mutation($id: ID!) { deleteGrassrootsUnion(id: $id) { id } }', { id: t.fx.G1.id }, 'CONFLICT', { rule: 'UNIT_NOT_EMPTY' });
    expect((e.extensions as any).units).toBeGreaterThanOrEqual(2);
    expect((e.extensions as any).members).toBeGreaterThan(0);
  });

  it('import rows name their rule: REQUIRED, NOT_A_DATE (31/02), DATE_FORMAT, GENDER, REPEATED with the other row', async () => {
    const r = await a.chair.q(
      `mutation($g: ID!, $rows: [MemberImportRow!]!) { importMembers(grassrootsUnionId: $g, rows: $rows, mode: VALID_ROWS, dryRun: true) { errors { row column rule otherRow message } } }`,
      {
        g: t.fx.G1.id,
        rows: [
          { fullName: 'Không Giới', gender: '' },
          { fullName: 'Ngày Sai', gender: 'Nữ', birthDate: '31/02/1990' },
          { fullName: 'Ngày Lạ', gender: 'Nam', joinedAt: 'hôm qua' },
          { fullName: 'Giới Lạ', gender: 'khác' },
          { fullName: '', gender: 'Nam' },
          { fullName: 'Thẻ Một', gender: 'Nam', cardNumber: 'IMP-77' },
          { fullName: 'Thẻ Hai', gender: 'Nữ', cardNumber: 'IMP-77' },
        ],
      },
    );
    expect(r.importMembers.errors.map((e: any) => [e.row, e.column, e.rule, e.otherRow])).toEqual([
      [2, 'gender', 'REQUIRED', null],
      [3, 'birthDate', 'NOT_A_DATE', null],
      [4, 'joinedAt', 'DATE_FORMAT', null],
      [5, 'gender', 'GENDER', null],
      [6, 'fullName', 'REQUIRED', null],
      [8, 'cardNumber', 'REPEATED', 7],
    ]);
  });
});

describe('award types a unit may propose (proposableBy)', () => {
  const q = `query($u: ID!) { allAwardTypes(filter: { proposableBy: $u }, perPage: 100) { code decidingLevel } _allAwardTypesMeta(filter: { proposableBy: $u }) { count } }`;
  const levels = async (api: any, unit: number | string) => {
    const r = await api.q(q, { u: unit });
    expect(r._allAwardTypesMeta.count).toBe(r.allAwardTypes.length);
    return new Set(r.allAwardTypes.map((x: any) => x.decidingLevel));
  };

  it('a grassroots union under a union: its own level and above; one directly under the federation skips UNION; a federation only FEDERATION and CONFEDERATION', async () => {
    expect([...(await levels(a.chair, t.fx.G1.id))].sort()).toEqual(['CONFEDERATION', 'FEDERATION', 'GRASSROOTS', 'UNION']);
    expect([...(await levels(a.chairG3, t.fx.G3.id))].sort()).toEqual(['CONFEDERATION', 'FEDERATION', 'GRASSROOTS']);
    expect([...(await levels(a.fedAdmin, t.fx.F1.id))].sort()).toEqual(['CONFEDERATION', 'FEDERATION']);
    // What the filter offers, createNomination accepts: every type the federation is offered passes the chain rule.
    const offered = (await a.fedAdmin.q(q, { u: t.fx.F1.id })).allAwardTypes.map((x: any) => x.code);
    expect(offered).not.toContain('GK_CDCS_CN');
    expect(offered).toContain('BK_LDLD_CN');
  });

  it('a unit outside the caller’s scope is NOT_FOUND', async () => {
    expect(await a.chair4.codeOf(q, { u: t.fx.G1.id })).toBe('NOT_FOUND');
  });
});

describe('team names in one grassroots union', () => {
  const CREATE_TEAM = 'mutation($n: String!, $g: ID!) { createTeam(name: $n, grassrootsUnionId: $g) { id name } }';
  const RENAME = 'mutation($id: ID!, $n: String!) { updateTeam(id: $id, name: $n) { id name } }';

  it('a second live team with the same name (case and spacing aside) is refused on the name; another union may use it', async () => {
    await expectRefused(a.chair, CREATE_TEAM, { n: '  tổ công đoàn   NGHIỆP VỤ ', g: t.fx.G1.id }, 'BAD_USER_INPUT', { rule: 'DUPLICATE_NAME', field: 'name' });
    await expectRefused(a.chair, RENAME, { id: t.fx.T1.id, n: 'Tổ Công đoàn Nghiệp vụ' }, 'BAD_USER_INPUT', { rule: 'DUPLICATE_NAME' });
    // The same name elsewhere is fine; the refused writes changed nothing.
    expect((await a.chair4.q(CREATE_TEAM, { n: 'Tổ Công đoàn Nghiệp vụ', g: t.fx.G4.id })).createTeam.name).toBe('Tổ Công đoàn Nghiệp vụ');
    const teams = (await a.chair.q('query($g: [ID!]) { allTeams(filter: { grassrootsUnionId: $g }) { id name } }', { g: [t.fx.G1.id] })).allTeams;
    expect(teams.filter((x: any) => /nghiệp vụ/i.test(x.name))).toHaveLength(1);
    expect(teams.find((x: any) => x.id === String(t.fx.T1.id)).name).toBe(t.fx.T1.name);
    // Renaming a team to its own name (or a new one) still works.
    expect((await a.chair.q(RENAME, { id: t.fx.T1.id, n: t.fx.T1.name })).updateTeam.name).toBe(t.fx.T1.name);
  });
});

describe('the panel words every rule the server names (admin/src/providers/errors.ts)', () => {
  const lookup = (dict: object, key: string) => key.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), dict);
  const translator = (dict: object): Translate => (key, opts = {}) => {
    const v = lookup(dict, key);
    if (typeof v !== 'string') return (opts as any)._ ?? key;
    return v.replace(/%\{(\w+)\}/g, (_, k) => String((opts as any)[k] ?? ''));
  };

  it('every rule in the server’s source is one the panel words, in Vietnamese and in English', () => {
    const server = path.resolve(__dirname, '../server');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path.join(dir, e.name)] : []));
    const named = new Set<string>();
    for (const f of files(server)) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/rule: '([A-Z_]+)'/g)) named.add(m[1]);
      for (const m of text.matchAll(/refuse\('([A-Z_]+)'/g)) named.add(m[1]);
    }
    // The import's row failures: fail(column, message, 'RULE').
    for (const m of fs.readFileSync(path.join(server, 'member/member.service.ts'), 'utf8').matchAll(/return fail\([^;]*, '([A-Z_]+)'/g)) named.add(m[1]);
    expect(named.size).toBeGreaterThan(30);
    const unknown = [...named].filter((r) => !(RULES as readonly string[]).includes(r));
    expect(unknown).toEqual([]);
    for (const r of RULES) {
      expect([r, typeof lookup(vi, `cd.refusal.rule.${r}`)]).toEqual([r, 'string']);
      expect([r, typeof lookup(en, `cd.refusal.rule.${r}`)]).toEqual([r, 'string']);
    }
    for (const c of [...CODES, 'OTHER', 'BAD_USER_INPUT_FIELD']) expect(typeof lookup(vi, `cd.refusal.code.${c}`)).toBe('string');
  });

  it('the issue’s raw English refusals read as Vietnamese sentences, the server’s text never shown', () => {
    const tv = translator(vi);
    const ENGLISH = /\b(the|is|not|already|required|expected|nominee|forbidden|chain|valid|must|cannot|reload|unit \d)\b|[A-Z]{3,}_[A-Z]+|yyyy-mm-dd/;
    const cases = [
      { code: 'BAD_USER_INPUT', field: 'awardTypeId', message: 'awardTypeId: the nominee already has an open nomination for this award type and year [DUPLICATE_NOMINATION]' },
      { code: 'BAD_USER_INPUT', field: 'awardTypeId', rule: 'DECIDING_LEVEL', decidingLevel: 'GRASSROOTS', message: 'awardTypeId: GK_CDCS_CN is decided at GRASSROOTS, which is not in the chain of unit 1' },
      { code: 'FORBIDDEN', message: 'Vai trò ANALYST không có quyền WriteMember (forbidden)', rule: 'PERMISSION' },
      { code: 'BAD_USER_INPUT', field: 'fullName', message: 'is required' },
      { code: 'BAD_USER_INPUT', field: 'birthDate', message: '"1990-02-31" is not a real date yyyy-mm-dd', rule: 'NOT_A_DATE' },
      { code: 'BAD_USER_INPUT', field: 'joinedAt', message: 'expected a valid date yyyy-mm-dd' },
      { code: 'CONFLICT', rule: 'WRONG_STATUS', status: 'APPROVED', message: 'nomination 5 is APPROVED; RETURN needs PENDING' },
      { code: 'BAD_USER_INPUT', field: 'q', message: 'q: at most 20 words' },
      { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' },
    ];
    for (const c of cases) {
      const text = wordRefusal(tv, c);
      expect({ c, text, english: ENGLISH.exec(text)?.[0] ?? null }).toEqual({ c, text, english: null });
      expect(text).not.toContain(c.message);
    }
    expect(ruleOf(cases[0])).toBe('DUPLICATE_NOMINATION');
    expect(wordRefusal(tv, cases[4])).toContain('không phải ngày có thật');
    expect(wordRefusal(tv, cases[1])).toContain('Công đoàn cơ sở');
    expect(wordRefusal(translator(en), cases[1])).toContain('Grassroots union');
  });
});
