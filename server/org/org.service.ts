import { EntityManager } from 'typeorm';
import { OrgUnit, OrgUnitMove, UNIT_TEXT } from './org-unit.entity';
import { ANCESTOR_COLUMN, OrgLevel, PARENT_LEVELS, UnitLevel } from './org-level';
import { Member, MemberStatus } from '../member/member.entity';
import { Caller } from '../auth/caller';
import { CallerCache } from '../auth/caller-cache';
import { scopePredicate, unitInScope } from '../auth/scope';
import { hasPermission, Permission, WRITE_UNIT_PERMISSION } from '../auth/permissions';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/errors';
import { fitKey, searchKey } from '../common/text';
import { checkText, optionalId, parseId } from '../common/input';
import { today } from '../common/clock';
import { snake } from '../db/naming';
import { byKeys, groupByKeys, JoinableById, LoaderFamily, LoaderKey, Req } from '../kit/loaders';
import { relocateSubtree } from '../kit/located';
import { ResourceService } from '../kit/service';
import { readRow, readRows } from '../kit/rows';
import { Resource } from '../kit/resource';
import { SelectQueryBuilder } from 'typeorm';

export const LEVEL_TYPE_NAME: Record<UnitLevel, string> = {
  FEDERATION: 'Federation',
  UNION: 'Union',
  GRASSROOTS: 'GrassrootsUnion',
  TEAM: 'Team',
};

export interface UnitInput {
  name?: string | null;
  code?: string | null;
  federationId?: string | null;
  unionId?: string | null;
  grassrootsUnionId?: string | null;
  active?: boolean | null;
}

/** The parent an update asks for (null: no change asked), and the argument that named it. */
export function desiredParent(unit: OrgUnit, input: UnitInput): { id: number; field: string } | null {
  // undefined: not given; null: given empty (react-admin sends "" for a cleared reference).
  const ref = (field: 'federationId' | 'unionId' | 'grassrootsUnionId') => (input[field] === undefined ? undefined : optionalId(field, input[field]));
  const parent = (field: 'federationId' | 'unionId' | 'grassrootsUnionId') => {
    const id = ref(field);
    return id == null ? null : { id, field };
  };
  switch (unit.level) {
    case 'UNION':
      return parent('federationId');
    case 'TEAM':
      return parent('grassrootsUnionId');
    case 'GRASSROOTS': {
      const unionId = ref('unionId');
      if (unionId != null) return { id: unionId, field: 'unionId' };
      // unionId given empty, or a unit already directly under its federation: federationId is the parent.
      const federation = parent('federationId');
      return federation && (unionId === null || unit.unionId === null) ? federation : null;
    }
    default:
      return null;
  }
}


/** A unit's search key (name and code without diacritics), cut to its column. */
const unitSearchKey = (name: string, code: string | null) => fitKey(searchKey(name, code), UNIT_TEXT.searchKey);

/** Ancestor columns of a unit placed under `parent` (its own column is set once its id is known). */
function ancestorsUnder(parent: OrgUnit | null): Pick<OrgUnit, 'federationId' | 'unionId' | 'grassrootsUnionId' | 'teamId'> {
  return {
    federationId: parent?.federationId ?? null,
    unionId: parent?.unionId ?? null,
    grassrootsUnionId: parent?.grassrootsUnionId ?? null,
    teamId: null,
  };
}

function plain(u: OrgUnit) {
  const { id, level, name, code, parentId, federationId, unionId, grassrootsUnionId, teamId, active, dissolvedAt } = u;
  return { id, level, name, code, parentId, federationId, unionId, grassrootsUnionId, teamId, active, dissolvedAt };
}

export class OrgService implements JoinableById<OrgUnit> {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly callers: CallerCache,
  ) {}

  private readonly byIdKey = new LoaderKey<number, OrgUnit | null>('OrgUnit.byId');
  private readonly childrenKeys = new LoaderFamily<string, number, OrgUnit[]>('OrgUnit.children');

  private repo(em?: EntityManager) {
    return (em ?? this.db.ds.manager).getRepository(OrgUnit);
  }

  /** Units of `level` the caller may see; `withAncestors` also admits the scope unit's ancestors. */
  private scoped(caller: Caller, level: UnitLevel | null, withAncestors: boolean, em?: EntityManager) {
    const qb = this.repo(em).createQueryBuilder('u');
    const scope = scopePredicate(caller.scope, 'u', { via: 'ancestors' }, withAncestors);
    qb.where(scope.sql, scope.params);
    if (level) qb.andWhere('u.level = :level', { level });
    return qb;
  }

  /** Any unit by id, whatever its level (`orgUnit`): in scope or an ancestor of the scope unit. */
  async get(caller: Caller, id: number): Promise<OrgUnit> {
    const unit = await readRow(this.scoped(caller, null, true).andWhere('u.id = :id', { id }));
    if (!unit) throw notFound('OrgUnit', id);
    return unit;
  }

  /** Batched read by id of any unit (parent objects, references): the scope and its ancestors; null when invisible. */
  byId(req: Req, id: number | null | undefined): Promise<OrgUnit | null> {
    if (id == null || !hasPermission(req.caller.role, Permission.ReadOrg)) return Promise.resolve(null);
    return req.loaders.get(this.byIdKey, this.byIdBatch(req.caller)).load(id);
  }

  private byIdBatch(caller: Caller) {
    return async (ids: readonly number[]) => byKeys(ids, await readRows(this.scoped(caller, null, true).andWhere('u.id IN (:...ids)', { ids })), (u) => u.id);
  }

  /** `byId`'s condition for a list's LEFT JOIN (kit/loaders.ts JoinableById). */
  byIdJoin(caller: Caller, alias: string) {
    if (!hasPermission(caller.role, Permission.ReadOrg)) return null;
    return { entity: OrgUnit, ...scopePredicate(caller.scope, alias, { via: 'ancestors' }, true) };
  }

  /** Units have no personal fields. */
  present(caller: Caller, row: OrgUnit): OrgUnit {
    void caller;
    return row;
  }

  /** The org unit union (OrgUnit) tells a unit's type by its level. */
  readonly typeColumns = ['level'] as const;

  prime(req: Req, id: number, row: OrgUnit | null): void {
    req.loaders.prime(this.byIdKey, this.byIdBatch(req.caller), id, row);
  }

  /** `byId`, answered at once when the request's list already read the unit. */
  byIdNow(req: Req, id: number | null | undefined): OrgUnit | null | Promise<OrgUnit | null> {
    if (id == null || !hasPermission(req.caller.role, Permission.ReadOrg)) return null;
    const known = req.loaders.now(this.byIdKey, id);
    return known !== undefined ? known : this.byId(req, id);
  }

  /** Batched children of the given level under parents, by the parent's ancestor column; strictly in scope. */
  children(req: Req, parentLevel: UnitLevel, childLevel: UnitLevel, parentId: number): Promise<OrgUnit[]> {
    const caller = req.caller;
    const column = ANCESTOR_COLUMN[parentLevel];
    return req.loaders
      .get(this.childrenKeys.of(`${parentLevel}>${childLevel}`), async (ids) => {
        const rows = await this.scoped(caller, childLevel, false)
          .andWhere(`u.${snake(column)} IN (:...ids)`, { ids })
          .andWhere('u.active = :active', { active: 1 })
          .orderBy('u.name', 'ASC')
          .getMany();
        return groupByKeys(ids, rows, (u) => u[column] as number);
      })
      .load(parentId);
  }

  history(unitId: number): Promise<OrgUnitMove[]> {
    return this.db.ds.getRepository(OrgUnitMove).find({ where: { unitId }, order: { id: 'ASC' } });
  }

  /**
   * A unit the caller may write, of one of `levels`. Out of scope reads as NOT_FOUND; a readable
   * ancestor of the caller's scope answers FORBIDDEN (it exists for the caller, but is not theirs).
   */
  async writable(
    caller: Caller,
    id: number | string | null | undefined,
    field: string,
    levels: UnitLevel[],
    em?: EntityManager,
    allowDissolved = false,
  ): Promise<OrgUnit> {
    if (id == null || id === '') throw badInput(field, 'a unit id is required');
    const n = parseId(field, id);
    const unit = await this.scoped(caller, null, true, em).andWhere('u.id = :id', { id: n }).getOne();
    if (!unit) throw new AppError('NOT_FOUND', `${field}: unit ${n} not found`, { field });
    if (!unitInScope(caller.scope, unit)) throw forbidden(`${field}: unit ${n} is outside your scope`, { rule: 'OUT_OF_SCOPE', field });
    if (!levels.includes(unit.level)) throw badInput(field, `unit ${n} is a ${LEVEL_TYPE_NAME[unit.level]}, expected ${levels.map((l) => LEVEL_TYPE_NAME[l]).join(' or ')}`, { rule: 'WRONG_LEVEL' });
    if (!unit.active && !allowDissolved) throw badInput(field, `unit ${n} is dissolved`, { rule: 'UNIT_DISSOLVED' });
    return unit;
  }

  /** The parent a new or moved unit of `level` goes under, from the arguments. */
  private async parentFromInput(caller: Caller, level: UnitLevel, input: UnitInput, em: EntityManager): Promise<OrgUnit | null> {
    switch (level) {
      case OrgLevel.FEDERATION:
        return null;
      case OrgLevel.UNION:
        return this.writable(caller, input.federationId, 'federationId', [OrgLevel.FEDERATION], em);
      case OrgLevel.TEAM:
        return this.writable(caller, input.grassrootsUnionId, 'grassrootsUnionId', [OrgLevel.GRASSROOTS], em);
      case OrgLevel.GRASSROOTS: {
        const unionId = optionalId('unionId', input.unionId);
        const federationId = optionalId('federationId', input.federationId);
        if (unionId != null) {
          const union = await this.writable(caller, unionId, 'unionId', [OrgLevel.UNION], em);
          if (federationId != null && federationId !== union.federationId) {
            throw badInput('federationId', `union ${union.id} belongs to federation ${union.federationId}`);
          }
          return union;
        }
        if (federationId == null) throw badInput('unionId', 'give unionId, or federationId for a grassroots union directly under a federation');
        return this.writable(caller, federationId, 'federationId', [OrgLevel.FEDERATION], em);
      }
    }
  }

  private validateName(name: string | null | undefined, required: boolean): string | undefined {
    if (name === undefined || name === null) {
      if (required) throw badInput('name', 'is required');
      return undefined;
    }
    checkText('name', name, UNIT_TEXT.name);
    const n = name.trim();
    if (!n) throw badInput('name', 'must not be empty');
    return n;
  }

  private validateCode(code: string | null | undefined): string | null | undefined {
    if (code === undefined) return undefined;
    if (code === null || !code.trim()) return null;
    checkText('code', code.trim(), UNIT_TEXT.code);
    return code.trim();
  }

  private async assertCodeFree(em: EntityManager, code: string | null | undefined, exceptId?: number) {
    if (!code) return;
    const other = await this.repo(em).findOne({ where: { code }, select: { id: true } });
    if (other && other.id !== exceptId) throw badInput('code', `code ${code} is already used by unit ${other.id}`, { rule: 'TAKEN' });
  }

  /**
   * Two live teams of one grassroots union never share a name (ignoring case and spacing): members
   * are placed by team name (the import's "Tổ công đoàn" column), so a second "Tổ 1" would be
   * ambiguous. Dissolved teams keep their names. BAD_USER_INPUT on name, rule DUPLICATE_NAME.
   */
  private async assertTeamNameFree(em: EntityManager, parentId: number | null, name: string, exceptId?: number) {
    if (parentId == null) return;
    const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
    const siblings = await this.repo(em).find({ where: { parentId, level: OrgLevel.TEAM, active: true }, select: { id: true, name: true } });
    const other = siblings.find((t) => t.id !== exceptId && norm(t.name) === norm(name));
    if (other) throw badInput('name', `grassroots union ${parentId} already has a team named ${JSON.stringify(other.name)} (unit ${other.id})`, { rule: 'DUPLICATE_NAME' });
  }

  async create(caller: Caller, level: UnitLevel, input: UnitInput): Promise<OrgUnit> {
    const name = this.validateName(input.name, true)!;
    const code = this.validateCode(input.code) ?? null;
    return this.db.transaction(async (em) => {
      const parent = await this.parentFromInput(caller, level, input, em);
      await this.assertCodeFree(em, code);
      if (level === OrgLevel.TEAM) await this.assertTeamNameFree(em, parent?.id ?? null, name);
      const unit = this.repo(em).create({
        level,
        name,
        code,
        parentId: parent?.id ?? null,
        ...ancestorsUnder(parent),
        searchKey: unitSearchKey(name, code),
        active: true,
        dissolvedAt: null,
      });
      await this.repo(em).save(unit).catch((e) => Promise.reject(Db.isDuplicateKey(e) ? badInput('code', `code ${code} is already used`, { rule: 'TAKEN' }) : e));
      // A unit is inside its own subtree: its own ancestor column names itself.
      unit[ANCESTOR_COLUMN[level]] = unit.id;
      await this.repo(em).update(unit.id, { [ANCESTOR_COLUMN[level]]: unit.id });
      await this.audit.record(em, caller, { action: 'CREATE', entityType: LEVEL_TYPE_NAME[level], entityId: unit.id, unitId: unit.id, after: plain(unit) });
      return unit;
    });
  }

  async update(caller: Caller, level: UnitLevel, id: number, input: UnitInput): Promise<OrgUnit> {
    const name = this.validateName(input.name, false);
    const code = this.validateCode(input.code);
    // An update may move the unit (a new parent field).
    return this.afterMove(this.db.transaction(async (em) => {
      // a dissolved unit may still be renamed or reactivated
      let unit = await this.writable(caller, id, 'id', [level], em, true);
      const before = plain(unit);
      // Changing the parent through update is a move (react-admin edit forms send the parent field).
      const target = desiredParent(unit, input);
      if (target && target.id !== unit.parentId) {
        const parent = await this.writable(caller, target.id, target.field, PARENT_LEVELS[level], em);
        unit = await this.moveInTx(em, caller, unit, parent);
      }
      if (code !== undefined) await this.assertCodeFree(em, code, id);
      const changes: Partial<OrgUnit> = {};
      if (name !== undefined) changes.name = name;
      if (code !== undefined) changes.code = code;
      if (input.active != null && input.active !== unit.active) {
        if (!input.active) await this.assertEmpty(em, unit);
        // A unit comes back to life only under a live parent.
        else if (unit.parentId && !(await this.repo(em).findOneByOrFail({ id: unit.parentId })).active) {
          throw badInput('active', `the parent unit ${unit.parentId} is dissolved: restore it first`, { rule: 'PARENT_DISSOLVED' });
        }
        changes.active = input.active;
        changes.dissolvedAt = input.active ? null : today();
      }
      const moved = !!target && target.id !== before.parentId;
      if (level === OrgLevel.TEAM && (name !== undefined || moved || changes.active === true) && (changes.active ?? unit.active)) {
        await this.assertTeamNameFree(em, unit.parentId, name ?? unit.name, unit.id);
      }
      if (Object.keys(changes).length) {
        Object.assign(unit, changes);
        unit.searchKey = unitSearchKey(unit.name, unit.code);
        await this.repo(em).update(id, { ...changes, searchKey: unit.searchKey }).catch((e) => Promise.reject(Db.isDuplicateKey(e) ? badInput('code', `code ${code} is already used`, { rule: 'TAKEN' }) : e));
        await this.audit.record(em, caller, { action: 'UPDATE', entityType: LEVEL_TYPE_NAME[level], entityId: id, unitId: id, before, after: plain(unit) });
      }
      return unit;
    }));
  }

  /** Refuses to dissolve a unit that still has live units or active members below it. */
  private async assertEmpty(em: EntityManager, unit: OrgUnit) {
    const column = snake(ANCESTOR_COLUMN[unit.level]);
    const units = await this.repo(em)
      .createQueryBuilder('u')
      .where(`u.${column} = :id AND u.id <> :id AND u.active = :active`, { id: unit.id, active: 1 })
      .getCount();
    const members = await em
      .getRepository(Member)
      .createQueryBuilder('m')
      .where(`m.${column} = :id AND m.status = :status`, { id: unit.id, status: MemberStatus.ACTIVE })
      .getCount();
    if (units || members) {
      throw conflict(`${LEVEL_TYPE_NAME[unit.level]} ${unit.id} still has ${units} unit(s) and ${members} active member(s): move or dissolve them first`, {
        rule: 'UNIT_NOT_EMPTY',
        units,
        members,
      });
    }
  }

  /** Units are never hard-deleted: delete dissolves an empty unit (active = false, dissolvedAt = today). */
  async remove(caller: Caller, level: UnitLevel, id: number): Promise<OrgUnit> {
    return this.db.transaction(async (em) => {
      const unit = await this.writable(caller, id, 'id', [level], em);
      await this.assertEmpty(em, unit);
      const before = plain(unit);
      unit.active = false;
      unit.dissolvedAt = today();
      await this.repo(em).update(id, { active: false, dissolvedAt: unit.dissolvedAt });
      await this.audit.record(em, caller, { action: 'DELETE', entityType: LEVEL_TYPE_NAME[level], entityId: id, unitId: id, before, after: plain(unit) });
      return unit;
    });
  }

  async move(caller: Caller, id: number, parentId: string | number): Promise<OrgUnit> {
    return this.afterMove(this.db.transaction(async (em) => {
      const found = await this.scoped(caller, null, true, em).andWhere('u.id = :id', { id }).getOne();
      if (!found) throw notFound('OrgUnit', id);
      if (!hasPermission(caller.role, WRITE_UNIT_PERMISSION[found.level])) throw forbidden(`your role cannot move a ${LEVEL_TYPE_NAME[found.level]}`, { rule: 'PERMISSION' });
      const unit = await this.writable(caller, id, 'id', [found.level], em);
      if (unit.level === OrgLevel.FEDERATION) throw badInput('id', 'a federation has no parent to move under');
      const parent = await this.writable(caller, parentId, 'parentId', PARENT_LEVELS[unit.level], em);
      if (parent.id === unit.parentId) return unit;
      return this.moveInTx(em, caller, unit, parent);
    }));
  }

  /** Once a move is committed, cached callers are forgotten: scopes in the subtree have new ancestors. */
  private async afterMove<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.callers.invalidate();
    return result;
  }

  /**
   * Re-parents `unit` and rewrites the ancestor columns of its whole subtree (units and members)
   * in the caller's transaction; each statement is one indexed UPDATE on the unit's own column.
   */
  private async moveInTx(em: EntityManager, caller: Caller, unit: OrgUnit, parent: OrgUnit): Promise<OrgUnit> {
    const before = plain(unit);
    const next = ancestorsUnder(parent);
    // Only the columns above the unit change; the unit's own column and those below stay.
    const set: Record<string, number | null> = { federationId: next.federationId };
    if (unit.level === OrgLevel.GRASSROOTS || unit.level === OrgLevel.TEAM) set.unionId = next.unionId;
    if (unit.level === OrgLevel.TEAM) set.grassrootsUnionId = next.grassrootsUnionId;
    // Compare-and-set on the old parent first: of two racing moves one wins, the other answers CONFLICT.
    const cas = await em.createQueryBuilder().update(OrgUnit).set({ parentId: parent.id }).where('id = :id AND parent_id = :old', { id: unit.id, old: unit.parentId }).execute();
    if (cas.affected !== 1) throw conflict(`${LEVEL_TYPE_NAME[unit.level]} ${unit.id} was moved by someone else; reload it`, { rule: 'STALE_VERSION' });
    await relocateSubtree(em, ANCESTOR_COLUMN[unit.level], unit.id, set);
    await em.insert(OrgUnitMove, { unitId: unit.id, fromParentId: unit.parentId, toParentId: parent.id, movedById: caller.user.id });
    Object.assign(unit, set, { parentId: parent.id });
    await this.audit.record(em, caller, { action: 'MOVE', entityType: LEVEL_TYPE_NAME[unit.level], entityId: unit.id, unitId: unit.id, before, after: plain(unit) });
    return unit;
  }
}

/**
 * The CRUD of one unit type: reads through the kit (scope, filters, pages), writes by the rules of
 * OrgService, which knows the tree. Dissolved units leave lists unless asked for (filter `active`)
 * or named by id.
 */
export class UnitService extends ResourceService<OrgUnit> {
  constructor(
    resource: Resource<OrgUnit>,
    private readonly level: UnitLevel,
    private readonly org: OrgService,
    db: Db,
    audit: AuditService,
  ) {
    super(resource, db, audit);
  }

  protected listFilter(qb: SelectQueryBuilder<OrgUnit>, _caller: Caller, filter: Record<string, unknown>) {
    if (filter.ids == null && filter.active == null) qb.andWhere(`${this.alias}.active = :active`, { active: 1 });
    return filter;
  }

  create(caller: Caller, input: UnitInput) {
    return this.org.create(caller, this.level, input);
  }

  update(caller: Caller, id: number, input: UnitInput) {
    return this.org.update(caller, this.level, id, input);
  }

  remove(caller: Caller, id: number) {
    return this.org.remove(caller, this.level, id);
  }
}
