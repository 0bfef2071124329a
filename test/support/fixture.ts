import { DataSource } from 'typeorm';
import { TreeBuilder } from '../../server/db/tree-builder';
import { OrgLevel } from '../../server/org/org-level';
import { OrgUnit } from '../../server/org/org-unit.entity';
import { Gender, Member } from '../../server/member/member.entity';
import { Role } from '../../server/auth/role';

export const PASSWORD = 'secret-pass-1';

/**
 * A small tree with an account of every role:
 *
 *   F1 LĐLĐ tỉnh Thanh Hóa ─ U1 Công đoàn Viên chức tỉnh Thanh Hóa ─ G1 CĐCS Sở Y tế ─ T1, T2
 *                          │                                        └ G2 CĐCS Sở Tài chính (no teams)
 *                          └ G3 CĐCS Công ty Mía đường Lam Sơn (directly under F1)
 *   F2 LĐLĐ tỉnh Cao Bằng ─ U2 Công đoàn Viên chức tỉnh Cao Bằng ─ G4 CĐCS Văn phòng UBND tỉnh ─ T3 Tổ Công đoàn Nhà khách
 */
export interface Fixture {
  F1: OrgUnit; F2: OrgUnit; U1: OrgUnit; U2: OrgUnit; G1: OrgUnit; G2: OrgUnit; G3: OrgUnit; G4: OrgUnit;
  T1: OrgUnit; T2: OrgUnit; T3: OrgUnit;
  /** members by a short key */
  m: Record<string, Member>;
  /** account ids by fixture role name */
  users: Record<AccountName, number>;
}

export const ACCOUNTS = {
  sysadmin: { role: Role.SYSTEM_ADMIN, scope: null },
  fedAdmin: { role: Role.FEDERATION_ADMIN, scope: 'F1' },
  fedAdmin2: { role: Role.FEDERATION_ADMIN, scope: 'F2' },
  unionAdmin: { role: Role.UNION_ADMIN, scope: 'U1' },
  chair: { role: Role.GRASSROOTS_CHAIR, scope: 'G1' },
  chair4: { role: Role.GRASSROOTS_CHAIR, scope: 'G4' },
  analyst: { role: Role.ANALYST, scope: null },
  analystF1: { role: Role.ANALYST, scope: 'F1' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export async function buildFixture(ds: DataSource): Promise<Fixture> {
  return ds.transaction(async (em) => {
    const b = new TreeBuilder(em);
    const F1 = await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Thanh Hóa', null, 'F1');
    const F2 = await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Cao Bằng', null, 'F2');
    const U1 = await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Thanh Hóa', F1, 'U1');
    const U2 = await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Cao Bằng', F2, 'U2');
    const G1 = await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn cơ sở Sở Y tế', U1, 'G1');
    const G2 = await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn cơ sở Sở Tài chính', U1, 'G2');
    const G3 = await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn Công ty Mía đường Lam Sơn', F1, 'G3');
    const G4 = await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn cơ sở Văn phòng UBND tỉnh', U2, 'G4');
    const T1 = await b.unit(OrgLevel.TEAM, 'Tổ Công đoàn Văn phòng Sở', G1, 'T1');
    const T2 = await b.unit(OrgLevel.TEAM, 'Tổ Công đoàn Nghiệp vụ', G1, 'T2');
    const T3 = await b.unit(OrgLevel.TEAM, 'Tổ Công đoàn Nhà khách', G4, 'T3');

    const people: [string, OrgUnit, string, Gender, string][] = [
      ['hoa', T1, 'Nguyễn Thị Hoa', Gender.FEMALE, 'C-0001'],
      ['duc', T1, 'Đặng Văn Đức', Gender.MALE, 'C-0002'],
      ['lan', T2, 'Trần Thị Lan', Gender.FEMALE, 'C-0003'],
      ['binh', G1, 'Lê Văn Bình', Gender.MALE, 'C-0004'],
      ['mai', G2, 'Phạm Thị Mai', Gender.FEMALE, 'C-0005'],
      ['hung', G3, 'Nguyễn Văn Hùng', Gender.MALE, 'C-0006'],
      ['an', G3, 'Võ Thị An', Gender.FEMALE, 'C-0007'],
      ['dung', T3, 'Nông Văn Dũng', Gender.MALE, 'C-0008'],
      ['hanh', T3, 'Bế Thị Hạnh', Gender.FEMALE, 'C-0009'],
      ['thu', G4, 'Hoàng Thị Thu', Gender.FEMALE, 'C-0010'],
    ];
    await b.members(
      people.map(([, unit, fullName, gender, cardNumber], i) =>
        b.memberRow(unit, {
          fullName, gender, cardNumber,
          birthDate: `19${70 + i}-0${1 + (i % 9)}-1${i % 10}`,
          joinedAt: `20${10 + i}-03-01`,
          phone: `09120000${String(i).padStart(2, '0')}`,
          email: `member${i}@example.vn`,
          nationalId: `0380000000${String(i).padStart(2, '0')}`,
        }),
      ),
    );
    const all = await em.getRepository(Member).find({ order: { id: 'ASC' } });
    const m: Record<string, Member> = {};
    people.forEach(([key], i) => (m[key] = all[i]));

    const units: Record<string, OrgUnit> = { F1, F2, U1, U2, G1, G2, G3, G4 };
    const users = {} as Record<AccountName, number>;
    for (const [name, a] of Object.entries(ACCOUNTS)) {
      const u = await b.account(name, PASSWORD, a.role, `Tài khoản ${name}`, a.scope ? units[a.scope] : null);
      users[name as AccountName] = u.id;
    }
    return { F1, F2, U1, U2, G1, G2, G3, G4, T1, T2, T3, m, users };
  });
}
