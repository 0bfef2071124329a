/**
 * Every limit the server enforces, in one place, each with the reason for its number. The README's
 * "Limits" section lists the same table; change both together.
 */
export const LIMITS = {
  /** Largest request body: a 2,000-row member import is about 600 KB of JSON; 1 MiB leaves room and no more. */
  bodyBytes: 1024 * 1024,
  /**
   * Largest page of any list, and the longest `ids` filter: react-admin's export asks for 1,000 rows
   * at once, and 1,000 rows of the widest type (members) serialise to about 0.5 MB.
   */
  perPage: 1000,
  /** Rows in one member import: a large grassroots union's whole roll, in one transaction of bounded size. */
  importRows: 2000,
  /**
   * Failed logins allowed per account (or per unknown username) and address within the throttle
   * window, before RATE_LIMITED: a person who forgot a password gives up or resets it well before.
   */
  loginFailures: 10,
  /** The login throttle's window: long enough to make guessing slow, short enough not to lock people out for long. */
  loginWindowMs: 15 * 60 * 1000,
  /**
   * Failed logins allowed from one address across all usernames within the window: one office
   * behind one NAT address mistyping passwords all morning stays well under it, while guessing one
   * password against many accounts (which the per-account count cannot see) stops after 50 tries.
   */
  loginAddressFailures: 50,
  /**
   * Longest `q` (free-text search), in characters: a full name and a card number are under 60;
   * each word of `q` is one LIKE, so the text and its words are capped before any query is built.
   */
  qChars: 200,
  /** Most words in `q`: a name is at most 5 or 6 words; ten covers a name, a unit and a number. */
  qWords: 10,
  /**
   * Longest long text (achievements, review comments), in characters: a TEXT column holds 65,535
   * bytes on MySQL, and 20,000 UTF-16 units are at most 60,000 bytes of UTF-8. About ten printed pages.
   */
  longTextChars: 20000,
  /**
   * Largest audit snapshot (each of `before` and `after`), in bytes of JSON: they are TEXT columns
   * (65,535 bytes on MySQL). A longer snapshot keeps every field but cuts the longest texts, marked;
   * the record itself keeps the whole value, and the write is never lost to its audit row.
   */
  auditSnapshotBytes: 60000,
} as const;
