import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import { parseId } from '../common/input';
import { Context } from '../graphql/context';
import { edges } from '../kit/crud';
import { ANY_UNIT, OrgUnitUnion } from '../org/org.types';
import { AwardType, AwardTypeResource } from '../award/award-type.entity';
import { Congress, CongressResource } from './congress.entity';
import { Target, TargetResource } from './target.entity';
import { RatingLevel, WelfareKind } from './year.enums';
import { rateGap, YearReportData } from './report.service';

@ObjectType({ description: 'the unit’s own targets of the year: "8/10 chỉ tiêu đạt và vượt"' })
export class TargetSummary {
  @Field(() => Int, { description: 'the unit’s own targets of the year' }) total: number;
  @Field(() => Int, { description: 'of them MET or EXCEEDED (actual ≥ planned)' }) met: number;
  rows: Target[];
}

@ObjectType({ description: 'welfare of one kind' })
export class WelfareKindTotal {
  @Field(() => WelfareKind) kind: WelfareKind;
  @Field(() => Int, { description: 'visits or gifts' }) count: number;
  @Field(() => Float, { description: 'VND' }) amount: number;
  @Field(() => Int, { description: 'the records behind the figures' }) records: number;
}

@ObjectType({ description: 'welfare given in the year by the units of the subtree (money paid out, never money raised into a fund)' })
export class WelfareSummary {
  @Field(() => Int, { description: 'visits or gifts' }) count: number;
  @Field(() => Float, { description: 'VND' }) amount: number;
  @Field(() => [WelfareKindTotal], { description: 'by kind, the kinds with records only' }) byKind: WelfareKindTotal[];
}

@ObjectType({ description: 'the initiatives of the year in the subtree' })
export class InitiativeSummary {
  @Field(() => Int, { description: 'every initiative of the year, whatever its status' }) count: number;
  @Field(() => Int, { description: 'of them RECOGNIZED' }) recognized: number;
  @Field(() => Int, { description: 'of them APPLIED' }) applied: number;
  @Field(() => Float, { description: 'VND: the sum of their benefits (giá trị làm lợi)' }) benefit: number;
}

@ObjectType({ description: 'ratings of one level' })
export class RatingCount {
  @Field(() => RatingLevel) level: RatingLevel;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'awards of one form' })
export class AwardCount {
  @Field(() => ID) awardTypeId: number;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Báo cáo năm: the figures of a unit’s whole subtree (inside your scope) for a calendar year' })
export class YearReport {
  @Field(() => ID) unitId: number;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'active members who joined on or before 31 December of the year and had not left by then' }) members: number;
  @Field(() => Int, { description: 'active members without a joinedAt: the report cannot place them in a year, so `members` leaves them out' })
  undatedMembers: number;
  @Field(() => Int, { description: 'members who joined in the year' }) newMembers: number;
  @Field(() => Int, { description: 'grassroots unions live at the end of the year (the unit itself when it is one)' }) grassrootsUnions: number;
  @Field(() => TargetSummary) targets: TargetSummary;
  @Field(() => WelfareSummary) welfare: WelfareSummary;
  @Field(() => InitiativeSummary) initiatives: InitiativeSummary;
  @Field(() => [RatingCount], { description: 'ratings of the year of the units in the subtree (the unit’s own included), the levels given only' })
  ratings: RatingCount[];
  @Field(() => [RatingCount], { description: 'the same, of grassroots unions only: "100% CĐCS hoàn thành tốt nhiệm vụ trở lên"' })
  grassrootsRatings: RatingCount[];
  @Field(() => [AwardCount], { description: 'awards of the year whose nominee lies in the subtree, by form' }) awards: AwardCount[];
  congresses: Congress[];
}

@Resolver(() => YearReport)
export class YearReportResolver {
  @Authorized(Permission.ReadYear)
  @Query(() => YearReport, { description: 'the year report of a unit in your scope (NOT_FOUND outside it): every figure counted in SQL, inside your scope' })
  yearReport(@Arg('unitId', () => ID) unitId: string, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<YearReportData> {
    return ctx.services.year.report.report(ctx.caller!, parseId('unitId', unitId), year);
  }
}

/** A printed rate beside the computed one (a report's rounding, or a base nobody can find). */
@Resolver(() => Target)
export class TargetRateGapResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'reportedRate − rate, in percentage points; null unless both are known' })
  rateGap(@Root() t: Target) {
    return rateGap(t.rate, t.reportedRate);
  }
}

/** The objects a report names, each under the read permission of its own resource (the rows are the report's, already scoped). */
const ReportEdges = [
  edges<YearReportData>(YearReport, 'YearReport', {
    unit: { type: () => OrgUnitUnion, target: ANY_UNIT, resolve: (r, req, s) => s.org.byId(req, r.unitId) },
    congresses: { type: () => [Congress], list: true, target: CongressResource, description: 'congresses held in the year in the subtree', resolve: (r) => r.congresses },
  }),
  edges<YearReportData['targets']>(TargetSummary, 'TargetSummary', {
    rows: { type: () => [Target], list: true, target: TargetResource, description: 'the unit’s own targets of the year', resolve: (t) => t.rows },
  }),
  edges<{ awardTypeId: number }>(AwardCount, 'AwardCount', {
    awardType: { type: () => AwardType, target: AwardTypeResource, resolve: (a, req, s) => s.awardType.byId(req, a.awardTypeId) },
  }),
];

export const REPORT_RESOLVERS: Function[] = [YearReportResolver, TargetRateGapResolver, ...ReportEdges];
