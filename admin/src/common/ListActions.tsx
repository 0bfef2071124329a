import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { type ExportColumn, ExportButtons } from './ExportButtons';

/** The toolbar of every list: filters, create (when allowed: CreateButton asks canAccess), CSV and Excel export. */
export const ListActions = ({ columns, children, create = true, filters = true }: { columns?: ExportColumn[]; children?: ReactNode; create?: boolean; filters?: boolean }) => (
  <TopToolbar>
    {filters && <FilterButton />}
    {children}
    {create && <CreateButton />}
    {columns && <ExportButtons columns={columns} />}
  </TopToolbar>
);
