import { useState } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateOnlyField, RecordTitle, UnitRefField } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { ListActions } from '../common/ListActions';
import { Line, ResponsiveRows, Scroll } from '../common/responsive';
import { hasPermission } from '../providers/canAccess';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { yearChoices } from '../awards';
import { decisionRefOf, downloadDecision, loadDecision } from '../awards/PrintButtons';
import { recipientUnit } from '../awards/print';

/**
 * Commendation decisions (Quyết định khen thưởng): one row per decision number of a deciding unit
 * and year, counting its recipients in the account's scope (AwardDecision on the server). Read-only:
 * decisions are made by approvals. The decision's page lists its recipients and prints it.
 */

/** What the list says before the first decision: where decisions come from. */
const DecisionsEmpty = () => {
  const translate = useTranslate();
  const { canAccess: nominations } = useCanAccess({ resource: 'nominations', action: 'list' });
  return (
    <Box sx={{ p: 3, maxWidth: 640 }} data-testid="decisions-empty">
      <Typography variant="h6" gutterBottom>
        {translate('resources.awardDecisions.empty.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('resources.awardDecisions.empty.hint')}
      </Typography>
      {nominations && (
        <Button component={Link} to="/nominations" variant="outlined" size="small">
          {translate('resources.awardDecisions.empty.nominations')}
        </Button>
      )}
    </Box>
  );
};

const DecisionList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.awardDecisions.fields.q')} sx={{ minWidth: 240 }} />,
    <SelectInput key="year" source="year" choices={yearChoices()} alwaysOn translateChoice={false} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'decidedAt', order: 'DESC' }}
      empty={<DecisionsEmpty />}
      actions={
        <ListActions
          create={false}
          columns={[
            { source: 'decisionNumber' },
            { source: 'decidedAt', kind: 'date' },
            { source: 'decidingUnitId', kind: 'unit' },
            { source: 'year' },
            { source: 'awardCount' },
          ]}
        />
      }
    >
      <ResponsiveRows
        primaryText={(r) => r.decisionNumber}
        secondaryText={
          <Line>
            <DateOnlyField source="decidedAt" />
            <UnitRefField source="decidingUnitId" link={false} emptyText="resources.awards.confederation" />
          </Line>
        }
        tertiaryText={(r) => String(r.awardCount)}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="decisionNumber" />
          <DateOnlyField source="decidedAt" />
          <UnitRefField source="decidingUnitId" emptyText="resources.awards.confederation" sortable={false} />
          <NumberField source="year" options={{ useGrouping: false }} />
          <NumberField source="awardCount" />
        </Datagrid>
      </ResponsiveRows>
    </List>
  );
};

/** The decision's awards (those of the account's scope) and the names its papers need, loaded once for the list and the print. */
function useDecision() {
  const record = useRecordContext();
  const dp = useDataProvider<CongDoanDataProvider>();
  const withSigner = hasPermission(useSessionUser(), 'ReadUser');
  return useQuery({
    queryKey: ['awardDecisions', String(record?.id), 'recipients', withSigner],
    queryFn: () => loadDecision(dp, decisionRefOf(record!), withSigner),
    enabled: !!record?.decisionNumber,
    retry: false,
  });
}

/** "In quyết định": the same PDF as from an award's page. */
const PrintDecisionButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data } = useDecision();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    if (!data?.awards.length) return;
    setBusy(true);
    try {
      await downloadDecision(data.awards, data.ctx);
    } catch {
      notify('resources.awards.print.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" startIcon={<PrintIcon />} disabled={busy || !data?.awards.length} onClick={print} data-testid="print-decision">
      {translate(busy ? 'resources.awards.print.preparing' : 'resources.awards.print.decision')}
    </Button>
  );
};

/** The recipients, as Article 1 of the decision lists them. */
const Recipients = (_props: { label?: string }) => {
  const translate = useTranslate();
  const { data, isPending, isError } = useDecision();
  const t = (k: string) => translate(`resources.awardDecisions.recipients.${k}`);
  if (isPending) return <Typography variant="body2" color="text.secondary">{t('loading')}</Typography>;
  if (isError || !data) return <Typography variant="body2" color="error">{t('failed')}</Typography>;
  return (
    <Scroll>
      <Table size="small" data-testid="decision-recipients">
        <TableHead>
          <TableRow>
            <TableCell>{t('index')}</TableCell>
            <TableCell>{t('name')}</TableCell>
            <TableCell>{t('awardType')}</TableCell>
            <TableCell>{t('unit')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.awards.map((a, i) => (
            <TableRow key={a.id}>
              <TableCell>{i + 1}</TableCell>
              <TableCell>
                <MuiLink component={Link} to={`/awards/${a.id}/show`}>
                  {a.nomineeName}
                </MuiLink>
              </TableCell>
              <TableCell>{a.awardType?.name ?? ''}</TableCell>
              <TableCell>{recipientUnit(a, data.ctx)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Scroll>
  );
};

/** The count, and what it counts: the recipients of the account's scope. */
const AwardCount = (_props: { source: string }) => {
  const translate = useTranslate();
  return (
    <Stack>
      <NumberField source="awardCount" />
      <Typography variant="caption" color="text.secondary">
        {translate('resources.awardDecisions.count_hint')}
      </Typography>
    </Stack>
  );
};

const DecisionShow = () => {
  return (
    <Show
      title={<RecordTitle source="decisionNumber" />}
      queryOptions={useNotFoundHome()}
      actions={
        <TopToolbar>
          <PrintDecisionButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="decisionNumber" />
        <DateOnlyField source="decidedAt" />
        <UnitRefField source="decidingUnitId" emptyText="resources.awards.confederation" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <AwardCount source="awardCount" />
        <Recipients label="resources.awardDecisions.recipients.title" />
      </SimpleShowLayout>
    </Show>
  );
};

export default { list: DecisionList, show: DecisionShow, icon: GavelIcon, recordRepresentation: 'decisionNumber' };
