import { fitKey, nameSortKey, searchKey, searchWords, likeEscape } from './text';

describe('search keys', () => {
  it('drops Vietnamese diacritics and maps đ to d', () => {
    expect(searchKey('Nguyễn Thị Hoa')).toBe('nguyen thi hoa');
    expect(searchKey('Đặng Văn Đức')).toBe('dang van duc');
    expect(searchKey('LĐLĐ tỉnh Thanh Hóa', 'TH')).toBe('ldld tinh thanh hoa th');
  });
  it('splits q into normalized words', () => {
    expect(searchWords('  Nguyễn   thi ')).toEqual(['nguyen', 'thi']);
    expect(searchWords(undefined)).toEqual([]);
  });
  it('sorts Vietnamese names by given name first', () => {
    expect(nameSortKey('Nguyễn Thị Hoa')).toBe('hoa nguyen thi');
    expect(nameSortKey('Lê An')).toBe('an le');
    expect(nameSortKey('Hùng')).toBe('hung');
  });
  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_a!b')).toBe('50!%!_a!!b');
  });
});

describe('fitKey', () => {
  it('cuts a key to its column, never inside a surrogate pair', () => {
    expect(fitKey('abc', 5)).toBe('abc');
    expect(fitKey('abc def', 4)).toBe('abc');
    expect(fitKey('a😀', 2)).toBe('a');
    // 100 Hangul syllables are 275 jamo in a search key (two or three each)
    const key = searchKey('김민준서'.repeat(25));
    expect(key.length).toBe(275);
    expect(fitKey(key, 160)).toHaveLength(160);
  });
});
