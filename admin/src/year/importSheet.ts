import type * as G from '../generated/graphql';
import { FUND_SOURCES, TARGET_SOURCES, WELFARE_KINDS } from '../common/fields';
import { toIsoDate } from '../common/format';
import { YEAR_VI } from '../i18n/year.vi';
import { normalizeHeader } from '../common/importer/sheet';

/**
 * The templates of the year import (targets, welfare records) and the reading of a sheet: Vietnamese
 * headers, Vietnamese numbers (2.529,554 — a dot groups thousands, a comma marks decimals), dates
 * dd/mm/yyyy, enumerations by their Vietnamese label or their code. Pure: no React, no browser API.
 */

export type SheetKind = 'targets' | 'welfare';
type Cell = 'text' | 'int' | 'number' | 'date' | 'enum';
interface Column {
  field: string;
  header: string;
  cell: Cell;
  required?: boolean;
  enumName?: keyof typeof YEAR_VI.enums;
  values?: readonly string[];
}

export const SHEETS: Record<SheetKind, Column[]> = {
  targets: [
    { field: 'year', header: 'Năm', cell: 'int', required: true },
    { field: 'indicatorCode', header: 'Mã chỉ số', cell: 'text', required: true },
    { field: 'source', header: 'Nguồn chỉ tiêu', cell: 'enum', required: true, enumName: 'TargetSource', values: TARGET_SOURCES },
    { field: 'planned', header: 'Kế hoạch', cell: 'number', required: true },
    { field: 'actual', header: 'Thực hiện', cell: 'number' },
    { field: 'reportedRate', header: 'Tỷ lệ theo báo cáo (%)', cell: 'number' },
    { field: 'note', header: 'Ghi chú', cell: 'text' },
  ],
  welfare: [
    { field: 'date', header: 'Ngày', cell: 'date', required: true },
    { field: 'kind', header: 'Nội dung', cell: 'enum', required: true, enumName: 'WelfareKind', values: WELFARE_KINDS },
    { field: 'count', header: 'Số lượt, suất', cell: 'int', required: true },
    { field: 'amount', header: 'Số tiền (đồng)', cell: 'number', required: true },
    { field: 'fundSource', header: 'Nguồn kinh phí', cell: 'enum', enumName: 'FundSource', values: FUND_SOURCES },
    { field: 'note', header: 'Ghi chú', cell: 'text' },
  ],
};

export const EXAMPLES: Record<SheetKind, unknown[][]> = {
  targets: [
    [2023, 'NEW_MEMBERS', 'Chương trình công tác năm', '28', '32', '', ''],
    [2023, 'MAI_AM_FUND', 'Kế hoạch, chỉ tiêu cấp trên giao', '2.516,1', '2.529,554', '100,5', 'triệu đồng'],
  ],
  welfare: [
    ['15/01/2023', 'Quà Tết', '27', '13.500.000', 'Tài chính công đoàn', 'Tết Sum vầy'],
    ['03/03/2023', 'Thăm hỏi ốm đau', '2', '1.000.000', '', ''],
  ],
};

/** The template's header row. */
export const templateHeader = (kind: SheetKind) => SHEETS[kind].map((c) => c.header + (c.required ? ' *' : ''));

/**
 * A number as a Vietnamese sheet writes it: '2.529,554' → 2529.554, '1.350.000.000' → 1350000000,
 * '187,6' → 187.6; a spreadsheet's own number as is. Null when blank, NaN when unreadable.
 */
export function parseVnNumber(v: unknown): number | null {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  let s = String(v).replace(/[\s\u00a0₫%]/g, '').replace(/(đồng|đ|VND)$/i, '');
  if (s === '') return null;
  if (s.includes(',')) {
    // comma decimals: every dot groups thousands
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^-?\d+(,\d+)?$/.test(s)) return NaN;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  } else if (!/^-?\d+(\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}

const plain = (s: string) => normalizeHeader(s);

/** An enumeration's value from its code or its Vietnamese label (case and diacritics ignored). */
function enumOf(col: Column, v: string): string | undefined {
  const labels = YEAR_VI.enums[col.enumName!] as Record<string, string>;
  const key = plain(v);
  return col.values!.find((code) => plain(code) === key || plain(labels[code] ?? '') === key);
}

export interface SheetError {
  row: number;
  column: string;
  message: string;
}
/** What the reading of a cell found wrong: an i18n key of cd.year.import and its arguments. */
export interface CellProblem {
  row: number;
  column: string;
  key: string;
  args?: Record<string, unknown>;
}

export type SheetRow = (G.TargetImportRow | G.WelfareImportRow) & { rowNumber: number };

/** Reads the table (first row: headers) into the rows the API takes, and the problems of its cells. */
export function readSheet(kind: SheetKind, table: unknown[][]): { rows: SheetRow[]; problems: CellProblem[]; missing: string[] } {
  const cols = SHEETS[kind];
  if (!table.length) return { rows: [], problems: [], missing: [] };
  const byHeader = new Map<string, Column>();
  for (const c of cols) {
    byHeader.set(plain(c.header), c);
    byHeader.set(plain(c.field), c);
  }
  const headers = table[0].map((h) => byHeader.get(plain(String(h ?? ''))));
  const missing = cols.filter((c) => c.required && !headers.includes(c)).map((c) => c.header);
  const rows: SheetRow[] = [];
  const problems: CellProblem[] = [];
  table.slice(1).forEach((cells, i) => {
    if (!cells.some((c) => c != null && String(c).trim() !== '')) return;
    const rowNumber = i + 2;
    const out: Record<string, unknown> = { rowNumber };
    let ok = true;
    const fail = (c: Column, key: string, args?: Record<string, unknown>) => {
      ok = false;
      problems.push({ row: rowNumber, column: c.header, key, args });
    };
    for (const c of cols) {
      const j = headers.indexOf(c);
      const raw = j < 0 ? undefined : cells[j];
      const text = raw == null ? '' : raw instanceof Date ? toIsoDate(raw) : String(raw).trim();
      if (text === '') {
        if (c.required) fail(c, 'required');
        continue;
      }
      switch (c.cell) {
        case 'text':
          out[c.field] = text;
          break;
        case 'int':
        case 'number': {
          const n = parseVnNumber(raw);
          if (n == null || Number.isNaN(n)) fail(c, 'bad_number');
          else if (c.cell === 'int' && !Number.isInteger(n)) fail(c, 'bad_integer');
          else if (c.field === 'year' && (n < 1990 || n > 2100)) fail(c, 'bad_year');
          else out[c.field] = n;
          break;
        }
        case 'date': {
          const d = toIsoDate(raw);
          if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(c, 'bad_date');
          else out[c.field] = d;
          break;
        }
        case 'enum': {
          const v = enumOf(c, text);
          const labels = YEAR_VI.enums[c.enumName!] as Record<string, string>;
          if (!v) fail(c, 'bad_choice', { choices: c.values!.map((x) => labels[x]).join('; ') });
          else out[c.field] = v;
          break;
        }
      }
    }
    if (ok) rows.push(out as SheetRow);
  });
  return { rows, problems, missing };
}

/** The column header of a field, for errors the server reports by field. */
export const headerOf = (kind: SheetKind, field: string) => SHEETS[kind].find((c) => c.field === field)?.header ?? field;
