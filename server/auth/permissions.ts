import { registerEnumType } from 'type-graphql';
import { Role } from './role';
import { OrgLevel, UnitLevel } from '../org/org-level';
import type { OrgUnit } from '../org/org-unit.entity';
import { Scope, unitInScope } from './scope';

/**
 * Every permission the API checks, declared once. Resolvers name the permission they need with
 * `@Authorized(Permission.X)`; the auth checker (auth/auth-checker.ts) looks it up here. Where a
 * permission holds is always the caller's scope subtree (auth/scope.ts), applied in SQL.
 * test/permission-surface.test.ts compares which operation needs what with a committed snapshot:
 * a diff there is a permission change to review. test/permissions.test.ts checks each rule both ways.
 */
export enum Permission {
  ReadOrg = 'ReadOrg',
  WriteFederation = 'WriteFederation',
  WriteUnion = 'WriteUnion',
  WriteGrassroots = 'WriteGrassroots',
  WriteTeam = 'WriteTeam',
  ReadMember = 'ReadMember',
  WriteMember = 'WriteMember',
  ReadUser = 'ReadUser',
  WriteUser = 'WriteUser',
  ReadAudit = 'ReadAudit',
  ReadAwardType = 'ReadAwardType',
  WriteAwardType = 'WriteAwardType',
  ReadNomination = 'ReadNomination',
  /** create, edit, submit and withdraw nominations of units in one's scope */
  Nominate = 'Nominate',
  /** review nominations waiting at the level of one's role */
  Review = 'Review',
  /** record the confederation's decision on a FORWARDED nomination */
  RecordConfederationDecision = 'RecordConfederationDecision',
  ReadAward = 'ReadAward',
  /** the union's year: movements, clusters, ratings, targets, welfare, initiatives, congresses */
  ReadYear = 'ReadYear',
  /** write the year's records of units in one's scope (one's own level and below) */
  WriteYear = 'WriteYear',
  /** annual ratings: written by the level above the rated unit (see ratingRefusal) */
  RateUnits = 'RateUnits',
  /** the indicator catalogue and the rules' thresholds */
  WriteIndicator = 'WriteIndicator',
  /** create, list and revoke one's own personal API tokens (never another account's): every role */
  ManageOwnApiTokens = 'ManageOwnApiTokens',
}

registerEnumType(Permission, { name: 'Permission', description: 'what a role may do (server/auth/permissions.ts); always inside its scope' });

const ADMIN_READS = [
  Permission.ReadOrg,
  Permission.ReadMember,
  Permission.ReadUser,
  Permission.ReadAudit,
  Permission.ReadAwardType,
  Permission.ReadNomination,
  Permission.ReadAward,
];
const COMMENDATION = [Permission.Nominate, Permission.Review];
const YEAR = [Permission.ReadYear, Permission.WriteYear, Permission.RateUnits];
/** What every account may do with itself: a token acts as its account, so it carries no more than the account. */
const OWN = [Permission.ManageOwnApiTokens];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  SYSTEM_ADMIN: Object.values(Permission),
  FEDERATION_ADMIN: [
    ...ADMIN_READS,
    Permission.WriteUnion,
    Permission.WriteGrassroots,
    Permission.WriteTeam,
    Permission.WriteMember,
    Permission.WriteUser,
    ...COMMENDATION,
    Permission.RecordConfederationDecision,
    ...YEAR,
    ...OWN,
  ],
  UNION_ADMIN: [...ADMIN_READS, Permission.WriteGrassroots, Permission.WriteTeam, Permission.WriteMember, Permission.WriteUser, ...COMMENDATION, ...YEAR, ...OWN],
  GRASSROOTS_CHAIR: [...ADMIN_READS, Permission.WriteTeam, Permission.WriteMember, ...COMMENDATION, ...YEAR, ...OWN],
  // Analysts read figures: units, members (personal data masked), nominations, awards and the year's records; never accounts or the audit trail.
  ANALYST: [Permission.ReadOrg, Permission.ReadMember, Permission.ReadAwardType, Permission.ReadNomination, Permission.ReadAward, Permission.ReadYear, ...OWN],
};

/** The level at which each role reviews nominations (SYSTEM_ADMIN: any level). */
export const REVIEW_LEVEL: Partial<Record<Role, OrgLevel>> = {
  FEDERATION_ADMIN: OrgLevel.FEDERATION,
  UNION_ADMIN: OrgLevel.UNION,
  GRASSROOTS_CHAIR: OrgLevel.GRASSROOTS,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permission that writing a unit of each level needs. */
export const WRITE_UNIT_PERMISSION: Record<UnitLevel, Permission> = {
  FEDERATION: Permission.WriteFederation,
  UNION: Permission.WriteUnion,
  GRASSROOTS: Permission.WriteGrassroots,
  TEAM: Permission.WriteTeam,
};

/** Roles an account of each role may create and edit (granting never reaches one's own role, but for SYSTEM_ADMIN). */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  SYSTEM_ADMIN: [Role.SYSTEM_ADMIN, Role.FEDERATION_ADMIN, Role.UNION_ADMIN, Role.GRASSROOTS_CHAIR, Role.ANALYST],
  FEDERATION_ADMIN: [Role.UNION_ADMIN, Role.GRASSROOTS_CHAIR, Role.ANALYST],
  UNION_ADMIN: [Role.GRASSROOTS_CHAIR, Role.ANALYST],
  GRASSROOTS_CHAIR: [],
  ANALYST: [],
};

/** The level of the unit an account of each role is scoped to; null: no scope; 'ANY': any unit. */
export const ROLE_SCOPE_LEVEL: Record<Role, OrgLevel | null | 'ANY'> = {
  SYSTEM_ADMIN: null,
  FEDERATION_ADMIN: OrgLevel.FEDERATION,
  UNION_ADMIN: OrgLevel.UNION,
  GRASSROOTS_CHAIR: OrgLevel.GRASSROOTS,
  ANALYST: 'ANY',
};

/** Analysts never see personal data. */
export const seesPersonalData = (role: Role) => role !== Role.ANALYST;

/**
 * The union's year — who writes a unit's records: an account with WriteYear whose scope holds the
 * unit (its own level and below: a federation writes its own and its units' records, a grassroots
 * chair its union's and its teams'). Out of scope, the unit does not exist for the caller (NOT_FOUND).
 */
export const writesYearRecordsOf = (role: Role, scope: Scope, unit: Pick<OrgUnit, 'federationId' | 'unionId' | 'grassrootsUnionId' | 'teamId'>): boolean =>
  hasPermission(role, Permission.WriteYear) && unitInScope(scope, unit);

/** The level at which each role rates units (the level above the rated unit); SYSTEM_ADMIN rates at any. */
export const RATING_LEVEL: Partial<Record<Role, UnitLevel>> = {
  FEDERATION_ADMIN: OrgLevel.FEDERATION,
  UNION_ADMIN: OrgLevel.UNION,
  GRASSROOTS_CHAIR: OrgLevel.GRASSROOTS,
};

/**
 * Ratings come from the level above (Hướng dẫn 1294/HD-TLĐ: the direct upper union appraises):
 * the caller's scope holds the rated unit's parent and its role belongs to the parent's level, or it
 * is SYSTEM_ADMIN. Never the rated unit itself. Answers null when allowed, else why not.
 */
export function ratingRefusal(role: Role, scope: Scope, parent: OrgUnit): string | null {
  if (!hasPermission(role, Permission.RateUnits)) return 'your role does not rate units';
  if (role === Role.SYSTEM_ADMIN) return null;
  if (!unitInScope(scope, parent)) return 'only the level above the rated unit rates it';
  if (RATING_LEVEL[role] !== parent.level) return `a unit under a ${parent.level} is rated by that level, not by a ${role}`;
  return null;
}
