import HistoryIcon from '@mui/icons-material/History';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
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
import { Line, ResponsiveRows } from '../common/responsive';
import { DateTimeField, UnitRefField } from '../common/fields';
import { useNotFoundHome } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { DateTextInput } from '../common/inputs';

const ENTITY_TYPES = ['OrgUnit', 'Member', 'User', 'Nomination', 'Award', 'AwardType'];
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'MOVE', 'SUBMIT', 'APPROVE', 'REJECT', 'RETURN', 'WITHDRAW', 'IMPORT'];

/** Audit actions are CRUD verbs or workflow verbs; both are translated. */
const ActionField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      render={(r: any) => translate(`cd.enums.AuditAction.${r.action}`, { _: translate(`cd.enums.NominationAction.${r.action}`, { _: r.action }) })}
    />
  );
};

const AuditList = () => {
  const translate = useTranslate();
  const filters = [
    <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPES.map((t) => ({ id: t, name: `cd.enums.EntityType.${t}` }))} alwaysOn />,
    <SelectInput key="action" source="action" choices={ACTIONS.map((a) => ({ id: a, name: a }))} alwaysOn translateChoice={false} />,
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
        tertiaryText={<DateTimeField source="at" />}
      >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="at" />
        <TextField source="actorName" sortable={false} />
        <ActionField source="action" />
        <FunctionField source="entityType" render={(r: any) => translate(`cd.enums.EntityType.${r.entityType}`, { _: r.entityType })} />
        <TextField source="entityId" />
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
              <TableCell><Typography variant="body2" sx={{ fontFamily: "monospace" }}>{k}</Typography></TableCell>
              <TableCell>{show(before[k])}</TableCell>
              <TableCell>{show(after[k])}</TableCell>
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
      <TextField source="entityType" />
      <TextField source="entityId" />
      <UnitRefField source="unitId" />
      <Diff />
    </SimpleShowLayout>
  </Show>
);

export default { list: AuditList, show: AuditShow, icon: HistoryIcon };
