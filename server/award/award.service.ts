import { EntityManager } from 'typeorm';
import { Award, AwardResource } from './award.entity';
import { Nomination } from './nomination.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel, UnitLevel } from '../org/org-level';
import { Caller } from '../auth/caller';
import { Db, insertOnly } from '../db/dialect';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { awardSearchKey, nominationSearchKey } from './keys';
import { groupByKeys, joinedOf, LoaderFamily, Req } from '../kit/loaders';
import { existingRow } from '../kit/rows';
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

  /**
   * A nomination's award. The award an approval has just granted (the nomination this request's
   * mutation returns) is answered as granted, not read again: it is located where the nomination
   * is, which the caller has just read in its scope (the edge checks the read permission first).
   */
  ofNomination(req: Req, n: Nomination): Award | Promise<Award | null> {
    return (joinedOf(n, 'award') as Award | undefined) ?? this.by(req, 'nominationId', n.id).then((awards) => awards[0] ?? null);
  }

  /**
   * Creates the award of an approved nomination in the caller's transaction. Without a given
   * number the deciding unit's next one is assigned; `decisions` shares one number among the
   * approvals of one call by the same deciding unit for the same year. The caller records the
   * award's audit entry (`awardCreated`) with its own.
   *
   * Taking a number locks the deciding unit's counter row until the transaction ends, so every
   * approval by that unit in that year waits for it: the caller does its other steps first, and
   * from the number on there are three statements (number, award, the nomination's search key)
   * before the caller's audit rows and the commit.
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
        const unit = decidingUnitId === nominatingUnit.id ? nominatingUnit : await existingRow(em, OrgUnit, decidingUnitId!);
        const next = await this.db.nextInSequence(em, 'decision_counter', { unit_id: unit.id, year: n.year }, 'last_number');
        number = formatDecisionNumber(next, unit);
        decisions?.set(key, number);
      }
    }
    // Stamped here (whole seconds, as the column keeps them) rather than by the column's DEFAULT:
    // the row is not read back, and the award answers with it at once.
    const createdAt = new Date();
    createdAt.setMilliseconds(0);
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
      createdAt,
    });
    try {
      // inserted without a read-back (save's persistence machinery was most of an approval's CPU,
      // and insert's SELECT of the generated columns a round trip under the counter's lock)
      award.id = await insertOnly(em, Award, award);
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
    return award;
  }
}

/** The audit entry of an award just granted (recorded by the approval, with its own). */
export function awardCreated(award: Award): AuditEntry {
  return {
    action: 'CREATE',
    entityType: 'Award',
    entityId: award.id,
    unitId: award.teamId ?? award.grassrootsUnionId ?? award.unionId ?? award.federationId,
    after: award,
  };
}
