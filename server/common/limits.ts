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
  /** Failed logins allowed per account (and address) within the throttle window, before RATE_LIMITED. */
  loginFailures: 10,
  /** The login throttle's window: long enough to make guessing slow, short enough not to lock people out for long. */
  loginWindowMs: 15 * 60 * 1000,
} as const;
