import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListMetadata } from '../graphql/list-args';
import { AwardDecision, AwardDecisionListArgs, AwardDecisionMetaArgs } from './award-decision.types';
import { Award } from './award.entity';
import { decisionId } from './decision-id';

/**
 * Commendation decisions in the CRUD grammar of ra-data-graphql-simple, read-only: they are made by
 * approvals (and recordConfederationDecision), one per deciding unit, year and number. Read with the
 * awards' own permission; scope as allAwards (AwardDecisionService).
 */
@Resolver(() => AwardDecision)
export class AwardDecisionResolver {
  @Authorized(Permission.ReadAward)
  @Query(() => AwardDecision, { name: 'AwardDecision', nullable: true, description: 'a decision with at least one award in your scope (else NOT_FOUND)' })
  one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awardDecision.get(ctx.caller!, id);
  }

  @Authorized(Permission.ReadAward)
  @Query(() => [AwardDecision], { name: 'allAwardDecisions', description: 'decisions naming awards of your scope, each counting those; sortField: decidedAt (default, DESC), year, decisionNumber, awardCount' })
  all(@Args() args: AwardDecisionListArgs, @Ctx() ctx: Context) {
    return ctx.services.awardDecision.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadAward)
  @Query(() => ListMetadata, { name: '_allAwardDecisionsMeta', nullable: true })
  async meta(@Args() args: AwardDecisionMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.awardDecision.count(ctx.caller!, args.filter) };
  }
}

/** From an award to its decision: the id `AwardDecision(id)` reads (computed, no query). */
@Resolver(() => Award)
export class AwardDecisionIdResolver {
  @FieldResolver(() => ID, { description: 'the id of the decision this award belongs to (AwardDecision(id))' })
  decisionId(@Root() a: Award): string {
    return decisionId({ decidingUnitId: a.decidingUnitId, year: a.year, decisionNumber: a.decisionNumber });
  }
}
