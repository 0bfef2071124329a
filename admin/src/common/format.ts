/** Dates as the Vietnamese read them (dd/mm/yyyy) whatever the language, money in VND. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** '2024-03-07' or an ISO date-time → '07/03/2024' (date-times in local time). */
export function formatDate(value: unknown): string {
  if (value == null || value === '') return '';
  const s = String(value);
  if (s.length === 10) {
    const m = ISO_DATE.exec(s);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** An ISO date-time → '07/03/2024 14:05' in local time. */
export function formatDateTime(value: unknown): string {
  if (value == null || value === '') return '';
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'dd/mm/yyyy' → 'yyyy-mm-dd' when it is a real calendar date, else null. */
export function parseVnDate(text: string): string | null {
  const m = VN_DATE.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Accepts dd/mm/yyyy, yyyy-mm-dd or a spreadsheet Date; answers yyyy-mm-dd or the text unchanged. */
export function toIsoDate(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const s = String(value).trim();
  if (ISO_DATE.test(s) && s.length === 10) return s;
  return parseVnDate(s) ?? s;
}

const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
/** 1350000000 → '1.350.000.000 ₫' */
export const formatVnd = (amount: number | null | undefined) => (amount == null ? '' : VND.format(amount));

const NUMBER = new Intl.NumberFormat('vi-VN');
export const formatNumber = (n: number | null | undefined) => (n == null ? '' : NUMBER.format(n));

/** The current year, for filters and defaults. */
export const thisYear = () => new Date().getFullYear();
