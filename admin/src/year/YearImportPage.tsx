import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Form, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { downloadBlob, toCsv, toXlsx } from '../common/download';
import { useSessionUser } from '../common/hooks';
import { UnitOfLevel } from '../common/UnitOfLevel';
import type * as G from '../generated/graphql';
import { readTable } from '../memberImport/template';
import type { CongDoanDataProvider, YearImportReport } from '../providers/dataProvider';
import { EXAMPLES, headerOf, readSheet, SHEETS, type SheetKind, type SheetRow, templateHeader } from './importSheet';

type Translate = (key: string, options?: Record<string, unknown>) => string;
interface ShownError {
  row: number;
  column: string;
  message: string;
}

/** A refusal of the server, said in Vietnamese from its code and field (the server's own words in brackets when nothing fits). */
function serverMessage(translate: Translate, kind: SheetKind, e: YearImportReport['errors'][number]): ShownError {
  const t = (k: string, o?: Record<string, unknown>) => translate(`cd.year.import.${k}`, o);
  const column = e.column ? headerOf(kind, e.column) : '';
  let message: string;
  if (e.code === 'NOT_FOUND') message = t('err_not_found');
  else if (e.code === 'FORBIDDEN') message = t('err_forbidden');
  else if (e.code === 'CONFLICT') message = kind === 'targets' ? t('err_conflict_target') : t('err_conflict');
  else if (e.column === 'indicatorCode') message = t('unknown_indicator', { code: /code (\S+)/.exec(e.message)?.[1] ?? '' });
  else if (e.column === 'planned') message = t('err_positive');
  else if (e.column === 'count') message = t('err_at_least_one');
  else if (e.column === 'amount') message = t('err_amount');
  else if (e.column === 'actual' || e.column === 'reportedRate') message = t('err_not_negative');
  else if (e.column === 'date' && /future/.test(e.message)) message = t('err_future');
  else if (e.column === 'date') message = t('bad_date');
  else if (e.column === 'year') message = t('err_year');
  else message = t('err_other', { message: e.message });
  return { row: e.row, column, message };
}

const TemplateButtons = ({ kind }: { kind: SheetKind }) => {
  const translate = useTranslate();
  const header = templateHeader(kind);
  const rows = EXAMPLES[kind].map((r) => r.map((v) => (v == null ? '' : String(v))));
  const name = kind === 'targets' ? 'mau-nhap-chi-tieu' : 'mau-nhap-tham-hoi';
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await toXlsx(kind === 'targets' ? 'Chỉ tiêu' : 'Thăm hỏi', header, rows), `${name}.xlsx`)}>
        {translate('cd.year.import.template_xlsx')}
      </Button>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await toCsv(header, rows), `${name}.csv`)}>
        {translate('cd.year.import.template_csv')}
      </Button>
    </Stack>
  );
};

const FollowUnit = ({ onChange }: { onChange: (id: string | null) => void }) => {
  const value = useWatch({ name: 'unitId' });
  useEffect(() => onChange(value ? String(value) : null), [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
};

/**
 * The year import: targets or welfare records of one unit from an Excel or CSV sheet. The panel
 * reads the sheet (Vietnamese numbers and dates), the server checks every row (dry run) and then
 * writes all of them in one transaction, or none.
 */
export const YearImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const user = useSessionUser();
  const [kind, setKind] = useState<SheetKind>('targets');
  const [unitId, setUnitId] = useState<string | null>(user?.scopeUnitId ?? null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<SheetRow[]>([]);
  const [total, setTotal] = useState(0);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    setRows([]);
    setTotal(0);
    setErrors([]);
    setFileError(null);
    setChecked(false);
    setImported(null);
    setFileName(null);
  };

  const send = (dryRun: boolean, list: SheetRow[]) =>
    kind === 'targets'
      ? dataProvider.importTargets({ unitId: unitId!, rows: list as G.TargetImportRow[], dryRun })
      : dataProvider.importWelfareRecords({ unitId: unitId!, rows: list as G.WelfareImportRow[], dryRun });

  const onFile = async (file: File | undefined) => {
    if (!file || !unitId) return;
    reset();
    setFileName(file.name);
    setBusy(true);
    try {
      const { rows: parsed, problems, missing } = readSheet(kind, await readTable(file));
      if (missing.length) {
        setFileError(translate('cd.year.import.missing_columns', { columns: missing.join(', ') }));
        return;
      }
      const shown: ShownError[] = problems.map((p) => ({ row: p.row, column: p.column, message: translate(`cd.year.import.${p.key}`, p.args) }));
      const count = new Set([...parsed.map((r) => r.rowNumber), ...problems.map((p) => p.row)]).size;
      if (!count) {
        setFileError(translate('cd.year.import.no_rows'));
        return;
      }
      if (parsed.length) {
        const report = await send(true, parsed);
        shown.push(...report.errors.map((e) => serverMessage(translate, kind, e)));
      }
      setRows(parsed);
      setTotal(count);
      setErrors(shown.sort((a, b) => a.row - b.row));
      setChecked(true);
    } catch (e: any) {
      setFileError(translate('cd.year.import.bad_file', { error: e?.message ?? String(e) }));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const write = async () => {
    setBusy(true);
    try {
      const report = await send(false, rows);
      if (report.errors.length) {
        setErrors(report.errors.map((e) => serverMessage(translate, kind, e)));
        setImported(0);
      } else {
        setImported(report.imported);
        notify(translate('cd.year.import.done', { imported: report.imported }), { type: 'success' });
      }
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const invalid = new Set(errors.map((e) => e.row)).size;
  const listPath = kind === 'targets' ? '/targets' : '/welfareRecords';

  return (
    <Box sx={{ mt: 2, maxWidth: { xs: 'calc(100vw - 16px)', md: 1100 }, minWidth: 0 }} data-testid="year-import">
      <Title title="cd.year.import.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>{translate('cd.year.import.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('cd.year.import.intro')}</Typography>
          <Typography variant="subtitle2">{translate('cd.year.import.kind')}</Typography>
          <RadioGroup row value={kind} onChange={(e) => { setKind(e.target.value as SheetKind); reset(); }}>
            <FormControlLabel value="targets" control={<Radio />} label={translate('cd.year.import.kind_targets')} />
            <FormControlLabel value="welfare" control={<Radio />} label={translate('cd.year.import.kind_welfare')} />
          </RadioGroup>
          <TemplateButtons kind={kind} />
          <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('cd.year.import.columns_help')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3, columns: { md: 2 } }}>
            {SHEETS[kind].map((c) => (
              <li key={c.field}>
                <Typography variant="body2">
                  <b>{c.header}</b>
                  {c.required ? ` (${translate('cd.year.import.required').toLowerCase()})` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </CardContent>
      </Card>

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Form defaultValues={{ unitId: user?.scopeUnitId ?? null, unitLevel: user?.scopeLevel ?? null }}>
            <UnitOfLevel source="unitId" levelSource="unitLevel" levelLabel="cd.year.unit_level" label="cd.year.import.unit" required />
            <FollowUnit onChange={(id) => { if (id !== unitId) { setUnitId(id); reset(); } }} />
          </Form>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="contained" component="label" startIcon={<UploadFileIcon />} disabled={!unitId || busy}>
              {translate('cd.year.import.choose_file')}
              <input
                ref={input}
                type="file"
                hidden
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => onFile(e.target.files?.[0])}
                data-testid="year-import-file"
              />
            </Button>
            {fileName && <Typography variant="body2">{translate('cd.year.import.file', { name: fileName, rows: total })}</Typography>}
          </Stack>
          {busy && <LinearProgress sx={{ mt: 2 }} />}
          {fileError && <Alert severity="error" sx={{ mt: 2 }}>{fileError}</Alert>}
        </CardContent>
      </Card>

      {checked && imported == null && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }} data-testid="year-import-summary">
              <Typography variant="subtitle1">{translate('cd.year.import.summary', { total, valid: total - invalid, invalid })}</Typography>
              {invalid === 0 && <Chip color="success" size="small" label="OK" />}
            </Stack>
            {invalid > 0 && <Alert severity="warning" sx={{ mb: 1 }} data-testid="year-import-refused">{translate('cd.year.import.refused')}</Alert>}
            <Button variant="contained" onClick={write} disabled={invalid > 0 || busy || !rows.length} data-testid="year-import-write">
              {translate('cd.year.import.import', { smart_count: rows.length })}
            </Button>
          </CardContent>
        </Card>
      )}

      {imported != null && (
        <Alert severity={imported ? 'success' : 'warning'} sx={{ mt: 2 }} data-testid="year-import-result">
          {imported ? translate('cd.year.import.done', { imported }) : translate('cd.year.import.refused')}{' '}
          {imported > 0 && unitId && <Link to={`${listPath}?filter=${encodeURIComponent(JSON.stringify({ unitId: [unitId] }))}`}>{translate('cd.year.import.list')}</Link>}
        </Alert>
      )}

      {errors.length > 0 && (
        <Card sx={{ mt: 2 }}>
          <CardContent sx={{ overflowX: 'auto' }}>
            <Typography variant="subtitle1" gutterBottom>{translate('cd.year.import.errors')}</Typography>
            <Table size="small" data-testid="year-import-errors">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cd.year.import.row')}</TableCell>
                  <TableCell>{translate('cd.year.import.column')}</TableCell>
                  <TableCell>{translate('cd.year.import.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {errors.slice(0, 500).map((e, i) => (
                  <TableRow key={i}>
                    <TableCell>{e.row}</TableCell>
                    <TableCell>{e.column}</TableCell>
                    <TableCell>{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
