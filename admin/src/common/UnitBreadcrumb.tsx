import { Breadcrumbs, Link as MuiLink, Typography } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import { LEVEL_RESOURCE } from '../providers/resources';
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
  const ids = ['federationId', 'unionId', 'grassrootsUnionId', 'teamId']
    .map((f) => record[f])
    .filter((v): v is string => v != null && String(v) !== String(record.id));
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
