import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EditButton,

  List,
  minLength,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  regex,
  required,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { Line, ResponsiveRows } from '../common/responsive';
import { DateTimeField, EnumField, enumChoices, ROLES, UNIT_LEVELS, UnitRefField, useOrgUnit, RecordTitle } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { LEVEL_RESOURCE } from '../providers/resources';
import type { Role, UnitLevel } from '../providers/sessionUser';

const UserList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.users.fields.q')} sx={{ minWidth: 260 }} />,
    <SelectInput key="role" source="role" choices={enumChoices('Role', ROLES)} alwaysOn />,
    <SelectInput key="active" source="active" choices={[{ id: true, name: 'cd.common.yes' }, { id: false, name: 'cd.common.no' }]} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      actions={
        <ListActions
          columns={[
            { source: 'username' },
            { source: 'fullName' },
            { source: 'role', kind: 'enum', enumName: 'Role' },
            { source: 'scopeUnitId', kind: 'unit' },
            { source: 'active', kind: 'bool' },
            { source: 'lastLoginAt', kind: 'datetime' },
          ]}
        />
      }
    >
      <ResponsiveRows
        primaryText={(r) => r.fullName}
        secondaryText={
          <Line>
            <TextField source="username" />
            <EnumField source="role" enumName="Role" />
            <UnitRefField source="scopeUnitId" link={false} />
          </Line>
        }
      >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="fullName" />
        <EnumField source="role" enumName="Role" />
        <UnitRefField source="scopeUnitId" sortable={false} />
        <BooleanField source="active" />
        <DateTimeField source="lastLoginAt" />
      </Datagrid>
      </ResponsiveRows>
    </List>
  );
};

const UserShow = () => (
  <Show title={<RecordTitle source="username" />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="fullName" />
      <EnumField source="role" enumName="Role" />
      <UnitRefField source="scopeUnitId" emptyText="cd.dashboard.scope_all" />
      <ReferenceField source="memberId" reference="members" link="show" emptyText="—">
        <TextField source="fullName" />
      </ReferenceField>
      <BooleanField source="active" />
      <DateTimeField source="lastLoginAt" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);

/** The level of the unit each role is scoped to (ANALYST: any unit, or none): which unit picker the form shows (the server checks the grant). */
const ROLE_SCOPE_LEVEL: Record<Role, UnitLevel | null | 'ANY'> = {
  SYSTEM_ADMIN: null,
  FEDERATION_ADMIN: 'FEDERATION',
  UNION_ADMIN: 'UNION',
  GRASSROOTS_CHAIR: 'GRASSROOTS',
  ANALYST: 'ANY',
};

/** The scope unit picker follows the role: a federation for a federation admin, any level for an analyst. */
const ScopeInput = () => {
  const role = useWatch({ name: 'role' });
  const scopeUnitId = useWatch({ name: 'scopeUnitId' });
  const chosenLevel = useWatch({ name: 'scopeLevel' });
  const { setValue } = useFormContext();
  const me = useSessionUser();
  const current = useOrgUnit(scopeUnitId);
  const fixed = role ? ROLE_SCOPE_LEVEL[role as keyof typeof ROLE_SCOPE_LEVEL] : undefined;
  useEffect(() => {
    if (fixed === 'ANY' && !chosenLevel && current.data?.level) setValue('scopeLevel', current.data.level);
  }, [fixed, chosenLevel, current.data?.level, setValue]);
  if (!role || fixed === null) return null;
  const level = fixed === 'ANY' ? chosenLevel : fixed;
  // Only SYSTEM_ADMIN may create an analyst without a scope.
  const scopeRequired = !(fixed === 'ANY' && me?.role === 'SYSTEM_ADMIN');
  return (
    <>
      {fixed === 'ANY' && <SelectInput source="scopeLevel" choices={enumChoices('OrgLevel', UNIT_LEVELS)} emptyText="—" />}
      {level && (
        <ReferenceInput source="scopeUnitId" reference={LEVEL_RESOURCE[level]} key={level}>
          <AutocompleteInput
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            validate={scopeRequired ? required() : undefined}
            helperText="resources.users.helper.scope"
            fullWidth
          />
        </ReferenceInput>
      )}
    </>
  );
};

const UserForm = ({ editing = false }) => {
  const me = useSessionUser();
  const roles = me?.grantableRoles ?? [];
  return (
    <SimpleForm sx={{ maxWidth: 720 }}>
      <TextInput source="username" validate={[required(), regex(/^[A-Za-z0-9._-]{3,64}$/, 'cd.errors.username')]} />
      <TextInput source="fullName" validate={required()} fullWidth />
      {editing ? (
        <PasswordInput source="password" validate={minLength(8)} helperText="resources.users.helper.password_edit" />
      ) : (
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
      )}
      <SelectInput source="role" choices={enumChoices('Role', roles)} validate={required()} />
      <ScopeInput />
      <ReferenceInput source="memberId" reference="members">
        <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceInput>
      {editing && <BooleanInput source="active" />}
    </SimpleForm>
  );
};

/** The form-only scopeLevel never reaches the API; an empty password on edit keeps the old one. */
const transform = (data: Record<string, any>) => {
  const { scopeLevel: _ignored, ...rest } = data;
  if (!rest.password) delete rest.password;
  return rest;
};

export default {
  list: UserList,
  show: UserShow,
  edit: () => (
    <Edit title={<RecordTitle source="username" />} mutationMode="pessimistic" redirect="show" transform={transform} queryOptions={useNotFoundHome()}>
      <UserForm editing />
    </Edit>
  ),
  create: () => (
    <Create redirect="show" transform={transform}>
      <UserForm />
    </Create>
  ),
  icon: ManageAccountsIcon,
  recordRepresentation: 'username',
};

