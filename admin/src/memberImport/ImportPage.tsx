import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, FormControl, FormControlLabel, FormLabel, LinearProgress, Radio, RadioGroup, Typography } from '@mui/material';
import { Link, useSearchParams } from 'react-router-dom';
import { Form, AutocompleteInput, ReferenceInput, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { dateCell } from '../common/exportCells';
import { toIsoDate } from '../common/format';
import { useSessionUser } from '../common/hooks';
import { FileChooser, FollowValue, ImportIntro, type ImportTemplate, ImportSummary, RowErrors, useSheetFile } from '../common/importer/ImportParts';
import type { CongDoanDataProvider, ImportReport } from '../providers/dataProvider';
import { wordRefusal } from '../providers/errors';
import { type ImportRow, REQUIRED_COLUMNS, rowsFromTable, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from './template';

/** The server's cap per call (importMembers); one call is one transaction. */
const CALL_CAP = 2000;
const CHECK_CHUNK = 500;
const WRITE_CHUNK = 1000;

type Mode = 'VALID_ROWS' | 'ALL_OR_NOTHING';
type RowError = ImportReport['errors'][number];

const DATE_COLUMNS = new Set(TEMPLATE_COLUMNS.flatMap((c, i) => (c === 'birthDate' || c === 'joinedAt' ? [i] : [])));

const TEMPLATE_ROWS = TEMPLATE_EXAMPLE.map((r) => TEMPLATE_COLUMNS.map((c) => r[c]));
const TEMPLATE: ImportTemplate = {
  fileName: 'mau-nhap-doan-vien',
  sheetName: 'Đoàn viên',
  header: TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADERS[c] + (REQUIRED_COLUMNS.includes(c) ? ' *' : '')),
  rows: TEMPLATE_ROWS,
  // The Excel template's example dates are real dates (dd/mm/yyyy), as in an export; the import reads both.
  xlsxRows: TEMPLATE_ROWS.map((r) => r.map((v, i) => (DATE_COLUMNS.has(i) ? dateCell(toIsoDate(v)) : v))),
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
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [checked, setChecked] = useState(false);
  const [mode, setMode] = useState<Mode>('ALL_OR_NOTHING');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ imported: number; errors: RowError[] } | null>(null);

  const invalidRows = useMemo(() => new Set(errors.map((e) => e.row)).size, [errors]);
  const validRows = rows.length - invalidRows;

  const reset = () => {
    setErrors([]);
    setChecked(false);
    setResult(null);
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

  const sheet = useSheetFile(
    'cd.import',
    async (table) => {
      const { rows: parsed } = rowsFromTable(table);
      setRows(parsed);
      if (!parsed.length) {
        sheet.setFileError(translate('cd.import.no_rows'));
        return;
      }
      if (unitId) await check(parsed, unitId);
    },
    {
      start: () => {
        reset();
        setRows([]);
      },
      failed: () => {
        setProgress(null);
        setRows([]);
      },
    },
  );

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
      <ImportIntro
        dict="cd.import"
        template={TEMPLATE}
        columns={TEMPLATE_COLUMNS.map((c) => ({ header: TEMPLATE_HEADERS[c], required: REQUIRED_COLUMNS.includes(c), note: translate(`cd.template.${c}`) }))}
      />

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
            <FollowValue
              source="grassrootsUnionId"
              onChange={(id) => {
                if (id !== unitId) {
                  setUnitId(id);
                  reset();
                  sheet.setFileError(null);
                  if (id && rows.length) check(rows, id).catch((e) => notify(e?.message ?? 'ra.notification.http_error', { type: 'error' }));
                }
              }}
            />
          </Form>
          <FileChooser
            dict="cd.import"
            input={sheet.input}
            onFile={sheet.open}
            disabled={!unitId || !!progress || sheet.reading}
            testId="import-file"
            error={sheet.fileError}
            status={
              sheet.fileName && (
                <Typography variant="body2" data-testid="import-file-name">
                  {sheet.reading ? translate('cd.import.file_reading', { name: sheet.fileName }) : translate('cd.import.file', { name: sheet.fileName, rows: rows.length })}
                </Typography>
              )
            }
          >
            {sheet.reading && (
              <Box sx={{ mt: 2 }} data-testid="import-reading">
                <Typography variant="body2">{translate('cd.import.reading')}</Typography>
                <LinearProgress />
              </Box>
            )}
            {progress && (
              <Box sx={{ mt: 2 }} data-testid="import-progress">
                <Typography variant="body2">{translate(progress.label, { done: progress.done, total: progress.total })}</Typography>
                <LinearProgress variant={progress.total > CHECK_CHUNK ? 'determinate' : 'indeterminate'} value={(100 * progress.done) / Math.max(1, progress.total)} />
              </Box>
            )}
          </FileChooser>
        </CardContent>
      </Card>

      {checked && !progress && !result && (
        <ImportSummary dict="cd.import" total={rows.length} invalid={invalidRows} testId="import-summary">
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
        </ImportSummary>
      )}

      {result && (
        <Alert severity={result.imported ? 'success' : 'warning'} sx={{ mt: 2 }} data-testid="import-result">
          {result.imported ? translate('cd.import.done', { imported: result.imported }) : translate('cd.import.nothing_written')}{' '}
          {result.imported > 0 && unitId && (
            <Link to={`/members?filter=${encodeURIComponent(JSON.stringify({ grassrootsUnionId: unitId }))}`}>{translate('resources.members.name', { smart_count: 2 })}</Link>
          )}
        </Alert>
      )}

      <RowErrors
        dict="cd.import"
        errors={errors}
        shown={(e) => ({ row: e.row, column: columnLabel(translate, e.column), message: rowMessage(translate, e) })}
        testId="import-errors"
      />
    </Box>
  );
};
