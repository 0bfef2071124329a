/**
 * The panel's read queries, apart from the data provider so that the server's tests run these very
 * selections (test/query-limits.test.ts: each must pass the query cost limit at a 1,000-row page).
 */
import { AWARD_STATS, MEMBER_STATS, ORG_UNIT, OVERVIEW } from './operations';

export type Sparse = Array<string | Record<string, string[]>>;
const YEAR_ANCESTORS = ['federationId', 'unionId', 'grassrootsUnionId', 'teamId'];
const UNIT = ['id', 'name', 'code', 'active', 'level', 'createdAt', 'updatedAt', 'dissolvedAt'];

/**
 * The fields each resource asks for. Left alone, ra-data-graphql-simple selects every field and
 * every linked object (a grassroots union's 100 members, each unit's whole history): these
 * selections keep each request to what the screens show.
 */
export const FIELDS: Record<string, { list: Sparse; one?: Sparse }> = {
  Federation: { list: UNIT },
  Union: { list: [...UNIT, 'federationId'] },
  GrassrootsUnion: { list: [...UNIT, 'federationId', 'unionId'] },
  Team: { list: [...UNIT, 'federationId', 'unionId', 'grassrootsUnionId'] },
  Member: {
    list: [
      'id', 'fullName', 'gender', 'birthDate', 'phone', 'email', 'cardNumber', 'position', 'status', 'joinedAt', 'leftAt',
      'federationId', 'unionId', 'grassrootsUnionId', 'teamId', 'ethnicity', 'occupation',
    ],
    one: [
      'id', 'fullName', 'gender', 'birthDate', 'phone', 'email', 'nationalId', 'cardNumber', 'position', 'status', 'joinedAt',
      'leftAt', 'leftReason', 'ethnicity', 'occupation', 'disciplinedFrom', 'disciplinedUntil', 'federationId', 'unionId',
      'grassrootsUnionId', 'teamId', 'createdAt', 'updatedAt',
    ],
  },
  User: { list: ['id', 'username', 'fullName', 'role', 'scopeUnitId', 'memberId', 'active', 'lastLoginAt', 'createdAt'] },
  AwardType: { list: ['id', 'code', 'name', 'nomineeKind', 'decidingLevel', 'oncePerLifetime', 'active'] },
  Nomination: {
    list: [
      'id', 'awardTypeId', 'year', 'nomineeName', 'nomineeMemberId', 'nomineeUnitId', 'nominatingUnitId', 'status', 'currentLevel',
      'version', 'createdById', 'federationId', 'unionId', 'grassrootsUnionId', 'createdAt', 'updatedAt', 'achievements',
    ],
    one: [
      'id', 'awardTypeId', 'year', 'achievements', 'nomineeName', 'nomineeMemberId', 'nomineeUnitId', 'nominatingUnitId', 'status',
      'currentLevel', 'version', 'createdById', 'federationId', 'unionId', 'grassrootsUnionId', 'createdAt', 'updatedAt',
      { history: ['id', 'action', 'actorId', 'actorName', 'at', 'comment', 'fromStatus', 'toStatus', 'level'] },
      { award: ['id', 'decisionNumber', 'decidedAt'] },
    ],
  },
  Award: {
    list: [
      'id', 'nominationId', 'awardTypeId', 'year', 'nomineeName', 'nomineeMemberId', 'nomineeUnitId', 'decisionNumber', 'decidedAt',
      'decidedById', 'decidingUnitId', 'federationId', 'unionId', 'grassrootsUnionId', 'teamId',
    ],
    // An award's page links its decision's page.
    one: [
      'id', 'nominationId', 'awardTypeId', 'year', 'nomineeName', 'nomineeMemberId', 'nomineeUnitId', 'decisionNumber', 'decidedAt',
      'decidedById', 'decidingUnitId', 'federationId', 'unionId', 'grassrootsUnionId', 'teamId', 'decisionId',
    ],
  },
  AwardDecision: { list: ['id', 'decisionNumber', 'decidedAt', 'year', 'decidingUnitId', 'awardCount'] },
  AuditEvent: {
    list: ['id', 'action', 'entityType', 'entityId', 'actorId', 'actorName', 'unitId', 'at'],
    one: ['id', 'action', 'entityType', 'entityId', 'actorId', 'actorName', 'unitId', 'at', 'before', 'after'],
  },
  // The union's year: the stored fields, the computed ones the screens show, and the ancestors (filters, scope).
  Target: {
    list: [
      'id', 'unitId', 'year', 'indicatorId', { indicator: ['id', 'code', 'name', 'unit'] }, 'source', 'planned', 'actual', 'rate', 'reportedRate',
      'rateGap', 'status', 'assignedByUnitId', 'note', ...YEAR_ANCESTORS,
    ],
  },
  WelfareRecord: { list: ['id', 'unitId', 'memberId', 'date', 'year', 'kind', 'count', 'amount', 'fundSource', 'note', ...YEAR_ANCESTORS] },
  AnnualRating: { list: ['id', 'unitId', 'year', 'level', 'score', 'appraisedByUnitId', 'decisionNumber', ...YEAR_ANCESTORS] },
  Initiative: { list: ['id', 'unitId', 'title', 'year', 'authorMemberIds', 'status', 'benefit', 'recognizedBy', ...YEAR_ANCESTORS] },
  Congress: {
    list: ['id', 'unitId', 'ordinal', 'heldOn', 'termStartYear', 'termEndYear', 'form', 'convenedCount', 'attendedCount', 'quorate', 'motto', ...YEAR_ANCESTORS],
    one: [
      'id', 'unitId', 'ordinal', 'heldOn', 'termStartYear', 'termEndYear', 'form', 'convenedCount', 'attendedCount', 'quorate', 'motto', ...YEAR_ANCESTORS,
      { seats: ['id', 'memberId', 'position'] },
    ],
  },
  CommitteeSeat: { list: ['id', 'congressId', 'memberId', 'position', 'federationId', 'unionId', 'grassrootsUnionId'] },
  EmulationMovement: { list: ['id', 'name', 'kind', 'launchedByUnitId', 'startsOn', 'endsOn', 'theme', 'planDocNumber', ...YEAR_ANCESTORS] },
  EmulationCluster: { list: ['id', 'name', 'kind', 'organizingUnitId', 'active', ...YEAR_ANCESTORS] },
  ClusterEntry: { list: ['id', 'clusterId', 'unitId', 'year', 'role', 'score', 'rank', 'leading', 'federationId', 'unionId', 'grassrootsUnionId'] },
  Indicator: { list: ['id', 'code', 'name', 'unit', 'aggregation', 'active'] },
};

/** The dashboard's figures and the unit look-up of exports and breadcrumbs (the documents the panel sends). */
export const FIGURES = { overview: OVERVIEW, memberStats: MEMBER_STATS, awardStats: AWARD_STATS, orgUnit: ORG_UNIT };
