/**
 * The union's year under hostile input: every argument of every create and update of its record
 * types, sent the values an attacker or a slip of the keyboard sends (ids that are not ids, 10,000
 * characters, Hangul, control characters, blanks, explicit nulls, negative, huge and tiny numbers,
 * impossible dates). Each is a write or a refusal with the contract's code naming a field, never an
 * internal error, and a refused write changes nothing. Values that would be stored but then break
 * every later read (a rate that is no number, sums beyond what GraphQL can carry) are refused at
 * the door, naming the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLArgument, isEnumType, isLeafType, isListType, isNonNullType } from 'graphql';
import { LIMITS } from '../server/common/limits';
import { currentYear } from '../server/common/clock';
import { Api, startTestServer, TestServer } from './support/harness';
import { countAll, create, E, ids, indicatorId, Outcome, readBack, run, seedYearRecords } from './support/year';

let t: TestServer;
let sys: Api;
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const M = schema.getMutationType()!.getFields();

const TYPES = ['EmulationMovement', 'EmulationCluster', 'ClusterEntry', 'AnnualRating', 'Indicator', 'Target', 'WelfareRecord', 'Initiative', 'Congress', 'CommitteeSeat', 'RuleThreshold', 'YearEndConference'];
const PLURAL: Record<string, string> = { ClusterEntry: 'ClusterEntries', Congress: 'Congresses' };
const plural = (type: string) => PLURAL[type] ?? `${type}s`;

beforeAll(async () => {
  t = await startTestServer();
  await seedYearRecords(t);
  sys = await t.as('sysadmin');
}, 120_000);
afterAll(() => t?.stop());

let n = 0;
/** Good arguments of a new record of `type` (a fresh cluster or congress where the record needs one), as the system admin writes them. */
async function good(type: string): Promise<Record<string, unknown>> {
  const { unit, member } = ids(t);
  const k = `${++n}`;
  switch (type) {
    case 'EmulationMovement':
      return { name: `Phong trào ${k}`, kind: E('REGULAR'), launchedByUnitId: unit('G1'), startsOn: '2023-01-01', endsOn: '2023-12-31', theme: 'Chủ đề', planDocNumber: '51/KH' };
    case 'EmulationCluster':
      return { name: `Cụm ${k}`, kind: E('CLUSTER'), organizingUnitId: unit('U1'), active: true };
    case 'ClusterEntry': {
      const c = await create(sys, 'EmulationCluster', { name: `Cụm cho mục ${k}`, kind: E('CLUSTER'), organizingUnitId: unit('U1') });
      return { clusterId: c.id, unitId: unit('G2'), year: 2022, role: E('MEMBER'), score: 50, leading: false };
    }
    case 'AnnualRating':
      // one rating per unit and year: a year of its own for each
      return { unitId: unit('G2'), year: 1930 + (n % 90), level: E('GOOD'), score: 70, decisionNumber: 'QĐ 1' };
    case 'Indicator':
      return { code: `PROBE_${k}`, name: `Chỉ số ${k}`, unit: E('COUNT'), aggregation: E('SUM'), active: true };
    case 'Target':
      return { unitId: unit('G1'), year: 2022, indicatorId: await indicatorId(sys, 'NEW_MEMBERS'), source: E('ANNUAL_PROGRAMME'), planned: 10, actual: 5, reportedRate: 50, note: 'ghi chú' };
    case 'WelfareRecord':
      return { unitId: unit('G1'), memberId: member('hoa'), date: '2023-03-01', kind: E('SICKNESS'), count: 1, amount: 100_000, note: 'ghi chú' };
    case 'Initiative':
      return { unitId: unit('G1'), title: `Sáng kiến ${k}`, year: 2022, status: E('APPLIED'), benefit: 1000, recognizedBy: 'QĐ', authorMemberIds: [member('hoa')] };
    case 'Congress':
      return { unitId: unit('G1'), heldOn: '2023-05-01', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 10, attendedCount: 9, ordinal: 'IV', motto: 'Đoàn kết' };
    case 'CommitteeSeat': {
      const c = await create(sys, 'Congress', { unitId: unit('G1'), heldOn: '2023-05-01', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 10, attendedCount: 9 });
      return { congressId: c.id, memberId: member('hoa'), position: E('BCH_MEMBER') };
    }
    case 'RuleThreshold':
      return { code: `PROBE_${k}`, value: 1, unit: 'VND', regulation: 'Quy định', effectiveFrom: '2020-01-01', note: 'ghi chú' };
    case 'YearEndConference':
      // one conference per unit and year: a year of its own for each
      return { unitId: unit('G1'), year: 1930 + (n % 90), heldOn: `${1930 + (n % 90)}-12-20`, attendees: 10, note: 'ghi chú' };
  }
  throw new Error(`no good arguments for ${type}`);
}

/** The hostile values of an argument, by its type (enums and booleans are the schema's to refuse). */
function hostile(arg: GraphQLArgument): unknown[] {
  const named = getNamedType(arg.type);
  const inner = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
  const { unit, member } = ids(t);
  if (isEnumType(named) || named.name === 'Boolean') return [];
  if (isListType(inner)) return [[], ['x'], ['-1'], ['1e3'], [''], Array.from({ length: 101 }, (_, i) => String(i + 1)), [member('dung')]];
  switch (named.name) {
    case 'ID':
      return ['x', '-1', '1e3', '99999999999999999999', '', ' 1', '0', '9007199254740993', unit('G4'), member('dung')];
    case 'String': {
      const texts = ['A'.repeat(10_000), '가'.repeat(100), '가'.repeat(256), 'a\u0000b', 'a\u0007b', '\uD800x', '   ', '=HYPERLINK("http://evil.example","x")'];
      const dates = ['2025-02-30', '0000-01-01', '99999-01-01', '2023-1-1', '2023-01-01T00:00:00Z', '1900-01-01', '2999-01-01'];
      return [...texts, ...(/On$|^date$|From$/.test(arg.name) ? dates : [])];
    }
    case 'Int':
      return [-1, 0, 99_999, 2_147_483_647, -2_147_483_648];
    case 'Float':
      return [-1, -0.0001, 0, 0.5, 1e15, 1e16, 1.7976931348623157e308, 5e-324, 9007199254740993];
  }
  return [];
}

/** Every plain field of a type (computed ones included: a stored value that breaks them breaks every read). */
function leaves(type: string): string {
  const tp = schema.getType(type) as import('graphql').GraphQLObjectType;
  return Object.values(tp.getFields())
    .filter((f) => !f.args.length && isLeafType(getNamedType(f.type)))
    .map((f) => f.name)
    .join(' ');
}

const show = (v: unknown) => (typeof v === 'string' && v.length > 20 ? `${v.length} characters` : Array.isArray(v) && v.length > 5 ? `${v.length} ids` : JSON.stringify(v));
/** What a client needs of an answer: OK, or a contract code and, for BAD_USER_INPUT, that a field is named. */
function verdict(o: Outcome): string {
  if (o.ok) return 'OK';
  if (o.code === 'BAD_USER_INPUT') return o.field ? 'BAD_USER_INPUT with a field' : 'BAD_USER_INPUT naming no field';
  return ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'].includes(o.code ?? '') ? 'refused' : `${o.code}: ${o.message}`;
}

describe('every argument of every create and update of the union’s year', () => {
  it.each(TYPES)('%s: each hostile value is written or refused naming a field, never an internal error', async (type) => {
    const bad: string[] = [];
    for (const op of ['create', 'update'] as const) {
      const m = M[`${op}${type}`];
      expect(m).toBeDefined();
      for (const arg of m.args) {
        if (arg.name === 'id') continue;
        for (const v of hostile(arg)) {
          const args = await good(type);
          let o: Outcome;
          let made: string | undefined;
          const rest = Object.entries(args)
            .filter(([k]) => k !== arg.name)
            .map(([k, x]) => `${k}: ${x && typeof x === 'object' && 'v' in (x as object) ? (x as { v: string }).v : JSON.stringify(x)}`)
            .join(', ');
          if (op === 'create') {
            o = await run(sys, `mutation($v: ${arg.type}) { x: create${type}(${rest}, ${arg.name}: $v) { ${leaves(type)} } }`, { v });
            if (o.ok) made = o.data.x.id;
          } else {
            const c = await create(sys, type, args);
            expect({ type, created: c.ok }).toEqual({ type, created: true });
            made = c.id;
            o = await run(sys, `mutation($v: ${arg.type}) { x: update${type}(id: ${JSON.stringify(c.id)}, ${arg.name}: $v) { ${leaves(type)} } }`, { v });
          }
          const got = verdict(o);
          if (got !== 'OK' && got !== 'refused' && got !== 'BAD_USER_INPUT with a field') bad.push(`${op}${type}(${arg.name}: ${show(v)}) → ${got}`);
          if (made) await run(sys, `mutation { x: delete${type}(id: ${JSON.stringify(made)}) { id } }`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('no null where the record needs a value', () => {
  // The fields the records cannot be without: an update that sends null for one, or a blank text.
  const REQUIRED: Record<string, string[]> = {
    EmulationMovement: ['name', 'kind', 'startsOn', 'launchedByUnitId'],
    EmulationCluster: ['name', 'kind', 'active'],
    ClusterEntry: ['role', 'leading', 'unitId', 'year'],
    AnnualRating: ['level'],
    Indicator: ['name', 'unit', 'aggregation', 'active'],
    Target: ['year', 'indicatorId', 'source', 'planned'],
    WelfareRecord: ['date', 'kind', 'count', 'amount'],
    Initiative: ['title', 'year', 'status'],
    Congress: ['heldOn', 'termStartYear', 'termEndYear', 'form', 'convenedCount', 'attendedCount'],
    CommitteeSeat: ['memberId', 'position'],
    RuleThreshold: ['value', 'unit', 'regulation', 'effectiveFrom'],
    YearEndConference: ['year', 'heldOn', 'attendees'],
  };

  it.each(TYPES)('%s: null in an update is BAD_USER_INPUT REQUIRED naming the field, and the record is unchanged', async (type) => {
    const c = await create(sys, type, await good(type));
    expect(c.ok).toBe(true);
    const fields = REQUIRED[type];
    const before = await readBack(sys, type, c.id!, fields.join(' '));
    for (const f of fields) {
      const o = await run(sys, `mutation { x: update${type}(id: ${JSON.stringify(c.id)}, ${f}: null) { id } }`);
      expect({ f, o: o.ok ? 'OK' : { code: o.code, field: o.field } }).toEqual({ f, o: { code: 'BAD_USER_INPUT', field: f } });
    }
    expect(await readBack(sys, type, c.id!, fields.join(' '))).toEqual(before);
    // Optional fields still clear with null.
    const optional = M[`update${type}`].args.filter((a) => a.name !== 'id' && !fields.includes(a.name) && !['memberId', 'authorMemberIds', 'clusterId', 'congressId'].includes(a.name));
    for (const a of optional) {
      const o = await run(sys, `mutation { x: update${type}(id: ${JSON.stringify(c.id)}, ${a.name}: null) { id } }`);
      expect({ f: a.name, ok: o.ok }).toEqual({ f: a.name, ok: true });
    }
  });

  it('a blank text or date where one is needed is REQUIRED naming the field, on create and update, and nothing is written', async () => {
    const cases: [string, string][] = [
      ['EmulationMovement', 'name'], ['EmulationMovement', 'startsOn'], ['EmulationCluster', 'name'], ['Indicator', 'name'], ['Initiative', 'title'],
      ['Congress', 'heldOn'], ['RuleThreshold', 'regulation'], ['RuleThreshold', 'unit'], ['WelfareRecord', 'date'], ['YearEndConference', 'heldOn'],
    ];
    for (const [type, field] of cases) {
      const before = await countAll(sys, type, plural(type));
      const o = await create(sys, type, { ...(await good(type)), [field]: '   ' });
      expect({ type, field, o: o.ok ? 'OK' : { code: o.code, field: o.field } }).toEqual({ type, field, o: { code: 'BAD_USER_INPUT', field } });
      expect(await countAll(sys, type, plural(type))).toBe(before);
      const c = await create(sys, type, await good(type));
      const u = await run(sys, `mutation($v: String) { x: update${type}(id: ${JSON.stringify(c.id)}, ${field}: $v) { id } }`, { v: '' });
      expect({ type, field, u: u.ok ? 'OK' : { code: u.code, field: u.field } }).toEqual({ type, field, u: { code: 'BAD_USER_INPUT', field } });
    }
  });
});

describe('figures the year report adds up stay numbers a client can read', () => {
  it('amounts and values above LIMITS.yearAmount, and counts above LIMITS.yearCount, are BAD_USER_INPUT naming the field (rule TOO_LARGE); nothing is written', async () => {
    const big = 1.7976931348623157e308;
    const cases: [string, Record<string, unknown>, string][] = [
      ['WelfareRecord', { amount: big }, 'amount'],
      ['WelfareRecord', { amount: LIMITS.yearAmount + 1 }, 'amount'],
      ['WelfareRecord', { count: 2_147_483_647 }, 'count'],
      ['WelfareRecord', { count: LIMITS.yearCount + 1 }, 'count'],
      ['Initiative', { benefit: big }, 'benefit'],
      ['Target', { planned: big, actual: null }, 'planned'],
      ['Target', { actual: big }, 'actual'],
      ['Target', { reportedRate: big }, 'reportedRate'],
      ['Congress', { convenedCount: 2_147_483_647, attendedCount: 1 }, 'convenedCount'],
      ['YearEndConference', { attendees: 2_147_483_647 }, 'attendees'],
      ['RuleThreshold', { value: big }, 'value'],
    ];
    for (const [type, change, field] of cases) {
      const before = await countAll(sys, type, plural(type));
      const o = await run(sys, `mutation($v: ${M[`create${type}`].args.find((a) => a.name === field)!.type}) { x: create${type}(${Object.entries({ ...(await good(type)), ...change })
        .filter(([k]) => k !== field)
        .map(([k, x]) => `${k}: ${x && typeof x === 'object' && 'v' in (x as object) ? (x as { v: string }).v : JSON.stringify(x)}`)
        .join(', ')}, ${field}: $v) { id } }`, { v: change[field] });
      expect({ type, field, o: o.ok ? 'OK' : { code: o.code, field: o.field } }).toEqual({ type, field, o: { code: 'BAD_USER_INPUT', field } });
      expect(await countAll(sys, type, plural(type))).toBe(before);
    }
    // on update too
    const w = await create(sys, 'WelfareRecord', await good('WelfareRecord'));
    const u = await run(sys, `mutation { x: updateWelfareRecord(id: ${w.id}, amount: 1e300) { id } }`);
    expect(u.ok ? 'OK' : [u.code, u.field]).toEqual(['BAD_USER_INPUT', 'amount']);
    expect((await readBack(sys, 'WelfareRecord', w.id!, 'amount')).amount).toBe(100_000);
  });

  it('a plan so small beside its result that the rate would be no number is refused on planned; the targets list stays readable', async () => {
    const args = await good('Target');
    const o = await create(sys, 'Target', { ...args, planned: 5e-324, actual: 1 }, 'id rate');
    expect(o.ok ? 'OK' : [o.code, o.field]).toEqual(['BAD_USER_INPUT', 'planned']);
    const c = await create(sys, 'Target', { ...args, source: E('EMULATION_PLEDGE'), planned: 1, actual: 0 }, 'id rate');
    expect(c.ok).toBe(true);
    const u = await run(sys, `mutation { x: updateTarget(id: ${c.id}, planned: 5e-324, actual: 1) { id rate } }`);
    expect(u.ok ? 'OK' : [u.code, u.field]).toEqual(['BAD_USER_INPUT', 'planned']);
    // the largest values allowed give a finite rate
    const max = await run(sys, `mutation { x: updateTarget(id: ${c.id}, planned: 0.001, actual: ${LIMITS.yearAmount}) { rate status } }`);
    expect(max.ok && Number.isFinite(max.data.x.rate)).toBe(true);
    const list = await run(sys, `{ allTargets(perPage: 1000) { id rate status } }`);
    expect(list.ok).toBe(true);
  });

  it('records at the bounds add up in the year report without breaking it, for every reader of the unit', async () => {
    const { unit, member } = ids(t);
    const year = 2019;
    for (let i = 0; i < 3; i++) {
      const w = await create(sys, 'WelfareRecord', { unitId: unit('G2'), date: `${year}-03-0${i + 1}`, kind: E('TET_GIFT'), count: LIMITS.yearCount, amount: LIMITS.yearAmount });
      expect(w.ok).toBe(true);
      const i2 = await create(sys, 'Initiative', { unitId: unit('G2'), title: `Sáng kiến lớn ${i}`, year, status: E('APPLIED'), benefit: LIMITS.yearAmount, authorMemberIds: [member('mai')] });
      expect(i2.ok).toBe(true);
    }
    for (const who of ['sysadmin', 'fedAdmin', 'unionAdmin', 'analyst'] as const) {
      const api = await t.as(who);
      const r = await run(api, `query($u: ID!, $y: Int!) { yearReport(unitId: $u, year: $y) { welfare { count amount byKind { kind count amount } } initiatives { benefit } } }`, { u: unit('U1'), y: year });
      expect({ who, r: r.ok ? r.data.yearReport : r }).toEqual({
        who,
        r: { welfare: { count: 3 * LIMITS.yearCount, amount: 3 * LIMITS.yearAmount, byKind: [{ kind: 'TET_GIFT', count: 3 * LIMITS.yearCount, amount: 3 * LIMITS.yearAmount }] }, initiatives: { benefit: 3 * LIMITS.yearAmount } },
      });
    }
  });
});

describe('years and dates of the catalogue and the report', () => {
  it('a threshold’s effectiveFrom is a real date of a year the records take (1929 to five years ahead)', async () => {
    for (const d of ['0000-01-01', '1900-01-01', '2999-01-01', '2025-02-30']) {
      const o = await create(sys, 'RuleThreshold', { ...(await good('RuleThreshold')), effectiveFrom: d });
      expect({ d, o: o.ok ? 'OK' : [o.code, o.field] }).toEqual({ d, o: ['BAD_USER_INPUT', 'effectiveFrom'] });
    }
    expect((await create(sys, 'RuleThreshold', { ...(await good('RuleThreshold')), effectiveFrom: '1990-01-01' })).ok).toBe(true);
  });

  it('yearReport takes every year a record can be of: 1929 to five years ahead, nothing else', async () => {
    const q = `query($u: ID!, $y: Int!) { yearReport(unitId: $u, year: $y) { year } }`;
    const u = ids(t).unit('F1');
    for (const y of [1929, 1985, currentYear() + 5]) expect((await run(sys, q, { u, y })).ok).toBe(true);
    for (const y of [0, -1, 1928, currentYear() + 6, 99999]) {
      const o = await run(sys, q, { u, y });
      expect({ y, o: o.ok ? 'OK' : [o.code, o.field] }).toEqual({ y, o: ['BAD_USER_INPUT', 'year'] });
    }
  });
});
