import {
  AutocompleteInput,
  Datagrid,
  List,
  NumberField,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, enumChoices, LEVELS, NOMINATION_STATUSES, NomineeField, StatusChip, UnitRefField } from '../common/fields';
import { ListActions } from '../common/ListActions';
import type { ExportColumn } from '../common/ExportButtons';
import { yearChoices } from '../awards';
import { Line, ResponsiveRows, Tail } from '../common/responsive';
import { ReferenceFilter } from '../common/ReferenceFilter';
import { PREFETCHED_REFERENCE } from '../providers/dataProvider';

export const nominationExportColumns: ExportColumn[] = [
  { source: 'id' },
  { source: 'nomineeName' },
  { source: 'awardTypeId', kind: 'ref', reference: 'awardTypes' },
  { source: 'year' },
  { source: 'nominatingUnitId', kind: 'unit' },
  { source: 'status', kind: 'enum', enumName: 'NominationStatus' },
  { source: 'currentLevel', kind: 'enum', enumName: 'OrgLevel' },
  { source: 'achievements' },
  { source: 'updatedAt', kind: 'datetime' },
];

export const NominationList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.nominations.fields.q')} sx={{ minWidth: 240 }} />,
    <SelectInput key="status" source="status" choices={enumChoices('NominationStatus', NOMINATION_STATUSES)} alwaysOn />,
    <SelectInput key="year" source="year" choices={yearChoices()} alwaysOn translateChoice={false} />,
    <ReferenceFilter key="awardTypeId" source="awardTypeId" reference="awardTypes" perPage={100}>
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 300 }} />
    </ReferenceFilter>,
    <SelectInput key="currentLevel" source="currentLevel" choices={enumChoices('OrgLevel', LEVELS)} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} actions={<ListActions columns={nominationExportColumns} />}>
      <ResponsiveRows
        primaryText={(r) => r.nomineeName}
        secondaryText={
          <Line>
            <ReferenceField source="awardTypeId" reference="awardTypes" link={false} queryOptions={PREFETCHED_REFERENCE}>
              <TextField source="name" />
            </ReferenceField>
            <NumberField source="year" options={{ useGrouping: false }} />
          </Line>
        }
        tertiaryText={<Tail><StatusChip source="status" enumName="NominationStatus" /></Tail>}
      >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" />
        <NomineeField source="nomineeName" label="resources.nominations.fields.nomineeName" />
        <ReferenceField source="awardTypeId" reference="awardTypes" link={false} sortable={false} queryOptions={PREFETCHED_REFERENCE}>
          <TextField source="name" />
        </ReferenceField>
        <NumberField source="year" options={{ useGrouping: false }} />
        <UnitRefField source="nominatingUnitId" sortable={false} />
        <StatusChip source="status" enumName="NominationStatus" />
        <EnumField source="currentLevel" enumName="OrgLevel" />
        <DateTimeField source="updatedAt" />
      </Datagrid>
      </ResponsiveRows>
    </List>
  );
};
