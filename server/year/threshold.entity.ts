import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { declareResource, readWrite } from '../kit/resource';

/**
 * A threshold a rule uses, kept as data with the regulation it comes from: rules change with each
 * regulation (1564/2014 → 2106/2017 → 1689/2019 → 999/2024), so a rule reads the threshold in force
 * on the year it judges (the latest `effectiveFrom` on or before that year's 31 December).
 */
@ObjectType({ description: 'Ngưỡng của một quy định (a rule’s threshold and its source)' })
@Entity('rule_threshold')
@Index('uq_rule_threshold', ['code', 'effectiveFrom'], { unique: true })
export class RuleThreshold {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'which rule: BLDST_MIN_BENEFIT, CONGRESS_QUORUM, …' }) @Column({ type: 'varchar', length: 48 }) code: string;
  @Field(() => Float) @Column({ type: 'double' }) value: number;
  @Field({ description: 'what the value measures: VND, SHARE, PERSON' }) @Column({ type: 'varchar', length: 16 }) unit: string;
  @Field({ description: 'the regulation, e.g. "1564/QĐ-TLĐ (24/12/2014), Điều 16"' }) @Column({ type: 'varchar', length: 255 }) regulation: string;
  @Field({ description: 'ISO date from which it applies' }) @Column({ type: 'date' }) effectiveFrom: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
}

export const RuleThresholdResource = declareResource<RuleThreshold>({
  name: 'RuleThreshold',
  entity: RuleThreshold,
  fields: {
    code: { filter: 'eq', write: 'create-required', description: 'which rule reads it; fixed once made', filterDescription: 'one code, or several (IN)' },
    value: { write: 'required' },
    unit: { write: 'required' },
    regulation: { write: 'required' },
    effectiveFrom: { filter: 'range', write: 'required' },
    note: { write: 'optional' },
  },
  defaultSort: { field: 'code', order: 'ASC' },
  scope: { kind: 'global' },
  permissions: readWrite(Permission.ReadYear, Permission.WriteIndicator),
});
