import AssessmentIcon from '@mui/icons-material/Assessment';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Link } from 'react-router-dom';
import { canAccess } from '../providers/canAccess';
import { Box } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Button,
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
  SearchInput,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  type TranslateFunction,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Line, ResponsiveRows } from '../common/responsive';
import type { ExportColumn } from '../common/ExportButtons';
import { DateTimeField, RecordTitle } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { UnitBreadcrumb } from '../common/UnitBreadcrumb';
import { LEVEL_RANK, type ResourceName, UNIT_LEVELS } from '../providers/resources';
import type { UnitLevel } from '../providers/sessionUser';
import { CHILD_TAB, type ParentSpec, UNIT_SCREENS, type UnitLevelScreens } from './levels';
import { ChildUnits, UnitAwards, UnitInfo, UnitMembers } from './tabs';
import { ReferenceFilter } from '../common/ReferenceFilter';
import { PREFETCHED_REFERENCE } from '../providers/dataProvider';

/**
 * The screens of the four org-unit resources (federations, unions, grassroots unions, teams), made
 * by one factory from what differs between their levels (levels.tsx): list, show, edit, create.
 */

/** A parent as the screens use it: its level's spec plus the field and the resource it names. */
type Parent = ParentSpec & { source: string; reference: ResourceName };
const parentOf = (p: ParentSpec): Parent => ({ ...p, source: UNIT_LEVELS[p.level].field, reference: UNIT_LEVELS[p.level].resource });
const refOf = (level: UnitLevel) => ({ source: UNIT_LEVELS[level].field, reference: UNIT_LEVELS[level].resource });

const byName = (q: string) => ({ q });

/** The diacritics-insensitive search box, the parent filters, and dissolved units. */
const unitFilters = (translate: TranslateFunction, more: ReactElement[]) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('ra.action.search')} sx={{ minWidth: 260 }} />,
  ...more,
  <BooleanInput key="active" source="active" label="cd.common.include_dissolved" format={(v: unknown) => v === false} parse={(v: boolean) => (v ? false : undefined)} />,
];

const exportColumns = (parents: Parent[]): ExportColumn[] => [
  { source: 'name' },
  { source: 'code' },
  ...parents.map((p) => ({ source: p.source, kind: 'ref' as const, reference: p.reference })),
  { source: 'active', kind: 'bool' },
  { source: 'createdAt', kind: 'date' },
];

function unitList(spec: UnitLevelScreens, parents: Parent[]) {
  const columns = exportColumns(parents);
  const topDown = [...parents].reverse();
  return function UnitList() {
    const translate = useTranslate();
    const user = useSessionUser();
    const rank = user?.scopeLevel ? LEVEL_RANK[user.scopeLevel] : 99;
    // A parent filter is offered only where it narrows: when the scope lies above that parent's level.
    const filters = topDown
      .filter((p) => rank > LEVEL_RANK[p.level])
      .map((p) => (
        <ReferenceFilter key={p.source} source={p.source} reference={p.reference} alwaysOn>
          <AutocompleteInput optionText="name" filterToQuery={byName} sx={{ minWidth: p.filterWidth }} />
        </ReferenceFilter>
      ));
    return (
      <List filters={unitFilters(translate, filters)} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={columns} />}>
        <ResponsiveRows
          primaryText={(r) => r.name}
          secondaryText={
            <Line>
              <TextField source="code" />
              {parents.slice(0, 1).map((p) => (
                <ReferenceField key={p.source} source={p.source} reference={p.reference} link={false} emptyText="" queryOptions={PREFETCHED_REFERENCE}>
                  <TextField source="name" />
                </ReferenceField>
              ))}
            </Line>
          }
        >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="code" />
          {parents.map((p) => (
            <ReferenceField key={p.source} source={p.source} reference={p.reference} link="show" sortable={false} emptyText="—" queryOptions={PREFETCHED_REFERENCE}>
              <TextField source="name" />
            </ReferenceField>
          ))}
          {spec.listsCreatedAt && <DateTimeField source="createdAt" />}
        </Datagrid>
        </ResponsiveRows>
      </List>
    );
  };
}

/** This unit's year report (the report page, with the unit chosen). */
const YearReportButton = () => {
  const record = useRecordContext();
  const user = useSessionUser();
  if (!record || !canAccess(user, { resource: 'yearReport', action: 'read' })) return null;
  return <Button component={Link} to={`/year-report?unitId=${record.id}`} label="cd.menu.year_report"><AssessmentIcon /></Button>;
};

/** "Add a member" straight into this grassroots union (the create form starts with it chosen). */
const AddMemberButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CreateButton resource="members" label="resources.members.action.add_to_unit" state={{ record: { grassrootsUnionId: record.id } }} icon={<PersonAddIcon />} />
  );
};

function unitShow(spec: UnitLevelScreens, parents: Parent[], resource: ResourceName) {
  const self = UNIT_LEVELS[spec.level].field;
  // A unit's member tab shows the columns that still tell its members apart.
  const showUnit = LEVEL_RANK[spec.level] > LEVEL_RANK.GRASSROOTS;
  const showTeam = spec.level !== 'TEAM';
  return function UnitShow() {
    return (
      <Show
        title={<RecordTitle source="name" />}
        queryOptions={useNotFoundHome()}
        actions={
          <TopToolbar>
            {spec.addsMembers && <AddMemberButton />}
            <YearReportButton />
            <EditButton />
          </TopToolbar>
        }
      >
        <Box sx={{ px: 2, pt: 2 }}><UnitBreadcrumb /></Box>
        <TabbedShowLayout>
          <Tab label="cd.common.info"><UnitInfo resource={resource} parents={parents} /></Tab>
          {spec.children.map((c) => (
            <Tab key={c.level} label={CHILD_TAB[c.level].label} path={CHILD_TAB[c.level].path}>
              <ChildUnits reference={UNIT_LEVELS[c.level].resource} target={self} showParent={c.showParent && refOf(c.showParent)} />
            </Tab>
          ))}
          <Tab label="cd.common.members" path="members"><UnitMembers target={self} showUnit={showUnit} showTeam={showTeam} /></Tab>
          <Tab label="cd.common.awards" path="awards"><UnitAwards /></Tab>
        </TabbedShowLayout>
      </Show>
    );
  };
}

/** Shown only while another field of the form is empty (a grassroots union's federation, when it has no union). */
const OnlyWithout = ({ field, children }: { field: string; children: ReactNode }) => (useWatch({ name: field }) ? null : <>{children}</>);

function unitForm(parents: Parent[]) {
  return function UnitForm({ editing = false }: { editing?: boolean }) {
    const user = useSessionUser();
    // A new unit starts under the account's own scope unit when that is a possible parent.
    const defaults: Record<string, unknown> = {};
    if (!editing) for (const p of parents) if (user?.scopeLevel === p.level) defaults[p.source] = user.scopeUnitId;
    return (
      <SimpleForm sx={{ maxWidth: 720 }} defaultValues={defaults}>
        <TextInput source="name" validate={[required(), maxLength(255)]} fullWidth />
        <TextInput source="code" validate={maxLength(64)} />
        {parents.map((p) => {
          const input = (
            <ReferenceInput key={p.source} source={p.source} reference={p.reference}>
              <AutocompleteInput
                optionText="name"
                filterToQuery={byName}
                validate={p.required ? required() : undefined}
                fullWidth
                helperText={p.helperText}
                readOnly={!!p.fixedForScope && user?.scopeLevel === p.level}
              />
            </ReferenceInput>
          );
          return p.onlyWithout ? <OnlyWithout key={p.source} field={p.onlyWithout}>{input}</OnlyWithout> : input;
        })}
        {editing && <BooleanInput source="active" />}
      </SimpleForm>
    );
  };
}

/** The react-admin resource of one unit level: `<Resource name=… {...unitResource(level)} />`. */
export function unitResource(level: UnitLevel) {
  const spec = UNIT_SCREENS[level];
  const resource = UNIT_LEVELS[level].resource;
  const parents = spec.parents.map(parentOf);
  const UnitForm = unitForm(parents);
  return {
    list: unitList(spec, parents),
    show: unitShow(spec, parents, resource),
    edit: function UnitEdit() {
      return (
        <Edit title={<RecordTitle source="name" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
          <UnitForm editing />
        </Edit>
      );
    },
    create: function UnitCreate() {
      return (
        <Create redirect="show">
          <UnitForm />
        </Create>
      );
    },
    icon: spec.icon,
    recordRepresentation: 'name',
  };
}
