import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Located, Location } from '../kit/located';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { MemberResource } from '../member/member.entity';
import { FundSource, WelfareKind } from './year.enums';

/**
 * Chăm lo: visits, support and gifts a unit gave (money paid out; money raised into a fund is a
 * target of the MAI_AM_FUND kind, never added to this). `memberId` names a member helped, when one
 * is: personal data, read as null by analysts.
 */
@ObjectType({ description: 'Thăm hỏi, hỗ trợ, chăm lo (welfare record)' })
@Located({ indexes: { with: ['year'] } })
@Entity('welfare_record')
@Index('idx_welfare_member', ['memberId'])
export class WelfareRecord extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID, { description: 'the giving unit' }) @Column({ type: 'int' }) unitId: number;
  @Field(() => ID, { nullable: true, description: 'a member of the unit’s subtree who was helped (null for analysts)' }) @Column({ type: 'int', nullable: true }) memberId: number | null;
  @Field({ description: 'ISO date, not in the future' }) @Column({ type: 'date' }) date: string;
  /** the year of `date`, kept for the year's figures */
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => WelfareKind) @Column({ type: 'varchar', length: 16 }) kind: WelfareKind;
  @Field(() => Int, { description: 'visits or gifts (≥ 1)' }) @Column({ type: 'int' }) count: number;
  @Field(() => Float, { description: 'VND, whole đồng (≥ 0)' }) @Column({ type: 'double' }) amount: number;
  @Field(() => FundSource, { nullable: true }) @Column({ type: 'varchar', length: 24, nullable: true }) fundSource: FundSource | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

export const WelfareRecordResource = declareYearRecord<WelfareRecord>({
  name: 'WelfareRecord',
  entity: WelfareRecord,
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    // personal: analysts read memberId and the member edge as null on every path
    memberId: { personal: true, write: 'optional', ref: { edge: 'member', to: () => MemberResource } },
    date: { filter: 'range', write: 'required' },
    year: { filter: 'both' },
    kind: { filter: 'eq', write: 'required' },
    count: { filter: 'range', write: 'required' },
    amount: { filter: 'range', write: 'required' },
    fundSource: { filter: 'eq', write: 'optional' },
    note: { write: 'optional' },
    createdAt: {},
  },
  defaultSort: { field: 'date', order: 'DESC' },
});
