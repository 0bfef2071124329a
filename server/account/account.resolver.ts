import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from './user.entity';
import { AuthPayload } from './account.inputs';
import { GRANTABLE_ROLES, Permission, REVIEW_LEVEL, ROLE_PERMISSIONS } from '../auth/permissions';
import { Role } from '../auth/role';
import { OrgLevel } from '../org/org-level';
import { Context } from '../graphql/context';
import { ANY_UNIT, OrgUnitUnion } from '../org/org.types';
import { Member, MemberResource } from '../member/member.entity';
import { edges } from '../kit/crud';


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

  // What the account's role may do, from server/auth/permissions.ts: the panel shows what these allow.
  @FieldResolver(() => [Permission], { description: 'the permissions of the account’s role (always inside its scope)' })
  permissions(@Root() u: User): readonly Permission[] {
    return ROLE_PERMISSIONS[u.role];
  }

  @FieldResolver(() => [Role], { description: 'the roles this account may grant (create and edit accounts of)' })
  grantableRoles(@Root() u: User): readonly Role[] {
    return GRANTABLE_ROLES[u.role];
  }

  @FieldResolver(() => OrgLevel, { nullable: true, description: 'the level at which this account reviews nominations (null: none, or any for SYSTEM_ADMIN)' })
  reviewLevel(@Root() u: User): OrgLevel | null {
    return REVIEW_LEVEL[u.role] ?? null;
  }
}

const UserEdges = edges<User>(User, 'User', {
  scopeUnit: { type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (u, req, s) => s.org.byId(req, u.scopeUnitId) },
  member: { type: () => Member, target: MemberResource, resolve: (u, req, s) => s.member.byId(req, u.memberId) },
});

export const ACCOUNT_RESOLVERS: Function[] = [AccountResolver, UserEdges];
