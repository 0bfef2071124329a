/**
 * Every refusal of the server in the user's language, in one place. The server's error carries
 * `extensions.code` (the contract's codes), and for most refusals `extensions.rule` (a stable
 * machine name: DUPLICATE_NOMINATION, FOUR_EYES, WRONG_STATUS, …), `extensions.field` and the
 * values the sentence needs (`decidingLevel`, `status`, `units`, …). The words come from the i18n
 * dictionaries (`cd.refusal.rule.*`, `cd.refusal.code.*`): Vietnamese first, English with the
 * switch. The server's own message is technical English for logs: it is kept (HttpError body
 * `serverMessage`, the console) and never shown.
 *
 * Pure module (no React, no browser API): test/panel-errors.test.ts checks it against the
 * server's rules and both dictionaries.
 */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the panel knows of one refusal: a GraphQL error's extensions, a batch row, an import row. */
export interface Refusal {
  code?: string | null;
  rule?: string | null;
  field?: string | null;
  /** the server's text: only read to recognise refusals of an older server that named no rule */
  message?: string | null;
  [k: string]: unknown;
}

/** The rules worded in cd.refusal.rule (the server's `extensions.rule` values the panel knows). */
export const RULES = [
  'DUPLICATE_NOMINATION', 'DECIDING_LEVEL', 'AWARD_TYPE_INACTIVE', 'NOMINEE_KIND', 'NOMINEE_ACTIVE', 'UNDER_DISCIPLINE',
  'ONCE_PER_LIFETIME', 'YEAR', 'EXCELLENT_RATING', 'INITIATIVE_BENEFIT', 'NOMINEE_OUTSIDE', 'OUT_OF_SCOPE', 'UNIT_DISSOLVED',
  'PARENT_DISSOLVED', 'WRONG_LEVEL', 'TEAM_OUTSIDE', 'NOMINATOR_ONLY', 'STALE_VERSION', 'WRONG_STATUS', 'REVIEW_LEVEL',
  'FOUR_EYES', 'SELF_NOMINEE', 'COMMENT_REQUIRED', 'PERMISSION', 'UNIT_NOT_EMPTY', 'DUPLICATE', 'DUPLICATE_NAME', 'TAKEN',
  'REQUIRED', 'FUTURE_DATE', 'NOT_A_DATE', 'DATE_FORMAT', 'DATES_ORDER', 'JOINED_BEFORE_BIRTH', 'EMAIL', 'PHONE',
  'NATIONAL_ID', 'TOO_LONG', 'TOO_LARGE', 'GENDER', 'TEAM_UNKNOWN', 'REPEATED', 'TOKEN_LIMIT', 'BUSY',
] as const;

export const CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED', 'SERVICE_UNAVAILABLE',
] as const;

/** Refusals of servers (or paths) that name no rule, recognised by their text. */
const BY_MESSAGE: Array<[RegExp, string]> = [
  [/\[([A-Z_]+)\]$/, '$1'],
  [/(^|: )is required\b/, 'REQUIRED'],
  [/is already used|is already taken|already exists/, 'TAKEN'],
  [/cannot be in the future/, 'FUTURE_DATE'],
  [/is not an e-mail address/, 'EMAIL'],
  [/is not a phone number/, 'PHONE'],
  [/must have 9 or 12 digits/, 'NATIONAL_ID'],
  [/a rejection needs a comment/, 'COMMENT_REQUIRED'],
  [/is not a real date/, 'NOT_A_DATE'],
  [/expected a (valid|real) date|is not a date dd\/mm\/yyyy/, 'DATE_FORMAT'],
  [/is decided at [A-Z]+, which is not in the chain/, 'DECIDING_LEVEL'],
  [/four eyes/, 'FOUR_EYES'],
  [/you are the nominee/, 'SELF_NOMINEE'],
  [/is not Nam or Nữ/, 'GENDER'],
  [/is before the birth date/, 'JOINED_BEFORE_BIRTH'],
  [/ is also on row (\d+)/, 'REPEATED'],
  [/^no team /, 'TEAM_UNKNOWN'],
  [/\(forbidden\)$|không có quyền/, 'PERMISSION'],
  [/was changed by someone else|was moved by someone else|is at version/, 'STALE_VERSION'],
];

const KNOWN_RULES = new Set<string>(RULES);

/** The rule of a refusal: the server's `rule`, else one read from its text (older servers). */
export function ruleOf(r: Refusal): string | undefined {
  if (r.rule && KNOWN_RULES.has(r.rule)) return r.rule;
  const text = r.message ?? '';
  for (const [re, rule] of BY_MESSAGE) {
    const m = re.exec(text);
    if (!m) continue;
    const name = rule === '$1' ? m[1] : rule;
    if (KNOWN_RULES.has(name)) return name;
  }
  return undefined;
}

/** Where a field's label may be found: the resources whose forms the panel has. */
const FIELD_RESOURCES = ['members', 'nominations', 'users', 'grassrootsUnions', 'teams', 'unions', 'federations', 'awardTypes', 'awards'];

/** A field's label in the user's language ("Số thẻ đoàn viên" for cardNumber). */
export function fieldLabel(translate: Translate, field: string | null | undefined, resource?: string): string {
  if (!field) return '';
  const where = resource ? [resource, ...FIELD_RESOURCES] : FIELD_RESOURCES;
  for (const res of where) {
    const key = `resources.${res}.fields.${field}`;
    const t = translate(key, { _: '' });
    if (t && t !== key) return t;
  }
  const template = translate(`cd.template.${field}`, { _: '' });
  return template && template !== `cd.template.${field}` ? template : field;
}

/** The values a rule's sentence needs, in the user's language. */
function argsOf(translate: Translate, r: Refusal, resource?: string, fieldText?: string): Record<string, unknown> {
  const level = (r.decidingLevel ?? r.level) as string | undefined;
  const status = r.status as string | undefined;
  const fromText = r.message ? / is also on row (\d+)/.exec(r.message)?.[1] : undefined;
  return {
    field: fieldText ?? fieldLabel(translate, r.field, resource),
    level: level ? translate(`cd.enums.OrgLevel.${level}`, { _: level }) : '',
    status: status ? translate(`cd.enums.NominationStatus.${status}`, { _: status }) : '',
    units: r.units ?? 0,
    members: r.members ?? 0,
    max: r.max ?? '',
    otherRow: r.otherRow ?? fromText ?? '',
  };
}

/**
 * The sentence a user reads for a refusal: by rule when the panel knows it, else by code (and
 * field), never the server's text.
 */
export function wordRefusal(translate: Translate, r: Refusal, opts: { resource?: string; fieldText?: string } = {}): string {
  const rule = ruleOf(r);
  if (rule) return translate(`cd.refusal.rule.${rule}`, argsOf(translate, r, opts.resource, opts.fieldText));
  const code = r.code ?? 'OTHER';
  if (code === 'BAD_USER_INPUT' && r.field) return translate('cd.refusal.code.BAD_USER_INPUT_FIELD', argsOf(translate, r, opts.resource, opts.fieldText));
  return translate(`cd.refusal.code.${(CODES as readonly string[]).includes(code) ? code : 'OTHER'}`);
}

/** One line per refused nomination of a batch review. */
export function wordBatchRow(translate: Translate, r: { id: string; code?: string | null; rule?: string | null; message?: string | null }): string {
  return translate('cd.refusal.review_item', { id: r.id, reason: wordRefusal(translate, r) });
}
