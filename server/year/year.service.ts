import { EntityManager, In, ObjectLiteral } from 'typeorm';
import { Caller } from '../auth/caller';
import { ratingRefusal, writesYearRecordsOf } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/errors';
import { currentYear, today } from '../common/clock';
import { isIsoDate, parseId } from '../common/input';
import { LIMITS } from '../common/limits';
import { searchKey } from '../common/text';
import { Db } from '../db/dialect';
import { groupByKeys, LoaderKey, Req } from '../kit/loaders';
import { Location, locationOf } from '../kit/located';
import { Resource } from '../kit/resource';
import { ResourceService, Row } from '../kit/service';
import { Member } from '../member/member.entity';
import { OrgLevel, UnitLevel } from '../org/org-level';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgService } from '../org/org.service';
import { ClusterEntry, ClusterEntryResource, EmulationCluster, EmulationClusterResource, EmulationMovement, EmulationMovementResource } from './emulation.entity';
import { AnnualRating, AnnualRatingResource } from './rating.entity';
import { Indicator, IndicatorResource, Target, TargetResource } from './target.entity';
import { WelfareRecord, WelfareRecordResource } from './welfare.entity';
import { Initiative, InitiativeAuthor, InitiativeResource } from './initiative.entity';
import { CommitteeSeat, CommitteeSeatResource, Congress, CongressResource } from './congress.entity';
import { RuleThreshold, RuleThresholdResource } from './threshold.entity';
import {
  authorsToCheck, chairSlot, clusterDeleteRefusal, clusterRank, datesInOrder, inSubtree, isWholeVnd, leaderSlot, notInFuture, strictlyBelow,
  targetRate, thresholdDeleteRefusal, yearOpenFor, yearRefusal, YearKind,
} from './year.rules';

type Input = Record<string, unknown>;

// ---- small checks shared by the records (and by records declared in files of their own), each naming its field ----

export function yearIn(field: string, v: unknown, kind: YearKind): void {
  const why = yearRefusal(v, kind, currentYear());
  if (why) throw badInput(field, why);
}

/** A real ISO date whose year is one of this kind of record's years. */
export function dateIn(field: string, v: unknown, kind: YearKind): void {
  if (v === undefined || v === null) return;
  if (!isIsoDate(v)) throw badInput(field, 'expected a real date written yyyy-mm-dd');
  yearIn(field, Number(v.slice(0, 4)), kind);
}

export function atLeast(field: string, v: unknown, min: number, integer = false): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
    throw badInput(field, `must be ${integer ? 'a whole number ' : ''}at least ${min}`);
  }
}

/**
 * No larger than `max` (LIMITS.yearAmount for amounts and values, LIMITS.yearCount for counts): a
 * record's figures are added up by the year report, and a sum must stay a number a client can read.
 */
export function atMost(field: string, v: unknown, max: number): void {
  if (typeof v === 'number' && v > max) throw badInput(field, `must be at most ${max.toLocaleString('en-US')}`, { rule: 'TOO_LARGE', max });
}

function score0to100(field: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) throw badInput(field, 'must be between 0 and 100');
}

/** A dissolved unit takes no records of the years after its dissolution (year.rules.ts yearOpenFor). */
function openYear(unit: OrgUnit, year: number, field: string): void {
  if (!yearOpenFor(unit, year)) throw badInput(field, `unit ${unit.id} was dissolved on ${unit.dissolvedAt}: it takes no records of ${year}`);
}

/** The index a duplicate-key error names (MySQL: "… for key 'uq_x'"; SQLite names the columns). */
const dupKey = (message: string, key: string, sqliteColumns: string) => message.includes(key) || message.includes(sqliteColumns);

/** A unit by id, without scope (the caller's scope was checked on the unit that leads to it). */
async function unitById(em: EntityManager, id: unknown): Promise<OrgUnit | null> {
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? em.getRepository(OrgUnit).findOneBy({ id: n }) : null;
}

/** A member of `unit`'s subtree, or BAD_USER_INPUT naming the field. */
async function memberOf(em: EntityManager, unit: OrgUnit, memberId: unknown, field: string): Promise<Member> {
  const id = Number(memberId);
  const m = Number.isSafeInteger(id) && id > 0 ? await em.getRepository(Member).findOneBy({ id }) : null;
  if (!m || !inSubtree(m, unit)) throw badInput(field, `member ${String(memberId)} is not a member of unit ${unit.id}`);
  return m;
}

// ---- records that belong to a unit ---------------------------------------------------------

/**
 * A record of the union's year that belongs to a unit (`unitProperty`): the unit must be one the
 * caller writes records of (in its scope: its own level and below), and the record is located
 * where the unit is. A dissolved unit keeps taking the records of the years it lived.
 */
export class UnitRecordService<E extends Row & Location> extends ResourceService<E> {
  constructor(
    resource: Resource<E>,
    db: Db,
    audit: AuditService,
    protected readonly org: OrgService,
    protected readonly unitProperty: string = 'unitId',
    protected readonly levels: UnitLevel[] = [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS, OrgLevel.TEAM],
  ) {
    super(resource, db, audit);
  }

  /** The record's unit, checked: in the caller's scope (else NOT_FOUND, or FORBIDDEN for an ancestor), of an accepted level. */
  protected async unitOf(em: EntityManager, caller: Caller, row: ObjectLiteral): Promise<OrgUnit> {
    const unit = await this.org.writable(caller, row[this.unitProperty], this.unitProperty, this.levels, em, true);
    if (!writesYearRecordsOf(caller.role, caller.scope, unit)) throw forbidden(`${this.unitProperty}: you do not write the records of unit ${unit.id}`);
    return unit;
  }

  protected async prepare(em: EntityManager, caller: Caller, row: E, input: Input, before: E | null): Promise<void> {
    const unit = await this.unitOf(em, caller, row);
    Object.assign(row, locationOf(unit));
    await this.rules(em, caller, row, unit, input, before);
    const y = this.recordYear(row, before);
    if (y) openYear(unit, y.year, y.field);
  }

  /** The record's own rules (dates in order, members in the unit's subtree, …). */
  protected async rules(em: EntityManager, caller: Caller, row: E, unit: OrgUnit, input: Input, before: E | null): Promise<void> {
    void em;
    void caller;
    void row;
    void unit;
    void input;
    void before;
  }

  /** The year the record is of, and the field that says it (a dissolved unit takes none after its last). */
  protected recordYear(row: E, before: E | null): { field: string; year: number } | null {
    void row;
    void before;
    return null;
  }
}

export class EmulationMovementService extends UnitRecordService<EmulationMovement> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(EmulationMovementResource, db, audit, org, 'launchedByUnitId');
  }

  protected async rules(_em: EntityManager, _caller: Caller, m: EmulationMovement) {
    dateIn('startsOn', m.startsOn, 'plan');
    dateIn('endsOn', m.endsOn, 'plan');
    if (!datesInOrder(m.startsOn, m.endsOn)) throw badInput('endsOn', 'must be on or after startsOn');
    m.searchKey = searchKey(m.name, m.theme).slice(0, 300);
  }

  protected recordYear(m: EmulationMovement) {
    return { field: 'startsOn', year: Number(m.startsOn.slice(0, 4)) };
  }
}

/** Clusters and blocs. One with entries is never deleted (year.rules.ts clusterDeleteRefusal). */
export class EmulationClusterService extends UnitRecordService<EmulationCluster> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(EmulationClusterResource, db, audit, org, 'organizingUnitId', [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS]);
  }

  protected async rules(_em: EntityManager, _caller: Caller, c: EmulationCluster) {
    c.searchKey = searchKey(c.name).slice(0, 300);
  }

  /** A dissolved unit forms no new cluster; its clusters may still be edited (renamed, deactivated). */
  protected recordYear(_c: EmulationCluster, before: EmulationCluster | null) {
    return before ? null : { field: 'organizingUnitId', year: currentYear() };
  }

  protected async prepareDelete(em: EntityManager, _caller: Caller, c: EmulationCluster) {
    const why = clusterDeleteRefusal(await em.getRepository(ClusterEntry).countBy({ clusterId: c.id }));
    if (why) throw conflict(`cluster ${c.id}: ${why}`);
  }
}

/**
 * Entries of a cluster for a year. Located where the cluster's organising unit is; the entered unit
 * lies strictly below it. One LEADER per cluster and year and each unit once per cluster and year,
 * kept by unique keys (racing writes get CONFLICT, not two leaders).
 */
export class ClusterEntryService extends ResourceService<ClusterEntry> {
  private readonly rankKey = new LoaderKey<string, (number | null)[]>('ClusterEntry.scores');

  constructor(db: Db, audit: AuditService, private readonly org: OrgService, private readonly clusters: EmulationClusterService) {
    super(ClusterEntryResource, db, audit);
  }

  protected async prepare(em: EntityManager, caller: Caller, e: ClusterEntry, _input: Input, before: ClusterEntry | null) {
    const cluster = await this.clusters.scoped(caller, em).andWhere(`${this.clusters.alias}.id = :id`, { id: Number(e.clusterId) }).getOne();
    if (!cluster) throw new AppError('NOT_FOUND', `clusterId: cluster ${String(e.clusterId)} not found`, { field: 'clusterId' });
    const organizer = await this.org.writable(caller, cluster.organizingUnitId, 'clusterId', [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS], em, true);
    if (!writesYearRecordsOf(caller.role, caller.scope, organizer)) throw forbidden('clusterId: you do not write this cluster’s entries');
    yearIn('year', e.year, 'next');
    score0to100('score', e.score);
    const unit = await unitById(em, e.unitId);
    // An entry kept from before stays valid though its unit has since moved elsewhere: it was in the cluster that year.
    const kept = before != null && unit?.id === before.unitId && e.year === before.year;
    if (!unit || (!kept && !strictlyBelow(unit, organizer))) {
      throw badInput('unitId', `unit ${String(e.unitId)} is not a unit below the cluster’s organising unit ${organizer.id}`);
    }
    openYear(organizer, e.year, 'year');
    openYear(unit, e.year, 'unitId');
    e.clusterId = cluster.id;
    e.unitId = unit.id;
    e.leaderSlot = leaderSlot(e.role);
    Object.assign(e, locationOf(organizer));
    // Friendlier than the unique keys alone (which still decide races).
    const others = (await this.repo(em).findBy({ clusterId: e.clusterId, year: e.year })).filter((o) => o.id !== before?.id);
    if (others.some((o) => o.unitId === e.unitId)) throw conflict(`unit ${e.unitId} is already entered in cluster ${e.clusterId} for ${e.year}`);
    if (e.leaderSlot && others.some((o) => o.leaderSlot)) throw conflict(`cluster ${e.clusterId} already has a LEADER for ${e.year}`);
  }

  protected duplicateRefusal(e: ClusterEntry, key: string): Error {
    if (dupKey(key, 'uq_cluster_entry_leader', 'leader_slot')) return conflict(`cluster ${e.clusterId} already has a LEADER for ${e.year}`);
    return conflict(`unit ${e.unitId} is already entered in cluster ${e.clusterId} for ${e.year}`);
  }

  /** 1 + the entries of the same cluster and year with a higher score (batched per request). */
  async rank(req: Req, e: ClusterEntry): Promise<number | null> {
    if (e.score == null) return null;
    const scores = await req.loaders
      .get(this.rankKey, async (keys) => {
        const pairs = keys.map((k) => k.split(':').map(Number));
        const rows = await this.repo()
          .createQueryBuilder('x')
          .select(['x.clusterId', 'x.year', 'x.score'])
          .where('x.cluster_id IN (:...ids)', { ids: [...new Set(pairs.map((p) => p[0]))] })
          .andWhere('x.year IN (:...years)', { years: [...new Set(pairs.map((p) => p[1]))] })
          .getMany();
        return groupByKeys(keys, rows, (r) => `${r.clusterId}:${r.year}`).map((g) => g.map((r) => r.score));
      })
      .load(`${e.clusterId}:${e.year}`);
    return clusterRank(e.score, scores);
  }
}

/**
 * Annual ratings: by the level above the rated unit (auth/permissions.ts ratingRefusal), one per unit
 * and year, of a Union, GrassrootsUnion or Team (a federation is rated by the confederation, outside
 * the system). `appraisedByUnitId` is the rated unit's parent, set here: on an update, the parent
 * that now writes it (after a move, the new one).
 */
export class AnnualRatingService extends ResourceService<AnnualRating> {
  constructor(db: Db, audit: AuditService, private readonly org: OrgService) {
    super(AnnualRatingResource, db, audit);
  }

  private async rated(em: EntityManager, caller: Caller, unitId: unknown): Promise<{ unit: OrgUnit; parent: OrgUnit }> {
    const unit = await this.org.writable(caller, unitId as string, 'unitId', [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS, OrgLevel.TEAM], em, true);
    if (unit.level === OrgLevel.FEDERATION || unit.parentId == null) throw badInput('unitId', 'a federation is rated by the confederation, not in this system');
    const parent = await em.getRepository(OrgUnit).findOneByOrFail({ id: unit.parentId });
    const refusal = ratingRefusal(caller.role, caller.scope, parent);
    if (refusal) throw new AppError('FORBIDDEN', `unitId: ${refusal}`, { field: 'unitId' });
    return { unit, parent };
  }

  protected async prepare(em: EntityManager, caller: Caller, r: AnnualRating) {
    const { unit, parent } = await this.rated(em, caller, r.unitId);
    yearIn('year', r.year, 'done');
    score0to100('score', r.score);
    openYear(unit, r.year, 'year');
    r.unitId = unit.id;
    r.appraisedByUnitId = parent.id;
    Object.assign(r, locationOf(unit));
    const other = await this.repo(em).findOneBy({ unitId: r.unitId, year: r.year });
    if (other && other.id !== r.id) throw conflict(`unit ${r.unitId} already has a rating for ${r.year}`);
  }

  protected async prepareDelete(em: EntityManager, caller: Caller, r: AnnualRating) {
    await this.rated(em, caller, r.unitId);
  }

  protected duplicateRefusal(r: AnnualRating): Error {
    return conflict(`unit ${r.unitId} already has a rating for ${r.year}`);
  }
}

const CODE = /^[A-Z][A-Z0-9_]{1,47}$/;

/**
 * The indicator catalogue: global, written by SYSTEM_ADMIN. Codes are unique and fixed once made
 * (imports and the year report find indicators by code); deleting deactivates (targets keep theirs).
 */
export class IndicatorService extends ResourceService<Indicator> {
  constructor(db: Db, audit: AuditService) {
    super(IndicatorResource, db, audit);
  }

  protected async prepare(em: EntityManager, _caller: Caller, i: Indicator) {
    if (!CODE.test(i.code ?? '')) throw badInput('code', '2–48 capital letters, digits or _, starting with a letter');
    const other = await this.repo(em).findOneBy({ code: i.code });
    if (other && other.id !== i.id) throw badInput('code', `${i.code} already exists`);
    i.searchKey = searchKey(i.code, i.name).slice(0, 300);
  }

  protected duplicateRefusal(i: Indicator): Error {
    return badInput('code', `${i.code} already exists`);
  }

  protected auditUnit(): number | null {
    return null;
  }

  /** Deactivates: the targets of past years keep their indicator. Audited as a DELETE, with the row before and after. */
  async remove(caller: Caller, id: number): Promise<Indicator> {
    return this.db.transaction(async (em) => {
      const row = await this.writableRow(em, caller, id);
      const before = { ...row };
      row.active = false;
      await this.repo(em).save(row);
      await this.audit.record(em, caller, { action: 'DELETE', entityType: this.resource.name, entityId: id, unitId: null, before, after: row });
      return row;
    });
  }

  async ensureCatalogue(rows: Omit<Indicator, 'id' | 'searchKey' | 'active'>[]): Promise<number> {
    const have = new Set((await this.repo().find({ select: { code: true } })).map((i) => i.code));
    const missing = rows.filter((r) => !have.has(r.code));
    if (missing.length) await this.repo().insert(missing.map((r) => ({ ...r, active: true, searchKey: searchKey(r.code, r.name).slice(0, 300) })));
    return missing.length;
  }
}

export class TargetService extends UnitRecordService<Target> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(TargetResource, db, audit, org);
  }

  protected async rules(em: EntityManager, _caller: Caller, t: Target, unit: OrgUnit, _input: Input, before: Target | null) {
    yearIn('year', t.year, 'plan');
    if (typeof t.planned !== 'number' || !Number.isFinite(t.planned) || t.planned <= 0) throw badInput('planned', 'must be more than 0');
    atMost('planned', t.planned, LIMITS.yearAmount);
    atLeast('actual', t.actual, 0);
    atMost('actual', t.actual, LIMITS.yearAmount);
    atLeast('reportedRate', t.reportedRate, 0);
    atMost('reportedRate', t.reportedRate, LIMITS.yearAmount);
    // The server computes the rate (actual ÷ planned × 100): a plan so small beside its result that
    // the rate is no finite number would break every read of the target (GraphQL has no Infinity).
    if (!Number.isFinite(targetRate(t.planned, t.actual) ?? 0)) throw badInput('planned', 'is too small for its actual: the rate would not be a number');
    const indicatorId = Number(t.indicatorId);
    const indicator = Number.isSafeInteger(indicatorId) ? await em.getRepository(Indicator).findOneBy({ id: indicatorId }) : null;
    if (!indicator) throw badInput('indicatorId', `indicator ${String(t.indicatorId)} does not exist`);
    // A deactivated indicator keeps its targets (they may still be corrected), but takes no new one.
    if (!indicator.active && indicator.id !== before?.indicatorId) throw badInput('indicatorId', `indicator ${indicator.code} is no longer used`);
    t.indicatorId = indicator.id;
    if (t.assignedByUnitId != null) {
      // An assigned plan comes from above: the assigning unit is an ancestor of the target's unit.
      const by = Number(t.assignedByUnitId);
      const ancestors = [unit.federationId, unit.unionId, unit.grassrootsUnionId, unit.teamId].filter((x) => x != null && x !== unit.id);
      if (!ancestors.includes(by)) throw badInput('assignedByUnitId', `unit ${String(t.assignedByUnitId)} is not above unit ${unit.id}`);
      t.assignedByUnitId = by;
    }
    const other = await this.repo(em).findOneBy({ unitId: t.unitId, year: t.year, indicatorId: t.indicatorId, source: t.source });
    if (other && other.id !== t.id) throw conflict(`unit ${t.unitId} already has a ${t.source} target of indicator ${indicator.code} for ${t.year}`);
  }

  protected recordYear(t: Target) {
    return { field: 'year', year: t.year };
  }

  protected duplicateRefusal(t: Target): Error {
    return conflict(`unit ${t.unitId} already has this target for ${t.year}`);
  }
}

export class WelfareRecordService extends UnitRecordService<WelfareRecord> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(WelfareRecordResource, db, audit, org);
  }

  protected async rules(em: EntityManager, _caller: Caller, w: WelfareRecord, unit: OrgUnit, _input: Input, before: WelfareRecord | null) {
    dateIn('date', w.date, 'done');
    if (!notInFuture(w.date, today())) throw badInput('date', 'cannot be in the future');
    w.year = Number(w.date.slice(0, 4));
    atLeast('count', w.count, 1, true);
    atMost('count', w.count, LIMITS.yearCount);
    if (typeof w.amount !== 'number' || !isWholeVnd(w.amount)) throw badInput('amount', 'must be whole đồng, not negative');
    atMost('amount', w.amount, LIMITS.yearAmount);
    // The member helped stays on the record after leaving the unit; a member named now must be of its subtree.
    if (w.memberId != null && w.memberId !== before?.memberId) w.memberId = (await memberOf(em, unit, w.memberId, 'memberId')).id;
  }

  protected recordYear(w: WelfareRecord) {
    return { field: 'date', year: w.year };
  }
}

/** Initiatives and their authors (members of the initiative unit's subtree, at least one). */
export class InitiativeService extends UnitRecordService<Initiative> {
  private readonly authorsKey = new LoaderKey<number, number[]>('Initiative.authors');

  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(InitiativeResource, db, audit, org);
  }

  private async recordedAuthors(em: EntityManager, initiativeId: number): Promise<number[]> {
    return (await em.getRepository(InitiativeAuthor).findBy({ initiativeId })).map((a) => a.memberId).sort((a, b) => a - b);
  }

  protected async rules(em: EntityManager, _caller: Caller, i: Initiative, unit: OrgUnit, input: Input, before: Initiative | null) {
    yearIn('year', i.year, 'done');
    atLeast('benefit', i.benefit, 0);
    if (i.benefit != null && !isWholeVnd(i.benefit)) throw badInput('benefit', 'must be whole đồng');
    atMost('benefit', i.benefit, LIMITS.yearAmount);
    i.searchKey = searchKey(i.title).slice(0, 600);
    if (input.authorMemberIds === undefined && before) return;
    if (!Array.isArray(input.authorMemberIds) || input.authorMemberIds.length === 0) throw badInput('authorMemberIds', 'at least one author');
    const ids = input.authorMemberIds.map((x) => parseId('authorMemberIds', x));
    if (ids.length > 100) throw badInput('authorMemberIds', 'at most 100 authors');
    const recorded = before ? await this.recordedAuthors(em, before.id) : [];
    for (const id of authorsToCheck(recorded, ids)) await memberOf(em, unit, id, 'authorMemberIds');
    (i as Initiative & { authors?: number[] }).authors = [...new Set(ids)].sort((a, b) => a - b);
  }

  protected recordYear(i: Initiative) {
    return { field: 'year', year: i.year };
  }

  async authorIds(req: Req, initiativeId: number): Promise<number[]> {
    return req.loaders
      .get(this.authorsKey, async (ids) => {
        const rows = await this.db.ds.getRepository(InitiativeAuthor).findBy({ initiativeId: In([...ids]) });
        return groupByKeys(ids, rows, (r) => r.initiativeId).map((g) => g.map((r) => r.memberId).sort((a, b) => a - b));
      })
      .load(initiativeId);
  }

  /** The authors chosen in `rules`, written with the initiative in its transaction. */
  protected async afterSave(em: EntityManager, i: Initiative): Promise<void> {
    const authors = (i as Initiative & { authors?: number[] }).authors;
    if (!authors) return;
    await em.getRepository(InitiativeAuthor).delete({ initiativeId: i.id });
    await em.getRepository(InitiativeAuthor).insert(authors.map((memberId) => ({ initiativeId: i.id, memberId })));
  }

  /** The authors go with the initiative; the audit row keeps who they were. */
  protected async prepareDelete(em: EntityManager, _caller: Caller, i: Initiative) {
    (i as Initiative & { authors?: number[] }).authors = await this.recordedAuthors(em, i.id);
    await em.getRepository(InitiativeAuthor).delete({ initiativeId: i.id });
  }
}

/**
 * Congresses. Deleting one deletes the seats it elected with it (each with its own audit row): a
 * seat means nothing without its congress, and a congress entered by mistake must be removable.
 */
export class CongressService extends UnitRecordService<Congress> {
  constructor(db: Db, audit: AuditService, org: OrgService) {
    super(CongressResource, db, audit, org, 'unitId', [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS]);
  }

  protected async rules(_em: EntityManager, _caller: Caller, c: Congress) {
    dateIn('heldOn', c.heldOn, 'plan');
    yearIn('termStartYear', c.termStartYear, 'plan');
    if (!Number.isInteger(c.termEndYear) || c.termEndYear <= c.termStartYear) throw badInput('termEndYear', 'must be after termStartYear');
    if (c.termEndYear > c.termStartYear + 10) throw badInput('termEndYear', 'a term lasts at most 10 years');
    atLeast('convenedCount', c.convenedCount, 1, true);
    atMost('convenedCount', c.convenedCount, LIMITS.yearCount);
    atLeast('attendedCount', c.attendedCount, 0, true);
    if (c.attendedCount > c.convenedCount) throw badInput('attendedCount', 'cannot exceed convenedCount');
  }

  protected recordYear(c: Congress) {
    return { field: 'heldOn', year: Number(c.heldOn.slice(0, 4)) };
  }

  protected async prepareDelete(em: EntityManager, caller: Caller, c: Congress) {
    const seats = await em.getRepository(CommitteeSeat).find({ where: { congressId: c.id }, order: { id: 'ASC' } });
    for (const s of seats) {
      await em.getRepository(CommitteeSeat).delete(s.id);
      await this.audit.record(em, caller, { action: 'DELETE', entityType: 'CommitteeSeat', entityId: s.id, unitId: s.teamId ?? s.grassrootsUnionId ?? s.unionId ?? s.federationId, before: s });
    }
  }
}

/** Seats elected by a congress: located where the congress's unit is; one CHAIR per congress. */
export class CommitteeSeatService extends ResourceService<CommitteeSeat> {
  private readonly seatsKey = new LoaderKey<number, CommitteeSeat[]>('CommitteeSeat.ofCongress');

  constructor(db: Db, audit: AuditService, private readonly org: OrgService, private readonly congresses: CongressService) {
    super(CommitteeSeatResource, db, audit);
  }

  protected async prepare(em: EntityManager, caller: Caller, s: CommitteeSeat, _input: Input, before: CommitteeSeat | null) {
    const congress = await this.congresses.scoped(caller, em).andWhere(`${this.congresses.alias}.id = :id`, { id: Number(s.congressId) }).getOne();
    if (!congress) throw new AppError('NOT_FOUND', `congressId: congress ${String(s.congressId)} not found`, { field: 'congressId' });
    const unit = await this.org.writable(caller, congress.unitId, 'congressId', [OrgLevel.FEDERATION, OrgLevel.UNION, OrgLevel.GRASSROOTS], em, true);
    if (!writesYearRecordsOf(caller.role, caller.scope, unit)) throw forbidden('congressId: you do not write this congress’s records');
    // The member elected stays on the seat after leaving the unit; a member named now must be of its subtree.
    s.memberId = Number(s.memberId) === before?.memberId ? before.memberId : (await memberOf(em, unit, s.memberId, 'memberId')).id;
    s.congressId = congress.id;
    s.chairSlot = chairSlot(s.position);
    Object.assign(s, locationOf(unit));
    const others = (await this.repo(em).findBy({ congressId: s.congressId })).filter((o) => o.id !== before?.id);
    if (s.chairSlot && others.some((o) => o.chairSlot)) throw conflict(`congress ${s.congressId} already elected a CHAIR`);
    if (others.some((o) => o.memberId === s.memberId && o.position === s.position)) throw conflict(`member ${s.memberId} already holds this seat`);
  }

  protected duplicateRefusal(s: CommitteeSeat, key: string): Error {
    if (dupKey(key, 'uq_committee_seat_chair', 'chair_slot')) return conflict(`congress ${s.congressId} already elected a CHAIR`);
    return conflict(`member ${s.memberId} already holds this seat`);
  }

  ofCongress(req: Req, congressId: number): Promise<CommitteeSeat[]> {
    const caller = req.caller;
    return req.loaders
      .get(this.seatsKey, async (ids) => {
        const rows = await this.scoped(caller).andWhere(`${this.alias}.congress_id IN (:...ids)`, { ids }).orderBy(`${this.alias}.id`, 'ASC').getMany();
        return groupByKeys(ids, rows, (s) => s.congressId);
      })
      .load(congressId);
  }
}

/** Rule thresholds (global data with their regulation). Codes are fixed once made: rules read them by code. */
export class RuleThresholdService extends ResourceService<RuleThreshold> {
  constructor(db: Db, audit: AuditService) {
    super(RuleThresholdResource, db, audit);
  }

  protected async prepare(_em: EntityManager, _caller: Caller, t: RuleThreshold) {
    if (!CODE.test(t.code ?? '')) throw badInput('code', '2–48 capital letters, digits or _, starting with a letter');
    dateIn('effectiveFrom', t.effectiveFrom, 'plan');
    atLeast('value', t.value, 0);
    atMost('value', t.value, LIMITS.yearAmount);
  }

  protected async prepareDelete(em: EntityManager, _caller: Caller, t: RuleThreshold) {
    const why = thresholdDeleteRefusal(await this.repo(em).countBy({ code: t.code }));
    if (why) throw conflict(`${t.code}: ${why}`);
  }

  protected duplicateRefusal(t: RuleThreshold): Error {
    return conflict(`${t.code} already has a value from ${t.effectiveFrom}`);
  }

  protected auditUnit(): number | null {
    return null;
  }

  /** The value of a threshold in force in a year (the latest effective on or before 31 December). */
  async valueFor(code: string, year: number, em?: EntityManager): Promise<{ value: number; regulation: string }> {
    const row = await this.repo(em)
      .createQueryBuilder('t')
      .where('t.code = :code AND t.effective_from <= :end', { code, end: `${year}-12-31` })
      .orderBy('t.effective_from', 'DESC')
      .getOne();
    if (!row) throw notFound('RuleThreshold', code);
    return { value: row.value, regulation: row.regulation };
  }

  async ensureCatalogue(rows: Omit<RuleThreshold, 'id'>[]): Promise<number> {
    let added = 0;
    for (const r of rows) {
      if (await this.repo().existsBy({ code: r.code, effectiveFrom: r.effectiveFrom })) continue;
      await this.repo().insert(r);
      added++;
    }
    return added;
  }
}
