/**
 * Search keys: lower case, no Vietnamese diacritics, đ → d, single spaces.
 * Stored beside the text on write so that `q` is a plain LIKE on both MySQL and SQLite,
 * independent of the database collation.
 */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A derived key cut to its column's width. Keys can be longer than the text they come from (NFD
 * spells a Hangul syllable as two or three jamo), and MySQL refuses a value wider than its column.
 * The cut never splits a surrogate pair; search still finds every word that fits, and the name
 * itself is stored whole.
 */
export function fitKey(key: string, max: number): string {
  if (key.length <= max) return key;
  const end = /[\uD800-\uDBFF]/.test(key[max - 1]) ? max - 1 : max;
  return key.slice(0, end).trimEnd();
}

/** The words of a `q` filter, each already a search key; empty words are dropped. */
export function searchWords(q: string | null | undefined): string[] {
  return searchKey(q).split(' ').filter(Boolean);
}

/**
 * Vietnamese names sort by the given name (the last word), then the family and middle names:
 * "Nguyễn Thị Hoa" sorts as "hoa nguyen thi".
 */
export function nameSortKey(fullName: string): string {
  const words = searchKey(fullName).split(' ').filter(Boolean);
  if (words.length <= 1) return words.join(' ');
  return [words[words.length - 1], ...words.slice(0, -1)].join(' ');
}

/**
 * Escapes LIKE wildcards so that user text matches literally. The escape character is `!`
 * (used as `LIKE ? ESCAPE '!'`) because a backslash is spelled differently in MySQL and SQLite literals.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";
export function likeEscape(s: string): string {
  return s.replace(/[!%_]/g, (c) => '!' + c);
}
