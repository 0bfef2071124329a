import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
  Labeled,
  List,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleList,
  SimpleShowLayout,
  SingleFieldList,
  ChipField,
  TextField,
  TextInput,
  TopToolbar,
  type Validator,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { ExportColumn } from '../common/ExportButtons';
import { DateOnlyField, EnumField, enumChoices, StatusChip, UnitRefField, VndField } from '../common/fields';
import { formatDate, formatNumber, formatVnd, thisYear } from '../common/format';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { DateTextInput } from '../common/inputs';
import { ListActions } from '../common/ListActions';
import { UnitOfLevel } from '../common/UnitOfLevel';
import { LEVEL_RANK, type ResourceName } from '../providers/resources';
import { ReferenceFilter } from '../common/ReferenceFilter';

/**
 * One factory for the screens of the union's year records (targets, welfare, ratings,
 * initiatives, congresses, seats, movements, clusters, entries, indicators, year-end conferences): each resource is a
 * list of field descriptions (specs.tsx), from which come the list (a table, or a SimpleList on a
 * phone), the show page, and the create and edit forms. Computed fields are shown, never sent.
 */

export type FieldKind =
  | 'text' // a line of text
  | 'longtext' // several lines
  | 'int' // a whole number
  | 'year' // a calendar year
  | 'number' // a decimal number (Vietnamese format on screen)
  | 'percent' // a rate in %
  | 'vnd' // an amount of đồng
  | 'date' // an ISO date, typed and shown dd/mm/yyyy
  | 'enum' // a schema enum, labels in cd.enums.<enumName>
  | 'bool'
  | 'unit' // a unit of any level (polymorphic id)
  | 'ref' // an id of another resource
  | 'refs'; // ids of members (initiative authors)

export interface YearField {
  source: string;
  kind: FieldKind;
  enumName?: string;
  values?: readonly string[];
  reference?: ResourceName;
  /** how a referenced record is named (default: name) */
  optionText?: string | ((r: any) => string);
  required?: boolean;
  /** computed by the server: shown read-only, never sent */
  computed?: boolean;
  /** set when the record is made, read-only afterwards (the update mutation does not take it) */
  fixed?: boolean;
  /** shown as a column of the list */
  column?: boolean;
  /** offered as a list filter (enums, references) */
  filter?: boolean;
  /** not on the forms (the server sets it) */
  serverSet?: boolean;
  /** only on the edit form */
  editOnly?: boolean;
  /** levels a unit field may be (default: all four) */
  levels?: readonly string[];
  validate?: Validator[];
  helperText?: string;
  /** the referenced list takes no q: the autocomplete lists without searching */
  noSearch?: boolean;
  /** a custom display, for show and list */
  render?: ComponentType<{ source: string }>;
}

export interface YearResourceSpec {
  resource: ResourceName;
  icon: ComponentType;
  fields: YearField[];
  /** the list takes q (words of the name or title) */
  search?: boolean;
  /** the list filters by year (`year` filter) */
  yearFilter?: boolean;
  /** the ancestor filters the API offers for this type (federationId, unionId, grassrootsUnionId) */
  ancestors?: boolean;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** the three lines of a row on a phone */
  primaryText: (r: any) => ReactNode;
  secondaryText?: (r: any) => ReactNode;
  tertiaryText?: (r: any) => ReactNode;
  /** what a page title shows */
  title?: (r: any) => string;
  /** new records start with these (the account's own unit goes into `unitField`) */
  defaults?: () => Record<string, unknown>;
  unitField?: string;
  /** shown below the show page's fields (a congress's elected seats) */
  showExtra?: ComponentType;
  /** opened on row click */
  rowClick?: 'show' | 'edit';
  /** where create and edit go once saved (default: the record's show page) */
  redirect?: 'show' | 'list';
}

const levelSource = (source: string) => `${source}__level`;

/** A rate as Vietnamese write it: 183,5 %. */
export const formatPercent = (v: number | null | undefined) => (v == null ? '' : `${formatNumber(v)} %`);

const NumberText = ({ source, kind }: { source: string; kind: FieldKind }) => {
  const record = useRecordContext();
  const v = record?.[source] as number | null | undefined;
  const text = kind === 'vnd' ? formatVnd(v) : kind === 'percent' ? formatPercent(v) : kind === 'year' ? (v == null ? '' : String(v)) : formatNumber(v);
  return <Typography component="span" variant="body2">{text}</Typography>;
};

/** One field, shown (list cell, show page). */
export function display(f: YearField, inList = false): ReactElement {
  const sortable = !(f.computed || f.kind === 'refs' || f.kind === 'longtext');
  if (f.render) {
    const R = f.render;
    return <R key={f.source} source={f.source} {...({ sortable: false } as object)} />;
  }
  switch (f.kind) {
    case 'enum':
      return f.enumName === 'TargetStatus' ? (
        <StatusChip key={f.source} source={f.source} enumName={f.enumName} sortable={false} />
      ) : (
        <EnumField key={f.source} source={f.source} enumName={f.enumName!} sortable={sortable} />
      );
    case 'bool':
      return <BooleanField key={f.source} source={f.source} sortable={sortable} />;
    case 'date':
      return <DateOnlyField key={f.source} source={f.source} sortable={sortable} />;
    case 'vnd':
      return inList ? <NumberText key={f.source} source={f.source} kind="vnd" /> : <VndField key={f.source} source={f.source} />;
    case 'int':
    case 'year':
    case 'number':
    case 'percent':
      return <NumberText key={f.source} source={f.source} kind={f.kind} {...({ sortable } as object)} />;
    case 'unit':
      return <UnitRefField key={f.source} source={f.source} sortable={false} emptyText="cd.common.none" />;
    case 'ref':
      return (
        <ReferenceField key={f.source} source={f.source} reference={f.reference!} link="show" sortable={false} emptyText="—">
          <RefText optionText={f.optionText} />
        </ReferenceField>
      );
    case 'refs':
      return (
        <ReferenceArrayField key={f.source} source={f.source} reference={f.reference!} sortable={false}>
          <SingleFieldList linkType="show">
            <ChipField source={typeof f.optionText === 'string' ? f.optionText : 'fullName'} size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      );
    default:
      return <TextField key={f.source} source={f.source} sortable={sortable} />;
  }
}

const RefText = ({ optionText = 'name' }: { optionText?: string | ((r: any) => string) }) => {
  const record = useRecordContext();
  if (!record) return null;
  const text = typeof optionText === 'function' ? optionText(record) : String(record[optionText] ?? '');
  return <Typography component="span" variant="body2">{text}</Typography>;
};

/** A number input that shows the amount as VND under it (1.350.000.000 ₫). */
const VndInput = ({ source, validate, helperText }: { source: string; validate?: Validator[]; helperText?: string }) => {
  const value = useWatch({ name: source });
  const translate = useTranslate();
  const hint = value != null && value !== '' ? formatVnd(Number(value)) : helperText ? translate(helperText) : undefined;
  return <NumberInput source={source} validate={validate} helperText={hint} step={1000} />;
};

const positive: Validator = (v) => (v == null || v === '' || Number(v) > 0 ? undefined : 'cd.errors.positive');
const notNegative: Validator = (v) => (v == null || v === '' || Number(v) >= 0 ? undefined : 'cd.errors.not_negative');
const atLeastOne: Validator = (v) => (v == null || v === '' || Number(v) >= 1 ? undefined : 'cd.errors.at_least_one');
const score: Validator = (v) => (v == null || v === '' || (Number(v) >= 0 && Number(v) <= 100) ? undefined : 'cd.errors.score');
const integer: Validator = (v) => (v == null || v === '' || Number.isInteger(Number(v)) ? undefined : 'cd.year.import.bad_integer');
export const V = { positive, notNegative, atLeastOne, score, integer };

/** One field, as a form input. */
function input(f: YearField, editing: boolean, resource: ResourceName): ReactElement | null {
  if (f.serverSet) return null;
  if (f.editOnly && !editing) return null;
  if (f.computed && !editing) return null;
  if (f.computed || (f.fixed && editing)) {
    return (
      <Labeled key={f.source} source={f.source} resource={resource}>
        {display(f)}
      </Labeled>
    );
  }
  const validate = [...(f.required ? [required()] : []), ...(f.validate ?? [])];
  const v = validate.length ? validate : undefined;
  const helperText = f.helperText;
  switch (f.kind) {
    case 'text':
      return <TextInput key={f.source} source={f.source} validate={[...validate, maxLength(500)]} fullWidth helperText={helperText} />;
    case 'longtext':
      return <TextInput key={f.source} source={f.source} validate={[...validate, maxLength(5000)]} multiline minRows={2} fullWidth helperText={helperText} />;
    case 'int':
      return <NumberInput key={f.source} source={f.source} validate={[...validate, integer]} step={1} helperText={helperText} />;
    case 'year':
      return <NumberInput key={f.source} source={f.source} validate={[...validate, integer, minValue(1990), maxValue(2100)]} step={1} helperText={helperText} />;
    case 'number':
    case 'percent':
      return <NumberInput key={f.source} source={f.source} validate={v} helperText={helperText} />;
    case 'vnd':
      return <VndInput key={f.source} source={f.source} validate={v} helperText={helperText} />;
    case 'date':
      return <DateTextInput key={f.source} source={f.source} validate={v} helperText={helperText} />;
    case 'enum':
      return <SelectInput key={f.source} source={f.source} choices={enumChoices(f.enumName!, f.values!)} validate={v} helperText={helperText} />;
    case 'bool':
      return <BooleanInput key={f.source} source={f.source} helperText={helperText} />;
    case 'unit':
      return <UnitInput key={f.source} field={f} resource={resource} />;
    case 'ref':
      return (
        <ReferenceInput key={f.source} source={f.source} reference={f.reference!} perPage={50}>
          <AutocompleteInput optionText={f.optionText ?? 'name'} filterToQuery={f.noSearch ? () => ({}) : (q: string) => ({ q })} validate={v} fullWidth helperText={helperText} />
        </ReferenceInput>
      );
    case 'refs':
      return (
        <ReferenceArrayInput key={f.source} source={f.source} reference={f.reference!}>
          <AutocompleteArrayInput optionText={f.optionText ?? 'name'} filterToQuery={(q: string) => ({ q })} validate={v} fullWidth helperText={helperText} />
        </ReferenceArrayInput>
      );
  }
}

/** A unit of any level: its level (named after the field), then the unit. */
const UnitInput = ({ field: f, resource }: { field: YearField; resource: ResourceName }) => {
  const translate = useTranslate();
  const name = translate(`resources.${resource}.fields.${f.source}`);
  return (
    <UnitOfLevel
      source={f.source}
      levelSource={levelSource(f.source)}
      levelLabel={`${name} – ${translate('cd.year.unit_level').toLowerCase()}`}
      required={f.required}
      helperText={f.helperText}
      levels={f.levels}
    />
  );
};

/** Form-only fields (the level beside a unit) and computed fields never reach the API. */
function transformOf(spec: YearResourceSpec) {
  const drop = new Set(spec.fields.flatMap((f) => [...(f.kind === 'unit' ? [levelSource(f.source)] : []), ...(f.computed ? [f.source] : [])]));
  return (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => !drop.has(k)));
}

const exportColumns = (spec: YearResourceSpec): ExportColumn[] =>
  spec.fields
    .filter((f) => f.column || f.required || f.computed)
    .flatMap<ExportColumn>((f) => {
      switch (f.kind) {
        case 'enum':
          return [{ source: f.source, kind: 'enum', enumName: f.enumName! }];
        case 'bool':
          return [{ source: f.source, kind: 'bool' }];
        case 'date':
          return [{ source: f.source, kind: 'date' }];
        case 'unit':
          return [{ source: f.source, kind: 'unit' } as ExportColumn];
        case 'refs':
          return [];
        default:
          return [{ source: f.source }];
      }
    });

const ANCESTORS = [
  { level: 'FEDERATION', source: 'federationId', reference: 'federations' },
  { level: 'UNION', source: 'unionId', reference: 'unions' },
  { level: 'GRASSROOTS', source: 'grassrootsUnionId', reference: 'grassrootsUnions' },
] as const;

function yearList(spec: YearResourceSpec) {
  const columns = spec.fields.filter((f) => f.column);
  const exported = exportColumns(spec);
  return function YearList() {
    const translate = useTranslate();
    const user = useSessionUser();
    const small = useMediaQuery((t: Theme) => t.breakpoints.down('sm'));
    const rank = user?.scopeLevel ? LEVEL_RANK[user.scopeLevel] : 99;
    const filters: ReactElement[] = [];
    if (spec.search) filters.push(<SearchInput key="q" source="q" alwaysOn placeholder={translate('ra.action.search')} sx={{ minWidth: 220 }} />);
    if (spec.yearFilter)
      filters.push(<NumberInput key="year" source="year" label="cd.common.year_filter" alwaysOn step={1} sx={{ width: 110 }} parse={(v: string) => (v === '' || v == null ? undefined : Number(v))} />);
    if (spec.ancestors)
      for (const a of ANCESTORS)
        if (rank > LEVEL_RANK[a.level])
          filters.push(
            <ReferenceFilter key={a.source} source={a.source} reference={a.reference}>
              <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
            </ReferenceFilter>,
          );
    for (const f of spec.fields.filter((x) => x.filter))
      filters.push(
        f.kind === 'enum' ? (
          <SelectInput key={f.source} source={f.source} choices={enumChoices(f.enumName!, f.values!)} />
        ) : f.kind === 'bool' ? (
          <BooleanInput key={f.source} source={f.source} />
        ) : (
          <ReferenceFilter key={f.source} source={f.source} reference={f.reference!}>
            <AutocompleteInput optionText={f.optionText ?? 'name'} filterToQuery={f.noSearch ? () => ({}) : (q: string) => ({ q })} sx={{ minWidth: 240 }} />
          </ReferenceFilter>
        ),
      );
    return (
      <List filters={filters} sort={spec.sort ?? { field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions columns={exported} filters={filters.length > 0} />}>
        {small ? (
          <SimpleList
            primaryText={spec.primaryText}
            secondaryText={spec.secondaryText}
            tertiaryText={spec.tertiaryText}
            linkType={spec.rowClick ?? 'show'}
          />
        ) : (
          <Datagrid rowClick={spec.rowClick ?? 'show'} bulkActionButtons={false}>
            {columns.map((f) => display(f, true))}
          </Datagrid>
        )}
      </List>
    );
  };
}

const Title = ({ spec }: { spec: YearResourceSpec }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const name = translate(`resources.${spec.resource}.name`, { smart_count: 1 });
  if (!record) return <>{name}</>;
  return <>{spec.title ? `${name}: ${spec.title(record)}` : name}</>;
};

function yearShow(spec: YearResourceSpec) {
  const Extra = spec.showExtra;
  return function YearShow() {
    return (
      <Show title={<Title spec={spec} />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
        <SimpleShowLayout>
          {spec.fields.map((f) => display(f))}
        </SimpleShowLayout>
        {Extra && <Extra />}
      </Show>
    );
  };
}

function yearForm(spec: YearResourceSpec) {
  return function YearForm({ editing = false }: { editing?: boolean }) {
    const user = useSessionUser();
    const defaults: Record<string, unknown> = { ...(editing ? {} : (spec.defaults?.() ?? {})) };
    const unitField = spec.unitField;
    if (!editing && unitField && user?.scopeUnitId && user.scopeLevel) {
      defaults[unitField] = user.scopeUnitId;
      defaults[levelSource(unitField)] = user.scopeLevel;
    }
    return (
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={defaults}>
        {spec.fields.map((f) => input(f, editing, spec.resource))}
      </SimpleForm>
    );
  };
}

/** The react-admin screens of one year resource: `resource('targets', yearResource(TARGETS))`. */
export function yearResource(spec: YearResourceSpec) {
  const Form = yearForm(spec);
  const transform = transformOf(spec);
  return {
    list: yearList(spec),
    show: yearShow(spec),
    edit: function YearEdit() {
      return (
        <Edit title={<Title spec={spec} />} mutationMode="pessimistic" redirect={spec.redirect ?? 'show'} transform={transform} queryOptions={useNotFoundHome()}>
          <Form editing />
        </Edit>
      );
    },
    create: function YearCreate() {
      return (
        <Create redirect={spec.redirect ?? 'show'} transform={transform}>
          <Form />
        </Create>
      );
    },
    icon: spec.icon,
    recordRepresentation: (r: any) => (spec.title ? spec.title(r) : String(r.id)),
  };
}

/** The current year, for new records. */
export const withYear = () => ({ year: thisYear() });

/** A chip for a yes/no computed value (Congress.quorate). */
export const QuorateChip = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record[source] == null) return null;
  const ok = !!record[source];
  return <Chip size="small" color={ok ? 'success' : 'error'} label={translate(`cd.enums.Quorate.${ok}`)} data-quorate={String(ok)} />;
};

/** The computed rate, with the printed one beside it when a report printed one. */
export const RateField = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const rate = record[source] as number | null;
  const printed = record.reportedRate as number | null;
  return (
    <Typography component="span" variant="body2" data-testid="target-rate">
      {formatPercent(rate)}
      {printed != null && printed !== rate && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}({translate(`resources.targets.printed_gap`, { printed: formatPercent(printed), gap: formatNumber(record.rateGap ?? (rate == null ? null : printed - rate)) })})
        </Typography>
      )}
    </Typography>
  );
};

export const fmt = { date: formatDate, vnd: formatVnd, number: formatNumber, percent: formatPercent };
