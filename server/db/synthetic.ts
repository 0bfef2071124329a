import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { databaseTarget, openDatabase } from './data-source';
import { Db } from './dialect';
import { person, rng, PROVINCES } from './names';
import { nameSortKey, searchKey } from '../common/text';
import { hashPassword } from '../auth/password';
import { Role } from '../auth/role';
import { OrgLevel } from '../org/org-level';
import { Gender } from '../member/member.entity';
import { NominationAction as A, NominationStatus as S } from '../award/nomination.entity';
import { afterApproval, firstLevel, levelChain, OPEN_STATUSES } from '../award/workflow';
import { formatDecisionNumber } from '../award/award.service';
import { AwardTypeService } from '../award/award-type.service';
import { AuditService } from '../audit/audit.service';

/**
 * The synthetic national tree for benchmarks (docs: /work/shared/bench.md, "Data"):
 *
 *   npm run seed:synthetic -- --size S|M|L [--seed 42] [--force]
 *
 * fills the MySQL/MariaDB database named by DATABASE_URL (migrated first) with federations,
 * unions, grassroots unions, teams, members, accounts, nominations with their history and awards
 * with decision numbers, deterministic for a seed. Rows go in through multi-row INSERTs on the raw
 * driver with ids assigned here, so ancestor columns are filled without reading anything back.
 * The same path never runs in the API: it writes no audit rows.
 */

export const SIZES = {
  S: { federations: 34, unions: 340, grassroots: 3_400, teams: 13_600, members: 100_000, nominations: 6_000 },
  M: { federations: 34, unions: 400, grassroots: 12_500, teams: 50_000, members: 1_000_000, nominations: 24_000 },
  L: { federations: 34, unions: 700, grassroots: 125_000, teams: 500_000, members: 11_000_000, nominations: 200_000 },
} as const;
export type SizeName = keyof typeof SIZES;

/** The password of every synthetic account (benchmark data only). */
export const BENCH_PASSWORD = 'bench1234';
/** Ages, dates and nomination years are computed against this fixed day, so a seed always gives the same rows. */
const REF_DATE = '2026-06-30';
const REF_MS = Date.parse(`${REF_DATE}T00:00:00Z`);
const DAY = 86_400_000;
/** Nominations and awards of these years. */
const YEARS = [2023, 2024, 2025];
const OPEN_YEAR = 2025;
/** The queue of the benchmark's federation admin: at least this many PENDING at FEDERATION. */
const BENCH_QUEUE = 150;

// ---- reference words ----------------------------------------------------------------------------

/** Provinces from the largest membership to the smallest (rough public order); weights run 10 → 1. */
const SIZE_ORDER = [
  'Hồ Chí Minh', 'Hà Nội', 'Đồng Nai', 'Bắc Ninh', 'Hải Phòng', 'Phú Thọ', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Tây Ninh',
  'Hưng Yên', 'Đà Nẵng', 'Cần Thơ', 'Vĩnh Long', 'An Giang', 'Lâm Đồng', 'Khánh Hòa', 'Quảng Ngãi', 'Gia Lai', 'Đắk Lắk',
  'Thái Nguyên', 'Đồng Tháp', 'Quảng Ninh', 'Cà Mau', 'Quảng Trị', 'Lào Cai', 'Tuyên Quang', 'Huế', 'Hà Tĩnh', 'Sơn La',
  'Lạng Sơn', 'Cao Bằng', 'Điện Biên', 'Lai Châu',
];
/** CCCD province codes (first three digits of a citizen id), for plausible national ids. */
const CCCD: Record<string, string> = {
  'Hà Nội': '001', 'Cao Bằng': '004', 'Tuyên Quang': '008', 'Điện Biên': '011', 'Lai Châu': '012', 'Sơn La': '014', 'Lào Cai': '010',
  'Thái Nguyên': '019', 'Lạng Sơn': '020', 'Quảng Ninh': '022', 'Bắc Ninh': '027', 'Phú Thọ': '025', 'Hải Phòng': '031', 'Hưng Yên': '033',
  'Ninh Bình': '037', 'Thanh Hóa': '038', 'Nghệ An': '040', 'Hà Tĩnh': '042', 'Quảng Trị': '045', 'Huế': '046', 'Đà Nẵng': '048',
  'Quảng Ngãi': '051', 'Gia Lai': '064', 'Khánh Hòa': '056', 'Lâm Đồng': '068', 'Đắk Lắk': '066', 'Hồ Chí Minh': '079', 'Đồng Nai': '075',
  'Tây Ninh': '072', 'Cần Thơ': '092', 'Vĩnh Long': '086', 'Đồng Tháp': '087', 'Cà Mau': '096', 'An Giang': '089',
};
const PLACE_A = ['Tân', 'Phú', 'An', 'Hòa', 'Bình', 'Long', 'Thạnh', 'Hưng', 'Phước', 'Đông', 'Tây', 'Nam', 'Bắc', 'Xuân', 'Thanh', 'Vĩnh', 'Minh', 'Quang', 'Hồng', 'Cẩm', 'Hải', 'Sơn', 'Mỹ', 'Trung', 'Thuận', 'Đức', 'Kim', 'Ngọc', 'Thái', 'Hiệp'];
const PLACE_B = ['Phú', 'Lợi', 'Hòa', 'An', 'Bình', 'Thịnh', 'Hưng', 'Thành', 'Phong', 'Lộc', 'Sơn', 'Hà', 'Lâm', 'Điền', 'Khánh', 'Mỹ', 'Tiến', 'Thuận', 'Long', 'Xuân', 'Đông', 'Tân', 'Trung', 'Hải', 'Hiệp', 'Nghĩa', 'Đức', 'Quang', 'Minh', 'Phước'];
const NAMESAKES = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Lý Thường Kiệt', 'Quang Trung', 'Nguyễn Du', 'Chu Văn An', 'Lê Quý Đôn', 'Phan Bội Châu', 'Phan Chu Trinh', 'Võ Thị Sáu', 'Nguyễn Bỉnh Khiêm', 'Hai Bà Trưng', 'Ngô Quyền', 'Đinh Tiên Hoàng', 'Lê Hồng Phong', 'Trần Phú', 'Nguyễn Thị Minh Khai', 'Hoàng Hoa Thám', 'Kim Đồng', 'Lương Thế Vinh', 'Tô Hiến Thành', 'Bà Triệu', 'Yết Kiêu', 'Nguyễn Khuyến', 'Trần Quốc Toản', 'Lê Văn Tám', 'Nguyễn Văn Trỗi', 'Phan Đình Phùng', 'Huỳnh Thúc Kháng'];
const SCHOOL_LEVELS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường Tiểu học', 'Trường THCS', 'Trường THCS', 'Trường THPT'];
const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Công ty TNHH'];
const COMPANY_TRADES = ['May mặc', 'Dệt may', 'Da giày', 'Xây dựng', 'Thực phẩm', 'Cơ khí', 'Điện tử', 'Vận tải', 'Thương mại', 'Dược phẩm', 'Chế biến Thủy sản', 'Chế biến Gỗ', 'Nhựa', 'Bao bì', 'Xi măng', 'Cấp thoát nước', 'Môi trường Đô thị', 'Vật liệu Xây dựng', 'Cao su', 'Thép'];
const AGENCIES = ['Sở Tư pháp', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Công Thương', 'Sở Xây dựng', 'Sở Khoa học và Công nghệ', 'Sở Nông nghiệp và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch', 'Thanh tra', 'Văn phòng UBND', 'Văn phòng Đoàn ĐBQH và HĐND', 'Ban Dân tộc', 'Đài Phát thanh và Truyền hình', 'Báo', 'Kho bạc Nhà nước khu vực', 'Chi cục Thuế khu vực', 'Bảo hiểm xã hội khu vực', 'Ban Quản lý dự án Đầu tư xây dựng', 'Trung tâm Dịch vụ việc làm', 'Thư viện'];
const HEALTH = ['Bệnh viện Đa khoa khu vực', 'Trung tâm Y tế', 'Trạm Y tế', 'Bệnh viện Y học cổ truyền', 'Bệnh viện Phục hồi chức năng', 'Trung tâm Kiểm soát bệnh tật', 'Bệnh viện Đa khoa'];
const TEAMS: Record<string, string[]> = {
  school: ['Tổ Toán – Tin', 'Tổ Ngữ văn', 'Tổ Khoa học Tự nhiên', 'Tổ Khoa học Xã hội', 'Tổ Ngoại ngữ', 'Tổ Văn phòng', 'Tổ Khối 1', 'Tổ Khối 2', 'Tổ Khối 3', 'Tổ Khối 4', 'Tổ Khối 5', 'Tổ Thể dục – Nghệ thuật'],
  health: ['Khoa Nội', 'Khoa Ngoại', 'Khoa Sản', 'Khoa Nhi', 'Khoa Khám bệnh', 'Khoa Cấp cứu', 'Khoa Dược', 'Khoa Xét nghiệm', 'Phòng Hành chính – Quản trị', 'Phòng Điều dưỡng', 'Khoa Chẩn đoán hình ảnh', 'Khoa Truyền nhiễm'],
  company: ['Phân xưởng 1', 'Phân xưởng 2', 'Phân xưởng 3', 'Ca sản xuất A', 'Ca sản xuất B', 'Ca sản xuất C', 'Kho vận', 'Kỹ thuật', 'Kinh doanh', 'Văn phòng', 'Bảo vệ', 'Nhà ăn', 'Kiểm tra chất lượng (KCS)', 'Cơ điện'],
  agency: ['Văn phòng', 'Phòng Tổng hợp', 'Phòng Kế hoạch – Tài chính', 'Phòng Tổ chức cán bộ', 'Phòng Nghiệp vụ', 'Phòng Thanh tra', 'Phòng Pháp chế', 'Nhà khách', 'Phòng Quản trị – Tài vụ', 'Hành chính – Tổ chức'],
};
const OCCUPATIONS: Record<string, string[]> = {
  school: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Nhân viên văn phòng', 'Kế toán', 'Nhân viên thư viện'],
  health: ['Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Dược sĩ', 'Kỹ thuật viên xét nghiệm', 'Hộ lý'],
  company: ['Công nhân may', 'Công nhân', 'Công nhân', 'Kỹ sư', 'Nhân viên kinh doanh', 'Thủ kho', 'Lái xe', 'Tổ trưởng sản xuất'],
  agency: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Kế toán', 'Văn thư', 'Thanh tra viên'],
};
const LEFT_REASONS = ['Nghỉ hưu', 'Chuyển công tác', 'Nghỉ việc', 'Chấm dứt hợp đồng lao động', 'Xin ra khỏi tổ chức công đoàn'];
const ACHIEVEMENTS = [
  'Hoàn thành xuất sắc nhiệm vụ năm {y}; tích cực tham gia phong trào "Lao động giỏi, lao động sáng tạo".',
  'Có sáng kiến cải tiến kỹ thuật được áp dụng, làm lợi cho đơn vị; hoàn thành xuất sắc nhiệm vụ năm {y}.',
  'Tích cực trong công tác chăm lo đời sống đoàn viên, thăm hỏi, hỗ trợ đoàn viên khó khăn năm {y}.',
  'Đạt danh hiệu "Giỏi việc nước, đảm việc nhà" năm {y}; gương mẫu, nhiệt tình trong hoạt động công đoàn.',
  'Tập thể hoàn thành xuất sắc nhiệm vụ năm {y}, dẫn đầu cụm thi đua; tổ chức tốt Hội nghị cán bộ, công chức, viên chức.',
  'Thực hiện tốt phong trào "Xanh – sạch – đẹp, bảo đảm an toàn vệ sinh lao động" năm {y}.',
];
const RETURN_COMMENTS = ['Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.', 'Bổ sung biên bản họp Hội đồng thi đua – khen thưởng.', 'Thiếu tờ trình của đơn vị đề nghị.'];
const REJECT_COMMENTS = ['Chưa đủ tiêu chuẩn theo quy chế khen thưởng.', 'Không đủ thời gian công tác theo quy định.', 'Đã được đề nghị hình thức khen thưởng khác trong năm.'];
const APPROVE_COMMENTS = ['Đủ điều kiện, đề nghị cấp trên xét.', 'Nhất trí.', 'Đồng ý khen thưởng.', null, null];

// ---- small helpers ------------------------------------------------------------------------------

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function weighted<T>(r: Rand, items: readonly (readonly [T, number])[]): T {
  let x = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}
/** A standard normal deviate (Box–Muller). */
const normal = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoStamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const initials = (name: string) => searchKey(name).split(' ').map((w) => w[0]).join('').toUpperCase();

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), each at least `min`
 * and at most its `cap`. Exact: the parts always add up to `total`.
 */
export function allocate(total: number, weights: number[], min = 0, caps?: number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(min);
  let left = total - min * n;
  if (left < 0) throw new Error(`cannot give ${n} parts at least ${min} out of ${total}`);
  let active = weights.map((_, i) => i).filter((i) => !caps || caps[i] > min);
  while (left > 0 && active.length) {
    const w = active.reduce((s, i) => s + weights[i], 0);
    const fracs: [number, number][] = [];
    let given = 0;
    for (const i of active) {
      const share = (left * weights[i]) / w;
      let add = Math.floor(share);
      if (caps) add = Math.min(add, caps[i] - out[i]);
      out[i] += add;
      given += add;
      fracs.push([share - Math.floor(share), i]);
    }
    left -= given;
    fracs.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of fracs) {
      if (left === 0) break;
      if (!caps || out[i] < caps[i]) (out[i]++, left--);
    }
    active = active.filter((i) => !caps || out[i] < caps[i]);
  }
  if (left > 0) throw new Error(`caps too small to place ${total}`);
  return out;
}

// ---- the plan of the tree -----------------------------------------------------------------------

type Kind = 'school' | 'health' | 'company' | 'agency';

interface Unit {
  id: number;
  level: OrgLevel.FEDERATION | OrgLevel.UNION | OrgLevel.GRASSROOTS | OrgLevel.TEAM;
  name: string;
  code: string | null;
  parentId: number | null;
  federationId: number;
  unionId: number | null;
  grassrootsUnionId: number | null;
  teamId: number | null;
}

interface Federation extends Unit {
  province: string;
  weight: number;
  unions: Union[];
  direct: Grassroots[];
  /** member ids [first, end) */
  firstMember: number;
  endMember: number;
  admins: [number, number];
}
interface Union extends Unit {
  kind: string;
  grassroots: Grassroots[];
  firstMember: number;
  endMember: number;
  admins: [number, number];
}
interface Grassroots extends Unit {
  kind: Kind;
  size: number;
  teams: number;
  firstTeam: number;
  firstMember: number;
  womenShare: number;
  /** accounts: chair, vice-chair */
  accounts: [number, number];
}

interface Tree {
  federations: Federation[];
  unions: Union[];
  grassroots: Grassroots[];
  teamCount: number;
  memberCount: number;
  teamNames: (g: Grassroots) => string[];
}

const UNION_KINDS: [string, (p: string) => string][] = [
  ['vienchuc', (p) => `Công đoàn Viên chức ${p}`],
  ['giaoduc', (p) => `Công đoàn ngành Giáo dục ${p}`],
  ['yte', (p) => `Công đoàn ngành Y tế ${p}`],
  ['kcn', (p) => `Công đoàn các Khu công nghiệp ${p}`],
  ['congthuong', (p) => `Công đoàn ngành Công Thương ${p}`],
  ['xaydung', (p) => `Công đoàn ngành Xây dựng ${p}`],
  ['giaothong', (p) => `Công đoàn ngành Giao thông vận tải ${p}`],
];

function planTree(size: SizeName, seed: number): Tree {
  const spec = SIZES[size];
  const r = rng(seed * 7919 + 1);
  const provinces = PROVINCES.slice(0, spec.federations);
  let id = 0;

  // Federations: weights 10 → 1 along SIZE_ORDER, so the largest province is ten times the smallest.
  const federations: Federation[] = provinces.map((p, i) => {
    const rank = SIZE_ORDER.indexOf(p.name);
    const weight = Math.pow(10, 1 - (rank < 0 ? i : rank) / (SIZE_ORDER.length - 1));
    const kindWord = p.kind === 'city' ? 'thành phố' : 'tỉnh';
    return {
      id: ++id, level: OrgLevel.FEDERATION, name: `Liên đoàn Lao động ${kindWord} ${p.name}`, code: '', parentId: null,
      federationId: 0, unionId: null, grassrootsUnionId: null, teamId: null,
      province: p.name, weight, unions: [], direct: [], firstMember: 0, endMember: 0, admins: [0, 0],
    };
  });
  const codes = new Set<string>();
  for (const f of federations) {
    f.federationId = f.id;
    let c = initials(f.province);
    for (let k = 2; codes.has(c); k++) c = `${initials(f.province)}${k}`;
    codes.add(c);
    f.code = `LDLD-${c}`;
  }
  const fw = federations.map((f) => f.weight);

  // Unions and grassroots unions per federation, by weight.
  const unionsPer = allocate(spec.unions, fw, 2);
  // every union gets a grassroots union and every federation one directly under it; the rest by weight
  const guBase = unionsPer.map((u) => u + 1);
  const guExtra = allocate(spec.grassroots - guBase.reduce((s, b) => s + b, 0), fw);
  const guPer = guBase.map((b, i) => b + guExtra[i]);
  const unions: Union[] = [];
  federations.forEach((f, fi) => {
    const place = `${f.name.includes('thành phố') ? 'thành phố' : 'tỉnh'} ${f.province}`;
    for (let k = 0; k < unionsPer[fi]; k++) {
      let kind: string;
      let name: string;
      if (k < UNION_KINDS.length && k < Math.max(3, Math.round(unionsPer[fi] * 0.3))) {
        kind = UNION_KINDS[k][0];
        name = UNION_KINDS[k][1](place);
      } else {
        kind = 'xa';
        const ward = r() < 0.4 ? 'phường' : 'xã';
        name = `Công đoàn ${ward} ${pick(r, PLACE_A)} ${pick(r, PLACE_B)}`;
      }
      const u: Union = {
        id: ++id, level: OrgLevel.UNION, name, code: `${f.code!.slice(5)}-CD${String(k + 1).padStart(3, '0')}`, parentId: f.id,
        federationId: f.id, unionId: 0, grassrootsUnionId: null, teamId: null, kind, grassroots: [], firstMember: 0, endMember: 0, admins: [0, 0],
      };
      u.unionId = u.id;
      f.unions.push(u);
      unions.push(u);
    }
  });

  // Grassroots unions: 5–10% directly under their federation; the rest spread unevenly over its unions.
  const grassroots: Grassroots[] = [];
  const guKind = (unionKind: string): Kind => {
    switch (unionKind) {
      case 'vienchuc': return 'agency';
      case 'giaoduc': return 'school';
      case 'yte': return 'health';
      case 'xa': return weighted<Kind>(r, [['school', 4], ['agency', 2], ['health', 1], ['company', 4]]);
      default: return 'company';
    }
  };
  const guName = (kind: Kind, province: string, direct: boolean): string => {
    const place = `${pick(r, PLACE_A)} ${pick(r, PLACE_B)}`;
    if (direct) return `Công đoàn ${pick(r, ['Tổng công ty', 'Công ty Cổ phần', 'Công ty TNHH'])} ${pick(r, COMPANY_TRADES)} ${place}`;
    switch (kind) {
      case 'school': return `Công đoàn ${pick(r, SCHOOL_LEVELS)} ${r() < 0.5 ? pick(r, NAMESAKES) : place}`;
      case 'health': return `Công đoàn cơ sở ${pick(r, HEALTH)} ${place}`;
      case 'agency': {
        const a = pick(r, AGENCIES);
        return `Công đoàn cơ sở ${a}${/khu vực|Báo|dự án|Trung tâm/.test(a) ? ` ${place}` : / tỉnh$/.test(a) ? '' : ` ${province}`}`;
      }
      default: return `Công đoàn ${pick(r, COMPANY_FORMS)} ${pick(r, COMPANY_TRADES)} ${place}`;
    }
  };
  federations.forEach((f, fi) => {
    const direct = Math.min(guPer[fi] - f.unions.length, Math.max(1, Math.round(guPer[fi] * (0.05 + 0.05 * r()))));
    const perUnion = allocate(guPer[fi] - direct, f.unions.map(() => Math.exp(0.7 * normal(r))), 1);
    let n = 0;
    const make = (parent: Union | null, kind: Kind): Grassroots => {
      const g: Grassroots = {
        id: ++id, level: OrgLevel.GRASSROOTS, name: guName(kind, `${f.name.includes('thành phố') ? 'thành phố' : 'tỉnh'} ${f.province}`, !parent), code: `CDCS-${f.code!.slice(5)}-${String(++n).padStart(5, '0')}`,
        parentId: parent?.id ?? f.id, federationId: f.id, unionId: parent?.id ?? null, grassrootsUnionId: 0, teamId: null,
        kind, size: 0, teams: 0, firstTeam: 0, firstMember: 0, womenShare: 0, accounts: [0, 0],
      };
      g.grassrootsUnionId = g.id;
      grassroots.push(g);
      return g;
    };
    f.unions.forEach((u, ui) => {
      for (let k = 0; k < perUnion[ui]; k++) u.grassroots.push(make(u, guKind(u.kind)));
    });
    for (let k = 0; k < direct; k++) f.direct.push(make(null, 'company'));
  });

  // Members: each federation's share by its weight (the largest ten times the smallest); inside it,
  // heavy-tailed sizes (log-normal), companies larger than offices, at least 3 members.
  const kindFactor: Record<Kind, number> = { company: 2, school: 0.8, health: 1.2, agency: 0.6 };
  const membersPer = allocate(spec.members, fw, 3 * Math.max(...guPer));
  federations.forEach((f, fi) => {
    const gus = grassroots.filter((g) => g.federationId === f.id);
    const sizes = allocate(membersPer[fi], gus.map((g) => Math.exp(normal(r)) * (g.unionId == null ? 4 : kindFactor[g.kind])), 3);
    gus.forEach((g, i) => (g.size = sizes[i]));
  });
  grassroots.forEach((g) => {
    // 40–60% women overall: schools and health more, companies by trade.
    const base = g.kind === 'school' ? 0.68 : g.kind === 'health' ? 0.62 : g.kind === 'agency' ? 0.45 : 0.42;
    g.womenShare = Math.min(0.9, Math.max(0.1, base + 0.15 * normal(r)));
  });

  // Teams: small grassroots unions (under 10 members) and about one in ten others have none.
  const withTeams = grassroots.filter((g) => g.size >= 10 && r() >= 0.1);
  const teamsPer = allocate(spec.teams, withTeams.map((g) => Math.sqrt(g.size)), 2, withTeams.map((g) => Math.max(2, Math.floor(g.size / 3))));
  withTeams.forEach((g, i) => (g.teams = teamsPer[i]));

  // Ids of teams follow the grassroots unions; member ids run federation by federation, so every
  // subtree's members form one id range.
  let teamId = id;
  let memberId = 0;
  for (const f of federations) {
    f.firstMember = memberId + 1;
    for (const u of f.unions) {
      u.firstMember = memberId + 1;
      for (const g of u.grassroots) {
        g.firstMember = memberId + 1;
        memberId += g.size;
      }
      u.endMember = memberId + 1;
    }
    for (const g of f.direct) {
      g.firstMember = memberId + 1;
      memberId += g.size;
    }
    f.endMember = memberId + 1;
  }
  for (const g of grassroots) {
    g.firstTeam = teamId + 1;
    teamId += g.teams;
  }

  const teamNames = (g: Grassroots): string[] => {
    const tr = rng(seed * 31 + g.id);
    const pool = [...TEAMS[g.kind]];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(tr() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return Array.from({ length: g.teams }, (_, k) => `Tổ Công đoàn ${k < pool.length ? pool[k].replace(/^Tổ /, '') : `số ${k + 1}`}`);
  };
  return { federations, unions, grassroots, teamCount: teamId - id, memberCount: memberId, teamNames };
}

// ---- the writer ---------------------------------------------------------------------------------

/** A progress bar on stderr: percentage, rows/s, ETA; lines instead of redraws when stderr is not a terminal. */
class Progress {
  private done = 0;
  private phase = '';
  private readonly start = Date.now();
  private lastDraw = 0;
  private lastTenth = -1;
  constructor(public total: number) {}

  setPhase(p: string) {
    this.phase = p;
    this.draw(true);
  }

  add(n: number) {
    this.done += n;
    this.draw(false);
  }

  get rows() {
    return this.done;
  }

  private draw(force: boolean) {
    const now = Date.now();
    const frac = Math.min(1, this.done / Math.max(1, this.total));
    const secs = (now - this.start) / 1000;
    const rate = this.done / Math.max(0.001, secs);
    const eta = rate > 0 ? Math.max(0, (this.total - this.done) / rate) : 0;
    const line = `${(frac * 100).toFixed(1).padStart(5)}%  ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${fmtSecs(eta)}  ${this.phase}`;
    if (process.stderr.isTTY) {
      if (!force && now - this.lastDraw < 150) return;
      this.lastDraw = now;
      const width = 30;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      process.stderr.write(`\r[${bar}] ${line}\x1b[K`);
    } else {
      const tenth = Math.floor(frac * 10);
      if (!force && tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      process.stderr.write(`${line}\n`);
    }
  }

  finish() {
    this.draw(true);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

const fmtSecs = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(s < 10 ? 1 : 0)}s`);

/**
 * Multi-row INSERTs of `batch` rows, at most `parallel` in flight on their own connections, so the
 * next batch is built while the database writes the last one.
 */
class Bulk {
  private inflight = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(
    private readonly pool: mysql.Pool,
    private readonly progress: Progress,
    readonly batch = 1000,
    private readonly parallel = 2,
  ) {}

  table(name: string, columns: string[]): TableBuffer {
    return new TableBuffer(this, `INSERT INTO ${name} (${columns.join(', ')}) VALUES `, columns.length);
  }

  async send(head: string, tuples: string[]): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inflight.size >= this.parallel) await Promise.race(this.inflight);
    if (this.failure) throw this.failure;
    const n = tuples.length;
    const sql = head + tuples.join(',');
    // Two INSERTs into one table can deadlock on a unique index's gap locks; InnoDB rolled the
    // statement back, so it is simply sent again.
    const attempt = async (tries: number): Promise<void> => {
      try {
        await this.pool.query(sql);
      } catch (e) {
        const errno = (e as { errno?: number }).errno;
        if ((errno === 1213 || errno === 1205) && tries < 10) return attempt(tries + 1);
        throw e;
      }
    };
    const p: Promise<void> = attempt(0)
      .then(() => this.progress.add(n))
      .catch((e) => {
        this.failure = e;
      })
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inflight);
    if (this.failure) throw this.failure;
  }
}

class TableBuffer {
  private rows: string[] = [];
  constructor(
    private readonly bulk: Bulk,
    private readonly head: string,
    private readonly width: number,
  ) {}

  /** Adds one row; returns a promise to await when a batch went out (back-pressure). */
  add(values: unknown[]): Promise<void> | null {
    if (values.length !== this.width) throw new Error(`row of ${values.length} values for ${this.width} columns: ${this.head}`);
    this.rows.push(`(${values.map((v) => mysql.escape(v as Parameters<typeof mysql.escape>[0])).join(',')})`);
    if (this.rows.length < this.bulk.batch) return null;
    return this.flush();
  }

  flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    return rows.length ? this.bulk.send(this.head, rows) : Promise.resolve();
  }
}

// ---- members ------------------------------------------------------------------------------------

interface MemberFacts {
  /** 1: may be nominated (active, not disciplined, holds no account) */
  eligible: Uint8Array;
  name: string[];
  team: Int32Array;
  gu: Int32Array;
}

async function writeMembers(tree: Tree, bulk: Bulk, seed: number): Promise<MemberFacts> {
  const r = rng(seed * 7919 + 2);
  const n = tree.memberCount;
  const facts: MemberFacts = { eligible: new Uint8Array(n + 1), name: new Array<string>(n + 1), team: new Int32Array(n + 1), gu: new Int32Array(n + 1) };
  const t = bulk.table('member', [
    'id', 'full_name', 'sort_key', 'search_key', 'gender', 'birth_date', 'phone', 'email', 'national_id', 'joined_at', 'card_number',
    'position', 'ethnicity', 'occupation', 'status', 'left_at', 'left_reason', 'disciplined_from', 'disciplined_until',
    'grassroots_union_id', 'team_id', 'union_id', 'federation_id',
  ]);
  const fedOf = new Map(tree.federations.map((f) => [f.id, f]));
  for (const g of tree.grassroots) {
    const province = fedOf.get(g.federationId)!.province;
    const cccd = CCCD[province] ?? '001';
    const bch = g.size < 30 ? 3 : g.size < 100 ? 5 : g.size < 300 ? 7 : 9;
    for (let j = 0; j < g.size; j++) {
      const id = g.firstMember + j;
      const gender = r() < g.womenShare ? Gender.FEMALE : Gender.MALE;
      const p = person(r, gender);
      // ages 18–62 on REF_DATE, most between 25 and 50
      const age = 18 + Math.min(44, Math.floor(((r() + r() + r()) / 3) * 45));
      const birthMs = Date.UTC(2026 - age, 5, 30) - Math.floor(r() * 365) * DAY;
      const birthYear = new Date(birthMs).getUTCFullYear();
      const joinedMs = Math.min(REF_MS - 30 * DAY, Date.UTC(Math.max(1990, birthYear + 18 + Math.floor(r() * 12)), int(r, 0, 11), int(r, 1, 28)));
      const officer = j < 2;
      const left = !officer && r() < 0.035;
      const disciplined = !officer && !left && r() < 0.003;
      const leftMs = left ? joinedMs + Math.floor(r() * (REF_MS - joinedMs)) : 0;
      const team = g.teams === 0 ? null : j >= bch && j < bch + g.teams ? g.firstTeam + (j - bch) : r() < 0.05 ? null : g.firstTeam + Math.floor(r() * g.teams);
      const position =
        j === 0 ? 'Chủ tịch' : j === 1 || (j === 2 && g.size >= 50) ? 'Phó Chủ tịch' : j < bch ? 'Ủy viên BCH' : team != null && j < bch + g.teams ? 'Tổ trưởng' : null;
      const words = searchKey(p.fullName).split(' ');
      const email = r() < 0.35 ? `${words[words.length - 1]}.${words.slice(0, -1).map((w) => w[0]).join('')}${birthYear % 100}${id % 1000}@${pick(r, ['gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com'])}` : null;
      const card = `${cccd.slice(1)}${String(id).padStart(8, '0')}`;
      const discFrom = disciplined ? Date.UTC(2024, 0, 1) + Math.floor(r() * 700) * DAY : 0;
      const row = [
        id, p.fullName, nameSortKey(p.fullName), searchKey(p.fullName, card), gender, isoDay(birthMs),
        `0${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, email,
        `${cccd}${(gender === Gender.FEMALE ? 1 : 0) + (birthYear >= 2000 ? 2 : 0)}${String(birthYear % 100).padStart(2, '0')}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`,
        isoDay(joinedMs), card, position, p.ethnicity, pick(r, OCCUPATIONS[g.kind]), left ? 'LEFT' : 'ACTIVE',
        left ? isoDay(leftMs) : null, left ? (age >= 58 ? 'Nghỉ hưu' : pick(r, LEFT_REASONS)) : null,
        disciplined ? isoDay(discFrom) : null, disciplined ? (r() < 0.2 ? null : isoDay(discFrom + 365 * DAY)) : null,
        g.id, team, g.unionId, g.federationId,
      ];
      facts.eligible[id] = !officer && !left && !disciplined ? 1 : 0;
      facts.name[id] = p.fullName;
      facts.team[id] = team ?? 0;
      facts.gu[id] = g.id;
      const wait = t.add(row);
      if (wait) await wait;
    }
  }
  await t.flush();
  return facts;
}

// ---- accounts -----------------------------------------------------------------------------------

interface Accounts {
  rows: unknown[][];
  bench: { admin: number; fed: number; chair: number; analyst: number };
  benchFederation: Federation;
  benchGrassroots: Grassroots;
  fullName: Map<number, string>;
}

function planAccounts(tree: Tree, facts: MemberFacts, hash: string, seed: number): Accounts {
  const r = rng(seed * 7919 + 3);
  const rows: unknown[][] = [];
  const fullName = new Map<number, string>();
  let id = 0;
  const add = (username: string, name: string, role: Role, scope: number | null, member: number | null) => {
    rows.push([++id, username, hash, name, searchKey(username, name), role, scope, member, 1, 1]);
    fullName.set(id, name);
    return id;
  };
  const someone = () => person(r, r() < 0.5 ? Gender.FEMALE : Gender.MALE).fullName;

  const largest = tree.federations.reduce((a, b) => (b.endMember - b.firstMember > a.endMember - a.firstMember ? b : a));
  const inLargest = tree.grassroots.filter((g) => g.federationId === largest.id);
  const benchGu =
    inLargest.find((g) => g.unionId != null && g.teams >= 2 && g.size >= 30 && g.size <= 60) ??
    inLargest.find((g) => g.size >= 30) ??
    inLargest[0];

  const bench = {
    admin: add('bench.admin', 'Quản trị benchmark', Role.SYSTEM_ADMIN, null, null),
    fed: add('bench.fed', `Quản trị ${largest.name}`, Role.FEDERATION_ADMIN, largest.id, null),
    chair: add('bench.chair', facts.name[benchGu.firstMember], Role.GRASSROOTS_CHAIR, benchGu.id, benchGu.firstMember),
    analyst: add('bench.analyst', 'Phân tích số liệu (benchmark)', Role.ANALYST, null, null),
  };
  for (const f of tree.federations) {
    const c = f.code!.slice(5).toLowerCase();
    f.admins = [add(`ldld.${c}`, someone(), Role.FEDERATION_ADMIN, f.id, null), add(`ldld.${c}.2`, someone(), Role.FEDERATION_ADMIN, f.id, null)];
  }
  for (const u of tree.unions) {
    u.admins = [add(`cdct.${u.id}`, someone(), Role.UNION_ADMIN, u.id, null), add(`cdct.${u.id}.2`, someone(), Role.UNION_ADMIN, u.id, null)];
  }
  for (const g of tree.grassroots) {
    // Chair and vice-chair are the first two members (Chủ tịch, Phó Chủ tịch); bench.chair is the chair of its union.
    const chair = g === benchGu ? bench.chair : add(`cdcs.${g.id}`, facts.name[g.firstMember], Role.GRASSROOTS_CHAIR, g.id, g.firstMember);
    const vice = g.size > 1 ? add(`cdcs.${g.id}.pho`, facts.name[g.firstMember + 1], Role.GRASSROOTS_CHAIR, g.id, g.firstMember + 1) : chair;
    g.accounts = [chair, vice];
  }
  return { rows, bench, benchFederation: largest, benchGrassroots: benchGu, fullName };
}

// ---- nominations, history, awards ---------------------------------------------------------------

interface TypeRow {
  id: number;
  code: string;
  nomineeKind: 'INDIVIDUAL' | 'COLLECTIVE';
  decidingLevel: OrgLevel;
}

interface PlannedEvent {
  nomination: PlannedNomination;
  action: A;
  level: OrgLevel | null;
  from: S | null;
  to: S;
  comment: string | null;
  actor: number;
  at: number;
}

interface PlannedNomination {
  id: number;
  type: TypeRow;
  year: number;
  achievements: string;
  memberId: number | null;
  unit: Unit | null;
  nomineeName: string;
  nominating: Unit;
  status: S;
  currentLevel: OrgLevel | null;
  version: number;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
  location: { federationId: number; unionId: number | null; grassrootsUnionId: number | null; teamId: number | null };
  award: { decidingUnit: Unit | null; at: number; by: number; number: string } | null;
}

const TYPE_WEIGHTS: Record<'GU' | 'GU_DIRECT' | 'UNION' | 'FED', [string, number][]> = {
  GU: [['GK_CDCS_CN', 18], ['DVXS', 14], ['GK_CDCS_TT', 5], ['GK_CDCT_CN', 10], ['CDCS_VM', 4], ['GK_CDCT_TT', 2], ['BK_LDLD_CN', 22], ['BK_LDLD_TT', 4], ['BK_TLD_CN', 8], ['BLDST', 2], ['KNC', 3]],
  GU_DIRECT: [['GK_CDCS_CN', 20], ['DVXS', 15], ['GK_CDCS_TT', 5], ['BK_LDLD_CN', 25], ['BK_LDLD_TT', 5], ['BK_TLD_CN', 9], ['BLDST', 3], ['KNC', 3]],
  UNION: [['GK_CDCT_CN', 20], ['GK_CDCT_TT', 15], ['CDCS_VM', 15], ['BK_LDLD_CN', 20], ['BK_LDLD_TT', 10], ['CTD_LDLD', 5], ['BK_TLD_CN', 8], ['BK_TLD_TT', 4], ['KNC', 3]],
  FED: [['BK_LDLD_CN', 25], ['BK_LDLD_TT', 20], ['CTD_LDLD', 10], ['BK_TLD_CN', 15], ['BK_TLD_TT', 10], ['CTD_TLD', 5], ['BLDST', 5], ['KNC', 10]],
};
const STATUS_WEIGHTS: [S, number][] = [
  [S.DRAFT, 8], [S.PENDING, 20], [S.RETURNED, 5], [S.FORWARDED, 6], [S.APPROVED, 46], [S.REJECTED, 8], [S.WITHDRAWN, 7],
];

class NominationPlanner {
  readonly nominations: PlannedNomination[] = [];
  readonly events: PlannedEvent[] = [];
  private readonly taken = new Set<string>();
  private readonly knc = new Set<number>();
  private readonly r: Rand;
  private readonly unitById = new Map<number, Unit>();
  private readonly fedById = new Map<number, Federation>();
  private readonly unionById = new Map<number, Union>();
  private readonly guById = new Map<number, Grassroots>();

  constructor(
    private readonly tree: Tree,
    private readonly facts: MemberFacts,
    private readonly accounts: Accounts,
    private readonly types: Map<string, TypeRow>,
    seed: number,
  ) {
    this.r = rng(seed * 7919 + 4);
    for (const f of tree.federations) (this.unitById.set(f.id, f), this.fedById.set(f.id, f));
    for (const u of tree.unions) (this.unitById.set(u.id, u), this.unionById.set(u.id, u));
    for (const g of tree.grassroots) (this.unitById.set(g.id, g), this.guById.set(g.id, g));
  }

  private teamUnit(g: Grassroots, teamId: number): Unit {
    return {
      id: teamId, level: OrgLevel.TEAM, name: '', code: null, parentId: g.id, federationId: g.federationId, unionId: g.unionId,
      grassrootsUnionId: g.id, teamId,
    };
  }

  /** A random member of the id range who may be nominated, or null. */
  private member(first: number, end: number): number | null {
    for (let k = 0; k < 30; k++) {
      const id = first + Math.floor(this.r() * (end - first));
      if (this.facts.eligible[id]) return id;
    }
    return null;
  }

  private memberLocation(id: number) {
    const g = this.guById.get(this.facts.gu[id])!;
    return { federationId: g.federationId, unionId: g.unionId, grassrootsUnionId: g.id, teamId: this.facts.team[id] || null };
  }

  /** The nominee for a type and nominating unit: a member or a unit of its subtree. */
  private nominee(type: TypeRow, nominating: Unit): { memberId: number | null; unit: Unit | null } | null {
    const r = this.r;
    if (type.nomineeKind === 'INDIVIDUAL') {
      const range = nominating as Unit & { firstMember: number; endMember?: number; size?: number };
      const end = nominating.level === OrgLevel.GRASSROOTS ? range.firstMember + (nominating as Grassroots).size : range.endMember!;
      const m = this.member(range.firstMember, end);
      return m == null ? null : { memberId: m, unit: null };
    }
    switch (nominating.level) {
      case OrgLevel.GRASSROOTS: {
        const g = nominating as Grassroots;
        // its own Giấy khen goes to a team; a higher award to the union itself (or a team)
        if (type.code === 'GK_CDCS_TT' || type.code === 'GK_CDCT_TT') {
          return g.teams ? { memberId: null, unit: this.namedTeam(g, g.firstTeam + Math.floor(r() * g.teams)) } : null;
        }
        if (type.code === 'CDCS_VM') return { memberId: null, unit: g };
        return { memberId: null, unit: g.teams && r() < 0.3 ? this.namedTeam(g, g.firstTeam + Math.floor(r() * g.teams)) : g };
      }
      case OrgLevel.UNION: {
        const u = nominating as Union;
        return { memberId: null, unit: pick(r, u.grassroots) };
      }
      default: {
        const f = nominating as Federation;
        const pool: Unit[] = r() < 0.4 && f.unions.length ? f.unions : [...f.direct, ...f.unions.flatMap((u) => u.grassroots)];
        return { memberId: null, unit: pick(r, pool) };
      }
    }
  }

  private teamNameCache = new Map<number, string[]>();
  private namedTeam(g: Grassroots, teamId: number): Unit {
    let names = this.teamNameCache.get(g.id);
    if (!names) this.teamNameCache.set(g.id, (names = this.tree.teamNames(g)));
    return { ...this.teamUnit(g, teamId), name: names[teamId - g.firstTeam] };
  }

  /** Who reviews at a level for a nominating unit (never the creator: four eyes). */
  private reviewer(level: OrgLevel, nominating: Unit, creator: number): number {
    const two = (pair: [number, number]) => (pair[0] === creator ? pair[1] : pair[0]);
    switch (level) {
      case OrgLevel.GRASSROOTS: return two(this.guById.get(nominating.grassrootsUnionId!)!.accounts);
      case OrgLevel.UNION: return two(this.unionById.get(nominating.unionId!)!.admins);
      default: return two(this.fedById.get(nominating.federationId)!.admins);
    }
  }

  private creator(nominating: Unit): number {
    switch (nominating.level) {
      case OrgLevel.GRASSROOTS: {
        const a = (nominating as Grassroots).accounts;
        return this.r() < 0.8 ? a[0] : a[1];
      }
      case OrgLevel.UNION: return (nominating as Union).admins[0];
      default: return (nominating as Federation).admins[0];
    }
  }

  /**
   * One nomination taken along the real workflow (workflow.ts) to `status`, with its history.
   * `stopAt` forces where a PENDING one waits. Returns false when no valid nominee was found.
   */
  plan(nominating: Unit, typeCode: string, status: S, year: number, stopAt?: OrgLevel): boolean {
    const r = this.r;
    const type = this.types.get(typeCode)!;
    const hasUnion = nominating.unionId != null;
    const chain = levelChain(nominating.level as OrgLevel, hasUnion);
    if (!chain.includes(type.decidingLevel)) return false;
    if (status === S.FORWARDED && type.decidingLevel !== OrgLevel.CONFEDERATION) return false;
    // the levels it is reviewed at, from the first to the deciding one (the federation for confederation awards)
    const levels: OrgLevel[] = [];
    for (let l: OrgLevel = firstLevel(chain, type.decidingLevel); ; ) {
      levels.push(l);
      const next = afterApproval(chain, l, type.decidingLevel);
      if (next.status !== S.PENDING) break;
      l = next.level!;
    }
    if (stopAt && !levels.includes(stopAt)) return false;

    let nominee: { memberId: number | null; unit: Unit | null } | null = null;
    for (let k = 0; k < 5 && !nominee; k++) {
      const c = this.nominee(type, nominating);
      if (!c) continue;
      const key = `${c.memberId ? `m${c.memberId}` : `u${c.unit!.id}`}:${type.id}:${year}`;
      if (this.taken.has(key) || (type.code === 'KNC' && c.memberId && this.knc.has(c.memberId))) continue;
      this.taken.add(key);
      if (type.code === 'KNC' && c.memberId) this.knc.add(c.memberId);
      nominee = c;
    }
    if (!nominee) return false;

    const creator = this.creator(nominating);
    const nomineeName = nominee.memberId ? this.facts.name[nominee.memberId] : nominee.unit!.name;
    const n: PlannedNomination = {
      id: 0, type, year, achievements: pick(r, ACHIEVEMENTS).replace('{y}', String(year)), memberId: nominee.memberId, unit: nominee.unit,
      nomineeName, nominating, status: S.DRAFT, currentLevel: null, version: 1, createdBy: creator, createdAt: 0, updatedAt: 0,
      location: nominee.memberId
        ? this.memberLocation(nominee.memberId)
        : { federationId: nominee.unit!.federationId, unionId: nominee.unit!.unionId, grassrootsUnionId: nominee.unit!.grassrootsUnionId, teamId: nominee.unit!.teamId },
      award: null,
    };
    // Year-end emulation: proposals from October of the year to the first weeks of the next.
    let at = Date.UTC(year, 9, 1) + Math.floor(r() * 100 * DAY) + int(r, 7, 17) * 3_600_000 + Math.floor(r() * 3_600_000);
    const step = (action: A, level: OrgLevel | null, to: S, actor: number, comment: string | null = null, bump = true) => {
      this.events.push({ nomination: n, action, level, from: action === A.CREATE ? null : n.status, to, comment, actor, at });
      n.status = to;
      if (bump) n.version++;
      n.updatedAt = at;
      at += int(r, 1, 12) * DAY + int(r, 0, 8) * 3_600_000 + Math.floor(r() * 3_600_000);
    };
    n.createdAt = at;
    step(A.CREATE, null, S.DRAFT, creator, null, false);

    const approve = (i: number) => {
      const level = levels[i];
      const next = afterApproval(chain, level, type.decidingLevel);
      const by = this.reviewer(level, nominating, creator);
      n.currentLevel = next.level;
      step(A.APPROVE, level, next.status, by, pick(r, APPROVE_COMMENTS));
      return { next, by };
    };
    const submit = () => {
      n.currentLevel = levels[0];
      step(A.SUBMIT, nominating.level as OrgLevel, S.PENDING, creator);
    };
    const decide = (by: number, decidingUnit: Unit | null) => {
      n.award = { decidingUnit, at: n.updatedAt, by, number: '' };
    };
    const decidingUnit = (): Unit | null => {
      switch (type.decidingLevel) {
        case OrgLevel.GRASSROOTS: return this.unitById.get(nominating.grassrootsUnionId!)!;
        case OrgLevel.UNION: return this.unitById.get(nominating.unionId!)!;
        case OrgLevel.FEDERATION: return this.unitById.get(nominating.federationId)!;
        default: return null;
      }
    };

    switch (status) {
      case S.DRAFT:
        break;
      case S.WITHDRAWN:
        if (r() < 0.5) submit();
        n.currentLevel = null;
        step(A.WITHDRAW, null, S.WITHDRAWN, creator);
        break;
      case S.PENDING: {
        submit();
        const k = stopAt ? levels.indexOf(stopAt) : Math.floor(r() * levels.length);
        for (let i = 0; i < k; i++) approve(i);
        break;
      }
      case S.RETURNED:
      case S.REJECTED: {
        submit();
        const conf = type.decidingLevel === OrgLevel.CONFEDERATION;
        const k = Math.floor(r() * (levels.length + (conf && status === S.REJECTED ? 1 : 0)));
        for (let i = 0; i < Math.min(k, levels.length); i++) approve(i);
        n.currentLevel = null;
        if (k === levels.length) {
          step(A.CONFEDERATION_REJECT, OrgLevel.CONFEDERATION, S.REJECTED, this.fedById.get(nominating.federationId)!.admins[int(r, 0, 1)], pick(r, REJECT_COMMENTS));
        } else if (status === S.RETURNED) {
          step(A.RETURN, levels[k], S.RETURNED, this.reviewer(levels[k], nominating, creator), pick(r, RETURN_COMMENTS));
        } else {
          step(A.REJECT, levels[k], S.REJECTED, this.reviewer(levels[k], nominating, creator), pick(r, REJECT_COMMENTS));
        }
        break;
      }
      case S.FORWARDED:
      case S.APPROVED: {
        submit();
        let last = { next: { status: S.PENDING as S, level: null as OrgLevel | null }, by: 0 };
        for (let i = 0; i < levels.length; i++) last = approve(i);
        if (last.next.status === S.APPROVED) decide(last.by, decidingUnit());
        else if (status === S.APPROVED) {
          n.currentLevel = null;
          const by = this.fedById.get(nominating.federationId)!.admins[int(r, 0, 1)];
          step(A.CONFEDERATION_APPROVE, OrgLevel.CONFEDERATION, S.APPROVED, by);
          decide(by, null);
        }
        break;
      }
    }
    this.nominations.push(n);
    return true;
  }

  /** A nominating unit, a type and a status, drawn for the national mix. */
  planRandom(): boolean {
    const r = this.r;
    const tree = this.tree;
    // a member's grassroots union (so by size), a union, or a federation
    const x = r();
    let nominating: Unit;
    let weights: [string, number][];
    if (x < 0.8) {
      const m = 1 + Math.floor(r() * tree.memberCount);
      nominating = this.guById.get(this.facts.gu[m])!;
      weights = nominating.unionId ? TYPE_WEIGHTS.GU : TYPE_WEIGHTS.GU_DIRECT;
    } else if (x < 0.92) {
      nominating = pick(r, tree.unions);
      weights = TYPE_WEIGHTS.UNION;
    } else {
      nominating = weighted(r, tree.federations.map((f) => [f, f.weight] as const));
      weights = TYPE_WEIGHTS.FED;
    }
    const typeCode = weighted(r, weights);
    const type = this.types.get(typeCode)!;
    // confederation awards wait long at the confederation: many of them are FORWARDED
    const conf = type.decidingLevel === OrgLevel.CONFEDERATION;
    const statuses = STATUS_WEIGHTS.filter(([s]) => s !== S.FORWARDED || conf).map(([s, w]) => [s, s === S.FORWARDED ? 30 : w] as [S, number]);
    const status = weighted(r, statuses);
    const open = (OPEN_STATUSES as readonly S[]).includes(status);
    const year = open ? OPEN_YEAR : pick(r, YEARS);
    return this.plan(nominating, typeCode, status, year);
  }

  /** Extra proposals climbing to the federation's queue, so its admin has a queue to work. */
  fillQueue(f: Federation, want: number): void {
    const have = this.nominations.filter(
      (n) => n.status === S.PENDING && n.currentLevel === OrgLevel.FEDERATION && n.nominating.federationId === f.id && n.type.decidingLevel === OrgLevel.FEDERATION,
    ).length;
    const gus = [...f.unions.flatMap((u) => u.grassroots), ...f.direct];
    for (let k = 0, tries = 0; k < want - have && tries < want * 20; tries++) {
      if (this.plan(pick(this.r, gus), this.r() < 0.85 ? 'BK_LDLD_CN' : 'BK_LDLD_TT', S.PENDING, OPEN_YEAR, OrgLevel.FEDERATION)) k++;
    }
  }

  /**
   * Ids in time order, decision numbers per deciding unit and year (awards decided the same day by
   * the same unit share one decision, as a decision lists its recipients), and the counters.
   */
  finish(): { counters: Map<string, number> } {
    this.nominations.sort((a, b) => a.createdAt - b.createdAt);
    this.nominations.forEach((n, i) => (n.id = i + 1));
    this.events.sort((a, b) => a.at - b.at || a.nomination.id - b.nomination.id);
    const awarded = this.nominations.filter((n) => n.award).sort((a, b) => a.award!.at - b.award!.at || a.id - b.id);
    const counters = new Map<string, number>();
    const byDay = new Map<string, string>();
    for (const n of awarded) {
      const w = n.award!;
      const unitKey = w.decidingUnit ? String(w.decidingUnit.id) : 'TLD';
      const dayKey = `${unitKey}:${n.year}:${isoDay(w.at)}`;
      let number = byDay.get(dayKey);
      if (!number) {
        const c = (counters.get(`${unitKey}:${n.year}`) ?? 0) + 1;
        counters.set(`${unitKey}:${n.year}`, c);
        number = w.decidingUnit ? formatDecisionNumber(c, w.decidingUnit) : `${c}/QĐ-TLĐ`;
        byDay.set(dayKey, number);
      }
      w.number = number;
    }
    return { counters };
  }
}

async function writeCommendations(planner: NominationPlanner, counters: Map<string, number>, bulk: Bulk, accounts: Accounts): Promise<number> {
  const nt = bulk.table('nomination', [
    'id', 'award_type_id', 'year', 'achievements', 'nominee_member_id', 'nominee_unit_id', 'nominee_name', 'nominating_unit_id', 'status',
    'current_level', 'version', 'created_by_id', 'search_key', 'federation_id', 'union_id', 'grassroots_union_id', 'team_id', 'created_at', 'updated_at',
  ]);
  for (const n of planner.nominations) {
    await nt.add([
      n.id, n.type.id, n.year, n.achievements, n.memberId, n.unit?.id ?? null, n.nomineeName, n.nominating.id, n.status, n.currentLevel,
      n.version, n.createdBy, searchKey(n.nomineeName, n.award?.number), n.location.federationId, n.location.unionId,
      n.location.grassrootsUnionId, n.location.teamId, isoStamp(n.createdAt), isoStamp(n.updatedAt),
    ]);
  }
  await nt.flush();
  const et = bulk.table('nomination_event', ['id', 'nomination_id', 'action', 'level', 'from_status', 'to_status', 'comment', 'actor_id', 'actor_name', 'at']);
  let eid = 0;
  for (const e of planner.events) {
    await et.add([++eid, e.nomination.id, e.action, e.level, e.from, e.to, e.comment, e.actor, accounts.fullName.get(e.actor) ?? null, isoStamp(e.at)]);
  }
  await et.flush();
  const at = bulk.table('award', [
    'id', 'nomination_id', 'award_type_id', 'year', 'nominee_member_id', 'nominee_unit_id', 'nominee_name', 'deciding_unit_id', 'decision_number',
    'decided_at', 'decided_by_id', 'search_key', 'federation_id', 'union_id', 'grassroots_union_id', 'team_id', 'created_at',
  ]);
  const awarded = planner.nominations.filter((n) => n.award).sort((a, b) => a.award!.at - b.award!.at || a.id - b.id);
  let aid = 0;
  for (const n of awarded) {
    const w = n.award!;
    await at.add([
      ++aid, n.id, n.type.id, n.year, n.memberId, n.unit?.id ?? null, n.nomineeName, w.decidingUnit?.id ?? null, w.number, isoDay(w.at), w.by,
      searchKey(n.nomineeName, w.number), n.location.federationId, n.location.unionId, n.location.grassrootsUnionId, n.location.teamId, isoStamp(w.at),
    ]);
  }
  await at.flush();
  const ct = bulk.table('decision_counter', ['unit_id', 'year', 'last_number']);
  for (const [key, last] of counters) {
    const [unit, year] = key.split(':');
    if (unit !== 'TLD') await ct.add([Number(unit), Number(year), last]);
  }
  await ct.flush();
  return aid;
}

// ---- the run ------------------------------------------------------------------------------------


/** A mysql2 pool on DATABASE_URL (TypeORM's own poolSize parameter removed). */
export function rawPool(url: string, connectionLimit = 4): mysql.Pool {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  u.searchParams.delete('poolSize');
  return mysql.createPool({ uri: u.toString(), connectionLimit, charset: 'utf8mb4_unicode_ci', timezone: 'Z', dateStrings: true, supportBigNumbers: true });
}

export interface SyntheticOptions {
  size: SizeName;
  seed: number;
  force: boolean;
  batch?: number;
  log?: (s: string) => void;
}

export async function generate(url: string, opts: SyntheticOptions): Promise<{ seconds: number; rows: number; counts: Record<string, number> }> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const started = Date.now();
  const target = databaseTarget(url, 'unused.db');
  if (target.dialect !== 'mysql') throw new Error('the synthetic generator writes MySQL/MariaDB only: set DATABASE_URL=mysql://…');
  log(`Migrating ${target.description} …`);
  const ds = await openDatabase(target);
  const pool = rawPool(url, 4);
  // Session settings of the loader's own connections only (nothing global): unique checks are
  // skipped because the generator's keys are unique by construction.
  pool.on('connection', (conn) => {
    (conn as unknown as { query(sql: string, cb: (err: unknown) => void): void }).query('SET SESSION unique_checks = 0, foreign_key_checks = 0', () => {});
  });
  try {
    const [counts] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT (SELECT COUNT(*) FROM org_unit) u, (SELECT COUNT(*) FROM member) m, (SELECT COUNT(*) FROM account) a, (SELECT COUNT(*) FROM nomination) n`,
    );
    const c = counts[0];
    const nonEmpty = Number(c.u) + Number(c.m) + Number(c.a) + Number(c.n) > 0;
    if (nonEmpty && !opts.force) {
      throw new Error(`the database is not empty (${c.u} units, ${c.m} members, ${c.a} accounts, ${c.n} nominations); pass --force to replace its rows`);
    }
    if (nonEmpty || opts.force) {
      log('Emptying the application tables (--force) …');
      for (const t of ds.entityMetadatas.map((m) => m.tableName)) await pool.query(`TRUNCATE TABLE ${t}`);
      log(`  emptied in ${fmtSecs((Date.now() - started) / 1000)}`);
    }
    await new AwardTypeService(new Db(ds), new AuditService(new Db(ds))).ensureCatalogue();
    const [typeRows] = await pool.query<mysql.RowDataPacket[]>('SELECT id, code, nominee_kind, deciding_level FROM award_type');
    const types = new Map<string, TypeRow>(
      typeRows.map((t) => [t.code as string, { id: Number(t.id), code: t.code, nomineeKind: t.nominee_kind, decidingLevel: t.deciding_level }]),
    );

    const spec = SIZES[opts.size];
    const tree = planTree(opts.size, opts.seed);
    const unitRows = tree.federations.length + tree.unions.length + tree.grassroots.length + tree.teamCount;
    const accountsEstimate = 4 + 2 * (tree.federations.length + tree.unions.length + tree.grassroots.length);
    const commendationEstimate = Math.round(spec.nominations * 1.05 * (1 + 3.3 + 0.45)) + BENCH_QUEUE * 4;
    const progress = new Progress(unitRows + tree.memberCount + accountsEstimate + commendationEstimate);
    const bulk = new Bulk(pool, progress, opts.batch ?? 1000, 2);

    // Units: federations, unions, grassroots unions, teams; each carries its ancestors and itself.
    progress.setPhase('units');
    const ut = bulk.table('org_unit', ['id', 'level', 'name', 'code', 'parent_id', 'federation_id', 'union_id', 'grassroots_union_id', 'team_id', 'search_key', 'active']);
    const unitRow = (u: Unit) => [u.id, u.level, u.name, u.code, u.parentId, u.federationId, u.unionId, u.grassrootsUnionId, u.teamId, searchKey(u.name, u.code), 1];
    for (const f of tree.federations) await ut.add(unitRow(f));
    for (const u of tree.unions) await ut.add(unitRow(u));
    for (const g of tree.grassroots) await ut.add(unitRow(g));
    for (const g of tree.grassroots) {
      const names = tree.teamNames(g);
      for (let k = 0; k < g.teams; k++) {
        const id = g.firstTeam + k;
        await ut.add(unitRow({ id, level: OrgLevel.TEAM, name: names[k], code: null, parentId: g.id, federationId: g.federationId, unionId: g.unionId, grassrootsUnionId: g.id, teamId: id }));
      }
    }
    await ut.flush();

    progress.setPhase('members');
    const facts = await writeMembers(tree, bulk, opts.seed);

    progress.setPhase('accounts');
    const hash = await hashPassword(BENCH_PASSWORD);
    const accounts = planAccounts(tree, facts, hash, opts.seed);
    const at = bulk.table('account', ['id', 'username', 'password_hash', 'full_name', 'search_key', 'role', 'scope_unit_id', 'member_id', 'active', 'token_version']);
    for (const row of accounts.rows) await at.add(row);
    await at.flush();

    progress.setPhase('nominations');
    const planner = new NominationPlanner(tree, facts, accounts, types, opts.seed);
    for (let k = 0, tries = 0; k < spec.nominations && tries < spec.nominations * 5; tries++) if (planner.planRandom()) k++;
    planner.fillQueue(accounts.benchFederation, BENCH_QUEUE);
    const { counters } = planner.finish();
    progress.total = unitRows + tree.memberCount + accounts.rows.length + planner.nominations.length + planner.events.length +
      planner.nominations.filter((n) => n.award).length + [...counters.keys()].filter((k) => !k.startsWith('TLD')).length;
    const awards = await writeCommendations(planner, counters, bulk, accounts);
    await bulk.drain();
    progress.finish();

    log('Analyzing tables …');
    await pool.query('ANALYZE TABLE org_unit, member, account, nomination, nomination_event, award, decision_counter');

    const byStatus = new Map<string, number>();
    for (const n of planner.nominations) byStatus.set(n.status, (byStatus.get(n.status) ?? 0) + 1);
    const [q] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) c FROM nomination n WHERE n.federation_id = ? AND n.status = 'PENDING' AND n.current_level = 'FEDERATION'`,
      [accounts.benchFederation.id],
    );
    const seconds = (Date.now() - started) / 1000;
    const result = {
      federations: tree.federations.length,
      unions: tree.unions.length,
      grassroots: tree.grassroots.length,
      grassrootsDirect: tree.federations.reduce((s, f) => s + f.direct.length, 0),
      grassrootsWithoutTeams: tree.grassroots.filter((g) => g.teams === 0).length,
      teams: tree.teamCount,
      members: tree.memberCount,
      accounts: accounts.rows.length,
      nominations: planner.nominations.length,
      nominationEvents: planner.events.length,
      awards,
      benchQueue: Number(q[0].c),
    };
    log(
      `Done in ${fmtSecs(seconds)} (${Math.round(progress.rows / seconds).toLocaleString('en-US')} rows/s): ` +
        Object.entries(result).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', '),
    );
    log(`Nominations by status: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    log(
      `Accounts (password ${BENCH_PASSWORD}): bench.admin SYSTEM_ADMIN; bench.fed FEDERATION_ADMIN of ${accounts.benchFederation.name} (#${accounts.benchFederation.id}, ` +
        `${result.benchQueue} pending at FEDERATION); bench.chair GRASSROOTS_CHAIR of ${accounts.benchGrassroots.name} (#${accounts.benchGrassroots.id}, ` +
        `${accounts.benchGrassroots.size} members, ${accounts.benchGrassroots.teams} teams); bench.analyst ANALYST`,
    );
    return { seconds, rows: progress.rows, counts: result };
  } finally {
    await pool.end();
    await ds.destroy();
  }
}

/**
 * Adds `count` PENDING nominations waiting at FEDERATION in federation `federationId` (Bằng khen
 * LĐLĐ for active members, climbed through the grassroots union's and union's reviews, history
 * included), for benchmarks whose approvals use the queue up. Returns their ids.
 */
export async function topUpFederationQueue(pool: mysql.Pool, federationId: number, count: number, seed = 1): Promise<number[]> {
  if (count <= 0) return [];
  const r = rng(seed);
  const [[type]] = await pool.query<mysql.RowDataPacket[]>("SELECT id FROM award_type WHERE code = 'BK_LDLD_CN'");
  // Chairs and vice-chairs hold the grassroots unions' accounts: they are left out (four eyes).
  const [candidates] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT m.id, m.full_name, m.grassroots_union_id, m.union_id, m.team_id, chair.id AS chair_id, chair.full_name AS chair_name,
            ua.id AS union_admin_id, ua.full_name AS union_admin_name
       FROM member m
       LEFT JOIN account chair ON chair.id = (SELECT a.id FROM account a WHERE a.scope_unit_id = m.grassroots_union_id AND a.role = 'GRASSROOTS_CHAIR' ORDER BY a.id LIMIT 1)
       LEFT JOIN account ua ON ua.id = (SELECT a.id FROM account a WHERE a.scope_unit_id = m.union_id AND a.role = 'UNION_ADMIN' ORDER BY a.id LIMIT 1)
      WHERE m.federation_id = ? AND m.status = 'ACTIVE' AND m.disciplined_from IS NULL
        AND (m.position IS NULL OR m.position NOT IN ('Chủ tịch', 'Phó Chủ tịch'))
        AND NOT EXISTS (SELECT 1 FROM nomination n WHERE n.nominee_member_id = m.id AND n.award_type_id = ? AND n.year = ? AND n.status IN (?))
      ORDER BY m.id LIMIT ? OFFSET ?`,
    [federationId, type.id, OPEN_YEAR, OPEN_STATUSES, count, Math.floor(r() * 100)],
  );
  const [[top]] = await pool.query<mysql.RowDataPacket[]>('SELECT COALESCE(MAX(id), 0) AS id FROM nomination');
  let id = Number(top.id);
  const ids: number[] = [];
  const nominations: unknown[][] = [];
  const events: unknown[][] = [];
  const now = Date.now();
  for (const m of candidates) {
    const nid = ++id;
    ids.push(nid);
    const created = isoStamp(now - 3 * DAY);
    // CREATE and SUBMIT by the chair; the union (when there is one) approved it on to the federation
    nominations.push([
      nid, type.id, OPEN_YEAR, `Hoàn thành xuất sắc nhiệm vụ năm ${OPEN_YEAR} (benchmark queue).`, m.id, null, m.full_name, m.grassroots_union_id,
      'PENDING', 'FEDERATION', m.union_id ? 3 : 2, m.chair_id, searchKey(m.full_name), federationId, m.union_id, m.grassroots_union_id, m.team_id,
      created, isoStamp(now - DAY),
    ]);
    events.push([nid, 'CREATE', null, null, 'DRAFT', null, m.chair_id, m.chair_name, created]);
    events.push([nid, 'SUBMIT', 'GRASSROOTS', 'DRAFT', 'PENDING', null, m.chair_id, m.chair_name, isoStamp(now - 2 * DAY)]);
    if (m.union_id) events.push([nid, 'APPROVE', 'UNION', 'PENDING', 'PENDING', 'Đủ điều kiện, đề nghị LĐLĐ xét.', m.union_admin_id, m.union_admin_name, isoStamp(now - DAY)]);
  }
  if (!nominations.length) return [];
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.query(
      `INSERT INTO nomination (id, award_type_id, year, achievements, nominee_member_id, nominee_unit_id, nominee_name, nominating_unit_id, status,
         current_level, version, created_by_id, search_key, federation_id, union_id, grassroots_union_id, team_id, created_at, updated_at) VALUES ?`,
      [nominations],
    );
    await conn.query('INSERT INTO nomination_event (nomination_id, action, level, from_status, to_status, comment, actor_id, actor_name, at) VALUES ?', [events]);
    await conn.commit();
  } catch (e) {
    await conn.rollback();
    throw e;
  } finally {
    conn.release();
  }
  return ids;
}

// ---- command line -------------------------------------------------------------------------------

function parseArgs(argv: string[]): SyntheticOptions {
  const opts: SyntheticOptions = { size: 'S', seed: 42, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--size')) {
      const s = value().toUpperCase();
      if (!(s in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
      opts.size = s as SizeName;
    } else if (a.startsWith('--seed')) opts.seed = Number(value());
    else if (a.startsWith('--batch')) opts.batch = Number(value());
    else if (a === '--force') opts.force = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('npm run seed:synthetic -- --size S|M|L [--seed 42] [--force] [--batch 1000]\n  DATABASE_URL=mysql://user@host:3306/db\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isSafeInteger(opts.seed)) throw new Error('--seed must be an integer');
  return opts;
}

if (require.main === module) {
  (async () => {
    const opts = parseArgs(process.argv.slice(2));
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('set DATABASE_URL=mysql://user@host:3306/database');
    const s = SIZES[opts.size];
    process.stderr.write(
      `Synthetic tree ${opts.size} (seed ${opts.seed}): ${s.federations} federations, ${s.unions} unions, ${s.grassroots.toLocaleString('en-US')} grassroots unions, ` +
        `${s.teams.toLocaleString('en-US')} teams, ${s.members.toLocaleString('en-US')} members, ~${s.nominations.toLocaleString('en-US')} nominations\n`,
    );
    const { seconds } = await generate(url, opts);
    process.stdout.write(`seed:synthetic ${opts.size} seed ${opts.seed}: ${seconds.toFixed(1)} s\n`);
  })().catch((e) => {
    process.stderr.write(`\n${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
