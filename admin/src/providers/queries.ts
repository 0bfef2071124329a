/**
 * The panel's read queries, apart from the data provider so that the server's tests run these very
 * selections (test/query-limits.test.ts: each must pass the query cost limit at a 1,000-row page).
 */
import { AWARD_STATS, MEMBER_STATS, ORG_UNIT, OVERVIEW } from './operations';

export type Sparse = Array<string | Record<string, string[]>>;
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
  },
  AuditEvent: {
    list: ['id', 'action', 'entityType', 'entityId', 'actorId', 'actorName', 'unitId', 'at'],
    one: ['id', 'action', 'entityType', 'entityId', 'actorId', 'actorName', 'unitId', 'at', 'before', 'after'],
  },
};

/** The dashboard's figures and the unit look-up of exports and breadcrumbs (the documents the panel sends). */
export const FIGURES = { overview: OVERVIEW, memberStats: MEMBER_STATS, awardStats: AWARD_STATS, orgUnit: ORG_UNIT };
