import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../auth/role';
import { ListArgs, MetaArgs } from '../graphql/list-args';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'send as `Authorization: Bearer <token>`; expires (default 8 hours)' })
  token: string;

  @Field(() => User)
  user: User;
}

@InputType()
export class UserFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'words matched against username and full name' }) q?: string;
  @Field(() => [String], { nullable: true }) username?: string[];
  @Field(() => [Role], { nullable: true }) role?: Role[];
  @Field(() => [ID], { nullable: true }) scopeUnitId?: string[];
  @Field(() => [ID], { nullable: true }) memberId?: string[];
  @Field({ nullable: true }) active?: boolean;
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserFilter, { nullable: true }) filter?: UserFilter;
}

@ArgsType()
export class UserMetaArgs extends MetaArgs {
  @Field(() => UserFilter, { nullable: true }) filter?: UserFilter;
}

@ArgsType()
export class CreateUserArgs {
  @Field() username: string;
  @Field({ description: 'at least 8 characters' }) password: string;
  @Field() fullName: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'a unit of the role’s level inside your scope' }) scopeUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'the account holder’s member record (one you can read)' }) memberId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'a new password ends the account’s sessions' }) password?: string | null;
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) scopeUnitId?: string | null;
  @Field(() => ID, { nullable: true }) memberId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
