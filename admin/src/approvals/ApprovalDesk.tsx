import { Alert, Box, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  TextField,
  useGetList,
  useTranslate,
} from 'react-admin';
import { NomineeField, UnitRefField } from '../common/fields';
import { ExportButtons } from '../common/ExportButtons';
import { BulkReviewButtons, ReviewButtons } from '../nominations/ReviewButtons';
import { nominationExportColumns } from '../nominations/NominationList';
import { TopToolbar } from 'react-admin';
import { pendingDecisionOf, usePendingVersion } from '../nominations/pendingDecisions';
import { Line, ResponsiveRows } from '../common/responsive';

export const AWAITING_ME = { awaitingMyReview: true };

/** How many nominations wait for the signed-in reviewer (the menu badge and the dashboard). */
export function useAwaitingMyReviewCount(enabled = true) {
  const { total } = useGetList('nominations', { filter: AWAITING_ME, pagination: { page: 1, perPage: 1 } }, { enabled, staleTime: 30_000 });
  return total;
}

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 4, textAlign: 'center' }} data-testid="approvals-empty">
      <Typography variant="h6" color="text.secondary">{translate('cd.approvals.empty')}</Typography>
    </Box>
  );
};

const Achievements = () => (
  <FunctionField
    source="achievements"
    sortable={false}
    render={(r: any) => (
      <Typography variant="body2" sx={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
        {r.achievements}
      </Typography>
    )}
  />
);

/**
 * The approval desk: exactly the nominations the signed-in account may review now (the API's
 * awaitingMyReview filter), each with Approve / Return / Reject, and the same in bulk.
 */
export const ApprovalDesk = () => {
  const translate = useTranslate();
  // A row with a decision in flight (undo window) cannot be selected again.
  usePendingVersion();
  const selectable = (r: any) => !r.pendingDecision && !pendingDecisionOf(r.id);
  return (
    <Box data-testid="approval-desk">
      <Box sx={{ mt: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{translate('cd.approvals.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('cd.approvals.subtitle')}</Typography>
      </Box>
      <List
        resource="nominations"
        filter={AWAITING_ME}
        sort={{ field: 'updatedAt', order: 'ASC' }}
        disableSyncWithLocation
        storeKey="approvals"
        title="cd.approvals.title"
        perPage={25}
        empty={<Empty />}
        actions={<TopToolbar><ExportButtons columns={nominationExportColumns} filename="cho-duyet" /></TopToolbar>}
      >
        <ResponsiveRows
          primaryText={(r) => r.nomineeName}
          secondaryText={
            <Line>
              <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
                <TextField source="name" />
              </ReferenceField>
              <NumberField source="year" options={{ useGrouping: false }} />
              <UnitRefField source="nominatingUnitId" link={false} />
            </Line>
          }
          tertiaryText={(r) => `#${r.id}`}
          empty={<Empty />}
        >
        <Datagrid rowClick="show" bulkActionButtons={<BulkReviewButtons />} empty={<Empty />} isRowSelectable={selectable}>
          <TextField source="id" />
          <NomineeField source="nomineeName" label="resources.nominations.fields.nomineeName" />
          <ReferenceField source="awardTypeId" reference="awardTypes" link={false} sortable={false}>
            <TextField source="name" />
          </ReferenceField>
          <NumberField source="year" options={{ useGrouping: false }} />
          <UnitRefField source="nominatingUnitId" sortable={false} />
          <Achievements />
          <ReviewButtons />
        </Datagrid>
        </ResponsiveRows>
      </List>
      <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('cd.approvals.four_eyes')}</Alert>
    </Box>
  );
};
