import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Gender, MemberStatus } from './member.entity';
import { ListArgs, MetaArgs } from '../graphql/list-args';

@InputType()
export class MemberFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'words matched against name and card number, ignoring case and diacritics' })
  q?: string;

  @Field(() => [Gender], { nullable: true })
  gender?: Gender[];

  @Field(() => [MemberStatus], { nullable: true })
  status?: MemberStatus[];

  @Field(() => [String], { nullable: true })
  cardNumber?: string[];

  @Field(() => [String], { nullable: true })
  position?: string[];

  @Field(() => [String], { nullable: true })
  ethnicity?: string[];

  @Field(() => [ID], { nullable: true })
  federationId?: string[];

  @Field(() => [ID], { nullable: true })
  unionId?: string[];

  @Field(() => [ID], { nullable: true })
  grassrootsUnionId?: string[];

  @Field(() => [ID], { nullable: true })
  teamId?: string[];

  @Field(() => String, { nullable: true }) joinedAt_lt?: string;
  @Field(() => String, { nullable: true }) joinedAt_lte?: string;
  @Field(() => String, { nullable: true }) joinedAt_gt?: string;
  @Field(() => String, { nullable: true }) joinedAt_gte?: string;
  @Field(() => String, { nullable: true }) leftAt_lt?: string;
  @Field(() => String, { nullable: true }) leftAt_gte?: string;
  @Field(() => String, { nullable: true, description: 'personal data: refused for analysts' }) birthDate_lt?: string;
  @Field(() => String, { nullable: true, description: 'personal data: refused for analysts' }) birthDate_lte?: string;
  @Field(() => String, { nullable: true, description: 'personal data: refused for analysts' }) birthDate_gt?: string;
  @Field(() => String, { nullable: true, description: 'personal data: refused for analysts' }) birthDate_gte?: string;
  @Field(() => [String], { nullable: true, description: 'personal data: refused for analysts' }) phone?: string[];
  @Field(() => [String], { nullable: true, description: 'personal data: refused for analysts' }) email?: string[];
  @Field(() => [String], { nullable: true, description: 'personal data: refused for analysts' }) nationalId?: string[];
}

@ArgsType()
export class MemberListArgs extends ListArgs {
  @Field(() => MemberFilter, { nullable: true })
  filter?: MemberFilter;
}

@ArgsType()
export class MemberMetaArgs extends MetaArgs {
  @Field(() => MemberFilter, { nullable: true })
  filter?: MemberFilter;
}

@ArgsType()
abstract class MemberWriteFields {
  @Field(() => String, { nullable: true, description: 'ISO date' }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: '9 (CMND) or 12 (CCCD) digits' }) nationalId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) joinedAt?: string | null;
  @Field(() => String, { nullable: true }) cardNumber?: string | null;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true }) ethnicity?: string | null;
  @Field(() => String, { nullable: true }) occupation?: string | null;
  @Field(() => MemberStatus, { nullable: true, description: 'LEFT records leaving (ra khỏi công đoàn); ACTIVE readmits' }) status?: MemberStatus | null;
  @Field(() => String, { nullable: true, description: 'ISO date, with status LEFT (default today)' }) leftAt?: string | null;
  @Field(() => String, { nullable: true }) leftReason?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date a discipline (kỷ luật) starts; no award while under discipline' }) disciplinedFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date the discipline ends (empty: open-ended)' }) disciplinedUntil?: string | null;
  @Field(() => ID, { nullable: true, description: 'a team of the member’s grassroots union' }) teamId?: string | null;
}

@ArgsType()
export class CreateMemberArgs extends MemberWriteFields {
  @Field() fullName: string;
  @Field(() => Gender) gender: Gender;
  @Field(() => ID) grassrootsUnionId: string;
}

@ArgsType()
export class UpdateMemberArgs extends MemberWriteFields {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => ID, { nullable: true, description: 'another grassroots union transfers the member (chuyển sinh hoạt)' })
  grassrootsUnionId?: string | null;
}

export enum ImportMode {
  /** write the valid rows, report the others */
  VALID_ROWS = 'VALID_ROWS',
  /** write every row or, if any row has an error, none */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
}
registerEnumType(ImportMode, { name: 'ImportMode' });

@InputType({ description: 'one row of the member import template (docs: README, "Member import"), as text' })
export class MemberImportRow {
  @Field(() => Int, { nullable: true, description: 'the spreadsheet row, for error reports (default: position + 2)' }) rowNumber?: number;
  @Field(() => String, { nullable: true }) fullName?: string;
  @Field(() => String, { nullable: true, description: 'Nam or Nữ (MALE/FEMALE accepted)' }) gender?: string;
  @Field(() => String, { nullable: true, description: 'dd/mm/yyyy or yyyy-mm-dd' }) birthDate?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) nationalId?: string;
  @Field(() => String, { nullable: true, description: 'dd/mm/yyyy or yyyy-mm-dd' }) joinedAt?: string;
  @Field(() => String, { nullable: true }) cardNumber?: string;
  @Field(() => String, { nullable: true }) position?: string;
  @Field(() => String, { nullable: true }) ethnicity?: string;
  @Field(() => String, { nullable: true }) occupation?: string;
  @Field(() => String, { nullable: true, description: 'name or code of a team of the grassroots union' }) team?: string;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int) row: number;
  @Field({ description: 'the field: fullName, gender, birthDate, …, team' }) column: string;
  @Field() message: string;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'rows without errors' }) valid: number;
  @Field(() => Int, { description: 'rows written (0 for a dry run, or ALL_OR_NOTHING with errors)' }) imported: number;
  @Field(() => [ImportRowError]) errors: ImportRowError[];
}
