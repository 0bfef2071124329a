import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrgLevel } from '../org/org-level';
import { Permission } from '../auth/permissions';
import { declareResource } from '../kit/resource';

export enum NomineeKind {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
}
registerEnumType(NomineeKind, { name: 'NomineeKind' });

/** The widths of an award type's text columns, in characters (declared below, checked by the input rules). */
export const AWARD_TYPE_TEXT = { code: 32, name: 255, searchKey: 300 } as const;

/** A form of commendation (hình thức khen thưởng) and the level that decides it. */
@ObjectType({ description: 'Hình thức khen thưởng (award type)' })
@Entity('award_type')
export class AwardType {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index('uq_award_type_code', { unique: true })
  @Column({ type: 'varchar', length: AWARD_TYPE_TEXT.code })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: AWARD_TYPE_TEXT.name })
  name: string;

  @Column({ type: 'varchar', length: AWARD_TYPE_TEXT.searchKey })
  searchKey: string;

  @Field(() => NomineeKind)
  @Column({ type: 'varchar', length: 16 })
  nomineeKind: NomineeKind;

  @Field(() => OrgLevel, { description: 'GRASSROOTS, UNION, FEDERATION or CONFEDERATION' })
  @Column({ type: 'varchar', length: 16 })
  decidingLevel: OrgLevel;

  @Field({ description: 'given at most once to a person (Kỷ niệm chương)' })
  @Column({ type: 'boolean', default: false })
  oncePerLifetime: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** The award catalogue as a resource: global (no scope), read by every role, written by SYSTEM_ADMIN. */
export const AwardTypeResource = declareResource<AwardType>({
  name: 'AwardType',
  entity: AwardType,
  fields: {
    code: { filter: 'eq', write: 'required' },
    name: { write: 'required' },
    nomineeKind: { filter: 'eq', write: 'required' },
    decidingLevel: { filter: 'eq', write: 'required' },
    oncePerLifetime: { write: 'optional' },
    active: { filter: 'eq', write: 'optional' },
    proposableBy: {
      customFilter: true,
      type: () => ID,
      description: 'a unit id: only the award types that unit may propose (deciding level the unit’s own, an ancestor’s, or CONFEDERATION)',
    },
  },
  search: 'searchKey',
  searchDescription: 'words matched against code and name',
  defaultSort: { field: 'code', order: 'ASC' },
  scope: { kind: 'global' },
  permissions: { read: Permission.ReadAwardType, create: Permission.WriteAwardType, update: Permission.WriteAwardType, delete: Permission.WriteAwardType },
  crud: { describe: { delete: 'deactivates the award type (kept for the history of its awards)' } },
});
