import { BooleanInput, SearchInput, type TranslateFunction } from 'react-admin';
import type { ExportColumn } from './ExportButtons';

/** Filters shared by the four unit lists: the diacritics-insensitive search box and dissolved units. */
export const unitFilters = (translate: TranslateFunction, more: React.ReactElement[] = []) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('ra.action.search')} sx={{ minWidth: 260 }} />,
  ...more,
  <BooleanInput key="active" source="active" label="cd.common.include_dissolved" format={(v: unknown) => v === false} parse={(v: boolean) => (v ? false : undefined)} />,
];

export const unitExportColumns = (parents: Array<{ source: string; reference: string }> = []): ExportColumn[] => [
  { source: 'name' },
  { source: 'code' },
  ...parents.map((p) => ({ source: p.source, kind: 'ref' as const, reference: p.reference })),
  { source: 'active', kind: 'bool' },
  { source: 'createdAt', kind: 'date' },
];
