import { createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { OrgLevel } from './org-level';

/** Fields shared by the four unit types (all backed by the org_unit table). */
@ObjectType()
abstract class UnitFields {
  @Field(() => ID)
  id: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field(() => OrgLevel)
  level: OrgLevel;

  @Field({ description: 'false once dissolved (deleteX)' })
  active: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date the unit was dissolved' })
  dissolvedAt: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: 'Liên đoàn Lao động tỉnh/thành phố, công đoàn ngành Trung ương (level 1)' })
export class Federation extends UnitFields {}

@ObjectType({ description: 'Công đoàn cấp trên trực tiếp cơ sở (level 2)' })
export class Union extends UnitFields {
  @Field(() => ID)
  federationId: number;
}

@ObjectType({ description: 'Công đoàn cơ sở (level 3): under a union, or directly under a federation' })
export class GrassrootsUnion extends UnitFields {
  @Field(() => ID)
  federationId: number;

  @Field(() => ID, { nullable: true })
  unionId: number | null;
}

@ObjectType({ description: 'Tổ công đoàn (level 4)' })
export class Team extends UnitFields {
  @Field(() => ID)
  grassrootsUnionId: number;

  @Field(() => ID)
  federationId: number;

  @Field(() => ID, { nullable: true })
  unionId: number | null;
}

export const UNIT_TYPES = { FEDERATION: Federation, UNION: Union, GRASSROOTS: GrassrootsUnion, TEAM: Team } as const;

export const OrgUnitUnion = createUnionType({
  name: 'OrgUnit',
  description: 'Any unit of the tree',
  types: () => [Federation, Union, GrassrootsUnion, Team] as const,
  resolveType: (value: { level: OrgLevel }) => UNIT_TYPES[value.level as keyof typeof UNIT_TYPES],
});

@ObjectType({ description: 'One re-parenting of a unit (moveUnit)' })
export class UnitMove {
  @Field(() => ID)
  id: number;

  @Field(() => ID, { nullable: true })
  fromParentId: number | null;

  @Field(() => ID)
  toParentId: number;

  @Field(() => ID, { nullable: true })
  movedById: number | null;

  @Field()
  movedAt: Date;
}
