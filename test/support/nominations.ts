/**
 * Helpers for the nomination tests (test/nominations.test.ts, test/nomination-races.test.ts):
 * the extra accounts they need (created through the API, the fixture stays as it is), the
 * operations, and checks on what a client reads back.
 */
import { ClientError } from 'graphql-request';
import { Api, GqlError, TestServer } from './harness';
import { PASSWORD } from './fixture';

export const YEAR = new Date().getFullYear();

export const NF = `id status currentLevel version year achievements awardTypeId nomineeMemberId nomineeUnitId nominatingUnitId createdById
  reviews { level decision comment reviewerId reviewer { id username } }
  history { action level fromStatus toStatus comment actorId }
  award { id nominationId decisionNumber decidingUnitId nomineeMemberId nomineeUnitId year awardTypeId decidedAt decidedBy { id } }`;

export const CREATE = `mutation($t: ID!, $y: Int!, $a: String!, $m: ID, $u: ID, $n: ID) {
  createNomination(awardTypeId: $t, year: $y, achievements: $a, nomineeMemberId: $m, nomineeUnitId: $u, nominatingUnitId: $n) { ${NF} } }`;
export const UPDATE = `mutation($id: ID!, $a: String, $m: ID, $u: ID, $t: ID, $y: Int) {
  updateNomination(id: $id, achievements: $a, nomineeMemberId: $m, nomineeUnitId: $u, awardTypeId: $t, year: $y) { ${NF} } }`;
export const SUBMIT = `mutation($id: ID!) { submitNomination(id: $id) { ${NF} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawNomination(id: $id) { ${NF} } }`;
export const REVIEW = `mutation($id: ID!, $d: ReviewDecision!, $c: String, $v: Int) {
  reviewNomination(id: $id, decision: $d, comment: $c, version: $v) { ${NF} } }`;
export const REVIEW_MANY = `mutation($ids: [ID!]!, $d: ReviewDecision!, $c: String) {
  reviewNominations(ids: $ids, decision: $d, comment: $c) { id ok code message nomination { ${NF} } } }`;
export const RECORD = `mutation($id: ID!, $ok: Boolean!, $no: String, $at: String, $c: String) {
  recordConfederationDecision(id: $id, approved: $ok, decisionNumber: $no, decidedAt: $at, comment: $c) { ${NF} } }`;
export const READ = `query($id: ID!) { Nomination(id: $id) { ${NF} } }`;
export const AWARDS_OF = `query($filter: AwardFilter) { allAwards(filter: $filter, perPage: 1000) { id nominationId decisionNumber decidingUnitId year awardType { code } } }`;

export interface History {
  action: string;
  level: string | null;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
  actorId: string | null;
}

const EXTRA = ['chairB', 'chairM', 'chairG3', 'unionAdminB', 'unionSelf', 'fedAdminB'] as const;
const FIXTURE = ['sys', 'chair', 'chair4', 'unionAdmin', 'fedAdmin', 'fedAdmin2', 'analyst', 'analystF1'] as const;
export type Who = (typeof EXTRA)[number] | (typeof FIXTURE)[number];

/** The state the nomination tests share: a client per account, ids, award types, the batches approved together. */
export type S = Record<Who, Api> & {
  t: TestServer;
  /** account ids (as the API answers them) */
  id: Record<string, string>;
  /** the level each reviewing account's role reviews at */
  level: Record<string, string | undefined>;
  /** the member record linked to an account */
  member: Record<string, string | undefined>;
  types: Record<string, string>;
  /** a G1 member that chairM's account holds; a G2 member that unionSelf's account holds */
  selfMember: string;
  selfMember2: string;
  /** nomination ids approved together by one reviewNominations call */
  batches: string[][];
};

let cur: S;

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id } } }';

export async function login(t: TestServer, username: string, password = PASSWORD): Promise<{ api: Api; id: string }> {
  const r = await t.anon.q(LOGIN, { u: username, p: password });
  return { api: new Api(t.url, r.login.token), id: r.login.user.id };
}

let memberSeq = 0;
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Linh', 'Minh', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vinh'];

/** A new member (through the API), so that every test has nominees of its own. */
export async function freshMember(a: S, grassrootsUnionId: number | string, teamId?: number | string): Promise<string> {
  const n = ++memberSeq;
  const r = await a.sys.q(
    `mutation($n: String!, $g: ID!, $t: ID) { createMember(fullName: $n, gender: FEMALE, grassrootsUnionId: $g, teamId: $t) { id } }`,
    { n: `Lương Thị ${GIVEN[n % GIVEN.length]} ${n}`, g: grassrootsUnionId, t: teamId },
  );
  return r.createMember.id;
}

export async function setup(t: TestServer): Promise<S> {
  const a = { t, batches: [] } as unknown as S;
  const names: Record<(typeof FIXTURE)[number], Parameters<TestServer['as']>[0]> = {
    sys: 'sysadmin', chair: 'chair', chair4: 'chair4', unionAdmin: 'unionAdmin', fedAdmin: 'fedAdmin', fedAdmin2: 'fedAdmin2', analyst: 'analyst', analystF1: 'analystF1',
  };
  a.id = {};
  for (const [k, v] of Object.entries(names)) {
    a[k as Who] = await t.as(v);
    a.id[k] = String(t.fx.users[v]);
  }
  a.types = Object.fromEntries((await a.sys.q(`{ allAwardTypes { id code } }`)).allAwardTypes.map((x: any) => [x.code, x.id]));
  a.selfMember = await freshMember(a, t.fx.G1.id);
  a.selfMember2 = await freshMember(a, t.fx.G2.id);

  const extra: Record<(typeof EXTRA)[number], { username: string; role: string; scope: number; memberId?: string }> = {
    chairB: { username: 'vicechair', role: 'GRASSROOTS_CHAIR', scope: t.fx.G1.id },
    chairM: { username: 'chairself', role: 'GRASSROOTS_CHAIR', scope: t.fx.G1.id, memberId: a.selfMember },
    chairG3: { username: 'chairg3', role: 'GRASSROOTS_CHAIR', scope: t.fx.G3.id },
    unionAdminB: { username: 'union2', role: 'UNION_ADMIN', scope: t.fx.U1.id },
    unionSelf: { username: 'unionself', role: 'UNION_ADMIN', scope: t.fx.U1.id, memberId: a.selfMember2 },
    fedAdminB: { username: 'fed2', role: 'FEDERATION_ADMIN', scope: t.fx.F1.id },
  };
  for (const [k, u] of Object.entries(extra)) {
    await a.sys.q(
      `mutation($u: String!, $p: String!, $n: String!, $r: Role!, $s: ID, $m: ID) { createUser(username: $u, password: $p, fullName: $n, role: $r, scopeUnitId: $s, memberId: $m) { id } }`,
      { u: u.username, p: PASSWORD, n: `Tài khoản ${u.username}`, r: u.role, s: u.scope, m: u.memberId },
    );
    const { api, id } = await login(t, u.username);
    a[k as Who] = api;
    a.id[k] = id;
  }
  a.level = {
    chair: 'GRASSROOTS', chairB: 'GRASSROOTS', chairM: 'GRASSROOTS', chairG3: 'GRASSROOTS', chair4: 'GRASSROOTS',
    unionAdmin: 'UNION', unionAdminB: 'UNION', unionSelf: 'UNION',
    fedAdmin: 'FEDERATION', fedAdminB: 'FEDERATION', fedAdmin2: 'FEDERATION',
  };
  a.member = { chairM: a.selfMember, unionSelf: a.selfMember2 };
  cur = a;
  return a;
}

export const accounts = (a: S): Record<string, Api> => Object.fromEntries([...FIXTURE, ...EXTRA].map((k) => [k, a[k]]));
export const type = (a: S, code: string): string => {
  if (!a.types[code]) throw new Error(`no award type ${code}`);
  return a.types[code];
};
export const batches = (a: S) => a.batches;

export interface NominationVars {
  type: string;
  member?: string | number;
  unit?: string | number;
  year?: number;
  nominatingUnitId?: string | number;
  achievements?: string;
}

/** The variables of CREATE. */
export function N(a: S, v: NominationVars): Record<string, unknown> {
  return { t: type(a, v.type), y: v.year ?? YEAR, a: v.achievements ?? `Hoàn thành xuất sắc nhiệm vụ năm ${v.year ?? YEAR}`, m: v.member, u: v.unit, n: v.nominatingUnitId };
}

export async function nominate(api: Api, v: NominationVars) {
  return (await api.q(CREATE, N(cur, v))).createNomination;
}

export async function submit(api: Api, id: string) {
  return (await api.q(SUBMIT, { id })).submitNomination;
}

export async function createAndSubmit(api: Api, v: NominationVars) {
  return submit(api, (await nominate(api, v)).id);
}

export async function review(api: Api, id: string, d: 'APPROVE' | 'REJECT' | 'RETURN', comment?: string | null, version?: number) {
  return (await api.q(REVIEW, { id, d, c: comment ?? undefined, v: version })).reviewNomination;
}

/** reviewNominations; remembers which nominations one call approved together (for the numbering check). */
export async function reviewMany(a: S, api: Api, ids: string[], d: 'APPROVE' | 'REJECT' | 'RETURN', comment?: string) {
  const res = (await api.q(REVIEW_MANY, { ids, d, c: comment })).reviewNominations;
  const approved = res.filter((r: any) => r.ok && r.nomination?.award).map((r: any) => r.id);
  if (approved.length > 1) a.batches.push(approved);
  return res;
}

export async function read(a: S, id: string) {
  return (await a.sys.q(READ, { id })).Nomination;
}

export interface Attempt {
  ok: boolean;
  data?: any;
  error?: GqlError & { extensions?: { code?: string; field?: string; rule?: string } };
  code?: string;
}

/** Runs an operation and answers its data or its first error, as a client sees them. */
export async function attempt(api: Api, query: string, vars: Record<string, unknown>): Promise<Attempt> {
  try {
    return { ok: true, data: await api.q(query, vars) };
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    const error = (e.response.errors ?? [])[0] as Attempt['error'];
    return { ok: false, error, code: error?.extensions?.code };
  }
}

export async function expectRefused(api: Api, query: string, vars: Record<string, unknown>, code: string, extra: Record<string, string> = {}) {
  const errs = await api.errorsOf(query, vars);
  expect({ vars, ext: errs[0]?.extensions }).toEqual({ vars, ext: expect.objectContaining({ code, ...extra }) });
  return errs[0];
}

/** What a refused step must leave as it was. */
export function snapshot(n: any) {
  return {
    id: n.id, status: n.status, currentLevel: n.currentLevel, version: n.version, achievements: n.achievements, awardTypeId: n.awardTypeId,
    year: n.year, nomineeMemberId: n.nomineeMemberId, nomineeUnitId: n.nomineeUnitId, reviews: n.reviews.length, history: n.history.length,
    award: n.award?.id ?? null,
  };
}

/** Reads the nomination back (and its awards) and compares it with what it was. */
export async function expectUnchanged(a: S, id: string, before: any) {
  const now = await read(a, id);
  expect(snapshot(now)).toEqual(snapshot(before));
  const awards = (await a.sys.q(AWARDS_OF, { filter: { nominationId: [id] } })).allAwards;
  expect(awards.map((w: any) => w.id)).toEqual(before.award ? [before.award.id] : []);
}

/**
 * Over every award of the run: a number the system assigned names one decision of one deciding
 * unit in one year, so awards sharing it were approved in one reviewNominations call.
 */
export async function checkNumbersNeverRepeat(a: S) {
  const all = (await a.sys.q(AWARDS_OF, {})).allAwards.filter((w: any) => w.decidingUnitId != null);
  expect(all.length).toBeGreaterThan(0);
  const groups = new Map<string, string[]>();
  for (const w of all) {
    const key = `${w.decidingUnitId}|${w.year}|${w.decisionNumber}`;
    groups.set(key, [...(groups.get(key) ?? []), w.nominationId]);
  }
  for (const [key, nominationIds] of groups) {
    if (nominationIds.length < 2) continue;
    const batch = a.batches.find((b) => nominationIds.every((id) => b.includes(id)));
    expect({ key, nominationIds, inOneCall: !!batch }).toEqual({ key, nominationIds, inOneCall: true });
  }
  // and one unit's number is never another unit's (the number names its deciding unit)
  const byNumber = new Map<string, Set<string>>();
  for (const w of all) byNumber.set(w.decisionNumber, (byNumber.get(w.decisionNumber) ?? new Set()).add(String(w.decidingUnitId)));
  for (const [number, owners] of byNumber) expect({ number, owners: owners.size }).toEqual({ number, owners: 1 });
}
