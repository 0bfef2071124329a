import HistoryIcon from '@mui/icons-material/History';
import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, UnitRefField, useOrgUnit } from '../common/fields';
import { formatDate, formatDateTime } from '../common/format';
import { fieldLabel, type Translate } from '../providers/errors';
import { LEVEL_RESOURCE } from '../providers/resources';
import { Line, ResponsiveRows, Tail } from '../common/responsive';
import { useNotFoundHome } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { DateTextInput } from '../common/inputs';

const ENTITY_TYPES = ['OrgUnit', 'Member', 'User', 'Nomination', 'Award', 'AwardType'];
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'MOVE', 'SUBMIT', 'APPROVE', 'REJECT', 'RETURN', 'WITHDRAW', 'IMPORT'];

/** An audit action in words: CRUD verbs and workflow verbs both. */
const actionText = (translate: Translate, action: string) =>
  translate(`cd.enums.AuditAction.${action}`, { _: translate(`cd.enums.NominationAction.${action}`, { _: action }) });

const ActionField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return <FunctionField source={source} render={(r: any) => actionText(translate, r.action)} />;
};

const EntityTypeField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return <FunctionField source={source} render={(r: any) => translate(`cd.enums.EntityType.${r.entityType}`, { _: r.entityType })} />;
};

/** The panel's resource showing each audited type (units: by their level). */
const ENTITY_RESOURCE: Record<string, string> = {
  Member: 'members', User: 'users', Nomination: 'nominations', Award: 'awards', AwardType: 'awardTypes',
};

const UnitLink = ({ id }: { id: string }) => {
  const { data } = useOrgUnit(id);
  if (!data) return <>{`#${id}`}</>;
  return (
    <MuiLink component={Link} to={`/${LEVEL_RESOURCE[data.level]}/${id}/show`} onClick={(e) => e.stopPropagation()} underline="hover">
      {data.name}
    </MuiLink>
  );
};

/** The audited record, as a link to its page. */
const EntityLink = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  if (!record || record[source] == null) return null;
  const id = String(record[source]);
  if (record.entityType === 'OrgUnit') return <UnitLink id={id} />;
  const resource = ENTITY_RESOURCE[record.entityType];
  if (!resource) return <>{`#${id}`}</>;
  return (
    <MuiLink component={Link} to={`/${resource}/${id}/show`} onClick={(e) => e.stopPropagation()} underline="hover" data-testid="audit-entity-link">
      {`#${id}`}
    </MuiLink>
  );
};

const AuditList = () => {
  const translate = useTranslate();
  const filters = [
    <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPES.map((t) => ({ id: t, name: `cd.enums.EntityType.${t}` }))} alwaysOn />,
    <SelectInput key="action" source="action" choices={ACTIONS.map((a) => ({ id: a, name: actionText(translate, a) }))} alwaysOn translateChoice={false} />,
    <DateTextInput key="at_gte" source="at_gte" alwaysOn />,
    <DateTextInput key="at_lt" source="at_lt" />,
    <TextInput key="entityId" source="entityId" />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={50}
      actions={
        <ListActions
          create={false}
          columns={[
            { source: 'at', kind: 'datetime' },
            { source: 'actorName' },
            { source: 'action' },
            { source: 'entityType', kind: 'enum', enumName: 'EntityType' },
            { source: 'entityId' },
            { source: 'unitId', kind: 'unit' },
          ]}
        />
      }
    >
      <ResponsiveRows
        primaryText={(r) => r.actorName ?? ''}
        secondaryText={
          <Line>
            <ActionField source="action" />
            <FunctionField source="entityType" render={(r: any) => `${translate(`cd.enums.EntityType.${r.entityType}`, { _: r.entityType })} #${r.entityId}`} />
          </Line>
        }
        tertiaryText={<Tail><DateTimeField source="at" /></Tail>}
      >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="at" />
        <TextField source="actorName" sortable={false} />
        <ActionField source="action" />
        <EntityTypeField source="entityType" />
        <EntityLink source="entityId" />
        <UnitRefField source="unitId" sortable={false} />
      </Datagrid>
      </ResponsiveRows>
    </List>
  );
};

function parse(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string' || !json) return {};
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

const show = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Which enumeration a field's values belong to, by field (and entity type for a status). */
function enumOf(entityType: string, field: string): string | undefined {
  if (field === 'status' || field === 'fromStatus' || field === 'toStatus') return entityType === 'Member' ? 'MemberStatus' : entityType === 'Nomination' ? 'NominationStatus' : undefined;
  if (field === 'level' || field === 'currentLevel' || field === 'decidingLevel') return 'OrgLevel';
  return ({ gender: 'Gender', role: 'Role', nomineeKind: 'NomineeKind', decision: 'ReviewDecision' } as Record<string, string>)[field];
}

/** A recorded value in words: enumerations translated, dates as dd/mm/yyyy, yes/no. */
function valueText(translate: Translate, entityType: string, field: string, v: unknown): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'boolean') return translate(v ? 'cd.common.yes' : 'cd.common.no');
  if (typeof v === 'string') {
    const e = enumOf(entityType, field);
    if (e) return translate(`cd.enums.${e}.${v}`, { _: v });
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
  }
  return show(v);
}

/** A recorded field's label: the resource's own label, else the audit's extra labels, else the name. */
function diffLabel(translate: Translate, entityType: string, field: string): string {
  const extra = translate(`resources.auditEvents.extra_fields.${field}`, { _: '' });
  if (extra) return extra;
  return fieldLabel(translate, field, ENTITY_RESOURCE[entityType] ?? (entityType === 'OrgUnit' ? 'grassrootsUnions' : undefined));
}

/** Before and after, field by field; changed fields stand out. */
const Diff = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const before = parse(record.before);
  const after = parse(record.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!keys.length) return null;
  return (
    <Table size="small" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.auditEvents.diff.field')}</TableCell>
          <TableCell>{translate('resources.auditEvents.diff.before')}</TableCell>
          <TableCell>{translate('resources.auditEvents.diff.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map((k) => {
          const changed = show(before[k]) !== show(after[k]);
          return (
            <TableRow key={k} sx={changed ? { bgcolor: 'warning.light' } : undefined}>
              <TableCell><Typography variant="body2" title={k}>{diffLabel(translate, record.entityType, k)}</Typography></TableCell>
              <TableCell>{valueText(translate, record.entityType, k, before[k])}</TableCell>
              <TableCell>{valueText(translate, record.entityType, k, after[k])}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

const AuditShow = () => (
  <Show queryOptions={useNotFoundHome()}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="actorName" />
      <ActionField source="action" />
      <EntityTypeField source="entityType" />
      <EntityLink source="entityId" />
      <UnitRefField source="unitId" />
      <Diff />
    </SimpleShowLayout>
  </Show>
);

export default { list: AuditList, show: AuditShow, icon: HistoryIcon };
