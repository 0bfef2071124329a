import CampaignIcon from '@mui/icons-material/Campaign';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FlagIcon from '@mui/icons-material/Flag';
import GroupsIcon from '@mui/icons-material/Groups';
import HowToVoteIcon from '@mui/icons-material/HowToVote';
import LightbulbIcon from '@mui/icons-material/Lightbulb';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import ListAltIcon from '@mui/icons-material/ListAlt';
import StarIcon from '@mui/icons-material/Star';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import WorkspacesIcon from '@mui/icons-material/Workspaces';
import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  maxLength,
  ReferenceField,
  ReferenceManyField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import {
  AGGREGATIONS,
  CLUSTER_KINDS,
  CLUSTER_ROLES,
  CONGRESS_FORMS,
  ELECTED_POSITIONS,
  EMULATION_KINDS,
  EnumField,
  FUND_SOURCES,
  INITIATIVE_STATUSES,
  MEASURE_UNITS,
  RATING_LEVELS,
  TARGET_SOURCES,
  TARGET_STATUSES,
  WELFARE_KINDS,
} from '../common/fields';
import { formatDate, formatNumber, formatVnd, thisYear } from '../common/format';
import { formatPercent, QuorateChip, RateField, V, withYear, yearResource, type YearResourceSpec } from './kit';

/** The year's resources, as data for the factory of kit.tsx. Labels: i18n/year.vi.ts. */

const memberName = (r: any) => (r ? `${r.fullName}${r.cardNumber ? ` (${r.cardNumber})` : ''}` : '');
const indicatorName = (r: any) => (r ? `${r.code} – ${r.name}` : '');
const RATED_LEVELS = ['UNION', 'GRASSROOTS', 'TEAM'] as const;

/** A line of the phone list: an enum's label. */
const EnumText = ({ enumName, value }: { enumName: string; value: unknown }) => {
  const translate = useTranslate();
  return <>{value == null ? '' : translate(`cd.enums.${enumName}.${value}`, { _: String(value) })}</>;
};

export const TARGETS: YearResourceSpec = {
  resource: 'targets',
  icon: FlagIcon,
  yearFilter: true,
  ancestors: true,
  unitField: 'unitId',
  defaults: withYear,
  fields: [
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'year', kind: 'year', required: true, column: true },
    { source: 'indicatorId', kind: 'ref', reference: 'indicators', optionText: indicatorName, required: true, column: true, filter: true },
    { source: 'source', kind: 'enum', enumName: 'TargetSource', values: TARGET_SOURCES, required: true, filter: true },
    { source: 'planned', kind: 'number', required: true, validate: [V.positive], column: true, helperText: 'resources.targets.helper.planned' },
    { source: 'actual', kind: 'number', validate: [V.notNegative], column: true },
    { source: 'rate', kind: 'percent', computed: true, column: true, render: RateField },
    { source: 'status', kind: 'enum', enumName: 'TargetStatus', values: TARGET_STATUSES, computed: true, column: true },
    { source: 'reportedRate', kind: 'percent', helperText: 'resources.targets.helper.reportedRate' },
    { source: 'assignedByUnitId', kind: 'unit' },
    { source: 'note', kind: 'longtext' },
  ],
  primaryText: (r) => r.indicator?.name ?? `#${r.indicatorId}`,
  secondaryText: (r) => `${r.year} · ${formatNumber(r.actual)} / ${formatNumber(r.planned)}${r.rate != null ? ` · ${formatPercent(r.rate)}` : ''}`,
  tertiaryText: (r) => <EnumText enumName="TargetStatus" value={r.status} />,
  title: (r) => `${r.indicator?.name ?? r.indicatorId} (${r.year})`,
};

export const WELFARE: YearResourceSpec = {
  resource: 'welfareRecords',
  icon: VolunteerActivismIcon,
  yearFilter: true,
  ancestors: true,
  unitField: 'unitId',
  sort: { field: 'date', order: 'DESC' },
  fields: [
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'date', kind: 'date', required: true, column: true },
    { source: 'kind', kind: 'enum', enumName: 'WelfareKind', values: WELFARE_KINDS, required: true, column: true, filter: true },
    { source: 'count', kind: 'int', required: true, validate: [V.atLeastOne], column: true, helperText: 'resources.welfareRecords.helper.count' },
    { source: 'amount', kind: 'vnd', required: true, validate: [V.notNegative, V.integer], column: true, helperText: 'resources.welfareRecords.helper.amount' },
    { source: 'fundSource', kind: 'enum', enumName: 'FundSource', values: FUND_SOURCES, filter: true },
    { source: 'memberId', kind: 'ref', reference: 'members', optionText: memberName },
    { source: 'note', kind: 'longtext' },
  ],
  primaryText: (r) => <EnumText enumName="WelfareKind" value={r.kind} />,
  secondaryText: (r) => `${formatDate(r.date)} · ${formatNumber(r.count)} · ${formatVnd(r.amount)}`,
  title: (r) => formatDate(r.date),
};

export const RATINGS: YearResourceSpec = {
  resource: 'annualRatings',
  icon: StarIcon,
  yearFilter: true,
  ancestors: true,
  defaults: () => ({ year: thisYear() - 1 }),
  fields: [
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true, levels: RATED_LEVELS, helperText: 'resources.annualRatings.helper.unitId' },
    { source: 'year', kind: 'year', required: true, fixed: true, column: true },
    { source: 'level', kind: 'enum', enumName: 'RatingLevel', values: RATING_LEVELS, required: true, column: true, filter: true },
    { source: 'score', kind: 'number', validate: [V.score], column: true, helperText: 'resources.annualRatings.helper.score' },
    { source: 'decisionNumber', kind: 'text' },
    { source: 'appraisedByUnitId', kind: 'unit', serverSet: true },
  ],
  primaryText: (r) => <EnumText enumName="RatingLevel" value={r.level} />,
  secondaryText: (r) => `${r.year}${r.score != null ? ` · ${formatNumber(r.score)}` : ''}`,
  title: (r) => String(r.year),
};

export const INITIATIVES: YearResourceSpec = {
  resource: 'initiatives',
  icon: LightbulbIcon,
  search: true,
  yearFilter: true,
  ancestors: true,
  unitField: 'unitId',
  defaults: withYear,
  fields: [
    { source: 'title', kind: 'text', required: true, column: true },
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'year', kind: 'year', required: true, column: true },
    { source: 'status', kind: 'enum', enumName: 'InitiativeStatus', values: INITIATIVE_STATUSES, required: true, column: true, filter: true },
    { source: 'benefit', kind: 'vnd', validate: [V.notNegative], column: true },
    { source: 'authorMemberIds', kind: 'refs', reference: 'members', optionText: 'fullName', required: true },
    { source: 'recognizedBy', kind: 'text' },
  ],
  primaryText: (r) => r.title,
  secondaryText: (r) => `${r.year}${r.benefit != null ? ` · ${formatVnd(r.benefit)}` : ''}`,
  tertiaryText: (r) => <EnumText enumName="InitiativeStatus" value={r.status} />,
  title: (r) => r.title,
};

/** A congress's elected seats, with a button to add one. */
const CongressSeats = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" sx={{ mt: 1 }}>{translate('resources.congresses.fields.seats')}</Typography>
      <CreateButton resource="committeeSeats" label="resources.congresses.add_seat" state={{ record: { congressId: record.id } }} />
      <ReferenceManyField reference="committeeSeats" target="congressId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick="edit">
          <ReferenceField source="memberId" reference="members" link="show">
            <TextField source="fullName" />
          </ReferenceField>
          <EnumField source="position" enumName="ElectedPosition" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

export const CONGRESSES: YearResourceSpec = {
  resource: 'congresses',
  icon: HowToVoteIcon,
  ancestors: true,
  unitField: 'unitId',
  sort: { field: 'heldOn', order: 'DESC' },
  defaults: () => ({ termStartYear: thisYear(), termEndYear: thisYear() + 5, form: 'PLENARY' }),
  fields: [
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'ordinal', kind: 'text' },
    { source: 'heldOn', kind: 'date', required: true, column: true },
    { source: 'termStartYear', kind: 'year', required: true, column: true },
    { source: 'termEndYear', kind: 'year', required: true, column: true },
    { source: 'form', kind: 'enum', enumName: 'CongressForm', values: CONGRESS_FORMS, required: true, column: true, filter: true },
    { source: 'convenedCount', kind: 'int', required: true, validate: [V.atLeastOne], column: true },
    { source: 'attendedCount', kind: 'int', required: true, validate: [V.notNegative], column: true },
    { source: 'quorate', kind: 'bool', computed: true, column: true, render: QuorateChip },
    { source: 'motto', kind: 'text' },
  ],
  primaryText: (r) => `${formatDate(r.heldOn)} · ${r.termStartYear}–${r.termEndYear}`,
  secondaryText: (r) => `${formatNumber(r.attendedCount)}/${formatNumber(r.convenedCount)}`,
  tertiaryText: (r) => <EnumText enumName="Quorate" value={String(!!r.quorate)} />,
  title: (r) => `${r.termStartYear}–${r.termEndYear}`,
  showExtra: CongressSeats,
};

export const SEATS: YearResourceSpec = {
  resource: 'committeeSeats',
  icon: GroupsIcon,
  rowClick: 'edit',
  fields: [
    { source: 'congressId', kind: 'ref', reference: 'congresses', optionText: (r: any) => `${formatDate(r.heldOn)} (${r.termStartYear}–${r.termEndYear})`, required: true, fixed: true, column: true, filter: true, noSearch: true },
    { source: 'memberId', kind: 'ref', reference: 'members', optionText: memberName, required: true, column: true },
    { source: 'position', kind: 'enum', enumName: 'ElectedPosition', values: ELECTED_POSITIONS, required: true, column: true, filter: true },
  ],
  primaryText: (r) => <EnumText enumName="ElectedPosition" value={r.position} />,
  secondaryText: (r) => `#${r.memberId}`,
};

export const MOVEMENTS: YearResourceSpec = {
  resource: 'emulationMovements',
  icon: CampaignIcon,
  search: true,
  ancestors: true,
  unitField: 'launchedByUnitId',
  sort: { field: 'startsOn', order: 'DESC' },
  fields: [
    { source: 'name', kind: 'text', required: true, column: true },
    { source: 'kind', kind: 'enum', enumName: 'EmulationKind', values: EMULATION_KINDS, required: true, column: true, filter: true },
    { source: 'launchedByUnitId', kind: 'unit', required: true, column: true },
    { source: 'startsOn', kind: 'date', required: true, column: true },
    { source: 'endsOn', kind: 'date', column: true },
    { source: 'theme', kind: 'longtext' },
    { source: 'planDocNumber', kind: 'text' },
  ],
  primaryText: (r) => r.name,
  secondaryText: (r) => `${formatDate(r.startsOn)}${r.endsOn ? ` – ${formatDate(r.endsOn)}` : ''}`,
  tertiaryText: (r) => <EnumText enumName="EmulationKind" value={r.kind} />,
  title: (r) => r.name,
};

export const CLUSTERS: YearResourceSpec = {
  resource: 'emulationClusters',
  icon: WorkspacesIcon,
  search: true,
  ancestors: true,
  unitField: 'organizingUnitId',
  sort: { field: 'name', order: 'ASC' },
  fields: [
    { source: 'name', kind: 'text', required: true, column: true },
    { source: 'kind', kind: 'enum', enumName: 'ClusterKind', values: CLUSTER_KINDS, required: true, column: true, filter: true },
    { source: 'organizingUnitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'active', kind: 'bool', column: true, editOnly: true },
  ],
  primaryText: (r) => r.name,
  secondaryText: (r) => <EnumText enumName="ClusterKind" value={r.kind} />,
  title: (r) => r.name,
};

export const ENTRIES: YearResourceSpec = {
  resource: 'clusterEntries',
  icon: LeaderboardIcon,
  yearFilter: true,
  ancestors: true,
  defaults: withYear,
  fields: [
    { source: 'clusterId', kind: 'ref', reference: 'emulationClusters', required: true, fixed: true, column: true, filter: true },
    { source: 'unitId', kind: 'unit', required: true, column: true },
    { source: 'year', kind: 'year', required: true, column: true },
    { source: 'role', kind: 'enum', enumName: 'ClusterRole', values: CLUSTER_ROLES, required: true, column: true, filter: true },
    { source: 'score', kind: 'number', validate: [V.notNegative], column: true },
    { source: 'rank', kind: 'int', computed: true, column: true },
    { source: 'leading', kind: 'bool', column: true },
  ],
  primaryText: (r) => `#${r.unitId} · ${r.year}`,
  secondaryText: (r) => (r.rank != null ? `${formatNumber(r.score)} · ${r.rank}` : ''),
  tertiaryText: (r) => <EnumText enumName="ClusterRole" value={r.role} />,
  title: (r) => String(r.year),
};

export const INDICATORS: YearResourceSpec = {
  resource: 'indicators',
  icon: ListAltIcon,
  search: true,
  rowClick: 'show',
  sort: { field: 'code', order: 'ASC' },
  fields: [
    { source: 'code', kind: 'text', required: true, fixed: true, column: true },
    { source: 'name', kind: 'text', required: true, column: true },
    { source: 'unit', kind: 'enum', enumName: 'MeasureUnit', values: MEASURE_UNITS, required: true, column: true, filter: true },
    { source: 'aggregation', kind: 'enum', enumName: 'Aggregation', values: AGGREGATIONS, required: true, column: true },
    { source: 'active', kind: 'bool', column: true, editOnly: true },
  ],
  primaryText: (r) => r.name,
  secondaryText: (r) => r.code,
  title: (r) => r.code,
};

/** The worked example of README's "Adding a resource": a unit's conference reviewing its year. */
export const YEAR_END_CONFERENCES: YearResourceSpec = {
  resource: 'yearEndConferences',
  icon: EventNoteIcon,
  yearFilter: true,
  ancestors: true,
  unitField: 'unitId',
  rowClick: 'edit',
  redirect: 'list',
  sort: { field: 'heldOn', order: 'DESC' },
  defaults: () => ({ year: thisYear() - 1 }),
  fields: [
    { source: 'unitId', kind: 'unit', required: true, fixed: true, column: true },
    { source: 'year', kind: 'year', required: true, column: true },
    { source: 'heldOn', kind: 'date', required: true, column: true },
    { source: 'attendees', kind: 'int', required: true, validate: [V.notNegative], column: true },
    { source: 'note', kind: 'longtext', validate: [maxLength(1000)], column: true },
  ],
  primaryText: (r) => `${r.year} · ${formatDate(r.heldOn)}`,
  secondaryText: (r) => formatNumber(r.attendees),
  tertiaryText: (r) => r.note,
  title: (r) => String(r.year),
};

export const yearScreens = {
  targets: yearResource(TARGETS),
  welfareRecords: yearResource(WELFARE),
  annualRatings: yearResource(RATINGS),
  initiatives: yearResource(INITIATIVES),
  congresses: yearResource(CONGRESSES),
  committeeSeats: yearResource(SEATS),
  emulationMovements: yearResource(MOVEMENTS),
  emulationClusters: yearResource(CLUSTERS),
  clusterEntries: yearResource(ENTRIES),
  indicators: yearResource(INDICATORS),
  yearEndConferences: yearResource(YEAR_END_CONFERENCES),
};


