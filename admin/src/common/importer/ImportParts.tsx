import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { downloadBlob, toCsv, toXlsx } from '../download';
import type { ExportCell } from '../exportCells';
import type { vi } from '../../i18n/vi';
import { readTable } from './sheet';

/**
 * The parts every import page shares (members, the union's year): the template card, the file
 * chooser and its reading, the summary of a checked file, the errors by row and column. Each page
 * keeps its own rows, calls and wording; `dict` names its group of labels (cd.import, cd.year.import).
 */

export type ImportDict = 'cd.import' | 'cd.year.import';
/** The labels both groups have (the type refuses a key one of them lacks). */
type SharedKey = Extract<keyof typeof vi.cd.import, keyof typeof vi.cd.year.import>;

const useLabels = (dict: ImportDict) => {
  const translate = useTranslate();
  return (key: SharedKey, options?: Record<string, unknown>) => translate(`${dict}.${key}`, options);
};

export const ACCEPTED_FILES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A template, downloadable as Excel and as CSV. */
export interface ImportTemplate {
  /** the file's name without its extension (mau-nhap-…) */
  fileName: string;
  sheetName: string;
  header: string[];
  rows: ExportCell[][];
  /** the Excel file's rows when they differ (real dates rather than text) */
  xlsxRows?: ExportCell[][];
}

/** A column of the template, as the help lists it. */
export interface ColumnHelp {
  header: string;
  required?: boolean;
  /** what it holds, after a dash */
  note?: string;
}

/** The first card: the title, what the import does, the template and its columns; `children` come before the template (a choice of sheet). */
export const ImportIntro = ({ dict, template, columns, children }: { dict: ImportDict; template: ImportTemplate; columns: ColumnHelp[]; children?: ReactNode }) => {
  const t = useLabels(dict);
  const { fileName, sheetName, header, rows, xlsxRows = rows } = template;
  return (
    <>
      <Title title={`${dict}.title`} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>{t('title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('intro')}</Typography>
          {children}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await toXlsx(sheetName, header, xlsxRows), `${fileName}.xlsx`)}>
              {t('template_xlsx')}
            </Button>
            <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await toCsv(header, rows), `${fileName}.csv`)}>
              {t('template_csv')}
            </Button>
          </Stack>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>{t('columns_help')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3, columns: { md: 2 } }}>
            {columns.map((c) => (
              <li key={c.header}>
                <Typography variant="body2">
                  <b>{c.header}</b>
                  {c.required ? ` ${t('required_mark')}` : ''}
                  {c.note ? ` – ${c.note}` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </CardContent>
      </Card>
    </>
  );
};

/** Calls `onChange` with a form value (the unit the rows go to) whenever it changes. */
export const FollowValue = ({ source, onChange }: { source: string; onChange: (value: string | null) => void }) => {
  const value = useWatch({ name: source });
  useEffect(() => onChange(value ? String(value) : null), [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
};

/**
 * The chosen file: its name, whether it is still being read, why it could not be. `open` reads a
 * .csv or .xlsx into rows of cells and hands them to `use` (which checks them); a failure in either
 * is said as "cannot read the file", and the input is emptied so that the same file may be chosen again.
 */
export function useSheetFile(
  dict: ImportDict,
  use: (table: unknown[][]) => Promise<void>,
  { start, failed }: { /** before reading: clear what the last file left */ start?: () => void; /** after a failure */ failed?: () => void } = {},
) {
  const translate = useTranslate();
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    start?.();
    setFileName(file.name);
    setFileError(null);
    // Reading a large .xlsx takes a moment: say so at once, and let the browser paint that before the parser takes the main thread.
    setReading(true);
    try {
      await new Promise((r) => setTimeout(r, 30));
      const table = await readTable(file);
      setReading(false);
      await use(table);
    } catch (e: any) {
      failed?.();
      setFileError(translate(`${dict}.bad_file`, { error: e?.message ?? String(e) }));
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };
  const clear = useCallback(() => {
    setFileName(null);
    setFileError(null);
  }, []);
  return { fileName, reading, fileError, setFileError, input, open, clear };
}

/** The button that opens a file, the file's name or state beside it (`status`), its error under it. */
export const FileChooser = ({
  dict,
  input,
  onFile,
  disabled,
  testId,
  status,
  error,
  children,
}: {
  dict: ImportDict;
  input: RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
  disabled: boolean;
  testId: string;
  status?: ReactNode;
  error: string | null;
  /** shown between the button and the error (progress) */
  children?: ReactNode;
}) => {
  const t = useLabels(dict);
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
        <Button variant="contained" component="label" startIcon={<UploadFileIcon />} disabled={disabled}>
          {t('choose_file')}
          <input ref={input} type="file" hidden accept={ACCEPTED_FILES} onChange={(e) => onFile(e.target.files?.[0])} data-testid={testId} />
        </Button>
        {status}
      </Stack>
      {children}
      {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
    </>
  );
};

/** The card of a checked file: how many rows, how many with errors, then the page's choices and its write button. */
export const ImportSummary = ({ dict, total, invalid, testId, children }: { dict: ImportDict; total: number; invalid: number; testId: string; children: ReactNode }) => {
  const t = useLabels(dict);
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }} data-testid={testId}>
          <Typography variant="subtitle1">{t('summary', { total, valid: total - invalid, invalid })}</Typography>
          {invalid === 0 && <Chip color="success" size="small" label="OK" />}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** A row error as shown: the sheet's row, the column's header, the message in the user's language. */
export interface ShownError {
  row: number;
  column: string;
  message: string;
}

/** The first 500 errors, by row and column; `shown` words one (only those shown are worded). */
export function RowErrors<E>({ dict, errors, shown, testId }: { dict: ImportDict; errors: E[]; shown: (e: E) => ShownError; testId: string }) {
  const t = useLabels(dict);
  if (!errors.length) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent sx={{ overflowX: 'auto' }}>
        <Typography variant="subtitle1" gutterBottom>{t('errors')}</Typography>
        <Table size="small" data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>{t('row')}</TableCell>
              <TableCell>{t('column')}</TableCell>
              <TableCell>{t('message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {errors.slice(0, 500).map(shown).map((e, i) => (
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
  );
}
