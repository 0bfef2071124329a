import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import introspectionSchema from 'virtual:introspection';
import { firstGraphQLError, GRAPHQL_URL, gqlRequest, toHttpError } from './graphql';
import { FIELDS, FIGURES } from './queries';
import { getToken } from './session';

/** react-admin resource names (URLs, i18n keys) → GraphQL types of the contract. */
export const RESOURCE_TYPES = {
  federations: 'Federation',
  unions: 'Union',
  grassrootsUnions: 'GrassrootsUnion',
  teams: 'Team',
  members: 'Member',
  users: 'User',
  awardTypes: 'AwardType',
  nominations: 'Nomination',
  awards: 'Award',
  auditEvents: 'AuditEvent',
} as const;
export type ResourceName = keyof typeof RESOURCE_TYPES;

const typeOf = (resource: string): string => (RESOURCE_TYPES as Record<string, string>)[resource] ?? resource;

function withFields(type: string, params: any, kind: 'list' | 'one') {
  const spec = FIELDS[type];
  if (!spec || params?.meta?.sparseFields) return params;
  const sparseFields = kind === 'one' ? (spec.one ?? spec.list) : spec.list;
  return { ...params, meta: { ...(params?.meta ?? {}), sparseFields } };
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

const base = buildGraphQLProvider({ client, introspection: { schema: introspectionSchema } as any });

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

export type ReviewDecision = 'APPROVE' | 'REJECT' | 'RETURN';
export interface NominationResult {
  id: string;
  ok: boolean;
  code?: string | null;
  message?: string | null;
}

const NOMINATION_FIELDS = 'id status currentLevel version';

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
  importMembers(p: { grassrootsUnionId: string; rows: Record<string, unknown>[]; mode: 'VALID_ROWS' | 'ALL_OR_NOTHING'; dryRun: boolean }): Promise<ImportReport>;
  overview(unitId?: string | null): Promise<Overview>;
  memberStats(unitId?: string | null): Promise<Array<{ unitId: string | null; count: number; unitName: string | null }>>;
  awardStats(p?: { unitId?: string | null; year?: number }): Promise<Array<{ awardTypeId: string; year: number; count: number; awardTypeName: string; awardTypeCode: string }>>;
  orgUnit(id: string): Promise<OrgUnitRef | null>;
}

export interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: Array<{ row: number; column: string; message: string }>;
}
export interface Overview {
  federations: number;
  unions: number;
  grassrootsUnions: number;
  teams: number;
  members: number;
  women: number;
  pendingNominations: number;
  awardsThisYear: number;
  year: number;
}
export interface OrgUnitRef {
  id: string;
  name: string;
  level: 'FEDERATION' | 'UNION' | 'GRASSROOTS' | 'TEAM';
  federationId?: string | null;
  unionId?: string | null;
  grassrootsUnionId?: string | null;
}

export const dataProvider: CongDoanDataProvider = {
  getList: (resource, params: GetListParams) =>
    call(() => base.getList(typeOf(resource), withFields(typeOf(resource), { ...params, filter: cleanFilter(params.filter) }, 'list'))),
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
      return { data: { ...params.previousData, ...n, pendingDecision: undefined } as any };
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
    const d = await gqlRequest(`mutation($id: ID!) { submitNomination(id: $id) { ${NOMINATION_FIELDS} } }`, { id });
    return d.submitNomination;
  },
  async withdrawNomination(id) {
    const d = await gqlRequest(`mutation($id: ID!) { withdrawNomination(id: $id) { ${NOMINATION_FIELDS} } }`, { id });
    return d.withdrawNomination;
  },
  async reviewNomination({ id, decision, comment, version }) {
    const d = await gqlRequest(
      `mutation($id: ID!, $decision: ReviewDecision!, $comment: String, $version: Int) {
        reviewNomination(id: $id, decision: $decision, comment: $comment, version: $version) { ${NOMINATION_FIELDS} award { id decisionNumber } }
      }`,
      { id, decision, comment: comment || null, version: version ?? null },
    );
    return d.reviewNomination;
  },
  async reviewNominations({ ids, decision, comment }) {
    const d = await gqlRequest(
      `mutation($ids: [ID!]!, $decision: ReviewDecision!, $comment: String) {
        reviewNominations(ids: $ids, decision: $decision, comment: $comment) { id ok code message }
      }`,
      { ids, decision, comment: comment || null },
    );
    return d.reviewNominations;
  },
  async recordConfederationDecision(p) {
    const d = await gqlRequest(
      `mutation($id: ID!, $approved: Boolean!, $decisionNumber: String, $decidedAt: String, $comment: String) {
        recordConfederationDecision(id: $id, approved: $approved, decisionNumber: $decisionNumber, decidedAt: $decidedAt, comment: $comment) { ${NOMINATION_FIELDS} }
      }`,
      { ...p, decisionNumber: p.decisionNumber || null, decidedAt: p.decidedAt || null, comment: p.comment || null },
    );
    return d.recordConfederationDecision;
  },
  async importMembers({ grassrootsUnionId, rows, mode, dryRun }) {
    const d = await gqlRequest(
      `mutation($g: ID!, $rows: [MemberImportRow!]!, $mode: ImportMode!, $dryRun: Boolean!) {
        importMembers(grassrootsUnionId: $g, rows: $rows, mode: $mode, dryRun: $dryRun) { total valid imported errors { row column message } }
      }`,
      { g: grassrootsUnionId, rows, mode, dryRun },
    );
    return d.importMembers;
  },
  async overview(unitId) {
    const d = await gqlRequest(
      FIGURES.overview,
      { unitId: unitId ?? null },
    );
    return d.overview;
  },
  async memberStats(unitId) {
    const d = await gqlRequest(
      FIGURES.memberStats,
      { unitId: unitId ?? null },
    );
    return d.memberStats.map((s: any) => ({ unitId: s.unitId, count: s.count, unitName: s.unit?.name ?? null }));
  },
  async awardStats(p = {}) {
    const d = await gqlRequest(
      FIGURES.awardStats,
      { unitId: p.unitId ?? null, year: p.year ?? null },
    );
    return d.awardStats.map((s: any) => ({
      awardTypeId: s.awardTypeId,
      year: s.year,
      count: s.count,
      awardTypeName: s.awardType?.name ?? '',
      awardTypeCode: s.awardType?.code ?? '',
    }));
  },
  async orgUnit(id) {
    const d = await gqlRequest(FIGURES.orgUnit, { id });
    return d.orgUnit;
  },
};

/** Which resource shows a unit of each level. */
export const LEVEL_RESOURCE: Record<string, ResourceName> = {
  FEDERATION: 'federations',
  UNION: 'unions',
  GRASSROOTS: 'grassrootsUnions',
  TEAM: 'teams',
};
