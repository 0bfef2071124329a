import { Box, Typography } from '@mui/material';
import { useWatch, useFormContext } from 'react-hook-form';
import { useEffect, useRef } from 'react';
import {
  AutocompleteInput,
  email,
  maxLength,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { enumChoices, GENDERS, MEMBER_STATUSES } from '../common/fields';
import { DateTextInput } from '../common/inputs';
import { useSessionUser } from '../common/hooks';

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" color="primary" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(label)}
    </Typography>
  );
};

const Row = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px' } }}>{children}</Box>
);

/** The team picker lists the teams of the chosen grassroots union only, and forgets a team of another one. */
const TeamInput = () => {
  const grassrootsUnionId = useWatch({ name: 'grassrootsUnionId' });
  const { setValue } = useFormContext();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setValue('teamId', null, { shouldDirty: true });
  }, [grassrootsUnionId, setValue]);
  return (
    <ReferenceInput source="teamId" reference="teams" filter={grassrootsUnionId ? { grassrootsUnionId } : { ids: [] }} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" emptyText="—" disabled={!grassrootsUnionId} />
    </ReferenceInput>
  );
};

const LeftFields = () => {
  const status = useWatch({ name: 'status' });
  if (status !== 'LEFT') return null;
  return (
    <Row>
      <DateTextInput source="leftAt" />
      <TextInput source="leftReason" />
    </Row>
  );
};

export const MemberForm = ({ editing = false }: { editing?: boolean }) => {
  const user = useSessionUser();
  const chair = user?.scopeLevel === 'GRASSROOTS';
  const defaults = chair && !editing ? { grassrootsUnionId: user!.scopeUnitId } : {};
  return (
    <SimpleForm defaultValues={defaults} sx={{ maxWidth: 960 }}>
      <Section label="resources.members.section.identity" />
      <Row>
        <TextInput source="fullName" validate={[required(), maxLength(160)]} />
        <RadioButtonGroupInput source="gender" choices={enumChoices('Gender', GENDERS)} validate={required()} />
      </Row>
      <Row>
        <DateTextInput source="birthDate" />
        <TextInput source="nationalId" />
        <TextInput source="ethnicity" />
      </Row>
      <Row>
        <TextInput source="phone" />
        <TextInput source="email" validate={email('cd.errors.email')} slotProps={{ htmlInput: { inputMode: 'email', autoComplete: 'email' } }} />
        <TextInput source="occupation" />
      </Row>
      <Section label="resources.members.section.union" />
      <Row>
        <ReferenceInput source="grassrootsUnionId" reference="grassrootsUnions" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} readOnly={chair} />
        </ReferenceInput>
        <TeamInput />
      </Row>
      <Row>
        <TextInput source="cardNumber" validate={maxLength(32)} />
        <DateTextInput source="joinedAt" />
        <TextInput source="position" />
      </Row>
      {editing && (
        <>
          <Section label="resources.members.section.status" />
          <Row>
            <SelectInput source="status" choices={enumChoices('MemberStatus', MEMBER_STATUSES)} validate={required()} />
            <DateTextInput source="disciplinedFrom" />
            <DateTextInput source="disciplinedUntil" />
          </Row>
          <LeftFields />
        </>
      )}
    </SimpleForm>
  );
};
