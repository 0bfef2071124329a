import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { downloadBlob, stamp, toCsv } from '../common/download';
import { formatNumber, thisYear } from '../common/format';
import { useSessionUser } from '../common/hooks';
import { hasPermission, seesPersonalData } from '../providers/canAccess';
import type { CongDoanDataProvider, FiguresParams } from '../providers/dataProvider';
import { buildTable, DIMENSIONS, type Dimension, type Subject, tableGrid } from './model';
import { UnitPicker, type UnitOption } from './UnitPicker';

const FiguresChart = lazy(() => import('./FiguresChart'));

const SUBJECT_PERMISSION = { members: 'ReadMember', awards: 'ReadAward', nominations: 'ReadNomination' } as const;

type Choice = 'ALL' | string;
const MEMBER_STATUS_CHOICES = ['ACTIVE', 'LEFT'];
const NOMINATION_STATUS_CHOICES = ['PENDING', 'FORWARDED', 'APPROVED', 'REJECTED', 'RETURNED', 'DRAFT', 'WITHDRAWN'];

/**
 * Figures for analysts and admins: members, awards or nominations under any unit of one's scope,
 * in a year, grouped by one dimension (and split by a second), with filters; a table, a chart
 * and a CSV. Counts come from the figures API, which hides small groups from analysts.
 */
export const FiguresPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const user = useSessionUser();
  const subjects = (Object.keys(SUBJECT_PERMISSION) as Subject[]).filter((s) => hasPermission(user, SUBJECT_PERMISSION[s]));
  // The settings live in the page's address (#/figures?subject=…&by=…): a figure can be bookmarked,
  // shared with a colleague of the same scope, and is still there after a reload or going back.
  const [search, setSearch] = useSearchParams();
  const setParams = (changes: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) v === null ? next.delete(k) : next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const subject: Subject = subjects.includes(search.get('subject') as Subject) ? (search.get('subject') as Subject) : (subjects[0] ?? 'members');
  const dims = DIMENSIONS[subject] as readonly string[];
  const unitLevel = search.get('unitLevel');
  const unit: UnitOption | null =
    search.get('unit') && search.get('unitName') && unitLevel && ['FEDERATION', 'UNION', 'GRASSROOTS', 'TEAM'].includes(unitLevel)
      ? { id: search.get('unit')!, name: search.get('unitName')!, level: unitLevel as UnitOption['level'] }
      : null;
  const year: Choice = /^\d{4}$/.test(search.get('year') ?? '') ? search.get('year')! : 'ALL';
  const rowsBy = (dims.includes(search.get('rows') ?? '') ? search.get('rows') : 'CHILD_UNIT') as Dimension;
  const columnsBy = (dims.includes(search.get('columns') ?? '') ? search.get('columns') : 'NONE') as Dimension | 'NONE';
  const gender: Choice = ['FEMALE', 'MALE'].includes(search.get('gender') ?? '') ? search.get('gender')! : 'ALL';
  const statuses = subject === 'members' ? MEMBER_STATUS_CHOICES : subject === 'nominations' ? NOMINATION_STATUS_CHOICES : [];
  const status: Choice = ['ALL', ...statuses].includes(search.get('status') ?? '') ? search.get('status')! : subject === 'members' ? 'ACTIVE' : 'ALL';
  const setUnit = (u: UnitOption | null) => setParams({ unit: u?.id ?? null, unitName: u?.name ?? null, unitLevel: u?.level ?? null });
  const setYear = (v: string) => setParams({ year: v === 'ALL' ? null : v });
  const setRowsBy = (v: Dimension) => setParams({ rows: v });
  const setColumnsBy = (v: Dimension | 'NONE') => setParams({ columns: v === 'NONE' ? null : v });
  const setGender = (v: string) => setParams({ gender: v === 'ALL' ? null : v });
  const setStatus = (v: string) => setParams({ status: v });

  const changeSubject = (s: Subject) => {
    const next = DIMENSIONS[s] as readonly string[];
    setParams({
      subject: s,
      ...(next.includes(rowsBy) ? {} : { rows: null }),
      ...(columnsBy !== 'NONE' && !next.includes(columnsBy) ? { columns: null } : {}),
      status: null,
    });
  };

  const params = useMemo<FiguresParams>(() => {
    const by = [rowsBy, ...(columnsBy !== 'NONE' && columnsBy !== rowsBy ? [columnsBy] : [])];
    const unitId = unit?.id ?? null;
    const y = year === 'ALL' ? null : Number(year);
    if (subject === 'members') {
      return {
        subject,
        unitId,
        by: by as any,
        // All statuses counted unless one is asked for; "this year" is: joined by its end.
        activeOnly: false,
        filter: {
          ...(gender !== 'ALL' ? { gender: [gender as 'FEMALE' | 'MALE'] } : {}),
          ...(status !== 'ALL' ? { status: [status as 'ACTIVE' | 'LEFT'] } : {}),
          ...(y ? { joinedAt_lte: `${y}-12-31` } : {}),
        },
      } as FiguresParams;
    }
    const filter = { ...(y ? { year: [y] } : {}), ...(subject === 'nominations' && status !== 'ALL' ? { status: [status as any] } : {}) };
    return { subject, unitId, by: by as any, filter } as FiguresParams;
  }, [subject, unit, year, rowsBy, columnsBy, gender, status]);

  const { data, isPending, error } = useQuery({
    queryKey: ['figures', params],
    queryFn: () => dataProvider.figures(params),
    enabled: subjects.includes(subject),
  });
  const columns = columnsBy !== 'NONE' && columnsBy !== rowsBy ? columnsBy : null;
  const table = useMemo(() => buildTable(data ?? [], rowsBy, columns, subject, translate), [data, rowsBy, columns, subject, translate]);
  const dimLabel = (d: string) => translate(`cd.figures.dimension.${d}`);
  const several = table.columns.length > 1;

  const exportCsv = async () => {
    const grid = tableGrid(table, dimLabel(rowsBy), translate('cd.figures.total'));
    downloadBlob(await toCsv(grid.header, grid.rows), `so-lieu-${subject}-${stamp()}.csv`);
  };

  const years = [];
  for (let y = thisYear(); y >= 2015; y--) years.push(y);
  const select = (label: string, value: string, onChange: (v: string) => void, options: Array<[string, string]>, testId: string) => (
    <TextField select size="small" fullWidth={false} label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 180, flex: { xs: '1 1 100%', sm: '0 0 auto' } }} data-testid={testId}>
      {options.map(([v, l]) => (
        <MenuItem key={v} value={v}>{l}</MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ mt: 2 }} data-testid="figures-page">
      <Title title="cd.figures.title" />
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 2 }}>{translate('cd.figures.title')}</Typography>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <ToggleButtonGroup exclusive size="small" sx={{ flexWrap: 'wrap' }} value={subject} onChange={(_e, v) => v && changeSubject(v)} color="primary">
              {subjects.map((s) => (
                <ToggleButton key={s} value={s} data-testid={`figures-subject-${s}`}>{translate(`cd.figures.subject.${s}`)}</ToggleButton>
              ))}
            </ToggleButtonGroup>
            <UnitPicker value={unit} onChange={setUnit} scopeLabel={user?.scopeUnitName ?? translate('cd.dashboard.scope_all')} />
            {select(
              translate(subject === 'members' ? 'cd.figures.joined_by' : 'cd.figures.year'),
              year,
              setYear,
              [['ALL', translate('cd.figures.all_years')], ...years.map((y): [string, string] => [String(y), String(y)])],
              'figures-year',
            )}
            {select(translate('cd.figures.rows_by'), rowsBy, (v) => setRowsBy(v as Dimension), DIMENSIONS[subject].map((d): [string, string] => [d, dimLabel(d)]), 'figures-rows-by')}
            {select(
              translate('cd.figures.columns_by'),
              columnsBy,
              (v) => setColumnsBy(v as Dimension | 'NONE'),
              [['NONE', translate('cd.figures.no_split')], ...DIMENSIONS[subject].filter((d) => d !== rowsBy).map((d): [string, string] => [d, dimLabel(d)])],
              'figures-columns-by',
            )}
            {subject === 'members' &&
              select(translate('resources.members.fields.gender'), gender, setGender, [['ALL', translate('cd.figures.all')], ['FEMALE', translate('cd.enums.Gender.FEMALE')], ['MALE', translate('cd.enums.Gender.MALE')]], 'figures-gender')}
            {subject === 'members' &&
              select(translate('resources.members.fields.status'), status, setStatus, [['ALL', translate('cd.figures.all')], ...MEMBER_STATUS_CHOICES.map((s): [string, string] => [s, translate(`cd.enums.MemberStatus.${s}`)])], 'figures-status')}
            {subject === 'nominations' &&
              select(
                translate('resources.nominations.fields.status'),
                status,
                setStatus,
                [['ALL', translate('cd.figures.all')], ...NOMINATION_STATUS_CHOICES.map((s): [string, string] => [s, translate(`cd.enums.NominationStatus.${s}`)])],
                'figures-status',
              )}
          </Stack>
        </CardContent>
      </Card>
      {!seesPersonalData(user) && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="figures-small-groups">{translate('cd.figures.small_groups_hidden')}</Alert>
      )}
      {error ? (
        <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>
      ) : isPending ? (
        <Skeleton variant="rectangular" height={240} />
      ) : table.rows.length === 0 ? (
        <Typography color="text.secondary" data-testid="figures-empty">{translate('cd.dashboard.no_data')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 5fr) minmax(0, 6fr)' }, gap: 2, alignItems: 'start' }}>
          <Card>
            <TableContainer sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="figures-table">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ fontWeight: 600 }}>{dimLabel(rowsBy)}</TableCell>
                    {table.columns.map((c) => (
                      <TableCell key={c.key} align="right" sx={{ fontWeight: 600 }}>{c.label}</TableCell>
                    ))}
                    {several && <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('cd.figures.total')}</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {table.rows.map((r) => {
                    const cells = table.columns.map((c) => table.counts[r.key]?.[c.key] ?? 0);
                    return (
                      <TableRow key={r.key} data-key={r.key} hover>
                        <TableCell>{r.label}</TableCell>
                        {cells.map((n, i) => (
                          <TableCell key={table.columns[i].key} align="right">{formatNumber(n)}</TableCell>
                        ))}
                        {several && <TableCell align="right">{formatNumber(cells.reduce((s, n) => s + n, 0))}</TableCell>}
                      </TableRow>
                    );
                  })}
                </TableBody>
                <TableFooter>
                  <TableRow>
                    <TableCell sx={{ fontWeight: 600 }}>{translate('cd.figures.total')}</TableCell>
                    {table.columns.map((c) => (
                      <TableCell key={c.key} align="right" sx={{ fontWeight: 600 }}>
                        {formatNumber(table.rows.reduce((s, r) => s + (table.counts[r.key]?.[c.key] ?? 0), 0))}
                      </TableCell>
                    ))}
                    {several && <TableCell align="right" sx={{ fontWeight: 600 }}>{formatNumber(table.total)}</TableCell>}
                  </TableRow>
                </TableFooter>
              </Table>
            </TableContainer>
            <Box sx={{ p: 1, display: 'flex', justifyContent: 'flex-end' }}>
              <Button size="small" startIcon={<DownloadIcon />} onClick={exportCsv} data-testid="figures-csv">{translate('ra.action.export')}</Button>
            </Box>
          </Card>
          <Card>
            <CardContent>
              <Suspense fallback={<Skeleton variant="rectangular" height={240} />}>
                <FiguresChart table={table} />
              </Suspense>
            </CardContent>
          </Card>
        </Box>
      )}
    </Box>
  );
};
