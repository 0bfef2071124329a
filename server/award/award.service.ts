import { EntityManager } from 'typeorm';
import { Award, AwardResource, DecisionCounter } from './award.entity';
import { Nomination } from './nomination.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel, UnitLevel } from '../org/org-level';
import { Caller } from '../auth/caller';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { awardSearchKey, nominationSearchKey } from './keys';
import { groupByKeys, LoaderFamily, Req } from '../kit/loaders';
import { ResourceService } from '../kit/service';
import { today } from '../common/clock';
import { AppError } from '../common/errors';
import { AwardType } from './award-type.entity';
import { oncePerLifetimeRule } from './rules';

/**
 * Decision numbers the system assigns: `<n>/QĐ-<code of the deciding unit>` (e.g. `12/QĐ-LDLD-TH`),
 * n counting from 1 per deciding unit and year, never repeating (decision_counter).
 */
export function formatDecisionNumber(n: number, unit: Pick<OrgUnit, 'id' | 'code'>): string {
  return `${n}/QĐ-${unit.code ?? `CĐ${unit.id}`}`;
}

/** Awards: created only by approvals (NominationService), read scoped by where the nominee sits. */
export class AwardService extends ResourceService<Award> {
  private readonly byKeys = new LoaderFamily<'nomineeMemberId' | 'nomineeUnitId' | 'nominationId', number, Award[]>('Award.by');

  constructor(db: Db, audit: AuditService) {
    super(AwardResource, db, audit);
  }

  /** Awards by one column (a member's, a unit's, a nomination's), batched per request. */
  private by(req: Req, column: 'nomineeMemberId' | 'nomineeUnitId' | 'nominationId', id: number): Promise<Award[]> {
    const caller = req.caller;
    const a = this.alias;
    const col = { nomineeMemberId: 'nominee_member_id', nomineeUnitId: 'nominee_unit_id', nominationId: 'nomination_id' }[column];
    return req.loaders
      .get(this.byKeys.of(column), async (ids) => {
        const rows = await this.scoped(caller).andWhere(`${a}.${col} IN (:...ids)`, { ids }).orderBy(`${a}.decided_at`, 'DESC').addOrderBy(`${a}.id`, 'DESC').getMany();
        return groupByKeys(ids, rows, (w) => w[column] as number);
      })
      .load(id);
  }

  ofMember(req: Req, memberId: number) {
    return this.by(req, 'nomineeMemberId', memberId);
  }

  ofUnit(req: Req, unitId: number) {
    return this.by(req, 'nomineeUnitId', unitId);
  }

  async ofNomination(req: Req, nominationId: number): Promise<Award | null> {
    return (await this.by(req, 'nominationId', nominationId))[0] ?? null;
  }

  /** The next decision number of a unit in a year, inside the caller's transaction (row-locked). */
  private async nextNumber(em: EntityManager, unitId: number, year: number): Promise<number> {
    await this.db.upsertIncrement(em, 'decision_counter', { unit_id: unitId, year }, 'last_number');
    return (await em.findOneByOrFail(DecisionCounter, { unitId, year })).lastNumber;
  }

  /**
   * Creates the award of an approved nomination in the caller's transaction. Without a given
   * number the deciding unit's next one is assigned; `decisions` shares one number among the
   * approvals of one call by the same deciding unit for the same year.
   */
  async grant(
    em: EntityManager,
    caller: Caller,
    n: Nomination,
    nominatingUnit: OrgUnit,
    type: Pick<AwardType, 'decidingLevel' | 'oncePerLifetime'>,
    givenNumber: string | null,
    decidedAt: string | null,
    decisions?: Map<string, string>,
  ): Promise<Award> {
    const decidingLevel = type.decidingLevel;
    let decidingUnitId: number | null = null;
    let number = givenNumber;
    if (decidingLevel !== OrgLevel.CONFEDERATION) {
      decidingUnitId = nominatingUnit[ANCESTOR_COLUMN[decidingLevel as UnitLevel]];
      const key = `${decidingUnitId}:${n.year}`;
      number = decisions?.get(key) ?? null;
      if (!number) {
        const unit = await em.getRepository(OrgUnit).findOneByOrFail({ id: decidingUnitId! });
        number = formatDecisionNumber(await this.nextNumber(em, unit.id, n.year), unit);
        decisions?.set(key, number);
      }
    }
    const award = this.repo(em).create({
      nominationId: n.id,
      awardTypeId: n.awardTypeId,
      year: n.year,
      nomineeMemberId: n.nomineeMemberId,
      nomineeUnitId: n.nomineeUnitId,
      nomineeName: n.nomineeName,
      decidingUnitId,
      decisionNumber: number!,
      decidedAt: decidedAt ?? today(),
      decidedById: caller.user.id,
      searchKey: awardSearchKey(n.nomineeName, number),
      federationId: n.federationId,
      unionId: n.unionId,
      grassrootsUnionId: n.grassrootsUnionId,
      teamId: n.teamId,
      // The unique key (nominee, type, slot) keeps an award given once per person once, whatever the path and however the approvals race.
      lifetimeSlot: type.oncePerLifetime && n.nomineeMemberId != null ? 1 : null,
    });
    try {
      // insert, not save: a new row with nothing to compare or cascade (save's persistence machinery
      // is most of the CPU of an approval); the id and created_at are read back onto `award` as by save
      await this.repo(em).insert(award);
    } catch (e) {
      if (Db.isDuplicateKey(e) && /uq_award_once|lifetime_slot/.test(String((e as Error).message))) {
        // The approval that lost the race: the member has the award now, as the rule says on a retry.
        const r = oncePerLifetimeRule(true, 1)!;
        throw new AppError('BAD_USER_INPUT', `${r.field}: ${r.message} [${r.rule}]`, { field: r.field, rule: r.rule });
      }
      throw e;
    }
    // Nominations are found by their decision number too.
    await em.getRepository(Nomination).update(n.id, { searchKey: nominationSearchKey(n.nomineeName, number) });
    await this.audit.record(em, caller, { action: 'CREATE', entityType: 'Award', entityId: award.id, unitId: n.teamId ?? n.grassrootsUnionId ?? n.unionId ?? n.federationId, after: award });
    return award;
  }
}
