import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  Labeled,
  List,
  NumberField,
  ReferenceField,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateOnlyField, NomineeField, UnitRefField, RecordTitle } from '../common/fields';
import { thisYear } from '../common/format';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { hasPermission } from '../providers/canAccess';
import { ListActions } from '../common/ListActions';
import { PrintButtons } from './PrintButtons';
import { Line, ResponsiveRows } from '../common/responsive';
import { ReferenceFilter } from '../common/ReferenceFilter';
import { PREFETCHED_REFERENCE } from '../providers/dataProvider';

export const yearChoices = (from = 2015) => {
  const years = [];
  for (let y = thisYear(); y >= from; y--) years.push({ id: y, name: String(y) });
  return years;
};

const AwardList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.awards.fields.q')} sx={{ minWidth: 260 }} />,
    <SelectInput key="year" source="year" choices={yearChoices()} alwaysOn translateChoice={false} />,
    <ReferenceFilter key="awardTypeId" source="awardTypeId" reference="awardTypes" alwaysOn perPage={100}>
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 300 }} />
    </ReferenceFilter>,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'decidedAt', order: 'DESC' }}
      actions={
        <ListActions
          create={false}
          columns={[
            { source: 'decisionNumber' },
            { source: 'decidedAt', kind: 'date' },
            { source: 'nomineeName' },
            { source: 'awardTypeId', kind: 'ref', reference: 'awardTypes' },
            { source: 'year' },
            { source: 'decidingUnitId', kind: 'unit' },
          ]}
        />
      }
    >
      <ResponsiveRows
        primaryText={(r) => r.nomineeName}
        secondaryText={
          <Line>
            <ReferenceField source="awardTypeId" reference="awardTypes" link={false} queryOptions={PREFETCHED_REFERENCE}>
              <TextField source="name" />
            </ReferenceField>
            <TextField source="decisionNumber" />
            <DateOnlyField source="decidedAt" />
          </Line>
        }
        tertiaryText={(r) => String(r.year)}
      >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="decisionNumber" />
        <DateOnlyField source="decidedAt" />
        <NomineeField source="nomineeName" label="resources.awards.fields.nomineeName" />
        <ReferenceField source="awardTypeId" reference="awardTypes" link={false} queryOptions={PREFETCHED_REFERENCE}>
          <TextField source="name" />
        </ReferenceField>
        <NumberField source="year" options={{ useGrouping: false }} />
        <UnitRefField source="decidingUnitId" emptyText="resources.awards.confederation" sortable={false} />
      </Datagrid>
      </ResponsiveRows>
    </List>
  );
};

/** The approving account, for roles that may read accounts (an analyst may not). */
const DecidedBy = (_props: { label?: string }) => {
  const user = useSessionUser();
  if (!hasPermission(user, 'ReadUser')) return null;
  return (
    <Labeled source="decidedById" resource="awards">
      <ReferenceField source="decidedById" reference="users" link="show" emptyText="—">
        <TextField source="fullName" />
      </ReferenceField>
    </Labeled>
  );
};

const AwardShow = () => (
  <Show
    title={<RecordTitle source="decisionNumber" />}
    queryOptions={useNotFoundHome()}
    actions={
      <TopToolbar>
        <PrintButtons />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <FunctionField
        source="decisionNumber"
        render={(r: { decisionId?: string; decisionNumber: string }) =>
          r.decisionId ? (
            <MuiLink component={Link} to={`/awardDecisions/${encodeURIComponent(r.decisionId)}/show`} data-testid="award-decision-link">
              {r.decisionNumber}
            </MuiLink>
          ) : (
            r.decisionNumber
          )
        }
      />
      <DateOnlyField source="decidedAt" />
      <NomineeField source="nomineeName" label="resources.awards.fields.nomineeName" />
      <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <NumberField source="year" options={{ useGrouping: false }} />
      <UnitRefField source="decidingUnitId" emptyText="resources.awards.confederation" />
      <DecidedBy />
      <ReferenceField source="nominationId" reference="nominations" link="show">
        <TextField source="id" />
      </ReferenceField>
    </SimpleShowLayout>
  </Show>
);

export default { list: AwardList, show: AwardShow, icon: MilitaryTechIcon, recordRepresentation: 'decisionNumber' };
