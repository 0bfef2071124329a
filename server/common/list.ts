import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, forbidden } from './errors';
import { LIKE_ESCAPE, likeEscape, searchWords } from './text';
import { LIMITS } from './limits';
import { isoDate, isoDateTime, parseId, preview } from './input';

/**
 * The react-admin list grammar (ids, q, plain fields, arrays as IN, _lt/_lte/_gt/_gte, sort,
 * 0-based pages) compiled onto a TypeORM query builder, for every resource alike.
 */
export const PER_PAGE_CAP = LIMITS.perPage;

export type FieldKind = 'id' | 'string' | 'enum' | 'date' | 'datetime' | 'number' | 'bool';

export interface FieldSpec {
  column: string;
  kind: FieldKind;
  /** personal data: analysts may neither filter nor sort on it */
  personal?: boolean;
  sortable?: boolean;
  /** the column to sort by when it differs (member names sort by given name) */
  sortColumn?: string;
}

export interface ListSpec {
  fields: Record<string, FieldSpec>;
  /** column holding the diacritics-free search text for `q` */
  searchColumn?: string;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
}

export interface ListArgsLike {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: object | null;
}

const OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
type Op = keyof typeof OPS;

/** `joinedAt_gte` as the field `joinedAt` and the operator `gte`; a key without a range suffix as itself. */
function rangeOf(key: string): { name: string; op: Op | null } {
  const i = key.lastIndexOf('_');
  const op = key.slice(i + 1);
  return i > 0 && Object.hasOwn(OPS, op) ? { name: key.slice(0, i), op: op as Op } : { name: key, op: null };
}

/**
 * The spec of a field a client named, or undefined. Own properties only: a client's `constructor`
 * or `__proto__` must not find Object.prototype's (it would sort by `x.undefined`).
 */
export function fieldOf(spec: ListSpec, name: string): FieldSpec | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

/**
 * The words of a `q`, refused before any query is built when a person searching would never
 * write so much: each word is one LIKE over the search column.
 */
export function qWords(raw: unknown): string[] {
  if (typeof raw !== 'string') throw badInput('q', 'expected text');
  if (raw.length > LIMITS.qChars) throw badInput('q', `at most ${LIMITS.qChars} characters`);
  const words = searchWords(raw);
  if (words.length > LIMITS.qWords) throw badInput('q', `at most ${LIMITS.qWords} words`);
  return words;
}

function coerce(field: string, spec: FieldSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'id':
      return parseId(field, v);
    case 'date':
      return isoDate(field, v);
    case 'datetime':
      return isoDateTime(field, v);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(field, 'expected a number');
      return v;
    case 'bool':
      return v ? 1 : 0;
    default:
      return v;
  }
}

export interface ListOptions {
  personalAllowed: boolean;
}

/** Adds the filter's conditions to qb. Unknown keys cannot arrive: GraphQL validated the input type. */
export function applyFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  spec: ListSpec,
  filter: object | null | undefined,
  opts: ListOptions,
): void {
  if (!filter) return;
  let n = 0;
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
    const p = `f${n++}`;
    // A list value is one IN (…) parameter per element: capped like `ids` and pages.
    if (Array.isArray(raw) && raw.length > PER_PAGE_CAP) throw badInput(key, `at most ${PER_PAGE_CAP} values per request`);
    if (key === 'ids') {
      const ids = (raw as unknown[]).map((v) => parseId('ids', v));
      if (ids.length === 0) qb.andWhere('1=0');
      else qb.andWhere(`${alias}.id IN (:...${p})`, { [p]: ids });
      continue;
    }
    if (key === 'q') {
      const words = qWords(raw);
      if (!spec.searchColumn) continue;
      words.forEach((w, i) =>
        qb.andWhere(`${alias}.${spec.searchColumn} LIKE :${p}_${i} ${LIKE_ESCAPE}`, { [`${p}_${i}`]: `%${likeEscape(w)}%` }),
      );
      continue;
    }
    const { name, op } = rangeOf(key);
    const field = fieldOf(spec, name);
    if (!field) throw badInput(key, 'unknown filter');
    if (field.personal && !opts.personalAllowed) throw forbidden(`${key}: personal data cannot be filtered by this role`);
    const col = `${alias}.${field.column}`;
    if (op) {
      qb.andWhere(`${col} ${OPS[op]} :${p}`, { [p]: coerce(key, field, raw) });
    } else if (Array.isArray(raw)) {
      if (raw.length === 0) qb.andWhere('1=0');
      else qb.andWhere(`${col} IN (:...${p})`, { [p]: raw.map((v) => coerce(key, field, v)) });
    } else {
      qb.andWhere(`${col} = :${p}`, { [p]: coerce(key, field, raw) });
    }
  }
}

/** Validated page window: `take` is capped; asking for more is an error, never a silent truncation. */
export function pageWindow(args: ListArgsLike): { skip: number; take: number } {
  const perPage = args.perPage ?? PER_PAGE_CAP;
  const page = args.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > PER_PAGE_CAP) {
    throw badInput('perPage', `must be between 1 and ${PER_PAGE_CAP}`);
  }
  if (!Number.isInteger(page) || page < 0) throw badInput('page', 'must be 0 or more');
  return { skip: page * perPage, take: perPage };
}

export function applySortAndPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  spec: ListSpec,
  args: ListArgsLike,
  opts: ListOptions,
): void {
  const { skip, take } = pageWindow(args);
  const sortField = args.sortField ?? spec.defaultSort.field;
  const order = (args.sortOrder ?? spec.defaultSort.order).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badInput('sortOrder', 'must be ASC or DESC');
  if (sortField !== 'id') {
    const field = fieldOf(spec, sortField);
    if (!field || field.sortable === false) throw badInput('sortField', `cannot sort by ${preview(sortField)}`);
    if (field.personal && !opts.personalAllowed) throw forbidden(`sortField: personal data cannot be sorted by this role`);
    qb.orderBy(`${alias}.${field.sortColumn ?? field.column}`, order);
    qb.addOrderBy(`${alias}.id`, order);
  } else {
    qb.orderBy(`${alias}.id`, order);
  }
  // offset/limit rather than skip/take: no joins here, and TypeORM's take adds a DISTINCT subquery.
  qb.offset(skip).limit(take);
}

/** Where a keyset page starts: after the row with this sort value and id. */
export interface Keyset {
  value: unknown;
  id: number;
}

/**
 * A keyset page (for long exports): the rows after `after` in the list's order, at most `take`.
 * Lists sort by (column, id), so "after" is `(col > v) OR (col = v AND id > id)` (reversed for
 * DESC) — an index range, whatever the depth, where an offset would read and drop every row before it.
 */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  spec: ListSpec,
  sort: { field?: string | null; order?: string | null },
  after: Keyset | null,
  take: number,
  opts: ListOptions,
): { column: string; property: string } {
  const field = sort.field ?? spec.defaultSort.field;
  const order = (sort.order ?? spec.defaultSort.order).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badInput('sortOrder', 'must be ASC or DESC');
  const f = field === 'id' ? null : Object.prototype.hasOwnProperty.call(spec.fields, field) ? spec.fields[field] : undefined;
  if (f === undefined || (f && f.sortable === false)) throw badInput('sortField', `cannot sort by ${field}`);
  if (f?.personal && !opts.personalAllowed) throw forbidden('sortField: personal data cannot be sorted by this role');
  const column = f ? `${alias}.${f.sortColumn ?? f.column}` : `${alias}.id`;
  const cmp = order === 'ASC' ? '>' : '<';
  if (after) {
    if (!f) qb.andWhere(`${alias}.id ${cmp} :ksId`, { ksId: after.id });
    else if (after.value === null) {
      // NULLs sort first ascending (MySQL and SQLite): after a NULL come the other NULLs with a higher id, then every value.
      qb.andWhere(order === 'ASC' ? `((${column} IS NULL AND ${alias}.id > :ksId) OR ${column} IS NOT NULL)` : `(${column} IS NULL AND ${alias}.id < :ksId)`, { ksId: after.id });
    } else {
      const nulls = order === 'DESC' ? ` OR ${column} IS NULL` : '';
      qb.andWhere(`(${column} ${cmp} :ksValue OR (${column} = :ksValue AND ${alias}.id ${cmp} :ksId)${nulls})`, { ksValue: after.value, ksId: after.id });
    }
  }
  qb.orderBy(column, order).addOrderBy(`${alias}.id`, order).limit(take);
  return { column: f ? (f.sortColumn ?? f.column) : 'id', property: field };
}
