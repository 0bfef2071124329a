import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs, MetaArgs } from '../graphql/list-args';

/** Filters follow ra-data-graphql-simple: list-typed plain fields accept one value or several (IN). */
@InputType()
abstract class UnitFilterFields {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'words matched against name and code, ignoring case and diacritics' })
  q?: string;

  @Field(() => [String], { nullable: true })
  name?: string[];

  @Field(() => [String], { nullable: true })
  code?: string[];

  @Field({ nullable: true, description: 'false lists dissolved units; unset lists active ones' })
  active?: boolean;

  @Field(() => String, { nullable: true })
  createdAt_gte?: string;

  @Field(() => String, { nullable: true })
  createdAt_lt?: string;
}

@InputType()
export class FederationFilter extends UnitFilterFields {}

@InputType()
export class UnionFilter extends UnitFilterFields {
  @Field(() => [ID], { nullable: true })
  federationId?: string[];
}

@InputType()
export class GrassrootsUnionFilter extends UnitFilterFields {
  @Field(() => [ID], { nullable: true })
  federationId?: string[];

  @Field(() => [ID], { nullable: true })
  unionId?: string[];

  @Field(() => [ID], { nullable: true, description: 'the direct parent: a union, or the federation for one directly under it' })
  parentId?: string[];
}

@InputType()
export class TeamFilter extends UnitFilterFields {
  @Field(() => [ID], { nullable: true })
  federationId?: string[];

  @Field(() => [ID], { nullable: true })
  unionId?: string[];

  @Field(() => [ID], { nullable: true })
  grassrootsUnionId?: string[];
}

@ArgsType()
export class FederationListArgs extends ListArgs {
  @Field(() => FederationFilter, { nullable: true })
  filter?: FederationFilter;
}
@ArgsType()
export class FederationMetaArgs extends MetaArgs {
  @Field(() => FederationFilter, { nullable: true })
  filter?: FederationFilter;
}
@ArgsType()
export class UnionListArgs extends ListArgs {
  @Field(() => UnionFilter, { nullable: true })
  filter?: UnionFilter;
}
@ArgsType()
export class UnionMetaArgs extends MetaArgs {
  @Field(() => UnionFilter, { nullable: true })
  filter?: UnionFilter;
}
@ArgsType()
export class GrassrootsUnionListArgs extends ListArgs {
  @Field(() => GrassrootsUnionFilter, { nullable: true })
  filter?: GrassrootsUnionFilter;
}
@ArgsType()
export class GrassrootsUnionMetaArgs extends MetaArgs {
  @Field(() => GrassrootsUnionFilter, { nullable: true })
  filter?: GrassrootsUnionFilter;
}
@ArgsType()
export class TeamListArgs extends ListArgs {
  @Field(() => TeamFilter, { nullable: true })
  filter?: TeamFilter;
}
@ArgsType()
export class TeamMetaArgs extends MetaArgs {
  @Field(() => TeamFilter, { nullable: true })
  filter?: TeamFilter;
}

@ArgsType()
abstract class UnitWriteFields {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false dissolves the unit (as delete), true restores it' })
  active?: boolean | null;
}

@ArgsType()
export class CreateFederationArgs extends UnitWriteFields {
  @Field()
  name: string;
}
@ArgsType()
export class UpdateFederationArgs extends UnitWriteFields {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@ArgsType()
export class CreateUnionArgs extends UnitWriteFields {
  @Field()
  name: string;
  @Field(() => ID)
  federationId: string;
}
@ArgsType()
export class UpdateUnionArgs extends UnitWriteFields {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: 'a different federation moves the union (as moveUnit)' })
  federationId?: string | null;
}

@ArgsType()
export class CreateGrassrootsUnionArgs extends UnitWriteFields {
  @Field()
  name: string;
  @Field(() => ID, { nullable: true, description: 'the upper union; omit to place the unit directly under federationId' })
  unionId?: string | null;
  @Field(() => ID, { nullable: true })
  federationId?: string | null;
}
@ArgsType()
export class UpdateGrassrootsUnionArgs extends UnitWriteFields {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: 'a different union moves the unit (as moveUnit)' })
  unionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'with unionId null: moves the unit directly under this federation' })
  federationId?: string | null;
}

@ArgsType()
export class CreateTeamArgs extends UnitWriteFields {
  @Field()
  name: string;
  @Field(() => ID)
  grassrootsUnionId: string;
}
@ArgsType()
export class UpdateTeamArgs extends UnitWriteFields {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: 'a different grassroots union moves the team (as moveUnit)' })
  grassrootsUnionId?: string | null;
}
