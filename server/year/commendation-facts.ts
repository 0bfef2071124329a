import { EntityManager } from 'typeorm';
import { AnnualRating } from './rating.entity';
import { Initiative, InitiativeAuthor } from './initiative.entity';
import { RuleThreshold } from './threshold.entity';
import { InitiativeStatus, RatingLevel } from './year.enums';

/**
 * What the commendation rules (award/rules.ts) read of the union's year: a unit's rating, a
 * member's best initiative, the threshold in force. Read inside the nomination's transaction (`em`),
 * and whatever the reviewer's scope: a rule judges the nominee's record, not what the reviewer may list.
 */
export class CommendationFacts {
  /** The unit's rating for the year (one per unit and year), or null. */
  async ratingLevel(em: EntityManager, unitId: number, year: number): Promise<RatingLevel | null> {
    const r = await em.getRepository(AnnualRating).findOne({ where: { unitId, year }, select: { id: true, level: true } });
    return r?.level ?? null;
  }

  /** The largest benefit of a RECOGNIZED or APPLIED initiative of the year that the member is an author of, or null. */
  async bestInitiativeBenefit(em: EntityManager, memberId: number, year: number): Promise<number | null> {
    const row = await em
      .getRepository(Initiative)
      .createQueryBuilder('i')
      .innerJoin(InitiativeAuthor, 'ia', 'ia.initiative_id = i.id')
      .select('MAX(i.benefit)', 'best')
      .where('ia.member_id = :memberId AND i.year = :year AND i.status IN (:...counted)', {
        memberId,
        year,
        counted: [InitiativeStatus.RECOGNIZED, InitiativeStatus.APPLIED],
      })
      .getRawOne<{ best: number | string | null }>();
    return row?.best == null ? null : Number(row.best);
  }

  /** The threshold `code` in force in `year` (the latest effective on or before its 31 December), or null. */
  async threshold(em: EntityManager, code: string, year: number): Promise<{ value: number; regulation: string } | null> {
    const row = await em
      .getRepository(RuleThreshold)
      .createQueryBuilder('t')
      .where('t.code = :code AND t.effective_from <= :end', { code, end: `${year}-12-31` })
      .orderBy('t.effective_from', 'DESC')
      .getOne();
    return row ? { value: row.value, regulation: row.regulation } : null;
  }
}
