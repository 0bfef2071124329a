import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  maxLength,
  required,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Line, ResponsiveRows } from '../common/responsive';
import { EnumField, enumChoices, LEVELS, NOMINEE_KINDS } from '../common/fields';
import { ListActions } from '../common/ListActions';
import { formScreens } from '../common/formScreens';

const AwardTypeList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('ra.action.search')} />,
    <SelectInput key="nomineeKind" source="nomineeKind" choices={enumChoices('NomineeKind', NOMINEE_KINDS)} alwaysOn />,
    <SelectInput key="decidingLevel" source="decidingLevel" choices={enumChoices('OrgLevel', LEVELS)} alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      perPage={50}
      actions={
        <ListActions
          columns={[
            { source: 'code' },
            { source: 'name' },
            { source: 'nomineeKind', kind: 'enum', enumName: 'NomineeKind' },
            { source: 'decidingLevel', kind: 'enum', enumName: 'OrgLevel' },
            { source: 'oncePerLifetime', kind: 'bool' },
            { source: 'active', kind: 'bool' },
          ]}
        />
      }
    >
      <ResponsiveRows
        rowClick="edit"
        primaryText={(r) => r.name}
        secondaryText={
          <Line>
            <TextField source="code" />
            <EnumField source="decidingLevel" enumName="OrgLevel" />
          </Line>
        }
      >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="nomineeKind" enumName="NomineeKind" />
        <EnumField source="decidingLevel" enumName="OrgLevel" />
        <BooleanField source="oncePerLifetime" sortable={false} />
        <BooleanField source="active" />
      </Datagrid>
      </ResponsiveRows>
    </List>
  );
};

const AwardTypeForm = ({ editing = false }) => (
  <SimpleForm sx={{ maxWidth: 720 }}>
    <TextInput source="code" validate={[required(), maxLength(32)]} />
    <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
    <SelectInput source="nomineeKind" choices={enumChoices('NomineeKind', NOMINEE_KINDS)} validate={required()} />
    <SelectInput source="decidingLevel" choices={enumChoices('OrgLevel', LEVELS)} validate={required()} />
    <BooleanInput source="oncePerLifetime" />
    {editing && <BooleanInput source="active" />}
  </SimpleForm>
);

export default {
  list: AwardTypeList,
  ...formScreens(AwardTypeForm),
  icon: EmojiEventsIcon,
  recordRepresentation: 'name',
};
