import { Breadcrumbs, Link as MuiLink, Typography } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import { LEVEL_RESOURCE, UNIT_LEVELS } from '../providers/resources';
import type { UnitLevel } from '../providers/sessionUser';

const ANCESTOR_FIELDS = ['federationId', 'unionId', 'grassrootsUnionId', 'teamId'];

/**
 * The ancestor ids of a record, top down. A unit's own level column (if it carries one) names the
 * unit itself and is left out; a member's ids live in another id space than units, so a member
 * keeps every ancestor even when one of them has the member's id (member #2 of union #2).
 */
export function ancestorIds(record: Record<string, unknown>): string[] {
  const level = typeof record.level === 'string' ? (record.level as UnitLevel) : undefined;
  const own = level && UNIT_LEVELS[level] ? UNIT_LEVELS[level].field : undefined;
  return ANCESTOR_FIELDS.filter((f) => f !== own)
    .map((f) => record[f])
    .filter((v): v is string | number => v != null && v !== '')
    .map(String);
}
import { useOrgUnit } from './fields';

const AncestorLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data } = useOrgUnit(id);
  if (!data) return <Typography variant="body2" color="text.secondary">{translate('cd.common.unknown_unit', { id })}</Typography>;
  return (
    <MuiLink component={Link} to={`/${LEVEL_RESOURCE[data.level]}/${data.id}/show`} underline="hover" color="inherit" variant="body2">
      {data.name}
    </MuiLink>
  );
};

/**
 * The ancestors of a unit or a member, from the federation down, each a link: the tree is
 * navigable upwards from any page (ancestors of one's scope unit are readable by id).
 */
export const UnitBreadcrumb = ({ self = 'name' }: { self?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const ids = ancestorIds(record);
  return (
    <Breadcrumbs aria-label={translate('cd.common.breadcrumb')} sx={{ mb: 1 }} data-testid="breadcrumb">
      <AccountTreeIcon fontSize="small" color="action" />
      {ids.map((id) => (
        <AncestorLink key={id} id={String(id)} />
      ))}
      <Typography variant="body2" color="text.primary" sx={{ fontWeight: 500 }}>
        {record[self]}
      </Typography>
    </Breadcrumbs>
  );
};
