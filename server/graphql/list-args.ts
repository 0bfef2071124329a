import { ArgsType, Field, Int, ObjectType } from 'type-graphql';

/** The pagination and sorting arguments of every `allXs` query (ra-data-graphql-simple's grammar). */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: '0-based page' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'rows per page, at most 1000 (default: all rows up to 1000)' })
  perPage?: number;

  @Field(() => String, { nullable: true })
  sortField?: string;

  @Field(() => String, { nullable: true, description: 'ASC or DESC' })
  sortOrder?: string;
}

@ArgsType()
export class MetaArgs {
  @Field(() => Int, { nullable: true })
  page?: number;

  @Field(() => Int, { nullable: true })
  perPage?: number;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count: number;
}
