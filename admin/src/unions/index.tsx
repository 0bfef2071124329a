import ApartmentIcon from '@mui/icons-material/Apartment';
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
import { ChildUnits, UnitAwards, UnitInfo, UnitMembers } from '../common/units';

const PARENT = { source: 'federationId', reference: 'federations' };

const UnionList = () => {
  const translate = useTranslate();
  const user = useSessionUser();
  const filters = user?.scopeLevel
    ? []
    : [
        <ReferenceInput key="federationId" source="federationId" reference="federations" alwaysOn>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
        </ReferenceInput>,
      ];
  return (
    <List filters={unitFilters(translate, filters)} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={unitExportColumns([PARENT])} />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="code" />
        <ReferenceField source="federationId" reference="federations" link="show" sortable={false}>
          <TextField source="name" />
        </ReferenceField>
      </Datagrid>
    </List>
  );
};

const UnionShow = () => (
  <Show title={<RecordTitle source="name" />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Box sx={{ px: 2, pt: 2 }}><UnitBreadcrumb /></Box>
    <TabbedShowLayout>
      <Tab label="cd.common.info"><UnitInfo resource="unions" parents={[PARENT]} /></Tab>
      <Tab label="cd.common.grassroots" path="grassroots"><ChildUnits reference="grassrootsUnions" target="unionId" /></Tab>
      <Tab label="cd.common.members" path="members"><UnitMembers target="unionId" /></Tab>
      <Tab label="cd.common.awards" path="awards"><UnitAwards /></Tab>
    </TabbedShowLayout>
  </Show>
);

const UnionForm = ({ editing = false }) => {
  const user = useSessionUser();
  const defaults = user?.scopeLevel === 'FEDERATION' && !editing ? { federationId: user.scopeUnitId } : {};
  return (
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={defaults}>
      <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
      <TextInput source="code" validate={maxLength(64)} />
      <ReferenceInput source="federationId" reference="federations">
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
      </ReferenceInput>
      {editing && <BooleanInput source="active" />}
    </SimpleForm>
  );
};

export default {
  list: UnionList,
  show: UnionShow,
  edit: () => (
    <Edit title={<RecordTitle source="name" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
      <UnionForm editing />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <UnionForm />
    </Create>
  ),
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
