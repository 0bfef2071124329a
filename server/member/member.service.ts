import { EntityManager } from 'typeorm';
import { Gender, Member, MemberStatus, PERSONAL_FIELDS } from './member.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgLevel } from '../org/org-level';
import { OrgService } from '../org/org.service';
import { Caller } from '../auth/caller';
import { scopePredicate } from '../auth/scope';
import { seesPersonalData } from '../auth/permissions';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { applyFilter, applySortAndPage, ListArgsLike, ListSpec } from '../common/list';
import { nameSortKey, searchKey } from '../common/text';
import { byKeys, Context } from '../graphql/context';
import { snake } from '../db/naming';

const MEMBER_SPEC: ListSpec = {
  fields: {
    fullName: { column: 'full_name', kind: 'string', sortColumn: 'sort_key' },
    gender: { column: 'gender', kind: 'enum' },
    status: { column: 'status', kind: 'enum' },
    cardNumber: { column: 'card_number', kind: 'string' },
    position: { column: 'position', kind: 'string' },
    ethnicity: { column: 'ethnicity', kind: 'string' },
    joinedAt: { column: 'joined_at', kind: 'date' },
    leftAt: { column: 'left_at', kind: 'date' },
    birthDate: { column: 'birth_date', kind: 'date', personal: true },
    phone: { column: 'phone', kind: 'string', personal: true },
    email: { column: 'email', kind: 'string', personal: true },
    nationalId: { column: 'national_id', kind: 'string', personal: true },
    federationId: { column: 'federation_id', kind: 'id' },
    unionId: { column: 'union_id', kind: 'id' },
    grassrootsUnionId: { column: 'grassroots_union_id', kind: 'id' },
    teamId: { column: 'team_id', kind: 'id' },
    createdAt: { column: 'created_at', kind: 'datetime' },
  },
  searchColumn: 'search_key',
  defaultSort: { field: 'fullName', order: 'ASC' },
};

export interface MemberInput {
  fullName?: string | null;
  gender?: Gender | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  nationalId?: string | null;
  joinedAt?: string | null;
  cardNumber?: string | null;
  position?: string | null;
  ethnicity?: string | null;
  occupation?: string | null;
  status?: MemberStatus | null;
  leftAt?: string | null;
  leftReason?: string | null;
  disciplinedFrom?: string | null;
  disciplinedUntil?: string | null;
  grassrootsUnionId?: string | null;
  teamId?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** Input rules, each a small pure check naming its field. */
export function validateMemberInput(input: MemberInput, creating: boolean): void {
  if (creating || input.fullName !== undefined) {
    const n = input.fullName?.trim();
    if (!n) throw badInput('fullName', 'is required');
    if (n.length > 160) throw badInput('fullName', 'at most 160 characters');
  }
  if (creating && !input.gender) throw badInput('gender', 'is required');
  for (const f of ['birthDate', 'joinedAt', 'leftAt', 'disciplinedFrom', 'disciplinedUntil'] as const) {
    const v = input[f];
    if (v == null || v === '') continue;
    if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v)) || new Date(v).toISOString().slice(0, 10) !== v) {
      throw badInput(f, 'expected a valid date yyyy-mm-dd');
    }
    if (v > today() && f !== 'disciplinedUntil') throw badInput(f, 'cannot be in the future');
  }
  if (input.disciplinedFrom && input.disciplinedUntil && input.disciplinedUntil < input.disciplinedFrom) {
    throw badInput('disciplinedUntil', 'is before the start of the discipline');
  }
  if (input.birthDate && input.joinedAt && input.joinedAt < input.birthDate) throw badInput('joinedAt', 'is before the birth date');
  if (input.email != null && input.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw badInput('email', 'is not an e-mail address');
  if (input.phone != null && input.phone !== '' && !/^\+?[0-9 .-]{8,15}$/.test(input.phone)) throw badInput('phone', 'is not a phone number');
  if (input.nationalId != null && input.nationalId !== '' && !/^(\d{9}|\d{12})$/.test(input.nationalId)) {
    throw badInput('nationalId', 'must have 9 or 12 digits (CMND or CCCD)');
  }
  if (input.cardNumber != null && input.cardNumber.length > 32) throw badInput('cardNumber', 'at most 32 characters');
}

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

function plain(m: Member) {
  const { sortKey: _s, searchKey: _k, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

export class MemberService {
  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly audit: AuditService,
  ) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.ds.manager).getRepository(Member);
  }

  private scoped(caller: Caller, em?: EntityManager) {
    const scope = scopePredicate(caller.scope, 'm', { via: 'ancestors' });
    return this.repo(em).createQueryBuilder('m').where(scope.sql, scope.params);
  }

  /** Analysts read personal fields as null: applied to every member this service returns. */
  private present<T extends Member | null>(caller: Caller, m: T): T {
    if (m && !seesPersonalData(caller.role)) for (const f of PERSONAL_FIELDS) m[f] = null;
    return m;
  }

  async list(caller: Caller, args: ListArgsLike): Promise<Member[]> {
    const opts = { personalAllowed: seesPersonalData(caller.role) };
    const qb = this.scoped(caller);
    applyFilter(qb, 'm', MEMBER_SPEC, args.filter, opts);
    applySortAndPage(qb, 'm', MEMBER_SPEC, args, opts);
    return (await qb.getMany()).map((m) => this.present(caller, m));
  }

  count(caller: Caller, filter: object | null | undefined): Promise<number> {
    const qb = this.scoped(caller);
    applyFilter(qb, 'm', MEMBER_SPEC, filter, { personalAllowed: seesPersonalData(caller.role) });
    return qb.getCount();
  }

  async get(caller: Caller, id: number, em?: EntityManager): Promise<Member> {
    const m = await this.scoped(caller, em).andWhere('m.id = :id', { id }).getOne();
    if (!m) throw notFound('Member', id);
    return this.present(caller, m);
  }

  byId(ctx: Context, id: number | null): Promise<Member | null> {
    if (id == null || !ctx.caller) return Promise.resolve(null);
    const caller = ctx.caller;
    return ctx.loaders
      .get<number, Member | null>('member.byId', async (ids) =>
        byKeys(ids, await this.scoped(caller).andWhere('m.id IN (:...ids)', { ids }).getMany(), (m) => this.present(caller, m).id),
      )
      .load(id);
  }

  /** Members of a grassroots union or team, batched per request, at most `limit` per unit, sorted by name. */
  ofUnit(ctx: Context, level: OrgLevel.GRASSROOTS | OrgLevel.TEAM, unitId: number, limit: number): Promise<Member[]> {
    const caller = ctx.caller!;
    const column = level === OrgLevel.GRASSROOTS ? 'grassrootsUnionId' : 'teamId';
    return ctx.loaders
      .get<number, Member[]>(`member.of.${level}.${limit}`, async (ids) => {
        // One indexed range read per unit (idx_member_<level>_sort), so a big unit costs `limit` rows, not its size.
        const lists = await Promise.all(
          ids.map((id) =>
            this.scoped(caller)
              .andWhere(`m.${snake(column)} = :id`, { id })
              .orderBy('m.sort_key', 'ASC')
              .addOrderBy('m.id', 'ASC')
              .limit(limit)
              .getMany(),
          ),
        );
        return lists.map((l) => l.map((m) => this.present(caller, m)));
      })
      .load(unitId);
  }

  /** The grassroots union and team a member is placed in, checked against the caller's scope. */
  private async placement(caller: Caller, em: EntityManager, grassrootsUnionId: string | number, teamId: string | number | null | undefined) {
    const gu = await this.org.writable(caller, grassrootsUnionId, 'grassrootsUnionId', [OrgLevel.GRASSROOTS], em);
    let team: OrgUnit | null = null;
    if (teamId != null && teamId !== '') {
      team = await em.getRepository(OrgUnit).findOneBy({ id: Number(teamId), level: OrgLevel.TEAM });
      if (!team || team.parentId !== gu.id || !team.active) throw badInput('teamId', `team ${teamId} is not a team of grassroots union ${gu.id}`);
    }
    return {
      grassrootsUnionId: gu.id,
      teamId: team?.id ?? null,
      unionId: gu.unionId,
      federationId: gu.federationId!,
    };
  }

  private async assertCardFree(em: EntityManager, cardNumber: string | null | undefined, exceptId?: number) {
    if (!cardNumber) return;
    const other = await this.repo(em).findOne({ where: { cardNumber }, select: { id: true } });
    if (other && other.id !== exceptId) throw badInput('cardNumber', `card number ${cardNumber} is already used`);
  }

  async create(caller: Caller, input: MemberInput): Promise<Member> {
    validateMemberInput(input, true);
    if (input.grassrootsUnionId == null) throw badInput('grassrootsUnionId', 'is required');
    return this.db.transaction(async (em) => {
      const place = await this.placement(caller, em, input.grassrootsUnionId!, input.teamId);
      const cardNumber = blankToNull(input.cardNumber) ?? null;
      await this.assertCardFree(em, cardNumber);
      const fullName = input.fullName!.trim().replace(/\s+/g, ' ');
      const status = input.status ?? MemberStatus.ACTIVE;
      const m = this.repo(em).create({
        fullName,
        sortKey: nameSortKey(fullName),
        searchKey: searchKey(fullName, cardNumber),
        gender: input.gender!,
        birthDate: input.birthDate ?? null,
        phone: blankToNull(input.phone) ?? null,
        email: blankToNull(input.email) ?? null,
        nationalId: blankToNull(input.nationalId) ?? null,
        joinedAt: input.joinedAt ?? null,
        cardNumber,
        position: blankToNull(input.position) ?? null,
        ethnicity: blankToNull(input.ethnicity) ?? null,
        occupation: blankToNull(input.occupation) ?? null,
        status,
        leftAt: status === MemberStatus.LEFT ? (input.leftAt ?? today()) : null,
        leftReason: status === MemberStatus.LEFT ? (blankToNull(input.leftReason) ?? null) : null,
        disciplinedFrom: input.disciplinedFrom || null,
        disciplinedUntil: input.disciplinedUntil || null,
        ...place,
      });
      await this.repo(em).save(m);
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'Member', entityId: m.id, unitId: m.grassrootsUnionId, after: plain(m) });
      return this.present(caller, m);
    });
  }

  async update(caller: Caller, id: number, input: MemberInput): Promise<Member> {
    validateMemberInput(input, false);
    return this.db.transaction(async (em) => {
      const m = await this.scoped(caller, em).andWhere('m.id = :id', { id }).getOne();
      if (!m) throw notFound('Member', id);
      const before = plain({ ...m });
      // Placement: a new grassroots union is a transfer (chuyển sinh hoạt); both ends must be in scope.
      const guChanged = input.grassrootsUnionId != null && Number(input.grassrootsUnionId) !== m.grassrootsUnionId;
      const teamChanged = input.teamId !== undefined && (input.teamId === null || input.teamId === '' ? null : Number(input.teamId)) !== m.teamId;
      if (guChanged || teamChanged) {
        const place = await this.placement(caller, em, input.grassrootsUnionId ?? m.grassrootsUnionId, guChanged && input.teamId === undefined ? null : input.teamId);
        Object.assign(m, place);
      }
      if (input.fullName != null) {
        m.fullName = input.fullName.trim().replace(/\s+/g, ' ');
        m.sortKey = nameSortKey(m.fullName);
      }
      if (input.gender != null) m.gender = input.gender;
      for (const f of ['birthDate', 'joinedAt', 'disciplinedFrom', 'disciplinedUntil'] as const) if (input[f] !== undefined) m[f] = input[f] || null;
      for (const f of ['phone', 'email', 'nationalId', 'position', 'ethnicity', 'occupation'] as const) {
        if (input[f] !== undefined) m[f] = blankToNull(input[f]) ?? null;
      }
      if (input.cardNumber !== undefined) {
        m.cardNumber = blankToNull(input.cardNumber) ?? null;
        await this.assertCardFree(em, m.cardNumber, id);
      }
      if (input.status != null && input.status !== m.status) {
        m.status = input.status;
        m.leftAt = input.status === MemberStatus.LEFT ? (input.leftAt ?? today()) : null;
        m.leftReason = input.status === MemberStatus.LEFT ? (blankToNull(input.leftReason) ?? null) : null;
      } else if (m.status === MemberStatus.LEFT) {
        if (input.leftAt) m.leftAt = input.leftAt;
        if (input.leftReason !== undefined) m.leftReason = blankToNull(input.leftReason) ?? null;
      }
      m.searchKey = searchKey(m.fullName, m.cardNumber);
      await this.repo(em).save(m);
      await this.audit.record(em, caller, { action: guChanged ? 'TRANSFER' : 'UPDATE', entityType: 'Member', entityId: id, unitId: m.grassrootsUnionId, before, after: plain(m) });
      return this.present(caller, m);
    });
  }

  /** Members are never hard-deleted: delete records that the member left the union (status LEFT). */
  async remove(caller: Caller, id: number): Promise<Member> {
    return this.db.transaction(async (em) => {
      const m = await this.scoped(caller, em).andWhere('m.id = :id', { id }).getOne();
      if (!m) throw notFound('Member', id);
      if (m.status === MemberStatus.LEFT) return this.present(caller, m);
      const before = plain({ ...m });
      m.status = MemberStatus.LEFT;
      m.leftAt = today();
      await this.repo(em).update(id, { status: m.status, leftAt: m.leftAt });
      await this.audit.record(em, caller, { action: 'DELETE', entityType: 'Member', entityId: id, unitId: m.grassrootsUnionId, before, after: plain(m) });
      return this.present(caller, m);
    });
  }
}
