import { Arg, Args, ArgsType, Authorized, ClassType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Federation, GrassrootsUnion, OrgUnitUnion, Team, Union, UnitMove } from './org.types';
import * as In from './org.inputs';
import { OrgLevel, UnitLevel } from './org-level';
import { OrgUnit } from './org-unit.entity';
import { Permission, WRITE_UNIT_PERMISSION } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListMetadata } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { Member } from '../member/member.entity';
import { PER_PAGE_CAP } from '../common/list';
import { badInput } from '../common/errors';

/**
 * The CRUD grammar of one unit type (X, allXs, _allXsMeta, createX, updateX, deleteX).
 * Thin: arguments in, one OrgService call out.
 */
function unitCrudResolver<TList extends object, TMeta extends object, TCreate extends object, TUpdate extends { id: string }>(
  level: UnitLevel,
  type: ClassType,
  name: string,
  plural: string,
  ListArgsT: ClassType<TList>,
  MetaArgsT: ClassType<TMeta>,
  CreateArgsT: ClassType<TCreate>,
  UpdateArgsT: ClassType<TUpdate>,
) {
  const write = WRITE_UNIT_PERMISSION[level];

  @Resolver(() => type)
  class UnitCrudResolver {
    @Authorized(Permission.ReadOrg)
    @Query(() => type, { name, nullable: true })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrgUnit> {
      return ctx.services.org.get(ctx.caller!, level, rowId(name, id));
    }

    @Authorized(Permission.ReadOrg)
    @Query(() => [type], { name: `all${plural}` })
    all(@Args(() => ListArgsT) args: TList, @Ctx() ctx: Context): Promise<OrgUnit[]> {
      return ctx.services.org.list(ctx.caller!, level, args);
    }

    @Authorized(Permission.ReadOrg)
    @Query(() => ListMetadata, { name: `_all${plural}Meta`, nullable: true })
    async meta(@Args(() => MetaArgsT) args: TMeta & { filter?: object }, @Ctx() ctx: Context): Promise<ListMetadata> {
      return { count: await ctx.services.org.count(ctx.caller!, level, args.filter) };
    }

    @Authorized(write)
    @Mutation(() => type, { name: `create${name}`, nullable: true })
    create(@Args(() => CreateArgsT) args: TCreate, @Ctx() ctx: Context): Promise<OrgUnit> {
      return ctx.services.org.create(ctx.caller!, level, args);
    }

    @Authorized(write)
    @Mutation(() => type, { name: `update${name}`, nullable: true })
    update(@Args(() => UpdateArgsT) args: TUpdate, @Ctx() ctx: Context): Promise<OrgUnit> {
      const { id, ...input } = args;
      return ctx.services.org.update(ctx.caller!, level, rowId(name, id), input);
    }

    @Authorized(write)
    @Mutation(() => type, { name: `delete${name}`, nullable: true, description: 'dissolves the unit (never a hard delete); refused while it has live units or active members' })
    remove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrgUnit> {
      return ctx.services.org.remove(ctx.caller!, level, rowId(name, id));
    }
  }
  return UnitCrudResolver;
}

export const FederationCrudResolver = unitCrudResolver(
  OrgLevel.FEDERATION, Federation, 'Federation', 'Federations',
  In.FederationListArgs, In.FederationMetaArgs, In.CreateFederationArgs, In.UpdateFederationArgs,
);
export const UnionCrudResolver = unitCrudResolver(
  OrgLevel.UNION, Union, 'Union', 'Unions',
  In.UnionListArgs, In.UnionMetaArgs, In.CreateUnionArgs, In.UpdateUnionArgs,
);
export const GrassrootsUnionCrudResolver = unitCrudResolver(
  OrgLevel.GRASSROOTS, GrassrootsUnion, 'GrassrootsUnion', 'GrassrootsUnions',
  In.GrassrootsUnionListArgs, In.GrassrootsUnionMetaArgs, In.CreateGrassrootsUnionArgs, In.UpdateGrassrootsUnionArgs,
);
export const TeamCrudResolver = unitCrudResolver(
  OrgLevel.TEAM, Team, 'Team', 'Teams',
  In.TeamListArgs, In.TeamMetaArgs, In.CreateTeamArgs, In.UpdateTeamArgs,
);

@ArgsType()
class MembersArgs {
  @Field(() => Int, { nullable: true, description: `at most this many members, sorted by name (default 100, at most ${PER_PAGE_CAP}); use allMembers to page` })
  limit?: number;
}

function memberLimit(args: MembersArgs): number {
  const limit = args.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > PER_PAGE_CAP) throw badInput('limit', `must be between 1 and ${PER_PAGE_CAP}`);
  return limit;
}

/** Parent objects, children and history of the unit types; every read goes through a per-request loader. */
@Resolver(() => Federation)
export class FederationFieldsResolver {
  @FieldResolver(() => [Union])
  unions(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.children(ctx, OrgLevel.FEDERATION, OrgLevel.UNION, u.id);
  }

  @FieldResolver(() => [GrassrootsUnion], { description: 'all of them, through unions or directly under the federation' })
  grassrootsUnions(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.children(ctx, OrgLevel.FEDERATION, OrgLevel.GRASSROOTS, u.id);
  }

  @FieldResolver(() => [UnitMove])
  moves(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.history(u.id);
  }
}

@Resolver(() => Union)
export class UnionFieldsResolver {
  @FieldResolver(() => Federation, { nullable: true })
  federation(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, u.federationId);
  }

  @FieldResolver(() => [GrassrootsUnion])
  grassrootsUnions(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.children(ctx, OrgLevel.UNION, OrgLevel.GRASSROOTS, u.id);
  }

  @FieldResolver(() => [UnitMove], { description: 'history of parents (moveUnit)' })
  moves(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.history(u.id);
  }
}

@Resolver(() => GrassrootsUnion)
export class GrassrootsUnionFieldsResolver {
  @FieldResolver(() => Federation, { nullable: true })
  federation(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, u.federationId);
  }

  @FieldResolver(() => Union, { nullable: true })
  union(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, u.unionId);
  }

  @FieldResolver(() => [Team])
  teams(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.children(ctx, OrgLevel.GRASSROOTS, OrgLevel.TEAM, u.id);
  }

  @FieldResolver(() => [Member])
  members(@Root() u: OrgUnit, @Args() args: MembersArgs, @Ctx() ctx: Context) {
    return ctx.services.member.ofUnit(ctx, OrgLevel.GRASSROOTS, u.id, memberLimit(args));
  }

  @FieldResolver(() => [UnitMove], { description: 'history of parents (moveUnit)' })
  moves(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.history(u.id);
  }
}

@Resolver(() => Team)
export class TeamFieldsResolver {
  @FieldResolver(() => GrassrootsUnion, { nullable: true })
  grassrootsUnion(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, u.grassrootsUnionId);
  }

  @FieldResolver(() => [Member])
  members(@Root() u: OrgUnit, @Args() args: MembersArgs, @Ctx() ctx: Context) {
    return ctx.services.member.ofUnit(ctx, OrgLevel.TEAM, u.id, memberLimit(args));
  }

  @FieldResolver(() => [UnitMove], { description: 'history of parents (moveUnit)' })
  moves(@Root() u: OrgUnit, @Ctx() ctx: Context) {
    return ctx.services.org.history(u.id);
  }
}

@Resolver()
export class MoveUnitResolver {
  @Authorized(Permission.ReadOrg)
  @Query(() => OrgUnitUnion, { nullable: true, description: 'any unit by id, whatever its level' })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.org.get(ctx.caller!, null, rowId('OrgUnit', id));
  }

  // The permission for the unit's level is checked by the service, which knows the level.
  @Authorized()
  @Mutation(() => OrgUnitUnion, { description: 'moves a unit and its whole subtree under another parent of the right level' })
  moveUnit(@Arg('id', () => ID) id: string, @Arg('parentId', () => ID) parentId: string, @Ctx() ctx: Context) {
    // The unit moved is the single row acted on (NOT_FOUND when it cannot exist); the parent is an argument (BAD_USER_INPUT).
    return ctx.services.org.move(ctx.caller!, rowId('OrgUnit', id), parentId);
  }
}

export const ORG_RESOLVERS = [
  FederationCrudResolver,
  UnionCrudResolver,
  GrassrootsUnionCrudResolver,
  TeamCrudResolver,
  FederationFieldsResolver,
  UnionFieldsResolver,
  GrassrootsUnionFieldsResolver,
  TeamFieldsResolver,
  MoveUnitResolver,
] as const;
