import { nameSortKey, searchKey, searchWords, likeEscape } from './text';

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
