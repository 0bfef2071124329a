import { useEffect, useState } from 'react';
import { Box, Button, Card, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { useAwaitingMyReviewCount } from '../approvals/ApprovalDesk';
import { formatNumber } from '../common/format';
import { useSessionUser } from '../common/hooks';
import { hasPermission } from '../providers/canAccess';
import { LEVEL_RANK } from '../providers/resources';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { useAwardStats, useMemberStats, useOverview } from './queries';

// The charts (recharts) are a chunk of their own, fetched as soon as the panel has loaded rather than
// when the dashboard first renders them, and drawn as soon as both the chunk and the figures are
// here. Not React.lazy + Suspense: React holds a Suspense fallback for at least 300 ms once shown,
// which kept the charts' skeleton on screen 300 ms after everything had arrived.
type ChartsComponent = (typeof import('./Charts'))['default'];
let chartsLoaded: ChartsComponent | undefined;
const chartsLoading = import('./Charts').then((m) => (chartsLoaded = m.default));

function useCharts(): ChartsComponent | undefined {
  const [Charts, setCharts] = useState(() => chartsLoaded);
  useEffect(() => {
    if (!Charts) void chartsLoading.then((c) => setCharts(() => c));
  }, [Charts]);
  return Charts;
}

/**
 * The awards card counts what the chart beside it shows (awards by their year, the same query), for
 * the current year when the chart has it, else for the latest year the chart shows: a card of 2026
 * beside a chart of 2025 read as a contradiction, and the overview counted by decision date.
 */
function awardsCard(
  overview: { year: number } | undefined,
  stats: Array<{ year: number | null; count: number }> | undefined,
): { year: number | undefined; count: number | undefined } {
  if (!overview || !stats) return { year: overview?.year, count: undefined };
  const years = new Set(stats.filter((s) => s.count > 0 && s.year != null).map((s) => s.year!));
  if (!years.size) return { year: overview.year, count: 0 };
  const year = years.has(overview.year) ? overview.year : Math.max(...years);
  return { year, count: stats.filter((s) => s.year === year).reduce((n, s) => n + s.count, 0) };
}

const Figure = ({ label, value, testId, to }: { label: string; value: number | undefined; testId: string; to?: string }) => {
  const content = (
    <CardContent>
      <Typography variant="h4" sx={{ fontWeight: 600 }} data-testid={testId}>
        {value == null ? <Skeleton width={60} /> : formatNumber(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
    </CardContent>
  );
  return (
    <Card sx={{ height: '100%' }}>
      {to ? (
        <Box component={Link} to={to} sx={{ color: 'inherit', textDecoration: 'none', display: 'block' }}>
          {content}
        </Box>
      ) : (
        content
      )}
    </Card>
  );
};

/**
 * Figures for the signed-in scope (units, members, women, pending nominations, awards this year),
 * the reviewer's queue, and charts of members by child unit and awards by type and year.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const user = useSessionUser();
  const reviewer = hasPermission(user, 'Review');
  const awaiting = useAwaitingMyReviewCount(reviewer);
  const { data } = useOverview(dataProvider);
  const { data: awardStats, isPending: awardsPending } = useAwardStats(dataProvider);
  const { data: memberStats, isPending: membersPending } = useMemberStats(dataProvider);
  const Charts = useCharts();

  const card = awardsCard(data, awardStats);
  const rank = user?.scopeLevel ? LEVEL_RANK[user.scopeLevel] : 99;
  const units: Array<[string, number | undefined]> = [];
  if (rank > LEVEL_RANK.FEDERATION) units.push(['cd.dashboard.federations', data?.federations]);
  if (rank > LEVEL_RANK.UNION) units.push(['cd.dashboard.unions', data?.unions]);
  if (rank > LEVEL_RANK.GRASSROOTS) units.push(['cd.dashboard.grassroots', data?.grassrootsUnions]);
  if (rank > LEVEL_RANK.TEAM) units.push(['cd.dashboard.teams', data?.teams]);
  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title="cd.dashboard.title" />
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
        {translate('cd.dashboard.welcome', { name: user?.fullName ?? '' })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(`cd.enums.Role.${user?.role}`)} · {user?.scopeUnitName ?? translate('cd.dashboard.scope_all')}
      </Typography>
      {reviewer && (
        <Card sx={{ mb: 2, bgcolor: awaiting ? '#fff3e0' : undefined, border: awaiting ? '1px solid #ffb74d' : undefined }}>
          <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <FactCheckIcon fontSize="large" />
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" sx={{ fontWeight: 600 }} data-testid="awaiting-count">{awaiting ?? '…'}</Typography>
              <Typography variant="body2">{translate('cd.dashboard.awaiting_me')}</Typography>
            </Box>
            <Button component={Link} to="/approvals" variant="contained">{translate('cd.dashboard.open_desk')}</Button>
          </CardContent>
        </Card>
      )}
      <Grid container spacing={2}>
        {units.map(([label, value]) => (
          <Grid key={label} size={{ xs: 6, sm: 4, md: 'grow' }}>
            <Figure label={translate(label)} value={value} testId={`figure-${label.split('.').pop()}`} />
          </Grid>
        ))}
        <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
          <Figure label={translate('cd.dashboard.members')} value={data?.members} testId="figure-members" to="/members" />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
          <Figure label={translate('cd.dashboard.women')} value={data?.women} testId="figure-women" />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
          <Figure label={translate('cd.dashboard.pending')} value={data?.pendingNominations} testId="figure-pending" to="/nominations" />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
          <Figure label={translate('cd.dashboard.awards_this_year', { year: card.year ?? '' })} value={card.count} testId="figure-awards" to="/awards" />
        </Grid>
      </Grid>
      {!Charts || membersPending || awardsPending ? (
        <Skeleton variant="rectangular" height={320} sx={{ mt: 2 }} />
      ) : (
        <Charts memberStats={memberStats ?? []} awardStats={awardStats ?? []} />
      )}
    </Box>
  );
};
