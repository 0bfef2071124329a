import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, EntityManager, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller } from '../auth/caller';
import { badInput, conflict } from '../common/errors';
import { Db } from '../db/dialect';
import { Located, Location } from '../kit/located';
import { OrgService } from '../org/org.service';
import { unitRef } from '../org/org.types';
import { declareYearRecord } from './record';
import { atLeast, atMost, dateIn, UnitRecordService, yearIn } from './year.service';
import { LIMITS } from '../common/limits';

/**
 * Hội nghị tổng kết năm: the meeting at which a unit reviews its year (held in the year or early
 * in the next). One per unit and year. The README's worked example of a resource on the kit.
 */
@ObjectType({ description: 'Hội nghị tổng kết năm (year-end conference)' })
@Located({ indexes: { with: ['year'] } })
@Entity('year_end_conference')
@Index('uq_year_end_conference_unit_year', ['unitId', 'year'], { unique: true })
export class YearEndConference extends Location {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID, { description: 'the unit whose year it reviews' }) @Column({ type: 'int' }) unitId: number;
  @Field(() => Int, { description: 'the year reviewed' }) @Column({ type: 'int' }) year: number;
  @Field({ description: 'ISO date, in the year reviewed or the next' }) @Column({ type: 'date' }) heldOn: string;
  @Field(() => Int, { description: 'people present (≥ 0)' }) @Column({ type: 'int' }) attendees: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

export const YearEndConferenceResource = declareYearRecord<YearEndConference>({
  name: 'YearEndConference',
  entity: YearEndConference,
  fields: {
    unitId: { filter: 'eq', write: 'create-required', ref: unitRef('unit') },
    year: { filter: 'both', write: 'required' },
    heldOn: { filter: 'range', write: 'required' },
    attendees: { filter: 'range', write: 'required' },
    note: { write: 'optional' },
    createdAt: {},
  },
  defaultSort: { field: 'heldOn', order: 'DESC' },
});

/** Its rules; the unit in the caller's scope, the location and the audit come from UnitRecordService and the kit. */
export class YearEndConferenceService extends UnitRecordService<YearEndConference> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(YearEndConferenceResource, db, audit, org);
  }

  protected async rules(em: EntityManager, _caller: Caller, c: YearEndConference) {
    yearIn('year', c.year, 'done');
    dateIn('heldOn', c.heldOn, 'next');
    const heldYear = Number(c.heldOn.slice(0, 4));
    if (heldYear !== c.year && heldYear !== c.year + 1) throw badInput('heldOn', `must be in ${c.year} or ${c.year + 1}`);
    atLeast('attendees', c.attendees, 0, true);
    atMost('attendees', c.attendees, LIMITS.yearCount);
    const other = await this.repo(em).findOneBy({ unitId: c.unitId, year: c.year });
    if (other && other.id !== c.id) throw this.duplicateRefusal(c);
  }

  protected recordYear(c: YearEndConference) {
    return { field: 'year', year: c.year };
  }

  protected duplicateRefusal(c: YearEndConference): Error {
    return conflict(`unit ${c.unitId} already held its year-end conference of ${c.year}`, { rule: 'DUPLICATE' });
  }
}
