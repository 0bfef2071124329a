import { type ComponentType, useState } from 'react';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  List,
  maxLength,
  minValue,
  NumberField,
  NumberInput,
  ReferenceInput,
  required,
  type ResourceProps,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  type Validator,
} from 'react-admin';
import type { ExportColumn } from '../common/ExportButtons';
import { DateOnlyField, enumChoices, UnitRefField, UNIT_LEVELS as LEVELS } from '../common/fields';
import { DateTextInput } from '../common/inputs';
import { ListActions } from '../common/ListActions';
import { UNIT_LEVELS } from '../providers/resources';
import type { UnitLevel } from '../providers/sessionUser';

/**
 * The screens of a simple record (the union's year records): list, create, edit, made from one
 * table of its fields. Labels come from the dictionaries (`resources.<name>.fields.<source>`);
 * the server checks everything again and names the field it refuses.
 */
export type RecordField = {
  source: string;
  /** `year`: a whole number shown without a thousands separator */
  kind: 'unit' | 'date' | 'int' | 'year' | 'text';
  required?: boolean;
  /** written on create only (the unit a record belongs to) */
  createOnly?: boolean;
  /** a list filter on this field (always shown) */
  filter?: boolean;
  /** text: the column's length */
  max?: number;
  /** int: the least value */
  min?: number;
};

export interface RecordSpec {
  fields: RecordField[];
  sort: { field: string; order: 'ASC' | 'DESC' };
}

const byName = (q: string) => ({ q });

/** A unit of any level: its level, then the unit among that level's (in the caller's scope). */
const UnitInput = ({ source, validate }: { source: string; validate?: Validator[] }) => {
  const [level, setLevel] = useState<UnitLevel>('GRASSROOTS');
  return (
    <>
      <SelectInput
        source={`_${source}Level`}
        label="cd.records.unit_level"
        choices={enumChoices('OrgLevel', LEVELS)}
        defaultValue={level}
        onChange={(e) => setLevel(e.target.value as UnitLevel)}
      />
      <ReferenceInput source={source} reference={UNIT_LEVELS[level].resource}>
        <AutocompleteInput optionText="name" filterToQuery={byName} validate={validate} sx={{ minWidth: 320 }} />
      </ReferenceInput>
    </>
  );
};

function input(f: RecordField, editing: boolean) {
  if (editing && f.createOnly) return null;
  const validate: Validator[] = [...(f.required ? [required()] : []), ...(f.max ? [maxLength(f.max)] : []), ...(f.min != null ? [minValue(f.min)] : [])];
  switch (f.kind) {
    case 'unit':
      return <UnitInput key={f.source} source={f.source} validate={validate} />;
    case 'date':
      return <DateTextInput key={f.source} source={f.source} validate={validate} />;
    case 'int':
    case 'year':
      return <NumberInput key={f.source} source={f.source} step={1} validate={validate} />;
    default:
      return <TextInput key={f.source} source={f.source} validate={validate} multiline={(f.max ?? 0) > 255} fullWidth={(f.max ?? 0) > 255} />;
  }
}

function column(f: RecordField) {
  switch (f.kind) {
    case 'unit':
      return <UnitRefField key={f.source} source={f.source} sortable={false} />;
    case 'date':
      return <DateOnlyField key={f.source} source={f.source} />;
    case 'int':
      return <NumberField key={f.source} source={f.source} />;
    case 'year':
      return <NumberField key={f.source} source={f.source} options={{ useGrouping: false }} />;
    default:
      return <TextField key={f.source} source={f.source} sortable={false} />;
  }
}

const EXPORT_KIND: Record<RecordField['kind'], ExportColumn['kind']> = { unit: 'unit', date: 'date', int: 'text', year: 'text', text: 'text' };

/** The react-admin screens of a record from its field table. */
export function recordResource(spec: RecordSpec): Omit<ResourceProps, 'name'> {
  const columns: ExportColumn[] = spec.fields.map((f) => ({ source: f.source, kind: EXPORT_KIND[f.kind] }));
  const Form = ({ editing }: { editing: boolean }) => <SimpleForm sx={{ maxWidth: 720 }}>{spec.fields.map((f) => input(f, editing))}</SimpleForm>;
  const RecordList = () => {
    const filters = spec.fields
      .filter((f) => f.filter)
      .map((f) => (f.kind === 'int' || f.kind === 'year' ? <NumberInput key={f.source} source={f.source} alwaysOn /> : <TextInput key={f.source} source={f.source} alwaysOn />));
    return (
      <List filters={filters} sort={spec.sort} actions={<ListActions columns={columns} />}>
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          {spec.fields.map(column)}
        </Datagrid>
      </List>
    );
  };
  return { list: RecordList, ...formScreens(Form) };
}

/** Edit (pessimistic: the server's refusal shows on the form) and create, both back to the list, around one form. */
export function formScreens(Form: ComponentType<{ editing: boolean }>): Pick<ResourceProps, 'edit' | 'create'> {
  return {
    edit: () => (
      <Edit mutationMode="pessimistic" redirect="list">
        <Form editing />
      </Edit>
    ),
    create: () => (
      <Create redirect="list">
        <Form editing={false} />
      </Create>
    ),
  };
}
