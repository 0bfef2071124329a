import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Box } from '@mui/material';
import {
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
  List,
  maxLength,
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
import { DateTimeField, RecordTitle } from '../common/fields';
import { useNotFoundHome } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { UnitBreadcrumb } from '../common/UnitBreadcrumb';
import { unitExportColumns, unitFilters } from '../common/unitList';
import { ChildUnits, UnitAwards, UnitInfo, UnitMembers } from '../common/units';

const FederationList = () => {
  const translate = useTranslate();
  return (
    <List filters={unitFilters(translate)} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={unitExportColumns()} />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="code" />
        <DateTimeField source="createdAt" />
      </Datagrid>
    </List>
  );
};

const FederationShow = () => (
  <Show title={<RecordTitle source="name" />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Box sx={{ px: 2, pt: 2 }}><UnitBreadcrumb /></Box>
    <TabbedShowLayout>
      <Tab label="cd.common.info"><UnitInfo resource="federations" /></Tab>
      <Tab label="cd.common.unions" path="unions"><ChildUnits reference="unions" target="federationId" /></Tab>
      <Tab label="cd.common.grassroots" path="grassroots">
        <ChildUnits reference="grassrootsUnions" target="federationId" showParent={{ source: 'unionId', reference: 'unions' }} />
      </Tab>
      <Tab label="cd.common.members" path="members"><UnitMembers target="federationId" /></Tab>
      <Tab label="cd.common.awards" path="awards"><UnitAwards /></Tab>
    </TabbedShowLayout>
  </Show>
);

const FederationForm = ({ editing = false }) => (
  <SimpleForm sx={{ maxWidth: 720 }}>
    <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
    <TextInput source="code" validate={maxLength(64)} />
    {editing && <BooleanInput source="active" />}
  </SimpleForm>
);

export default {
  list: FederationList,
  show: FederationShow,
  edit: () => (
    <Edit title={<RecordTitle source="name" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
      <FederationForm editing />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <FederationForm />
    </Create>
  ),
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
