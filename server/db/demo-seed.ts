import { DataSource } from 'typeorm';
import { TreeBuilder } from './tree-builder';
import { person, rng } from './names';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgLevel } from '../org/org-level';
import { Gender, Member, MemberStatus } from '../member/member.entity';
import { Role } from '../auth/role';
import { User } from '../account/user.entity';
import { checkBloc, HT_BLOC } from './demo-hatinh';

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
  { username: 'ldld.hatinh', role: Role.FEDERATION_ADMIN, fullName: 'Trần Văn Hải', scope: 'LDLD-HT' },
  { username: 'ldld.hatinh2', role: Role.FEDERATION_ADMIN, fullName: 'Phan Thị Lam', scope: 'LDLD-HT' },
  { username: 'analyst', role: Role.ANALYST, fullName: 'Phân tích số liệu', scope: null },
  { username: 'analyst.thanhhoa', role: Role.ANALYST, fullName: 'Phân tích LĐLĐ Thanh Hóa', scope: 'LDLD-TH' },
] as const;

interface GuSpec {
  name: string;
  code: string;
  members: number;
  teams?: string[];
}

/**
 * Công đoàn Viên chức tỉnh Thanh Hóa's grassroots unions: provincial departments and agencies. Seed
 * 000 counts 910 welfare visits and 112 members admitted to the Party in 2023, which wants a
 * membership of some hundreds (802 here); the federation stays under one list page (1,000).
 */
const TH_GRASSROOTS: GuSpec[] = [
  { name: 'Công đoàn cơ sở Sở Y tế', code: 'CDCS-TH-SYT', members: 34, teams: ['Tổ Công đoàn Văn phòng Sở', 'Tổ Công đoàn Phòng Nghiệp vụ'] },
  { name: 'Công đoàn cơ sở Sở Giáo dục và Đào tạo', code: 'CDCS-TH-SGD', members: 28, teams: ['Tổ Công đoàn Khối Văn phòng', 'Tổ Công đoàn Khối Chuyên môn'] },
  { name: 'Công đoàn cơ sở Sở Tài chính', code: 'CDCS-TH-STC', members: 18 },
  { name: 'Công đoàn cơ sở Văn phòng UBND tỉnh Thanh Hóa', code: 'CDCS-TH-VPUB', members: 22 },
  { name: 'Công đoàn cơ sở Sở Nội vụ', code: 'CDCS-TH-SNV', members: 46 },
  { name: 'Công đoàn cơ sở Sở Tư pháp', code: 'CDCS-TH-STP', members: 38 },
  { name: 'Công đoàn cơ sở Sở Kế hoạch và Đầu tư', code: 'CDCS-TH-SKHDT', members: 52 },
  { name: 'Công đoàn cơ sở Sở Công Thương', code: 'CDCS-TH-SCT', members: 64 },
  { name: 'Công đoàn cơ sở Sở Xây dựng', code: 'CDCS-TH-SXD', members: 48 },
  { name: 'Công đoàn cơ sở Sở Giao thông Vận tải', code: 'CDCS-TH-SGTVT', members: 72 },
  { name: 'Công đoàn cơ sở Sở Nông nghiệp và Phát triển nông thôn', code: 'CDCS-TH-SNN', members: 86 },
  { name: 'Công đoàn cơ sở Sở Tài nguyên và Môi trường', code: 'CDCS-TH-STNMT', members: 58 },
  { name: 'Công đoàn cơ sở Sở Lao động – Thương binh và Xã hội', code: 'CDCS-TH-SLDTBXH', members: 54 },
  { name: 'Công đoàn cơ sở Sở Văn hóa, Thể thao và Du lịch', code: 'CDCS-TH-SVHTTDL', members: 66 },
  { name: 'Công đoàn cơ sở Sở Khoa học và Công nghệ', code: 'CDCS-TH-SKHCN', members: 34 },
  { name: 'Công đoàn cơ sở Sở Thông tin và Truyền thông', code: 'CDCS-TH-STTTT', members: 30 },
  { name: 'Công đoàn cơ sở Thanh tra tỉnh Thanh Hóa', code: 'CDCS-TH-TTT', members: 28 },
  { name: 'Công đoàn cơ sở Ban Dân tộc tỉnh Thanh Hóa', code: 'CDCS-TH-BDT', members: 24 },
];

/** Who joined when: the later members of a roll may all have joined in one year (`newIn`), the others by `lastJoinYear`. */
interface RollOptions {
  prefix: string;
  lastJoinYear?: number;
  newIn?: { year: number; count: number };
}

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

    const two = (n: number) => String(n).padStart(2, '0');
    const fillMembers = async (gu: OrgUnit, teams: OrgUnit[], count: number, o: RollOptions) => {
      const rows: Partial<Member>[] = [];
      const last = o.newIn ? o.newIn.year - 1 : (o.lastJoinYear ?? 2024);
      for (let i = 0; i < count; i++) {
        const gender = r() < 0.55 ? Gender.FEMALE : Gender.MALE;
        const p = person(r, gender);
        const year = 1965 + Math.floor(r() * 38);
        // The last `newIn.count` of the roll joined in that year (after the officers, who come first).
        const joinedAt =
          o.newIn && i >= count - o.newIn.count
            ? `${o.newIn.year}-${two(1 + Math.floor(r() * 12))}-${two(1 + Math.floor(r() * 28))}`
            : `${Math.min(Math.max(year + 20, 2000 + Math.floor(r() * (last - 1999))), last)}-0${1 + Math.floor(r() * 9)}-15`;
        const left = r() < 0.03;
        const place = teams.length ? teams[i % teams.length] : gu;
        rows.push(
          b.memberRow(place, {
            ...p,
            gender,
            birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
            joinedAt,
            phone: `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
            nationalId: `0${String(Math.floor(r() * 1e11)).padStart(11, '0')}`,
            cardNumber: `${o.prefix}-${String(++card).padStart(6, '0')}`,
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
      await fillMembers(gu, teams, g.members, { prefix: 'TH' });
    }
    const lamSon = keep(await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn Công ty Cổ phần Mía đường Lam Sơn', th, 'CDCS-TH-LASUCO'));
    await fillMembers(lamSon, [], 40, { prefix: 'TH' });

    // LĐLĐ tỉnh Cao Bằng → Công đoàn Viên chức tỉnh → CĐCS Văn phòng UBND tỉnh: 127 members in 4 teams
    // (seed 002), every one of them a member by its congress of 9 May 2023 (none joined later).
    const cb = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Cao Bằng', null, 'LDLD-CB'));
    const cbVc = keep(await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Cao Bằng', cb, 'CDVC-CB'));
    const vpub = keep(await b.unit(OrgLevel.GRASSROOTS, 'Công đoàn cơ sở Văn phòng UBND tỉnh Cao Bằng', cbVc, 'CDCS-CB-VPUB'));
    const cbTeams = [];
    for (const t of ['Tổ Công đoàn Nhà khách', 'Tổ Công đoàn Hành chính – Tổ chức', 'Tổ Công đoàn Phòng Tổng hợp', 'Tổ Công đoàn Quản trị – Tài vụ']) {
      cbTeams.push(await b.unit(OrgLevel.TEAM, t, vpub));
    }
    await fillMembers(vpub, cbTeams, 127, { prefix: 'CB', lastJoinYear: 2022 });

    // Hà Giang (merged into Tuyên Quang from 1 July 2025): Cụm thi đua số I, 10 grassroots unions, 448
    // members at its year-end conference of 4 December 2023 (seed 001): all joined by 2022.
    const tq = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Tuyên Quang', null, 'LDLD-TQ'));
    const tqVc = keep(await b.unit(OrgLevel.UNION, 'Công đoàn Viên chức tỉnh Tuyên Quang', tq, 'CDVC-TQ'));
    const hgUnits = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Công Thương', 'Sở Xây dựng', 'Sở Giao thông Vận tải', 'Sở Văn hóa, Thể thao và Du lịch', 'Thanh tra tỉnh', 'Ban Dân tộc', 'Sở Lao động – Thương binh và Xã hội'];
    const sizes = [52, 48, 41, 47, 44, 50, 46, 38, 37, 45]; // 448 in all
    for (let i = 0; i < hgUnits.length; i++) {
      const gu = await b.unit(OrgLevel.GRASSROOTS, `Công đoàn cơ sở ${hgUnits[i]} (Hà Giang cũ)`, tqVc, `CDCS-HG-${String(i + 1).padStart(2, '0')}`);
      await fillMembers(gu, [], sizes[i], { prefix: 'HG', lastJoinYear: 2022 });
    }

    // LĐLĐ tỉnh Hà Tĩnh → the sectoral unions of its Khối thi đua các Công đoàn ngành (seed 003), sized
    // to the article's 2022 figures (db/demo-hatinh.ts): 134 public units, 140 enterprises, 12 of them
    // founded in 2022, and 2,202 members who joined in 2022.
    checkBloc();
    const ht = keep(await b.unit(OrgLevel.FEDERATION, 'Liên đoàn Lao động tỉnh Hà Tĩnh', null, 'LDLD-HT'));
    const between = ([lo, hi]: [number, number]) => lo + Math.floor(r() * (hi - lo + 1));
    for (const spec of HT_BLOC) {
      const u = keep(await b.unit(OrgLevel.UNION, spec.name, ht, spec.code));
      const all = [...spec.publicUnits, ...spec.enterprises];
      const gus = await b.units(OrgLevel.GRASSROOTS, u, all.map((name, i) => ({ name, code: `${spec.code}-${String(i + 1).padStart(3, '0')}` })));
      const founded = new Set(gus.slice(gus.length - spec.foundedIn2022));
      const sizes = gus.map((g, i) => between(i < spec.publicUnits.length ? spec.size.public : spec.size.enterprise));
      // A union founded in 2022 has only new members; the union's other new members of 2022 spread
      // over its older grassroots unions, one at a time, a third of each at most.
      const fresh = gus.map((g, i) => (founded.has(g) ? sizes[i] : 0));
      let left = spec.newMembers2022 - fresh.reduce((x, y) => x + y, 0);
      if (left < 0) throw new Error(`demo: ${spec.code}'s founded unions alone exceed its new members of 2022`);
      for (let i = 0; left > 0; i = (i + 1) % gus.length) {
        if (founded.has(gus[i]) || fresh[i] >= Math.floor(sizes[i] / 3)) {
          if (gus.every((g, k) => founded.has(g) || fresh[k] >= Math.floor(sizes[k] / 3))) throw new Error(`demo: ${spec.code} is too small for its new members`);
          continue;
        }
        fresh[i]++;
        left--;
      }
      for (const [i, gu] of gus.entries()) await fillMembers(gu, [], sizes[i], { prefix: 'HT', newIn: { year: 2022, count: fresh[i] } });
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
