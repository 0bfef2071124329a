import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Table } from './model';
import { abbreviateUnit, CHART_PALETTE as PALETTE, shorten } from '../common/chartLabels';

/** The figures as horizontal bars, one bar per row, stacked by the columns' groups (at most 30 rows). */
export default function FiguresChart({ table }: { table: Table }) {
  const rows = table.rows.slice(0, 30).map((r) => {
    const o: Record<string, string | number> = { name: shorten(abbreviateUnit(r.label), 30), full: r.label };
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
