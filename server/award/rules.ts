import { NomineeKind } from './award-type.entity';

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
