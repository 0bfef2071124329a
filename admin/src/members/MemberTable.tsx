import { Datagrid, type DatagridProps, ReferenceField, TextField } from 'react-admin';
import { Line, ResponsiveRows, Tail } from '../common/responsive';
import { DateOnlyField, EnumField, StatusChip } from '../common/fields';
import { useSessionUser } from '../common/hooks';
import { seesPersonalData } from '../providers/canAccess';
import { PREFETCHED_REFERENCE } from '../providers/dataProvider';

/**
 * The members table, in the member list and in every unit's "Members" tab. Personal data
 * (birth date, phone) is not even a column for an analyst: the API answers null for it anyway.
 */
export const MemberTable = ({ showUnit = true, showTeam = true, ...props }: DatagridProps & { showUnit?: boolean; showTeam?: boolean }) => {
  const personal = seesPersonalData(useSessionUser());
  const phone = (
    <Line>
      <EnumField source="gender" enumName="Gender" />
      {personal && <DateOnlyField source="birthDate" />}
      {showUnit && (
        <ReferenceField source="grassrootsUnionId" reference="grassrootsUnions" link={false} queryOptions={PREFETCHED_REFERENCE}>
          <TextField source="name" />
        </ReferenceField>
      )}
    </Line>
  );
  return (
    <ResponsiveRows primaryText={(r) => r.fullName} secondaryText={phone} tertiaryText={<Tail><StatusChip source="status" enumName="MemberStatus" /></Tail>} empty={props.empty}>
    <Datagrid rowClick="show" bulkActionButtons={false} {...props}>
      <TextField source="fullName" />
      <EnumField source="gender" enumName="Gender" />
      {personal && <DateOnlyField source="birthDate" sortable />}
      {personal && <TextField source="phone" sortable={false} />}
      <TextField source="cardNumber" />
      <TextField source="position" />
      {showUnit && (
        <ReferenceField source="grassrootsUnionId" reference="grassrootsUnions" link="show" sortable={false} queryOptions={PREFETCHED_REFERENCE}>
          <TextField source="name" />
        </ReferenceField>
      )}
      {showTeam && (
        <ReferenceField source="teamId" reference="teams" link="show" sortable={false} emptyText="—" queryOptions={PREFETCHED_REFERENCE}>
          <TextField source="name" />
        </ReferenceField>
      )}
      <DateOnlyField source="joinedAt" />
      <StatusChip source="status" enumName="MemberStatus" />
    </Datagrid>
    </ResponsiveRows>
  );
};
