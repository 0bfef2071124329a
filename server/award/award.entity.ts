import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NomineeLocation } from './nominee-location';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { Located } from '../kit/located';
import { declareResource } from '../kit/resource';

/** The widths of an award's text columns, in characters (declared below, checked by the input rules). */
export const AWARD_TEXT = { nomineeName: 255, decisionNumber: 64, searchKey: 300 } as const;

/** A decided commendation (khen thưởng), created only by an approval. Never deleted. */
@ObjectType({ description: 'Khen thưởng đã quyết định (award)' })
// located where its nominee is (it moves with a transferred member)
@Located({ indexes: false, member: 'nomineeMemberId' })
@Entity('award')
@Index('idx_award_member', ['nomineeMemberId'])
@Index('idx_award_unit', ['nomineeUnitId'])
@Index('idx_award_federation', ['federationId', 'year'])
@Index('idx_award_union', ['unionId', 'year'])
@Index('idx_award_grassroots', ['grassrootsUnionId', 'year'])
@Index('idx_award_team', ['teamId'])
@Index('idx_award_decision', ['decidingUnitId', 'year', 'decisionNumber'])
@Index('uq_award_once', ['nomineeMemberId', 'awardTypeId', 'lifetimeSlot'], { unique: true })
export class Award extends NomineeLocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Index('uq_award_nomination', { unique: true })
  @Column({ type: 'int' })
  nominationId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  awardTypeId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  nomineeMemberId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  nomineeUnitId: number | null;

  @Field()
  @Column({ type: 'varchar', length: AWARD_TEXT.nomineeName })
  nomineeName: string;

  @Field(() => ID, { nullable: true, description: 'the unit whose decision it is (null: the confederation)' })
  @Column({ type: 'int', nullable: true })
  decidingUnitId: number | null;

  @Field({ description: 'số quyết định, e.g. 12/QĐ-LDLD-TH' })
  @Column({ type: 'varchar', length: AWARD_TEXT.decisionNumber })
  decisionNumber: string;

  @Field({ description: 'ISO date of the decision' })
  @Column({ type: 'date' })
  decidedAt: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: AWARD_TEXT.searchKey })
  searchKey: string;

  /** 1 for an award of a once-per-lifetime type (Kỷ niệm chương) to a member, else null: unique with the nominee and the type. */
  @Column({ type: 'int', nullable: true })
  lifetimeSlot: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}

/** The last decision number a unit issued in a year: numbers never repeat within a unit and year. */
@Entity('decision_counter')
export class DecisionCounter {
  @PrimaryColumn({ type: 'int' })
  unitId: number;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  lastNumber: number;
}

const ref = { filter: 'eq' } as const;

/** Awards as a read-only resource (created only by approvals, never deleted). */
export const AwardResource = declareResource<Award>({
  name: 'Award',
  entity: Award,
  fields: {
    awardTypeId: ref,
    year: { filter: 'both' },
    nominationId: ref,
    nomineeMemberId: ref,
    nomineeUnitId: ref,
    nomineeName: {},
    decidingUnitId: ref,
    decisionNumber: ref,
    decidedAt: { filter: 'range' },
    federationId: ref,
    unionId: ref,
    grassrootsUnionId: ref,
    teamId: ref,
  },
  search: 'searchKey',
  searchDescription: "words matched against the nominee's name and the decision number",
  defaultSort: { field: 'decidedAt', order: 'DESC' },
  scope: { kind: 'located' },
  permissions: { read: Permission.ReadAward },
});
