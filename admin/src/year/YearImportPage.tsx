import { Alert, Box, Button, Card, CardContent, FormControlLabel, LinearProgress, Radio, RadioGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useSessionUser } from '../common/hooks';
import { FileChooser, FollowValue, ImportIntro, ImportSummary, RowErrors, type ShownError, useSheetFile } from '../common/importer/ImportParts';
import { UnitOfLevel } from '../common/UnitOfLevel';
import type * as G from '../generated/graphql';
import type { CongDoanDataProvider, YearImportReport } from '../providers/dataProvider';
import { EXAMPLES, headerOf, readSheet, SHEETS, type SheetKind, type SheetRow, templateHeader } from './importSheet';

type Translate = (key: string, options?: Record<string, unknown>) => string;

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

const templateOf = (kind: SheetKind) => ({
  fileName: kind === 'targets' ? 'mau-nhap-chi-tieu' : 'mau-nhap-tham-hoi',
  sheetName: kind === 'targets' ? 'Chỉ tiêu' : 'Thăm hỏi',
  header: templateHeader(kind),
  rows: EXAMPLES[kind].map((r) => r.map((v) => (v == null ? '' : String(v)))),
});

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
  const [rows, setRows] = useState<SheetRow[]>([]);
  const [total, setTotal] = useState(0);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(false);
  const [imported, setImported] = useState<number | null>(null);

  const send = (dryRun: boolean, list: SheetRow[]) =>
    kind === 'targets'
      ? dataProvider.importTargets({ unitId: unitId!, rows: list as G.TargetImportRow[], dryRun })
      : dataProvider.importWelfareRecords({ unitId: unitId!, rows: list as G.WelfareImportRow[], dryRun });

  const sheet = useSheetFile(
    'cd.year.import',
    async (table) => {
      const { rows: parsed, problems, missing } = readSheet(kind, table);
      if (missing.length) {
        sheet.setFileError(translate('cd.year.import.missing_columns', { columns: missing.join(', ') }));
        return;
      }
      const shown: ShownError[] = problems.map((p) => ({ row: p.row, column: p.column, message: translate(`cd.year.import.${p.key}`, p.args) }));
      const count = new Set([...parsed.map((r) => r.rowNumber), ...problems.map((p) => p.row)]).size;
      if (!count) {
        sheet.setFileError(translate('cd.year.import.no_rows'));
        return;
      }
      if (parsed.length) {
        setBusy(true);
        try {
          const report = await send(true, parsed);
          shown.push(...report.errors.map((e) => serverMessage(translate, kind, e)));
        } finally {
          setBusy(false);
        }
      }
      setRows(parsed);
      setTotal(count);
      setErrors(shown.sort((a, b) => a.row - b.row));
      setChecked(true);
    },
    { start: () => reset(false) },
  );

  /** What the last file left; with the file's name and error too when the kind or the unit changes. */
  const reset = (all = true) => {
    setRows([]);
    setTotal(0);
    setErrors([]);
    setChecked(false);
    setImported(null);
    if (all) sheet.clear();
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
      <ImportIntro dict="cd.year.import" template={templateOf(kind)} columns={SHEETS[kind].map((c) => ({ header: c.header, required: c.required }))}>
        <Typography variant="subtitle2">{translate('cd.year.import.kind')}</Typography>
        <RadioGroup row value={kind} onChange={(e) => { setKind(e.target.value as SheetKind); reset(); }}>
          <FormControlLabel value="targets" control={<Radio />} label={translate('cd.year.import.kind_targets')} />
          <FormControlLabel value="welfare" control={<Radio />} label={translate('cd.year.import.kind_welfare')} />
        </RadioGroup>
      </ImportIntro>

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Form defaultValues={{ unitId: user?.scopeUnitId ?? null, unitLevel: user?.scopeLevel ?? null }}>
            <UnitOfLevel source="unitId" levelSource="unitLevel" levelLabel="cd.year.unit_level" label="cd.year.import.unit" required />
            <FollowValue source="unitId" onChange={(id) => { if (id !== unitId) { setUnitId(id); reset(); } }} />
          </Form>
          <FileChooser
            dict="cd.year.import"
            input={sheet.input}
            onFile={(file) => unitId && sheet.open(file)}
            disabled={!unitId || busy || sheet.reading}
            testId="year-import-file"
            error={sheet.fileError}
            status={sheet.fileName && <Typography variant="body2">{translate('cd.year.import.file', { name: sheet.fileName, rows: total })}</Typography>}
          >
            {(busy || sheet.reading) && <LinearProgress sx={{ mt: 2 }} />}
          </FileChooser>
        </CardContent>
      </Card>

      {checked && imported == null && (
        <ImportSummary dict="cd.year.import" total={total} invalid={invalid} testId="year-import-summary">
          {invalid > 0 && <Alert severity="warning" sx={{ mb: 1 }} data-testid="year-import-refused">{translate('cd.year.import.refused')}</Alert>}
          <Button variant="contained" onClick={write} disabled={invalid > 0 || busy || !rows.length} data-testid="year-import-write">
            {translate('cd.year.import.import', { smart_count: rows.length })}
          </Button>
        </ImportSummary>
      )}

      {imported != null && (
        <Alert severity={imported ? 'success' : 'warning'} sx={{ mt: 2 }} data-testid="year-import-result">
          {imported ? translate('cd.year.import.done', { imported }) : translate('cd.year.import.refused')}{' '}
          {imported > 0 && unitId && <Link to={`${listPath}?filter=${encodeURIComponent(JSON.stringify({ unitId: [unitId] }))}`}>{translate('cd.year.import.list')}</Link>}
        </Alert>
      )}

      <RowErrors dict="cd.year.import" errors={errors} shown={(e) => e} testId="year-import-errors" />
    </Box>
  );
};
