import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Located, Location } from '../kit/located';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { InitiativeStatus } from './year.enums';

/** Sáng kiến: an initiative of members of a unit, its status and its benefit (giá trị làm lợi). */
@ObjectType({ description: 'Sáng kiến (initiative)' })
@Located({ indexes: { with: ['year'] } })
@Entity('initiative')
export class Initiative extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ type: 'int' }) unitId: number;
  @Field() @Column({ type: 'varchar', length: 500 }) title: string;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => InitiativeStatus) @Column({ type: 'varchar', length: 16 }) status: InitiativeStatus;
  @Field(() => Float, { nullable: true, description: 'VND (≥ 0)' }) @Column({ type: 'double', nullable: true }) benefit: number | null;
  @Field(() => String, { nullable: true, description: 'who recognised it, and the decision' }) @Column({ type: 'varchar', length: 255, nullable: true }) recognizedBy: string | null;
  @Column({ type: 'varchar', length: 600 }) searchKey: string;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

/** An author of an initiative (a member of the initiative unit's subtree). */
@Entity('initiative_author')
@Index('idx_initiative_author_member', ['memberId'])
export class InitiativeAuthor {
  @PrimaryColumn({ type: 'int' }) initiativeId: number;
  @PrimaryColumn({ type: 'int' }) memberId: number;
}

export const InitiativeResource = declareYearRecord<Initiative>({
  name: 'Initiative',
  entity: Initiative,
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    title: { write: 'required' },
    year: { filter: 'both', write: 'required' },
    status: { filter: 'eq', write: 'required' },
    benefit: { filter: 'range', write: 'optional' },
    recognizedBy: { write: 'optional' },
    authorMemberIds: { type: () => [ID], write: 'required', description: 'members of the unit’s subtree, at least one' },
    createdAt: {},
  },
  search: 'searchKey',
  searchDescription: 'words of the title, ignoring case and diacritics',
  defaultSort: { field: 'year', order: 'DESC' },
});
