import { EntityManager } from 'typeorm';
import { Gender, Member, MEMBER_TEXT, MemberResource, MemberStatus } from './member.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgLevel } from '../org/org-level';
import { OrgService } from '../org/org.service';
import { Caller } from '../auth/caller';
import { scopePredicate } from '../auth/scope';
import { Db } from '../db/dialect';
import { AuditService } from '../audit/audit.service';
import { AppError, badInput, conflict, notFound } from '../common/errors';
import { AuditEvent } from '../audit/audit-event.entity';
import { fitKey, nameSortKey, searchKey } from '../common/text';
import { checkText, isIsoDate, isoDate, optionalId, preview } from '../common/input';
import { groupByKeys, LoaderFamily, Req } from '../kit/loaders';
import { ResourceService } from '../kit/service';
import { relocateMember } from '../kit/located';
import { today } from '../common/clock';
import { snake } from '../db/naming';
import { LIMITS } from '../common/limits';
import { auditSnapshot } from '../audit/audit.service';

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


/** The member's free-text fields, each checked against its column (MEMBER_TEXT). */
const TEXT_FIELDS = ['fullName', 'phone', 'email', 'nationalId', 'cardNumber', 'position', 'ethnicity', 'occupation', 'leftReason'] as const;

/**
 * local@domain with a dot inside the domain, no whitespace, one @. Plain string operations rather
 * than one pattern: `[^\s@]+\.[^\s@]+` backtracks over every dot, in time quadratic in the input.
 */
export function isEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at < 1 || at !== s.lastIndexOf('@') || /\s/.test(s)) return false;
  const domain = s.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}

/** Input rules, each a small pure check naming its field. */
export function validateMemberInput(input: MemberInput, creating: boolean): void {
  // Lengths and characters first: no pattern below ever runs on a value wider than its column.
  for (const f of TEXT_FIELDS) checkText(f, input[f], MEMBER_TEXT[f]);
  if (creating || input.fullName !== undefined) {
    if (!input.fullName?.trim()) throw badInput('fullName', 'is required', { rule: 'REQUIRED' });
  }
  if (creating && !input.gender) throw badInput('gender', 'is required', { rule: 'REQUIRED' });
  for (const f of ['birthDate', 'joinedAt', 'leftAt', 'disciplinedFrom', 'disciplinedUntil'] as const) {
    const v = input[f];
    if (v == null || v === '') continue;
    isoDate(f, v);
    if (v > today() && f !== 'disciplinedUntil') throw badInput(f, 'cannot be in the future', { rule: 'FUTURE_DATE' });
  }
  if (input.disciplinedFrom && input.disciplinedUntil && input.disciplinedUntil < input.disciplinedFrom) {
    throw badInput('disciplinedUntil', 'is before the start of the discipline', { rule: 'DATES_ORDER' });
  }
  if (input.birthDate && input.joinedAt && input.joinedAt < input.birthDate) throw badInput('joinedAt', 'is before the birth date', { rule: 'JOINED_BEFORE_BIRTH' });
  if (input.email != null && input.email !== '' && !isEmail(input.email)) throw badInput('email', 'is not an e-mail address', { rule: 'EMAIL' });
  // One quantifier over one character class: linear.
  if (input.phone != null && input.phone !== '' && !/^\+?[0-9 .-]{8,15}$/.test(input.phone)) throw badInput('phone', 'is not a phone number', { rule: 'PHONE' });
  if (input.nationalId != null && input.nationalId !== '' && !/^(\d{9}|\d{12})$/.test(input.nationalId)) {
    throw badInput('nationalId', 'must have 9 or 12 digits (CMND or CCCD)', { rule: 'NATIONAL_ID' });
  }
}

export const IMPORT_CAP = LIMITS.importRows;

/** One spreadsheet row of the member import template, as text (the panel reads the file). */
export interface ImportRow {
  rowNumber?: number | null;
  fullName?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  nationalId?: string | null;
  joinedAt?: string | null;
  cardNumber?: string | null;
  position?: string | null;
  ethnicity?: string | null;
  occupation?: string | null;
  team?: string | null;
}
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
  /** machine-readable: what a client words the message from */
  rule?: string | null;
  otherRow?: number | null;
}
export interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: ImportRowError[];
}

const GENDERS: Readonly<Record<string, Gender>> = { nam: Gender.MALE, male: Gender.MALE, m: Gender.MALE, nu: Gender.FEMALE, female: Gender.FEMALE, f: Gender.FEMALE };

/** dd/mm/yyyy (as Vietnamese sheets write dates) or ISO to ISO; null when blank; undefined when unreadable. */
export function importDate(v: string | null | undefined): string | null | undefined {
  const s = v?.trim();
  if (!s) return null;
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : undefined;
}

/** A template row as member input, or the first unreadable cell. */
export function parseImportRow(r: ImportRow): { input: MemberInput } | { error: { column: string; message: string; rule: string } } {
  if (!r.gender?.trim()) return { error: { column: 'gender', message: 'is required (Nam or Nữ)', rule: 'REQUIRED' } };
  // Own keys only: a cell reading "constructor" must not find Object.prototype's.
  const key = r.gender.length <= 16 ? searchKey(r.gender) : '';
  const gender = Object.hasOwn(GENDERS, key) ? GENDERS[key] : undefined;
  if (!gender) return { error: { column: 'gender', message: `"${preview(r.gender)}" is not Nam or Nữ`, rule: 'GENDER' } };
  const dates: Record<string, string | null> = {};
  for (const f of ['birthDate', 'joinedAt'] as const) {
    const d = importDate(r[f]);
    if (d === undefined) return { error: { column: f, message: `"${preview(r[f])}" is not a date dd/mm/yyyy`, rule: 'DATE_FORMAT' } };
    dates[f] = d;
  }
  const text = (v: string | null | undefined) => (v == null ? null : String(v).trim() || null);
  return {
    input: {
      fullName: text(r.fullName), gender, birthDate: dates.birthDate, joinedAt: dates.joinedAt, phone: text(r.phone), email: text(r.email),
      nationalId: text(r.nationalId), cardNumber: text(r.cardNumber), position: text(r.position), ethnicity: text(r.ethnicity), occupation: text(r.occupation),
    },
  };
}

/** The row of a new member, placed and keyed (shared by createMember and the import). */
function newMemberRow(input: MemberInput, place: Pick<Member, 'grassrootsUnionId' | 'teamId' | 'unionId' | 'federationId'>): Partial<Member> {
  const fullName = input.fullName!.trim().replace(/\s+/g, ' ');
  const cardNumber = blankToNull(input.cardNumber) ?? null;
  const status = input.status ?? MemberStatus.ACTIVE;
  return {
    fullName,
    ...memberKeys(fullName, cardNumber),
    gender: input.gender!,
    birthDate: input.birthDate || null,
    phone: blankToNull(input.phone) ?? null,
    email: blankToNull(input.email) ?? null,
    nationalId: blankToNull(input.nationalId) ?? null,
    joinedAt: input.joinedAt || null,
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
  };
}

/** The derived sort and search keys, cut to their columns. */
function memberKeys(fullName: string, cardNumber: string | null): Pick<Member, 'sortKey' | 'searchKey'> {
  return {
    sortKey: fitKey(nameSortKey(fullName), MEMBER_TEXT.sortKey),
    searchKey: fitKey(searchKey(fullName, cardNumber), MEMBER_TEXT.searchKey),
  };
}

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/**
 * The unique key on card numbers refusing a write that lost a race (another write took the number
 * after this one checked it): the refusal the check itself gives, not an internal error.
 */
const cardRace = (cardNumber: string | null | undefined) => (e: unknown) =>
  Promise.reject(Db.isDuplicateKey(e) ? badInput('cardNumber', `card number ${cardNumber} is already used`, { rule: 'TAKEN' }) : e);

function plain(m: Member) {
  const { sortKey: _s, searchKey: _k, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

export class MemberService extends ResourceService<Member> {
  private readonly ofUnitKeys = new LoaderFamily<string, number, Member[]>('Member.ofUnit');

  constructor(
    db: Db,
    private readonly org: OrgService,
    audit: AuditService,
  ) {
    super(MemberResource, db, audit);
  }

  /** Members of a grassroots union or team, batched per request, at most `limit` per unit, sorted by name. */
  ofUnit(req: Req, level: OrgLevel.GRASSROOTS | OrgLevel.TEAM, unitId: number, limit: number): Promise<Member[]> {
    const caller = req.caller;
    const column = level === OrgLevel.GRASSROOTS ? 'grassrootsUnionId' : 'teamId';
    return req.loaders
      .get(this.ofUnitKeys.of(`${level}.${limit}`), async (ids) => {
        // Two queries for the whole batch: the first `limit` ids per unit by a window function
        // (MariaDB 10.2+, MySQL 8, SQLite 3.25+), then those rows.
        const col = snake(column);
        const scope = scopePredicate(caller.scope, 'w', { via: 'ancestors' });
        const ranked = this.repo()
          .createQueryBuilder('w')
          .select('w.id', 'id')
          .addSelect(`ROW_NUMBER() OVER (PARTITION BY w.${col} ORDER BY w.sort_key, w.id)`, 'rn')
          .where(`w.${col} IN (:...ids)`, { ids })
          .andWhere(scope.sql, scope.params);
        const top = await this.db.ds
          .createQueryBuilder()
          .select('r.id', 'id')
          .from(`(${ranked.getQuery()})`, 'r')
          .where('r.rn <= :limit', { limit })
          .setParameters(ranked.getParameters())
          .getRawMany<{ id: number }>();
        if (!top.length) return ids.map(() => []);
        const rows = await this.repo()
          .createQueryBuilder('m')
          .whereInIds(top.map((r) => Number(r.id)))
          .orderBy('m.sort_key', 'ASC')
          .addOrderBy('m.id', 'ASC')
          .getMany();
        return groupByKeys(ids, rows.map((m) => this.present(caller, m)), (m) => m[column] as number);
      })
      .load(unitId);
  }

  /** The grassroots union and team a member is placed in, checked against the caller's scope. */
  private async placement(caller: Caller, em: EntityManager, grassrootsUnionId: string | number, teamId: number | null) {
    const gu = await this.org.writable(caller, grassrootsUnionId, 'grassrootsUnionId', [OrgLevel.GRASSROOTS], em);
    let team: OrgUnit | null = null;
    if (teamId != null) {
      team = await em.getRepository(OrgUnit).findOneBy({ id: teamId, level: OrgLevel.TEAM });
      if (!team || team.parentId !== gu.id || !team.active) throw badInput('teamId', `team ${teamId} is not a team of grassroots union ${gu.id}`, { rule: 'TEAM_OUTSIDE' });
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
    if (other && other.id !== exceptId) throw badInput('cardNumber', `card number ${cardNumber} is already used`, { rule: 'TAKEN' });
  }

  async create(caller: Caller, input: MemberInput): Promise<Member> {
    validateMemberInput(input, true);
    if (input.grassrootsUnionId == null) throw badInput('grassrootsUnionId', 'is required');
    const teamId = optionalId('teamId', input.teamId);
    return this.db.transaction(async (em) => {
      const place = await this.placement(caller, em, input.grassrootsUnionId!, teamId);
      const cardNumber = blankToNull(input.cardNumber) ?? null;
      await this.assertCardFree(em, cardNumber);
      const m = this.repo(em).create(newMemberRow(input, place));
      await this.repo(em).save(m).catch(cardRace(cardNumber));
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'Member', entityId: m.id, unitId: m.grassrootsUnionId, after: plain(m) });
      return this.present(caller, m);
    });
  }

  /**
   * Imports rows into one grassroots union: every row is validated and its errors reported by row
   * and column; the valid rows are written in one transaction (mode VALID_ROWS), or all rows or
   * none (ALL_OR_NOTHING); `dryRun` only validates (the panel validates large files in chunks to
   * show progress, then imports).
   */
  async importRows(caller: Caller, grassrootsUnionId: string, rows: ImportRow[], allOrNothing: boolean, dryRun: boolean): Promise<ImportReport> {
    if (rows.length > IMPORT_CAP) throw badInput('rows', `at most ${IMPORT_CAP} rows per import`);
    return this.db.transaction(async (em) => {
      const gu = await this.org.writable(caller, grassrootsUnionId, 'grassrootsUnionId', [OrgLevel.GRASSROOTS], em);
      const teams = await em.getRepository(OrgUnit).findBy({ parentId: gu.id, level: OrgLevel.TEAM, active: true });
      const teamByKey = new Map<string, OrgUnit>();
      for (const t of teams) {
        teamByKey.set(searchKey(t.name), t);
        if (t.code) teamByKey.set(searchKey(t.code), t);
      }
      const cards = rows.map((r) => r.cardNumber?.trim()).filter((c): c is string => !!c);
      const taken = new Set<string>();
      for (let i = 0; i < cards.length; i += 1000) {
        const found = await this.repo(em).createQueryBuilder('m').select('m.card_number', 'card').where('m.card_number IN (:...c)', { c: cards.slice(i, i + 1000) }).getRawMany<{ card: string }>();
        for (const f of found) taken.add(f.card);
      }
      const errors: ImportRowError[] = [];
      const valid: Partial<Member>[] = [];
      const seenCards = new Map<string, number>();
      rows.forEach((raw, i) => {
        const row = raw.rowNumber ?? i + 2; // spreadsheet row: the header is row 1
        const fail = (column: string, message: string, rule: string | null = null, otherRow: number | null = null) =>
          errors.push({ row, column, message, rule, otherRow });
        const parsed = parseImportRow(raw);
        if ('error' in parsed) return fail(parsed.error.column, parsed.error.message, parsed.error.rule);
        try {
          validateMemberInput(parsed.input, true);
        } catch (e) {
          if (e instanceof AppError) return fail(String(e.extensions.field), e.message.replace(/^\w+: /, ''), (e.extensions.rule as string | undefined) ?? null);
          throw e;
        }
        let team: OrgUnit | null = null;
        if (raw.team?.trim()) {
          team = teamByKey.get(searchKey(raw.team)) ?? null;
          if (!team) return fail('team', `no team "${preview(raw.team.trim())}" in ${gu.name}`, 'TEAM_UNKNOWN');
        }
        const card = parsed.input.cardNumber?.trim();
        if (card) {
          if (taken.has(card)) return fail('cardNumber', `card number ${card} is already used`, 'TAKEN');
          if (seenCards.has(card)) return fail('cardNumber', `card number ${card} is also on row ${seenCards.get(card)}`, 'REPEATED', seenCards.get(card)!);
          seenCards.set(card, row);
        }
        valid.push(newMemberRow(parsed.input, { grassrootsUnionId: gu.id, teamId: team?.id ?? null, unionId: gu.unionId, federationId: gu.federationId! }));
      });
      const report: ImportReport = { total: rows.length, valid: valid.length, imported: 0, errors };
      if (dryRun || !valid.length || (allOrNothing && errors.length)) return report;
      for (let i = 0; i < valid.length; i += 500) {
        const chunk = valid.slice(i, i + 500);
        const result = await em.insert(Member, chunk).catch((e) =>
          Promise.reject(
            Db.isDuplicateKey(e)
              ? conflict('a card number of this import was taken by another write meanwhile; nothing was imported: import again to see which row', { rule: 'TAKEN' })
              : e,
          ),
        );
        await em.insert(
          AuditEvent,
          chunk.map((m, j) => ({
            actorId: caller.user.id, actorName: caller.user.username, action: 'IMPORT', entityType: 'Member',
            entityId: Number(result.identifiers[j].id), unitId: gu.id, before: null, after: auditSnapshot(plain(m as Member)),
          })),
        );
      }
      report.imported = valid.length;
      return report;
    });
  }

  async update(caller: Caller, id: number, input: MemberInput): Promise<Member> {
    validateMemberInput(input, false);
    // null: not asked (a member always has a grassroots union); undefined: team not asked.
    const guId = optionalId('grassrootsUnionId', input.grassrootsUnionId);
    const teamId = input.teamId === undefined ? undefined : optionalId('teamId', input.teamId);
    return this.db.transaction(async (em) => {
      const m = await this.scoped(caller, em).andWhere('m.id = :id', { id }).getOne();
      if (!m) throw notFound('Member', id);
      const before = plain({ ...m });
      // Placement: a new grassroots union is a transfer (chuyển sinh hoạt); both ends must be in scope.
      const guChanged = guId != null && guId !== m.grassrootsUnionId;
      const teamChanged = teamId !== undefined && teamId !== m.teamId;
      if (guChanged || teamChanged) {
        const place = await this.placement(caller, em, guId ?? m.grassrootsUnionId, guChanged && teamId === undefined ? null : (teamId ?? null));
        Object.assign(m, place);
        // The member's nominations and awards are located by where the member sits (their
        // ancestor columns drive scope and subtree filters): they move with the member, as
        // moveUnit moves a unit's.
        await relocateMember(em, id, place);
      }
      if (input.fullName != null) m.fullName = input.fullName.trim().replace(/\s+/g, ' ');
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
      Object.assign(m, memberKeys(m.fullName, m.cardNumber));
      await this.repo(em).save(m).catch(cardRace(m.cardNumber));
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
