import { Aggregation, MeasureUnit } from './year.enums';

/**
 * The indicator catalogue seeded into every database (missing codes only; an administrator's edits
 * are kept), from domain-year.md §3. Referrals to the Party and admissions are two indicators
 * (the seed's 112 were admitted, not referred). Rates do not add up across units (NONE).
 */
export const INDICATOR_CATALOGUE: { code: string; name: string; unit: MeasureUnit; aggregation: Aggregation }[] = [
  { code: 'NEW_MEMBERS', name: 'Phát triển đoàn viên mới', unit: MeasureUnit.PERSON, aggregation: Aggregation.SUM },
  { code: 'NEW_GRASSROOTS', name: 'Thành lập mới công đoàn cơ sở', unit: MeasureUnit.UNIT, aggregation: Aggregation.SUM },
  { code: 'PARTY_REFERRALS', name: 'Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp', unit: MeasureUnit.PERSON, aggregation: Aggregation.SUM },
  { code: 'PARTY_ADMISSIONS', name: 'Đoàn viên được kết nạp vào Đảng', unit: MeasureUnit.PERSON, aggregation: Aggregation.SUM },
  { code: 'MAI_AM_FUND', name: 'Vận động quỹ Mái ấm Công đoàn', unit: MeasureUnit.VND, aggregation: Aggregation.SUM },
  { code: 'STAFF_CONFERENCES', name: 'Tổ chức Hội nghị cán bộ, công chức, viên chức', unit: MeasureUnit.UNIT, aggregation: Aggregation.SUM },
  { code: 'WORKER_CONFERENCES', name: 'Tổ chức Hội nghị người lao động', unit: MeasureUnit.UNIT, aggregation: Aggregation.SUM },
  { code: 'WORKPLACE_DIALOGUES', name: 'Đối thoại định kỳ tại nơi làm việc', unit: MeasureUnit.COUNT, aggregation: Aggregation.SUM },
  { code: 'INITIATIVES_ENTERED', name: 'Sáng kiến tham gia dự thi', unit: MeasureUnit.COUNT, aggregation: Aggregation.SUM },
  { code: 'WELFARE_VISITS', name: 'Thăm hỏi đoàn viên', unit: MeasureUnit.COUNT, aggregation: Aggregation.SUM },
  { code: 'EXCELLENT_MEMBERS_RATE', name: 'Đoàn viên công đoàn xuất sắc', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'TEAMS_GOOD_RATE', name: 'Tổ công đoàn xếp loại hoàn thành tốt nhiệm vụ trở lên', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'GRASSROOTS_GOOD_RATE', name: 'CĐCS xếp loại hoàn thành tốt nhiệm vụ trở lên', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'ADVANCED_WORKER_RATE', name: 'Lao động tiên tiến', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'EMULATION_FIGHTER_RATE', name: 'Chiến sĩ thi đua cơ sở', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'WOMEN_GVN_DVN_RATE', name: 'Nữ đoàn viên đạt danh hiệu "Giỏi việc nước, đảm việc nhà"', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'CULTURAL_FAMILY_RATE', name: 'Gia đình đạt danh hiệu "Gia đình văn hóa"', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'HCM_STUDY_RATE', name: 'Đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
  { code: 'NO_SOCIAL_EVILS_RATE', name: 'Đoàn viên không mắc tệ nạn xã hội', unit: MeasureUnit.PERCENT, aggregation: Aggregation.NONE },
];

/**
 * The thresholds of the rules, with the regulation each comes from (domain-year.md §5, §6, §8). The
 * current regulation (999/QĐ-TLĐ, 2024) could not be read article by article, so the values are
 * those of the earlier texts, marked as such; an administrator records a newer value with its
 * regulation and date, and rules for later years use it.
 */
export const THRESHOLD_CATALOGUE = [
  {
    code: 'BLDST_MIN_BENEFIT',
    value: 80_000_000,
    unit: 'VND',
    regulation: '1564/QĐ-TLĐ (24/12/2014), Điều 16; same tiers quoted under 1689/QĐ-TLĐ (2019)',
    effectiveFrom: '2014-12-24',
    note: 'Bằng Lao động sáng tạo: an initiative of the year, recognized or applied, with benefit ≥ 80 million VND (workers with college or lower training)',
  },
  {
    code: 'CONGRESS_QUORUM',
    value: 2 / 3,
    unit: 'SHARE',
    regulation: 'Điều lệ Công đoàn Việt Nam khóa XI, Điều 12.1',
    effectiveFrom: '2013-07-30',
    note: 'a congress is valid when at least two thirds of those convened attend',
  },
  {
    code: 'PLENARY_CONGRESS_MAX_MEMBERS',
    value: 149,
    unit: 'PERSON',
    regulation: 'Hướng dẫn thi hành Điều lệ khóa XI (2015)',
    effectiveFrom: '2015-01-01',
    note: 'a grassroots union below 150 members holds a plenary congress',
  },
];
