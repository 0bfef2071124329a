import { EntityManager } from 'typeorm';
import { Award, DecisionCounter } from './award.entity';
import { Nomination } from './nomination.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel, UnitLevel } from '../org/org-level';
import { Caller } from '../auth/caller';
import { scopePredicate } from '../auth/scope';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { applyFilter, applySortAndPage, ListArgsLike, ListSpec } from '../common/list';
import { awardSearchKey, nominationSearchKey } from './keys';
import { byKeys, Context, groupByKeys } from '../graphql/context';

const SPEC: ListSpec = {
  fields: {
    awardTypeId: { column: 'award_type_id', kind: 'id' },
    year: { column: 'year', kind: 'number' },
    nominationId: { column: 'nomination_id', kind: 'id' },
    nomineeMemberId: { column: 'nominee_member_id', kind: 'id' },
    nomineeUnitId: { column: 'nominee_unit_id', kind: 'id' },
    nomineeName: { column: 'nominee_name', kind: 'string' },
    decidingUnitId: { column: 'deciding_unit_id', kind: 'id' },
    decisionNumber: { column: 'decision_number', kind: 'string' },
    decidedAt: { column: 'decided_at', kind: 'date' },
    federationId: { column: 'federation_id', kind: 'id' },
    unionId: { column: 'union_id', kind: 'id' },
    grassrootsUnionId: { column: 'grassroots_union_id', kind: 'id' },
    teamId: { column: 'team_id', kind: 'id' },
  },
  searchColumn: 'search_key',
  defaultSort: { field: 'decidedAt', order: 'DESC' },
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Decision numbers the system assigns: `<n>/QĐ-<code of the deciding unit>` (e.g. `12/QĐ-LDLD-TH`),
 * n counting from 1 per deciding unit and year, never repeating (decision_counter).
 */
export function formatDecisionNumber(n: number, unit: Pick<OrgUnit, 'id' | 'code'>): string {
  return `${n}/QĐ-${unit.code ?? `CĐ${unit.id}`}`;
}

/** Awards: created only by approvals (NominationService), read scoped by where the nominee sits. */
export class AwardService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.ds.manager).getRepository(Award);
  }

  private scoped(caller: Caller) {
    const scope = scopePredicate(caller.scope, 'w', { via: 'ancestors' });
    return this.repo().createQueryBuilder('w').where(scope.sql, scope.params);
  }

  list(caller: Caller, args: ListArgsLike): Promise<Award[]> {
    const qb = this.scoped(caller);
    applyFilter(qb, 'w', SPEC, args.filter, { personalAllowed: true });
    applySortAndPage(qb, 'w', SPEC, args, { personalAllowed: true });
    return qb.getMany();
  }

  count(caller: Caller, filter: object | null | undefined): Promise<number> {
    const qb = this.scoped(caller);
    applyFilter(qb, 'w', SPEC, filter, { personalAllowed: true });
    return qb.getCount();
  }

  async get(caller: Caller, id: number): Promise<Award> {
    const a = await this.scoped(caller).andWhere('w.id = :id', { id }).getOne();
    if (!a) throw notFound('Award', id);
    return a;
  }

  /** Awards by one column (a member's, a unit's, a nomination's), batched per request. */
  private by(ctx: Context, column: 'nomineeMemberId' | 'nomineeUnitId' | 'nominationId', id: number): Promise<Award[]> {
    const caller = ctx.caller!;
    const col = { nomineeMemberId: 'nominee_member_id', nomineeUnitId: 'nominee_unit_id', nominationId: 'nomination_id' }[column];
    return ctx.loaders
      .get<number, Award[]>(`award.by.${column}`, async (ids) => {
        const rows = await this.scoped(caller).andWhere(`w.${col} IN (:...ids)`, { ids }).orderBy('w.decided_at', 'DESC').addOrderBy('w.id', 'DESC').getMany();
        return groupByKeys(ids, rows, (a) => a[column] as number);
      })
      .load(id);
  }

  ofMember(ctx: Context, memberId: number) {
    return this.by(ctx, 'nomineeMemberId', memberId);
  }

  ofUnit(ctx: Context, unitId: number) {
    return this.by(ctx, 'nomineeUnitId', unitId);
  }

  async ofNomination(ctx: Context, nominationId: number): Promise<Award | null> {
    return (await this.by(ctx, 'nominationId', nominationId))[0] ?? null;
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
    decidingLevel: OrgLevel,
    givenNumber: string | null,
    decidedAt: string | null,
    decisions?: Map<string, string>,
  ): Promise<Award> {
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
    });
    await this.repo(em).save(award);
    // Nominations are found by their decision number too.
    await em.getRepository(Nomination).update(n.id, { searchKey: nominationSearchKey(n.nomineeName, number) });
    await this.audit.record(em, caller, { action: 'CREATE', entityType: 'Award', entityId: award.id, unitId: n.teamId ?? n.grassrootsUnionId ?? n.unionId ?? n.federationId, after: award });
    return award;
  }
}
