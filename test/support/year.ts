import { ClientError } from 'graphql-request';
import { Api, TestServer } from './harness';
import { ACCOUNTS, AccountName } from './fixture';

/**
 * Helpers of the union's year tests (test/year-*.test.ts): the fixture tree as the contract reads
 * it, a client's view of an operation, and GraphQL argument text. Expectations are written from
 * api-contract.md ("The union's year", "Accounts and roles"), never computed from server code.
 *
 *   F1 ─ U1 ─ G1 ─ T1, T2          F2 ─ U2 ─ G4 ─ T3
 *      │    └ G2
 *      └ G3 (directly under F1)
 */
export type Unit = 'F1' | 'F2' | 'U1' | 'U2' | 'G1' | 'G2' | 'G3' | 'G4' | 'T1' | 'T2' | 'T3';
export const UNITS: Unit[] = ['F1', 'F2', 'U1', 'U2', 'G1', 'G2', 'G3', 'G4', 'T1', 'T2', 'T3'];
export const ROLES = Object.keys(ACCOUNTS) as AccountName[];
export const ANALYSTS: AccountName[] = ['analyst', 'analystF1'];

export type Level = 'FEDERATION' | 'UNION' | 'GRASSROOTS' | 'TEAM';
export const LEVEL: Record<Unit, Level> = {
  F1: 'FEDERATION', F2: 'FEDERATION', U1: 'UNION', U2: 'UNION',
  G1: 'GRASSROOTS', G2: 'GRASSROOTS', G3: 'GRASSROOTS', G4: 'GRASSROOTS',
  T1: 'TEAM', T2: 'TEAM', T3: 'TEAM',
};
export const PARENT: Record<Unit, Unit | null> = {
  F1: null, F2: null, U1: 'F1', U2: 'F2', G1: 'U1', G2: 'U1', G3: 'F1', G4: 'U2', T1: 'G1', T2: 'G1', T3: 'G4',
};
/** The subtree of each unit (itself included). */
export function subtreeOf(u: Unit): Unit[] {
  return UNITS.filter((x) => {
    for (let p: Unit | null = x; p; p = PARENT[p]) if (p === u) return true;
    return false;
  });
}
/** The subtree each account acts in; null: everything. */
export const SUBTREE: Record<AccountName, Unit[] | null> = {
  sysadmin: null,
  analyst: null,
  fedAdmin: subtreeOf('F1'),
  analystF1: subtreeOf('F1'),
  fedAdmin2: subtreeOf('F2'),
  unionAdmin: subtreeOf('U1'),
  chair: subtreeOf('G1'),
  chair4: subtreeOf('G4'),
};
/** The ancestors of each account's scope unit: readable by id, never written. */
export const ANCESTORS: Record<AccountName, Unit[]> = {
  sysadmin: [], analyst: [], fedAdmin: [], analystF1: [], fedAdmin2: [],
  unionAdmin: ['F1'],
  chair: ['F1', 'U1'],
  chair4: ['F2', 'U2'],
};
export const inSubtree = (role: AccountName, u: Unit) => SUBTREE[role] === null || SUBTREE[role]!.includes(u);
export const isAncestor = (role: AccountName, u: Unit) => ANCESTORS[role].includes(u);
export const scopeUnit = (role: AccountName) => ACCOUNTS[role].scope as Unit | null;

export type MemberKey = 'hoa' | 'duc' | 'lan' | 'binh' | 'mai' | 'hung' | 'an' | 'dung' | 'hanh' | 'thu';
export const MEMBER_UNIT: Record<MemberKey, Unit> = {
  hoa: 'T1', duc: 'T1', lan: 'T2', binh: 'G1', mai: 'G2', hung: 'G3', an: 'G3', dung: 'T3', hanh: 'T3', thu: 'G4',
};
/** A member of the fixture that lies in the subtree of `u`. */
export function memberUnder(u: Unit): MemberKey {
  const inside = subtreeOf(u);
  return (Object.keys(MEMBER_UNIT) as MemberKey[]).find((m) => inside.includes(MEMBER_UNIT[m]))!;
}

// ─── A client's view ────────────────────────────────────────────────────────────────────────────

export type Outcome = { ok: true; data: any } | { ok: false; code?: string; field?: string; message: string };

export async function run(client: Api, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  try {
    return { ok: true, data: await client.q(query, variables) };
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    const err = e.response.errors?.[0];
    return { ok: false, code: err?.extensions?.code as string | undefined, field: err?.extensions?.field as string | undefined, message: err?.message ?? '' };
  }
}
/** 'OK' or the error code. */
export const codeOf = (o: Outcome) => (o.ok ? 'OK' : o.code);
/** 'OK', or the code and the field named (BAD_USER_INPUT names one). */
export const answer = (o: Outcome) => (o.ok ? 'OK' : o.field ? `${o.code} ${o.field}` : o.code);

/** GraphQL argument text: strings quoted, enums written with `E('LEADER')`. */
export class EnumValue {
  constructor(readonly v: string) {}
}
export const E = (v: string) => new EnumValue(v);
export function gqlArgs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v instanceof EnumValue ? v.v : JSON.stringify(v)}`)
    .join(', ');
}

/** `createX(...) { id }`: the outcome and the new id. */
export async function create(client: Api, type: string, args: Record<string, unknown>, select = 'id'): Promise<Outcome & { id?: string }> {
  const o = await run(client, `mutation { x: create${type}(${gqlArgs(args)}) { ${select} } }`);
  return o.ok ? { ...o, id: o.data.x.id } : o;
}
export const update = (client: Api, type: string, id: string, args: Record<string, unknown>, select = 'id') =>
  run(client, `mutation { x: update${type}(${gqlArgs({ id, ...args })}) { ${select} } }`);
export const remove = (client: Api, type: string, id: string) => run(client, `mutation { x: delete${type}(id: ${JSON.stringify(id)}) { id } }`);

/** A row as the system admin reads it (null when it does not exist). */
export async function readBack(sys: Api, type: string, id: string, select: string): Promise<any> {
  const o = await run(sys, `query { x: ${type}(id: ${JSON.stringify(id)}) { ${select} } }`);
  if (!o.ok && o.code === 'NOT_FOUND') return null;
  if (!o.ok) throw new Error(`reading ${type} ${id}: ${o.code} ${o.message}`);
  return o.data.x;
}
/** How many rows of a list the system admin counts (a refused create must leave it unchanged). */
export async function countAll(sys: Api, type: string, plural: string, filter: Record<string, unknown> = {}): Promise<number> {
  return (await sys.q(`query($f: ${type}Filter) { c: _all${plural}Meta(filter: $f) { count } }`, { f: filter })).c.count;
}
/** The audit rows of one record, oldest first, as the system admin reads them. */
export async function auditOf(sys: Api, entityType: string, id: string): Promise<{ action: string; unitId: string | null; actorName: string }[]> {
  const r = await sys.q(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, sortField: "id", sortOrder: "ASC") { action unitId actorName } }`, {
    f: { entityType: [entityType], entityId: [id] },
  });
  return r.allAuditEvents;
}

/** The fixture's ids by short name. */
export const ids = (t: TestServer) => ({
  unit: (u: Unit) => String(t.fx[u].id),
  member: (m: MemberKey) => String(t.fx.m[m].id),
});

/** The id of a catalogue indicator by code. */
export async function indicatorId(client: Api, code: string): Promise<string> {
  const r = await client.q(`query($f: IndicatorFilter) { allIndicators(filter: $f) { id } }`, { f: { code: [code] } });
  if (r.allIndicators.length !== 1) throw new Error(`indicator ${code}: ${r.allIndicators.length} rows`);
  return r.allIndicators[0].id;
}

/** Signs every fixture account in. */
export async function signInAll(t: TestServer): Promise<Record<AccountName, Api>> {
  const out = {} as Record<AccountName, Api>;
  for (const r of ROLES) out[r] = await t.as(r);
  return out;
}

/**
 * Many operations in one request, one alias each (mutations run one after the other): the outcome
 * of each, as a client sees it (an error at an alias's path fails that alias alone).
 */
export async function aliased(client: Api, kind: 'query' | 'mutation', fields: string[]): Promise<Outcome[]> {
  if (!fields.length) return [];
  const text = `${kind} { ${fields.map((f, i) => `a${i}: ${f}`).join(' ')} }`;
  let data: Record<string, unknown> = {};
  let errors: { path?: readonly (string | number)[]; message: string; extensions?: Record<string, unknown> }[] = [];
  try {
    data = await client.q(text);
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    data = (e.response.data ?? {}) as typeof data;
    errors = (e.response.errors ?? []) as typeof errors;
    // An error without a path is about the whole request (validation, limits): every alias failed with it.
    const whole = errors.find((x) => !x.path);
    if (whole) return fields.map(() => ({ ok: false, code: whole.extensions?.code as string, field: whole.extensions?.field as string, message: whole.message }));
  }
  return fields.map((_, i) => {
    const err = errors.find((x) => x.path?.[0] === `a${i}`);
    if (err) return { ok: false, code: err.extensions?.code as string | undefined, field: err.extensions?.field as string | undefined, message: err.message };
    return { ok: true, data: data[`a${i}`] };
  });
}

/**
 * A few records of every type of the union's year in both federations, for walks over the whole
 * schema (test/edges.test.ts): something behind every edge of the year's types, including an
 * initiative whose author has since moved to the other federation (the edge must not follow them).
 */
export async function seedYearRecords(t: TestServer): Promise<void> {
  const sys = await t.as('sysadmin');
  const { unit, member } = ids(t);
  const make = async (type: string, args: Record<string, unknown>) => {
    const o = await create(sys, type, args);
    if (!o.ok) throw new Error(`seedYearRecords: create${type}: ${o.code} ${o.message}`);
    return o.id!;
  };
  await make('EmulationMovement', { name: 'Lao động giỏi, lao động sáng tạo', kind: E('REGULAR'), launchedByUnitId: unit('G1'), startsOn: '2023-01-01', endsOn: '2023-12-31' });
  await make('EmulationMovement', { name: 'Giỏi việc nước, đảm việc nhà', kind: E('THEMATIC'), launchedByUnitId: unit('U2'), startsOn: '2023-03-08' });
  const cluster = await make('EmulationCluster', { name: 'Cụm thi đua số I', kind: E('CLUSTER'), organizingUnitId: unit('U1') });
  await make('ClusterEntry', { clusterId: cluster, unitId: unit('G1'), year: 2023, role: E('LEADER'), score: 95, leading: true });
  await make('ClusterEntry', { clusterId: cluster, unitId: unit('G2'), year: 2023, role: E('MEMBER'), score: 88 });
  await make('AnnualRating', { unitId: unit('G1'), year: 2023, level: E('EXCELLENT'), score: 95 });
  await make('AnnualRating', { unitId: unit('T3'), year: 2023, level: E('GOOD') });
  const indicator = await indicatorId(sys, 'NEW_MEMBERS');
  await make('Target', { unitId: unit('U1'), year: 2023, indicatorId: indicator, source: E('ASSIGNED_PLAN'), planned: 1200, actual: 2202, reportedRate: 184 });
  await make('Target', { unitId: unit('G4'), year: 2023, indicatorId: indicator, source: E('CONGRESS_RESOLUTION'), planned: 5 });
  await make('WelfareRecord', { unitId: unit('G1'), memberId: member('hoa'), date: '2023-02-10', kind: E('SICKNESS'), count: 1, amount: 1_000_000 });
  await make('WelfareRecord', { unitId: unit('G4'), memberId: member('dung'), date: '2023-07-27', kind: E('POLICY_FAMILY'), count: 1, amount: 500_000 });
  const mover = (await sys.q(`mutation { x: createMember(${gqlArgs({ fullName: 'Lê Thị Chuyển', gender: E('FEMALE'), grassrootsUnionId: unit('G1') })}) { id } }`)).x.id;
  await make('Initiative', { unitId: unit('G1'), title: 'Phần mềm quản lý đoàn viên', year: 2023, status: E('APPLIED'), benefit: 150_000_000, authorMemberIds: [member('hoa'), mover] });
  await sys.q(`mutation { updateMember(${gqlArgs({ id: mover, grassrootsUnionId: unit('G4') })}) { id } }`);
  const congress = await make('Congress', { unitId: unit('G4'), heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: E('PLENARY'), convenedCount: 127, attendedCount: 102 });
  await make('CommitteeSeat', { congressId: congress, memberId: member('thu'), position: E('CHAIR') });
  await make('CommitteeSeat', { congressId: congress, memberId: member('dung'), position: E('DELEGATE') });
}
