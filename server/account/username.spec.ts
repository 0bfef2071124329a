import { canonicalUsername, USERNAME } from './username';

describe('canonicalUsername', () => {
  it('reads accented, full-width and upper-case spellings as the ASCII name', () => {
    for (const typed of ['test.pwchg', 'tést.pwchg', 'ｔest.pwchg', 'test.pwçhg', 'TEST.PWCHG', ' Test.Pwchg ', 'ｔｅｓｔ．ｐｗｃｈｇ', 'đtest.pwchg'.slice(1)]) {
      expect({ typed, read: canonicalUsername(typed) }).toEqual({ typed, read: 'test.pwchg' });
    }
    expect(canonicalUsername('đoan.van')).toBe('doan.van');
  });

  it('leaves other scripts as they are: they name no account', () => {
    const cyrillic = canonicalUsername('tеst.pwchg'); // U+0435, a Cyrillic e
    expect(cyrillic).not.toBe('test.pwchg');
    expect(USERNAME.test(cyrillic)).toBe(false);
  });

  it('reads at most 256 characters of what is typed', () => {
    expect(canonicalUsername('a'.repeat(100000))).toHaveLength(256);
  });
});
