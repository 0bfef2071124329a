import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Table } from './model';

const PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#546e7a', '#9e9d24'];

const shorten = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Unit names are long: the axis shows the usual abbreviations (LĐLĐ, CĐCS, CĐVC…). */
const abbreviate = (name: string) =>
  name
    .replace(/^Liên đoàn Lao động (tỉnh|thành phố) /i, 'LĐLĐ ')
    .replace(/^Công đoàn cơ sở /i, 'CĐCS ')
    .replace(/^Công đoàn Viên chức /i, 'CĐVC ')
    .replace(/^Công đoàn /i, 'CĐ ')
    .replace(/^Tổ Công đoàn /i, 'Tổ ');

/** The figures as horizontal bars, one bar per row, stacked by the columns' groups (at most 30 rows). */
export default function FiguresChart({ table }: { table: Table }) {
  const rows = table.rows.slice(0, 30).map((r) => {
    const o: Record<string, string | number> = { name: shorten(abbreviate(r.label)), full: r.label };
    for (const c of table.columns) o[c.key] = table.counts[r.key]?.[c.key] ?? 0;
    return o;
  });
  const stacked = table.columns.length > 1;
  return (
    <div data-testid="figures-chart">
      <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 32 + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(_l, p) => String(p?.[0]?.payload?.full ?? _l)} />
          {stacked && <Legend />}
          {table.columns.map((c, i) => (
            <Bar key={c.key} dataKey={c.key} name={c.label} stackId={stacked ? 'a' : undefined} fill={PALETTE[i % PALETTE.length]} radius={stacked ? 0 : [0, 4, 4, 0]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
