import { toIsoDate } from '../common/format';
import { normalizeHeader } from '../common/importer/sheet';

/**
 * The member import template: one member per row, these columns (headers in Vietnamese; the
 * English field names are accepted too). Documented in the README ("Member import") and
 * downloadable from the import page as CSV (admin/public/templates/) or Excel.
 */
export const TEMPLATE_COLUMNS = [
  'fullName',
  'gender',
  'birthDate',
  'phone',
  'email',
  'nationalId',
  'joinedAt',
  'cardNumber',
  'position',
  'ethnicity',
  'occupation',
  'team',
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
export const REQUIRED_COLUMNS: TemplateColumn[] = ['fullName', 'gender'];

/** The headers as written in the template file (Vietnamese, as users read them). */
export const TEMPLATE_HEADERS: Record<TemplateColumn, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  phone: 'Điện thoại',
  email: 'Email',
  nationalId: 'Số CCCD',
  joinedAt: 'Ngày vào công đoàn',
  cardNumber: 'Số thẻ đoàn viên',
  position: 'Chức vụ công đoàn',
  ethnicity: 'Dân tộc',
  occupation: 'Nghề nghiệp, nơi làm việc',
  team: 'Tổ công đoàn',
};

export const TEMPLATE_EXAMPLE: Array<Record<TemplateColumn, string>> = [
  {
    fullName: 'Nguyễn Thị Hoa', gender: 'Nữ', birthDate: '12/05/1988', phone: '0912345678', email: 'hoa.nt@example.vn',
    nationalId: '038188001234', joinedAt: '01/09/2012', cardNumber: 'TH-900001', position: 'Tổ trưởng', ethnicity: 'Kinh',
    occupation: 'Chuyên viên, Văn phòng Sở', team: '',
  },
  {
    fullName: 'Lê Văn Nam', gender: 'Nam', birthDate: '03/11/1979', phone: '0987654321', email: '', nationalId: '',
    joinedAt: '15/03/2005', cardNumber: 'TH-900002', position: '', ethnicity: 'Mường', occupation: 'Lái xe', team: '',
  },
];

const ALIASES: Record<string, TemplateColumn> = {};
for (const c of TEMPLATE_COLUMNS) {
  ALIASES[normalizeHeader(c)] = c;
  ALIASES[normalizeHeader(TEMPLATE_HEADERS[c])] = c;
}
Object.assign(ALIASES, {
  'ho ten': 'fullName', ten: 'fullName', 'so dien thoai': 'phone', sdt: 'phone', cccd: 'nationalId', 'so cmnd': 'nationalId',
  'cccd/cmnd': 'nationalId', 'so cccd/cmnd': 'nationalId', 'ngay ket nap': 'joinedAt', 'so the': 'cardNumber', 'chuc vu': 'position',
  'nghe nghiep': 'occupation', 'noi lam viec': 'occupation', to: 'team', 'to cong doan': 'team',
});

export function columnOfHeader(h: string): TemplateColumn | undefined {
  return ALIASES[normalizeHeader(h)];
}

export interface ImportRow {
  rowNumber: number;
  [field: string]: string | number | undefined;
}

/** Rows of cells (first row: headers) → the API's MemberImportRow list; blank lines are skipped. */
export function rowsFromTable(table: unknown[][]): { rows: ImportRow[]; unknownHeaders: string[] } {
  if (!table.length) return { rows: [], unknownHeaders: [] };
  const headers = table[0].map((h) => String(h ?? ''));
  const columns = headers.map(columnOfHeader);
  const unknownHeaders = headers.filter((h, i) => h.trim() && !columns[i]);
  const rows: ImportRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (!cells.some((c) => c != null && String(c).trim() !== '')) return;
    const row: ImportRow = { rowNumber: i + 2 };
    columns.forEach((col, j) => {
      if (!col) return;
      const v = cells[j];
      if (v == null || String(v).trim() === '') return;
      row[col] = col === 'birthDate' || col === 'joinedAt' ? toIsoDate(v) : String(v instanceof Date ? toIsoDate(v) : v).trim();
    });
    rows.push(row);
  });
  return { rows, unknownHeaders };
}
