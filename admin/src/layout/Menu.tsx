import { Badge, Divider, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { Menu, useSidebarState, useTranslate } from 'react-admin';
import { useAwaitingMyReviewCount } from '../approvals/ApprovalDesk';
import { useSessionUser } from '../common/hooks';
import { canAccess } from '../providers/canAccess';
import { LEVEL_RESOURCE } from '../providers/resources';
import { MENU, type PageEntry, type ResourceEntry } from '../registry';

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
 * reviewers, the account's own unit as the way into the tree, then the sections of registry.tsx.
 */
export const AppMenu = () => {
  const user = useSessionUser();
  const reviewer = canAccess(user, { resource: 'approvals', action: 'list' });
  const awaiting = useAwaitingMyReviewCount(reviewer);
  const shown = (e: ResourceEntry | PageEntry) => canAccess(user, e.kind === 'resource' ? { resource: e.name, action: 'list' } : e.access);
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
      {MENU.map((section) => {
        const entries = section.entries.filter(shown);
        if (!entries.length) return null;
        return [
          <Section key={section.label} label={section.label} />,
          ...entries.map((e) =>
            e.kind === 'resource' ? (
              <Menu.ResourceItem key={e.name} name={e.name} />
            ) : (
              <Menu.Item key={e.path} to={e.path} primaryText={e.label} leftIcon={<e.icon />} />
            ),
          ),
        ];
      })}
    </Menu>
  );
};
