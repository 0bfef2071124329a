import { NomineeKind } from './award-type.entity';
import { RatingLevel } from '../year/year.enums';

/**
 * The rules a nomination must pass, each a small pure function answering null or a refusal
 * that names the rule and the field. Checked on create/edit where they can be, on submit, and
 * again on approval (the world may have changed in between).
 */
export interface RuleRefusal {
  rule: string;
  field: string;
  message: string;
}

const refuse = (rule: string, field: string, message: string): RuleRefusal => ({ rule, field, message });

/** An individual award needs a member nominee, a collective one a unit nominee. */
export function nomineeKindRule(kind: NomineeKind, nomineeMemberId: number | null, nomineeUnitId: number | null): RuleRefusal | null {
  if (kind === NomineeKind.INDIVIDUAL && (nomineeMemberId == null || nomineeUnitId != null)) {
    return refuse('NOMINEE_KIND', 'nomineeMemberId', 'this award type is for an individual: give nomineeMemberId only');
  }
  if (kind === NomineeKind.COLLECTIVE && (nomineeUnitId == null || nomineeMemberId != null)) {
    return refuse('NOMINEE_KIND', 'nomineeUnitId', 'this award type is for a collective: give nomineeUnitId only');
  }
  return null;
}

/** Only active members and live units are commended. */
export function nomineeActiveRule(active: boolean, field: string): RuleRefusal | null {
  return active ? null : refuse('NOMINEE_ACTIVE', field, 'the nominee is no longer active (left the union or dissolved)');
}

/** A member under discipline (kỷ luật) on the given day gets no award. */
export function disciplineRule(from: string | null, until: string | null, on: string): RuleRefusal | null {
  if (!from || from > on) return null;
  if (until && until < on) return null;
  return refuse('UNDER_DISCIPLINE', 'nomineeMemberId', `the member is under discipline since ${from}${until ? ` until ${until}` : ''}`);
}

/** Kỷ niệm chương is given once in a lifetime. */
export function oncePerLifetimeRule(oncePerLifetime: boolean, alreadyAwarded: number): RuleRefusal | null {
  return oncePerLifetime && alreadyAwarded > 0
    ? refuse('ONCE_PER_LIFETIME', 'awardTypeId', 'this award is given once per person and the member already has it')
    : null;
}

/** One open nomination per nominee, award type and year. */
export function duplicateRule(otherOpenNominations: number): RuleRefusal | null {
  return otherOpenNominations > 0
    ? refuse('DUPLICATE_NOMINATION', 'awardTypeId', 'the nominee already has an open nomination for this award type and year')
    : null;
}

/** The year of a nomination: not before the union's records and not in the future. */
export function yearRule(year: number, currentYear: number): RuleRefusal | null {
  return Number.isInteger(year) && year >= 1990 && year <= currentYear
    ? null
    : refuse('YEAR', 'year', `must be a year between 1990 and ${currentYear}`);
}

// ---- rules that read the union's year (ratings, initiatives) -------------------------------

/** The prerequisite an award type's code carries (api-contract.md, "Commendation rules that use these records"). */
export type YearPrerequisite = 'EXCELLENT_RATING' | 'INITIATIVE_BENEFIT';
export const YEAR_PREREQUISITES: Readonly<Record<string, YearPrerequisite>> = {
  CTD_LDLD: 'EXCELLENT_RATING',
  BLDST: 'INITIATIVE_BENEFIT',
};

/** The threshold code the INITIATIVE_BENEFIT rule reads from rule_threshold (year/catalogue.ts). */
export const BLDST_THRESHOLD = 'BLDST_MIN_BENEFIT';

/** VND as a report prints it: 80.000.000 ₫. */
export const vnd = (v: number): string => `${Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/**
 * Cờ thi đua of the federation (CTD_LDLD) goes to a unit that "hoàn thành xuất sắc nhiệm vụ" in the
 * year, as the level above recognised it (Quy chế khen thưởng 1564/QĐ-TLĐ 2014, Điều 11; domain-year.md
 * R8.2): the nominee unit's AnnualRating for the nomination's year must be EXCELLENT.
 */
export function excellentRatingRule(level: RatingLevel | null, year: number): RuleRefusal | null {
  if (level === RatingLevel.EXCELLENT) return null;
  return refuse(
    'EXCELLENT_RATING',
    'nomineeUnitId',
    level
      ? `the Cờ thi đua needs a rating of EXCELLENT (hoàn thành xuất sắc nhiệm vụ) for ${year}; the unit was rated ${level}`
      : `the Cờ thi đua needs a rating of EXCELLENT (hoàn thành xuất sắc nhiệm vụ) for ${year}; the unit has no rating for ${year}`,
  );
}

/**
 * Bằng Lao động sáng tạo (BLDST) goes to the author of an initiative, recognised or applied, whose
 * benefit reaches the threshold in force for the year (1564/QĐ-TLĐ 2014, Điều 16, and later
 * regulations: rule_threshold BLDST_MIN_BENEFIT; domain-year.md R5.2, R8.6). `best` is the largest
 * benefit among the nominee's RECOGNIZED or APPLIED initiatives of the year (null: none); `threshold`
 * null means no value is in force for that year, which an administrator must record first.
 */
export function initiativeBenefitRule(best: number | null, threshold: { value: number; regulation: string } | null, year: number): RuleRefusal | null {
  if (!threshold) {
    return refuse('INITIATIVE_BENEFIT', 'year', `no ${BLDST_THRESHOLD} threshold is in force for ${year}: record the regulation's value first`);
  }
  if (best != null && best >= threshold.value) return null;
  const floor = `${vnd(threshold.value)} (${threshold.regulation})`;
  return refuse(
    'INITIATIVE_BENEFIT',
    'nomineeMemberId',
    best == null
      ? `the Bằng Lao động sáng tạo needs a recognized or applied initiative of ${year} by the nominee with a benefit of at least ${floor}; the nominee is an author of none`
      : `the Bằng Lao động sáng tạo needs a recognized or applied initiative of ${year} with a benefit of at least ${floor}; the nominee's best is ${vnd(best)}`,
  );
}
