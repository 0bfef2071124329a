import { registerEnumType } from 'type-graphql';

/** Levels of the union tree, lowest first. CONFEDERATION (Tổng Liên đoàn) sits above the system. */
export enum OrgLevel {
  TEAM = 'TEAM',
  GRASSROOTS = 'GRASSROOTS',
  UNION = 'UNION',
  FEDERATION = 'FEDERATION',
  CONFEDERATION = 'CONFEDERATION',
}
registerEnumType(OrgLevel, { name: 'OrgLevel', description: 'TEAM < GRASSROOTS < UNION < FEDERATION < CONFEDERATION' });

export const LEVEL_RANK: Record<OrgLevel, number> = {
  TEAM: 0,
  GRASSROOTS: 1,
  UNION: 2,
  FEDERATION: 3,
  CONFEDERATION: 4,
};

/** The levels a unit may belong to inside the system (the confederation is outside it). */
export type UnitLevel = Exclude<OrgLevel, OrgLevel.CONFEDERATION>;

/**
 * Each unit row carries the ids of its ancestors *and itself* in these columns
 * (a federation's federation_id is its own id, a team's team_id its own id), as do members.
 * So "inside the subtree of unit X at level L" is always `<column of L> = X`: one indexed equality.
 */
export const ANCESTOR_COLUMN: Record<UnitLevel, 'federationId' | 'unionId' | 'grassrootsUnionId' | 'teamId'> = {
  FEDERATION: 'federationId',
  UNION: 'unionId',
  GRASSROOTS: 'grassrootsUnionId',
  TEAM: 'teamId',
};

/** Which parent levels a unit of each level may hang under. */
export const PARENT_LEVELS: Record<UnitLevel, UnitLevel[]> = {
  FEDERATION: [],
  UNION: [OrgLevel.FEDERATION],
  GRASSROOTS: [OrgLevel.UNION, OrgLevel.FEDERATION],
  TEAM: [OrgLevel.GRASSROOTS],
};
