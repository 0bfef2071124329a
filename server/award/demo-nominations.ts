import { Services } from '../graphql/services';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { AwardType } from './award-type.entity';
import { Award } from './award.entity';
import { ReviewDecision } from './nomination.entity';
import { Initiative, InitiativeAuthor } from '../year/initiative.entity';

/**
 * The demo's commendations, made through the real workflow (services, history, audit) by the demo
 * accounts, so a federation admin finds nominations waiting at first login: four BK_LDLD/BK_TLD
 * proposals from Sở Y tế approved by the union and waiting at the federation, and around them one
 * of every other status.
 */
export async function seedDemoNominations(s: Services): Promise<void> {
  const ds = s.db.ds;
  const unit = (code: string) => ds.getRepository(OrgUnit).findOneByOrFail({ code });
  const type = async (code: string) => String((await ds.getRepository(AwardType).findOneByOrFail({ code })).id);
  const as = (username: string) => s.account.callerByUsername(username);
  const year = new Date().getFullYear() - 1;

  const syt = await unit('CDCS-TH-SYT');
  const chairSyt = await as('cdcs.soyte');
  const members = (await ds.getRepository(Member).find({ where: { grassrootsUnionId: syt.id }, order: { id: 'ASC' } })).filter(
    (m) => m.id !== chairSyt.user.memberId && m.status === 'ACTIVE',
  );
  const union = await as('cdvc.thanhhoa');
  const fed = await as('ldld.thanhhoa');
  const fed2 = await as('ldld.thanhhoa2');

  const nominate = async (caller: typeof union, awardCode: string, nominee: { member?: Member; unit?: OrgUnit }, text: string, inYear = year) =>
    s.nomination.create(caller, {
      awardTypeId: await type(awardCode),
      year: inYear,
      achievements: text,
      nomineeMemberId: nominee.member ? String(nominee.member.id) : null,
      nomineeUnitId: nominee.unit ? String(nominee.unit.id) : null,
    });

  // Four proposals climbing from the grassroots union through the union to the federation.
  const climbing = [];
  for (const [i, code] of ['BK_LDLD_CN', 'BK_LDLD_CN', 'BK_LDLD_CN', 'BK_LDLD_CN', 'BK_TLD_CN', 'BK_TLD_CN'].entries()) {
    const n = await nominate(chairSyt, code, { member: members[i] }, `Hoàn thành xuất sắc nhiệm vụ năm ${year}; tích cực tham gia phong trào "Lao động giỏi, lao động sáng tạo".`);
    await s.nomination.submit(chairSyt, n.id);
    await s.nomination.review(union, n.id, ReviewDecision.APPROVE, 'Đủ điều kiện, đề nghị LĐLĐ tỉnh xét.', null);
    climbing.push(n);
  }
  // The second federation account approves one Bằng khen (an award) and forwards one to the confederation.
  await s.nomination.review(fed2, climbing[3].id, ReviewDecision.APPROVE, 'Đồng ý khen thưởng.', null);
  await s.nomination.review(fed2, climbing[5].id, ReviewDecision.APPROVE, 'Đề nghị Tổng Liên đoàn tặng Bằng khen.', null);

  // One returned for more detail, one draft.
  const returned = await nominate(chairSyt, 'BK_LDLD_CN', { member: members[6] }, 'Hoàn thành tốt nhiệm vụ.');
  await s.nomination.submit(chairSyt, returned.id);
  await s.nomination.review(union, returned.id, ReviewDecision.RETURN, 'Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.', null);
  await nominate(chairSyt, 'GK_CDCS_CN', { member: members[7] }, 'Tích cực trong công tác chăm lo đời sống đoàn viên.');

  // The federation's own proposal for a grassroots union directly under it, for the second federation account.
  const lamSon = await unit('CDCS-TH-LASUCO');
  const own = await nominate(fed, 'BK_LDLD_TT', { unit: lamSon }, 'Tập thể hoàn thành xuất sắc nhiệm vụ, dẫn đầu Cụm thi đua các doanh nghiệp.');
  await s.nomination.submit(fed, own.id);

  // Cao Bằng: the chair proposes, the vice-chair decides (four eyes at the grassroots level).
  const vpub = await unit('CDCS-CB-VPUB');
  const chairCb = await as('cdcs.vpubnd');
  const viceCb = await as('cdcs.vpubnd.pho');
  const cbMembers = (await ds.getRepository(Member).find({ where: { grassrootsUnionId: vpub.id }, order: { id: 'ASC' }, take: 12 })).filter(
    (m) => m.id !== chairCb.user.memberId && m.id !== viceCb.user.memberId && m.status === 'ACTIVE',
  );
  const dvxs = [];
  for (const m of cbMembers.slice(0, 3)) {
    const n = await nominate(chairCb, 'DVXS', { member: m }, `Đoàn viên công đoàn xuất sắc năm ${year}.`);
    await s.nomination.submit(chairCb, n.id);
    dvxs.push(n.id);
  }
  await s.nomination.reviewMany(viceCb, dvxs.slice(0, 2), ReviewDecision.APPROVE, 'Nhất trí.');

  await thanhHoa2023();
  await haTinh2022();

  /**
   * Seed 000: "Bằng khen, Bằng lao động sáng tạo của Tổng Liên đoàn; Cờ thi đua và Bằng khen của LĐLĐ
   * tỉnh; Giấy khen của CĐVC tỉnh" for 2023, handed out on 16 January 2024. One of each form (the
   * article gives no counts), through the rules: the Cờ thi đua goes to a unit rated EXCELLENT for
   * 2023, the BLĐST to the author of an initiative of 2023 worth the threshold (year/demo-year.ts).
   */
  async function thanhHoa2023() {
    const gk = await nominate(chairSyt, 'GK_CDCT_CN', { member: members[10] }, 'Hoàn thành xuất sắc nhiệm vụ năm 2023.', 2023);
    await s.nomination.submit(chairSyt, gk.id);
    await s.nomination.review(union, gk.id, ReviewDecision.APPROVE, 'Tặng Giấy khen.', null);
    const bk = await nominate(union, 'BK_LDLD_CN', { member: members[11] }, 'Hoàn thành xuất sắc nhiệm vụ năm 2023; tiêu biểu trong phong trào thi đua.', 2023);
    const flag = await nominate(union, 'CTD_LDLD', { unit: syt }, 'Tập thể hoàn thành xuất sắc nhiệm vụ năm 2023, dẫn đầu phong trào thi đua của Công đoàn Viên chức tỉnh.', 2023);
    const tld = await nominate(union, 'BK_TLD_CN', { member: members[12] }, 'Hai năm liền hoàn thành xuất sắc nhiệm vụ (2022, 2023).', 2023);
    const initiative = await ds.getRepository(Initiative).findOneByOrFail({ unitId: syt.id, year: 2023 });
    const author = await ds.getRepository(InitiativeAuthor).findOneOrFail({ where: { initiativeId: initiative.id }, order: { memberId: 'ASC' } });
    const bldst = await nominate(union, 'BLDST', { member: await ds.getRepository(Member).findOneByOrFail({ id: author.memberId }) }, `Tác giả sáng kiến "${initiative.title}".`, 2023);
    for (const n of [bk, flag, tld, bldst]) {
      await s.nomination.submit(union, n.id);
      await s.nomination.review(fed, n.id, ReviewDecision.APPROVE, 'Đồng ý.', null);
    }
    for (const n of [tld, bldst]) await s.nomination.recordConfederationDecision(fed, n.id, true, n === tld ? '95/QĐ-TLĐ' : '96/QĐ-TLĐ', '2024-01-10', null);
    // The federation's and the union's decisions of that conference: dated as the article dates them, not the day the demo was made.
    for (const n of [gk, bk, flag]) await ds.getRepository(Award).update({ nominationId: n.id }, { decidedAt: '2024-01-16' });
  }

  /**
   * Seed 003: "8 sáng kiến tiêu biểu được Tổng LĐLĐ Việt Nam tặng Bằng Lao động sáng tạo" — the
   * authors of the bloc's eight largest initiatives of 2022, proposed by the federation and recorded
   * with the confederation's decision.
   */
  async function haTinh2022() {
    const ht = await unit('LDLD-HT');
    const fedHt = await as('ldld.hatinh');
    const fedHt2 = await as('ldld.hatinh2');
    const best = await ds.getRepository(Initiative).find({ where: { federationId: ht.id, year: 2022 }, order: { benefit: 'DESC', id: 'ASC' }, take: 8 });
    for (const i of best) {
      const author = await ds.getRepository(InitiativeAuthor).findOneOrFail({ where: { initiativeId: i.id }, order: { memberId: 'ASC' } });
      const m = await ds.getRepository(Member).findOneByOrFail({ id: author.memberId });
      const n = await s.nomination.create(fedHt, { awardTypeId: await type('BLDST'), year: 2022, achievements: `Tác giả sáng kiến "${i.title}".`, nomineeMemberId: String(m.id) });
      await s.nomination.submit(fedHt, n.id);
      await s.nomination.review(fedHt2, n.id, ReviewDecision.APPROVE, 'Đề nghị Tổng Liên đoàn tặng Bằng Lao động sáng tạo.', null);
      await s.nomination.recordConfederationDecision(fedHt, n.id, true, '2263/QĐ-TLĐ', '2022-12-09', null);
    }
  }
}
