import { Field, ID, ObjectType } from 'type-graphql';
import { Nomination } from './nomination.entity';

@ObjectType({ description: 'the outcome of one id in reviewNominations' })
export class NominationResult {
  @Field(() => ID) id: string;
  @Field() ok: boolean;
  @Field(() => String, { nullable: true, description: 'the error code when ok is false' }) code: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => String, { nullable: true, description: 'the rule that refused it (extensions.rule of the same error), when ok is false' }) rule?: string | null;
  @Field(() => Nomination, { nullable: true }) nomination: Nomination | null;
}
