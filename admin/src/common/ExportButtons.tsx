import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useDataProvider, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { type CongDoanDataProvider } from '../providers/dataProvider';
import { downloadBlob, stamp, toCsv, toXlsx } from './download';
import { dateCell, dateTimeCell, type ExportCell } from './exportCells';

export interface ExportColumn {
  source: string;
  /** i18n key; default resources.<resource>.fields.<source> */
  label?: string;
  kind?: 'text' | 'date' | 'datetime' | 'enum' | 'bool' | 'ref' | 'unit';
  enumName?: string;
  /** for kind 'ref': the resource whose `name`-like field replaces the id */
  reference?: string;
  referenceField?: string;
}

const MAX_ROWS = 1000;

/**
 * Exports the current list (its filters and sort, up to 1,000 rows: the API's page cap) to CSV
 * or Excel, with translated headers and names instead of ids.
 */
export const ExportButtons = ({ columns, filename }: { columns: ExportColumn[]; filename?: string }) => {
  const { filterValues, sort, filter: permanentFilter, total } = useListContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const build = async () => {
    const { data } = await dataProvider.getList(resource, {
      filter: { ...filterValues, ...permanentFilter },
      sort,
      pagination: { page: 1, perPage: MAX_ROWS },
    });
    const lookups = new Map<string, Map<string, string>>();
    for (const c of columns) {
      const ids = [...new Set(data.map((r) => r[c.source]).filter((v) => v != null && v !== ''))].map(String);
      if (!ids.length) continue;
      const map = new Map<string, string>();
      if (c.kind === 'ref' && c.reference) {
        for (let i = 0; i < ids.length; i += MAX_ROWS) {
          const { data: refs } = await dataProvider.getMany(c.reference, { ids: ids.slice(i, i + MAX_ROWS) });
          for (const r of refs) map.set(String(r.id), String(r[c.referenceField ?? 'name'] ?? r.id));
        }
      } else if (c.kind === 'unit') {
        await Promise.all(ids.map(async (id) => map.set(id, (await dataProvider.orgUnit(id).catch(() => null))?.name ?? id)));
      }
      lookups.set(c.source, map);
    }
    const cell = (c: ExportColumn, v: unknown): ExportCell => {
      if (v == null || v === '') return '';
      switch (c.kind) {
        // Real dates in Excel, dd/mm/yyyy text in CSV (exportCells.ts).
        case 'date':
          return dateCell(v);
        case 'datetime':
          return dateTimeCell(v);
        case 'enum':
          return translate(`cd.enums.${c.enumName}.${v}`, { _: String(v) });
        case 'bool':
          return translate(v ? 'cd.common.yes' : 'cd.common.no');
        case 'ref':
        case 'unit':
          return lookups.get(c.source)?.get(String(v)) ?? String(v);
        default:
          // Numbers stay numbers; anything else is written as its text (exportCells.ts).
          return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      }
    };
    const header = columns.map((c) => translate(c.label ?? `resources.${resource}.fields.${c.source}`));
    const rows = data.map((r) => columns.map((c) => cell(c, r[c.source])));
    if ((total ?? 0) > MAX_ROWS) notify('cd.common.export_capped', { type: 'warning', messageArgs: { max: MAX_ROWS } });
    return { header, rows };
  };

  const run = (format: 'csv' | 'xlsx') => async () => {
    setBusy(true);
    try {
      const { header, rows } = await build();
      const name = `${filename ?? resource}-${stamp()}`;
      if (format === 'csv') downloadBlob(await toCsv(header, rows), `${name}.csv`);
      else downloadBlob(await toXlsx(translate(`resources.${resource}.name`, { smart_count: 2 }), header, rows), `${name}.xlsx`);
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const disabled = busy || total === 0;
  return (
    <>
      <Button label="cd.common.export_csv" onClick={run('csv')} disabled={disabled}>
        <DownloadIcon />
      </Button>
      <Button label="cd.common.export_xlsx" onClick={run('xlsx')} disabled={disabled}>
        <GridOnIcon />
      </Button>
    </>
  );
};
