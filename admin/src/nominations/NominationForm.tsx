import { useEffect, useRef } from 'react';
import { Alert } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  Edit,
  maxLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { RecordTitle } from '../common/fields';
import { UnitOfLevel } from '../common/UnitOfLevel';
import { thisYear } from '../common/format';
import { useNotFoundHome, useSessionUser } from '../common/hooks';

const awardTypeText = (r: any) => (r ? `${r.code} – ${r.name}` : '');
const memberText = (r: any) => (r ? `${r.fullName}${r.cardNumber ? ` (${r.cardNumber})` : ''}` : '');

/** The nominee input follows the award type: a member for an individual award, a unit for a collective one. */
const NomineeInput = () => {
  const translate = useTranslate();
  const awardTypeId = useWatch({ name: 'awardTypeId' });
  const { data: type } = useGetOne('awardTypes', { id: awardTypeId }, { enabled: !!awardTypeId });
  const { setValue } = useFormContext();
  const kind = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!type) return;
    if (kind.current && kind.current !== type.nomineeKind) {
      setValue('nomineeMemberId', null);
      setValue('nomineeUnitId', null);
    }
    kind.current = type.nomineeKind;
  }, [type, setValue]);
  if (!awardTypeId || !type) return <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.nominations.empty_nominee_kind')}</Alert>;
  if (type.nomineeKind === 'INDIVIDUAL')
    return (
      <ReferenceInput source="nomineeMemberId" reference="members" filter={{ status: 'ACTIVE' }}>
        <AutocompleteInput optionText={memberText} filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
      </ReferenceInput>
    );
  return <UnitOfLevel source="nomineeUnitId" levelSource="nomineeLevel" required />;
};

/**
 * Only the award types the nominating unit may propose (the server's rule, asked of the server:
 * `proposableBy`): a grassroots union sees its own titles and those of the levels above, a
 * federation no grassroots title.
 */
const AwardTypeInput = () => {
  const user = useSessionUser();
  const chosen = useWatch({ name: 'nominatingUnitId' });
  const unit = chosen ?? user?.scopeUnitId ?? null;
  const filter = unit ? { active: true, proposableBy: String(unit) } : { active: true };
  return (
    <ReferenceInput source="awardTypeId" reference="awardTypes" filter={filter} perPage={100} sort={{ field: 'code', order: 'ASC' }} key={String(unit)}>
      <AutocompleteInput optionText={awardTypeText} filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
    </ReferenceInput>
  );
};

const NominationForm = () => {
  const user = useSessionUser();
  return (
    <SimpleForm sx={{ maxWidth: 860 }} defaultValues={{ year: thisYear() }}>
      <AwardTypeInput />
      <NumberInput source="year" validate={[required(), minValue(2000)]} step={1} />
      <NomineeInput />
      {!user?.scopeUnitId && <UnitOfLevel source="nominatingUnitId" levelSource="nominatingLevel" required />}
      <TextInput source="achievements" multiline minRows={5} fullWidth validate={[required(), maxLength(20000)]} />
    </SimpleForm>
  );
};

/** Form-only fields never reach the API; a nominee is a member or a unit, never both. */
const transform = (data: Record<string, any>) => {
  const { nomineeLevel: _a, nominatingLevel: _b, ...rest } = data;
  if (rest.nomineeMemberId) rest.nomineeUnitId = null;
  else if (rest.nomineeUnitId) rest.nomineeMemberId = null;
  return rest;
};

export const NominationCreate = () => (
  <Create redirect="show" transform={transform}>
    <NominationForm />
  </Create>
);

export const NominationEdit = () => (
  <Edit title={<RecordTitle source="nomineeName" />} mutationMode="pessimistic" redirect="show" transform={transform} queryOptions={useNotFoundHome()}>
    <NominationForm />
  </Edit>
);
