import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from './user.entity';
import { AuthPayload, CreateUserArgs, UpdateUserArgs, UserListArgs, UserMetaArgs } from './account.inputs';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListMetadata } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { OrgUnitUnion } from '../org/org.types';
import { Member } from '../member/member.entity';

@Resolver(() => User)
export class AccountResolver {
  @Mutation(() => AuthPayload)
  async login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: Context) {
    const result = await ctx.services.account.login(username, password, ctx.ip);
    // The rest of this response (user { scopeUnit … }) is read as the account that just signed in.
    ctx.caller = await ctx.services.account.callerOf(result.user);
    return result;
  }

  @Query(() => User, { nullable: true, description: 'the signed-in account, or null' })
  me(@Ctx() ctx: Context) {
    return ctx.caller?.user ?? null;
  }

  @Authorized(Permission.ReadUser)
  @Query(() => User, { name: 'User', nullable: true })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.account.get(ctx.caller!, rowId('User', id));
  }

  @Authorized(Permission.ReadUser)
  @Query(() => [User])
  allUsers(@Args() args: UserListArgs, @Ctx() ctx: Context) {
    return ctx.services.account.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadUser)
  @Query(() => ListMetadata, { nullable: true })
  async _allUsersMeta(@Args() args: UserMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.account.count(ctx.caller!, args.filter) };
  }

  @Authorized(Permission.WriteUser)
  @Mutation(() => User, { nullable: true })
  createUser(@Args() args: CreateUserArgs, @Ctx() ctx: Context) {
    return ctx.services.account.create(ctx.caller!, args);
  }

  /** Anyone signed in may change their own name and password; other edits need WriteUser (checked in the service). */
  @Authorized()
  @Mutation(() => User, { nullable: true })
  updateUser(@Args() args: UpdateUserArgs, @Ctx() ctx: Context) {
    const { id, ...input } = args;
    return ctx.services.account.update(ctx.caller!, rowId('User', id), input);
  }

  @Authorized(Permission.WriteUser)
  @Mutation(() => User, { nullable: true, description: 'deactivates the account: no more logins, its tokens stop working' })
  deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.account.remove(ctx.caller!, rowId('User', id));
  }

  @FieldResolver(() => OrgUnitUnion, { nullable: true })
  scopeUnit(@Root() u: User, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, u.scopeUnitId);
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() u: User, @Ctx() ctx: Context) {
    return ctx.services.member.byId(ctx, u.memberId);
  }
}
