import {
  disciplineRule, duplicateRule, excellentRatingRule, initiativeBenefitRule, nomineeActiveRule, nomineeKindRule, oncePerLifetimeRule, vnd, YEAR_PREREQUISITES, yearRule,
} from './rules';
import { NomineeKind } from './award-type.entity';
import { RatingLevel } from '../year/year.enums';

describe('nomination rules', () => {
  it('NOMINEE_KIND: individual awards need a member, collective ones a unit', () => {
    expect(nomineeKindRule(NomineeKind.INDIVIDUAL, 5, null)).toBeNull();
    expect(nomineeKindRule(NomineeKind.INDIVIDUAL, null, 5)).toMatchObject({ rule: 'NOMINEE_KIND', field: 'nomineeMemberId' });
    expect(nomineeKindRule(NomineeKind.COLLECTIVE, null, 5)).toBeNull();
    expect(nomineeKindRule(NomineeKind.COLLECTIVE, 5, 5)).toMatchObject({ rule: 'NOMINEE_KIND', field: 'nomineeUnitId' });
  });
  it('NOMINEE_ACTIVE', () => {
    expect(nomineeActiveRule(true, 'nomineeMemberId')).toBeNull();
    expect(nomineeActiveRule(false, 'nomineeUnitId')).toMatchObject({ rule: 'NOMINEE_ACTIVE', field: 'nomineeUnitId' });
  });
  it('UNDER_DISCIPLINE covers the discipline period only', () => {
    expect(disciplineRule(null, null, '2025-05-01')).toBeNull();
    expect(disciplineRule('2025-01-01', null, '2025-05-01')?.rule).toBe('UNDER_DISCIPLINE');
    expect(disciplineRule('2025-01-01', '2025-12-31', '2025-05-01')?.rule).toBe('UNDER_DISCIPLINE');
    expect(disciplineRule('2025-01-01', '2025-03-01', '2025-05-01')).toBeNull();
    expect(disciplineRule('2025-06-01', null, '2025-05-01')).toBeNull();
  });
  it('ONCE_PER_LIFETIME', () => {
    expect(oncePerLifetimeRule(true, 0)).toBeNull();
    expect(oncePerLifetimeRule(true, 1)?.rule).toBe('ONCE_PER_LIFETIME');
    expect(oncePerLifetimeRule(false, 3)).toBeNull();
  });
  it('DUPLICATE_NOMINATION', () => {
    expect(duplicateRule(0)).toBeNull();
    expect(duplicateRule(1)?.rule).toBe('DUPLICATE_NOMINATION');
  });
  it('YEAR', () => {
    expect(yearRule(2025, 2026)).toBeNull();
    expect(yearRule(2027, 2026)?.field).toBe('year');
    expect(yearRule(1989, 2026)?.rule).toBe('YEAR');
  });
  it('EXCELLENT_RATING: only EXCELLENT passes; the refusal names the nominee unit and says what the unit has', () => {
    expect(excellentRatingRule(RatingLevel.EXCELLENT, 2023)).toBeNull();
    for (const level of [RatingLevel.GOOD, RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED]) {
      expect(excellentRatingRule(level, 2023)).toMatchObject({ rule: 'EXCELLENT_RATING', field: 'nomineeUnitId', message: expect.stringContaining(level) });
    }
    expect(excellentRatingRule(null, 2023)?.message).toContain('no rating for 2023');
  });
  it('INITIATIVE_BENEFIT: the best initiative reaches the threshold in force (≥, not >); no threshold is refused on the year', () => {
    const th = { value: 80_000_000, regulation: '1564/QĐ-TLĐ' };
    expect(initiativeBenefitRule(80_000_000, th, 2022)).toBeNull();
    expect(initiativeBenefitRule(4_500_000_000, th, 2022)).toBeNull();
    expect(initiativeBenefitRule(79_999_999, th, 2022)).toMatchObject({ rule: 'INITIATIVE_BENEFIT', field: 'nomineeMemberId', message: expect.stringContaining('79.999.999 ₫') });
    expect(initiativeBenefitRule(null, th, 2022)?.message).toContain('80.000.000 ₫ (1564/QĐ-TLĐ)');
    // the value is the data's, whatever it is
    expect(initiativeBenefitRule(90_000_000, { value: 100_000_000, regulation: 'X' }, 2026)?.rule).toBe('INITIATIVE_BENEFIT');
    expect(initiativeBenefitRule(90_000_000, { value: 50_000_000, regulation: 'X' }, 2026)).toBeNull();
    expect(initiativeBenefitRule(90_000_000, null, 2010)).toMatchObject({ rule: 'INITIATIVE_BENEFIT', field: 'year' });
  });
  it('the prerequisites belong to CTD_LDLD and BLDST only', () => {
    expect(YEAR_PREREQUISITES).toEqual({ CTD_LDLD: 'EXCELLENT_RATING', BLDST: 'INITIATIVE_BENEFIT' });
    expect(YEAR_PREREQUISITES.KNC).toBeUndefined();
  });
  it('VND as printed', () => {
    expect(vnd(80_000_000)).toBe('80.000.000 ₫');
    expect(vnd(1_350_000_000)).toBe('1.350.000.000 ₫');
    expect(vnd(500)).toBe('500 ₫');
  });
});
