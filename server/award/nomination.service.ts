import { EntityManager } from 'typeorm';
import { Nomination, NominationAction, NominationEvent, NominationResource, NominationStatus as S, ReviewDecision } from './nomination.entity';
import { nominationSearchKey } from './keys';
import { AwardType, NomineeKind } from './award-type.entity';
import { Award, AWARD_TEXT } from './award.entity';
import { AwardService, awardCreated } from './award.service';
import { AwardTypeService } from './award-type.service';
import * as rules from './rules';
import { afterApproval, firstLevel, levelChain, OPEN_STATUSES, TRANSITIONS, WorkflowAction } from './workflow';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel } from '../org/org-level';
import { Member, MemberStatus } from '../member/member.entity';
import { Caller } from '../auth/caller';
import { Role } from '../auth/role';
import { scopePredicate, unitInScope } from '../auth/scope';
import { hasPermission, Permission, REVIEW_LEVEL } from '../auth/permissions';
import { Db, insertOnly } from '../db/dialect';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { AppError, badInput, conflict, forbidden, logDatabaseDown, notFound, serviceUnavailable } from '../common/errors';
import { checkText, isoDate, optionalId, parseId } from '../common/input';
import { LIMITS } from '../common/limits';
import { attachJoined, groupByKeys, LoaderKey, Req } from '../kit/loaders';
import { existingRow, readRows, rowById } from '../kit/rows';
import { countRows } from '../kit/shapes';
import { ResourceService } from '../kit/service';
import { currentYear, today } from '../common/clock';
import { SelectQueryBuilder } from 'typeorm';
import type { CommendationFacts } from '../year/commendation-facts';

export interface NominationInput {
  awardTypeId?: string | null;
  year?: number | null;
  achievements?: string | null;
  nomineeMemberId?: string | null;
  nomineeUnitId?: string | null;
  nominatingUnitId?: string | null;
}

export interface NominationResult {
  id: string;
  ok: boolean;
  code: string | null;
  message: string | null;
  rule?: string | null;
  nomination: Nomination | null;
}

/** The id arguments of a nomination, read before any lookup: one that cannot be an id is refused, named. */
function idsOf(input: NominationInput) {
  return {
    awardTypeId: optionalId('awardTypeId', input.awardTypeId),
    nomineeMemberId: optionalId('nomineeMemberId', input.nomineeMemberId),
    nomineeUnitId: optionalId('nomineeUnitId', input.nomineeUnitId),
    nominatingUnitId: optionalId('nominatingUnitId', input.nominatingUnitId),
  };
}

/** A review or decision comment: long text (a TEXT column), refused before any other check. */
const checkComment = (comment: string | null | undefined) => checkText('comment', comment, LIMITS.longTextChars);

function refuse(r: rules.RuleRefusal | null): void {
  if (r) throw new AppError('BAD_USER_INPUT', `${r.field}: ${r.message} [${r.rule}]`, { field: r.field, rule: r.rule });
}

/** Where the nominee sits: the ancestor columns a nomination and its award carry. */
function locationOf(nominee: Member | OrgUnit) {
  return {
    federationId: nominee.federationId,
    unionId: nominee.unionId,
    grassrootsUnionId: nominee.grassrootsUnionId,
    teamId: nominee.teamId,
  };
}

/** The lowest unit holding the nominee: audit rows of a nomination belong to it. */
const auditUnit = (n: Nomination) => n.teamId ?? n.grassrootsUnionId ?? n.unionId ?? n.federationId;

/**
 * Nominations and their workflow. Every step is a compare-and-set on status and version,
 * a history row and an audit row, in one transaction; approval at the deciding level creates the
 * award in the same transaction.
 */
/** An unexpected failure of one review of a batch, as its row says it (no SQL, no stack: those go to the log). */
const REVIEW_FAILED =
  'Lỗi hệ thống: hồ sơ này chưa được xét, không có gì thay đổi; vui lòng thử lại hoặc báo quản trị hệ thống ' +
  '(internal server error: this nomination was not reviewed and nothing of it changed)';

export class NominationService extends ResourceService<Nomination> {
  private readonly eventsKey = new LoaderKey<number, NominationEvent[]>('Nomination.events');

  constructor(
    db: Db,
    private readonly types: AwardTypeService,
    private readonly awards: AwardService,
    audit: AuditService,
    /** what the rules read of the union's year (ratings, initiatives, thresholds) */
    private readonly facts: CommendationFacts,
  ) {
    super(NominationResource, db, audit);
  }

  /** `awaitingMyReview`: exactly what the caller may review now. */
  protected listFilter(qb: SelectQueryBuilder<Nomination>, caller: Caller, filter: Record<string, unknown>) {
    const { awaitingMyReview, ...rest } = filter;
    if (awaitingMyReview) {
      // PENDING at its role's level, nominating unit in its scope, neither created by it nor naming its own member record.
      const level = REVIEW_LEVEL[caller.role];
      if (!hasPermission(caller.role, Permission.Review) || (!level && caller.role !== Role.SYSTEM_ADMIN)) qb.andWhere('1=0');
      qb.andWhere('n.status = :pending', { pending: S.PENDING });
      if (level) qb.andWhere('n.current_level = :myLevel', { myLevel: level });
      const nominating = scopePredicate(caller.scope, 'n', { via: 'unit', column: 'nominating_unit_id' });
      qb.andWhere(nominating.sql, nominating.params);
      qb.andWhere('(n.created_by_id IS NULL OR n.created_by_id <> :me)', { me: caller.user.id });
      if (caller.user.memberId) qb.andWhere('(n.nominee_member_id IS NULL OR n.nominee_member_id <> :myMember)', { myMember: caller.user.memberId });
    }
    return rest;
  }

  /** The history of nominations, batched per request. */
  events(req: Req, nominationId: number): Promise<NominationEvent[]> {
    return req.loaders.get(this.eventsKey, this.eventsBatch).load(nominationId);
  }

  private readonly eventsBatch = async (ids: readonly number[]): Promise<NominationEvent[][]> => {
    const rows = await readRows(
      this.db.ds.getRepository(NominationEvent).createQueryBuilder('e').where('e.nomination_id IN (:...ids)', { ids }).orderBy('e.id', 'ASC'),
    );
    return groupByKeys(ids, rows, (e) => e.nominationId);
  };

  /**
   * The histories of a page of nominations read at once, before their fields resolve (the same
   * batch as `events`), so that `eventsNow` answers without a promise.
   */
  async prefetchEvents(req: Req, ids: readonly number[]): Promise<void> {
    const unique = [...new Set(ids)].filter((id) => req.loaders.now(this.eventsKey, id) === undefined);
    if (!unique.length) return;
    const lists = await this.eventsBatch(unique);
    unique.forEach((id, i) => req.loaders.prime(this.eventsKey, this.eventsBatch, id, lists[i]));
  }

  /** `events`, answered at once when the request's list already read them (`prefetchEvents`). */
  eventsNow(req: Req, nominationId: number): NominationEvent[] | Promise<NominationEvent[]> {
    return req.loaders.now(this.eventsKey, nominationId) ?? this.events(req, nominationId);
  }

  // ---- the nominator's side ------------------------------------------------------------------

  /** A unit in the caller's scope that nominates (the caller's scope unit by default). */
  private async nominatingUnit(caller: Caller, em: EntityManager, id: number | null): Promise<OrgUnit> {
    const unitId = id ?? caller.scopeUnit?.id ?? null;
    if (unitId == null) throw badInput('nominatingUnitId', 'is required for an account without a scope unit');
    const unit = await rowById(em, OrgUnit, unitId);
    if (!unit || !unitInScope(caller.scope, unit)) throw badInput('nominatingUnitId', `unit ${unitId} is not in your scope`, { rule: 'OUT_OF_SCOPE' });
    if (!unit.active) throw badInput('nominatingUnitId', `unit ${unitId} is dissolved`, { rule: 'UNIT_DISSOLVED' });
    return unit;
  }

  /** The nominee, which must lie in the nominating unit's subtree. */
  private async nominee(em: EntityManager, type: AwardType, unit: OrgUnit, memberId: number | null, unitId: number | null): Promise<Member | OrgUnit> {
    refuse(rules.nomineeKindRule(type.nomineeKind, memberId, unitId));
    const column = ANCESTOR_COLUMN[unit.level];
    if (type.nomineeKind === NomineeKind.INDIVIDUAL) {
      const m = await rowById(em, Member, memberId!);
      if (!m || m[column] !== unit.id) throw badInput('nomineeMemberId', `member ${memberId} is not in the nominating unit's subtree`, { rule: 'NOMINEE_OUTSIDE' });
      return m;
    }
    const u = await rowById(em, OrgUnit, unitId!);
    if (!u || u[column] !== unit.id) throw badInput('nomineeUnitId', `unit ${unitId} is not in the nominating unit's subtree`, { rule: 'NOMINEE_OUTSIDE' });
    return u;
  }

  private async awardType(em: EntityManager, id: number | null): Promise<AwardType> {
    if (id == null) throw badInput('awardTypeId', 'is required', { rule: 'REQUIRED' });
    const t = await em.getRepository(AwardType).findOneBy({ id });
    if (!t) throw badInput('awardTypeId', `award type ${id} does not exist`);
    if (!t.active) throw badInput('awardTypeId', `award type ${t.code} is no longer awarded`, { rule: 'AWARD_TYPE_INACTIVE' });
    return t;
  }

  /** The award type must be decided by the nominating unit's own level, an ancestor's, or the confederation. */
  private checkDecidingLevel(type: AwardType, unit: OrgUnit) {
    if (!levelChain(unit.level, unit.unionId != null).includes(type.decidingLevel)) {
      throw badInput('awardTypeId', `${type.code} is decided at ${type.decidingLevel}, which is not in the chain of unit ${unit.id}`, {
        rule: 'DECIDING_LEVEL',
        decidingLevel: type.decidingLevel,
        unitLevel: unit.level,
      });
    }
  }

  /** The rules checked on submit and again on approval. */
  private async checkRules(em: EntityManager, n: Nomination, type: AwardType, unit: OrgUnit): Promise<void> {
    this.checkDecidingLevel(type, unit);
    const nominee = await this.nominee(em, type, unit, n.nomineeMemberId, n.nomineeUnitId);
    if (nominee instanceof Member) {
      refuse(rules.nomineeActiveRule(nominee.status === MemberStatus.ACTIVE, 'nomineeMemberId'));
      refuse(rules.disciplineRule(nominee.disciplinedFrom, nominee.disciplinedUntil, today()));
      await this.checkOncePerLifetime(em, type, nominee.id);
    } else {
      refuse(rules.nomineeActiveRule(nominee.active, 'nomineeUnitId'));
    }
    await this.checkYearPrerequisite(em, type, n.year, nominee);
    await this.checkDuplicate(em, n);
  }

  /**
   * One open nomination per nominee, award type and year: checked on create and edit too, so that a
   * duplicate is refused when it is saved, not only when it is submitted.
   */
  private async checkDuplicate(em: EntityManager, n: Pick<Nomination, 'id' | 'awardTypeId' | 'year' | 'nomineeMemberId' | 'nomineeUnitId'>): Promise<void> {
    const who = n.nomineeMemberId ?? n.nomineeUnitId;
    if (who == null) return;
    const dup = this.repo(em)
      .createQueryBuilder('o')
      .where('o.id <> :id AND o.award_type_id = :t AND o.year = :y AND o.status IN (:...open)', { id: n.id ?? 0, t: n.awardTypeId, y: n.year, open: OPEN_STATUSES })
      .andWhere(n.nomineeMemberId ? 'o.nominee_member_id = :who' : 'o.nominee_unit_id = :who', { who });
    refuse(rules.duplicateRule(await countRows(dup)));
  }

  /** Kỷ niệm chương and the like: never a second award of the type to the same person (the unique key on award decides races). */
  private async checkOncePerLifetime(em: EntityManager, type: AwardType, memberId: number | null): Promise<void> {
    if (!type.oncePerLifetime || memberId == null) return;
    const had = await em.getRepository(Award).countBy({ nomineeMemberId: memberId, awardTypeId: type.id });
    refuse(rules.oncePerLifetimeRule(true, had));
  }

  /** The rules that read the union's year: CTD_LDLD needs an EXCELLENT rating, BLDST an initiative worth the threshold. */
  private async checkYearPrerequisite(em: EntityManager, type: AwardType, year: number, nominee: Member | OrgUnit): Promise<void> {
    switch (rules.YEAR_PREREQUISITES[type.code]) {
      case 'EXCELLENT_RATING':
        refuse(rules.excellentRatingRule(nominee instanceof OrgUnit ? await this.facts.ratingLevel(em, nominee.id, year) : null, year));
        return;
      case 'INITIATIVE_BENEFIT': {
        const threshold = await this.facts.threshold(em, rules.BLDST_THRESHOLD, year);
        const best = nominee instanceof Member ? await this.facts.bestInitiativeBenefit(em, nominee.id, year) : null;
        refuse(rules.initiativeBenefitRule(best, threshold, year));
        return;
      }
      default:
    }
  }

  private validateText(input: NominationInput, creating: boolean) {
    if (creating || input.achievements != null) {
      checkText('achievements', input.achievements, LIMITS.longTextChars);
      if (!input.achievements?.trim()) throw badInput('achievements', 'is required', { rule: 'REQUIRED' });
    }
    if (creating || input.year != null) refuse(rules.yearRule(input.year ?? NaN, currentYear()));
  }

  async create(caller: Caller, input: NominationInput): Promise<Nomination> {
    this.validateText(input, true);
    const ids = idsOf(input);
    return this.db.transaction(async (em) => {
      const unit = await this.nominatingUnit(caller, em, ids.nominatingUnitId);
      const type = await this.awardType(em, ids.awardTypeId);
      this.checkDecidingLevel(type, unit);
      const nominee = await this.nominee(em, type, unit, ids.nomineeMemberId, ids.nomineeUnitId);
      const nomineeName = nominee instanceof Member ? nominee.fullName : nominee.name;
      await this.checkDuplicate(em, {
        id: 0,
        awardTypeId: type.id,
        year: input.year!,
        nomineeMemberId: nominee instanceof Member ? nominee.id : null,
        nomineeUnitId: nominee instanceof OrgUnit ? nominee.id : null,
      });
      const n = this.repo(em).create({
        awardTypeId: type.id,
        year: input.year!,
        achievements: input.achievements!.trim(),
        nomineeMemberId: nominee instanceof Member ? nominee.id : null,
        nomineeUnitId: nominee instanceof OrgUnit ? nominee.id : null,
        nomineeName,
        nominatingUnitId: unit.id,
        status: S.DRAFT,
        currentLevel: null,
        version: 1,
        createdById: caller.user.id,
        searchKey: nominationSearchKey(nomineeName),
        ...locationOf(nominee),
      });
      await this.repo(em).save(n);
      await this.event(em, caller, n, NominationAction.CREATE, null, null);
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n), after: n });
      return n;
    });
  }

  /** The nomination as its nominator may act on it: in scope, with Nominate, nominating unit in scope. */
  private async asNominator(caller: Caller, em: EntityManager, id: number): Promise<{ n: Nomination; unit: OrgUnit }> {
    const n = await this.get(caller, id, em);
    const unit = await existingRow(em, OrgUnit, n.nominatingUnitId);
    if (!hasPermission(caller.role, Permission.Nominate) || !unitInScope(caller.scope, unit)) {
      throw forbidden('only accounts whose scope holds the nominating unit act for the nominator', { rule: 'NOMINATOR_ONLY' });
    }
    return { n, unit };
  }

  /** The compare-and-set every step goes through: one row changes or the step answers CONFLICT. */
  private async compareAndSet(em: EntityManager, n: Nomination, changes: Partial<Nomination>): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(Nomination)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND status = :status AND version = :version', { id: n.id, status: n.status, version: n.version })
      .execute();
    if (result.affected !== 1) throw conflict(`nomination ${n.id} was changed by someone else; reload it`, { rule: 'STALE_VERSION' });
    Object.assign(n, changes, { version: n.version + 1 });
  }

  private requireStatus(n: Nomination, action: WorkflowAction) {
    if (!TRANSITIONS[action].from.includes(n.status)) {
      throw conflict(`nomination ${n.id} is ${n.status}; ${action} needs ${TRANSITIONS[action].from.join(' or ')}`, { rule: 'WRONG_STATUS', status: n.status, action });
    }
  }

  private async event(em: EntityManager, caller: Caller, n: Nomination, action: NominationAction, from: S | null, level: OrgLevel | null, comment: string | null = null) {
    // the step's time is the database's (DEFAULT): not read back, nobody reads it in this transaction
    await insertOnly(em, NominationEvent, {
      nominationId: n.id,
      action,
      level,
      fromStatus: from,
      toStatus: n.status,
      comment,
      actorId: caller.user.id,
      actorName: caller.user.fullName,
    });
  }

  /**
   * A decision's audit rows, in one INSERT: the award it granted (if any), then the decision. The
   * award stays on the nomination as its `award` edge's answer (kit/loaders.ts attachJoined): the
   * mutation answers it as granted instead of reading it again.
   */
  private async recordDecision(em: EntityManager, caller: Caller, n: Nomination, award: Award | null, entry: AuditEntry): Promise<void> {
    await this.audit.recordAll(em, caller, award ? [awardCreated(award), entry] : [entry]);
    if (award) attachJoined(n, 'award', award);
  }

  async update(caller: Caller, id: number, input: NominationInput): Promise<Nomination> {
    this.validateText(input, false);
    const ids = idsOf(input);
    return this.db.transaction(async (em) => {
      const { n, unit } = await this.asNominator(caller, em, id);
      this.requireStatus(n, 'EDIT');
      const before = { ...n };
      const type = await this.awardType(em, ids.awardTypeId ?? n.awardTypeId);
      this.checkDecidingLevel(type, unit);
      const memberId = input.nomineeMemberId !== undefined ? ids.nomineeMemberId : input.nomineeUnitId != null ? null : n.nomineeMemberId;
      const unitId = input.nomineeUnitId !== undefined ? ids.nomineeUnitId : input.nomineeMemberId != null ? null : n.nomineeUnitId;
      const nominee = await this.nominee(em, type, unit, memberId, unitId);
      const nomineeName = nominee instanceof Member ? nominee.fullName : nominee.name;
      await this.checkDuplicate(em, {
        id: n.id,
        awardTypeId: type.id,
        year: input.year ?? n.year,
        nomineeMemberId: nominee instanceof Member ? nominee.id : null,
        nomineeUnitId: nominee instanceof OrgUnit ? nominee.id : null,
      });
      await this.compareAndSet(em, n, {
        awardTypeId: type.id,
        year: input.year ?? n.year,
        achievements: input.achievements?.trim() ?? n.achievements,
        nomineeMemberId: nominee instanceof Member ? nominee.id : null,
        nomineeUnitId: nominee instanceof OrgUnit ? nominee.id : null,
        nomineeName,
        searchKey: nominationSearchKey(nomineeName),
        ...locationOf(nominee),
      });
      await this.event(em, caller, n, NominationAction.EDIT, before.status, null);
      await this.audit.record(em, caller, { action: 'UPDATE', entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n), before, after: n });
      return n;
    });
  }

  async submit(caller: Caller, id: number): Promise<Nomination> {
    return this.db.transaction(async (em) => {
      const { n, unit } = await this.asNominator(caller, em, id);
      this.requireStatus(n, 'SUBMIT');
      const type = await this.awardType(em, n.awardTypeId);
      await this.checkRules(em, n, type, unit);
      const from = n.status;
      const level = firstLevel(levelChain(unit.level, unit.unionId != null), type.decidingLevel);
      await this.compareAndSet(em, n, { status: S.PENDING, currentLevel: level });
      await this.event(em, caller, n, NominationAction.SUBMIT, from, unit.level);
      await this.audit.record(em, caller, { action: 'SUBMIT', entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n), after: { status: n.status, currentLevel: level } });
      return n;
    });
  }

  /** deleteNomination withdraws: a nomination is part of the record. */
  remove(caller: Caller, id: number): Promise<Nomination> {
    return this.withdraw(caller, id);
  }

  async withdraw(caller: Caller, id: number): Promise<Nomination> {
    return this.db.transaction(async (em) => {
      const { n } = await this.asNominator(caller, em, id);
      this.requireStatus(n, 'WITHDRAW');
      const from = n.status;
      await this.compareAndSet(em, n, { status: S.WITHDRAWN, currentLevel: null });
      await this.event(em, caller, n, NominationAction.WITHDRAW, from, null);
      await this.audit.record(em, caller, { action: 'WITHDRAW', entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n), after: { status: n.status } });
      return n;
    });
  }

  // ---- the reviewer's side -------------------------------------------------------------------

  /**
   * Who may review now: scope holds the nominating unit, role belongs to the current level
   * (SYSTEM_ADMIN: any), and never one's own nomination or one naming one's own member record.
   */
  private checkReviewer(caller: Caller, n: Nomination, unit: OrgUnit) {
    if (!hasPermission(caller.role, Permission.Review)) throw forbidden('your role does not review nominations', { rule: 'PERMISSION', permission: Permission.Review });
    if (caller.role !== Role.SYSTEM_ADMIN && REVIEW_LEVEL[caller.role] !== n.currentLevel) {
      throw forbidden(`nomination ${n.id} waits at ${n.currentLevel}; your role reviews at ${REVIEW_LEVEL[caller.role]}`, { rule: 'REVIEW_LEVEL', level: n.currentLevel });
    }
    if (!unitInScope(caller.scope, unit)) throw forbidden('the nominating unit is outside your scope', { rule: 'OUT_OF_SCOPE' });
    if (n.createdById === caller.user.id) throw forbidden('you created this nomination: another reviewer must decide (four eyes)', { rule: 'FOUR_EYES' });
    if (n.nomineeMemberId != null && n.nomineeMemberId === caller.user.memberId) throw forbidden('you are the nominee: another reviewer must decide', { rule: 'SELF_NOMINEE' });
  }

  /**
   * One review in its own transaction. `decisions` lets approvals in one reviewNominations call
   * share a decision number per deciding unit and year.
   */
  async review(
    caller: Caller,
    id: number,
    decision: ReviewDecision,
    comment: string | null | undefined,
    version: number | null | undefined,
    decisions?: Map<string, string>,
  ): Promise<Nomination> {
    const text = comment?.trim() || null;
    // The call's shared decision numbers, as this transaction sees them: published only once it
    // commits (an attempt that a deadlock rolled back, or a refused review, reserved no number).
    let mine: Map<string, string> | undefined;
    const reviewed = await this.db.transaction(async (em) => {
      mine = decisions && new Map(decisions);
      const n = await this.get(caller, id, em);
      // A stale version answers CONFLICT before any other check, as does a nomination not PENDING.
      if (version != null && version !== n.version) throw conflict(`nomination ${id} is at version ${n.version}, not ${version}; reload it`, { rule: 'STALE_VERSION' });
      this.requireStatus(n, decision as WorkflowAction);
      const unit = await existingRow(em, OrgUnit, n.nominatingUnitId);
      this.checkReviewer(caller, n, unit);
      // After the status and the reviewer: a stale or misdirected review answers as such whatever its comment.
      checkComment(comment);
      if (decision === ReviewDecision.REJECT && !text) throw badInput('comment', 'a rejection needs a comment', { rule: 'COMMENT_REQUIRED' });
      const from = n.status;
      const level = n.currentLevel!;
      const type = await this.types.load(n.awardTypeId, em);
      const approving = decision === ReviewDecision.APPROVE;
      if (approving) await this.checkRules(em, n, type, unit);
      const next = approving
        ? afterApproval(levelChain(unit.level, unit.unionId != null), level, type.decidingLevel)
        : { status: decision === ReviewDecision.REJECT ? S.REJECTED : S.RETURNED, level: null };
      await this.compareAndSet(em, n, { status: next.status, currentLevel: next.level });
      await this.event(em, caller, n, decision as unknown as NominationAction, from, level, text);
      // last: a decision number locks its counter until the commit (see AwardService.grant)
      const award = next.status === S.APPROVED ? await this.awards.grant(em, caller, n, unit, type, null, null, mine) : null;
      await this.recordDecision(em, caller, n, award, {
        action: decision, entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n),
        before: { status: from, currentLevel: level }, after: { status: n.status, currentLevel: n.currentLevel, comment: text, awardId: award?.id },
      });
      return n;
    });
    if (decisions && mine) for (const [key, number] of mine) decisions.set(key, number);
    return reviewed;
  }

  /**
   * Applies one decision to each id on its own; reports each outcome (an id that cannot be one is
   * reported BAD_USER_INPUT in its row, as an unknown one is NOT_FOUND). Each review is its own
   * transaction, so an unexpected failure of one (its transaction rolled back) is reported in that
   * id's row too: answering the whole call with an error would hide the ids already decided. Once
   * the database cannot be reached, the ids not yet tried are reported SERVICE_UNAVAILABLE untried.
   */
  async reviewMany(caller: Caller, ids: ReadonlyArray<string | number>, decision: ReviewDecision, comment: string | null | undefined): Promise<NominationResult[]> {
    if (ids.length > LIMITS.perPage) throw badInput('ids', `at most ${LIMITS.perPage} nominations per call`);
    checkComment(comment);
    const decisions = new Map<string, string>();
    const results: NominationResult[] = [];
    const refused = (id: string | number, e: AppError | null): NominationResult => ({
      id: String(id), ok: false, code: e ? String(e.extensions.code) : 'INTERNAL_SERVER_ERROR', message: e?.message ?? REVIEW_FAILED,
      rule: (e?.extensions.rule as string | undefined) ?? null, nomination: null,
    });
    let down: AppError | null = null;
    for (const id of ids) {
      if (down) {
        results.push(refused(id, down));
        continue;
      }
      try {
        const n = await this.review(caller, parseId('ids', id), decision, comment, null, decisions);
        results.push({ id: String(id), ok: true, code: null, message: null, nomination: n });
      } catch (e) {
        if (e instanceof AppError) results.push(refused(id, e));
        else if (Db.isUnavailable(e)) {
          logDatabaseDown('The database cannot be reached: reviewNominations reports the rest SERVICE_UNAVAILABLE', e);
          results.push(refused(id, (down = serviceUnavailable())));
        } else {
          console.error(e);
          results.push(refused(id, null));
        }
      }
    }
    return results;
  }

  /** A federation admin records the confederation's decision on a FORWARDED nomination. */
  async recordConfederationDecision(
    caller: Caller,
    id: number,
    approved: boolean,
    decisionNumber: string | null | undefined,
    decidedAt: string | null | undefined,
    comment: string | null | undefined,
  ): Promise<Nomination> {
    const action: WorkflowAction = approved ? 'CONFEDERATION_APPROVE' : 'CONFEDERATION_REJECT';
    return this.db.transaction(async (em) => {
      const n = await this.get(caller, id, em);
      this.requireStatus(n, action);
      const unit = await existingRow(em, OrgUnit, n.nominatingUnitId);
      if (!unitInScope(caller.scope, unit)) throw forbidden('the nominating unit is outside your scope', { rule: 'OUT_OF_SCOPE' });
      if (n.nomineeMemberId != null && n.nomineeMemberId === caller.user.memberId) throw forbidden('you are the nominee', { rule: 'SELF_NOMINEE' });
      const number = decisionNumber?.trim();
      if (approved && !number) throw badInput('decisionNumber', 'the confederation’s decision number is required', { rule: 'REQUIRED' });
      checkText('decisionNumber', number, AWARD_TEXT.decisionNumber);
      if (decidedAt != null) isoDate('decidedAt', decidedAt);
      if (decidedAt && decidedAt > today()) throw badInput('decidedAt', 'cannot be in the future', { rule: 'FUTURE_DATE' });
      checkComment(comment);
      const from = n.status;
      const type = approved ? await this.types.load(n.awardTypeId, em) : null;
      // The confederation's approval creates an award too: KNC stays once per person on this path
      // (it used to record a second one when two nominations of different years were both forwarded).
      if (type) await this.checkOncePerLifetime(em, type, n.nomineeMemberId);
      await this.compareAndSet(em, n, { status: approved ? S.APPROVED : S.REJECTED, currentLevel: null });
      await this.event(em, caller, n, NominationAction[action], from, OrgLevel.CONFEDERATION, comment?.trim() || null);
      const award = type ? await this.awards.grant(em, caller, n, unit, type, number!, decidedAt ?? today()) : null;
      await this.recordDecision(em, caller, n, award, {
        action, entityType: 'Nomination', entityId: n.id, unitId: auditUnit(n),
        before: { status: from }, after: { status: n.status, decisionNumber: number, awardId: award?.id },
      });
      return n;
    });
  }
}
