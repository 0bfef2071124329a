import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NomineeKind } from './award-type.entity';
import { Nomination, NominationStatus } from './nomination.entity';
import { OrgLevel } from '../org/org-level';
import { ListArgs, MetaArgs } from '../graphql/list-args';

// ---- award types ----
@InputType()
export class AwardTypeFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'words matched against code and name' }) q?: string;
  @Field(() => [String], { nullable: true }) code?: string[];
  @Field(() => [NomineeKind], { nullable: true }) nomineeKind?: NomineeKind[];
  @Field(() => [OrgLevel], { nullable: true }) decidingLevel?: OrgLevel[];
  @Field({ nullable: true }) active?: boolean;
}
@ArgsType()
export class AwardTypeListArgs extends ListArgs {
  @Field(() => AwardTypeFilter, { nullable: true }) filter?: AwardTypeFilter;
}
@ArgsType()
export class AwardTypeMetaArgs extends MetaArgs {
  @Field(() => AwardTypeFilter, { nullable: true }) filter?: AwardTypeFilter;
}
@ArgsType()
export class CreateAwardTypeArgs {
  @Field() code: string;
  @Field() name: string;
  @Field(() => NomineeKind) nomineeKind: NomineeKind;
  @Field(() => OrgLevel) decidingLevel: OrgLevel;
  @Field(() => Boolean, { nullable: true }) oncePerLifetime?: boolean | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
@ArgsType()
export class UpdateAwardTypeArgs {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => NomineeKind, { nullable: true }) nomineeKind?: NomineeKind | null;
  @Field(() => OrgLevel, { nullable: true }) decidingLevel?: OrgLevel | null;
  @Field(() => Boolean, { nullable: true }) oncePerLifetime?: boolean | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

// ---- nominations ----
@InputType()
export class NominationFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: "words matched against the nominee's name and the decision number" }) q?: string;
  @Field(() => [NominationStatus], { nullable: true }) status?: NominationStatus[];
  @Field(() => [OrgLevel], { nullable: true }) currentLevel?: OrgLevel[];
  @Field(() => [Int], { nullable: true }) year?: number[];
  @Field(() => Int, { nullable: true }) year_gte?: number;
  @Field(() => Int, { nullable: true }) year_lte?: number;
  @Field(() => [ID], { nullable: true }) awardTypeId?: string[];
  @Field(() => [ID], { nullable: true }) nomineeMemberId?: string[];
  @Field(() => [ID], { nullable: true }) nomineeUnitId?: string[];
  @Field(() => [ID], { nullable: true }) nominatingUnitId?: string[];
  @Field(() => [ID], { nullable: true }) createdById?: string[];
  @Field(() => [ID], { nullable: true, description: 'nominee inside this federation' }) federationId?: string[];
  @Field(() => [ID], { nullable: true }) unionId?: string[];
  @Field(() => [ID], { nullable: true }) grassrootsUnionId?: string[];
  @Field(() => [ID], { nullable: true }) teamId?: string[];
  @Field({ nullable: true, description: 'true: exactly the nominations the caller may review now' }) awaitingMyReview?: boolean;
}
@ArgsType()
export class NominationListArgs extends ListArgs {
  @Field(() => NominationFilter, { nullable: true }) filter?: NominationFilter;
}
@ArgsType()
export class NominationMetaArgs extends MetaArgs {
  @Field(() => NominationFilter, { nullable: true }) filter?: NominationFilter;
}
@ArgsType()
export class CreateNominationArgs {
  @Field(() => ID) awardTypeId: string;
  @Field(() => Int) year: number;
  @Field() achievements: string;
  @Field(() => ID, { nullable: true, description: 'for an individual award' }) nomineeMemberId?: string | null;
  @Field(() => ID, { nullable: true, description: 'for a collective award (any unit)' }) nomineeUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'a unit in your scope; default your scope unit' }) nominatingUnitId?: string | null;
}
@ArgsType()
export class UpdateNominationArgs {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) awardTypeId?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => String, { nullable: true }) achievements?: string | null;
  @Field(() => ID, { nullable: true }) nomineeMemberId?: string | null;
  @Field(() => ID, { nullable: true }) nomineeUnitId?: string | null;
}

@ObjectType({ description: 'the outcome of one id in reviewNominations' })
export class NominationResult {
  @Field(() => ID) id: string;
  @Field() ok: boolean;
  @Field(() => String, { nullable: true, description: 'the error code when ok is false' }) code: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Nomination, { nullable: true }) nomination: Nomination | null;
}

// ---- awards ----
@InputType()
export class AwardFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: "words matched against the nominee's name and the decision number" }) q?: string;
  @Field(() => [ID], { nullable: true }) awardTypeId?: string[];
  @Field(() => [Int], { nullable: true }) year?: number[];
  @Field(() => Int, { nullable: true }) year_gte?: number;
  @Field(() => Int, { nullable: true }) year_lte?: number;
  @Field(() => [ID], { nullable: true }) nominationId?: string[];
  @Field(() => [ID], { nullable: true }) nomineeMemberId?: string[];
  @Field(() => [ID], { nullable: true }) nomineeUnitId?: string[];
  @Field(() => [ID], { nullable: true }) decidingUnitId?: string[];
  @Field(() => [String], { nullable: true }) decisionNumber?: string[];
  @Field(() => String, { nullable: true }) decidedAt_gte?: string;
  @Field(() => String, { nullable: true }) decidedAt_lte?: string;
  @Field(() => [ID], { nullable: true }) federationId?: string[];
  @Field(() => [ID], { nullable: true }) unionId?: string[];
  @Field(() => [ID], { nullable: true }) grassrootsUnionId?: string[];
  @Field(() => [ID], { nullable: true }) teamId?: string[];
}
@ArgsType()
export class AwardListArgs extends ListArgs {
  @Field(() => AwardFilter, { nullable: true }) filter?: AwardFilter;
}
@ArgsType()
export class AwardMetaArgs extends MetaArgs {
  @Field(() => AwardFilter, { nullable: true }) filter?: AwardFilter;
}
