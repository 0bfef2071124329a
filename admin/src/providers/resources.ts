/**
 * The panel's resources and the levels of the tree, as data (no React): the data provider, canAccess,
 * the screens and test/panel-rules.test.ts read them from here.
 */
import type { UnitLevel } from './sessionUser';

/**
 * Records of the union's year whose screens come from the year kit (year/kit.tsx, specs.tsx) and whose
 * fields the data provider asks by introspection (all plain fields): read with ReadYear,
 * written with WriteYear inside one's scope, as the server's writesYearRecordsOf. One line each.
 */
export const YEAR_RECORDS = {
  yearEndConferences: 'YearEndConference',
} as const;

/** react-admin resource names (URLs, i18n keys) → GraphQL types of the contract. */
export const RESOURCE_TYPES = {
  ...YEAR_RECORDS,
  federations: 'Federation',
  unions: 'Union',
  grassrootsUnions: 'GrassrootsUnion',
  teams: 'Team',
  members: 'Member',
  users: 'User',
  awardTypes: 'AwardType',
  nominations: 'Nomination',
  awards: 'Award',
  awardDecisions: 'AwardDecision',
  auditEvents: 'AuditEvent',
  // The union's year (issue 9)
  targets: 'Target',
  welfareRecords: 'WelfareRecord',
  annualRatings: 'AnnualRating',
  initiatives: 'Initiative',
  congresses: 'Congress',
  committeeSeats: 'CommitteeSeat',
  emulationMovements: 'EmulationMovement',
  emulationClusters: 'EmulationCluster',
  clusterEntries: 'ClusterEntry',
  indicators: 'Indicator',
} as const;
export type ResourceName = keyof typeof RESOURCE_TYPES;

/** The org-unit levels, top down: the resource that shows each, and the column that names a row's ancestor of that level. */
export const UNIT_LEVELS: Record<UnitLevel, { resource: ResourceName; field: string }> = {
  FEDERATION: { resource: 'federations', field: 'federationId' },
  UNION: { resource: 'unions', field: 'unionId' },
  GRASSROOTS: { resource: 'grassrootsUnions', field: 'grassrootsUnionId' },
  TEAM: { resource: 'teams', field: 'teamId' },
};

export const LEVEL_RANK: Record<string, number> = { TEAM: 0, GRASSROOTS: 1, UNION: 2, FEDERATION: 3, CONFEDERATION: 4 };

/** Which resource shows a unit of each level. */
export const LEVEL_RESOURCE: Record<string, ResourceName> = Object.fromEntries(Object.entries(UNIT_LEVELS).map(([level, u]) => [level, u.resource]));

/** The level of each org-unit resource. */
export const UNIT_RESOURCES: Partial<Record<string, UnitLevel>> = Object.fromEntries(
  Object.entries(UNIT_LEVELS).map(([level, u]) => [u.resource, level as UnitLevel]),
);
