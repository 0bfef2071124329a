import { Alert } from '@mui/material';
import { AutocompleteInput, List, SearchInput, SelectInput, type TranslateFunction, useTranslate } from 'react-admin';
import { enumChoices, GENDERS, MEMBER_STATUSES } from '../common/fields';
import { useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import type { ExportColumn } from '../common/ExportButtons';
import { seesPersonalData } from '../providers/canAccess';
import { LEVEL_RANK } from '../providers/resources';
import type { SessionUser } from '../providers/session';
import { MemberTable } from './MemberTable';
import { ImportButton } from '../memberImport/ImportButton';
import { ReferenceFilter } from '../common/ReferenceFilter';

const byName = { field: 'name', order: 'ASC' as const };
const unitPicker = (minWidth = 240) => <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth }} />;

/** Unit filters from the caller's scope down: a chair filters by team only. */
function memberFilters(user: SessionUser | null, translate: TranslateFunction) {
  const rank = user?.scopeLevel ? LEVEL_RANK[user.scopeLevel] : 99;
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.members.fields.q')} sx={{ minWidth: 260 }} />,
    <SelectInput key="status" source="status" choices={enumChoices('MemberStatus', MEMBER_STATUSES)} alwaysOn />,
  ];
  if (rank > LEVEL_RANK.FEDERATION)
    filters.push(
      <ReferenceFilter key="federationId" source="federationId" reference="federations" sort={byName}>
        {unitPicker()}
      </ReferenceFilter>,
    );
  if (rank > LEVEL_RANK.UNION)
    filters.push(
      <ReferenceFilter key="unionId" source="unionId" reference="unions" sort={byName}>
        {unitPicker()}
      </ReferenceFilter>,
    );
  if (rank > LEVEL_RANK.GRASSROOTS)
    filters.push(
      <ReferenceFilter key="grassrootsUnionId" source="grassrootsUnionId" reference="grassrootsUnions" sort={byName} alwaysOn>
        {unitPicker(300)}
      </ReferenceFilter>,
    );
  filters.push(
    <ReferenceFilter key="teamId" source="teamId" reference="teams" sort={byName} alwaysOn={rank === LEVEL_RANK.GRASSROOTS}>
      {unitPicker()}
    </ReferenceFilter>,
    <SelectInput key="gender" source="gender" choices={enumChoices('Gender', GENDERS)} />,
  );
  return filters;
}

export function memberExportColumns(personal: boolean): ExportColumn[] {
  const pd: ExportColumn[] = personal ? [{ source: 'birthDate', kind: 'date' }, { source: 'phone' }, { source: 'email' }] : [];
  return [
    { source: 'fullName' },
    { source: 'gender', kind: 'enum', enumName: 'Gender' },
    ...pd,
    { source: 'cardNumber' },
    { source: 'position' },
    { source: 'ethnicity' },
    { source: 'occupation' },
    { source: 'joinedAt', kind: 'date' },
    { source: 'grassrootsUnionId', kind: 'ref', reference: 'grassrootsUnions' },
    { source: 'teamId', kind: 'ref', reference: 'teams' },
    { source: 'status', kind: 'enum', enumName: 'MemberStatus' },
  ];
}

export const MemberList = () => {
  const user = useSessionUser();
  const translate = useTranslate();
  const personal = seesPersonalData(user);
  return (
    <List
      filters={memberFilters(user, translate)}
      sort={{ field: 'fullName', order: 'ASC' }}
      perPage={25}
      actions={
        <ListActions columns={memberExportColumns(personal)}>
          <ImportButton />
        </ListActions>
      }
    >
      {!personal && (
        <Alert severity="info" sx={{ mx: 2, mt: 1 }} data-testid="personal-hidden">
          {translate('cd.common.personal_hidden')}
        </Alert>
      )}
      <MemberTable />
    </List>
  );
};
