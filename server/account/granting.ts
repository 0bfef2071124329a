import { Role } from '../auth/role';
import { GRANTABLE_ROLES, ROLE_SCOPE_LEVEL } from '../auth/permissions';
import { OrgUnit } from '../org/org-unit.entity';
import { Scope, unitInScope } from '../auth/scope';

/**
 * Granting rules as pure functions: each answers null when allowed, or the refusal
 * (the offending field and a message). Services turn a refusal into an error.
 */
export interface Refusal {
  field: string;
  message: string;
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
}

/** May an actor of `actorRole` with `actorScope` hold an account of `role` scoped to `unit` (null: unscoped)? */
export function grantRefusal(actorRole: Role, actorScope: Scope, role: Role, unit: OrgUnit | null): Refusal | null {
  // Nobody grants above or at their own role (SYSTEM_ADMIN excepted): no privilege escalation.
  if (!GRANTABLE_ROLES[actorRole].includes(role)) {
    return { field: 'role', code: 'FORBIDDEN', message: `a ${actorRole} cannot grant the role ${role}` };
  }
  const level = ROLE_SCOPE_LEVEL[role];
  if (unit === null) {
    // Unscoped accounts see everything: only SYSTEM_ADMIN and a system-wide ANALYST, only by SYSTEM_ADMIN.
    if (level !== null && level !== 'ANY') return { field: 'scopeUnitId', code: 'BAD_USER_INPUT', message: `a ${role} needs a scope unit` };
    if (actorRole !== Role.SYSTEM_ADMIN) return { field: 'scopeUnitId', code: 'FORBIDDEN', message: 'only a SYSTEM_ADMIN creates unscoped accounts' };
    return null;
  }
  if (level === null) return { field: 'scopeUnitId', code: 'BAD_USER_INPUT', message: 'a SYSTEM_ADMIN has no scope unit' };
  if (level !== 'ANY' && unit.level !== level) {
    return { field: 'scopeUnitId', code: 'BAD_USER_INPUT', message: `a ${role} is scoped to a ${level} unit, not a ${unit.level}` };
  }
  // Granted power never leaves the actor's own subtree.
  if (!unitInScope(actorScope, unit)) return { field: 'scopeUnitId', code: 'FORBIDDEN', message: 'the scope unit is outside your scope' };
  return null;
}

/**
 * Anti-lockout: nobody deactivates their own account or changes their own role or scope,
 * and the last active SYSTEM_ADMIN stays one.
 */
export function lockoutRefusal(
  actorId: number,
  target: { id: number; role: Role; active: boolean; scopeUnitId: number | null },
  next: { role: Role; active: boolean; scopeUnitId: number | null },
  activeSystemAdmins: number,
): Refusal | null {
  if (target.id === actorId) {
    if (!next.active) return { field: 'active', code: 'FORBIDDEN', message: 'you cannot deactivate your own account' };
    if (next.role !== target.role) return { field: 'role', code: 'FORBIDDEN', message: 'you cannot change your own role' };
    if (next.scopeUnitId !== target.scopeUnitId) return { field: 'scopeUnitId', code: 'FORBIDDEN', message: 'you cannot change your own scope' };
  }
  const losesAdmin = target.role === Role.SYSTEM_ADMIN && target.active && (!next.active || next.role !== Role.SYSTEM_ADMIN);
  if (losesAdmin && activeSystemAdmins <= 1) {
    return { field: next.active ? 'role' : 'active', code: 'FORBIDDEN', message: 'the last active SYSTEM_ADMIN cannot be removed' };
  }
  return null;
}
