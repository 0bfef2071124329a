import { DataSource } from 'typeorm';
import { TreeBuilder } from './tree-builder';
import { person, rng } from './names';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgLevel } from '../org/org-level';
import { Gender, Member, MemberStatus } from '../member/member.entity';
import { Role } from '../auth/role';
import { User } from '../account/user.entity';

/** The password of every demo account (embedded demo only; README lists the accounts). */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = [
  { username: 'admin', role: Role.SYSTEM_ADMIN, fullName: 'Quản trị hệ thống', scope: null },
  { username: 'ldld.thanhhoa', role: Role.FEDERATION_ADMIN, fullName: 'Lê Văn Thành', scope: 'LDLD-TH' },
  { username: 'ldld.thanhhoa2', role: Role.FEDERATION_ADMIN, fullName: 'Hoàng Thị Thu', scope: 'LDLD-TH' },
  { username: 'cdvc.thanhhoa', role: Role.UNION_ADMIN, fullName: 'Trịnh Minh Đức', scope: 'CDVC-TH' },
  { username: 'cdcs.soyte', role: Role.GRASSROOTS_CHAIR, fullName: 'Nguyễn Thị Hoa', scope: 'CDCS-TH-SYT' },
  { username: 'cdcs.vpubnd', role: Role.GRASSROOTS_CHAIR, fullName: 'Nông Văn Dũng', scope: 'CDCS-CB-VPUB' },
  { username: 'cdcs.vpubnd.pho', role: Role.GRASSROOTS_CHAIR, fullName: 'Bế Thị Hạnh', scope: 'CDCS-CB-VPUB' },
  { username: 'analyst', role: Role.ANALYST, fullName: 'Phân tích số liệu', scope: null },
  { username: 'analyst.thanhhoa', role: Role.ANALYST, fullName: 'Phân tích LĐLĐ Thanh Hóa', scope: 'LDLD-TH' },
] as const;

interface GuSpec {
  name: string;
  code: string;
  members: number;
  teams?: string[];
}

const TH_GRASSROOTS: GuSpec[] = [
  { name: 'Công đoàn cơ sở Sở Y tế', code: 'CDCS-TH-SYT', members: 34, teams: ['Tổ Công đoàn Văn phòng Sở', 'Tổ Công đoàn Phòng Nghiệp vụ'] },
  { name: 'Công đoàn cơ sở Sở Giáo dục và Đào tạo', code: 'CDCS-TH-SGD', members: 28, teams: ['Tổ Công đoàn Khối Văn phòng', 'Tổ Công đoàn Khối Chuyên môn'] },
  { name: 'Công đoàn cơ sở Sở Tài chính', code: 'CDCS-TH-STC', members: 18 },
  { name: 'Công đoàn cơ sở Văn phòng UBND tỉnh Thanh Hóa', code: 'CDCS-TH-VPUB', members: 22 },
];

/**
 * The embedded demo (domain.md, "Demo data drawn from the source articles"): real unit names,
 * fictional members. Deterministic; written once into an empty database.
 */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  if ((await ds.getRepository(OrgUnit).count()) > 0) return false;
  const r = rng(2023);
  let card = 0;
  await ds.transaction(async (em) => {
    const b = new TreeBuilder(em);
    const units = new Map<string, OrgUnit>();
    const keep = (u: OrgUnit) => (u.code && units.set(u.code, u), u);

    const fillMembers = async (gu: OrgUnit, teams: OrgUnit[], count: number, prefix: string) => {
      const rows: Partial<Member>[] = [];
      for (let i = 0; i < count; i++) {
        const gender = r() < 0.55 ? Gender.FEMALE : Gender.MALE;
        const p = person(r, gender);
        const year = 1965 + Math.floor(r() * 38);
        const joined = Math.max(year + 20, 2000 + Math.floor(r() * 24));
        const left = r() < 0.03;
        const place = teams.length ? teams[i % teams.length] : gu;
        rows.push(
          b.memberRow(place, {
            ...p,
            gender,
            birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
            joinedAt: `${Math.min(joined, 2024)}-0${1 + Math.floor(r() * 9)}-15`,
            phone: `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
            nationalId: `0${String(Math.floor(r() * 1e11)).padStart(11, '0')}`,
            cardNumber: `${prefix}-${String(++card).padStart(6, '0')}`,
            position: i === 0 ? 'Chủ tịch' : i < 3 ? 'Phó Chủ tịch' : i < 7 ? 'Ủy viên BCH' : i < 7 + teams.length ? 'Tổ trưởng' : null,
            status: left ? MemberStatus.LEFT : MemberStatus.ACTIVE,
            leftAt: left ? '2024-06-30' : null,
            leftReason: left ? 'Nghỉ hưu' : null,
          }),
        );
      }
      await b.members(rows);
    };

    // LĐLĐ tỉnh Thanh Hóa → Công đoàn Viên chức tỉnh → several grassroots unions; one CĐCS directly under the federation.
    const th = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Thanh Hóa', null, 'LDLD-TH'));
    const thVc = keep(await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Thanh Hóa', th, 'CDVC-TH'));
    keep(await b.unit(OrgLevel.UNION, 'Công đoàn Khu kinh tế Nghi Sơn và các khu công nghiệp', th, 'CDKKT-TH'));
    for (const g of TH_GRASSROOTS) {
      const gu = keep(await b.unit(OrgLevel.GRASSROOTS, g.name, thVc, g.code));
      const teams = [];
      for (const t of g.teams ?? []) teams.push(await b.unit(OrgLevel.TEAM, t, gu));
      await fillMembers(gu, teams, g.members, 'TH');
    }
    const lamSon = keep(await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn Công ty Cổ phần Mía đường Lam Sơn', th, 'CDCS-TH-LASUCO'));
    await fillMembers(lamSon, [], 40, 'TH');

    // LĐLĐ tỉnh Cao Bằng → Công đoàn Viên chức tỉnh → CĐCS Văn phòng UBND tỉnh: 127 members in 4 teams.
    const cb = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Cao Bằng', null, 'LDLD-CB'));
    const cbVc = keep(await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Cao Bằng', cb, 'CDVC-CB'));
    const vpub = keep(await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn cơ sở Văn phòng UBND tỉnh Cao Bằng', cbVc, 'CDCS-CB-VPUB'));
    const cbTeams = [];
    for (const t of ['Tổ Công đoàn Nhà khách', 'Tổ Công đoàn Hành chính – Tổ chức', 'Tổ Công đoàn Phòng Tổng hợp', 'Tổ Công đoàn Quản trị – Tài vụ']) {
      cbTeams.push(await b.unit(OrgLevel.TEAM, t, vpub));
    }
    await fillMembers(vpub, cbTeams, 127, 'CB');

    // Hà Giang (merged into Tuyên Quang from 1 July 2025): Cụm thi đua số I, 10 grassroots unions, 448 members.
    const tq = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Tuyên Quang', null, 'LDLD-TQ'));
    const tqVc = keep(await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Tuyên Quang', tq, 'CDVC-TQ'));
    const hgUnits = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Công Thương', 'Sở Xây dựng', 'Sở Giao thông Vận tải', 'Sở Văn hóa, Thể thao và Du lịch', 'Thanh tra tỉnh', 'Ban Dân tộc', 'Sở Lao động – Thương binh và Xã hội'];
    const sizes = [52, 48, 41, 47, 44, 50, 46, 38, 37, 45]; // 448 in all
    for (let i = 0; i < hgUnits.length; i++) {
      const gu = await b.unit(OrgLevel.GRASSROOTS, `Công đoàn cơ sở ${hgUnits[i]} (Hà Giang cũ)`, tqVc, `CDCS-HG-${String(i + 1).padStart(2, '0')}`);
      await fillMembers(gu, [], sizes[i], 'HG');
    }

    // LĐLĐ tỉnh Hà Tĩnh → the sectoral unions (Khối thi đua các Công đoàn ngành).
    const ht = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Hà Tĩnh', null, 'LDLD-HT'));
    for (const [name, code, gus] of [
      ['Công đoàn Viên chức tỉnh Hà Tĩnh', 'CDVC-HT', ['Công đoàn cơ sở Sở Nông nghiệp và Môi trường', 'Công đoàn cơ sở Sở Khoa học và Công nghệ']],
      ['Công đoàn ngành Giáo dục Hà Tĩnh', 'CDGD-HT', ['Công đoàn Trường THPT Phan Đình Phùng', 'Công đoàn Trường THPT chuyên Hà Tĩnh']],
      ['Công đoàn ngành Y tế Hà Tĩnh', 'CDYT-HT', ['Công đoàn Bệnh viện Đa khoa tỉnh Hà Tĩnh']],
    ] as const) {
      const u = keep(await b.unit(OrgLevel.UNION, name, ht, code));
      for (const g of gus) {
        const gu = await b.unit(OrgLevel.GRASSROOTS, g, u);
        await fillMembers(gu, [], 15 + Math.floor(r() * 20), 'HT');
      }
    }

    for (const a of DEMO_ACCOUNTS) {
      const scope = a.scope ? units.get(a.scope)! : null;
      // The grassroots chairs are members of their own union: four eyes keep them off their own nominations.
      let memberId: number | null = null;
      if (a.role === Role.GRASSROOTS_CHAIR && scope) {
        const m = await em.getRepository(Member).findOne({ where: { grassrootsUnionId: scope.id }, order: { id: a.username.endsWith('.pho') ? 'DESC' : 'ASC' } });
        memberId = m?.id ?? null;
      }
      await b.account(a.username, DEMO_PASSWORD, a.role, a.fullName, scope, memberId);
    }
  });
  return true;
}

export async function hasAccounts(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(User).count()) > 0;
}
