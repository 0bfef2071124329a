import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';
import { useIsPhone } from '../common/responsive';
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

/** The language menu; on a phone its button shows only the short code (VI, EN), leaving room for the title. */
const LanguageMenu = () => {
  const phone = useIsPhone();
  return phone ? (
    <LocalesMenuButton
      icon={null}
      languages={[
        { locale: 'vi', name: 'VI' },
        { locale: 'en', name: 'EN' },
      ]}
    />
  ) : (
    <LocalesMenuButton />
  );
};

const AppToolbar = () => (
  <>
    <LanguageMenu />
    <LoadingIndicator />
  </>
);

/**
 * The brand, the page title (kept on a phone, cut with an ellipsis, where the brand gives way), who
 * is signed in (wide screens), the language, the account menu.
 */
const MyAppBar = () => (
  <AppBar color="primary" userMenu={<AppUserMenu />} toolbar={<AppToolbar />}>
    <Typography variant="h6" sx={{ display: { xs: 'none', sm: 'block' }, fontWeight: 700, mr: 2, letterSpacing: 0.5 }}>
      CongDoan
    </Typography>
    <TitlePortal sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: { xs: '1.05rem', sm: undefined } }} />
    <WhoAmI />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={MyAppBar}>
    {children}
  </Layout>
);
