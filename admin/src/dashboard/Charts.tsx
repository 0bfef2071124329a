import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import InsertChartOutlinedIcon from '@mui/icons-material/InsertChartOutlined';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import type { AwardStatRow, MemberStatRow } from '../providers/dataProvider';
import { abbreviateUnit, CHART_PALETTE as PALETTE, shorten } from '../common/chartLabels';

/** What a chart without figures shows (a fresh database): words, not a grey box. */
const ChartEmpty = ({ hint }: { hint: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 5, textAlign: 'center', color: 'text.secondary' }} data-testid="chart-empty">
      <InsertChartOutlinedIcon sx={{ fontSize: 48, opacity: 0.5 }} />
      <Typography variant="body1">{translate('cd.dashboard.no_data')}</Typography>
      <Typography variant="body2">{translate(hint)}</Typography>
    </Box>
  );
};


const MembersByUnit = ({ data }: { data: MemberStatRow[] }) => {
  const translate = useTranslate();
  const rows = data
    .map((s) => ({ name: shorten(abbreviateUnit(s.unitName ?? translate('cd.dashboard.outside_teams')), 28), count: s.count }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 15);
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>{translate('cd.dashboard.members_by_unit')}</Typography>
        {rows.length === 0 ? (
          <ChartEmpty hint="cd.dashboard.no_members_hint" />
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 34)}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="count" name={translate('cd.dashboard.members')} fill={PALETTE[0]} radius={[0, 4, 4, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
};

const AwardsByTypeAndYear = ({ data }: { data: AwardStatRow[] }) => {
  const translate = useTranslate();
  const counted = data.filter((s) => s.count > 0);
  const years = [...new Set(counted.map((s) => s.year))].sort();
  const byType = new Map<string, Record<string, string | number>>();
  for (const s of counted) {
    // Award names, not codes: the axis shows the name (abbreviated), the tooltip the whole name.
    const row = byType.get(s.awardTypeCode) ?? { code: s.awardTypeCode, name: s.awardTypeName || s.awardTypeCode, label: shorten(s.awardTypeName || s.awardTypeCode, 34) };
    row[String(s.year)] = s.count;
    byType.set(s.awardTypeCode, row);
  }
  const rows = [...byType.values()];
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>{translate('cd.dashboard.awards_by_type')}</Typography>
        {rows.length === 0 ? (
          <ChartEmpty hint="cd.dashboard.no_awards_hint" />
        ) : (
          <Box data-testid="awards-chart">
          <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 30 * Math.max(1, years.length / 2) + 60)}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
              <Tooltip labelFormatter={(label) => String(rows.find((r) => r.label === label)?.name ?? label)} />
              <Legend />
              {years.map((y, i) => (
                <Bar key={y} dataKey={String(y)} name={String(y)} fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

/** The charts of the dashboard, drawn from the figures the dashboard asked for (one query each). */
export default function Charts({ memberStats, awardStats }: { memberStats: MemberStatRow[]; awardStats: AwardStatRow[] }) {
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <MembersByUnit data={memberStats} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <AwardsByTypeAndYear data={awardStats} />
      </Grid>
    </Grid>
  );
}
