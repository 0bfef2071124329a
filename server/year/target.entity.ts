import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { Located, Location } from '../kit/located';
import { declareResource, readWrite } from '../kit/resource';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { Aggregation, MeasureUnit, TargetSource, TargetStatus } from './year.enums';
import { targetRate, targetStatus } from './year.rules';

/** An indicator of the catalogue (chỉ tiêu): what a target measures, in which unit, and how it rolls up. */
@ObjectType({ description: 'Chỉ số (indicator of the catalogue)' })
@Entity('indicator')
export class Indicator {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Index('uq_indicator_code', { unique: true }) @Column({ type: 'varchar', length: 48 }) code: string;
  @Field() @Column({ type: 'varchar', length: 255 }) name: string;
  @Field(() => MeasureUnit) @Column({ type: 'varchar', length: 16 }) unit: MeasureUnit;
  @Field(() => Aggregation) @Column({ type: 'varchar', length: 8 }) aggregation: Aggregation;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'varchar', length: 300 }) searchKey: string;
}

/**
 * A target of a unit for a year and its result. `rate` and `status` are computed by the server from
 * planned and actual; `reportedRate` keeps the rate as a report printed it (which rounding, or an
 * unknown base, may make differ).
 */
@ObjectType({ description: 'Chỉ tiêu và kết quả (target and result)' })
@Located({ indexes: { with: ['year'] } })
@Entity('target')
@Index('uq_target', ['unitId', 'year', 'indicatorId', 'source'], { unique: true })
export class Target extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ type: 'int' }) unitId: number;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => ID) @Column({ type: 'int' }) indicatorId: number;
  @Field(() => TargetSource) @Column({ type: 'varchar', length: 24 }) source: TargetSource;
  @Field(() => Float, { description: 'the planned value (> 0)' }) @Column({ type: 'double' }) planned: number;
  @Field(() => Float, { nullable: true, description: 'the result (≥ 0); null until reported' }) @Column({ type: 'double', nullable: true }) actual: number | null;
  @Field(() => Float, { nullable: true, description: 'the rate as a report printed it' }) @Column({ type: 'double', nullable: true }) reportedRate: number | null;
  @Field(() => ID, { nullable: true, description: 'for an ASSIGNED_PLAN: the unit above that assigned it' }) @Column({ type: 'int', nullable: true }) assignedByUnitId: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;

  @Field(() => Float, { nullable: true, description: 'computed: actual ÷ planned × 100, 2 decimals; null while actual is null' })
  get rate(): number | null {
    return targetRate(this.planned, this.actual);
  }

  @Field(() => TargetStatus, { nullable: true, description: 'computed: EXCEEDED, MET or NOT_MET; null while actual is null' })
  get status(): TargetStatus | null {
    return targetStatus(this.planned, this.actual);
  }
}

export const IndicatorResource = declareResource<Indicator>({
  name: 'Indicator',
  entity: Indicator,
  fields: {
    code: { filter: 'eq', write: 'create-required', description: 'unique; fixed once made (imports and reports find indicators by code)', filterDescription: 'one code, or several (IN)' },
    name: { write: 'required' },
    unit: { filter: 'eq', write: 'required' },
    aggregation: { filter: 'eq', write: 'required' },
    active: { filter: 'eq', write: 'optional' },
  },
  search: 'searchKey',
  searchDescription: 'words of the code and name, ignoring case and diacritics',
  defaultSort: { field: 'code', order: 'ASC' },
  scope: { kind: 'global' },
  permissions: readWrite(Permission.ReadYear, Permission.WriteIndicator),
  crud: { describe: { delete: 'deactivates the indicator (targets keep it)' } },
});

export const TargetResource = declareYearRecord<Target>({
  name: 'Target',
  entity: Target,
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    year: { filter: 'both', write: 'required' },
    indicatorId: { filter: 'eq', write: 'required', ref: { edge: 'indicator', to: () => IndicatorResource } },
    source: { filter: 'eq', write: 'required' },
    planned: { filter: 'range', write: 'required' },
    actual: { filter: 'range', write: 'optional' },
    reportedRate: { write: 'optional' },
    assignedByUnitId: { filter: 'eq', write: 'optional' },
    note: { write: 'optional' },
    createdAt: {},
  },
  defaultSort: { field: 'year', order: 'DESC' },
});
