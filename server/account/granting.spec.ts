import { grantRefusal, lockoutRefusal } from './granting';
import { Role } from '../auth/role';
import { OrgLevel } from '../org/org-level';
import { OrgUnit } from '../org/org-unit.entity';
import { Scope } from '../auth/scope';

const unit = (id: number, level: OrgLevel, fed: number, union: number | null = null, gu: number | null = null) =>
  Object.assign(new OrgUnit(), { id, level, federationId: fed, unionId: union, grassrootsUnionId: gu, teamId: null });
const fed1 = unit(1, OrgLevel.FEDERATION, 1);
const union2 = unit(2, OrgLevel.UNION, 1, 2);
const gu3 = unit(3, OrgLevel.GRASSROOTS, 1, 2, 3);
const fed9 = unit(9, OrgLevel.FEDERATION, 9);
const fedScope: Scope = { kind: 'subtree', level: OrgLevel.FEDERATION, unitId: 1, ancestorIds: [] };
const unionScope: Scope = { kind: 'subtree', level: OrgLevel.UNION, unitId: 2, ancestorIds: [1] };

describe('grantRefusal', () => {
  it('lets a federation admin grant lower roles on units of the right level in its subtree', () => {
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.UNION_ADMIN, union2)).toBeNull();
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.GRASSROOTS_CHAIR, gu3)).toBeNull();
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.ANALYST, gu3)).toBeNull();
  });
  it('refuses its own role and higher ones', () => {
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.FEDERATION_ADMIN, fed1)?.field).toBe('role');
    expect(grantRefusal(Role.UNION_ADMIN, unionScope, Role.FEDERATION_ADMIN, fed1)?.code).toBe('FORBIDDEN');
    expect(grantRefusal(Role.GRASSROOTS_CHAIR, unionScope, Role.ANALYST, gu3)?.field).toBe('role');
  });
  it('refuses a unit of the wrong level', () => {
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.UNION_ADMIN, gu3)).toMatchObject({ field: 'scopeUnitId', code: 'BAD_USER_INPUT' });
  });
  it('refuses a unit outside the actor scope', () => {
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.ANALYST, fed9)).toMatchObject({ field: 'scopeUnitId', code: 'FORBIDDEN' });
  });
  it('keeps unscoped accounts for SYSTEM_ADMIN', () => {
    expect(grantRefusal(Role.SYSTEM_ADMIN, { kind: 'all' }, Role.ANALYST, null)).toBeNull();
    expect(grantRefusal(Role.SYSTEM_ADMIN, { kind: 'all' }, Role.SYSTEM_ADMIN, null)).toBeNull();
    expect(grantRefusal(Role.FEDERATION_ADMIN, fedScope, Role.ANALYST, null)?.code).toBe('FORBIDDEN');
    expect(grantRefusal(Role.SYSTEM_ADMIN, { kind: 'all' }, Role.UNION_ADMIN, null)?.code).toBe('BAD_USER_INPUT');
    expect(grantRefusal(Role.SYSTEM_ADMIN, { kind: 'all' }, Role.SYSTEM_ADMIN, fed1)?.code).toBe('BAD_USER_INPUT');
  });
});

describe('lockoutRefusal', () => {
  const admin = { id: 1, role: Role.SYSTEM_ADMIN, active: true, scopeUnitId: null };
  it('refuses deactivating or demoting oneself', () => {
    expect(lockoutRefusal(1, admin, { ...admin, active: false }, 3)?.field).toBe('active');
    expect(lockoutRefusal(1, admin, { ...admin, role: Role.ANALYST }, 3)?.field).toBe('role');
  });
  it('keeps the last active SYSTEM_ADMIN', () => {
    expect(lockoutRefusal(2, admin, { ...admin, active: false }, 1)?.message).toMatch(/last active SYSTEM_ADMIN/);
    expect(lockoutRefusal(2, admin, { ...admin, active: false }, 2)).toBeNull();
  });
  it('allows ordinary edits', () => {
    expect(lockoutRefusal(1, admin, admin, 1)).toBeNull();
  });
});
