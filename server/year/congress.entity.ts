import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Located, Location } from '../kit/located';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { MemberResource } from '../member/member.entity';
import { CongressForm, ElectedPosition } from './year.enums';
import { quorate } from './year.rules';

/** Đại hội: a unit's congress for a term, who was convened and who attended. */
@ObjectType({ description: 'Đại hội công đoàn (congress)' })
@Located({ indexes: { with: ['heldOn'] } })
@Entity('congress')
export class Congress extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ type: 'int' }) unitId: number;
  @Field({ description: 'ISO date' }) @Column({ type: 'date' }) heldOn: string;
  @Field(() => Int) @Column({ type: 'int' }) termStartYear: number;
  @Field(() => Int, { description: 'after termStartYear' }) @Column({ type: 'int' }) termEndYear: number;
  @Field(() => CongressForm) @Column({ type: 'varchar', length: 16 }) form: CongressForm;
  @Field(() => Int, { description: 'members or delegates convened' }) @Column({ type: 'int' }) convenedCount: number;
  @Field(() => Int, { description: 'present (≤ convened)' }) @Column({ type: 'int' }) attendedCount: number;
  @Field(() => String, { nullable: true, description: 'e.g. "lần thứ IV"' }) @Column({ type: 'varchar', length: 32, nullable: true }) ordinal: string | null;
  @Field(() => String, { nullable: true, description: 'the congress’s motto (phương châm)' }) @Column({ type: 'varchar', length: 255, nullable: true }) motto: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;

  @Field({ description: 'computed: attended ≥ ⌈2/3 × convened⌉ (Điều lệ Công đoàn Việt Nam)' })
  get quorate(): boolean {
    return quorate(this.convenedCount, this.attendedCount);
  }
}

/** A seat the congress elected (BCH member, chair, delegate to the upper congress…). One CHAIR per congress. */
@ObjectType({ description: 'Chức danh được bầu tại đại hội (committee seat)' })
@Located()
@Entity('committee_seat')
@Index('uq_committee_seat_member', ['congressId', 'memberId', 'position'], { unique: true })
@Index('uq_committee_seat_chair', ['congressId', 'chairSlot'], { unique: true })
export class CommitteeSeat extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ type: 'int' }) congressId: number;
  @Field(() => ID, { description: 'a member of the congress unit’s subtree' }) @Column({ type: 'int' }) memberId: number;
  @Field(() => ElectedPosition) @Column({ type: 'varchar', length: 24 }) position: ElectedPosition;
  /** 1 for the CHAIR, null otherwise (unique per congress) */
  @Column({ type: 'int', nullable: true }) chairSlot: number | null;
  @Field() @CreateDateColumn() createdAt: Date;
}


export const CongressResource = declareYearRecord<Congress>({
  name: 'Congress',
  plural: 'Congresses',
  entity: Congress,
  location: ['federationId', 'unionId', 'grassrootsUnionId'],
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    heldOn: { filter: 'range', write: 'required' },
    termStartYear: { filter: 'both', write: 'required' },
    termEndYear: { filter: 'both', write: 'required' },
    form: { filter: 'eq', write: 'required' },
    convenedCount: { write: 'required' },
    attendedCount: { write: 'required' },
    ordinal: { write: 'optional' },
    motto: { write: 'optional' },
    createdAt: {},
  },
  defaultSort: { field: 'heldOn', order: 'DESC' },
});

export const CommitteeSeatResource = declareYearRecord<CommitteeSeat>({
  name: 'CommitteeSeat',
  entity: CommitteeSeat,
  location: ['federationId', 'unionId', 'grassrootsUnionId'],
  fields: {
    congressId: { filter: 'eq', write: 'create-required', ref: { edge: 'congress', to: () => CongressResource } },
    memberId: { filter: 'eq', write: 'required', ref: { edge: 'member', to: () => MemberResource } },
    position: { filter: 'eq', write: 'required' },
  },
  defaultSort: { field: 'id', order: 'ASC' },
});
