import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { Located, Location } from '../kit/located';
import { readWrite } from '../kit/resource';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { RatingLevel } from './year.enums';

/**
 * Đánh giá, xếp loại: a union's, grassroots union's or team's rating for a year, appraised by the
 * level above (Hướng dẫn 1294/HD-TLĐ). One per unit and year. Located where the rated unit is, so the
 * rated unit reads its own rating; only the level above writes it (auth/permissions.ts).
 */
@ObjectType({ description: 'Đánh giá, xếp loại hằng năm (annual rating)' })
@Located({ indexes: { with: ['year'] } })
@Entity('annual_rating')
@Index('uq_annual_rating_unit_year', ['unitId', 'year'], { unique: true })
export class AnnualRating extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID, { description: 'the rated unit: a Union, GrassrootsUnion or Team' }) @Column({ type: 'int' }) unitId: number;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => RatingLevel) @Column({ type: 'varchar', length: 16 }) level: RatingLevel;
  @Field(() => Float, { nullable: true, description: '0–100 points' }) @Column({ type: 'double', nullable: true }) score: number | null;
  @Field(() => ID, { description: 'set by the server: the rated unit’s parent' }) @Column({ type: 'int' }) appraisedByUnitId: number;
  @Field(() => String, { nullable: true, description: 'the decision recognising the rating' }) @Column({ type: 'varchar', length: 64, nullable: true }) decisionNumber: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

export const AnnualRatingResource = declareYearRecord<AnnualRating>({
  name: 'AnnualRating',
  entity: AnnualRating,
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    year: { filter: 'both', write: 'create-required' },
    level: { filter: 'eq', write: 'required' },
    score: { filter: 'range', write: 'optional' },
    decisionNumber: { write: 'optional' },
    appraisedByUnitId: { filter: 'eq', ref: unitRef('appraisedByUnit') },
    createdAt: {},
  },
  defaultSort: { field: 'year', order: 'DESC' },
  permissions: readWrite(Permission.ReadYear, Permission.RateUnits),
  crud: { describe: { create: 'by the level above the rated unit' } },
});
