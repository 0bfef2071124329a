import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const T0 = 1_000_000;
  const account = { accountId: 7 };

  it('blocks an account from an address after `max` failures, within the window only', () => {
    const th = new LoginThrottle(3, 100, 1000);
    for (let i = 0; i < 3; i++) {
      expect(th.blocked(account, 'ip1', T0 + i)).toBe(false);
      th.fail(account, 'ip1', T0 + i);
    }
    expect(th.blocked(account, 'ip1', T0 + 10)).toBe(true);
    // another address, another account, an unknown name: not affected
    expect(th.blocked(account, 'ip2', T0 + 10)).toBe(false);
    expect(th.blocked({ accountId: 8 }, 'ip1', T0 + 10)).toBe(false);
    expect(th.blocked({ unknownName: 'x' }, 'ip1', T0 + 10)).toBe(false);
    // the window passes
    expect(th.blocked(account, 'ip1', T0 + 1003)).toBe(false);
  });

  it('keys unknown names by their spelling', () => {
    const th = new LoginThrottle(2, 100, 1000);
    th.fail({ unknownName: 'ghost' }, 'ip', T0);
    th.fail({ unknownName: 'ghost' }, 'ip', T0);
    expect(th.blocked({ unknownName: 'ghost' }, 'ip', T0)).toBe(true);
    expect(th.blocked({ unknownName: 'ghost2' }, 'ip', T0)).toBe(false);
  });

  it('blocks an address after `addressMax` failures across usernames, and a success does not reset it', () => {
    const th = new LoginThrottle(10, 5, 1000);
    for (let i = 0; i < 4; i++) th.fail({ unknownName: `name${i}` }, 'ip', T0);
    th.succeed(account, 'ip');
    expect(th.addressBlocked('ip', T0)).toBe(false);
    th.fail({ accountId: 9 }, 'ip', T0);
    expect(th.addressBlocked('ip', T0)).toBe(true);
    expect(th.blocked(account, 'ip', T0)).toBe(true);
    expect(th.blocked(account, 'other-ip', T0)).toBe(false);
    expect(th.addressBlocked('ip', T0 + 1000)).toBe(false);
  });

  it('a success clears its account’s count', () => {
    const th = new LoginThrottle(2, 100, 1000);
    th.fail(account, 'ip', T0);
    th.succeed(account, 'ip');
    th.fail(account, 'ip', T0);
    expect(th.blocked(account, 'ip', T0)).toBe(false);
  });
});
