import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { IntrospectionOutputTypeRef } from 'graphql';
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import introspectionSchema from 'virtual:introspection';
import type * as G from '../generated/graphql';
import { firstGraphQLError, GRAPHQL_URL, gqlRequest, toHttpError } from './graphql';
import {
  AWARD_STATS,
  DECISION_AWARDS,
  FIGURE_AWARDS,
  FIGURE_MEMBERS,
  FIGURE_NOMINATIONS,
  IMPORT_MEMBERS,
  MEMBER_STATS,
  UNIT_REF,
  OVERVIEW,
  RECORD_CONFEDERATION_DECISION,
  REVIEW_NOMINATION,
  REVIEW_NOMINATIONS,
  SUBMIT_NOMINATION,
  WITHDRAW_NOMINATION,
  YEAR_REPORT,
  IMPORT_TARGETS,
  IMPORT_WELFARE,
} from './operations';
import { FIELDS, type Sparse } from './queries';
import { RESOURCE_TYPES, YEAR_RECORDS } from './resources';
import type { StatRow } from '../figures/model';
import { getToken } from './session';

const typeOf = (resource: string): string => (RESOURCE_TYPES as Record<string, string>)[resource] ?? resource;

const namedKind = (t: IntrospectionOutputTypeRef): string => ('ofType' in t && t.ofType ? namedKind(t.ofType) : t.kind);

/** The plain values of a type (scalars and enums, no arguments), never the objects it links to: the screens of YEAR_RECORDS ask for these. */
function plainFields(type: string): Sparse {
  const t = introspectionSchema.types.find((x) => x.name === type);
  if (!t || t.kind !== 'OBJECT') return ['id'];
  return t.fields.filter((f) => f.args.length === 0 && ['SCALAR', 'ENUM'].includes(namedKind(f.type))).map((f) => f.name);
}
const RECORD_FIELDS = Object.fromEntries(Object.values(YEAR_RECORDS).map((type) => [type, { list: plainFields(type) }]));

function withFields<P extends { meta?: Record<string, unknown> }>(type: string, params: P, kind: 'list' | 'one'): P {
  const spec = FIELDS[type] ?? RECORD_FIELDS[type];
  if (!spec || params?.meta?.sparseFields) return params;
  const sparseFields = kind === 'one' ? (spec.one ?? spec.list) : spec.list;
  return { ...params, meta: { ...(params?.meta ?? {}), sparseFields } };
}

/**
 * The references a list shows on each row, fetched with the list itself: react-admin's prefetching
 * (`meta.prefetched` fills its cache), so that the ReferenceFields of the rows need no second round
 * trip after the list arrives. [object field, its id field, the referenced resource].
 */
const PREFETCH: Record<string, Array<[string, string, string]>> = {
  Member: [
    ['grassrootsUnion', 'grassrootsUnionId', 'grassrootsUnions'],
    ['team', 'teamId', 'teams'],
  ],
  Nomination: [['awardType', 'awardTypeId', 'awardTypes']],
  Award: [['awardType', 'awardTypeId', 'awardTypes']],
  GrassrootsUnion: [
    ['union', 'unionId', 'unions'],
    ['federation', 'federationId', 'federations'],
  ],
  Union: [['federation', 'federationId', 'federations']],
};
const TYPE_OF_RESOURCE: Record<string, string> = RESOURCE_TYPES as Record<string, string>;

/**
 * The query options of a ReferenceField whose record a list prefetches: the list's own fetch (and
 * each refetch) refreshes that record, so the field does not refetch it by itself when a list is
 * shown again from the cache (two redundant calls on every return to the member list).
 */
export const PREFETCHED_REFERENCE = { staleTime: 60_000 } as const;

function withPrefetch<P extends { meta?: Record<string, unknown> }>(type: string, params: P): P {
  const refs = PREFETCH[type];
  const fields = params.meta?.sparseFields as Sparse | undefined;
  // Pages of the screens only; exports (1,000 rows) ask for ids and name them themselves.
  const perPage = (params as { pagination?: { perPage?: number } }).pagination?.perPage ?? 0;
  if (!refs || !fields || perPage > 100) return params;
  const extra = refs.map(([field, , resource]) => ({ [field]: FIELDS[TYPE_OF_RESOURCE[resource]].list as string[] }));
  return { ...params, meta: { ...params.meta, sparseFields: [...fields, ...extra] } };
}

/** Takes the prefetched objects off the rows into react-admin's `meta.prefetched`. */
function splitPrefetched<R extends { data: RaRecord[] }>(type: string, result: R): R & { meta?: { prefetched: Record<string, RaRecord[]> } } {
  const refs = PREFETCH[type];
  if (!refs) return result;
  const prefetched: Record<string, Map<string, RaRecord>> = {};
  const data = result.data.map((row) => {
    const out: RaRecord = { ...row };
    for (const [field, , resource] of refs) {
      const ref = out[field] as RaRecord | null | undefined;
      delete out[field];
      if (ref?.id != null) (prefetched[resource] ??= new Map()).set(String(ref.id), ref);
    }
    return out;
  });
  const meta = { prefetched: Object.fromEntries(Object.entries(prefetched).map(([r, m]) => [r, [...m.values()]])) };
  return { ...result, data, meta: { ...(result as { meta?: object }).meta, ...meta } };
}

/** Filter values react-admin keeps as '' (a cleared input) mean "no filter". */
function cleanFilter(filter: Record<string, unknown> | undefined) {
  if (!filter) return filter;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) if (v !== '' && v !== undefined && v !== null) out[k] = v;
  return out;
}

/** Writes send only the arguments the mutation takes (the provider drops the rest) and '' as null. */
function cleanData(data: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v === '' ? null : v;
  return out;
}

const client = new ApolloClient({
  link: new HttpLink({
    uri: GRAPHQL_URL,
    fetch: (input, init) => {
      const token = getToken();
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  }),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only', errorPolicy: 'none' }, mutate: { errorPolicy: 'none' } },
});

/**
 * Reads skip Apollo's normalised cache ('no-cache'): react-query keeps the panel's data, and
 * writing every answer into a second cache (to read it straight back) cost more than the request
 * itself on a busy page (docs/panel-speed.md).
 */
const base = buildGraphQLProvider({ client, introspection: { schema: introspectionSchema }, query: () => ({ fetchPolicy: 'no-cache' }) });

/**
 * Units by id, batched: the UnitRefFields of a page (a nominations list names a unit on each row)
 * ask together, in one request of aliased `orgUnit` fields, instead of one request per unit.
 */
const unitWaiters = new Map<string, Array<{ resolve: (u: OrgUnitRef | null) => void; reject: (e: unknown) => void }>>();
let unitTimer: ReturnType<typeof setTimeout> | null = null;
const UNIT_BATCH = 50;

async function flushUnits() {
  unitTimer = null;
  const all = [...unitWaiters.entries()];
  unitWaiters.clear();
  for (let i = 0; i < all.length; i += UNIT_BATCH) {
    const part = all.slice(i, i + UNIT_BATCH);
    const vars = part.map((_, j) => `$i${j}: ID!`).join(', ');
    const fields = part.map((_, j) => `u${j}: orgUnit(id: $i${j}) { ...UnitRef }`).join('\n');
    const query = `query OrgUnits(${vars}) {\n${fields}\n}\n${UNIT_REF}`;
    const variables = Object.fromEntries(part.map(([id], j) => [`i${j}`, id]));
    try {
      const token = getToken();
      const res = await fetch(GRAPHQL_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await res.json()) as { data?: Record<string, OrgUnitRef | null>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      // A unit outside the scope answers null (NOT_FOUND for its alias alone); a signed-out session fails them all.
      const fatal = json.errors?.find((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? (!json.data ? json.errors?.[0] : undefined);
      if (fatal) throw toHttpError(fatal);
      part.forEach(([, waiters], j) => waiters.forEach((w) => w.resolve(json.data?.[`u${j}`] ?? null)));
    } catch (e) {
      part.forEach(([, waiters]) => waiters.forEach((w) => w.reject(e)));
    }
  }
}

function orgUnitBatched(id: string): Promise<OrgUnitRef | null> {
  return new Promise((resolve, reject) => {
    const waiters = unitWaiters.get(id) ?? [];
    waiters.push({ resolve, reject });
    unitWaiters.set(id, waiters);
    unitTimer ??= setTimeout(flushUnits, 5);
  });
}

/** Runs a call of the base provider, turning Apollo's errors into the panel's HttpError. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const g = firstGraphQLError(e);
    if (g) throw toHttpError(g);
    throw e;
  }
}

export type ReviewDecision = G.ReviewDecision;
/** The outcome of one nomination in a batch review. */
export type NominationResult = G.ReviewNominationsMutation['reviewNominations'][number];

/** A batch review where some nominations could not be processed (each outcome is in `results`). */
export class ReviewBatchError extends Error {
  status = 409;
  constructor(public readonly results: NominationResult[]) {
    super('resources.nominations.notification.partial');
  }
  get body() {
    return { results: this.results };
  }
}

/** The workflow and the figures: custom methods next to react-admin's CRUD. */
export interface CongDoanDataProvider extends DataProvider {
  submitNomination(id: string): Promise<RaRecord>;
  withdrawNomination(id: string): Promise<RaRecord>;
  reviewNomination(p: { id: string; decision: ReviewDecision; comment?: string; version?: number }): Promise<RaRecord>;
  reviewNominations(p: { ids: string[]; decision: ReviewDecision; comment?: string }): Promise<NominationResult[]>;
  recordConfederationDecision(p: { id: string; approved: boolean; decisionNumber?: string; decidedAt?: string; comment?: string }): Promise<RaRecord>;
  importMembers(p: G.ImportMembersMutationVariables): Promise<ImportReport>;
  overview(unitId?: string | null): Promise<Overview>;
  memberStats(unitId?: string | null): Promise<MemberStatRow[]>;
  awardStats(p?: { unitId?: string | null; year?: number }): Promise<AwardStatRow[]>;
  orgUnit(id: string): Promise<OrgUnitRef | null>;
  yearReport(unitId: string, year: number): Promise<YearReport>;
  importTargets(p: G.ImportTargetsMutationVariables): Promise<YearImportReport>;
  importWelfareRecords(p: G.ImportWelfareRecordsMutationVariables): Promise<YearImportReport>;
  /** The figures page: counts of members, awards or nominations by the dimensions asked, under a unit. */
  figures(p: FiguresParams): Promise<StatRow[]>;
  /** The awards of one decision (its number in its year, by its deciding unit), by nominee name. */
  decisionAwards(p: { decisionNumber: string; year: number; decidingUnitId: string | null; withSigner: boolean }): Promise<DecisionAward[]>;
}

export type YearImportReport = G.ImportTargetsMutation['importTargets'];

export type YearReport = G.YearReportQuery['yearReport'];

export type DecisionAward = G.DecisionAwardsQuery['allAwards'][number];

export type FiguresParams =
  | { subject: 'members'; unitId: string | null; by: G.MemberDimension[]; filter: G.MemberFilter; activeOnly: boolean }
  | { subject: 'awards'; unitId: string | null; by: G.AwardDimension[]; filter: G.AwardFilter }
  | { subject: 'nominations'; unitId: string | null; by: G.NominationDimension[]; filter: G.NominationFilter };

export type ImportReport = G.ImportMembersMutation['importMembers'];
export type Overview = G.OverviewQuery['overview'];
/** A unit of any level, by id: enough to name it and link to its page. */
export type OrgUnitRef = G.UnitRefFragment;
export interface MemberStatRow {
  unitId: string | null;
  count: number;
  unitName: string | null;
}
/** One bar of the awards chart (asked by award type and year; the schema leaves both nullable for the dimensions not asked). */
export interface AwardStatRow {
  awardTypeId: string | null;
  year: number | null;
  count: number;
  awardTypeName: string;
  awardTypeCode: string;
}

export const dataProvider: CongDoanDataProvider = {
  getList: async (resource, params: GetListParams) => {
    const type = typeOf(resource);
    const result = await call(() => base.getList(type, withPrefetch(type, withFields(type, { ...params, filter: cleanFilter(params.filter) }, 'list'))));
    return splitPrefetched(type, result);
  },
  getOne: (resource, params) => call(() => base.getOne(typeOf(resource), withFields(typeOf(resource), params, 'one'))),
  getMany: (resource, params) => call(() => base.getMany(typeOf(resource), withFields(typeOf(resource), params, 'list'))),
  getManyReference: (resource, params) =>
    call(() => base.getManyReference(typeOf(resource), withFields(typeOf(resource), { ...params, filter: cleanFilter(params.filter) }, 'list'))),
  create: (resource, params) =>
    call(() => base.create(typeOf(resource), withFields(typeOf(resource), { ...params, data: cleanData(params.data) }, 'one'))),
  async update(resource, params) {
    // The review workflow rides on update so that react-admin's undoable mutations work for it (AcceptButton).
    const review = params.meta?.review as { decision: ReviewDecision; comment?: string } | undefined;
    if (resource === 'nominations' && review) {
      const n = await dataProvider.reviewNomination({ id: String(params.id), ...review, version: params.previousData?.version });
      return { data: { ...params.previousData, ...n, pendingDecision: undefined } };
    }
    return call(() => base.update(typeOf(resource), withFields(typeOf(resource), { ...params, data: cleanData(params.data) }, 'one')));
  },
  async updateMany(resource, params) {
    const review = params.meta?.review as { decision: ReviewDecision; comment?: string } | undefined;
    if (resource === 'nominations' && review) {
      const results = await dataProvider.reviewNominations({ ids: params.ids.map(String), ...review });
      const failed = results.filter((r) => !r.ok);
      if (failed.length) throw new ReviewBatchError(results);
      return { data: results.map((r) => r.id) };
    }
    return call(() => base.updateMany(typeOf(resource), params));
  },
  delete: (resource, params) => call(() => base.delete(typeOf(resource), withFields(typeOf(resource), params, 'one'))),
  deleteMany: (resource, params) => call(() => base.deleteMany(typeOf(resource), params)),

  async submitNomination(id) {
    return (await gqlRequest(SUBMIT_NOMINATION, { id })).submitNomination;
  },
  async withdrawNomination(id) {
    return (await gqlRequest(WITHDRAW_NOMINATION, { id })).withdrawNomination;
  },
  async reviewNomination({ id, decision, comment, version }) {
    const d = await gqlRequest(REVIEW_NOMINATION, { id, decision, comment: comment || null, version: version ?? null });
    return d.reviewNomination;
  },
  async reviewNominations({ ids, decision, comment }) {
    return (await gqlRequest(REVIEW_NOMINATIONS, { ids, decision, comment: comment || null })).reviewNominations;
  },
  async recordConfederationDecision(p) {
    const d = await gqlRequest(RECORD_CONFEDERATION_DECISION, {
      ...p,
      decisionNumber: p.decisionNumber || null,
      decidedAt: p.decidedAt || null,
      comment: p.comment || null,
    });
    return d.recordConfederationDecision;
  },
  async importMembers(p) {
    return (await gqlRequest(IMPORT_MEMBERS, p)).importMembers;
  },
  async overview(unitId) {
    return (await gqlRequest(OVERVIEW, { unitId: unitId ?? null })).overview;
  },
  async memberStats(unitId) {
    const d = await gqlRequest(MEMBER_STATS, { unitId: unitId ?? null });
    return d.memberStats.map((s) => ({ unitId: s.unitId, count: s.count, unitName: s.unit?.name ?? null }));
  },
  async awardStats(p = {}) {
    const d = await gqlRequest(AWARD_STATS, { unitId: p.unitId ?? null, year: p.year ?? null });
    return d.awardStats.map((s) => ({
      awardTypeId: s.awardTypeId,
      year: s.year,
      count: s.count,
      awardTypeName: s.awardType?.name ?? '',
      awardTypeCode: s.awardType?.code ?? '',
    }));
  },
  orgUnit(id) {
    return orgUnitBatched(String(id));
  },
  async figures(p) {
    if (p.subject === 'members') return (await gqlRequest(FIGURE_MEMBERS, { unitId: p.unitId, by: p.by, filter: p.filter, activeOnly: p.activeOnly })).memberStats;
    if (p.subject === 'awards') return (await gqlRequest(FIGURE_AWARDS, { unitId: p.unitId, by: p.by, filter: p.filter })).awardStats;
    return (await gqlRequest(FIGURE_NOMINATIONS, { unitId: p.unitId, by: p.by, filter: p.filter })).nominationStats;
  },
  async decisionAwards({ decisionNumber, year, decidingUnitId, withSigner }) {
    const filter = { decisionNumber: [decisionNumber], year: [year], ...(decidingUnitId ? { decidingUnitId: [decidingUnitId] } : {}) };
    const d = await gqlRequest(DECISION_AWARDS, { filter, withSigner });
    // The confederation's decisions have no deciding unit (the filter cannot ask for null).
    return d.allAwards.filter((a) => (a.decidingUnitId ?? null) === (decidingUnitId ?? null));
  },
  async yearReport(unitId, year) {
    return (await gqlRequest(YEAR_REPORT, { unitId, year })).yearReport;
  },
  async importTargets(p) {
    return (await gqlRequest(IMPORT_TARGETS, p)).importTargets;
  },
  async importWelfareRecords(p) {
    return (await gqlRequest(IMPORT_WELFARE, p)).importWelfareRecords;
  },
};
