import GroupsIcon from '@mui/icons-material/Groups';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  CreateButton,
  Datagrid,
  Edit,
  EditButton,
  List,
  maxLength,
  ReferenceField,
  ReferenceInput,
  required,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RecordTitle } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { UnitBreadcrumb } from '../common/UnitBreadcrumb';
import { unitExportColumns, unitFilters } from '../common/unitList';
import { ChildUnits, UnitAwards, UnitInfo, UnitMembers } from '../common/units';
import { LEVEL_RANK } from '../providers/resources';

const PARENTS = [
  { source: 'unionId', reference: 'unions' },
  { source: 'federationId', reference: 'federations' },
];

const GrassrootsList = () => {
  const translate = useTranslate();
  const user = useSessionUser();
  const rank = user?.scopeLevel ? LEVEL_RANK[user.scopeLevel] : 99;
  const more = [];
  if (rank > LEVEL_RANK.FEDERATION)
    more.push(
      <ReferenceInput key="federationId" source="federationId" reference="federations" alwaysOn>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
      </ReferenceInput>,
    );
  if (rank > LEVEL_RANK.UNION)
    more.push(
      <ReferenceInput key="unionId" source="unionId" reference="unions" alwaysOn>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
      </ReferenceInput>,
    );
  return (
    <List filters={unitFilters(translate, more)} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={unitExportColumns(PARENTS)} />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="code" />
        <ReferenceField source="unionId" reference="unions" link="show" sortable={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="federationId" reference="federations" link="show" sortable={false}>
          <TextField source="name" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
};

/** "Add a member" straight into this grassroots union (the create form starts with it chosen). */
const AddMemberButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CreateButton resource="members" label="resources.members.action.add_to_unit" state={{ record: { grassrootsUnionId: record.id } }} icon={<PersonAddIcon />} />
  );
};

const GrassrootsShow = () => (
  <Show
    title={<RecordTitle source="name" />}
    queryOptions={useNotFoundHome()}
    actions={
      <TopToolbar>
        <AddMemberButton />
        <EditButton />
      </TopToolbar>
    }
  >
    <Box sx={{ px: 2, pt: 2 }}><UnitBreadcrumb /></Box>
    <TabbedShowLayout>
      <Tab label="cd.common.info"><UnitInfo resource="grassrootsUnions" parents={PARENTS} /></Tab>
      <Tab label="cd.common.teams" path="teams"><ChildUnits reference="teams" target="grassrootsUnionId" /></Tab>
      <Tab label="cd.common.members" path="members"><UnitMembers target="grassrootsUnionId" showUnit={false} /></Tab>
      <Tab label="cd.common.awards" path="awards"><UnitAwards /></Tab>
    </TabbedShowLayout>
  </Show>
);

/** A grassroots union sits under a union, or directly under a federation when no union is chosen. */
const FederationWhenNoUnion = () => {
  const unionId = useWatch({ name: 'unionId' });
  if (unionId) return null;
  return (
    <ReferenceInput source="federationId" reference="federations">
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
    </ReferenceInput>
  );
};

const GrassrootsForm = ({ editing = false }) => {
  const user = useSessionUser();
  const defaults: Record<string, unknown> = {};
  if (!editing && user?.scopeLevel === 'UNION') defaults.unionId = user.scopeUnitId;
  if (!editing && user?.scopeLevel === 'FEDERATION') defaults.federationId = user.scopeUnitId;
  return (
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={defaults}>
      <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
      <TextInput source="code" validate={maxLength(64)} />
      <ReferenceInput source="unionId" reference="unions">
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth helperText="resources.grassrootsUnions.helper.unionId" />
      </ReferenceInput>
      <FederationWhenNoUnion />
      {editing && <BooleanInput source="active" />}
    </SimpleForm>
  );
};

export default {
  list: GrassrootsList,
  show: GrassrootsShow,
  edit: () => (
    <Edit title={<RecordTitle source="name" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
      <GrassrootsForm editing />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <GrassrootsForm />
    </Create>
  ),
  icon: GroupsIcon,
  recordRepresentation: 'name',
};
