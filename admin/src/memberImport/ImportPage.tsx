import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
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
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, useSearchParams } from 'react-router-dom';
import { Form, AutocompleteInput, ReferenceInput, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { downloadBlob, toCsv, toXlsx } from '../common/download';
import { dateCell } from '../common/exportCells';
import { toIsoDate } from '../common/format';
import { useSessionUser } from '../common/hooks';
import type { CongDoanDataProvider, ImportReport } from '../providers/dataProvider';
import { wordRefusal } from '../providers/errors';
import { type ImportRow, readTable, REQUIRED_COLUMNS, rowsFromTable, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from './template';

/** The server's cap per call (importMembers); one call is one transaction. */
const CALL_CAP = 2000;
const CHECK_CHUNK = 500;
const WRITE_CHUNK = 1000;

type Mode = 'VALID_ROWS' | 'ALL_OR_NOTHING';
type RowError = ImportReport['errors'][number];

const templateTable = () => [
  TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADERS[c] + (REQUIRED_COLUMNS.includes(c) ? ' *' : '')),
  ...TEMPLATE_EXAMPLE.map((r) => TEMPLATE_COLUMNS.map((c) => r[c])),
];

const DATE_COLUMNS = new Set(TEMPLATE_COLUMNS.flatMap((c, i) => (c === 'birthDate' || c === 'joinedAt' ? [i] : [])));

const TemplateButtons = () => {
  const translate = useTranslate();
  const [header, ...rows] = templateTable();
  // The Excel template's example dates are real dates (dd/mm/yyyy), as in an export; the import reads both.
  const xlsxRows = rows.map((r) => r.map((v, i) => (DATE_COLUMNS.has(i) ? dateCell(toIsoDate(v)) : v)));
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await toCsv(header, rows), 'mau-nhap-doan-vien.csv')}>
        {translate('cd.import.template_csv')}
      </Button>
      <Button
        variant="outlined"
        size="small"
        startIcon={<DownloadIcon />}
        onClick={async () => downloadBlob(await toXlsx('Đoàn viên', header, xlsxRows), 'mau-nhap-doan-vien.xlsx')}
      >
        {translate('cd.import.template_xlsx')}
      </Button>
    </Stack>
  );
};

const ColumnsHelp = () => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, pl: 3, columns: { md: 2 } }}>
      {TEMPLATE_COLUMNS.map((c) => (
        <li key={c}>
          <Typography variant="body2">
            <b>{TEMPLATE_HEADERS[c]}</b> {REQUIRED_COLUMNS.includes(c) ? translate('cd.import.required_mark') : ''} – {translate(`cd.template.${c}`)}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

/** Chooses the grassroots union (a chair has only its own). */
const UnitPicker = ({ onChange }: { onChange: (id: string | null) => void }) => {
  const value = useWatch({ name: 'grassrootsUnionId' });
  useEffect(() => onChange(value ? String(value) : null), [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
};

const columnLabel = (translate: (k: string, o?: any) => string, column: string) =>
  (TEMPLATE_HEADERS as Record<string, string>)[column] ?? translate(`resources.members.fields.${column}`, { _: column });

/** A row error in the user's language, from its rule (the server's English message is for logs). */
const rowMessage = (translate: (k: string, o?: any) => string, e: RowError) =>
  wordRefusal(translate, { code: 'BAD_USER_INPUT', rule: e.rule, field: e.column, message: e.message, otherRow: e.otherRow }, { fieldText: columnLabel(translate, e.column) });

/**
 * Member import: upload an Excel or CSV file in the template, check every row on the server
 * (errors by row and column), then write the valid rows, or all rows in one transaction or none.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const user = useSessionUser();
  const [params] = useSearchParams();
  const chair = user?.scopeLevel === 'GRASSROOTS';
  const initialUnit = chair ? user!.scopeUnitId : params.get('grassrootsUnionId');
  const [unitId, setUnitId] = useState<string | null>(initialUnit);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [checked, setChecked] = useState(false);
  const [mode, setMode] = useState<Mode>('ALL_OR_NOTHING');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ imported: number; errors: RowError[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const invalidRows = useMemo(() => new Set(errors.map((e) => e.row)).size, [errors]);
  const validRows = rows.length - invalidRows;

  const reset = () => {
    setErrors([]);
    setChecked(false);
    setResult(null);
    setFileError(null);
  };

  const check = async (all: ImportRow[], gu: string) => {
    setResult(null);
    const found: RowError[] = [];
    for (let i = 0; i < all.length; i += CHECK_CHUNK) {
      setProgress({ label: 'cd.import.validating', done: i, total: all.length });
      const r = await dataProvider.importMembers({ grassrootsUnionId: gu, rows: all.slice(i, i + CHECK_CHUNK), mode: 'VALID_ROWS', dryRun: true });
      found.push(...r.errors);
    }
    setProgress(null);
    setErrors(found.sort((a, b) => a.row - b.row));
    setChecked(true);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    reset();
    setFileName(file.name);
    setRows([]);
    // Reading a large .xlsx takes a moment: say so at once (not "0 rows").
    setReading(true);
    try {
      // Let the browser paint the reading state before the parser takes the main thread.
      await new Promise((r) => setTimeout(r, 30));
      const { rows: parsed } = rowsFromTable(await readTable(file));
      setReading(false);
      setRows(parsed);
      if (!parsed.length) {
        setFileError(translate('cd.import.no_rows'));
        return;
      }
      if (unitId) await check(parsed, unitId);
    } catch (e: any) {
      setReading(false);
      setProgress(null);
      setRows([]);
      setFileError(translate('cd.import.bad_file', { error: e?.message ?? String(e) }));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const write = async () => {
    if (!unitId) return;
    if (mode === 'ALL_OR_NOTHING' && rows.length > CALL_CAP) {
      notify('cd.import.too_many', { type: 'error', messageArgs: { max: CALL_CAP } });
      return;
    }
    try {
      let imported = 0;
      const errs: RowError[] = [];
      // One call is one transaction: all rows at once when they fit, else chunks of valid rows.
      const chunk = rows.length <= CALL_CAP ? rows.length : WRITE_CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        setProgress({ label: 'cd.import.importing', done: i, total: rows.length });
        const r = await dataProvider.importMembers({ grassrootsUnionId: unitId, rows: rows.slice(i, i + chunk), mode, dryRun: false });
        imported += r.imported;
        errs.push(...r.errors);
      }
      setProgress(null);
      setResult({ imported, errors: errs });
      setErrors(errs);
      notify(imported ? translate('cd.import.done', { imported }) : 'cd.import.nothing_written', { type: imported ? 'success' : 'warning' });
    } catch (e: any) {
      setProgress(null);
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }} data-testid="member-import">
      <Title title="cd.import.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>{translate('cd.import.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('cd.import.intro')}</Typography>
          <TemplateButtons />
          <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('cd.import.columns_help')}</Typography>
          <ColumnsHelp />
        </CardContent>
      </Card>

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Form defaultValues={{ grassrootsUnionId: initialUnit }}>
            <ReferenceInput source="grassrootsUnionId" reference="grassrootsUnions" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput
                optionText="name"
                label="cd.import.unit"
                filterToQuery={(q: string) => ({ q })}
                readOnly={chair}
                sx={{ maxWidth: 560 }}
                fullWidth
              />
            </ReferenceInput>
            <UnitPicker
              onChange={(id) => {
                if (id !== unitId) {
                  setUnitId(id);
                  reset();
                  if (id && rows.length) check(rows, id).catch((e) => notify(e?.message ?? 'ra.notification.http_error', { type: 'error' }));
                }
              }}
            />
          </Form>
          <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
            <Button variant="contained" component="label" startIcon={<UploadFileIcon />} disabled={!unitId || !!progress || reading}>
              {translate('cd.import.choose_file')}
              <input ref={input} type="file" hidden accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => onFile(e.target.files?.[0])} data-testid="import-file" />
            </Button>
            {fileName && (
              <Typography variant="body2" data-testid="import-file-name">
                {reading ? translate('cd.import.file_reading', { name: fileName }) : translate('cd.import.file', { name: fileName, rows: rows.length })}
              </Typography>
            )}
          </Stack>
          {reading && (
            <Box sx={{ mt: 2 }} data-testid="import-reading">
              <Typography variant="body2">{translate('cd.import.reading')}</Typography>
              <LinearProgress />
            </Box>
          )}
          {fileError && <Alert severity="error" sx={{ mt: 2 }}>{fileError}</Alert>}
          {progress && (
            <Box sx={{ mt: 2 }} data-testid="import-progress">
              <Typography variant="body2">{translate(progress.label, { done: progress.done, total: progress.total })}</Typography>
              <LinearProgress variant={progress.total > CHECK_CHUNK ? 'determinate' : 'indeterminate'} value={(100 * progress.done) / Math.max(1, progress.total)} />
            </Box>
          )}
        </CardContent>
      </Card>

      {checked && !progress && !result && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }} data-testid="import-summary">
              <Typography variant="subtitle1">{translate('cd.import.summary', { total: rows.length, valid: validRows, invalid: invalidRows })}</Typography>
              {invalidRows === 0 && <Chip color="success" size="small" label="OK" />}
            </Stack>
            <FormControl>
              <FormLabel>{translate('cd.import.mode')}</FormLabel>
              <RadioGroup value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                <FormControlLabel value="ALL_OR_NOTHING" control={<Radio />} label={translate('cd.import.mode_all')} />
                <FormControlLabel value="VALID_ROWS" control={<Radio />} label={translate('cd.import.mode_valid')} />
              </RadioGroup>
            </FormControl>
            {mode === 'ALL_OR_NOTHING' && invalidRows > 0 && <Alert severity="warning" sx={{ my: 1 }}>{translate('cd.import.nothing_written')}</Alert>}
            <Box sx={{ mt: 1 }}>
              <Button
                variant="contained"
                color="primary"
                onClick={write}
                disabled={validRows === 0 || (mode === 'ALL_OR_NOTHING' && invalidRows > 0)}
                data-testid="import-write"
              >
                {translate('cd.import.import', { smart_count: mode === 'ALL_OR_NOTHING' ? rows.length : validRows })}
              </Button>
            </Box>
          </CardContent>
        </Card>
      )}

      {result && (
        <Alert severity={result.imported ? 'success' : 'warning'} sx={{ mt: 2 }} data-testid="import-result">
          {result.imported ? translate('cd.import.done', { imported: result.imported }) : translate('cd.import.nothing_written')}{' '}
          {result.imported > 0 && unitId && (
            <Link to={`/members?filter=${encodeURIComponent(JSON.stringify({ grassrootsUnionId: unitId }))}`}>{translate('resources.members.name', { smart_count: 2 })}</Link>
          )}
        </Alert>
      )}

      {errors.length > 0 && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="subtitle1" gutterBottom>{translate('cd.import.errors')}</Typography>
            <Table size="small" data-testid="import-errors">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cd.import.row')}</TableCell>
                  <TableCell>{translate('cd.import.column')}</TableCell>
                  <TableCell>{translate('cd.import.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {errors.slice(0, 500).map((e, i) => (
                  <TableRow key={i}>
                    <TableCell>{e.row}</TableCell>
                    <TableCell>{columnLabel(translate, e.column)}</TableCell>
                    <TableCell>{rowMessage(translate, e)}</TableCell>
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
