import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NomineeLocation } from './nominee-location';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrgLevel } from '../org/org-level';
import { Permission } from '../auth/permissions';
import { Located } from '../kit/located';
import { declareResource } from '../kit/resource';

export enum NominationStatus {
  DRAFT = 'DRAFT',
  PENDING = 'PENDING',
  RETURNED = 'RETURNED',
  FORWARDED = 'FORWARDED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationStatus, { name: 'NominationStatus' });

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  RETURN = 'RETURN',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

/** Every step a nomination takes (the workflow's history rows). */
export enum NominationAction {
  CREATE = 'CREATE',
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  RETURN = 'RETURN',
  WITHDRAW = 'WITHDRAW',
  CONFEDERATION_APPROVE = 'CONFEDERATION_APPROVE',
  CONFEDERATION_REJECT = 'CONFEDERATION_REJECT',
}
registerEnumType(NominationAction, { name: 'NominationAction' });

/** The widths of a nomination's text columns, in characters (declared below, checked by the input rules). */
export const NOMINATION_TEXT = { nomineeName: 255, searchKey: 300 } as const;

/**
 * A proposal (đề nghị khen thưởng). Ancestor columns locate the nominee (a member's units, or the
 * nominee unit and its ancestors): the scope predicate and the subtree filters read them, and
 * moveUnit keeps them current.
 */
@ObjectType({ description: 'Đề nghị khen thưởng (nomination)' })
// located where its nominee is (it moves with a transferred member); its own indexes serve the queue and subtrees
@Located({ indexes: false, member: 'nomineeMemberId' })
@Entity('nomination')
@Index('idx_nomination_queue', ['status', 'currentLevel', 'federationId'])
@Index('idx_nomination_federation', ['federationId', 'status'])
@Index('idx_nomination_union', ['unionId', 'status'])
@Index('idx_nomination_grassroots', ['grassrootsUnionId', 'status'])
@Index('idx_nomination_team', ['teamId'])
@Index('idx_nomination_nominee_member', ['nomineeMemberId', 'awardTypeId', 'year'])
@Index('idx_nomination_nominee_unit', ['nomineeUnitId', 'awardTypeId', 'year'])
@Index('idx_nomination_nominating', ['nominatingUnitId', 'status'])
export class Nomination extends NomineeLocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  awardTypeId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field({ description: 'báo cáo thành tích: the achievements' })
  @Column({ type: 'text' })
  achievements: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  nomineeMemberId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  nomineeUnitId: number | null;

  @Field({ description: "the nominee's name when nominated" })
  @Column({ type: 'varchar', length: NOMINATION_TEXT.nomineeName })
  nomineeName: string;

  @Field(() => ID)
  @Column({ type: 'int' })
  nominatingUnitId: number;

  @Field(() => NominationStatus)
  @Column({ type: 'varchar', length: 16 })
  status: NominationStatus;

  @Field(() => OrgLevel, { nullable: true, description: 'where it waits while PENDING; CONFEDERATION while FORWARDED' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  currentLevel: OrgLevel | null;

  @Field(() => Int, { description: 'bumped by every change; pass it to reviewNomination to refuse stale decisions' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: NOMINATION_TEXT.searchKey })
  searchKey: string;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}

/** One step of a nomination's history; the reviews are its APPROVE/REJECT/RETURN rows. */
@ObjectType('NominationEvent', { description: 'one step in a nomination’s history' })
@Entity('nomination_event')
@Index('idx_nomination_event_nomination', ['nominationId', 'id'])
export class NominationEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  nominationId: number;

  @Field(() => NominationAction)
  @Column({ type: 'varchar', length: 24 })
  action: NominationAction;

  @Field(() => OrgLevel, { nullable: true, description: 'the level that acted' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  level: OrgLevel | null;

  @Field(() => NominationStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: NominationStatus | null;

  @Field(() => NominationStatus)
  @Column({ type: 'varchar', length: 16 })
  toStatus: NominationStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true, description: 'the acting account’s name at the time' })
  @Column({ type: 'varchar', length: 160, nullable: true })
  actorName: string | null;

  @Field()
  @CreateDateColumn()
  at: Date;
}

const ref = { filter: 'eq' } as const;

/** Nominations as a resource: scoped by where the nominee sits; writes are the workflow's (NominationService). */
export const NominationResource = declareResource<Nomination>({
  name: 'Nomination',
  entity: Nomination,
  fields: {
    awardTypeId: { filter: 'eq', write: 'required' },
    year: { filter: 'both', write: 'required' },
    achievements: { write: 'required', sort: false },
    nomineeMemberId: { filter: 'eq', write: 'optional', description: 'for an individual award' },
    nomineeUnitId: { filter: 'eq', write: 'optional', description: 'for a collective award (any unit)' },
    nominatingUnitId: { filter: 'eq', write: 'create', description: 'a unit in your scope; default your scope unit' },
    nomineeName: {},
    status: ref,
    currentLevel: ref,
    createdById: ref,
    federationId: { filter: 'eq', filterDescription: 'nominee inside this federation' },
    unionId: ref,
    grassrootsUnionId: ref,
    teamId: ref,
    createdAt: {},
    updatedAt: {},
    awaitingMyReview: { customFilter: true, type: () => Boolean, description: 'true: exactly the nominations the caller may review now' },
  },
  search: 'searchKey',
  searchDescription: "words matched against the nominee's name and the decision number",
  defaultSort: { field: 'updatedAt', order: 'DESC' },
  scope: { kind: 'located' },
  permissions: { read: Permission.ReadNomination, create: Permission.Nominate, update: Permission.Nominate, delete: Permission.Nominate },
  crud: { describe: { create: 'a DRAFT at version 1', update: 'while DRAFT or RETURNED', delete: 'withdraws the nomination (WITHDRAWN; kept on record)' } },
});
