import { Badge, Divider, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu, useSidebarState, useTranslate } from 'react-admin';
import { useAwaitingMyReviewCount } from '../approvals/ApprovalDesk';
import { useSessionUser } from '../common/hooks';
import { canAccess } from '../providers/canAccess';
import { LEVEL_RESOURCE } from '../providers/resources';

const Section = ({ label }: { label: string }) => {
  const [open] = useSidebarState();
  const translate = useTranslate();
  if (!open) return <Divider sx={{ my: 1 }} />;
  return (
    <Typography variant="overline" color="text.secondary" sx={{ px: 2, pt: 1.5, display: 'block', lineHeight: 2 }}>
      {translate(label)}
    </Typography>
  );
};

/**
 * The menu of each role: only what the role can do (canAccess), the approval desk first for
 * reviewers, and the account's own unit as the way into the tree.
 */
export const AppMenu = () => {
  const user = useSessionUser();
  const reviewer = canAccess(user, { resource: 'approvals', action: 'list' });
  const awaiting = useAwaitingMyReviewCount(reviewer);
  const can = (resource: string) => canAccess(user, { resource, action: 'list' });
  const org = ['federations', 'unions', 'grassrootsUnions', 'teams'].filter(can);
  const commendation = ['nominations', 'awards', 'awardTypes'].filter(can);
  const system = ['users', 'auditEvents'].filter(can);
  return (
    <Menu>
      <Menu.DashboardItem primaryText="cd.menu.dashboard" />
      {reviewer && (
        <Menu.Item
          to="/approvals"
          primaryText="cd.menu.approvals"
          leftIcon={
            <Badge badgeContent={awaiting} color="error" max={99}>
              <FactCheckIcon />
            </Badge>
          }
          data-testid="menu-approvals"
        />
      )}
      {user?.scopeUnitId && user.scopeLevel && (
        <Menu.Item to={`/${LEVEL_RESOURCE[user.scopeLevel]}/${user.scopeUnitId}/show`} primaryText="cd.menu.my_unit" leftIcon={<HomeWorkIcon />} />
      )}
      {org.length > 0 && <Section label="cd.menu.organisation" />}
      {org.map((r) => (
        <Menu.ResourceItem key={r} name={r} />
      ))}
      <Section label="cd.menu.members" />
      <Menu.ResourceItem name="members" />
      {canAccess(user, { resource: 'memberImport', action: 'create' }) && <Menu.Item to="/import" primaryText="cd.menu.import" leftIcon={<UploadFileIcon />} />}
      {commendation.length > 0 && <Section label="cd.menu.commendation" />}
      {commendation.map((r) => (
        <Menu.ResourceItem key={r} name={r} />
      ))}
      {system.length > 0 && <Section label="cd.menu.system" />}
      {system.map((r) => (
        <Menu.ResourceItem key={r} name={r} />
      ))}
    </Menu>
  );
};
