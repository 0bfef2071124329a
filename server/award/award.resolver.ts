import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AwardType } from './award-type.entity';
import { Nomination, NominationAction, NominationEvent, ReviewDecision } from './nomination.entity';
import { Award } from './award.entity';
import * as In from './award.inputs';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListMetadata } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { Member } from '../member/member.entity';
import { User } from '../account/user.entity';
import { Federation, GrassrootsUnion, OrgUnitUnion, Team, Union } from '../org/org.types';
import { OrgUnit } from '../org/org-unit.entity';
import { forbidden } from '../common/errors';

@Resolver(() => AwardType)
export class AwardTypeResolver {
  @Authorized(Permission.ReadAwardType)
  @Query(() => AwardType, { name: 'AwardType', nullable: true })
  awardType(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awardType.get(rowId('AwardType', id));
  }

  @Authorized(Permission.ReadAwardType)
  @Query(() => [AwardType])
  allAwardTypes(@Args() args: In.AwardTypeListArgs, @Ctx() ctx: Context) {
    return ctx.services.awardType.list(args);
  }

  @Authorized(Permission.ReadAwardType)
  @Query(() => ListMetadata, { nullable: true })
  async _allAwardTypesMeta(@Args() args: In.AwardTypeMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.awardType.count(args.filter) };
  }

  @Authorized(Permission.WriteAwardType)
  @Mutation(() => AwardType, { nullable: true })
  createAwardType(@Args() args: In.CreateAwardTypeArgs, @Ctx() ctx: Context) {
    return ctx.services.awardType.create(ctx.caller!, args);
  }

  @Authorized(Permission.WriteAwardType)
  @Mutation(() => AwardType, { nullable: true })
  updateAwardType(@Args() args: In.UpdateAwardTypeArgs, @Ctx() ctx: Context) {
    const { id, ...input } = args;
    return ctx.services.awardType.update(ctx.caller!, rowId('AwardType', id), input);
  }

  @Authorized(Permission.WriteAwardType)
  @Mutation(() => AwardType, { nullable: true, description: 'deactivates the award type (kept for the history of its awards)' })
  deleteAwardType(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awardType.remove(ctx.caller!, rowId('AwardType', id));
  }
}

@ObjectType({ description: 'a review step: APPROVE, REJECT or RETURN at one level' })
export class NominationReview {
  @Field(() => ID) id: number;
  @Field(() => String, { nullable: true }) level: string | null;
  @Field(() => ReviewDecision) decision: ReviewDecision;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => ID, { nullable: true }) reviewerId: number | null;
  @Field(() => String, { nullable: true, description: 'the reviewer’s name at the time' }) reviewerName: string | null;
  @Field() at: Date;
}

const REVIEW_ACTIONS: Partial<Record<NominationAction, ReviewDecision>> = {
  APPROVE: ReviewDecision.APPROVE,
  REJECT: ReviewDecision.REJECT,
  RETURN: ReviewDecision.RETURN,
  CONFEDERATION_APPROVE: ReviewDecision.APPROVE,
  CONFEDERATION_REJECT: ReviewDecision.REJECT,
};

@Resolver(() => NominationReview)
export class NominationReviewResolver {
  @FieldResolver(() => User, { nullable: true, description: 'the reviewer’s account, when visible to you' })
  reviewer(@Root() r: NominationReview, @Ctx() ctx: Context) {
    return ctx.services.account.byId(ctx, r.reviewerId);
  }
}

@Resolver(() => Nomination)
export class NominationResolver {
  @Authorized(Permission.ReadNomination)
  @Query(() => Nomination, { name: 'Nomination', nullable: true })
  nomination(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.nomination.get(ctx.caller!, rowId('Nomination', id));
  }

  @Authorized(Permission.ReadNomination)
  @Query(() => [Nomination])
  allNominations(@Args() args: In.NominationListArgs, @Ctx() ctx: Context) {
    return ctx.services.nomination.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadNomination)
  @Query(() => ListMetadata, { nullable: true })
  async _allNominationsMeta(@Args() args: In.NominationMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.nomination.count(ctx.caller!, args.filter) };
  }

  @Authorized(Permission.Nominate)
  @Mutation(() => Nomination, { nullable: true, description: 'a DRAFT at version 1' })
  createNomination(@Args() args: In.CreateNominationArgs, @Ctx() ctx: Context) {
    return ctx.services.nomination.create(ctx.caller!, args);
  }

  @Authorized(Permission.Nominate)
  @Mutation(() => Nomination, { nullable: true, description: 'while DRAFT or RETURNED' })
  updateNomination(@Args() args: In.UpdateNominationArgs, @Ctx() ctx: Context) {
    const { id, ...input } = args;
    return ctx.services.nomination.update(ctx.caller!, rowId('Nomination', id), input);
  }

  @Authorized(Permission.Nominate)
  @Mutation(() => Nomination, { nullable: true, description: 'withdraws the nomination (WITHDRAWN; kept on record)' })
  deleteNomination(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.nomination.withdraw(ctx.caller!, rowId('Nomination', id));
  }

  @Authorized(Permission.Nominate)
  @Mutation(() => Nomination)
  submitNomination(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.nomination.submit(ctx.caller!, rowId('Nomination', id));
  }

  @Authorized(Permission.Nominate)
  @Mutation(() => Nomination)
  withdrawNomination(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.nomination.withdraw(ctx.caller!, rowId('Nomination', id));
  }

  @Authorized(Permission.Review)
  @Mutation(() => Nomination)
  reviewNomination(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'the version you saw: a stale one answers CONFLICT' }) version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.nomination.review(ctx.caller!, rowId('Nomination', id), decision, comment, version);
  }

  @Authorized(Permission.Review)
  @Mutation(() => [In.NominationResult], { description: 'applies the decision to each id on its own; approvals share one decision number per deciding unit and year' })
  reviewNominations(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.nomination.reviewMany(ctx.caller!, ids, decision, comment);
  }

  @Authorized(Permission.RecordConfederationDecision)
  @Mutation(() => Nomination, { description: "records the confederation's decision on a FORWARDED nomination" })
  recordConfederationDecision(
    @Arg('id', () => ID) id: string,
    @Arg('approved') approved: boolean,
    @Arg('decisionNumber', () => String, { nullable: true }) decisionNumber: string | null,
    @Arg('decidedAt', () => String, { nullable: true, description: 'ISO date; default today' }) decidedAt: string | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.nomination.recordConfederationDecision(ctx.caller!, rowId('Nomination', id), approved, decisionNumber, decidedAt, comment);
  }

  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.awardType.byId(ctx, n.awardTypeId);
  }

  @FieldResolver(() => Member, { nullable: true })
  nomineeMember(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.member.byId(ctx, n.nomineeMemberId);
  }

  @FieldResolver(() => OrgUnitUnion, { nullable: true })
  nomineeUnit(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, n.nomineeUnitId);
  }

  @FieldResolver(() => OrgUnitUnion, { nullable: true })
  nominatingUnit(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, n.nominatingUnitId);
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.account.byId(ctx, n.createdById);
  }

  @FieldResolver(() => [NominationReview], { description: 'the review decisions, oldest first' })
  async reviews(@Root() n: Nomination, @Ctx() ctx: Context): Promise<NominationReview[]> {
    const events = await ctx.services.nomination.events(ctx, n.id);
    return events
      .filter((e) => REVIEW_ACTIONS[e.action])
      .map((e) => ({ id: e.id, level: e.level, decision: REVIEW_ACTIONS[e.action]!, comment: e.comment, reviewerId: e.actorId, reviewerName: e.actorName, at: e.at }));
  }

  @FieldResolver(() => [NominationEvent], { description: 'every step: created, edited, submitted, reviewed, withdrawn' })
  history(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.nomination.events(ctx, n.id);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() n: Nomination, @Ctx() ctx: Context) {
    return ctx.services.award.ofNomination(ctx, n.id);
  }
}

@Resolver(() => Award)
export class AwardResolver {
  @Authorized(Permission.ReadAward)
  @Query(() => Award, { name: 'Award', nullable: true })
  award(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.award.get(ctx.caller!, rowId('Award', id));
  }

  @Authorized(Permission.ReadAward)
  @Query(() => [Award])
  allAwards(@Args() args: In.AwardListArgs, @Ctx() ctx: Context) {
    return ctx.services.award.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadAward)
  @Query(() => ListMetadata, { nullable: true })
  async _allAwardsMeta(@Args() args: In.AwardMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.award.count(ctx.caller!, args.filter) };
  }

  @Authorized(Permission.ReadAward)
  @Mutation(() => Award, { nullable: true, description: 'always refused: awards are part of the record and are never deleted' })
  deleteAward(@Arg('id', () => ID) _id: string): Award {
    throw forbidden('Awards are part of the record and are never deleted');
  }

  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() a: Award, @Ctx() ctx: Context) {
    return ctx.services.awardType.byId(ctx, a.awardTypeId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'the account that approved it, when visible to you' })
  decidedBy(@Root() a: Award, @Ctx() ctx: Context) {
    return ctx.services.account.byId(ctx, a.decidedById);
  }

  @FieldResolver(() => Member, { nullable: true })
  nomineeMember(@Root() a: Award, @Ctx() ctx: Context) {
    return ctx.services.member.byId(ctx, a.nomineeMemberId);
  }

  @FieldResolver(() => OrgUnitUnion, { nullable: true })
  nomineeUnit(@Root() a: Award, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, a.nomineeUnitId);
  }

  @FieldResolver(() => Nomination, { nullable: true })
  nomination(@Root() a: Award, @Ctx() ctx: Context) {
    return ctx.services.nomination.byId(ctx, a.nominationId);
  }
}

/** Awards reachable from the member and from each unit type. */
@Resolver(() => Member)
export class MemberAwardsResolver {
  @FieldResolver(() => [Award])
  awards(@Root() m: Member, @Ctx() ctx: Context) {
    return ctx.services.award.ofMember(ctx, m.id);
  }
}

function unitAwardsResolver(type: typeof Federation | typeof Union | typeof GrassrootsUnion | typeof Team) {
  @Resolver(() => type)
  class UnitAwardsResolver {
    @FieldResolver(() => [Award], { description: 'awards given to this unit as a collective' })
    awards(@Root() u: OrgUnit, @Ctx() ctx: Context) {
      return ctx.services.award.ofUnit(ctx, u.id);
    }
  }
  return UnitAwardsResolver;
}

export const AWARD_RESOLVERS = [
  AwardTypeResolver,
  NominationResolver,
  NominationReviewResolver,
  AwardResolver,
  MemberAwardsResolver,
  unitAwardsResolver(Federation),
  unitAwardsResolver(Union),
  unitAwardsResolver(GrassrootsUnion),
  unitAwardsResolver(Team),
] as const;
