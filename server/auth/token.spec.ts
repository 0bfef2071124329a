import { signToken, verifyToken } from './token';

describe('verifyToken', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a valid token the same the second time (remembered), and refuses it once expired', () => {
    const now = Date.now();
    const token = signToken('secret-a', 60, 7, 3);
    expect(verifyToken('secret-a', token)).toEqual({ sub: '7', tv: 3 });
    expect(verifyToken('secret-a', token)).toEqual({ sub: '7', tv: 3 });
    // 61 s later the remembered token is expired like a fresh one
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(verifyToken('secret-a', token)).toBeNull();
  });

  it('refuses a remembered token under another secret, and a token with one byte changed', () => {
    const token = signToken('secret-b', 60, 8, 1);
    expect(verifyToken('secret-b', token)).toEqual({ sub: '8', tv: 1 });
    expect(verifyToken('secret-c', token)).toBeNull();
    const [h, p, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: '1' })).toString('base64url');
    expect(verifyToken('secret-b', `${h}.${forged}.${sig}`)).toBeNull();
    expect(verifyToken('secret-b', `${token}x`)).toBeNull();
    expect(verifyToken('secret-b', token)).toEqual({ sub: '8', tv: 1 });
  });
});
