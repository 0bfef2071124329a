import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../graphql/context';
import { edges, reqOf } from '../kit/crud';
import { Member, MemberResource } from '../member/member.entity';
import { ClusterEntry } from './emulation.entity';
import { Initiative } from './initiative.entity';
import { CommitteeSeat, CommitteeSeatResource, Congress } from './congress.entity';
import { REPORT_RESOLVERS } from './report.resolver';
import { YearImportResolver } from './import.resolver';

/*
 * The CRUD grammar of every record of the union's year and the edges to what a record names (its
 * unit, cluster, indicator, congress, member) are made by the kit from the field tables (`ref`
 * fields, kit/crud.ts). Here only what is more than a reference: lists through another table.
 */
const EDGES = [
  edges<Initiative>(Initiative, 'Initiative', {
    authors: {
      type: () => [Member],
      list: true,
      target: MemberResource,
      resolve: async (i, req, s) => (await Promise.all((await s.year.initiative.authorIds(req, i.id)).map((id) => s.member.byId(req, id)))).filter((m) => m != null),
    },
  }),
  edges<Congress>(Congress, 'Congress', {
    seats: { type: () => [CommitteeSeat], list: true, target: CommitteeSeatResource, resolve: (c, req, s) => s.year.seat.ofCongress(req, c.id) },
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

export const YEAR_RESOLVERS: Function[] = [...EDGES, ClusterEntryRankResolver, InitiativeAuthorsResolver, ...REPORT_RESOLVERS, YearImportResolver];
