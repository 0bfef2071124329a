import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { AwardDimension, MemberDimension, NominationDimension, SMALL_GROUP } from './stats.service';
import { AgeBand } from './age-band';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ANY_UNIT, OrgUnitUnion } from '../org/org.types';
import { OrgLevel } from '../org/org-level';
import { edges } from '../kit/crud';
import { currentYear } from '../common/clock';
import { AwardType, AwardTypeResource } from '../award/award-type.entity';
import { AwardResource } from '../award/award.entity';
import { NominationResource, NominationStatus } from '../award/nomination.entity';
import { Gender, MemberResource, MemberStatus } from '../member/member.entity';
import { optionalId } from '../common/input';
import { LIMITS } from '../common/limits';

registerEnumType(MemberDimension, {
  name: 'MemberDimension',
  description: 'CHILD_UNIT: the units one level below the unit asked for; AGE_BAND: age on the day asked, in Vietnam; JOIN_YEAR: the year of joinedAt',
});
registerEnumType(AwardDimension, { name: 'AwardDimension', description: "DECIDING_LEVEL: the award type's deciding level" });
registerEnumType(NominationDimension, { name: 'NominationDimension', description: 'CURRENT_LEVEL: where a PENDING nomination waits (CONFEDERATION while FORWARDED)' });

const SUPPRESSION = `Analysts never see a group counting 1 to ${SMALL_GROUP - 1} (it is left out); accounts that read personal data see every group.`;
const CAPPED = `At most ${LIMITS.statsRows.toLocaleString('en-US')} groups (more is BAD_USER_INPUT on \`by\`).`;

@ObjectType({ description: 'a count of members for one combination of the dimensions asked for (the others read null)' })
export class MemberStat {
  @Field(() => ID, { nullable: true, description: 'with CHILD_UNIT: the child unit (null: members outside any team)' }) unitId: number | null;
  @Field(() => Gender, { nullable: true }) gender: Gender | null;
  @Field(() => MemberStatus, { nullable: true }) status: MemberStatus | null;
  @Field(() => AgeBand, { nullable: true, description: 'with AGE_BAND (null: birth date unknown)' }) ageBand: AgeBand | null;
  @Field(() => Int, { nullable: true, description: 'with JOIN_YEAR (null: joining date unknown)' }) joinYear: number | null;
  @Field(() => String, { nullable: true, description: 'with ETHNICITY (null: not recorded)' }) ethnicity: string | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'a count of awards for one combination of the dimensions asked for' })
export class AwardStat {
  @Field(() => ID, { nullable: true }) awardTypeId: number | null;
  @Field(() => Int, { nullable: true }) year: number | null;
  @Field(() => OrgLevel, { nullable: true, description: 'with DECIDING_LEVEL' }) decidingLevel: OrgLevel | null;
  @Field(() => ID, { nullable: true }) unitId: number | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'a count of nominations for one combination of the dimensions asked for' })
export class NominationStat {
  @Field(() => NominationStatus, { nullable: true }) status: NominationStatus | null;
  @Field(() => OrgLevel, { nullable: true, description: 'with CURRENT_LEVEL (null: not waiting anywhere)' }) currentLevel: OrgLevel | null;
  @Field(() => ID, { nullable: true }) unitId: number | null;
  @Field(() => ID, { nullable: true }) awardTypeId: number | null;
  @Field(() => Int, { nullable: true }) year: number | null;
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

const UNIT_ARG = 'the unit whose subtree is counted (default: your scope unit; everything when unscoped)';

@Resolver()
export class StatsResolver {
  @Authorized(Permission.ReadMember)
  @Query(() => [MemberStat], { description: `member counts grouped by the dimensions, inside your scope, over the members \`filter\` selects (the allMembers filter). ${SUPPRESSION} ${CAPPED}` })
  memberStats(
    @Arg('by', () => [MemberDimension]) by: MemberDimension[],
    @Arg('unitId', () => ID, { nullable: true, description: UNIT_ARG }) unitId: string | null,
    @Arg('filter', () => MemberResource.filterInput, { nullable: true, description: 'the filter of allMembers (personal fields refused for analysts)' }) filter: object | null,
    @Arg('activeOnly', { defaultValue: true, description: 'count only ACTIVE members' }) activeOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.memberStats(ctx.caller!, optionalId('unitId', unitId), by, filter, activeOnly);
  }

  @Authorized(Permission.ReadAward)
  @Query(() => [AwardStat], { description: `award counts grouped by the dimensions, inside your scope, over the awards \`filter\` selects. ${SUPPRESSION} ${CAPPED}` })
  awardStats(
    @Arg('by', () => [AwardDimension]) by: AwardDimension[],
    @Arg('unitId', () => ID, { nullable: true, description: UNIT_ARG }) unitId: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'only awards of this year (as filter: { year: [y] })' }) year: number | null,
    @Arg('filter', () => AwardResource.filterInput, { nullable: true, description: 'the filter of allAwards' }) filter: object | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.awardStats(ctx.caller!, optionalId('unitId', unitId), by, filter, year);
  }

  @Authorized(Permission.ReadNomination)
  @Query(() => [NominationStat], { description: `nomination counts grouped by the dimensions, inside your scope, over the nominations \`filter\` selects. ${SUPPRESSION} ${CAPPED}` })
  nominationStats(
    @Arg('by', () => [NominationDimension]) by: NominationDimension[],
    @Arg('unitId', () => ID, { nullable: true, description: UNIT_ARG }) unitId: string | null,
    @Arg('filter', () => NominationResource.filterInput, { nullable: true, description: 'the filter of allNominations' }) filter: object | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stats.nominationStats(ctx.caller!, optionalId('unitId', unitId), by, filter);
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
  edges<NominationStat>(NominationStat, 'NominationStat', {
    awardType: { type: () => AwardType, target: AwardTypeResource, resolve: (st, req, s) => (st.awardTypeId == null ? null : s.awardType.byId(req, st.awardTypeId)) },
    unit: { type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (st, req, s) => s.org.byId(req, st.unitId) },
  }),
];

export const STATS_RESOLVERS: Function[] = [StatsResolver, ...StatEdges];
