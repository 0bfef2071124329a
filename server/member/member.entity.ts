import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { Located } from '../kit/located';
import { declareResource } from '../kit/resource';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}
registerEnumType(MemberStatus, { name: 'MemberStatus' });

/**
 * The widths of the member's text columns, in characters: the columns below are declared with
 * them and the input rules check them, so a value that passes always fits.
 */
export const MEMBER_TEXT = {
  fullName: 160, sortKey: 160, searchKey: 255, phone: 32, email: 160, nationalId: 32, cardNumber: 32,
  position: 120, ethnicity: 64, occupation: 255, leftReason: 255,
} as const;

/** Fields that analysts read as null and may neither filter nor sort on. */
export const PERSONAL_FIELDS = ['birthDate', 'phone', 'email', 'nationalId'] as const;

/**
 * A union member (đoàn viên). Never hard-deleted: leaving sets status LEFT and leftAt.
 * Ancestor columns (federation, union, grassroots union, team) are maintained on write and on
 * moveUnit, so any subtree filter is one indexed equality.
 */
@ObjectType({ description: 'Đoàn viên (union member)' })
// its own covering indexes below serve the subtree filters
@Located({ indexes: false })
@Entity('member')
@Index('idx_member_grassroots_sort', ['grassrootsUnionId', 'sortKey'])
@Index('idx_member_team_sort', ['teamId', 'sortKey'])
@Index('idx_member_union_sort', ['unionId', 'sortKey'])
@Index('idx_member_federation_sort', ['federationId', 'sortKey'])
/** covering: a federation's totals by q and gender, and its counts by child unit and gender (migration 1764000000000) */
@Index('idx_member_federation_cover', ['federationId', 'gender', 'status', 'unionId', 'grassrootsUnionId', 'searchKey'])
export class Member {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: MEMBER_TEXT.fullName })
  fullName: string;

  /** Given name first, without diacritics: the order Vietnamese lists use. */
  @Column({ type: 'varchar', length: MEMBER_TEXT.sortKey })
  sortKey: string;

  /** Name and card number without diacritics, for `q`. Never holds personal data. */
  @Column({ type: 'varchar', length: MEMBER_TEXT.searchKey })
  searchKey: string;

  @Field(() => Gender)
  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  @Field(() => String, { nullable: true, description: 'ISO date; personal data (null for analysts)' })
  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Field(() => String, { nullable: true, description: 'personal data (null for analysts)' })
  @Column({ type: 'varchar', length: MEMBER_TEXT.phone, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'personal data (null for analysts)' })
  @Column({ type: 'varchar', length: MEMBER_TEXT.email, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'personal data (null for analysts)' })
  @Column({ type: 'varchar', length: MEMBER_TEXT.nationalId, nullable: true })
  nationalId: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the member joined the union (kết nạp)' })
  @Column({ type: 'date', nullable: true })
  joinedAt: string | null;

  @Field(() => String, { nullable: true, description: 'union card number (thẻ đoàn viên), unique' })
  @Index('uq_member_card', { unique: true })
  @Column({ type: 'varchar', length: MEMBER_TEXT.cardNumber, nullable: true })
  cardNumber: string | null;

  @Field(() => String, { nullable: true, description: 'union position: tổ trưởng, ủy viên BCH, chủ tịch…' })
  @Column({ type: 'varchar', length: MEMBER_TEXT.position, nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: MEMBER_TEXT.ethnicity, nullable: true })
  ethnicity: string | null;

  @Field(() => String, { nullable: true, description: 'job and workplace' })
  @Column({ type: 'varchar', length: MEMBER_TEXT.occupation, nullable: true })
  occupation: string | null;

  @Field(() => MemberStatus)
  @Column({ type: 'varchar', length: 8, default: MemberStatus.ACTIVE })
  status: MemberStatus;

  @Field(() => String, { nullable: true, description: 'ISO date the member left (status LEFT)' })
  @Column({ type: 'date', nullable: true })
  leftAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: MEMBER_TEXT.leftReason, nullable: true })
  leftReason: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date a discipline (kỷ luật) starts; no award while under discipline' })
  @Column({ type: 'date', nullable: true })
  disciplinedFrom: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the discipline ends (null: open-ended)' })
  @Column({ type: 'date', nullable: true })
  disciplinedUntil: string | null;

  @Field(() => ID)
  @Column({ type: 'int' })
  grassrootsUnionId: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  teamId: number | null;

  @Field(() => ID, { nullable: true, description: 'the upper union, when the grassroots union has one' })
  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Field(() => ID)
  @Column({ type: 'int' })
  federationId: number;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}

const text = { filter: 'eq', write: 'optional' } as const;
const personal = { personal: true, write: 'optional' } as const;
const date = { filter: 'range', write: 'optional' } as const;

/** Members as a resource (kit/resource.ts): filters, sorting, personal data, write arguments. */
export const MemberResource = declareResource<Member>({
  name: 'Member',
  entity: Member,
  fields: {
    fullName: { sort: 'sortKey', write: 'required' },
    gender: { filter: 'eq', write: 'required' },
    grassrootsUnionId: {
      filter: 'eq',
      write: 'required',
      updateDescription: 'another grassroots union transfers the member (chuyển sinh hoạt)',
    },
    teamId: { filter: 'eq', write: 'optional', description: 'a team of the member’s grassroots union' },
    unionId: { filter: 'eq' },
    federationId: { filter: 'eq' },
    cardNumber: text,
    position: text,
    ethnicity: text,
    occupation: { write: 'optional' },
    joinedAt: { ...date, description: 'ISO date' },
    status: { filter: 'eq', write: 'optional', description: 'LEFT records leaving (ra khỏi công đoàn); ACTIVE readmits' },
    leftAt: { ...date, description: 'ISO date, with status LEFT (default today)' },
    leftReason: { write: 'optional' },
    disciplinedFrom: { write: 'optional', description: 'ISO date a discipline (kỷ luật) starts; no award while under discipline' },
    disciplinedUntil: { write: 'optional', description: 'ISO date the discipline ends (empty: open-ended)' },
    birthDate: { ...personal, filter: 'range', description: 'ISO date' },
    phone: { ...personal, filter: 'eq' },
    email: { ...personal, filter: 'eq' },
    nationalId: { ...personal, filter: 'eq', description: '9 (CMND) or 12 (CCCD) digits' },
    createdAt: {},
  },
  search: 'searchKey',
  searchDescription: 'words matched against name and card number, ignoring case and diacritics',
  defaultSort: { field: 'fullName', order: 'ASC' },
  scope: { kind: 'located' },
  permissions: { read: Permission.ReadMember, create: Permission.WriteMember, update: Permission.WriteMember, delete: Permission.WriteMember },
  crud: {
    describe: {
      create: 'admits a member (kết nạp) into a grassroots union and optionally one of its teams',
      delete: 'records that the member left (status LEFT); members are never hard-deleted',
    },
  },
});
