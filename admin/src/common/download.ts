import { buildCsv, buildXlsx, type ExportCell } from './exportCells';

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    a.remove();
  }, 1000);
}

/** CSV with a BOM, formulas neutralised (see exportCells.ts). */
export async function toCsv(header: string[], rows: ExportCell[][]): Promise<Blob> {
  return new Blob([await buildCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
}

/** An .xlsx of one sheet: text as text, never a formula; dates as dates (see exportCells.ts). */
export async function toXlsx(sheetName: string, header: string[], rows: ExportCell[][], widths?: number[]): Promise<Blob> {
  return new Blob([await buildXlsx(sheetName, header, rows, widths)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Today as yyyy-mm-dd in local time (toISOString would give yesterday's date before 7:00 in Vietnam). */
export const stamp = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
