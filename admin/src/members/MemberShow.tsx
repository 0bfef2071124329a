import { Box, Grid } from '@mui/material';
import { Empty } from '../common/Empty';
import {
  Datagrid,
  EditButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateOnlyField, EnumField, StatusChip, UnitRefField } from '../common/fields';
import { useNotFoundHome, useSessionUser } from '../common/hooks';
import { UnitBreadcrumb } from '../common/UnitBreadcrumb';
import { seesPersonalData } from '../providers/canAccess';

const MemberTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.members.name', { smart_count: 1 })}: ${record.fullName}` : ''}</>;
};

const F = ({ source, children }: { source: string; children?: React.ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Labeled source={source} resource="members">{(children as React.ReactElement) ?? <TextField source={source} emptyText="—" />}</Labeled>
  </Grid>
);

const Profile = () => {
  const personal = seesPersonalData(useSessionUser());
  return (
    <Grid container spacing={2}>
      <F source="fullName" />
      <F source="gender"><EnumField source="gender" enumName="Gender" /></F>
      {personal && <F source="birthDate"><DateOnlyField source="birthDate" /></F>}
      {personal && <F source="phone" />}
      {personal && <F source="email" />}
      {personal && <F source="nationalId" />}
      <F source="ethnicity" />
      <F source="occupation" />
      <F source="cardNumber" />
      <F source="position" />
      <F source="joinedAt"><DateOnlyField source="joinedAt" /></F>
      <F source="status"><StatusChip source="status" enumName="MemberStatus" /></F>
      <F source="grassrootsUnionId"><UnitRefField source="grassrootsUnionId" /></F>
      <F source="teamId"><UnitRefField source="teamId" emptyText="cd.common.none" /></F>
      <Optional source="leftAt"><DateOnlyField source="leftAt" /></Optional>
      <Optional source="leftReason" />
      <Optional source="disciplinedFrom"><DateOnlyField source="disciplinedFrom" /></Optional>
      <Optional source="disciplinedUntil"><DateOnlyField source="disciplinedUntil" /></Optional>
    </Grid>
  );
};

const Optional = ({ source, children }: { source: string; children?: React.ReactNode }) => {
  const record = useRecordContext();
  if (!record?.[source]) return null;
  return <F source={source}>{children}</F>;
};

export const MemberShow = () => (
  <Show title={<MemberTitle />} queryOptions={useNotFoundHome()} actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Box sx={{ px: 2, pt: 2 }}>
      <UnitBreadcrumb self="fullName" />
    </Box>
    <TabbedShowLayout>
      <Tab label="resources.members.tabs.profile">
        <Profile />
      </Tab>
      <Tab label="resources.members.tabs.awards" path="awards">
        <ReferenceManyField reference="awards" target="nomineeMemberId" sort={{ field: 'decidedAt', order: 'DESC' }} pagination={<Pagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
            <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
              <TextField source="name" />
            </ReferenceField>
            <NumberField source="year" options={{ useGrouping: false }} />
            <TextField source="decisionNumber" />
            <DateOnlyField source="decidedAt" />
            <UnitRefField source="decidingUnitId" emptyText="resources.awards.confederation" />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
      <Tab label="resources.members.tabs.nominations" path="nominations">
        <ReferenceManyField reference="nominations" target="nomineeMemberId" sort={{ field: 'updatedAt', order: 'DESC' }} pagination={<Pagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
            <TextField source="id" />
            <ReferenceField source="awardTypeId" reference="awardTypes" link={false}>
              <TextField source="name" />
            </ReferenceField>
            <NumberField source="year" options={{ useGrouping: false }} />
            <StatusChip source="status" enumName="NominationStatus" />
            <EnumField source="currentLevel" enumName="OrgLevel" />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
    </TabbedShowLayout>
  </Show>
);
