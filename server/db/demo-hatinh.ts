/**
 * The demo's Khối thi đua các Công đoàn ngành of LĐLĐ tỉnh Hà Tĩnh (seed 003): the sectoral unions
 * and their grassroots unions, sized to the article's figures for 2022.
 *
 * The article counts 134 agencies and public units that held their staff conference (Hội nghị
 * CBCCVC), 140 enterprises (138 of which held their workers' conference), 141 workplace dialogues,
 * 12 grassroots unions founded in the year (plan 9) and 2,202 new members (plan 1,200). So the bloc
 * here has 134 public and 140 enterprise grassroots unions, 12 of the enterprises founded in 2022
 * (all their members new that year), and exactly 2,202 members who joined in 2022. The split between
 * the five unions is the demo's (the article gives only the bloc's totals). Unit names are generic
 * Hà Tĩnh names (schools and companies named after communes); members are fictional.
 */

export interface BlocUnion {
  name: string;
  code: string;
  /** agencies, schools, hospitals: each holds a Hội nghị cán bộ, công chức, viên chức */
  publicUnits: string[];
  /** enterprises and other non-public employers: each holds a Hội nghị người lao động */
  enterprises: string[];
  /** how many of the enterprises (the last ones) were founded in 2022 */
  foundedIn2022: number;
  /** members who joined in 2022, the new grassroots unions' members included */
  newMembers2022: number;
  /** the 2022 plan the federation assigned, and the result (the article's bloc totals split by union) */
  plan2022: { newMembers: number; newGrassroots: number; maiAm: [planned: number, raised: number]; workerConferences: [planned: number, held: number]; dialogues: number };
  /** typical size of a grassroots union here (members), as [min, max] */
  size: { public: [number, number]; enterprise: [number, number] };
}

const DISTRICTS = ['thành phố Hà Tĩnh', 'thị xã Hồng Lĩnh', 'thị xã Kỳ Anh', 'huyện Hương Sơn', 'huyện Đức Thọ', 'huyện Vũ Quang', 'huyện Nghi Xuân', 'huyện Can Lộc', 'huyện Hương Khê', 'huyện Thạch Hà', 'huyện Cẩm Xuyên', 'huyện Kỳ Anh', 'huyện Lộc Hà'];
const COMMUNES = [
  'Thạch Trung', 'Thạch Linh', 'Thạch Quý', 'Thạch Hưng', 'Thạch Đài', 'Thạch Ngọc', 'Thạch Kim', 'Thạch Bằng', 'Cẩm Bình', 'Cẩm Vịnh', 'Cẩm Thành',
  'Cẩm Quan', 'Cẩm Duệ', 'Kỳ Lợi', 'Kỳ Trinh', 'Kỳ Phương', 'Kỳ Tân', 'Kỳ Đồng', 'Xuân Thành', 'Xuân Giang', 'Xuân An', 'Xuân Hội', 'Tiên Điền',
  'Đức Lạc', 'Đức Đồng', 'Đức Thuận', 'Tùng Ảnh', 'Trung Lương', 'Sơn Kim', 'Sơn Tây', 'Sơn Giang', 'Sơn Hồng', 'Hương Trà', 'Phúc Trạch', 'Gia Phố',
  'Hương Vĩnh', 'Hương Đô', 'Thiên Lộc', 'Vượng Lộc', 'Đồng Lộc', 'Trung Lộc', 'Hồng Lộc', 'Tân Lộc', 'Ích Hậu', 'Hộ Độ', 'Mai Phụ', 'Bắc Hồng',
  'Nam Hồng', 'Đại Nài', 'Nam Hà', 'Bắc Hà', 'Thạch Hạ', 'Văn Yên', 'Tân Giang', 'Hà Huy Tập', 'Thạch Khê', 'Cẩm Lạc', 'Kỳ Hoa', 'Kỳ Xuân',
];

/** `n` distinct names: each template filled with each place in turn, templates first. */
function names(n: number, templates: string[], places: string[] = COMMUNES): string[] {
  const out: string[] = [];
  for (const place of places) {
    for (const t of templates) {
      if (out.length === n) return out;
      out.push(t.replace('{}', place));
    }
  }
  if (out.length < n) throw new Error(`demo: only ${out.length} names for ${n} units (${templates[0]})`);
  return out;
}

const cd = (s: string) => `Công đoàn ${s}`;

const VC_AGENCIES = [
  'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Công Thương',
  'Sở Văn hóa, Thể thao và Du lịch', 'Văn phòng UBND tỉnh', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 'Thanh tra tỉnh', 'Ban Quản lý Khu kinh tế tỉnh',
  'Đài Phát thanh và Truyền hình Hà Tĩnh', 'Báo Hà Tĩnh', 'Trường Chính trị Trần Phú', 'Trường Đại học Hà Tĩnh', 'Trường Cao đẳng Kỹ thuật Việt – Đức Hà Tĩnh',
  'Quỹ Đầu tư phát triển Hà Tĩnh', 'Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp', 'Trung tâm Phục vụ hành chính công tỉnh', 'Thư viện tỉnh Hà Tĩnh',
  'Bảo tàng tỉnh Hà Tĩnh', 'Trung tâm Văn hóa – Điện ảnh tỉnh', 'Ban Quản lý Di tích Nguyễn Du', 'Ban Quản lý Khu di tích Ngã ba Đồng Lộc',
  'Trung tâm Công nghệ thông tin và Truyền thông', 'Trung tâm Dịch vụ việc làm Hà Tĩnh', 'Trung tâm Lưu trữ lịch sử tỉnh', 'Trung tâm Trợ giúp pháp lý nhà nước',
  'Phòng Công chứng số 1 Hà Tĩnh', 'Trung tâm Dịch vụ đấu giá tài sản', 'Liên minh Hợp tác xã tỉnh', 'Hội Chữ thập đỏ tỉnh', 'Trung tâm Quan trắc tài nguyên và môi trường',
].map((n) => (n.startsWith('Sở') || n.startsWith('Văn phòng') || n.startsWith('Thanh tra') || n.startsWith('Ban') ? `Công đoàn cơ sở ${n}` : cd(n)));

const YT_PUBLIC = [
  'Bệnh viện Đa khoa tỉnh Hà Tĩnh',
  ...DISTRICTS.map((d) => `Trung tâm Y tế ${d}`),
  'Bệnh viện Y học cổ truyền Hà Tĩnh', 'Bệnh viện Phục hồi chức năng Hà Tĩnh', 'Bệnh viện Mắt Hà Tĩnh', 'Bệnh viện Tâm thần Hà Tĩnh', 'Bệnh viện Phổi Hà Tĩnh',
  'Trung tâm Kiểm soát bệnh tật tỉnh Hà Tĩnh', 'Trung tâm Pháp y Hà Tĩnh', 'Trường Cao đẳng Y tế Hà Tĩnh',
].map(cd);

export const HT_BLOC: BlocUnion[] = [
  {
    name: 'Công đoàn Viên chức tỉnh Hà Tĩnh',
    code: 'CDVC-HT',
    publicUnits: VC_AGENCIES,
    enterprises: [],
    foundedIn2022: 0,
    newMembers2022: 260,
    plan2022: { newMembers: 150, newGrassroots: 0, maiAm: [420_000_000, 425_300_000], workerConferences: [0, 0], dialogues: 0 },
    size: { public: [15, 45], enterprise: [0, 0] },
  },
  {
    name: 'Công đoàn ngành Giáo dục Hà Tĩnh',
    code: 'CDGD-HT',
    publicUnits: [
      cd('Trường THPT Phan Đình Phùng'), cd('Trường THPT chuyên Hà Tĩnh'),
      ...names(68, ['Trường Tiểu học {}', 'Trường THCS {}', 'Trường Mầm non {}', 'Trường THPT {}']).map(cd),
    ],
    enterprises: names(15, ['Trường Mầm non tư thục {}']).map(cd),
    foundedIn2022: 0,
    newMembers2022: 520,
    plan2022: { newMembers: 300, newGrassroots: 0, maiAm: [980_000_000, 985_254_000], workerConferences: [15, 15], dialogues: 15 },
    size: { public: [18, 48], enterprise: [8, 24] },
  },
  {
    name: 'Công đoàn ngành Y tế Hà Tĩnh',
    code: 'CDYT-HT',
    publicUnits: YT_PUBLIC,
    enterprises: [cd('Công ty Cổ phần Dược Hà Tĩnh'), ...names(14, ['Phòng khám Đa khoa {}', 'Công ty TNHH Dược phẩm {}']).map(cd)],
    foundedIn2022: 1,
    newMembers2022: 380,
    plan2022: { newMembers: 200, newGrassroots: 1, maiAm: [512_100_000, 512_100_000], workerConferences: [15, 15], dialogues: 16 },
    size: { public: [30, 110], enterprise: [10, 30] },
  },
  {
    name: 'Công đoàn ngành Nông nghiệp và Phát triển nông thôn Hà Tĩnh',
    code: 'CDNN-HT',
    publicUnits: [
      'Chi cục Thủy lợi Hà Tĩnh', 'Chi cục Kiểm lâm Hà Tĩnh', 'Trung tâm Khuyến nông Hà Tĩnh', 'Ban Quản lý rừng phòng hộ Nam Hà Tĩnh', 'Vườn Quốc gia Vũ Quang',
      'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn Hà Tĩnh',
    ].map(cd),
    enterprises: [
      cd('Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh'), cd('Công ty TNHH MTV Thủy lợi Bắc Hà Tĩnh'),
      ...names(48, ['Hợp tác xã Nông nghiệp {}', 'Công ty Cổ phần Chăn nuôi {}', 'Công ty TNHH Chế biến nông sản {}', 'Công ty Cổ phần Lâm nghiệp {}']).map(cd),
    ],
    foundedIn2022: 5,
    newMembers2022: 480,
    plan2022: { newMembers: 250, newGrassroots: 4, maiAm: [304_000_000, 305_900_000], workerConferences: [50, 49], dialogues: 50 },
    size: { public: [20, 60], enterprise: [15, 55] },
  },
  {
    name: 'Công đoàn ngành Giao thông vận tải – Xây dựng Hà Tĩnh',
    code: 'CDGTXD-HT',
    publicUnits: ['Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Hà Tĩnh', 'Trung tâm Đăng kiểm xe cơ giới Hà Tĩnh'].map(cd),
    enterprises: names(60, ['Công ty Cổ phần Xây dựng {}', 'Công ty Cổ phần Vận tải {}', 'Công ty TNHH Vật liệu xây dựng {}', 'Công ty Cổ phần Tư vấn xây dựng {}']).map(cd),
    foundedIn2022: 6,
    newMembers2022: 562,
    plan2022: { newMembers: 300, newGrassroots: 4, maiAm: [300_000_000, 301_000_000], workerConferences: [60, 59], dialogues: 60 },
    size: { public: [25, 50], enterprise: [15, 60] },
  },
];

/** The article's totals for the bloc in 2022, which the split above must add up to (checked at seed time). */
export const HT_BLOC_2022 = {
  publicUnits: 134,
  enterprises: 140,
  workerConferences: { planned: 140, held: 138 },
  dialogues: 141,
  newGrassroots: { planned: 9, actual: 12 },
  newMembers: { planned: 1200, actual: 2202 },
  maiAm: { planned: 2_516_100_000, raised: 2_529_554_000 },
} as const;

/** Checks the split against the article (a demo that drifted from its source fails loudly at start). */
export function checkBloc(): void {
  const sum = (f: (u: BlocUnion) => number) => HT_BLOC.reduce((s, u) => s + f(u), 0);
  const got = {
    publicUnits: sum((u) => u.publicUnits.length),
    enterprises: sum((u) => u.enterprises.length),
    workerConferences: { planned: sum((u) => u.plan2022.workerConferences[0]), held: sum((u) => u.plan2022.workerConferences[1]) },
    dialogues: sum((u) => u.plan2022.dialogues),
    newGrassroots: { planned: sum((u) => u.plan2022.newGrassroots), actual: sum((u) => u.foundedIn2022) },
    newMembers: { planned: sum((u) => u.plan2022.newMembers), actual: sum((u) => u.newMembers2022) },
    maiAm: { planned: sum((u) => u.plan2022.maiAm[0]), raised: sum((u) => u.plan2022.maiAm[1]) },
  };
  if (JSON.stringify(got) !== JSON.stringify(HT_BLOC_2022)) throw new Error(`demo: the Hà Tĩnh bloc does not add up to the article: ${JSON.stringify(got)}`);
  const all = HT_BLOC.flatMap((u) => [...u.publicUnits, ...u.enterprises]);
  if (new Set(all).size !== all.length) throw new Error('demo: two Hà Tĩnh grassroots unions share a name');
}
