import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

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
  @Field(() => String, { nullable: true, description: 'the rule the cell breaks, machine-readable (REQUIRED, GENDER, DATE_FORMAT, NOT_A_DATE, FUTURE_DATE, EMAIL, PHONE, NATIONAL_ID, TAKEN, REPEATED, TEAM_UNKNOWN, …): clients word the message from it' })
  rule?: string | null;
  @Field(() => Int, { nullable: true, description: 'for REPEATED: the row that has the value first' }) otherRow?: number | null;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'rows without errors' }) valid: number;
  @Field(() => Int, { description: 'rows written (0 for a dry run, or ALL_OR_NOTHING with errors)' }) imported: number;
  @Field(() => [ImportRowError]) errors: ImportRowError[];
}
