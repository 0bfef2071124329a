/** The colours of the panel's charts (the dashboard's and the figures page's), in order of use. */
export const CHART_PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#546e7a', '#9e9d24'];

/** A label cut to `n` characters with an ellipsis: chart axes have room for one line. */
export const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "Công đoàn cơ sở Sở Y tế" → "CĐCS Sở Y tế": unit names are long; an axis shows the usual abbreviations. */
export const abbreviateUnit = (name: string) =>
  name
    .replace(/^Liên đoàn Lao động (tỉnh|thành phố) /i, 'LĐLĐ ')
    .replace(/^Công đoàn cơ sở /i, 'CĐCS ')
    .replace(/^Công đoàn Viên chức /i, 'CĐVC ')
    .replace(/^Công đoàn /i, 'CĐ ')
    .replace(/^Tổ Công đoàn /i, 'Tổ ');
