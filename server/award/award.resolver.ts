import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AwardType, AwardTypeResource } from './award-type.entity';
import { Nomination, NominationAction, NominationEvent, NominationResource, ReviewDecision } from './nomination.entity';
import { Award, AwardResource } from './award.entity';
import * as In from './award.inputs';
import { hasPermission, Permission } from '../auth/permissions';
import type { Caller } from '../auth/caller';
import { Context } from '../graphql/context';
import { rowId } from '../graphql/ids';
import { Member, MemberResource } from '../member/member.entity';
import { User, UserResource } from '../account/user.entity';
import { ANY_UNIT, OrgUnitUnion, UNIT_RESOURCES } from '../org/org.types';
import { forbidden } from '../common/errors';
import { edges, listPrefetch, reqOf } from '../kit/crud';


@ObjectType({ description: 'a review step: APPROVE, REJECT or RETURN at one level' })
export class NominationReview {
  @Field(() => ID) id: number;
  @Field(() => String, { nullable: true }) level: string | null;
  @Field(() => ReviewDecision) decision: ReviewDecision;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => ID, { nullable: true }) reviewerId: number | null;
  @Field(() => String, { nullable: true, description: 'the reviewer’s name at the time (null for roles that do not read accounts)' }) reviewerName: string | null;
  @Field() at: Date;
}

const REVIEW_ACTIONS: Partial<Record<NominationAction, ReviewDecision>> = {
  APPROVE: ReviewDecision.APPROVE,
  REJECT: ReviewDecision.REJECT,
  RETURN: ReviewDecision.RETURN,
  CONFEDERATION_APPROVE: ReviewDecision.APPROVE,
  CONFEDERATION_REJECT: ReviewDecision.REJECT,
};

/** Account names shown beside a step are account data: null for roles that do not read accounts (analysts). */
const seesAccounts = (caller: Caller | null) => !!caller && hasPermission(caller.role, UserResource.permissions.read);

@Resolver(() => Nomination)
export class NominationWorkflowResolver {
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

  // The steps of a nomination are part of it (not another resource); only the names of the accounts that took them are masked.
  // A list of nominations that selects them reads them right after its page (listPrefetch below): then they resolve without a promise.
  @FieldResolver(() => [NominationReview], { description: 'the review decisions, oldest first' })
  reviews(@Root() n: Nomination, @Ctx() ctx: Context): NominationReview[] | Promise<NominationReview[]> {
    const names = seesAccounts(ctx.caller);
    const reviewsOf = (events: NominationEvent[]) =>
      events
        .filter((e) => REVIEW_ACTIONS[e.action])
        .map((e) => ({ id: e.id, level: e.level, decision: REVIEW_ACTIONS[e.action]!, comment: e.comment, reviewerId: e.actorId, reviewerName: names ? e.actorName : null, at: e.at }));
    const events = ctx.services.nomination.eventsNow(reqOf(ctx), n.id);
    return Array.isArray(events) ? reviewsOf(events) : events.then(reviewsOf);
  }

  @FieldResolver(() => [NominationEvent], { description: 'every step: created, edited, submitted, reviewed, withdrawn' })
  history(@Root() n: Nomination, @Ctx() ctx: Context): NominationEvent[] | Promise<NominationEvent[]> {
    const historyOf = (events: NominationEvent[]) => (seesAccounts(ctx.caller) ? events : events.map((e) => ({ ...e, actorName: null })));
    const events = ctx.services.nomination.eventsNow(reqOf(ctx), n.id);
    return Array.isArray(events) ? historyOf(events) : events.then(historyOf);
  }
}

// The steps of each nomination of a page, read in one query once the page is read.
for (const field of ['reviews', 'history']) {
  listPrefetch<Nomination>('Nomination', field, (rows, req, s) => s.nomination.prefetchEvents(req, rows.map((n) => n.id)), ['id']);
}

@Resolver(() => Award)
export class AwardDeleteResolver {
  @Authorized(Permission.ReadAward)
  @Mutation(() => Award, { nullable: true, description: 'always refused: awards are part of the record and are never deleted' })
  deleteAward(@Arg('id', () => ID) _id: string): Award {
    throw forbidden('Awards are part of the record and are never deleted');
  }
}

const NominationEdges = edges<Nomination>(Nomination, 'Nomination', {
  awardType: { type: () => AwardType, target: AwardTypeResource, join: { property: 'awardTypeId', via: (s) => s.awardType } },
  nomineeMember: { type: () => Member, target: MemberResource, join: { property: 'nomineeMemberId', via: (s) => s.member } },
  nomineeUnit: { type: () => OrgUnitUnion, target: ANY_UNIT, join: { property: 'nomineeUnitId', via: (s) => s.org } },
  nominatingUnit: { type: () => OrgUnitUnion, target: ANY_UNIT, join: { property: 'nominatingUnitId', via: (s) => s.org } },
  createdBy: { type: () => User, target: UserResource, resolve: (n, req, s) => s.account.byId(req, n.createdById) },
  award: { type: () => Award, target: AwardResource, resolve: (n, req, s) => s.award.ofNomination(req, n) },
});

const ReviewEdges = edges<NominationReview>(NominationReview, 'NominationReview', {
  reviewer: {
    type: () => User,
    target: UserResource,
    description: 'the reviewer’s account, when visible to you',
    resolve: (r, req, s) => s.account.byId(req, r.reviewerId),
  },
});

const AwardEdges = edges<Award>(Award, 'Award', {
  awardType: { type: () => AwardType, target: AwardTypeResource, join: { property: 'awardTypeId', via: (s) => s.awardType } },
  decidedBy: {
    type: () => User,
    target: UserResource,
    description: 'the account that approved it, when visible to you',
    resolve: (a, req, s) => s.account.byId(req, a.decidedById),
  },
  nomineeMember: { type: () => Member, target: MemberResource, join: { property: 'nomineeMemberId', via: (s) => s.member } },
  nomineeUnit: { type: () => OrgUnitUnion, target: ANY_UNIT, join: { property: 'nomineeUnitId', via: (s) => s.org } },
  nomination: { type: () => Nomination, target: NominationResource, resolve: (a, req, s) => s.nomination.byId(req, a.nominationId) },
});

/** Awards reachable from the member and from each unit type. */
const MemberAwards = edges<Member>(Member, 'Member', {
  awards: { type: () => [Award], list: true, target: AwardResource, resolve: (m, req, s) => s.award.ofMember(req, m.id) },
});
const UnitAwards = Object.values(UNIT_RESOURCES).map((r) =>
  edges<{ id: number }>(r.typeClass, r.name, {
    awards: {
      type: () => [Award],
      list: true,
      target: AwardResource,
      description: 'awards given to this unit as a collective',
      resolve: (u, req, s) => s.award.ofUnit(req, u.id),
    },
  }),
);

export const AWARD_RESOLVERS: Function[] = [
  NominationWorkflowResolver,
  AwardDeleteResolver,
  NominationEdges,
  ReviewEdges,
  AwardEdges,
  MemberAwards,
  ...UnitAwards,
];
