import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { accountStore } from './providers/accountStore';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { PAGES, RESOURCES } from './registry';
import { theme } from './theme';

/**
 * CongDoan's admin panel: the resources and pages of registry.tsx, the contract's GraphQL API
 * through ra-data-graphql-simple, Vietnamese by default.
 */
/** Saved list state per signed-in account (sign-in is per tab). */
const store = accountStore();

export const App = () => (
  <Admin
    title="CongDoan"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    loginPage={LoginPage}
    theme={theme}
    store={store}
    requireAuth
    disableTelemetry
  >
    {RESOURCES.map((r) => (
      <Resource key={r.name} name={r.name} {...r.screens} />
    ))}
    <CustomRoutes>
      {PAGES.map((p) => (
        <Route key={p.path} path={p.path} element={p.element} />
      ))}
    </CustomRoutes>
  </Admin>
);
