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
  /**
   * Default `limit` of the nested member lists (`GrassrootsUnion.members`, `Team.members`): a large
   * grassroots union's roll on one screen; longer rolls page through `allMembers`.
   */
  nestedMembers: 100,
  /**
   * Deepest nesting of fields in one operation, fragments flattened (a spread adds no level): the
   * panel's deepest query is 3 levels; 10 lets a query climb from a member to its federation and come
   * back down to other members (`Member.grassrootsUnion.union.federation.grassrootsUnions.members…`).
   */
  queryDepth: 10,
  /**
   * Deepest nesting under `__schema` when introspection is on: graphql's standard introspection
   * query (`getIntrospectionQuery()`, what GraphiQL and code generators send) is 15 deep, its
   * `TypeRef` fragment unwrapping seven levels of list and non-null wrappers.
   */
  introspectionDepth: 15,
  /**
   * Field selections in one operation with its fragments expanded (introspection included): the
   * panel's largest query has 32, the standard introspection query 240. It bounds the work of the
   * cost estimate, which expands fragments one use at a time.
   */
  querySelections: 500,
  /**
   * Estimated cost of one operation: about the number of values in the answer, a list field counting
   * its page size (`perPage`, `limit`) times what it selects. The panel's largest query (an export of
   * 1,000 members or nominations) costs about 18,000 and the analysts' largest (1,000 nominations
   * with their reviews and units) about 80,000; 200,000 leaves 2.5 times that, and an answer of
   * 200,000 values is some 5 to 10 MB of JSON. The 174-byte query of issue 7 costs 2 × 10^15.
   */
  queryCost: 200_000,
  /**
   * Rows the cost estimate assumes for a list field that takes no page size (the resolver answers all
   * of its rows): a large real value for each, and `default` for any list not named here.
   */
  unpagedListRows: {
    'Federation.unions': 100,
    'Federation.grassrootsUnions': 1000,
    'Union.grassrootsUnions': 500,
    'GrassrootsUnion.teams': 50,
    'Member.awards': 20,
    'Nomination.reviews': 10,
    'Nomination.history': 20,
    'ImportReport.errors': 2000,
    // the figures answer at most LIMITS.statsRows groups (refused beyond)
    'Query.memberStats': 10_000,
    'Query.awardStats': 10_000,
    'Query.nominationStats': 10_000,
    default: 100,
  } as Record<string, number>,
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
  /**
   * A personal API token's lifetime when its creator names none, in days: a quarter, so that a
   * forgotten token does not live for ever, and a reporting job renews it four times a year.
   */
  apiTokenDefaultDays: 90,
  /** The longest lifetime of a personal API token, in days: a year; a token that never expires is a password that is never changed. */
  apiTokenMaxDays: 365,
  /** Live tokens per account: one per script or notebook is a handful; the list stays one short page. */
  apiTokensPerAccount: 20,
  /** How often a token's lastUsedAt is written at most, in ms: "used in the last minute" is precise enough, and a busy script costs one write a minute. */
  apiTokenTouchMs: 60_000,
  /**
   * Most groups one figures query answers (memberStats, awardStats, nominationStats): a
   * federation's 700 unions by six age bands and two genders is 8,400 rows. More is refused with
   * BAD_USER_INPUT (group by fewer dimensions, or narrow the unit or the filter), never cut.
   */
  statsRows: 10_000,
  /**
   * Rows read per keyset page of a streamed export (/export/<resource>.csv): 1,000 members are
   * about 0.5 MB in memory at once, whatever the length of the whole list.
   */
  exportPage: 1000,
  /**
   * Largest amount or quantity in one record of the union's year (a welfare record's or an
   * initiative's VND, a target's planned, actual or printed value, a rule's threshold): 10^15, a
   * million billion đồng, beyond any union's budget (the demo's largest figure is 4.5 billion).
   * Under 2^53, so whole đồng stay exact, and any sum the year report makes of them stays finite
   * (a record of 1.7 × 10^308 made the sums, and the report, fail for every reader of the unit).
   */
  yearAmount: 1e15,
  /**
   * Largest count in one record of the union's year (visits or gifts in a welfare record, people
   * convened to or attending a meeting): a million, more than the members of the largest federation
   * (Hồ Chí Minh City's, about 1.4 million, would be several records). The year report adds these
   * counts into 32-bit GraphQL Ints: at a million each, 2,147 records of one year are needed to
   * reach that bound, where one record of 2^31 - 1 reached it at the second.
   */
  yearCount: 1_000_000,
  /** How long a signed export link (exportUrl) stays valid, in ms: enough to start the download it was made for. */
  exportLinkMs: 60_000,
} as const;
