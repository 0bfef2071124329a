import { NomineeKind } from './award-type.entity';
import { OrgLevel } from '../org/org-level';

/**
 * The award forms of domain.md and who decides them. A form for both individuals and
 * collectives is two types (_CN: cá nhân, _TT: tập thể). Seeded into every database at start,
 * adding only missing codes (an administrator's edits are kept).
 */
export const AWARD_CATALOGUE: { code: string; name: string; nomineeKind: NomineeKind; decidingLevel: OrgLevel; oncePerLifetime?: boolean }[] = [
  { code: 'GK_CDCS_CN', name: 'Giấy khen BCH công đoàn cơ sở (cá nhân)', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.GRASSROOTS },
  { code: 'GK_CDCS_TT', name: 'Giấy khen BCH công đoàn cơ sở (tập thể)', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.GRASSROOTS },
  { code: 'GK_CDCT_CN', name: 'Giấy khen BCH công đoàn cấp trên trực tiếp cơ sở (cá nhân)', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.UNION },
  { code: 'GK_CDCT_TT', name: 'Giấy khen BCH công đoàn cấp trên trực tiếp cơ sở (tập thể)', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.UNION },
  { code: 'BK_LDLD_CN', name: 'Bằng khen BCH Liên đoàn Lao động tỉnh (cá nhân)', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.FEDERATION },
  { code: 'BK_LDLD_TT', name: 'Bằng khen BCH Liên đoàn Lao động tỉnh (tập thể)', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.FEDERATION },
  { code: 'CTD_LDLD', name: 'Cờ thi đua Liên đoàn Lao động tỉnh', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.FEDERATION },
  { code: 'BK_TLD_CN', name: 'Bằng khen Tổng Liên đoàn Lao động Việt Nam (cá nhân)', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.CONFEDERATION },
  { code: 'BK_TLD_TT', name: 'Bằng khen Tổng Liên đoàn Lao động Việt Nam (tập thể)', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.CONFEDERATION },
  { code: 'BLDST', name: 'Bằng Lao động sáng tạo', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.CONFEDERATION },
  { code: 'CTD_TLD', name: 'Cờ thi đua Tổng Liên đoàn', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.CONFEDERATION },
  { code: 'KNC', name: 'Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.CONFEDERATION, oncePerLifetime: true },
  { code: 'DVXS', name: 'Đoàn viên công đoàn xuất sắc', nomineeKind: NomineeKind.INDIVIDUAL, decidingLevel: OrgLevel.GRASSROOTS },
  { code: 'CDCS_VM', name: 'Công đoàn cơ sở vững mạnh', nomineeKind: NomineeKind.COLLECTIVE, decidingLevel: OrgLevel.UNION },
];
