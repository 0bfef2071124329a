import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { AwardDimension, MemberDimension } from './stats.service';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ANY_UNIT, OrgUnitUnion } from '../org/org.types';
import { edges } from '../kit/crud';
import { currentYear } from '../common/clock';
import { AwardType, AwardTypeResource } from '../award/award-type.entity';
import { Gender, MemberStatus } from '../member/member.entity';
import { optionalId } from '../common/input';

registerEnumType(MemberDimension, { name: 'MemberDimension', description: 'CHILD_UNIT: the units one level below the unit asked for' });
registerEnumType(AwardDimension, { name: 'AwardDimension' });

@ObjectType({ description: 'a count of members for one combination of the dimensions asked for' })
export class MemberStat {
  @Field(() => ID, { nullable: true, description: 'with CHILD_UNIT: the child unit (null: members outside any team)' }) unitId: number | null;
  @Field(() => Gender, { nullable: true }) gender: Gender | null;
  @Field(() => MemberStatus, { nullable: true }) status: MemberStatus | null;
  @Field(() => Int) count: number;
}

@ObjectType()
export class AwardStat {
  @Field(() => ID, { nullable: true }) awardTypeId: number | null;
  @Field(() => Int, { nullable: true }) year: number | null;
  @Field(() => ID, { nullable: true }) unitId: number | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'the dashboard figures of a unit (or the caller’s whole scope)' })
export class Overview {
  @Field(() => ID, { nullable: true }) unitId: number | null;
  @Field(() => Int) federations: number;
  @Field(() => Int) unions: number;
  @Field(() => Int) grassrootsUnions: number;
  @Field(() => Int) teams: number;
  @Field(() => Int, { description: 'active members' }) members: number;
  @Field(() => Int, { description: 'active women members' }) women: number;
  @Field(() => Int) pendingNominations: number;
  @Field(() => Int, { description: 'awards decided in `year`' }) awardsThisYear: number;
  @Field(() => Int) year: number;
}

@Resolver()
export class StatsResolver {
  @Authorized(Permission.ReadMember)
  @Query(() => [MemberStat], { description: 'member counts grouped by the dimensions, inside your scope' })
  memberStats(
    @Arg('by', () => [MemberDimension]) by: MemberDimension[],
    @Arg('unitId', () => ID, { nullable: true, description: 'default: your scope unit (everything when unscoped)' }) unitId: string | null,
    @Arg('activeOnly', { defaultValue: true }) activeOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.members(ctx.caller!, optionalId('unitId', unitId), by, activeOnly);
  }

  @Authorized(Permission.ReadAward)
  @Query(() => [AwardStat], { description: 'award counts grouped by the dimensions, inside your scope' })
  awardStats(
    @Arg('by', () => [AwardDimension]) by: AwardDimension[],
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.awards(ctx.caller!, optionalId('unitId', unitId), by, year);
  }

  @Authorized(Permission.ReadOrg)
  @Query(() => Overview)
  overview(
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'default: this year' }) year: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.overview(ctx.caller!, optionalId('unitId', unitId), year ?? currentYear());
  }
}

/** The objects a figure names, each under the permission its root list needs. */
const StatEdges = [
  edges<MemberStat>(MemberStat, 'MemberStat', {
    unit: { type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (st, req, s) => s.org.byId(req, st.unitId) },
  }),
  edges<AwardStat>(AwardStat, 'AwardStat', {
    awardType: { type: () => AwardType, target: AwardTypeResource, resolve: (st, req, s) => (st.awardTypeId == null ? null : s.awardType.byId(req, st.awardTypeId)) },
    unit: { type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (st, req, s) => s.org.byId(req, st.unitId) },
  }),
];

export const STATS_RESOLVERS = [StatsResolver, ...StatEdges] as const;
