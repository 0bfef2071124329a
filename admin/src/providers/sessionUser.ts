/**
 * The signed-in account as the panel keeps it, built from what the server answers. Pure (no
 * browser API), so test/panel-rules.test.ts builds it exactly as the panel does.
 */
import type { OrgLevel, Permission, Role, SessionUserFragment } from '../generated/graphql';

export type { OrgLevel, Permission, Role };
export type UnitLevel = Exclude<OrgLevel, 'CONFEDERATION'>;

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  scopeUnitId: string | null;
  /** the level of the scope unit (null: no scope) */
  scopeLevel: UnitLevel | null;
  scopeUnitName: string | null;
  memberId: string | null;
  /** what the server says the account may do (`User.permissions`): canAccess reads these, never a copy of the role tables */
  permissions: Permission[];
  /** the roles it may create and edit accounts of */
  grantableRoles: Role[];
  /** the level at which it reviews nominations (null: none, or any level for SYSTEM_ADMIN) */
  reviewLevel: OrgLevel | null;
}

/** The session user as the panel keeps it, from the account the server answers (`login { user }`, `me`). */
export function sessionUserOf(u: SessionUserFragment): SessionUser {
  return {
    id: String(u.id),
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    scopeUnitId: u.scopeUnitId != null ? String(u.scopeUnitId) : null,
    scopeLevel: (u.scopeUnit?.level as UnitLevel | undefined) ?? null,
    scopeUnitName: u.scopeUnit?.name ?? null,
    memberId: u.memberId != null ? String(u.memberId) : null,
    permissions: [...u.permissions],
    grantableRoles: [...u.grantableRoles],
    reviewLevel: u.reviewLevel ?? null,
  };
}

/** Whether a stored user carries everything this build reads: a session stored by an older build lacks the permissions. */
export function isCurrentSessionUser(user: Partial<SessionUser> | undefined): user is SessionUser {
  return !!user && Array.isArray(user.permissions) && Array.isArray(user.grantableRoles) && user.reviewLevel !== undefined;
}
