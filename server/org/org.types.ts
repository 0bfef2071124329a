import { ClassType, createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { OrgLevel, UnitLevel } from './org-level';
import { OrgUnit } from './org-unit.entity';
import { Permission } from '../auth/permissions';
import { declareResource, FieldRow, Resource } from '../kit/resource';
import type { RefTarget } from '../kit/crud';

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

// ---- the four unit types as resources (kit/resource.ts) -------------------------------------

const UNIT_FIELDS: Record<string, FieldRow> = {
  name: { filter: 'eq', write: 'required' },
  code: { filter: 'eq', write: 'optional' },
  active: {
    filter: 'eq',
    write: 'optional',
    filterDescription: 'false lists dissolved units; unset lists active ones',
    description: 'false dissolves the unit (as delete), true restores it',
  },
  dissolvedAt: {},
  createdAt: { filter: 'range' },
  level: {},
  // sortable by every tree column, as every unit row carries them
  parentId: { type: () => ID },
  federationId: { type: () => ID },
  unionId: { type: () => ID },
  grassrootsUnionId: { type: () => ID },
};
const id = () => ID;

function unitResource(level: UnitLevel, type: ClassType, fields: Record<string, FieldRow>, write: Permission) {
  return declareResource<OrgUnit>({
    name: type.name,
    entity: OrgUnit,
    type,
    fields: { ...UNIT_FIELDS, ...fields },
    search: 'searchKey',
    searchDescription: 'words matched against name and code, ignoring case and diacritics',
    defaultSort: { field: 'name', order: 'ASC' },
    // Breadcrumbs: the ancestors of one's scope unit are readable by id (never listed or written).
    scope: { kind: 'located', ancestorsById: true },
    where: { level },
    permissions: { read: Permission.ReadOrg, create: write, update: write, delete: write },
    crud: { describe: { delete: 'dissolves the unit (never a hard delete); refused while it has live units or active members' } },
  });
}

export const FederationResource = unitResource(OrgLevel.FEDERATION, Federation, {}, Permission.WriteFederation);
export const UnionResource = unitResource(
  OrgLevel.UNION,
  Union,
  { federationId: { filter: 'eq', write: 'required', updateDescription: 'a different federation moves the union (as moveUnit)' } },
  Permission.WriteUnion,
);
export const GrassrootsUnionResource = unitResource(
  OrgLevel.GRASSROOTS,
  GrassrootsUnion,
  {
    unionId: {
      filter: 'eq',
      write: 'optional',
      description: 'the upper union; omit to place the unit directly under federationId',
      updateDescription: 'a different union moves the unit (as moveUnit)',
      filterDescription: 'the upper union',
    },
    federationId: { filter: 'eq', write: 'optional', updateDescription: 'with unionId null: moves the unit directly under this federation' },
    parentId: { filter: 'eq', type: id, description: 'the direct parent: a union, or the federation for one directly under it' },
  },
  Permission.WriteGrassroots,
);
export const TeamResource = unitResource(
  OrgLevel.TEAM,
  Team,
  {
    grassrootsUnionId: { filter: 'eq', write: 'required', updateDescription: 'a different grassroots union moves the team (as moveUnit)' },
    federationId: { filter: 'eq' },
    unionId: { filter: 'eq' },
  },
  Permission.WriteTeam,
);

export const UNIT_RESOURCES: Record<UnitLevel, Resource<OrgUnit>> = {
  FEDERATION: FederationResource,
  UNION: UnionResource,
  GRASSROOTS: GrassrootsUnionResource,
  TEAM: TeamResource,
};

/** Edges to "any unit" (the OrgUnit union) need what every unit read needs. */
export const ANY_UNIT: RefTarget = {
  name: 'OrgUnit',
  permissions: { read: Permission.ReadOrg },
  refType: () => OrgUnitUnion,
  loader: (services) => services.org,
};

/** A `ref` to the unit of any level a field names (its edge returns the OrgUnit union). */
export const unitRef = (edge: string, description?: string) => ({ edge, to: () => ANY_UNIT, description });
