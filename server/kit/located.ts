import { Field, ID, ObjectType } from 'type-graphql';
import { Column, DataSource, EntityManager, EntityMetadata, getMetadataArgsStorage, Index } from 'typeorm';
import type { FieldRow } from './resource';

/**
 * Location: a row that hangs under the union tree carries the ids of the unit it belongs to and of
 * that unit's ancestors (the unit's own level names the unit itself). "Inside the subtree of unit X
 * at level L" is then one indexed equality on L's column, for every table alike (auth/scope.ts).
 *
 * A table declares it once, with `@Located()` on its entity: that registers it for `moveUnit`
 * (which rewrites the columns of every located row under a moved unit) and, with `member`, for a
 * member's transfer to another grassroots union; it also declares the table's subtree indexes.
 * `checkLocatedTables` runs at start and refuses a table that carries the columns without the
 * declaration (or the other way round), so forgetting it cannot fail silently.
 */
export const LOCATION_COLUMNS = ['federationId', 'unionId', 'grassrootsUnionId', 'teamId'] as const;
export type LocationColumn = (typeof LOCATION_COLUMNS)[number];
export type LocationValues = Record<LocationColumn, number | null>;

/** The field-table rows of a located resource's location: a list filter on each level's column (all four unless named). */
export function locationFilters(...levels: LocationColumn[]): Record<LocationColumn, FieldRow> {
  return Object.fromEntries((levels.length ? levels : LOCATION_COLUMNS).map((c) => [c, { filter: 'eq' }])) as Record<LocationColumn, FieldRow>;
}

/** The columns of Location, for new tables: extend it and declare `@Located()`. */
@ObjectType()
export abstract class Location {
  @Field(() => ID, { nullable: true, description: 'the federation the row belongs to' })
  @Column({ type: 'int', nullable: true })
  federationId: number | null;

  @Field(() => ID, { nullable: true, description: 'the upper union, when there is one' })
  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Field(() => ID, { nullable: true, description: 'the grassroots union, for rows at or below one' })
  @Column({ type: 'int', nullable: true })
  grassrootsUnionId: number | null;

  @Field(() => ID, { nullable: true, description: 'the team, for rows of a team' })
  @Column({ type: 'int', nullable: true })
  teamId: number | null;
}

export interface LocatedOptions {
  /**
   * Subtree indexes: for each level, an index on (its column, ...indexWith) named
   * `idx_<table>_loc_<level>`. `false` when the entity declares its own (older tables with
   * covering indexes tuned to their queries).
   */
  indexes?: false | { with: string[] };
  /**
   * The property naming the member whose location the row follows (a nomination's nominee):
   * transferring the member to another grassroots union moves these rows with it.
   */
  member?: string;
}

interface LocatedEntry {
  target: Function;
  options: LocatedOptions;
}
const LOCATED: LocatedEntry[] = [];

const LEVEL_SHORT: Record<LocationColumn, string> = { federationId: 'fed', unionId: 'union', grassrootsUnionId: 'gu', teamId: 'team' };

/** Declares an entity located (see the module comment). Put it above `@Entity(...)`. */
export function Located(options: LocatedOptions = { indexes: { with: [] } }): ClassDecorator {
  return (target) => {
    LOCATED.push({ target, options });
    if (options.indexes !== false) {
      const table = getMetadataArgsStorage().tables.find((t) => t.target === target)?.name;
      if (!table) throw new Error(`@Located on ${target.name}: put it above @Entity('<table>')`);
      for (const column of LOCATION_COLUMNS) {
        Index(`idx_${table}_loc_${LEVEL_SHORT[column]}`, [column, ...(options.indexes?.with ?? [])])(target);
      }
    }
  };
}

const isLocated = (meta: EntityMetadata) => LOCATED.some((l) => l.target === meta.target);
const optionsOf = (meta: EntityMetadata) => LOCATED.find((l) => l.target === meta.target)!.options;

/**
 * Refuses to start when a table carries the location columns but is not declared `@Located`
 * (moveUnit would leave its rows at the old place), or is declared but lacks a column.
 */
export function checkLocatedTables(metadatas: readonly EntityMetadata[]): void {
  const problems: string[] = [];
  for (const meta of metadatas) {
    const has = LOCATION_COLUMNS.filter((c) => meta.findColumnWithPropertyName(c));
    const located = isLocated(meta);
    if (!located && has.length === LOCATION_COLUMNS.length) {
      problems.push(`table ${meta.tableName} carries ${has.join(', ')} but its entity ${meta.name} is not declared @Located(): moveUnit would not maintain it`);
    }
    if (located && has.length !== LOCATION_COLUMNS.length) {
      problems.push(`entity ${meta.name} is declared @Located() but lacks ${LOCATION_COLUMNS.filter((c) => !has.includes(c)).join(', ')}`);
    }
    if (located) {
      const member = optionsOf(meta).member;
      if (member && !meta.findColumnWithPropertyName(member)) problems.push(`@Located({ member: '${member}' }) on ${meta.name}: no such column`);
    }
  }
  if (problems.length) throw new Error(`Located tables are not consistent:\n- ${problems.join('\n- ')}`);
}

/** The located tables of a data source. */
export function locatedTables(ds: DataSource): EntityMetadata[] {
  return ds.entityMetadatas.filter(isLocated);
}

const col = (meta: EntityMetadata, property: string) => meta.findColumnWithPropertyName(property)!.databaseName;

/**
 * Rewrites the location of every located row inside the subtree of `unitColumn = unitId`: the
 * columns in `set` (those above the moved unit) take their new values. One indexed UPDATE per table,
 * in the caller's transaction.
 */
export async function relocateSubtree(em: EntityManager, unitColumn: LocationColumn, unitId: number, set: Partial<LocationValues>): Promise<void> {
  for (const meta of locatedTables(em.connection)) {
    await em.createQueryBuilder().update(meta.target).set(set).where(`${col(meta, unitColumn)} = :unitId`, { unitId }).execute();
  }
}

/** Moves the rows that follow a member (its nominations, its awards) to the member's new location. */
export async function relocateMember(em: EntityManager, memberId: number, location: LocationValues): Promise<void> {
  for (const meta of locatedTables(em.connection)) {
    const member = optionsOf(meta).member;
    if (!member) continue;
    await em.createQueryBuilder().update(meta.target).set(location).where(`${col(meta, member)} = :memberId`, { memberId }).execute();
  }
}

/** The location of a row that belongs to `unit` (the unit's own ancestor columns). */
export function locationOf(unit: LocationValues): LocationValues {
  return { federationId: unit.federationId, unionId: unit.unionId, grassrootsUnionId: unit.grassrootsUnionId, teamId: unit.teamId };
}
