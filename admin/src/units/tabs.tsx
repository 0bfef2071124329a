import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  BooleanField,
  Datagrid,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { MemberTable } from '../members/MemberTable';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { DateOnlyField, DateTimeField } from '../common/fields';
import { Empty } from '../common/Empty';
import { formatNumber } from '../common/format';

/** A unit's headline figures (the same overview query as the dashboard, for this unit). */
const UnitFigures = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const { data } = useQuery({
    queryKey: ['overview', String(record?.id)],
    queryFn: () => dataProvider.overview(String(record!.id)),
    enabled: !!record?.id,
  });
  if (!data) return null;
  const level = record?.level as string;
  const figures: Array<[string, number]> = [];
  if (level === 'FEDERATION') figures.push(['cd.dashboard.unions', data.unions]);
  if (level === 'FEDERATION' || level === 'UNION') figures.push(['cd.dashboard.grassroots', data.grassrootsUnions]);
  if (level !== 'TEAM') figures.push(['cd.dashboard.teams', data.teams]);
  figures.push(['cd.dashboard.members', data.members], ['cd.dashboard.women', data.women], ['cd.dashboard.pending', data.pendingNominations]);
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 2 }}>
      {figures.map(([label, n]) => (
        <Card key={label} variant="outlined" sx={{ minWidth: 150 }}>
          <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography variant="h5" sx={{ fontWeight: 600 }}>{formatNumber(n)}</Typography>
            <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};

/** The "Details" tab of every unit. */
export const UnitInfo = ({ resource, parents = [] }: { resource: string; parents?: Array<{ source: string; reference: string }> }) => {
  const record = useRecordContext();
  return (
    <Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="name" resource={resource}><TextField source="name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="code" resource={resource}><TextField source="code" emptyText="—" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="active" resource={resource}><BooleanField source="active" /></Labeled></Grid>
        {parents.map((p) => (
          <Grid key={p.source} size={{ xs: 12, md: 6 }}>
            <Labeled source={p.source} resource={resource}>
              <ReferenceField source={p.source} reference={p.reference} link="show" emptyText="—">
                <TextField source="name" />
              </ReferenceField>
            </Labeled>
          </Grid>
        ))}
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="createdAt" resource={resource}><DateTimeField source="createdAt" /></Labeled></Grid>
        {record?.dissolvedAt && (
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="dissolvedAt" resource={resource}><DateOnlyField source="dissolvedAt" /></Labeled></Grid>
        )}
      </Grid>
      {record?.active !== false && <UnitFigures />}
    </Box>
  );
};

/** Child units of a unit (a tab). */
export const ChildUnits = ({ reference, target, showParent }: { reference: string; target: string; showParent?: { source: string; reference: string } }) => (
  <ReferenceManyField reference={reference} target={target} sort={{ field: 'name', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      <TextField source="name" />
      <TextField source="code" />
      {showParent && (
        <ReferenceField source={showParent.source} reference={showParent.reference} link="show" emptyText="—" sortable={false}>
          <TextField source="name" />
        </ReferenceField>
      )}
    </Datagrid>
  </ReferenceManyField>
);

/** The members of a unit's whole subtree (a tab), paginated. */
export const UnitMembers = ({ target, showUnit = true, showTeam = true }: { target: string; showUnit?: boolean; showTeam?: boolean }) => (
  <ReferenceManyField reference="members" target={target} sort={{ field: 'fullName', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
    <MemberTable showUnit={showUnit} showTeam={showTeam} empty={<Empty />} />
  </ReferenceManyField>
);

/** Awards given to a unit as a collective (a tab). */
export const UnitAwards = () => (
  <ReferenceManyField reference="awards" target="nomineeUnitId" sort={{ field: 'decidedAt', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <NumberField source="year" options={{ useGrouping: false }} />
      <TextField source="decisionNumber" />
      <DateOnlyField source="decidedAt" />
    </Datagrid>
  </ReferenceManyField>
);
