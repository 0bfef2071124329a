import { EntityManager } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { ANCESTOR_COLUMN, UnitLevel } from '../org/org-level';
import { Gender, Member, MemberStatus } from '../member/member.entity';
import { User } from '../account/user.entity';
import { Role } from '../auth/role';
import { nameSortKey, searchKey } from '../common/text';
import { hashPassword } from '../auth/password';

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

  async members(rows: Partial<Member>[], chunk = 500): Promise<void> {
    for (let i = 0; i < rows.length; i += chunk) await this.em.insert(Member, rows.slice(i, i + chunk));
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
