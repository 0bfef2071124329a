import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  GlobalStyles,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Form, NumberInput, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import { thisYear } from '../common/format';
import { useSessionUser } from '../common/hooks';
import { downloadPdf } from '../common/pdf';
import { UnitOfLevel } from '../common/UnitOfLevel';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { reportPdf, reportText, type ReportTable } from './reportText';

/** On paper: the report alone (no menu, app bar, controls), black on white. */
const PRINT = (
  <GlobalStyles
    styles={{
      '@media print': {
        '[class*="RaSidebar"], .MuiDrawer-root, .MuiDrawer-docked, header.MuiAppBar-root, .no-print, .MuiSnackbar-root': { display: 'none !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-content': { padding: '0 !important' },
        '.year-report': { boxShadow: 'none !important', border: 'none !important' },
        body: { background: '#fff' },
        '@page': { size: 'A4', margin: '15mm' },
      },
    }}
  />
);

/** Follows the form's unit and year into the URL (?unitId=&year=), so that a report has an address. */
const Follow = ({ onChange }: { onChange: (unitId: string | null, year: number | null) => void }) => {
  const unitId = useWatch({ name: 'unitId' });
  const year = useWatch({ name: 'year' });
  useEffect(() => onChange(unitId ? String(unitId) : null, year ? Number(year) : null), [unitId, year]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
};

const ReportTableView = ({ table }: { table: ReportTable }) => (
  <Table size="small" sx={{ mb: 1, maxWidth: 900 }} data-testid={table.testId}>
    <TableHead>
      <TableRow>
        {table.head.map((h, i) => (
          <TableCell key={i} align={table.numeric.includes(i) ? 'right' : 'left'} sx={{ fontWeight: 600, whiteSpace: i > 0 ? 'nowrap' : undefined }}>{h}</TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {table.rows.map((r, j) => (
        <TableRow key={j}>
          {r.map((v, i) => (
            <TableCell key={i} align={table.numeric.includes(i) ? 'right' : 'left'} sx={i > 0 ? { whiteSpace: 'nowrap' } : { minWidth: 170 }}>{v}</TableCell>
          ))}
        </TableRow>
      ))}
      {table.total && (
        <TableRow>
          {table.total.map((v, i) => (
            <TableCell key={i} align={table.numeric.includes(i) ? 'right' : 'left'} sx={{ fontWeight: 600, whiteSpace: i > 0 ? 'nowrap' : undefined }}>{v}</TableCell>
          ))}
        </TableRow>
      )}
    </TableBody>
  </Table>
);

/**
 * The year report of a unit in the account's scope (`yearReport(unitId, year)`), laid out as a
 * union's year-end report reads, printable (print stylesheet) and downloadable as a PDF.
 */
export const YearReportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? user?.scopeUnitId ?? null;
  const year = Number(params.get('year')) || thisYear() - 1;
  const [making, setMaking] = useState(false);

  const { data, error, isFetching } = useQuery({
    queryKey: ['yearReport', unitId, year],
    queryFn: () => dataProvider.yearReport(unitId!, year),
    enabled: !!unitId && year > 1900,
    retry: false,
  });
  const text = useMemo(() => (data ? reportText(data, translate) : null), [data, translate]);

  const pdf = async () => {
    if (!text || !data) return;
    setMaking(true);
    try {
      const slug = text.unitName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
      await downloadPdf(reportPdf(text), `${translate('cd.year.report.file', { year: data.year })}-${slug}.pdf`);
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setMaking(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: { xs: 'calc(100vw - 16px)', md: 1100 }, width: '100%', minWidth: 0, overflowX: 'hidden' }} data-testid="year-report-page">
      {PRINT}
      <Title title="cd.year.report.title" />
      <Card className="no-print">
        <CardContent>
          <Form defaultValues={{ unitId, year }}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <UnitOfLevel source="unitId" levelSource="unitLevel" levelLabel="cd.year.unit_level" label="cd.year.report.unit" />
              </Box>
              <NumberInput source="year" label="cd.year.report.year" step={1} sx={{ width: 120 }} />
            </Stack>
            <Follow
              onChange={(u, y) => {
                const next = new URLSearchParams(params);
                if (u) next.set('unitId', u);
                if (y) next.set('year', String(y));
                if (next.toString() !== params.toString()) setParams(next, { replace: true });
              }}
            />
          </Form>
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!text}>
              {translate('cd.year.report.print')}
            </Button>
            <Button variant="contained" startIcon={making ? <CircularProgress size={16} /> : <DownloadIcon />} onClick={pdf} disabled={!text || making} data-testid="report-pdf">
              {translate(making ? 'cd.year.report.pdf_making' : 'cd.year.report.pdf')}
            </Button>
          </Stack>
        </CardContent>
      </Card>

      {!unitId && <Alert severity="info" sx={{ mt: 2 }}>{translate('cd.year.report.choose')}</Alert>}
      {error && <Alert severity="error" sx={{ mt: 2 }}>{translate((error as any)?.status === 404 ? 'cd.errors.not_found' : ((error as Error).message ?? 'ra.notification.http_error'))}</Alert>}
      {isFetching && !text && <CircularProgress sx={{ mt: 2 }} />}

      {text && (
        <Card sx={{ mt: 2, minWidth: 0 }} className="year-report" data-testid="year-report">
          <CardContent sx={{ px: { xs: 2, md: 5 }, py: 3 }}>
            <Typography variant="subtitle1" align="center" sx={{ fontWeight: 700, textTransform: 'uppercase' }}>{text.unitName}</Typography>
            <Typography variant="h5" component="h1" align="center" sx={{ fontWeight: 700, mb: 3 }}>{text.heading}</Typography>
            {text.sections.map((s) => (
              <Box key={s.title} component="section" sx={{ mb: 2, breakInside: 'avoid' }} data-testid={s.testId}>
                <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>{s.title}</Typography>
                {s.lines.map((l, i) => (
                  <Typography key={i} variant="body1" sx={{ mb: 0.5 }}>{l}</Typography>
                ))}
                {s.tables.map((tb) => (
                  <Box key={tb.testId} sx={{ overflowX: 'auto', maxWidth: '100%' }}>
                    {tb.caption && <Typography variant="body2" sx={{ fontStyle: 'italic', mt: 1 }}>{tb.caption}</Typography>}
                    <ReportTableView table={tb} />
                  </Box>
                ))}
              </Box>
            ))}
            <Typography variant="caption" color="text.secondary">{text.footer}</Typography>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
