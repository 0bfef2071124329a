import { Alert, Box, Card, CardContent, Divider, Grid, Typography } from '@mui/material';
import {
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateOnlyField, DateTimeField, EnumField, NomineeField, StatusChip, UnitRefField } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { canAccess } from '../providers/canAccess';
import { usePendingDecision } from './pendingDecisions';
import { ReviewButtons } from './ReviewButtons';
import { ReviewTimeline } from './Timeline';
import { ConfederationDecisionButton, SubmitButton, WithdrawButton } from './WorkflowButtons';

const Title = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.nominations.name', { smart_count: 1 })} #${record.id} – ${record.nomineeName}` : ''}</>;
};

/**
 * "Sửa" only where the server's workflow lets the nominator edit (DRAFT, RETURNED: the same rule
 * as canAccess), and locked while a decision on the nomination is in flight.
 */
const NominationEditButton = () => {
  const record = useRecordContext();
  const user = useSessionUser();
  const pending = usePendingDecision(record);
  if (!record || !canAccess(user, { resource: 'nominations', action: 'edit', record })) return null;
  return <EditButton disabled={!!pending} />;
};

const Actions = () => (
  <TopToolbar sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
    <ReviewButtons variant="contained" />
    <ConfederationDecisionButton />
    <SubmitButton />
    <WithdrawButton />
    <NominationEditButton />
  </TopToolbar>
);

/**
 * Where the nomination waits, said plainly to its proposer: at its own unit's level it waits for a
 * second account of that level (four eyes), not for "the level above".
 */
const WaitingNotice = () => {
  const record = useRecordContext();
  const user = useSessionUser();
  const translate = useTranslate();
  if (!record || !user || record.status !== 'PENDING' || !record.currentLevel) return null;
  const mine = record.createdById != null && String(record.createdById) === String(user.id);
  const nominee = record.nomineeMemberId != null && user.memberId != null && String(record.nomineeMemberId) === String(user.memberId);
  const level = translate(`cd.enums.OrgLevel.${record.currentLevel}`);
  if ((mine || nominee) && user.reviewLevel === record.currentLevel) {
    return (
      <Alert severity="info" sx={{ mx: 2, mt: 2 }} data-testid="waiting-notice">
        {translate(mine ? 'resources.nominations.waiting.second_account' : 'resources.nominations.waiting.second_account_nominee', { level })}
      </Alert>
    );
  }
  if (mine) {
    return (
      <Alert severity="info" sx={{ mx: 2, mt: 2 }} data-testid="waiting-notice">
        {translate('resources.nominations.waiting.level', { level })}
      </Alert>
    );
  }
  return null;
};

const AwardBox = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.award) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2, borderColor: 'success.main' }}>
      <CardContent>
        <Typography variant="subtitle2" color="success.main">{translate('resources.nominations.fields.award')}</Typography>
        <Typography variant="body1" sx={{ fontWeight: 600 }}>{record.award.decisionNumber}</Typography>
        <DateOnlyField source="award.decidedAt" />
      </CardContent>
    </Card>
  );
};

const L = ({ source, children, md = 6 }: { source: string; children: React.ReactNode; md?: number }) => (
  <Grid size={{ xs: 12, md }}>
    <Labeled source={source} resource="nominations">{children as React.ReactElement}</Labeled>
  </Grid>
);

export const NominationShow = () => {
  const translate = useTranslate();
  return (
    <Show title={<Title />} actions={<Actions />} queryOptions={useNotFoundHome()}>
      <WaitingNotice />
      <Grid container spacing={3} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Grid container spacing={2}>
            <L source="nomineeName"><NomineeField /></L>
            <L source="status"><StatusChip source="status" enumName="NominationStatus" /></L>
            <L source="awardTypeId">
              <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
                <TextField source="name" />
              </ReferenceField>
            </L>
            <L source="year" md={3}><NumberField source="year" options={{ useGrouping: false }} /></L>
            <L source="currentLevel" md={3}><EnumField source="currentLevel" enumName="OrgLevel" /></L>
            <L source="nominatingUnitId"><UnitRefField source="nominatingUnitId" /></L>
            <L source="updatedAt"><DateTimeField source="updatedAt" /></L>
            <Grid size={12}>
              <Labeled source="achievements" resource="nominations">
                <TextField source="achievements" sx={{ whiteSpace: 'pre-wrap' }} />
              </Labeled>
            </Grid>
          </Grid>
          <AwardBox />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
            {translate('resources.nominations.fields.history')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          <Box>
            <ReviewTimeline />
          </Box>
        </Grid>
      </Grid>
    </Show>
  );
};
