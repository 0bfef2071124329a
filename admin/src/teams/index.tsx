import Diversity3Icon from '@mui/icons-material/Diversity3';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
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
  useTranslate,
} from 'react-admin';
import { RecordTitle } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { UnitBreadcrumb } from '../common/UnitBreadcrumb';
import { unitExportColumns, unitFilters } from '../common/unitList';
import { UnitAwards, UnitInfo, UnitMembers } from '../common/units';

const PARENT = { source: 'grassrootsUnionId', reference: 'grassrootsUnions' };

const TeamList = () => {
  const translate = useTranslate();
  const user = useSessionUser();
  const more =
    user?.scopeLevel === 'GRASSROOTS'
      ? []
      : [
          <ReferenceInput key="grassrootsUnionId" source="grassrootsUnionId" reference="grassrootsUnions" alwaysOn>
            <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
          </ReferenceInput>,
        ];
  return (
    <List filters={unitFilters(translate, more)} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={unitExportColumns([PARENT])} />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="code" />
        <ReferenceField source="grassrootsUnionId" reference="grassrootsUnions" link="show" sortable={false}>
          <TextField source="name" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
};

const TeamShow = () => (
  <Show title={<RecordTitle source="name" />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Box sx={{ px: 2, pt: 2 }}><UnitBreadcrumb /></Box>
    <TabbedShowLayout>
      <Tab label="cd.common.info"><UnitInfo resource="teams" parents={[PARENT]} /></Tab>
      <Tab label="cd.common.members" path="members"><UnitMembers target="teamId" showUnit={false} showTeam={false} /></Tab>
      <Tab label="cd.common.awards" path="awards"><UnitAwards /></Tab>
    </TabbedShowLayout>
  </Show>
);

const TeamForm = ({ editing = false }) => {
  const user = useSessionUser();
  const defaults = !editing && user?.scopeLevel === 'GRASSROOTS' ? { grassrootsUnionId: user.scopeUnitId } : {};
  return (
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={defaults}>
      <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
      <TextInput source="code" validate={maxLength(64)} />
      <ReferenceInput source="grassrootsUnionId" reference="grassrootsUnions">
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth readOnly={user?.scopeLevel === 'GRASSROOTS'} />
      </ReferenceInput>
      {editing && <BooleanInput source="active" />}
    </SimpleForm>
  );
};

export default {
  list: TeamList,
  show: TeamShow,
  edit: () => (
    <Edit title={<RecordTitle source="name" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
      <TeamForm editing />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <TeamForm />
    </Create>
  ),
  icon: Diversity3Icon,
  recordRepresentation: 'name',
};
