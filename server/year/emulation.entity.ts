import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Located, Location } from '../kit/located';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { ClusterKind, ClusterRole, EmulationKind } from './year.enums';

/** Phong trào thi đua: launched by a unit for a period (a yearly movement, a round, a theme). */
@ObjectType({ description: 'Phong trào thi đua (emulation movement)' })
@Located({ indexes: { with: ['startsOn'] } })
@Entity('emulation_movement')
export class EmulationMovement extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 255 }) name: string;
  @Field(() => EmulationKind) @Column({ type: 'varchar', length: 16 }) kind: EmulationKind;
  @Field(() => ID, { description: 'the unit that launched it' }) @Column({ type: 'int' }) launchedByUnitId: number;
  @Field({ description: 'ISO date' }) @Column({ type: 'date' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'ISO date, on or after startsOn' }) @Column({ type: 'date', nullable: true }) endsOn: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) theme: string | null;
  @Field(() => String, { nullable: true, description: 'the plan that launched it, e.g. 51/KH-TLĐ' }) @Column({ type: 'varchar', length: 64, nullable: true }) planDocNumber: string | null;
  @Column({ type: 'varchar', length: 300 }) searchKey: string;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

/** Cụm / khối thi đua: peer units grouped by an organising unit, who score and rank one another each year. */
@ObjectType({ description: 'Cụm, khối thi đua (emulation cluster or bloc)' })
@Located()
@Entity('emulation_cluster')
export class EmulationCluster extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 255 }) name: string;
  @Field(() => ClusterKind) @Column({ type: 'varchar', length: 16 }) kind: ClusterKind;
  @Field(() => ID, { description: 'the unit that formed it; its entries are units strictly below it' }) @Column({ type: 'int' }) organizingUnitId: number;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'varchar', length: 300 }) searchKey: string;
  @Field() @CreateDateColumn() createdAt: Date;
}

/**
 * A unit's place in a cluster for a year: its role, its score and whether it leads. Located where
 * the cluster's organising unit is. `leaderSlot` makes "one LEADER per cluster and year" a unique
 * key, so two racing writes cannot both succeed.
 */
@ObjectType({ description: 'Thành viên cụm, khối thi đua trong một năm (cluster entry)' })
@Located({ indexes: { with: ['year'] } })
@Entity('cluster_entry')
@Index('uq_cluster_entry_unit', ['clusterId', 'year', 'unitId'], { unique: true })
@Index('uq_cluster_entry_leader', ['clusterId', 'year', 'leaderSlot'], { unique: true })
export class ClusterEntry extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ type: 'int' }) clusterId: number;
  @Field(() => ID, { description: 'a unit strictly below the cluster’s organising unit' }) @Column({ type: 'int' }) unitId: number;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => ClusterRole) @Column({ type: 'varchar', length: 16 }) role: ClusterRole;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double', nullable: true }) score: number | null;
  @Field({ description: 'dẫn đầu: the unit honoured as leading the cluster this year' }) @Column({ type: 'boolean', default: false }) leading: boolean;
  /** 1 for the LEADER, null otherwise (unique per cluster and year) */
  @Column({ type: 'int', nullable: true }) leaderSlot: number | null;
  @Field() @CreateDateColumn() createdAt: Date;
}


export const EmulationMovementResource = declareYearRecord<EmulationMovement>({
  name: 'EmulationMovement',
  entity: EmulationMovement,
  fields: {
    name: { write: 'required' },
    kind: { filter: 'eq', write: 'required' },
    launchedByUnitId: { filter: 'eq', write: 'required', ref: unitRef('launchedByUnit') },
    startsOn: { filter: 'range', write: 'required' },
    endsOn: { filter: 'range', write: 'optional' },
    theme: { write: 'optional' },
    planDocNumber: { filter: 'eq', write: 'optional' },
    createdAt: {},
  },
  search: 'searchKey',
  searchDescription: 'words of the name and theme, ignoring case and diacritics',
  defaultSort: { field: 'startsOn', order: 'DESC' },
});

export const EmulationClusterResource = declareYearRecord<EmulationCluster>({
  name: 'EmulationCluster',
  entity: EmulationCluster,
  location: ['federationId', 'unionId', 'grassrootsUnionId'],
  fields: {
    name: { write: 'required' },
    kind: { filter: 'eq', write: 'required' },
    organizingUnitId: { filter: 'eq', write: 'create-required', ref: unitRef('organizingUnit') },
    active: { filter: 'eq', write: 'optional' },
    createdAt: {},
  },
  search: 'searchKey',
  searchDescription: 'words of the name, ignoring case and diacritics',
  defaultSort: { field: 'name', order: 'ASC' },
});

export const ClusterEntryResource = declareYearRecord<ClusterEntry>({
  name: 'ClusterEntry',
  plural: 'ClusterEntries',
  entity: ClusterEntry,
  location: ['federationId', 'unionId', 'grassrootsUnionId'],
  fields: {
    clusterId: { filter: 'eq', write: 'create-required', ref: { edge: 'cluster', to: () => EmulationClusterResource } },
    unitId: { filter: 'eq', write: 'required', ref: unitRef('unit') },
    year: { filter: 'both', write: 'required' },
    role: { filter: 'eq', write: 'required' },
    score: { filter: 'range', write: 'optional' },
    leading: { filter: 'eq', write: 'optional' },
  },
  defaultSort: { field: 'score', order: 'DESC' },
});
