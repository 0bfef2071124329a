/**
 * What the panel shows to whom. What an account may do comes from the server (`User.permissions`,
 * `grantableRoles`, `reviewLevel`, kept in the session); this pure function adds only the scope
 * rule (a role acts inside the subtree of its scope unit) and the screens' own choices. It only
 * hides what the account cannot do; the server stays the authority and refuses anything else.
 * test/panel-rules.test.ts checks it against the server for every fixture account.
 */
import { LEVEL_RANK, UNIT_LEVELS, UNIT_RESOURCES, YEAR_RECORDS } from './resources';
import type { Permission, Role, SessionUser, UnitLevel } from './sessionUser';

export type { Permission };

/** The permission writing a unit of each level needs (the server declares the same for createX/updateX/deleteX). */
const WRITE_UNIT: Record<UnitLevel, Permission> = {
  FEDERATION: 'WriteFederation',
  UNION: 'WriteUnion',
  GRASSROOTS: 'WriteGrassroots',
  TEAM: 'WriteTeam',
};

export const seesPersonalData = (user: Pick<SessionUser, 'role'> | null | undefined) => !!user && user.role !== 'ANALYST';

export function hasPermission(user: Pick<SessionUser, 'permissions'> | null | undefined, p: Permission): boolean {
  return !!user && user.permissions.includes(p);
}

/**
 * Whether a row of the tree (a unit or a member) lies inside the caller's scope subtree. Reads
 * may also return the scope unit's ancestors (breadcrumbs): those are never writable.
 */
export function inScope(user: SessionUser, record: Record<string, unknown> | undefined): boolean {
  if (!record || !user.scopeUnitId || !user.scopeLevel) return true;
  const own = record[UNIT_LEVELS[user.scopeLevel].field];
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
  record?: Record<string, unknown>;
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
  if (resource in YEAR_RECORDS) {
    if (read) return can('ReadYear');
    // The unit's own level and below write its records: a record outside one's subtree is not offered.
    return can('WriteYear') && (action === 'create' || inScope(user, record));
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
      if (record?.role) return user.grantableRoles.includes(record.role as Role) && String(record.id) !== String(user.id);
      return true;
    case 'auditEvents':
      return read && can('ReadAudit');
    case 'awardTypes':
      if (read) return can('ReadAwardType');
      return can('WriteAwardType');
    case 'nominations':
      if (read) return can('ReadNomination');
      if (action === 'create') return can('Nominate');
      if (action === 'edit' || action === 'submit') return can('Nominate') && (!record || ['DRAFT', 'RETURNED'].includes(String(record.status)));
      if (action === 'delete' || action === 'withdraw') return can('Nominate') && (!record || ['DRAFT', 'PENDING', 'RETURNED'].includes(String(record.status)));
      if (action === 'review') return canReview(user, record);
      if (action === 'recordConfederationDecision') return can('RecordConfederationDecision') && (!record || record.status === 'FORWARDED');
      return false;
    case 'approvals':
      return can('Review');
    case 'awards':
    case 'awardDecisions': // a decision is its awards, grouped: read as they are
      return read && can('ReadAward');
    case 'dashboard':
      return true;
    // The union's year: read with ReadYear; a unit's records written with WriteYear (the server
    // checks the unit lies at or below the scope), ratings by the level above (RateUnits), the
    // indicator catalogue by SYSTEM_ADMIN (WriteIndicator).
    case 'targets':
    case 'welfareRecords':
    case 'initiatives':
    case 'congresses':
    case 'committeeSeats':
    case 'emulationMovements':
    case 'emulationClusters':
    case 'clusterEntries':
      if (read) return can('ReadYear');
      return can('WriteYear');
    case 'annualRatings':
      if (read) return can('ReadYear');
      // a unit never rates itself: its own rating row is read-only for its own scope
      if (record && user.scopeUnitId && String(record.unitId) === String(user.scopeUnitId)) return false;
      return can('RateUnits');
    case 'indicators':
      if (read) return can('ReadYear');
      return can('WriteIndicator');
    case 'yearReport':
      return can('ReadYear');
    case 'yearImport':
      return can('WriteYear');
    case 'figures':
      return read && (can('ReadMember') || can('ReadAward') || can('ReadNomination'));
    default:
      return false;
  }
}

/**
 * Whether the caller may review this nomination now, as far as the panel can tell: it waits at
 * the caller's level, and the caller neither created it nor is its nominee (four eyes). The
 * approval desk asks the server (awaitingMyReview) and needs no guess.
 */
export function canReview(user: SessionUser, record?: Record<string, unknown>): boolean {
  if (!hasPermission(user, 'Review')) return false;
  if (!record) return true;
  if (record.status !== 'PENDING') return false;
  if (record.createdById != null && String(record.createdById) === String(user.id)) return false;
  if (record.nomineeMemberId != null && user.memberId != null && String(record.nomineeMemberId) === String(user.memberId)) return false;
  // The server's reviewLevel: null is "any level" for SYSTEM_ADMIN (and no reviewing for the roles without Review).
  if (user.role === 'SYSTEM_ADMIN') return true;
  return user.reviewLevel != null && user.reviewLevel === record.currentLevel;
}
