import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AwardType, AWARD_TYPE_TEXT, AwardTypeResource, NomineeKind } from './award-type.entity';
import { AWARD_CATALOGUE } from './catalogue';
import { OrgLevel } from '../org/org-level';
import { Caller } from '../auth/caller';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { fitKey, searchKey } from '../common/text';
import { checkText, parseId } from '../common/input';
import { rowById } from '../kit/rows';
import { ResourceService } from '../kit/service';
import type { ListArgsLike } from '../common/list';
import { OrgUnit } from '../org/org-unit.entity';
import { unitInScope } from '../auth/scope';
import { levelChain } from './workflow';

/** An award type's search key (code and name without diacritics), cut to its column. */
const typeSearchKey = (code: string | null | undefined, name: string | null | undefined) => fitKey(searchKey(code, name), AWARD_TYPE_TEXT.searchKey);

export interface AwardTypeInput {
  code?: string | null;
  name?: string | null;
  nomineeKind?: NomineeKind | null;
  decidingLevel?: OrgLevel | null;
  oncePerLifetime?: boolean | null;
  active?: boolean | null;
}

/** The award catalogue: global (no scope), read by every role, written by SYSTEM_ADMIN. */
/** The unique key on codes refusing a write that lost a race (taken after this one checked): the check's own refusal. */
const codeRace = (code: string) => (e: unknown) => Promise.reject(Db.isDuplicateKey(e) ? badInput('code', `${code} already exists`, { rule: 'TAKEN' }) : e);

export class AwardTypeService extends ResourceService<AwardType> {
  constructor(db: Db, audit: AuditService) {
    super(AwardTypeResource, db, audit);
  }

  /**
   * `proposableBy: unitId` becomes `decidingLevel IN` the unit's chain (its own level, its
   * ancestors' and CONFEDERATION), the rule createNomination applies: a nomination form offers only
   * what the server would accept. A unit outside the caller's scope is NOT_FOUND, as everywhere.
   */
  private async resolveFilter(caller: Caller, filter: object | null | undefined): Promise<object | null | undefined> {
    const f = { ...((filter ?? {}) as Record<string, unknown>) };
    if (f.proposableBy == null) return filter;
    const id = parseId('proposableBy', f.proposableBy);
    delete f.proposableBy;
    const unit = await this.db.ds.getRepository(OrgUnit).findOneBy({ id });
    if (!unit || !unitInScope(caller.scope, unit)) throw notFound('OrgUnit', id);
    const chain = levelChain(unit.level, unit.unionId != null);
    const asked = f.decidingLevel == null ? null : ([] as unknown[]).concat(f.decidingLevel);
    f.decidingLevel = asked ? chain.filter((l) => asked.includes(l)) : chain;
    if (!(f.decidingLevel as unknown[]).length) f.decidingLevel = ['NONE'];
    return f;
  }

  protected listFilter(qb: SelectQueryBuilder<AwardType>, caller: Caller, filter: Record<string, unknown>): Record<string, unknown> {
    const { proposableBy, ...rest } = filter;
    // Resolved by list and count before the query is built; any other path reads no row for it.
    if (proposableBy != null) qb.andWhere('1=0');
    return rest;
  }

  async list(caller: Caller, args: ListArgsLike): Promise<AwardType[]> {
    return super.list(caller, { ...args, filter: await this.resolveFilter(caller, args.filter) });
  }

  async count(caller: Caller, filter: object | null | undefined): Promise<number> {
    return super.count(caller, await this.resolveFilter(caller, filter));
  }

  /** Adds the catalogue's missing codes; existing rows are left as administrators keep them. */
  async ensureCatalogue(): Promise<number> {
    const have = new Set((await this.repo().find({ select: { code: true } })).map((t) => t.code));
    const missing = AWARD_CATALOGUE.filter((t) => !have.has(t.code));
    if (missing.length) {
      await this.repo().insert(
        missing.map((t) => ({ ...t, oncePerLifetime: t.oncePerLifetime ?? false, active: true, searchKey: searchKey(t.code, t.name) })),
      );
    }
    return missing.length;
  }

  /** An award type by id inside a transaction (the workflow's rules read it). */
  async load(id: number, em?: EntityManager): Promise<AwardType> {
    const t = await rowById(em ?? this.db.ds.manager, AwardType, id);
    if (!t) throw notFound('AwardType', id);
    return t;
  }

  private validate(input: AwardTypeInput, creating: boolean) {
    if (creating || input.code != null) {
      // One bounded quantifier over one character class: linear, and the width is the column's.
      if (!input.code || !/^[A-Z0-9_]{2,32}$/.test(input.code)) throw badInput('code', '2–32 capital letters, digits or _');
    }
    if (creating || input.name != null) {
      checkText('name', input.name, AWARD_TYPE_TEXT.name);
      if (!input.name?.trim()) throw badInput('name', 'is required');
    }
    if (creating && !input.nomineeKind) throw badInput('nomineeKind', 'is required');
    if (creating && !input.decidingLevel) throw badInput('decidingLevel', 'is required');
    if (input.decidingLevel === OrgLevel.TEAM) throw badInput('decidingLevel', 'a team does not decide awards');
  }

  async create(caller: Caller, input: AwardTypeInput): Promise<AwardType> {
    this.validate(input, true);
    return this.db.transaction(async (em) => {
      if (await this.repo(em).exists({ where: { code: input.code! } })) throw badInput('code', `${input.code} already exists`);
      const t = this.repo(em).create({
        code: input.code!,
        name: input.name!.trim(),
        nomineeKind: input.nomineeKind!,
        decidingLevel: input.decidingLevel!,
        oncePerLifetime: input.oncePerLifetime ?? false,
        active: input.active ?? true,
        searchKey: typeSearchKey(input.code, input.name),
      });
      await this.repo(em).save(t).catch(codeRace(t.code));
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'AwardType', entityId: t.id, unitId: null, after: t });
      return t;
    });
  }

  async update(caller: Caller, id: number, input: AwardTypeInput, action: 'UPDATE' | 'DELETE' = 'UPDATE'): Promise<AwardType> {
    this.validate(input, false);
    return this.db.transaction(async (em) => {
      const t = await this.load(id, em);
      const before = { ...t };
      if (input.code != null && input.code !== t.code) {
        if (await this.repo(em).exists({ where: { code: input.code } })) throw badInput('code', `${input.code} already exists`);
        t.code = input.code;
      }
      if (input.name != null) t.name = input.name.trim();
      if (input.nomineeKind != null) t.nomineeKind = input.nomineeKind;
      if (input.decidingLevel != null) t.decidingLevel = input.decidingLevel;
      if (input.oncePerLifetime != null) t.oncePerLifetime = input.oncePerLifetime;
      if (input.active != null) t.active = input.active;
      t.searchKey = typeSearchKey(t.code, t.name);
      await this.repo(em).save(t).catch(codeRace(t.code));
      await this.audit.record(em, caller, { action, entityType: 'AwardType', entityId: id, unitId: null, before, after: t });
      return t;
    });
  }

  /**
   * Award types stay for the history of their awards: delete deactivates (no new nominations),
   * audited as a DELETE as the other deletes that deactivate (accounts, indicators, units).
   */
  remove(caller: Caller, id: number): Promise<AwardType> {
    return this.update(caller, id, { active: false }, 'DELETE');
  }
}
