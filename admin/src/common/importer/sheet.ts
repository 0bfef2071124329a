/** Reading an uploaded sheet, shared by the imports (members, the union's year): no React. */

/** 'Ngày sinh (dd/mm/yyyy)' → 'ngay sinh': lower case, no diacritics, no parenthesis, đ = d. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/\(.*?\)/g, '')
    .replace(/\*/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a .csv (UTF-8, comma or semicolon) or an .xlsx (first sheet). */
export async function readTable(file: File): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const table: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v: any) => {
        if (v && typeof v === 'object' && !(v instanceof Date)) return v.text ?? v.result ?? (v.richText ? v.richText.map((t: any) => t.text).join('') : '');
        return v;
      });
      table[n - 1] = values;
    });
    return Array.from(table, (r) => r ?? []);
  }
  const Papa = (await import('papaparse')).default;
  const text = (await file.text()).replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: '' });
  return parsed.data;
}
