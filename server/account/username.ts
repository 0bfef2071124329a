/**
 * Usernames are ASCII (letters, digits, dot, dash, underscore), stored in lower case, so that a
 * lookup is an exact match on every database: MariaDB's utf8mb4_unicode_ci would also match
 * accented and full-width spellings of a name, SQLite's binary comparison would not.
 */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** Typed text beyond this is never read: no username is longer than 64. */
const READ_CHARS = 256;

/**
 * How a username typed at login is read: compatibility forms folded (full-width `ｔ` is `t`),
 * accents dropped (`é` is `e`, `ç` is `c`, `đ` is `d`, as Vietnamese keyboards add them unasked),
 * lower case, trimmed. Every spelling of one account's name reads as that name, on every
 * database alike; what still is not a USERNAME names no account.
 */
export function canonicalUsername(typed: string): string {
  return typed
    .slice(0, READ_CHARS)
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}
