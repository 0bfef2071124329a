import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, UnitLevel } from '../org/org-level';
import { snake } from '../db/naming';

/**
 * Where a caller may act: everything, or the subtree of one unit (the unit included).
 * `ancestorIds` are the scope unit's ancestors, readable by id only (breadcrumbs).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'subtree'; level: UnitLevel; unitId: number; ancestorIds: number[] };

export function scopeOfUnit(unit: OrgUnit | null): Scope {
  if (!unit) return { kind: 'all' };
  const ancestorIds = [unit.federationId, unit.unionId, unit.grassrootsUnionId, unit.teamId].filter(
    (id): id is number => id != null && id !== unit.id,
  );
  return { kind: 'subtree', level: unit.level, unitId: unit.id, ancestorIds };
}

/** How a table relates to the tree. */
export type ScopedTable =
  /** org_unit and member: they carry the ancestor columns themselves */
  | { via: 'ancestors' }
  /** a table pointing at a unit (account.scope_unit_id, audit_event.unit_id) */
  | { via: 'unit'; column: string };

export interface SqlPredicate {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * THE scope predicate: the one way to ask "may this caller see this row". Every list, count,
 * single read, write and aggregate adds it to its WHERE clause, so rows out of scope are never
 * loaded. With `withAncestors`, the scope unit's ancestors are also admitted (reads by id only).
 */
export function scopePredicate(scope: Scope, alias: string, table: ScopedTable, withAncestors = false): SqlPredicate {
  if (scope.kind === 'all') return { sql: '1=1', params: {} };
  const column = snake(ANCESTOR_COLUMN[scope.level]);
  const params: Record<string, unknown> = { scopeUnitId: scope.unitId };
  let sql: string;
  if (table.via === 'ancestors') {
    sql = `${alias}.${column} = :scopeUnitId`;
    if (withAncestors && scope.ancestorIds.length) {
      sql = `(${sql} OR ${alias}.id IN (:...scopeAncestorIds))`;
      params.scopeAncestorIds = scope.ancestorIds;
    }
  } else {
    sql = `${alias}.${table.column} IN (SELECT scope_u.id FROM org_unit scope_u WHERE scope_u.${column} = :scopeUnitId)`;
  }
  return { sql, params };
}

/** Whether a loaded unit lies inside the scope (used for units already read through the predicate's twin). */
export function unitInScope(scope: Scope, unit: Pick<OrgUnit, 'federationId' | 'unionId' | 'grassrootsUnionId' | 'teamId'>): boolean {
  if (scope.kind === 'all') return true;
  return unit[ANCESTOR_COLUMN[scope.level]] === scope.unitId;
}
