import { Services } from '../graphql/services';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { AwardType } from './award-type.entity';
import { ReviewDecision } from './nomination.entity';

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

  const nominate = async (caller: typeof union, awardCode: string, nominee: { member?: Member; unit?: OrgUnit }, text: string) =>
    s.nomination.create(caller, {
      awardTypeId: await type(awardCode),
      year,
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
}
