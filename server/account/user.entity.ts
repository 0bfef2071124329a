import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../auth/role';
import { Permission } from '../auth/permissions';
import { declareResource } from '../kit/resource';

/** The widths of an account's text columns, in characters (declared below, checked by the input rules). */
export const USER_TEXT = { username: 64, fullName: 160, searchKey: 255 } as const;

/** An account (table `account`; `user` is reserved in SQL). Never hard-deleted: deleteUser deactivates. */
@ObjectType('User', { description: 'Tài khoản (account)' })
@Entity('account')
@Index('idx_account_scope', ['scopeUnitId'])
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index('uq_account_username', { unique: true })
  @Column({ type: 'varchar', length: USER_TEXT.username })
  username: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field()
  @Column({ type: 'varchar', length: USER_TEXT.fullName })
  fullName: string;

  @Column({ type: 'varchar', length: USER_TEXT.searchKey })
  searchKey: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 24 })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'the unit whose subtree the account may act in' })
  @Column({ type: 'int', nullable: true })
  scopeUnitId: number | null;

  @Field(() => ID, { nullable: true, description: "the account holder's own member record" })
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped when the password changes or the account is deactivated: older tokens stop working. */
  @Column({ type: 'int', default: 1 })
  tokenVersion: number;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}

/** Accounts as a resource (kit/resource.ts). Scoped by the unit their scope lies in. */
export const UserResource = declareResource<User>({
  name: 'User',
  entity: User,
  fields: {
    username: { filter: 'eq', write: 'required' },
    password: { type: () => String, write: 'required', description: 'at least 8 characters', updateDescription: 'a new password ends the account’s sessions' },
    fullName: { write: 'required' },
    role: { filter: 'eq', write: 'required' },
    scopeUnitId: { filter: 'eq', write: 'optional', description: 'a unit of the role’s level inside your scope' },
    memberId: { filter: 'eq', write: 'optional', description: 'the account holder’s member record (one you can read)' },
    active: { filter: 'eq', write: 'optional' },
    createdAt: {},
    lastLoginAt: {},
  },
  search: 'searchKey',
  searchDescription: 'words matched against username and full name',
  defaultSort: { field: 'username', order: 'ASC' },
  scope: { kind: 'unit', property: 'scopeUnitId' },
  // Anyone signed in may change their own name and password; other edits need WriteUser (checked in the service).
  permissions: { read: Permission.ReadUser, create: Permission.WriteUser, update: 'authenticated', delete: Permission.WriteUser },
  crud: { describe: { delete: 'deactivates the account: no more logins, its tokens stop working' } },
});
