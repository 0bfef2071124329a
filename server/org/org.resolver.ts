import { Arg, ArgsType, Authorized, ClassType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Federation, GrassrootsUnion, OrgUnitUnion, Team, Union, UnitMove, UNIT_RESOURCES } from './org.types';
import { OrgLevel, UnitLevel } from './org-level';
import { OrgUnit } from './org-unit.entity';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { rowId } from '../graphql/ids';
import { Member, MemberResource } from '../member/member.entity';
import { PER_PAGE_CAP } from '../common/list';
import { badInput } from '../common/errors';
import { EdgeDef, edges } from '../kit/crud';

const LEVELS: UnitLevel[] = [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS, OrgLevel.TEAM];


@ArgsType()
class MembersArgs {
  @Field(() => Int, { nullable: true, description: `at most this many members, sorted by name (default 100, at most ${PER_PAGE_CAP}); use allMembers to page` })
  limit?: number;
}

function memberLimit(args: MembersArgs | undefined): number {
  const limit = args?.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > PER_PAGE_CAP) throw badInput('limit', `must be between 1 and ${PER_PAGE_CAP}`);
  return limit;
}

type UnitEdge = EdgeDef<OrgUnit>;
const parent = (type: () => ClassType, level: UnitLevel): UnitEdge => ({
  type,
  target: UNIT_RESOURCES[level],
  resolve: (u, req, s) => s.org.byId(req, u[({ FEDERATION: 'federationId', UNION: 'unionId', GRASSROOTS: 'grassrootsUnionId', TEAM: 'teamId' } as const)[level]]),
});
const children = (type: () => ClassType, parentLevel: UnitLevel, childLevel: UnitLevel, description?: string): UnitEdge => ({
  type: () => [type()],
  list: true,
  target: UNIT_RESOURCES[childLevel],
  description,
  resolve: (u, req, s) => s.org.children(req, parentLevel, childLevel, u.id),
});
const members = (level: OrgLevel.GRASSROOTS | OrgLevel.TEAM): UnitEdge => ({
  type: () => [Member],
  list: true,
  target: MemberResource,
  args: MembersArgs,
  resolve: (u, req, s, args: MembersArgs) => s.member.ofUnit(req, level, u.id, memberLimit(args)),
});

/** Parent objects and children of each unit type, every one through a per-request loader and its permission. */
const EDGES = [
  edges<OrgUnit>(Federation, 'Federation', {
    unions: children(() => Union, OrgLevel.FEDERATION, OrgLevel.UNION),
    grassrootsUnions: children(() => GrassrootsUnion, OrgLevel.FEDERATION, OrgLevel.GRASSROOTS, 'all of them, through unions or directly under the federation'),
  }),
  edges<OrgUnit>(Union, 'Union', {
    federation: parent(() => Federation, OrgLevel.FEDERATION),
    grassrootsUnions: children(() => GrassrootsUnion, OrgLevel.UNION, OrgLevel.GRASSROOTS),
  }),
  edges<OrgUnit>(GrassrootsUnion, 'GrassrootsUnion', {
    federation: parent(() => Federation, OrgLevel.FEDERATION),
    union: parent(() => Union, OrgLevel.UNION),
    teams: children(() => Team, OrgLevel.GRASSROOTS, OrgLevel.TEAM),
    members: members(OrgLevel.GRASSROOTS),
  }),
  edges<OrgUnit>(Team, 'Team', {
    grassrootsUnion: parent(() => GrassrootsUnion, OrgLevel.GRASSROOTS),
    members: members(OrgLevel.TEAM),
  }),
];

/** Each unit's history of parents (part of the unit itself, not another resource). */
const MOVES = LEVELS.map((level) => {
  @Resolver(() => UNIT_RESOURCES[level].typeClass)
  class UnitMovesResolver {
    @FieldResolver(() => [UnitMove], { description: 'history of parents (moveUnit)' })
    moves(@Root() u: OrgUnit, @Ctx() ctx: Context) {
      return ctx.services.org.history(u.id);
    }
  }
  return UnitMovesResolver;
});

@Resolver()
export class MoveUnitResolver {
  @Authorized(Permission.ReadOrg)
  @Query(() => OrgUnitUnion, { nullable: true, description: 'any unit by id, whatever its level' })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.org.get(ctx.caller!, rowId('OrgUnit', id));
  }

  // The permission for the unit's level is checked by the service, which knows the level.
  @Authorized()
  @Mutation(() => OrgUnitUnion, { description: 'moves a unit and its whole subtree under another parent of the right level' })
  moveUnit(@Arg('id', () => ID) id: string, @Arg('parentId', () => ID) parentId: string, @Ctx() ctx: Context) {
    // The unit moved is the single row acted on (NOT_FOUND when it cannot exist); the parent is an argument (BAD_USER_INPUT).
    return ctx.services.org.move(ctx.caller!, rowId('OrgUnit', id), parentId);
  }
}

export const ORG_RESOLVERS: Function[] = [...EDGES, ...MOVES, MoveUnitResolver];
