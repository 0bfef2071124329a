import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ListArgs, MetaArgs } from '../graphql/list-args';

/**
 * A commendation decision (quyết định khen thưởng): the awards that share one decision number of
 * one deciding unit in one year. Not a table: a group of award rows, read in the CRUD grammar
 * (`AwardDecision(id)`, `allAwardDecisions`, `_allAwardDecisionsMeta`), never written.
 */
@ObjectType({ description: 'Quyết định khen thưởng: the awards sharing one decision number of one deciding unit in one year (read-only)' })
export class AwardDecision {
  @Field(() => ID, { description: 'opaque: names the deciding unit, the year and the number' })
  id: string;

  @Field({ description: 'số quyết định, e.g. 12/QĐ-LDLD-TH' })
  decisionNumber: string;

  @Field({ description: 'ISO date of the decision (the latest date of its awards)' })
  decidedAt: string;

  @Field(() => Int)
  year: number;

  @Field(() => ID, { nullable: true, description: 'the unit whose decision it is (null: the confederation)' })
  decidingUnitId: number | null;

  @Field(() => Int, { description: 'its awards visible to you (those of your scope)' })
  awardCount: number;
}

@InputType({ description: 'the filter of allAwardDecisions' })
export class AwardDecisionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'words matched against the decision number, ignoring case and Vietnamese diacritics (qd finds QĐ)' })
  q?: string;

  @Field(() => [Int], { nullable: true })
  year?: number[];

  @Field(() => Int, { nullable: true })
  year_lt?: number;

  @Field(() => Int, { nullable: true })
  year_lte?: number;

  @Field(() => Int, { nullable: true })
  year_gt?: number;

  @Field(() => Int, { nullable: true })
  year_gte?: number;

  @Field(() => [ID], { nullable: true, description: 'the deciding unit' })
  decidingUnitId?: string[];

  @Field({ nullable: true, description: 'the decision’s date (ISO)' })
  decidedAt_lt?: string;

  @Field({ nullable: true })
  decidedAt_lte?: string;

  @Field({ nullable: true })
  decidedAt_gt?: string;

  @Field({ nullable: true })
  decidedAt_gte?: string;
}

@ArgsType()
export class AwardDecisionListArgs extends ListArgs {
  @Field(() => AwardDecisionFilter, { nullable: true })
  filter?: AwardDecisionFilter;
}

@ArgsType()
export class AwardDecisionMetaArgs extends MetaArgs {
  @Field(() => AwardDecisionFilter, { nullable: true })
  filter?: AwardDecisionFilter;
}
