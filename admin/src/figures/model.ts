/**
 * The figures page's model: what can be counted, by which dimensions, and how a row of the
 * figures API (memberStats, awardStats, nominationStats) reads as a labelled group. Pure: no React.
 */
import type * as G from '../generated/graphql';

export type Subject = 'members' | 'awards' | 'nominations';

export const DIMENSIONS = {
  members: ['CHILD_UNIT', 'GENDER', 'AGE_BAND', 'JOIN_YEAR', 'ETHNICITY', 'STATUS'],
  awards: ['CHILD_UNIT', 'AWARD_TYPE', 'YEAR', 'DECIDING_LEVEL'],
  nominations: ['CHILD_UNIT', 'AWARD_TYPE', 'STATUS', 'CURRENT_LEVEL', 'YEAR'],
} as const satisfies Record<Subject, readonly string[]>;

export type Dimension = (typeof DIMENSIONS)[Subject][number];

export type StatRow =
  | G.FigureMembersQuery['memberStats'][number]
  | G.FigureAwardsQuery['awardStats'][number]
  | G.FigureNominationsQuery['nominationStats'][number];

export const AGE_BANDS = ['UNDER_30', 'AGE_30_39', 'AGE_40_49', 'AGE_50_59', 'AGE_60_PLUS'] as const;

/** One group's key and label under a dimension; `order` sorts the groups where order matters (years, ages). */
export interface GroupKey {
  key: string;
  label: string;
  order: number | null;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const get = (row: StatRow, field: string): any => (row as Record<string, unknown>)[field] ?? null;

/** The group a row belongs to under one dimension, labelled for people. */
export function groupOf(row: StatRow, dim: Dimension, subject: Subject, t: Translate): GroupKey {
  const none = (label: string) => ({ key: '∅', label: t(label), order: Number.MAX_SAFE_INTEGER });
  switch (dim) {
    case 'CHILD_UNIT': {
      const id = get(row, 'unitId');
      if (id == null) return none('cd.figures.none.unit');
      return { key: String(id), label: get(row, 'unit')?.name ?? `#${id}`, order: null };
    }
    case 'GENDER': {
      const g = get(row, 'gender');
      return g == null ? none('cd.figures.none.value') : { key: g, label: t(`cd.enums.Gender.${g}`), order: null };
    }
    case 'AGE_BAND': {
      const a = get(row, 'ageBand');
      return a == null ? none('cd.figures.none.birth') : { key: a, label: t(`cd.figures.age.${a}`), order: AGE_BANDS.indexOf(a) };
    }
    case 'JOIN_YEAR': {
      const y = get(row, 'joinYear');
      return y == null ? none('cd.figures.none.joined') : { key: String(y), label: String(y), order: y };
    }
    case 'YEAR': {
      const y = get(row, 'year');
      return y == null ? none('cd.figures.none.value') : { key: String(y), label: String(y), order: y };
    }
    case 'ETHNICITY': {
      const e = get(row, 'ethnicity');
      return e == null ? none('cd.figures.none.ethnicity') : { key: e, label: e, order: null };
    }
    case 'STATUS': {
      const s = get(row, 'status');
      const enumName = subject === 'members' ? 'MemberStatus' : 'NominationStatus';
      return s == null ? none('cd.figures.none.value') : { key: s, label: t(`cd.enums.${enumName}.${s}`), order: null };
    }
    case 'AWARD_TYPE': {
      const id = get(row, 'awardTypeId');
      return id == null ? none('cd.figures.none.value') : { key: String(id), label: get(row, 'awardType')?.name ?? `#${id}`, order: null };
    }
    case 'DECIDING_LEVEL':
    case 'CURRENT_LEVEL': {
      const l = get(row, dim === 'DECIDING_LEVEL' ? 'decidingLevel' : 'currentLevel');
      return l == null ? none('cd.figures.none.level') : { key: l, label: t(`cd.enums.OrgLevel.${l}`), order: ['GRASSROOTS', 'UNION', 'FEDERATION', 'CONFEDERATION'].indexOf(l) };
    }
  }
}

export interface Table {
  rows: GroupKey[];
  /** the column groups (one "count" column when no second dimension) */
  columns: GroupKey[];
  /** counts[row.key][column.key] */
  counts: Record<string, Record<string, number>>;
  total: number;
}

const byOrderThenLabel = (a: GroupKey, b: GroupKey) =>
  a.order != null && b.order != null ? a.order - b.order : a.label.localeCompare(b.label, 'vi');

/**
 * The figures as a table: rows by the first dimension, columns by the second (or one column),
 * rows ordered by their natural order (years, ages) or by count, largest first.
 */
export function buildTable(data: StatRow[], rowsBy: Dimension, columnsBy: Dimension | null, subject: Subject, t: Translate): Table {
  const rows = new Map<string, GroupKey>();
  const columns = new Map<string, GroupKey>();
  const counts: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const r of data) {
    const row = groupOf(r, rowsBy, subject, t);
    const col = columnsBy ? groupOf(r, columnsBy, subject, t) : { key: 'count', label: t('cd.figures.count'), order: 0 };
    rows.set(row.key, row);
    columns.set(col.key, col);
    counts[row.key] ??= {};
    counts[row.key][col.key] = (counts[row.key][col.key] ?? 0) + r.count;
    total += r.count;
  }
  const rowTotal = (k: string) => Object.values(counts[k] ?? {}).reduce((s, n) => s + n, 0);
  const ordered = [...rows.values()].sort((a, b) => {
    if (a.key === '∅' || b.key === '∅') return a.key === '∅' ? 1 : -1;
    if (a.order != null && b.order != null) return a.order - b.order;
    return rowTotal(b.key) - rowTotal(a.key) || a.label.localeCompare(b.label, 'vi');
  });
  return { rows: ordered, columns: [...columns.values()].sort(byOrderThenLabel), counts, total };
}

/** A CSV-ready grid: header and rows, with a total column when there are several columns. */
export function tableGrid(table: Table, rowsLabel: string, totalLabel: string): { header: string[]; rows: Array<Array<string | number>> } {
  const several = table.columns.length > 1;
  const header = [rowsLabel, ...table.columns.map((c) => c.label), ...(several ? [totalLabel] : [])];
  const rows = table.rows.map((r) => {
    const cells = table.columns.map((c) => table.counts[r.key]?.[c.key] ?? 0);
    return [r.label, ...cells, ...(several ? [cells.reduce((s, n) => s + n, 0)] : [])];
  });
  return { header, rows };
}
