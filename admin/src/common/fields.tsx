import { Chip, Link as MuiLink, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { type FieldProps, useDataProvider, useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { LEVEL_RESOURCE } from '../providers/resources';
import { formatDate, formatDateTime, formatVnd } from './format';

type Props = FieldProps & { source: string };

/** An ISO date shown dd/mm/yyyy. */
export const DateOnlyField = (props: Props) => {
  const value = useFieldValue(props);
  return <Typography component="span" variant="body2">{formatDate(value)}</Typography>;
};

/** An ISO date-time shown dd/mm/yyyy hh:mm. */
export const DateTimeField = (props: Props) => {
  const value = useFieldValue(props);
  return <Typography component="span" variant="body2">{formatDateTime(value)}</Typography>;
};

/** An amount in VND. */
export const VndField = (props: Props) => {
  const value = useFieldValue(props);
  return <Typography component="span" variant="body2">{formatVnd(value as number)}</Typography>;
};

/** Choices of a GraphQL enum for SelectInput (react-admin translates the names). */
export const enumChoices = (enumName: string, values: readonly string[]) =>
  values.map((v) => ({ id: v, name: `cd.enums.${enumName}.${v}` }));

export const ROLES = ['SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'UNION_ADMIN', 'GRASSROOTS_CHAIR', 'ANALYST'] as const;
export const GENDERS = ['FEMALE', 'MALE'] as const;
export const MEMBER_STATUSES = ['ACTIVE', 'LEFT'] as const;
export const NOMINATION_STATUSES = ['DRAFT', 'PENDING', 'RETURNED', 'FORWARDED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export const LEVELS = ['GRASSROOTS', 'UNION', 'FEDERATION', 'CONFEDERATION'] as const;
export const UNIT_LEVELS = ['FEDERATION', 'UNION', 'GRASSROOTS', 'TEAM'] as const;
export const NOMINEE_KINDS = ['INDIVIDUAL', 'COLLECTIVE'] as const;

/** A translated enum value. */
export const EnumField = ({ enumName, ...props }: Props & { enumName: string }) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return <Typography component="span" variant="body2">{translate(`cd.enums.${enumName}.${value}`, { _: String(value) })}</Typography>;
};

const STATUS_COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'warning' | 'info'> = {
  DRAFT: 'default',
  PENDING: 'warning',
  RETURNED: 'info',
  FORWARDED: 'secondary',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  ACTIVE: 'success',
  LEFT: 'default',
  EXCEEDED: 'success',
  MET: 'info',
  NOT_MET: 'error',
};

/** A status as a coloured chip. */
export const StatusChip = ({ enumName, ...props }: Props & { enumName: string }) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value == null) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[String(value)] ?? 'default'}
      variant={value === 'DRAFT' || value === 'WITHDRAWN' ? 'outlined' : 'filled'}
      label={translate(`cd.enums.${enumName}.${value}`, { _: String(value) })}
      data-status={String(value)}
    />
  );
};

/** Any org unit by id (one id space for all levels), cached across the page. */
export function useOrgUnit(id: string | number | null | undefined) {
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  return useQuery({
    queryKey: ['orgUnit', String(id)],
    queryFn: () => dataProvider.orgUnit(String(id)),
    enabled: id != null && id !== '',
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** A unit of any level, by id, linked to its page; for polymorphic ids (nominatingUnitId, scopeUnitId…). */
export const UnitRefField = (props: Props & { link?: boolean; emptyText?: string }) => {
  const id = useFieldValue(props);
  const translate = useTranslate();
  const { data, isPending, isError } = useOrgUnit(id as string);
  if (id == null || id === '') return props.emptyText ? <Typography variant="body2" component="span">{translate(props.emptyText)}</Typography> : null;
  if (isPending) return <Typography variant="body2" component="span" color="text.secondary">…</Typography>;
  if (isError || !data) return <Typography variant="body2" component="span">{translate('cd.common.unknown_unit', { id })}</Typography>;
  if (props.link === false) return <Typography variant="body2" component="span">{data.name}</Typography>;
  return (
    <MuiLink component={Link} to={`/${LEVEL_RESOURCE[data.level]}/${data.id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()} variant="body2">
      {data.name}
    </MuiLink>
  );
};

/** The nominee of a nomination or an award: the member or the unit, linked. */
export const NomineeField = (_props: Partial<Props>) => {
  const record = useRecordContext();
  if (!record) return null;
  if (record.nomineeMemberId) {
    return (
      <MuiLink component={Link} to={`/members/${record.nomineeMemberId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()} variant="body2">
        {record.nomineeName}
      </MuiLink>
    );
  }
  if (record.nomineeUnitId) return <UnitRefField source="nomineeUnitId" />;
  return <Typography variant="body2" component="span">{record.nomineeName}</Typography>;
};

/** A page title: the record's own name (react-admin's default repeats the resource name). */
export const RecordTitle = ({ source = 'name' }: { source?: string }) => {
  const record = useRecordContext();
  return <>{record ? String(record[source] ?? '') : ''}</>;
};

// The union's year (schema enums, in the order a report lists them).
export const RATING_LEVELS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export const TARGET_SOURCES = ['CONGRESS_RESOLUTION', 'ANNUAL_PROGRAMME', 'ASSIGNED_PLAN', 'EMULATION_PLEDGE'] as const;
export const TARGET_STATUSES = ['EXCEEDED', 'MET', 'NOT_MET'] as const;
export const WELFARE_KINDS = ['SICKNESS', 'MATERNITY', 'BEREAVEMENT', 'WEDDING', 'HARDSHIP', 'TET_GIFT', 'POLICY_FAMILY', 'HOUSING', 'CHARITY', 'OTHER'] as const;
export const FUND_SOURCES = ['UNION_FINANCE', 'SOCIAL_FUND', 'MAI_AM_FUND', 'EMPLOYER', 'DONORS', 'MEMBER_DONATIONS'] as const;
export const INITIATIVE_STATUSES = ['REGISTERED', 'RECOGNIZED', 'APPLIED'] as const;
export const CONGRESS_FORMS = ['PLENARY', 'DELEGATE'] as const;
export const ELECTED_POSITIONS = ['CHAIR', 'VICE_CHAIR', 'STANDING_MEMBER', 'BCH_MEMBER', 'INSPECTION_MEMBER', 'DELEGATE', 'ALTERNATE_DELEGATE'] as const;
export const EMULATION_KINDS = ['REGULAR', 'ROUND', 'THEMATIC'] as const;
export const CLUSTER_KINDS = ['CLUSTER', 'BLOC'] as const;
export const CLUSTER_ROLES = ['LEADER', 'DEPUTY', 'MEMBER'] as const;
export const MEASURE_UNITS = ['PERSON', 'UNIT', 'PERCENT', 'VND', 'COUNT'] as const;
export const AGGREGATIONS = ['SUM', 'NONE'] as const;
