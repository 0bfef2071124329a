import { disciplineRule, duplicateRule, nomineeActiveRule, nomineeKindRule, oncePerLifetimeRule, yearRule } from './rules';
import { NomineeKind } from './award-type.entity';

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
});
