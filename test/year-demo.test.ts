/**
 * The demo holds the articles: booted as a user boots it — the embedded SQLite default (no
 * DATABASE_URL), and once on MariaDB with SEED_DEMO=1 — `yearReport` (and, for what is not a figure
 * of the report, the lists) reproduces every figure of the five source articles
 * (/work/shared/seeds/) that the model holds. One test per article, on each database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Api } from './support/harness';
import { adminConnection, databaseUrl } from './support/mysql';
import { startApp, RunningApp } from '../server/app';
import { loadConfig } from '../server/config';

const PASSWORD = 'demo1234';
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

const REPORT = `query($u: ID!, $y: Int!) { yearReport(unitId: $u, year: $y) {
  members newMembers grassrootsUnions
  targets { total met rows { id planned actual rate status reportedRate rateGap source assignedByUnitId note indicator { code } } }
  welfare { count amount byKind { kind count amount } }
  initiatives { count applied benefit }
  ratings { level count }
  grassrootsRatings { level count }
  awards { count awardType { code } }
  congresses { heldOn termStartYear termEndYear form convenedCount attendedCount quorate motto seats { position } }
} }`;

interface Booted {
  app: RunningApp;
  stop(): Promise<void>;
}

/** Sums of one field over report rows of one indicator. */
const byIndicator = (reports: any[], code: string) => {
  const rows = reports.flatMap((r) => r.targets.rows).filter((x: any) => x.indicator.code === code);
  return { planned: rows.reduce((s: number, x: any) => s + x.planned, 0), actual: rows.reduce((s: number, x: any) => s + x.actual, 0), rows: rows.length };
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const count = (rows: { position: string }[], position: string) => rows.filter((s) => s.position === position).length;

function theArticles(name: string, boot: () => Promise<Booted>) {
  describe(`the demo holds the articles (${name})`, () => {
    let booted: Booted;
    const tokens = new Map<string, string>();
    const as = async (username: string) => {
      if (!tokens.has(username)) tokens.set(username, (await new Api(booted.app.url).q(LOGIN, { u: username, p: PASSWORD })).login.token);
      return new Api(booted.app.url, tokens.get(username)!);
    };
    /** A unit's id by its code (the demo gives every unit of the articles one). */
    const unitId = async (code: string): Promise<string> => {
      const r = await (await as('admin')).q(`query($c: [String!]) { allFederations(filter: { code: $c }) { id } allUnions(filter: { code: $c }) { id } allGrassrootsUnions(filter: { code: $c }) { id } }`, { c: [code] });
      const found = [...r.allFederations, ...r.allUnions, ...r.allGrassrootsUnions];
      expect({ code, found: found.length }).toEqual({ code, found: 1 });
      return found[0].id;
    };
    const report = async (api: Api, unit: string, year: number) => (await api.q(REPORT, { u: unit, y: year })).yearReport;

    beforeAll(async () => {
      booted = await boot();
    }, 300_000);
    afterAll(() => booted?.stop());

    it('000 — Công đoàn Viên chức tỉnh Thanh Hóa, 2023: 8/10 targets, 910 visits ≈ 1.35 billion VND, 112 admitted to the Party (printed 187.6%)', async () => {
      const api = await as('analyst.thanhhoa');
      const cdvc = await unitId('CDVC-TH');
      const r = await report(api, cdvc, 2023);
      // "8/10 chỉ tiêu đạt và vượt kế hoạch"
      expect({ total: r.targets.total, met: r.targets.met }).toEqual({ total: 10, met: 8 });
      expect(r.targets.rows.filter((x: any) => x.status === 'MET' || x.status === 'EXCEEDED')).toHaveLength(8);
      // "thăm hỏi hơn 910 lượt đoàn viên, số tiền hỗ trợ thăm hỏi gần 1,350 tỷ đồng"
      expect(r.welfare.count).toBe(910);
      expect(Math.round(r.welfare.amount / 1e7) / 100).toBe(1.35);
      expect(r.welfare.amount).toBeLessThanOrEqual(1_350_000_000);
      expect(new Set(r.welfare.byKind.map((k: any) => k.kind))).toEqual(new Set(['SICKNESS', 'MATERNITY', 'BEREAVEMENT', 'WEDDING', 'HARDSHIP']));
      expect(sum(r.welfare.byKind.map((k: any) => k.count))).toBe(910);
      // "112 đoàn viên được kết nạp vào Đảng (đạt 187,6 % chỉ tiêu Liên đoàn Lao động tỉnh giao)": kept as printed, beside the computed rate
      const party = r.targets.rows.find((x: any) => x.indicator.code === 'PARTY_ADMISSIONS');
      expect(party).toMatchObject({ actual: 112, reportedRate: 187.6, source: 'ASSIGNED_PLAN', assignedByUnitId: await unitId('LDLD-TH'), status: 'EXCEEDED' });
      expect(party.rate).not.toBe(187.6);
      expect(party.rateGap).toBeCloseTo(187.6 - party.rate, 2);
      expect(party.note).toContain('187,6%');
      // the welfare visits target agrees with the records
      expect(r.targets.rows.find((x: any) => x.indicator.code === 'WELFARE_VISITS').actual).toBe(r.welfare.count);
      expect(r.targets.rows.find((x: any) => x.indicator.code === 'NEW_MEMBERS').actual).toBe(r.newMembers);
      // "Bằng khen, Bằng lao động sáng tạo của Tổng Liên đoàn; Cờ thi đua và Bằng khen của LĐLĐ tỉnh; Giấy khen của CĐVC tỉnh"
      expect(new Set(r.awards.map((a: any) => a.awardType.code))).toEqual(new Set(['BK_TLD_CN', 'BLDST', 'CTD_LDLD', 'BK_LDLD_CN', 'GK_CDCT_CN']));
      const decided = (await api.q(`{ allAwards(filter: { year: [2023] }) { decidedAt awardType { code } } }`)).allAwards;
      for (const a of decided.filter((w: any) => ['CTD_LDLD', 'BK_LDLD_CN', 'GK_CDCT_CN'].includes(w.awardType.code))) expect(a.decidedAt).toBe('2024-01-16');
      // another scope does not see it
      expect(await (await as('cdcs.vpubnd')).codeOf(REPORT, { u: cdvc, y: 2023 })).toBe('NOT_FOUND');
    });

    it('001 — Cụm thi đua số I (Hà Giang, now Tuyên Quang), 2023: 10 grassroots unions, 448 members, all with a 2023–2028 congress', async () => {
      const api = await as('analyst');
      const clusters = (await api.q(`{ allEmulationClusters(filter: { q: "cum thi dua so I" }) { id name kind organizingUnit { ... on Union { name } } } }`)).allEmulationClusters;
      expect(clusters).toEqual([{ id: expect.any(String), name: 'Cụm thi đua số I', kind: 'CLUSTER', organizingUnit: { name: 'Công đoàn Viên chức tỉnh Tuyên Quang' } }]);
      const entries = (await api.q(`query($c: [ID!]) { allClusterEntries(filter: { clusterId: $c, year: [2023] }) { unitId unit { __typename } } }`, { c: [clusters[0].id] })).allClusterEntries;
      // "Cụm thi đua số I có 10 Công đoàn cơ sở (CĐCS), với 448 đoàn viên"
      expect(entries).toHaveLength(10);
      expect(new Set(entries.map((e: any) => e.unit.__typename))).toEqual(new Set(['GrassrootsUnion']));
      const reports = await Promise.all(entries.map((e: any) => report(api, e.unitId, 2023)));
      expect(sum(reports.map((r) => r.grassrootsUnions))).toBe(10);
      expect(sum(reports.map((r) => r.members))).toBe(448);
      // "100% các CĐCS trong Cụm đã tổ chức thành công Đại hội CĐCS nhiệm kỳ 2023-2028"
      for (const r of reports) {
        expect(r.congresses).toEqual([expect.objectContaining({ termStartYear: 2023, termEndYear: 2028, form: 'PLENARY', quorate: true, convenedCount: r.members })]);
      }
      // "kết nối các nhà tài trợ chung tay xây dựng nông thôn mới được trên 200 triệu đồng"
      const charity = sum(reports.flatMap((r) => r.welfare.byKind.filter((k: any) => k.kind === 'CHARITY').map((k: any) => k.amount)));
      expect(charity).toBeGreaterThan(200_000_000);
    });

    it('002 — CĐCS Văn phòng UBND tỉnh Cao Bằng: congress of 9 May 2023, 102 of 127 present, 7 BCH members, 8 delegates; 127 members in 4 teams; the term’s targets', async () => {
      const api = await as('cdcs.vpubnd');
      const vpub = await unitId('CDCS-CB-VPUB');
      const r = await report(api, vpub, 2023);
      expect(r.congresses).toHaveLength(1);
      const c = r.congresses[0];
      // "Chiều 09/5 … Đại hội Công đoàn nhiệm kỳ 2023-2028 … 102/127 Đoàn viên"
      expect(c).toMatchObject({ heldOn: '2023-05-09', termStartYear: 2023, termEndYear: 2028, form: 'PLENARY', convenedCount: 127, attendedCount: 102, quorate: true });
      expect(c.motto).toBe('Đổi mới - Dân chủ - Đoàn kết – Trách nhiệm');
      // "bầu 7 đồng chí vào BCH … và bầu 8 đồng chí đi dự Đại hội Công đoàn cấp trên"
      expect({ bch: count(c.seats, 'BCH_MEMBER'), delegates: count(c.seats, 'DELEGATE') }).toEqual({ bch: 7, delegates: 8 });
      // "Công đoàn Văn phòng UBND tỉnh có 127 đoàn viên với 4 tổ Công đoàn"
      expect(r.members).toBe(127);
      expect(r.newMembers).toBe(0);
      const gu = (await api.q(`query($id: ID!) { GrassrootsUnion(id: $id) { teams { id } } }`, { id: vpub })).GrassrootsUnion;
      expect(gu.teams).toHaveLength(4);
      // The resolution's targets for the term: "100% … học tập và làm theo …; 90% trở lên … Đoàn viên công đoàn xuất sắc; 100% … Tổ công đoàn … hoàn thành tốt; …"
      const planned = Object.fromEntries(r.targets.rows.map((x: any) => [x.indicator.code, x.planned]));
      expect(planned).toEqual({
        HCM_STUDY_RATE: 100, EXCELLENT_MEMBERS_RATE: 90, TEAMS_GOOD_RATE: 100, PARTY_REFERRALS: 1, ADVANCED_WORKER_RATE: 85, EMULATION_FIGHTER_RATE: 15,
        WOMEN_GVN_DVN_RATE: 100, NO_SOCIAL_EVILS_RATE: 100, CULTURAL_FAMILY_RATE: 97,
      });
      expect(new Set(r.targets.rows.map((x: any) => x.source))).toEqual(new Set(['CONGRESS_RESOLUTION']));
    });

    it('003 — Khối thi đua các Công đoàn ngành, Hà Tĩnh, 2022: 2202/1200 new members, 12/9 new unions, Mái ấm 2.529,554/2.516,1 million, 134/134, 138/140, 141/141, 35 initiatives worth 4.5 billion, 8 BLĐST; the civil servants lead in 2023', async () => {
      const api = await as('ldld.hatinh');
      const bloc = (await api.q(`{ allEmulationClusters(filter: { q: "khoi thi dua cong doan nganh" }) { id kind organizingUnitId } }`)).allEmulationClusters;
      expect(bloc).toEqual([{ id: expect.any(String), kind: 'BLOC', organizingUnitId: await unitId('LDLD-HT') }]);
      const entries = async (year: number) =>
        (await api.q(`query($c: [ID!], $y: [Int!]) { allClusterEntries(filter: { clusterId: $c, year: $y }) { unitId role unit { ... on Union { name } } } }`, { c: [bloc[0].id], y: [year] })).allClusterEntries;
      const members = await entries(2022);
      const reports = await Promise.all(members.map((e: any) => report(api, e.unitId, 2022)));
      const rate = (x: { planned: number; actual: number }, digits = 0) => Math.round((x.actual / x.planned) * 100 * 10 ** digits) / 10 ** digits;

      // "phát triển được 2202/1200 đoàn viên, đạt 184%": the targets, and the members who joined in 2022
      const newMembers = byIndicator(reports, 'NEW_MEMBERS');
      expect({ actual: newMembers.actual, planned: newMembers.planned, rate: rate(newMembers) }).toEqual({ actual: 2202, planned: 1200, rate: 184 });
      expect(sum(reports.map((r) => r.newMembers))).toBe(2202);
      // "thành lập mới được 12/9 Công đoàn cơ sở, đạt 133% KH LĐLĐ tỉnh giao"
      const newUnions = byIndicator(reports, 'NEW_GRASSROOTS');
      expect({ actual: newUnions.actual, planned: newUnions.planned, rate: rate(newUnions) }).toEqual({ actual: 12, planned: 9, rate: 133 });
      // "quỹ Mái ấm Công đoàn được 2.529,554/2.516,100 triệu đồng, đạt 100,5%"
      const maiAm = byIndicator(reports, 'MAI_AM_FUND');
      expect({ actual: maiAm.actual, planned: maiAm.planned, rate: rate(maiAm, 1) }).toEqual({ actual: 2_529_554_000, planned: 2_516_100_000, rate: 100.5 });
      // "134/134 cơ quan, đơn vị tổ chức Hội nghị CBCCVC, đạt tỷ lệ 100%; 138/140 doanh nghiệp tổ chức Hội nghị NLĐ, đạt tỷ lệ 99%; … 141/141 cuộc, đạt tỷ lệ 100%"
      const staff = byIndicator(reports, 'STAFF_CONFERENCES');
      const workers = byIndicator(reports, 'WORKER_CONFERENCES');
      const dialogues = byIndicator(reports, 'WORKPLACE_DIALOGUES');
      expect([staff, workers, dialogues].map((x) => [x.actual, x.planned, rate(x)])).toEqual([[134, 134, 100], [138, 140, 99], [141, 141, 100]]);
      // … and the bloc is as large as that: 134 agencies and public units, 140 enterprises
      expect(sum(reports.map((r) => r.grassrootsUnions))).toBe(134 + 140);
      // "35 sáng kiến của NLĐ được áp dụng làm lợi cho doanh nghiệp 4,5 tỷ đồng, trong đó có 8 sáng kiến tiêu biểu được Tổng LĐLĐ Việt Nam tặng Bằng Lao động sáng tạo"
      expect(sum(reports.map((r) => r.initiatives.applied))).toBe(35);
      expect(sum(reports.map((r) => r.initiatives.benefit))).toBe(4_500_000_000);
      expect(sum(reports.flatMap((r) => r.awards.filter((a: any) => a.awardType.code === 'BLDST').map((a: any) => a.count)))).toBe(8);
      // "Năm 2023 Công đoàn ngành Viên Chức làm Trưởng khối thi đua"
      const leaders = (await entries(2023)).filter((e: any) => e.role === 'LEADER');
      expect(leaders.map((e: any) => e.unit.name)).toEqual(['Công đoàn Viên chức tỉnh Hà Tĩnh']);
    });

    it('004 — Công đoàn Viên chức tỉnh Thanh Hóa, 2020: 27 Tết gifts for 13.5 million VND; every grassroots union rated good or better', async () => {
      const api = await as('cdvc.thanhhoa');
      const r = await report(api, await unitId('CDVC-TH'), 2020);
      // "Nhân dịp Tết Canh Tý 2020, CĐVC tỉnh tặng 27 suất quà cho đoàn viên có hoàn cảnh khó khăn, tổng số tiền 13,5 triệu đồng"
      expect(r.welfare.byKind).toEqual([{ kind: 'TET_GIFT', count: 27, amount: 13_500_000 }]);
      // "Đánh giá xếp loại năm 2020, 100% CĐCS đều hoàn thành tốt nhiệm vụ trở lên"
      const rated = sum(r.grassrootsRatings.map((x: any) => x.count));
      expect(rated).toBe(r.grassrootsUnions);
      expect(r.grassrootsUnions).toBeGreaterThan(0);
      expect(new Set(r.grassrootsRatings.map((x: any) => x.level))).toEqual(new Set(['EXCELLENT', 'GOOD']));
    });
  });
}

theArticles('the embedded SQLite default', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-year-demo-'));
  const { DATABASE_URL: _d, ADMIN_PASSWORD: _a, SEED_DEMO: _s, ...rest } = process.env;
  const config = loadConfig({ ...rest, NODE_ENV: 'test', PORT: '0', SQLITE_DEFAULT_PATH: path.join(dir, 'congdoan.db') });
  expect(config.databaseUrl).toBeUndefined();
  const app = await startApp(config, () => undefined);
  return {
    app,
    async stop() {
      await app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

theArticles('MariaDB with SEED_DEMO=1', async () => {
  const name = `cddemo_${process.pid}_${randomBytes(3).toString('hex')}`;
  const c = await adminConnection();
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const { ADMIN_PASSWORD: _a, ...rest } = process.env;
  const config = loadConfig({ ...rest, NODE_ENV: 'test', PORT: '0', DATABASE_URL: databaseUrl(name), SEED_DEMO: '1' });
  const app = await startApp(config, () => undefined);
  return {
    app,
    async stop() {
      await app.stop();
      const d = await adminConnection();
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    },
  };
});
