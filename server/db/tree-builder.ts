import { EntityManager } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, UnitLevel } from '../org/org-level';
import { Gender, Member, MemberStatus } from '../member/member.entity';
import { User } from '../account/user.entity';
import { Role } from '../auth/role';
import { nameSortKey, searchKey } from '../common/text';
import { hashPassword } from '../auth/password';
import { snake } from './naming';

/**
 * Writes units, members and accounts straight into the tables with their ancestor columns
 * filled, for the demo data, the synthetic generator and test fixtures (not for the API path,
 * which goes through the services and the audit trail).
 */
export class TreeBuilder {
  private passwordCache = new Map<string, Promise<string>>();

  constructor(private readonly em: EntityManager) {}

  async unit(level: UnitLevel, name: string, parent: OrgUnit | null, code: string | null = null): Promise<OrgUnit> {
    const repo = this.em.getRepository(OrgUnit);
    const unit = repo.create({
      level,
      name,
      code,
      parentId: parent?.id ?? null,
      federationId: parent?.federationId ?? null,
      unionId: parent?.unionId ?? null,
      grassrootsUnionId: parent?.grassrootsUnionId ?? null,
      teamId: null,
      searchKey: searchKey(name, code),
      active: true,
      dissolvedAt: null,
    });
    await repo.save(unit);
    unit[ANCESTOR_COLUMN[level]] = unit.id;
    await repo.update(unit.id, { [ANCESTOR_COLUMN[level]]: unit.id });
    return unit;
  }

  memberRow(
    unit: OrgUnit,
    data: { fullName: string; gender: Gender } & Partial<Omit<Member, 'id' | 'fullName' | 'gender'>>,
  ): Partial<Member> {
    const gu = unit.grassrootsUnionId!;
    return {
      birthDate: null, phone: null, email: null, nationalId: null, joinedAt: null, cardNumber: null, position: null,
      ethnicity: null, occupation: null, status: MemberStatus.ACTIVE, leftAt: null, leftReason: null,
      ...data,
      sortKey: nameSortKey(data.fullName),
      searchKey: searchKey(data.fullName, data.cardNumber),
      grassrootsUnionId: gu,
      teamId: unit.teamId ?? null,
      unionId: unit.unionId,
      federationId: unit.federationId!,
    };
  }

  /**
   * Inserts members, many rows per statement. Plain multi-row INSERTs rather than the ORM's insert:
   * it builds each row through the entity metadata and costs about five times as long, which the
   * demo's ten thousand members would feel at every start.
   */
  async members(rows: Partial<Member>[], chunk = 200): Promise<void> {
    const meta = this.em.connection.getMetadata(Member);
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const props = [...new Set(part.flatMap((r) => Object.keys(r)))];
      const columns = props.map((p) => {
        const c = meta.findColumnWithPropertyName(p);
        if (!c) throw new Error(`member rows: no column for ${p}`);
        return c.databaseName;
      });
      const row = `(${columns.map(() => '?').join(', ')})`;
      await this.em.query(
        `INSERT INTO member (${columns.join(', ')}) VALUES ${part.map(() => row).join(', ')}`,
        part.flatMap((r) => props.map((p) => (r as Record<string, unknown>)[p] ?? null)),
      );
    }
  }

  /**
   * Sibling units under one parent, three statements whatever their number (the demo's large
   * sectoral unions): the rows, then their own ancestor column set to their id, then read back in
   * the order given.
   */
  async units(level: UnitLevel, parent: OrgUnit, specs: { name: string; code?: string | null }[], chunk = 200): Promise<OrgUnit[]> {
    const own = snake(ANCESTOR_COLUMN[level]);
    const cols = ['level', 'name', 'code', 'parent_id', 'federation_id', 'union_id', 'grassroots_union_id', 'team_id', 'search_key', 'active'];
    for (let i = 0; i < specs.length; i += chunk) {
      const part = specs.slice(i, i + chunk);
      await this.em.query(
        `INSERT INTO org_unit (${cols.join(', ')}) VALUES ${part.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
        part.flatMap((u) => [level, u.name, u.code ?? null, parent.id, parent.federationId, parent.unionId, parent.grassrootsUnionId, null, searchKey(u.name, u.code ?? null), 1]),
      );
    }
    await this.em.query(`UPDATE org_unit SET ${own} = id WHERE parent_id = ? AND level = ? AND ${own} IS NULL`, [parent.id, level]);
    const made = await this.em.getRepository(OrgUnit).find({ where: { parentId: parent.id, level }, order: { id: 'ASC' } });
    const byName = new Map(made.map((u) => [u.name, u]));
    return specs.map((s) => byName.get(s.name)!);
  }

  async account(username: string, password: string, role: Role, fullName: string, scope: OrgUnit | null, memberId: number | null = null): Promise<User> {
    if (!this.passwordCache.has(password)) this.passwordCache.set(password, hashPassword(password));
    const repo = this.em.getRepository(User);
    const user = repo.create({
      username: username.toLowerCase(),
      passwordHash: await this.passwordCache.get(password)!,
      fullName,
      searchKey: searchKey(username, fullName),
      role,
      scopeUnitId: scope?.id ?? null,
      memberId,
      active: true,
      tokenVersion: 1,
    });
    return repo.save(user);
  }
}
