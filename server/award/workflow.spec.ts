import { afterApproval, canTransition, firstLevel, levelChain, TRANSITIONS, validateWorkflow } from './workflow';
import { NominationStatus as S } from './nomination.entity';
import { OrgLevel as L } from '../org/org-level';

describe('the nomination transition map', () => {
  it('is valid', () => expect(() => validateWorkflow()).not.toThrow());
  it('rejects a map with an unreachable status or a way out of a final status', () => {
    const { CONFEDERATION_APPROVE: _a, CONFEDERATION_REJECT: _r, ...rest } = TRANSITIONS;
    const noForwardExit = { ...rest, APPROVE: { from: [S.PENDING], to: [S.PENDING, S.FORWARDED, S.APPROVED] } };
    expect(() => validateWorkflow(noForwardExit as unknown as typeof TRANSITIONS)).toThrow(/FORWARDED has no way out/);
    const reopen = { ...TRANSITIONS, SUBMIT: { from: [S.DRAFT, S.REJECTED], to: [S.PENDING] } };
    expect(() => validateWorkflow(reopen)).toThrow(/final status REJECTED/);
  });
  it('allows only declared steps', () => {
    expect(canTransition('SUBMIT', S.RETURNED, S.PENDING)).toBe(true);
    expect(canTransition('SUBMIT', S.APPROVED, S.PENDING)).toBe(false);
    expect(canTransition('WITHDRAW', S.FORWARDED, S.WITHDRAWN)).toBe(false);
  });
});

describe('the climb', () => {
  it('goes through the nominating unit’s own ancestors', () => {
    expect(levelChain(L.GRASSROOTS, true)).toEqual([L.GRASSROOTS, L.UNION, L.FEDERATION, L.CONFEDERATION]);
    expect(levelChain(L.GRASSROOTS, false)).toEqual([L.GRASSROOTS, L.FEDERATION, L.CONFEDERATION]);
    expect(levelChain(L.TEAM, true)).toEqual([L.TEAM, L.GRASSROOTS, L.UNION, L.FEDERATION, L.CONFEDERATION]);
    expect(levelChain(L.UNION, true)).toEqual([L.UNION, L.FEDERATION, L.CONFEDERATION]);
    expect(levelChain(L.FEDERATION, false)).toEqual([L.FEDERATION, L.CONFEDERATION]);
  });
  it('starts above the nominating unit, or at it when it decides or is a federation', () => {
    const g = levelChain(L.GRASSROOTS, true);
    expect(firstLevel(g, L.FEDERATION)).toBe(L.UNION);
    expect(firstLevel(g, L.GRASSROOTS)).toBe(L.GRASSROOTS);
    expect(firstLevel(levelChain(L.GRASSROOTS, false), L.FEDERATION)).toBe(L.FEDERATION);
    expect(firstLevel(levelChain(L.FEDERATION, false), L.CONFEDERATION)).toBe(L.FEDERATION);
  });
  it('forwards one level per approval, and to the confederation from the federation', () => {
    const g = levelChain(L.GRASSROOTS, true);
    expect(afterApproval(g, L.UNION, L.FEDERATION)).toEqual({ status: S.PENDING, level: L.FEDERATION });
    expect(afterApproval(g, L.FEDERATION, L.FEDERATION)).toEqual({ status: S.APPROVED, level: null });
    expect(afterApproval(g, L.FEDERATION, L.CONFEDERATION)).toEqual({ status: S.FORWARDED, level: L.CONFEDERATION });
  });
});
