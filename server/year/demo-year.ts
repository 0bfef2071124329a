import { Services } from '../graphql/services';
import { Member } from '../member/member.entity';
import { OrgLevel } from '../org/org-level';
import { OrgUnit } from '../org/org-unit.entity';
import { HT_BLOC } from '../db/demo-hatinh';
import { Indicator } from './target.entity';
import { ClusterKind, ClusterRole, CongressForm, ElectedPosition, FundSource, InitiativeStatus, RatingLevel, TargetSource, WelfareKind } from './year.enums';

/**
 * The records of the union's year behind the five source articles (`/work/shared/seeds/`), written
 * through the services (their rules, their audit rows) by the demo's own accounts, so that
 * `yearReport` and the lists reproduce each article's figures:
 *
 * - 000, Công đoàn Viên chức tỉnh Thanh Hóa, 2023: 10 targets of which 8 met or exceeded; 910 welfare
 *   visits for 1.3498 billion VND ("hơn 910 lượt", "gần 1,350 tỷ"); 112 members admitted to the
 *   Party against a plan of 60, the printed 187.6% kept as reportedRate.
 * - 001, Cụm thi đua số I (Hà Giang, now Tuyên Quang), 2023: its 10 grassroots unions (448 members)
 *   each with a 2023–2028 congress; more than 200 million VND of sponsors' charity.
 * - 002, CĐCS Văn phòng UBND tỉnh Cao Bằng: its congress of 9 May 2023 (102 of 127 present, 7 BCH
 *   members, 8 delegates, the motto) and the targets its resolution set for the term.
 * - 003, Khối thi đua các Công đoàn ngành, Hà Tĩnh, 2022: the targets the federation assigned (their
 *   sums 2,202/1,200 new members, 12/9 new grassroots unions, 2,529.554/2,516.1 million VND for the Mái
 *   ấm fund, 134/134, 138/140, 141/141), 35 applied initiatives worth 4.5 billion VND (the 8 BLĐST
 *   awards are made in award/demo-nominations.ts), and the civil-servants union leading the bloc in 2023.
 * - 004, Công đoàn Viên chức tỉnh Thanh Hóa, 2020: 27 Tết gifts for 13.5 million VND; every grassroots
 *   union rated good or better.
 *
 * Where an article gives a figure without its parts (which ten targets), the parts are the demo's
 * and their notes say so.
 */
export async function seedDemoYear(s: Services): Promise<void> {
  const ds = s.db.ds;
  const as = (username: string) => s.account.callerByUsername(username);
  const unit = (code: string) => ds.getRepository(OrgUnit).findOneByOrFail({ code });
  const indicators = new Map((await ds.getRepository(Indicator).find()).map((i) => [i.code, i.id]));
  const indicator = (code: string) => {
    const id = indicators.get(code);
    if (!id) throw new Error(`demo: no indicator ${code}`);
    return id;
  };
  const membersOf = (gu: OrgUnit) => ds.getRepository(Member).find({ where: { grassrootsUnionId: gu.id }, order: { id: 'ASC' } });
  const childrenOf = (parent: OrgUnit) => ds.getRepository(OrgUnit).find({ where: { parentId: parent.id, level: OrgLevel.GRASSROOTS }, order: { id: 'ASC' } });

  await thanhHoa2023();
  await thanhHoa2020();
  await tuyenQuangCluster2023();
  await caoBangCongress2023();
  await haTinhBloc2022();

  /** Seed 000. */
  async function thanhHoa2023() {
    const fed = await as('ldld.thanhhoa');
    const union = await as('cdvc.thanhhoa');
    const ldld = await unit('LDLD-TH');
    const cdvc = await unit('CDVC-TH');
    const gus = await childrenOf(cdvc);
    const sizes = await Promise.all(gus.map(async (g) => (await membersOf(g)).length));

    // Welfare: "thăm hỏi hơn 910 lượt đoàn viên, số tiền hỗ trợ thăm hỏi gần 1,350 tỷ đồng", given
    // by the grassroots unions in proportion to their size, one record per union and kind.
    const kinds: [WelfareKind, number, number | null][] = [
      // kind, visits, VND per visit (null: the amounts are shared out instead)
      [WelfareKind.SICKNESS, 420, 1_200_000],
      [WelfareKind.MATERNITY, 110, 1_000_000],
      [WelfareKind.BEREAVEMENT, 190, 2_000_000],
      [WelfareKind.WEDDING, 130, 1_000_000],
      [WelfareKind.HARDSHIP, 60, null],
    ];
    const hardshipTotal = 1_349_800_000 - (420 * 1_200_000 + 110 * 1_000_000 + 190 * 2_000_000 + 130 * 1_000_000);
    const month: Record<string, string> = { SICKNESS: '12-15', MATERNITY: '12-15', BEREAVEMENT: '12-15', WEDDING: '12-15', HARDSHIP: '12-20' };
    for (const [kind, visits, each] of kinds) {
      const counts = split(visits, sizes);
      const amounts = each == null ? split(hardshipTotal / 100_000, counts).map((x) => x * 100_000) : counts.map((c) => c * each);
      for (const [i, gu] of gus.entries()) {
        if (!counts[i]) continue;
        await s.year.welfare.create(union, {
          unitId: gu.id, date: `2023-${month[kind]}`, kind, count: counts[i], amount: amounts[i], fundSource: FundSource.UNION_FINANCE,
          note: 'Tổng hợp thăm hỏi đoàn viên năm 2023 (số liệu của CĐCS)',
        });
      }
    }

    // Ratings of 2023: by the union for its grassroots unions (17 of 18 good or better), by the federation for the union.
    for (const [i, gu] of gus.entries()) {
      const level = gu.code === 'CDCS-TH-STTTT' ? RatingLevel.COMPLETED : i % 3 === 0 ? RatingLevel.EXCELLENT : RatingLevel.GOOD;
      await s.year.rating.create(union, { unitId: gu.id, year: 2023, level });
    }
    await s.year.rating.create(fed, { unitId: cdvc.id, year: 2023, level: RatingLevel.EXCELLENT });

    // Ten targets, eight met or exceeded ("8/10 chỉ tiêu đạt và vượt kế hoạch"). The article names
    // only the Party admissions; the other nine are the demo's, each consistent with the records.
    const report = await s.year.report.report(await as('admin'), cdvc.id, 2023);
    if (report.newMembers < 2 || report.welfare.count !== 910) throw new Error('demo: Thanh Hóa 2023 records are not as the article');
    const good = report.grassrootsRatings.filter((r) => r.level === RatingLevel.EXCELLENT || r.level === RatingLevel.GOOD).reduce((n, r) => n + r.count, 0);
    const illustrative = 'Minh họa: bài báo chỉ nêu "8/10 chỉ tiêu đạt và vượt kế hoạch", không nêu từng chỉ tiêu.';
    const targets: [string, TargetSource, number, number, string | null][] = [
      ['NEW_MEMBERS', TargetSource.ASSIGNED_PLAN, Math.floor(report.newMembers * 0.9), report.newMembers, `${illustrative} Kết quả là số đoàn viên kết nạp trong năm.`],
      ['PARTY_REFERRALS', TargetSource.ANNUAL_PROGRAMME, 100, 125, illustrative],
      ['WELFARE_VISITS', TargetSource.ANNUAL_PROGRAMME, 900, report.welfare.count, illustrative],
      ['STAFF_CONFERENCES', TargetSource.ANNUAL_PROGRAMME, gus.length, gus.length, illustrative],
      ['GRASSROOTS_GOOD_RATE', TargetSource.ANNUAL_PROGRAMME, 90, Math.round((good / gus.length) * 10000) / 100, illustrative],
      ['EXCELLENT_MEMBERS_RATE', TargetSource.ANNUAL_PROGRAMME, 80, 84.5, illustrative],
      ['HCM_STUDY_RATE', TargetSource.ANNUAL_PROGRAMME, 100, 100, illustrative],
      ['WOMEN_GVN_DVN_RATE', TargetSource.ANNUAL_PROGRAMME, 98, 96.2, illustrative],
      ['CULTURAL_FAMILY_RATE', TargetSource.ANNUAL_PROGRAMME, 97, 95.4, illustrative],
    ];
    for (const [code, source, planned, actual, note] of targets) {
      await s.year.target.create(union, {
        unitId: cdvc.id, year: 2023, indicatorId: indicator(code), source, planned, actual, note,
        assignedByUnitId: source === TargetSource.ASSIGNED_PLAN ? ldld.id : null,
      });
    }
    // "112 đoàn viên được kết nạp vào Đảng (đạt 187,6% chỉ tiêu Liên đoàn Lao động tỉnh giao)": no whole plan gives 187.6%.
    await s.year.target.create(union, {
      unitId: cdvc.id, year: 2023, indicatorId: indicator('PARTY_ADMISSIONS'), source: TargetSource.ASSIGNED_PLAN, assignedByUnitId: ldld.id,
      planned: 60, actual: 112, reportedRate: 187.6,
      note: 'Báo cáo in "đạt 187,6% chỉ tiêu LĐLĐ tỉnh giao"; không chỉ tiêu nguyên nào cho đúng tỷ lệ đó (112/60 = 186,67%, 112/59 = 189,83%): giữ tỷ lệ đã in bên tỷ lệ tính được.',
    });

    // An initiative of 2023 worth a Bằng Lao động sáng tạo (award/demo-nominations.ts proposes it).
    const syt = await unit('CDCS-TH-SYT');
    const sytMembers = (await membersOf(syt)).filter((m) => m.status === 'ACTIVE');
    await s.year.initiative.create(union, {
      unitId: syt.id, title: 'Số hóa quy trình tiếp nhận và trả kết quả hồ sơ cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', year: 2023,
      status: InitiativeStatus.APPLIED, benefit: 125_000_000, recognizedBy: 'Hội đồng sáng kiến Sở Y tế Thanh Hóa', authorMemberIds: [sytMembers[14].id, sytMembers[15].id],
    });
  }

  /** Seed 004. */
  async function thanhHoa2020() {
    const union = await as('cdvc.thanhhoa');
    const cdvc = await unit('CDVC-TH');
    // "Nhân dịp Tết Canh Tý 2020, CĐVC tỉnh tặng 27 suất quà cho đoàn viên có hoàn cảnh khó khăn, tổng số tiền 13,5 triệu đồng."
    await s.year.welfare.create(union, {
      unitId: cdvc.id, date: '2020-01-17', kind: WelfareKind.TET_GIFT, count: 27, amount: 13_500_000, fundSource: FundSource.UNION_FINANCE,
      note: 'Tết Canh Tý 2020: 27 suất quà cho đoàn viên có hoàn cảnh khó khăn',
    });
    // "Đánh giá xếp loại năm 2020, 100% CĐCS đều hoàn thành tốt nhiệm vụ trở lên."
    for (const [i, gu] of (await childrenOf(cdvc)).entries()) {
      await s.year.rating.create(union, { unitId: gu.id, year: 2020, level: i % 4 === 0 ? RatingLevel.EXCELLENT : RatingLevel.GOOD });
    }
  }

  /** Seed 001. */
  async function tuyenQuangCluster2023() {
    const admin = await as('admin');
    const cdvc = await unit('CDVC-TQ');
    const gus: OrgUnit[] = [];
    for (let i = 1; i <= 10; i++) gus.push(await unit(`CDCS-HG-${String(i).padStart(2, '0')}`));
    const cluster = await s.year.cluster.create(admin, { name: 'Cụm thi đua số I', kind: ClusterKind.CLUSTER, organizingUnitId: cdvc.id });
    for (const gu of gus) await s.year.clusterEntry.create(admin, { clusterId: cluster.id, unitId: gu.id, year: 2023, role: ClusterRole.MEMBER });
    // "100% các CĐCS trong Cụm đã tổ chức thành công Đại hội CĐCS nhiệm kỳ 2023-2028": plenary congresses (under 150 members) in spring 2023.
    for (const [i, gu] of gus.entries()) {
      const convened = (await membersOf(gu)).length;
      await s.year.congress.create(admin, {
        unitId: gu.id, heldOn: `2023-0${3 + (i % 4)}-${String(10 + i).padStart(2, '0')}`, termStartYear: 2023, termEndYear: 2028, form: CongressForm.PLENARY,
        convenedCount: convened, attendedCount: convened - 2 - (i % 4),
      });
    }
    // "kết nối các nhà tài trợ chung tay xây dựng nông thôn mới được trên 200 triệu đồng"
    for (const [i, amount] of [95_000_000, 60_000_000, 50_000_000].entries()) {
      await s.year.welfare.create(admin, {
        unitId: gus[i].id, date: `2023-${10 + i}-20`, kind: WelfareKind.CHARITY, count: 1, amount, fundSource: FundSource.DONORS,
        note: 'Kết nối nhà tài trợ hỗ trợ xây dựng nông thôn mới (Cụm thi đua số I)',
      });
    }
  }

  /** Seed 002. */
  async function caoBangCongress2023() {
    const chair = await as('cdcs.vpubnd');
    const vpub = await unit('CDCS-CB-VPUB');
    const members = await membersOf(vpub);
    if (members.length !== 127) throw new Error(`demo: the Cao Bằng office union has ${members.length} members, not 127`);
    const congress = await s.year.congress.create(chair, {
      unitId: vpub.id, heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: CongressForm.PLENARY, convenedCount: 127, attendedCount: 102,
      motto: 'Đổi mới - Dân chủ - Đoàn kết – Trách nhiệm',
    });
    // "bầu 7 đồng chí vào BCH … và bầu 8 đồng chí đi dự Đại hội Công đoàn cấp trên"; the BCH's first meeting elected the chair.
    const seat = (m: Member, position: ElectedPosition) => s.year.seat.create(chair, { congressId: congress.id, memberId: m.id, position });
    for (const m of members.slice(0, 7)) await seat(m, ElectedPosition.BCH_MEMBER);
    await seat(members[0], ElectedPosition.CHAIR);
    for (const i of [0, 1, 3, 9, 24, 48, 77, 101]) await seat(members[i], ElectedPosition.DELEGATE);
    // The resolution's targets for the term (nhiệm kỳ 2023–2028), recorded on its first year.
    const resolution = 'Nghị quyết Đại hội CĐCS Văn phòng UBND tỉnh nhiệm kỳ 2023–2028';
    for (const [code, planned, note] of [
      ['HCM_STUDY_RATE', 100, '100% CBCCVCLĐ đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'],
      ['EXCELLENT_MEMBERS_RATE', 90, 'Phấn đấu 90% trở lên đoàn viên đạt danh hiệu Đoàn viên công đoàn xuất sắc'],
      ['TEAMS_GOOD_RATE', 100, 'Hằng năm 100% Tổ công đoàn được xếp loại hoàn thành tốt nhiệm vụ'],
      ['PARTY_REFERRALS', 1, 'Bình quân mỗi năm giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng kết nạp'],
      ['ADVANCED_WORKER_RATE', 85, 'Hằng năm 85% CBCCVCLĐ đạt danh hiệu Lao động tiên tiến'],
      ['EMULATION_FIGHTER_RATE', 15, '15% CBCCVCLĐ đạt danh hiệu Chiến sĩ thi đua các cấp'],
      ['WOMEN_GVN_DVN_RATE', 100, '100% nữ CBCCVCLĐ đạt danh hiệu "Giỏi việc nước, đảm việc nhà" cấp cơ sở'],
      ['NO_SOCIAL_EVILS_RATE', 100, 'Phấn đấu 100% CBCCVCLĐ không mắc các tệ nạn xã hội'],
      ['CULTURAL_FAMILY_RATE', 97, '97% trở lên gia đình CBCCVCLĐ đạt danh hiệu gia đình văn hóa'],
    ] as [string, number, string][]) {
      await s.year.target.create(chair, { unitId: vpub.id, year: 2023, indicatorId: indicator(code), source: TargetSource.CONGRESS_RESOLUTION, planned, note: `${resolution}: ${note}` });
    }
  }

  /** Seed 003. */
  async function haTinhBloc2022() {
    const fed = await as('ldld.hatinh');
    const ldld = await unit('LDLD-HT');
    const unions = await Promise.all(HT_BLOC.map((b) => unit(b.code)));

    // The bloc, its members in 2022, and the civil-servants union leading it in 2023 ("Năm 2023 Công đoàn ngành Viên Chức làm Trưởng khối thi đua").
    const bloc = await s.year.cluster.create(fed, { name: 'Khối thi đua các Công đoàn ngành', kind: ClusterKind.BLOC, organizingUnitId: ldld.id });
    for (const year of [2022, 2023]) {
      for (const u of unions) {
        const role = year === 2023 && u.code === 'CDVC-HT' ? ClusterRole.LEADER : ClusterRole.MEMBER;
        // trưởng khối is a role taken in turn; `leading` (dẫn đầu) is the year's honour, which the article does not give
        await s.year.clusterEntry.create(fed, { clusterId: bloc.id, unitId: u.id, year, role });
      }
    }

    // The federation's plan for 2022 and each union's result ("KH LĐLĐ tỉnh giao"); the article prints the bloc's sums.
    const assigned = 'Kế hoạch LĐLĐ tỉnh giao năm 2022; bài báo in tổng của Khối thi đua các Công đoàn ngành.';
    for (const [k, b] of HT_BLOC.entries()) {
      const u = unions[k];
      const rows: [string, number, number][] = [
        ['NEW_MEMBERS', b.plan2022.newMembers, b.newMembers2022],
        ['NEW_GRASSROOTS', b.plan2022.newGrassroots, b.foundedIn2022],
        ['MAI_AM_FUND', ...b.plan2022.maiAm],
        ['STAFF_CONFERENCES', b.publicUnits.length, b.publicUnits.length],
        ['WORKER_CONFERENCES', ...b.plan2022.workerConferences],
        ['WORKPLACE_DIALOGUES', b.plan2022.dialogues, b.plan2022.dialogues],
      ];
      for (const [code, planned, actual] of rows) {
        if (planned <= 0) continue;
        await s.year.target.create(fed, { unitId: u.id, year: 2022, indicatorId: indicator(code), source: TargetSource.ASSIGNED_PLAN, assignedByUnitId: ldld.id, planned, actual, note: assigned });
      }
    }

    // "35 sáng kiến của NLĐ được áp dụng làm lợi cho doanh nghiệp 4,5 tỷ đồng, trong đó có 8 sáng kiến tiêu biểu được Tổng LĐLĐ Việt Nam tặng Bằng Lao động sáng tạo."
    // Mostly from the enterprises (not those founded that year), the largest benefits first.
    const perUnion: [string, number][] = [['CDGTXD-HT', 12], ['CDNN-HT', 10], ['CDYT-HT', 8], ['CDGD-HT', 3], ['CDVC-HT', 2]];
    let n = 0;
    for (const [code, count] of perUnion) {
      const b = HT_BLOC.find((x) => x.code === code)!;
      const gus = await childrenOf(unions[HT_BLOC.indexOf(b)]);
      const open = b.enterprises.length - b.foundedIn2022;
      const pool = open > 0 ? gus.slice(b.publicUnits.length, b.publicUnits.length + open) : gus.slice(0, b.publicUnits.length);
      for (let j = 0; j < count; j++, n++) {
        const gu = pool[(j * 3) % pool.length];
        const authors = (await membersOf(gu)).filter((m) => m.status === 'ACTIVE');
        await s.year.initiative.create(fed, {
          unitId: gu.id, title: INITIATIVES_2022[n], year: 2022, status: InitiativeStatus.APPLIED, benefit: BENEFITS_2022[n] * 1_000_000,
          recognizedBy: 'Hội đồng sáng kiến cơ sở', authorMemberIds: authors.slice(3, 3 + 1 + (n % 3)).map((m) => m.id),
        });
      }
    }
  }
}

/**
 * Benefits (million VND) of the 35 applied initiatives of the Hà Tĩnh bloc in 2022: 4,500 in all.
 * The first eight, each above the BLĐST threshold, are the ones the confederation honoured.
 */
export const BENEFITS_2022 = [
  420, 360, 310, 280, 250, 220, 190, 160,
  150, 140, 130, 120, 115, 110, 105, 100, 95, 90, 88, 85, 82, 80, 78, 75, 72, 70, 68, 65, 62, 60, 55, 50, 45, 40, 80,
];
if (BENEFITS_2022.length !== 35 || BENEFITS_2022.reduce((a, b) => a + b, 0) !== 4500) throw new Error('demo: the 35 initiatives must be worth 4,500 million VND');

/** Their titles, in the order of the unions above (transport and construction, agriculture, health, education, civil servants). */
const INITIATIVES_2022 = [
  'Cải tiến ván khuôn trượt thi công mặt đường bê tông xi măng', 'Giải pháp tái chế bê tông nhựa cũ cho lớp móng đường giao thông nông thôn',
  'Lắp bộ biến tần cho trạm trộn bê tông, tiết kiệm điện năng', 'Phần mềm quản lý lịch bảo dưỡng phương tiện vận tải', 'Cải tiến khuôn đúc dầm cầu bản rỗng',
  'Tối ưu hóa tuyến vận chuyển vật liệu xây dựng', 'Cải tiến gầu xúc máy đào cho nền đất yếu', 'Giải pháp chống sạt lở taluy bằng cỏ vetiver',
  'Cải tiến quy trình kiểm định chất lượng cọc bê tông', 'Phần mềm quản lý thiết bị thi công', 'Giải pháp giảm hao hụt xi măng tại trạm trộn',
  'Thay thế cống hộp đúc sẵn cho cống tròn trên kênh nội đồng',
  'Cải tiến hệ thống tưới tự động cho vườn ươm giống cây lâm nghiệp', 'Quy trình vận hành hồ chứa liên hoàn giảm thất thoát nước tưới',
  'Cải tiến máy băm rơm làm thức ăn chăn nuôi', 'Giải pháp xử lý chất thải chăn nuôi bằng đệm lót sinh học', 'Ứng dụng cảm biến đo mực nước kênh tưới từ xa',
  'Quy trình ủ phân hữu cơ vi sinh từ phụ phẩm nông nghiệp', 'Cải tiến lò sấy nông sản dùng trấu', 'Cải tiến máy gặt đập liên hợp cho ruộng bậc thang',
  'Giải pháp bảo quản hạt giống lúa bằng bao kín khí', 'Lắp pin mặt trời cho trạm bơm điện nhỏ',
  'Hệ thống đặt lịch khám bệnh trực tuyến', 'Cải tiến quy trình cấp phát thuốc ngoại trú', 'Tiết kiệm vật tư tiêu hao trong phòng mổ',
  'Quy trình khử khuẩn dụng cụ nội soi tái sử dụng', 'Phần mềm theo dõi bệnh nhân điều trị ARV', 'Cải tiến xe đẩy cấp cứu đa năng',
  'Bệnh án điện tử cho khoa Khám bệnh', 'Giảm thời gian chờ xét nghiệm máu',
  'Sổ tay điện tử soạn giảng cho giáo viên tiểu học', 'Phần mềm xếp thời khóa biểu tự động', 'Học liệu số môn Khoa học tự nhiên lớp 6',
  'Số hóa hồ sơ lưu trữ cơ quan', 'Phần mềm quản lý văn bản đi, đến liên thông',
];

/** Splits `total` into whole parts proportional to `weights` (largest remainders), summing exactly to `total`. */
export function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum ? (total * w) / sum : 0));
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out;
}
