import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { seesPersonalData } from '../auth/permissions';
import { Context } from '../graphql/context';
import { crudResolver, EdgeDef, edges, reqOf } from '../kit/crud';
import { Member, MemberResource } from '../member/member.entity';
import { ANY_UNIT, OrgUnitUnion } from '../org/org.types';
import { ClusterEntry, ClusterEntryResource, EmulationCluster, EmulationClusterResource, EmulationMovement, EmulationMovementResource } from './emulation.entity';
import { AnnualRating, AnnualRatingResource } from './rating.entity';
import { Indicator, IndicatorResource, Target, TargetResource } from './target.entity';
import { WelfareRecord, WelfareRecordResource } from './welfare.entity';
import { Initiative, InitiativeResource } from './initiative.entity';
import { CommitteeSeat, CommitteeSeatResource, Congress, CongressResource } from './congress.entity';
import { RuleThresholdResource } from './threshold.entity';
import { REPORT_RESOLVERS } from './report.resolver';
import { YearImportResolver } from './import.resolver';

/** The CRUD grammar of every record of the union's year. */
const CRUD = [
  crudResolver(EmulationMovementResource, { service: (s) => s.year.movement }),
  crudResolver(EmulationClusterResource, { service: (s) => s.year.cluster }),
  crudResolver(ClusterEntryResource, { service: (s) => s.year.clusterEntry }),
  crudResolver(AnnualRatingResource, { service: (s) => s.year.rating, describe: { create: 'by the level above the rated unit' } }),
  crudResolver(IndicatorResource, { service: (s) => s.year.indicator, describe: { delete: 'deactivates the indicator (targets keep it)' } }),
  crudResolver(TargetResource, { service: (s) => s.year.target }),
  crudResolver(WelfareRecordResource, { service: (s) => s.year.welfare }),
  crudResolver(InitiativeResource, { service: (s) => s.year.initiative }),
  crudResolver(CongressResource, { service: (s) => s.year.congress }),
  crudResolver(CommitteeSeatResource, { service: (s) => s.year.seat }),
  crudResolver(RuleThresholdResource, { service: (s) => s.year.threshold }),
];

/** An edge to the unit a record names, whatever its level. */
const unit = <R>(pick: (r: R) => number | null): EdgeDef<R> => ({ type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (r, req, s) => s.org.byId(req, pick(r)) });

const EDGES = [
  edges<EmulationMovement>(EmulationMovement, 'EmulationMovement', { launchedByUnit: unit((m) => m.launchedByUnitId) }),
  edges<EmulationCluster>(EmulationCluster, 'EmulationCluster', { organizingUnit: unit((c) => c.organizingUnitId) }),
  edges<ClusterEntry>(ClusterEntry, 'ClusterEntry', {
    unit: unit((e) => e.unitId),
    cluster: { type: () => EmulationCluster, target: EmulationClusterResource, resolve: (e, req, s) => s.year.cluster.byId(req, e.clusterId) },
  }),
  edges<AnnualRating>(AnnualRating, 'AnnualRating', {
    unit: unit((r) => r.unitId),
    appraisedByUnit: unit((r) => r.appraisedByUnitId),
  }),
  edges<Target>(Target, 'Target', {
    unit: unit((t) => t.unitId),
    indicator: { type: () => Indicator, target: IndicatorResource, resolve: (t, req, s) => s.year.indicator.byId(req, t.indicatorId) },
  }),
  edges<WelfareRecord>(WelfareRecord, 'WelfareRecord', {
    unit: unit((w) => w.unitId),
    // The member helped is personal data: analysts read memberId as null, and this edge as null on
    // every path, also where a record reaches it without passing through the service's present().
    member: { type: () => Member, target: MemberResource, resolve: (w, req, s) => (seesPersonalData(req.caller.role) ? s.member.byId(req, w.memberId) : null) },
  }),
  edges<Initiative>(Initiative, 'Initiative', {
    unit: unit((i) => i.unitId),
    authors: {
      type: () => [Member],
      list: true,
      target: MemberResource,
      resolve: async (i, req, s) => (await Promise.all((await s.year.initiative.authorIds(req, i.id)).map((id) => s.member.byId(req, id)))).filter((m) => m != null),
    },
  }),
  edges<Congress>(Congress, 'Congress', {
    unit: unit((c) => c.unitId),
    seats: { type: () => [CommitteeSeat], list: true, target: CommitteeSeatResource, resolve: (c, req, s) => s.year.seat.ofCongress(req, c.id) },
  }),
  edges<CommitteeSeat>(CommitteeSeat, 'CommitteeSeat', {
    congress: { type: () => Congress, target: CongressResource, resolve: (x, req, s) => s.year.congress.byId(req, x.congressId) },
    member: { type: () => Member, target: MemberResource, resolve: (x, req, s) => s.member.byId(req, x.memberId) },
  }),
];

/** Computed fields that need the database: a cluster entry's rank among its cluster's entries of the year. */
@Resolver(() => ClusterEntry)
export class ClusterEntryRankResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'computed: 1 + the entries of the cluster and year with a higher score; null without a score' })
  rank(@Root() e: ClusterEntry, @Ctx() ctx: Context) {
    return ctx.services.year.clusterEntry.rank(reqOf(ctx), e);
  }
}

@Resolver(() => Initiative)
export class InitiativeAuthorsResolver {
  @FieldResolver(() => [ID], { description: 'members of the unit’s subtree, at least one' })
  authorMemberIds(@Root() i: Initiative, @Ctx() ctx: Context) {
    return ctx.services.year.initiative.authorIds(reqOf(ctx), i.id);
  }
}

export const YEAR_RESOLVERS = [...CRUD, ...EDGES, ClusterEntryRankResolver, InitiativeAuthorsResolver, ...REPORT_RESOLVERS, YearImportResolver] as const;
