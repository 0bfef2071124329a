/**
 * What the panel shows to whom: a pure mirror of server/auth/permissions.ts (ROLE_PERMISSIONS,
 * GRANTABLE_ROLES) plus the scope rule (a role acts inside the subtree of its scope unit). It only
 * hides what a role cannot do; the server stays the authority and refuses anything else.
 */
import type { Role, SessionUser, UnitLevel } from './session';

export type Permission =
  | 'ReadOrg' | 'WriteFederation' | 'WriteUnion' | 'WriteGrassroots' | 'WriteTeam'
  | 'ReadMember' | 'WriteMember' | 'ReadUser' | 'WriteUser' | 'ReadAudit'
  | 'ReadAwardType' | 'WriteAwardType' | 'ReadNomination' | 'Nominate' | 'Review'
  | 'RecordConfederationDecision' | 'ReadAward';

const ALL: Permission[] = [
  'ReadOrg', 'WriteFederation', 'WriteUnion', 'WriteGrassroots', 'WriteTeam', 'ReadMember', 'WriteMember', 'ReadUser',
  'WriteUser', 'ReadAudit', 'ReadAwardType', 'WriteAwardType', 'ReadNomination', 'Nominate', 'Review',
  'RecordConfederationDecision', 'ReadAward',
];
const ADMIN_READS: Permission[] = ['ReadOrg', 'ReadMember', 'ReadUser', 'ReadAudit', 'ReadAwardType', 'ReadNomination', 'ReadAward'];
const COMMENDATION: Permission[] = ['Nominate', 'Review'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  SYSTEM_ADMIN: ALL,
  FEDERATION_ADMIN: [...ADMIN_READS, 'WriteUnion', 'WriteGrassroots', 'WriteTeam', 'WriteMember', 'WriteUser', ...COMMENDATION, 'RecordConfederationDecision'],
  UNION_ADMIN: [...ADMIN_READS, 'WriteGrassroots', 'WriteTeam', 'WriteMember', 'WriteUser', ...COMMENDATION],
  GRASSROOTS_CHAIR: [...ADMIN_READS, 'WriteTeam', 'WriteMember', ...COMMENDATION],
  ANALYST: ['ReadOrg', 'ReadMember', 'ReadAwardType', 'ReadNomination', 'ReadAward'],
};

export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  SYSTEM_ADMIN: ['SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'UNION_ADMIN', 'GRASSROOTS_CHAIR', 'ANALYST'],
  FEDERATION_ADMIN: ['UNION_ADMIN', 'GRASSROOTS_CHAIR', 'ANALYST'],
  UNION_ADMIN: ['GRASSROOTS_CHAIR', 'ANALYST'],
  GRASSROOTS_CHAIR: [],
  ANALYST: [],
};

/** The level of the unit each role is scoped to (ANALYST: any unit, or none). */
export const ROLE_SCOPE_LEVEL: Record<Role, UnitLevel | null | 'ANY'> = {
  SYSTEM_ADMIN: null,
  FEDERATION_ADMIN: 'FEDERATION',
  UNION_ADMIN: 'UNION',
  GRASSROOTS_CHAIR: 'GRASSROOTS',
  ANALYST: 'ANY',
};

/** The level at which each role reviews nominations (SYSTEM_ADMIN: any). */
export const REVIEW_LEVEL: Partial<Record<Role, string>> = {
  FEDERATION_ADMIN: 'FEDERATION',
  UNION_ADMIN: 'UNION',
  GRASSROOTS_CHAIR: 'GRASSROOTS',
};

export const LEVEL_RANK: Record<string, number> = { TEAM: 0, GRASSROOTS: 1, UNION: 2, FEDERATION: 3, CONFEDERATION: 4 };

/** The column of a row that holds its ancestor of each level (org units and members carry them all). */
const ANCESTOR_FIELD: Record<UnitLevel, string> = {
  FEDERATION: 'federationId',
  UNION: 'unionId',
  GRASSROOTS: 'grassrootsUnionId',
  TEAM: 'teamId',
};

export const UNIT_RESOURCES: Record<string, UnitLevel> = {
  federations: 'FEDERATION',
  unions: 'UNION',
  grassrootsUnions: 'GRASSROOTS',
  teams: 'TEAM',
};

const WRITE_UNIT: Record<UnitLevel, Permission> = {
  FEDERATION: 'WriteFederation',
  UNION: 'WriteUnion',
  GRASSROOTS: 'WriteGrassroots',
  TEAM: 'WriteTeam',
};

export const seesPersonalData = (user: Pick<SessionUser, 'role'> | null | undefined) => !!user && user.role !== 'ANALYST';

export function hasPermission(user: Pick<SessionUser, 'role'> | null | undefined, p: Permission): boolean {
  return !!user && (ROLE_PERMISSIONS[user.role] ?? []).includes(p);
}

/**
 * Whether a row of the tree (a unit or a member) lies inside the caller's scope subtree. Reads
 * may also return the scope unit's ancestors (breadcrumbs): those are never writable.
 */
export function inScope(user: SessionUser, record: Record<string, any> | undefined): boolean {
  if (!record || !user.scopeUnitId || !user.scopeLevel) return true;
  const own = record[ANCESTOR_FIELD[user.scopeLevel]];
  return own != null && String(own) === String(user.scopeUnitId);
}

/** Whether the unit list of this level is worth a menu entry: levels at or below the scope. */
export function listsLevel(user: SessionUser, level: UnitLevel): boolean {
  if (!user.scopeLevel) return true;
  return LEVEL_RANK[level] < LEVEL_RANK[user.scopeLevel];
}

export interface CanAccessParams {
  action: string;
  resource: string;
  record?: Record<string, any>;
}

const READ_ACTIONS = new Set(['list', 'show', 'read', 'export']);

/** THE rule of what to show: resources × actions × (optionally) one record. */
export function canAccess(user: SessionUser | null | undefined, { action, resource, record }: CanAccessParams): boolean {
  if (!user) return false;
  const can = (p: Permission) => hasPermission(user, p);
  const read = READ_ACTIONS.has(action);
  const unitLevel = UNIT_RESOURCES[resource];
  if (unitLevel) {
    if (read) return can('ReadOrg') && (action !== 'list' || listsLevel(user, unitLevel));
    if (!can(WRITE_UNIT[unitLevel])) return false;
    // A unit of one's own scope level is written by the level above (a chair does not rename its union).
    if (action === 'create') return true;
    return inScope(user, record) && !(record && user.scopeUnitId && String(record.id) === String(user.scopeUnitId));
  }
  switch (resource) {
    case 'members':
      if (read) return can('ReadMember');
      if (action === 'delete') return false; // members are never deleted: leaving is an edit (status LEFT)
      // A create button may sit on a unit's page (record = the unit): the form picks the unit.
      if (action === 'create') return can('WriteMember');
      return can('WriteMember') && inScope(user, record);
    case 'memberImport':
      return can('WriteMember');
    case 'users':
      // Only roles that manage accounts get the list; a chair may still open an account it sees named.
      if (action === 'list') return can('ReadUser') && can('WriteUser');
      if (read) return can('ReadUser');
      if (!can('WriteUser')) return false;
      if (record?.role) return GRANTABLE_ROLES[user.role].includes(record.role) && String(record.id) !== String(user.id);
      return true;
    case 'auditEvents':
      return read && can('ReadAudit');
    case 'awardTypes':
      if (read) return can('ReadAwardType');
      return can('WriteAwardType');
    case 'nominations':
      if (read) return can('ReadNomination');
      if (action === 'create') return can('Nominate');
      if (action === 'edit' || action === 'submit') return can('Nominate') && (!record || ['DRAFT', 'RETURNED'].includes(record.status));
      if (action === 'delete' || action === 'withdraw') return can('Nominate') && (!record || ['DRAFT', 'PENDING', 'RETURNED'].includes(record.status));
      if (action === 'review') return canReview(user, record);
      if (action === 'recordConfederationDecision') return can('RecordConfederationDecision') && (!record || record.status === 'FORWARDED');
      return false;
    case 'approvals':
      return can('Review');
    case 'awards':
      return read && can('ReadAward');
    case 'dashboard':
      return true;
    default:
      return false;
  }
}

/**
 * Whether the caller may review this nomination now, as far as the panel can tell: it waits at
 * the caller's level, and the caller neither created it nor is its nominee (four eyes). The
 * approval desk asks the server (awaitingMyReview) and needs no guess.
 */
export function canReview(user: SessionUser, record?: Record<string, any>): boolean {
  if (!hasPermission(user, 'Review')) return false;
  if (!record) return true;
  if (record.status !== 'PENDING') return false;
  if (record.createdById != null && String(record.createdById) === String(user.id)) return false;
  if (record.nomineeMemberId != null && user.memberId != null && String(record.nomineeMemberId) === String(user.memberId)) return false;
  if (user.role === 'SYSTEM_ADMIN') return true;
  return REVIEW_LEVEL[user.role] === record.currentLevel;
}
