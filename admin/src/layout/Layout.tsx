import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { AppBar, Layout, TitlePortal, useTranslate } from 'react-admin';
import { AppMenu } from './Menu';
import { AppUserMenu } from './UserMenu';
import { useSessionUser } from '../common/hooks';

/** Who is signed in, in which unit: always in sight, since every figure depends on it. */
const WhoAmI = () => {
  const user = useSessionUser();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Box sx={{ display: { xs: 'none', md: 'block' }, textAlign: 'right', mr: 1, lineHeight: 1.1 }} data-testid="whoami">
      <Typography variant="caption" component="div" sx={{ opacity: 0.9 }}>
        {translate(`cd.enums.Role.${user.role}`)}
      </Typography>
      <Typography variant="caption" component="div" sx={{ opacity: 0.75 }}>
        {user.scopeUnitName ?? translate('cd.dashboard.scope_all')}
      </Typography>
    </Box>
  );
};

const MyAppBar = () => (
  <AppBar color="primary" userMenu={<AppUserMenu />}>
    <Typography variant="h6" sx={{ fontWeight: 700, mr: 2, letterSpacing: 0.5 }}>
      CongDoan
    </Typography>
    <TitlePortal />
    <WhoAmI />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={MyAppBar}>
    {children}
  </Layout>
);
