import { Field, ID, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';

/**
 * Where a nomination's or award's nominee sits: the ancestor columns of the nominee (a member's
 * units, or the nominee unit and its ancestors). The scope predicate and the subtree filters read
 * them; moveUnit keeps them current (`@Located` on the entities, kit/located.ts).
 */
@ObjectType()
export abstract class NomineeLocation {
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  federationId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  grassrootsUnionId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  teamId: number | null;
}
