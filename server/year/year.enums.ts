import { registerEnumType } from 'type-graphql';

/**
 * The enumerations of the union's year (api-contract.md "The union's year"; domain-year.md gives
 * their sources). The Vietnamese labels live with the panel's dictionaries.
 */
export enum EmulationKind {
  REGULAR = 'REGULAR',
  ROUND = 'ROUND',
  THEMATIC = 'THEMATIC',
}
registerEnumType(EmulationKind, { name: 'EmulationKind', description: 'thường xuyên, theo đợt, theo chuyên đề' });

export enum ClusterKind {
  CLUSTER = 'CLUSTER',
  BLOC = 'BLOC',
}
registerEnumType(ClusterKind, { name: 'ClusterKind', description: 'cụm thi đua, khối thi đua' });

export enum ClusterRole {
  LEADER = 'LEADER',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
}
registerEnumType(ClusterRole, { name: 'ClusterRole', description: 'trưởng, phó cụm/khối, thành viên' });

export enum RatingLevel {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}
registerEnumType(RatingLevel, { name: 'RatingLevel', description: 'Hướng dẫn 1294/HD-TLĐ (2019): hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ' });

export enum MeasureUnit {
  PERSON = 'PERSON',
  UNIT = 'UNIT',
  PERCENT = 'PERCENT',
  VND = 'VND',
  COUNT = 'COUNT',
}
registerEnumType(MeasureUnit, { name: 'MeasureUnit' });

export enum Aggregation {
  SUM = 'SUM',
  NONE = 'NONE',
}
registerEnumType(Aggregation, { name: 'Aggregation', description: 'SUM: a level’s result is the sum of its units’; NONE: rates, never summed' });

export enum TargetSource {
  CONGRESS_RESOLUTION = 'CONGRESS_RESOLUTION',
  ANNUAL_PROGRAMME = 'ANNUAL_PROGRAMME',
  ASSIGNED_PLAN = 'ASSIGNED_PLAN',
  EMULATION_PLEDGE = 'EMULATION_PLEDGE',
}
registerEnumType(TargetSource, { name: 'TargetSource' });

export enum TargetStatus {
  EXCEEDED = 'EXCEEDED',
  MET = 'MET',
  NOT_MET = 'NOT_MET',
}
registerEnumType(TargetStatus, { name: 'TargetStatus', description: 'vượt, đạt, không đạt chỉ tiêu' });

export enum WelfareKind {
  SICKNESS = 'SICKNESS',
  MATERNITY = 'MATERNITY',
  BEREAVEMENT = 'BEREAVEMENT',
  WEDDING = 'WEDDING',
  HARDSHIP = 'HARDSHIP',
  TET_GIFT = 'TET_GIFT',
  POLICY_FAMILY = 'POLICY_FAMILY',
  HOUSING = 'HOUSING',
  CHARITY = 'CHARITY',
  OTHER = 'OTHER',
}
registerEnumType(WelfareKind, { name: 'WelfareKind' });

export enum FundSource {
  UNION_FINANCE = 'UNION_FINANCE',
  SOCIAL_FUND = 'SOCIAL_FUND',
  MAI_AM_FUND = 'MAI_AM_FUND',
  EMPLOYER = 'EMPLOYER',
  DONORS = 'DONORS',
  MEMBER_DONATIONS = 'MEMBER_DONATIONS',
}
registerEnumType(FundSource, { name: 'FundSource', description: 'where the money of a welfare record came from' });

export enum InitiativeStatus {
  REGISTERED = 'REGISTERED',
  RECOGNIZED = 'RECOGNIZED',
  APPLIED = 'APPLIED',
}
registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });

export enum CongressForm {
  PLENARY = 'PLENARY',
  DELEGATE = 'DELEGATE',
}
registerEnumType(CongressForm, { name: 'CongressForm', description: 'đại hội toàn thể, đại hội đại biểu' });

export enum ElectedPosition {
  BCH_MEMBER = 'BCH_MEMBER',
  STANDING_MEMBER = 'STANDING_MEMBER',
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  INSPECTION_MEMBER = 'INSPECTION_MEMBER',
  DELEGATE = 'DELEGATE',
  ALTERNATE_DELEGATE = 'ALTERNATE_DELEGATE',
}
registerEnumType(ElectedPosition, { name: 'ElectedPosition' });
