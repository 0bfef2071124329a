import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import { badInput } from '../common/errors';
import { LIMITS } from '../common/limits';
import { Context } from '../graphql/context';
import { Indicator } from './target.entity';
import { FundSource, TargetSource, WelfareKind } from './year.enums';

/**
 * Targets and welfare records from a spreadsheet (the panel reads the file and sends typed rows):
 * all or nothing, in one transaction, each row through the very checks of createTarget /
 * createWelfareRecord (scope, rules, uniqueness), each written row audited (IMPORT).
 */

export const YEAR_IMPORT_CAP = LIMITS.importRows;

@InputType({ description: 'one row of the target import template (the panel parses Vietnamese numbers and dates)' })
export class TargetImportRow {
  @Field(() => Int, { nullable: true, description: 'the spreadsheet row, for error reports (default: position + 2)' }) rowNumber?: number;
  @Field(() => Int) year: number;
  @Field({ description: 'the indicator’s code (NEW_MEMBERS, PARTY_ADMISSIONS, …)' }) indicatorCode: string;
  @Field(() => TargetSource) source: TargetSource;
  @Field(() => Float) planned: number;
  @Field(() => Float, { nullable: true }) actual?: number | null;
  @Field(() => Float, { nullable: true }) reportedRate?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'one row of the welfare import template' })
export class WelfareImportRow {
  @Field(() => Int, { nullable: true, description: 'the spreadsheet row, for error reports (default: position + 2)' }) rowNumber?: number;
  @Field({ description: 'ISO date' }) date: string;
  @Field(() => WelfareKind) kind: WelfareKind;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: 'VND, whole đồng' }) amount: number;
  @Field(() => FundSource, { nullable: true }) fundSource?: FundSource | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class YearImportRowError {
  @Field(() => Int) row: number;
  @Field({ description: 'the field refused (year, indicatorCode, planned, date, amount, …); empty when the row as a whole is' }) column: string;
  @Field({ description: 'the code the single create would answer: BAD_USER_INPUT, CONFLICT, NOT_FOUND, FORBIDDEN' }) code: string;
  @Field() message: string;
}

@ObjectType({ description: 'the outcome of an all-or-nothing import' })
export class YearImportReport {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'rows without errors' }) valid: number;
  @Field(() => Int, { description: 'rows written: every row, or 0 when any row has an error (or on a dry run)' }) imported: number;
  @Field(() => [YearImportRowError]) errors: YearImportRowError[];
}

const rowOf = (r: { rowNumber?: number | null }, i: number) => r.rowNumber ?? i + 2;

function capped(rows: unknown[]) {
  if (rows.length > YEAR_IMPORT_CAP) throw badInput('rows', `at most ${YEAR_IMPORT_CAP} rows per import`);
  if (!rows.length) throw badInput('rows', 'no rows');
}

@Resolver()
export class YearImportResolver {
  @Authorized(Permission.WriteYear)
  @Mutation(() => YearImportReport, { description: `imports up to ${YEAR_IMPORT_CAP} targets of one unit, all or nothing` })
  async importTargets(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('rows', () => [TargetImportRow]) rows: TargetImportRow[],
    @Arg('dryRun', { defaultValue: false, description: 'validate only' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<YearImportReport> {
    capped(rows);
    // Indicators by code (the catalogue is small and public to every reader of the year).
    const codes = [...new Set(rows.map((r) => r.indicatorCode.trim().toUpperCase()))];
    const found = await ctx.services.db.ds.getRepository(Indicator).createQueryBuilder('i').where('i.code IN (:...codes)', { codes }).getMany();
    const byCode = new Map(found.map((i) => [i.code.toUpperCase(), i.id]));
    const unknown: YearImportRowError[] = [];
    const inputs = rows.flatMap((r, i) => {
      const id = byCode.get(r.indicatorCode.trim().toUpperCase());
      if (id == null) {
        unknown.push({ row: rowOf(r, i), column: 'indicatorCode', code: 'BAD_USER_INPUT', message: `no indicator with code ${r.indicatorCode.slice(0, 48)}` });
        return [];
      }
      const { rowNumber: _r, indicatorCode: _c, ...rest } = r;
      return [{ row: rowOf(r, i), input: { ...rest, unitId, indicatorId: String(id) } as Record<string, unknown> }];
    });
    const report = await ctx.services.year.target.importMany(ctx.caller!, inputs, dryRun || unknown.length > 0);
    return merge(report, unknown, rows.length);
  }

  @Authorized(Permission.WriteYear)
  @Mutation(() => YearImportReport, { description: `imports up to ${YEAR_IMPORT_CAP} welfare records of one giving unit, all or nothing` })
  async importWelfareRecords(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('rows', () => [WelfareImportRow]) rows: WelfareImportRow[],
    @Arg('dryRun', { defaultValue: false, description: 'validate only' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<YearImportReport> {
    capped(rows);
    const inputs = rows.map((r, i) => {
      const { rowNumber: _r, ...rest } = r;
      return { row: rowOf(r, i), input: { ...rest, unitId } as Record<string, unknown> };
    });
    return merge(await ctx.services.year.welfare.importMany(ctx.caller!, inputs, dryRun), [], rows.length);
  }
}

function merge(report: YearImportReport, more: YearImportRowError[], total: number): YearImportReport {
  const errors = [...more, ...report.errors].sort((a, b) => a.row - b.row);
  const invalid = new Set(errors.map((e) => e.row)).size;
  return { total, valid: total - invalid, imported: errors.length ? 0 : report.imported, errors };
}
