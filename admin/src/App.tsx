import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ApiTokensPage } from './apiTokens/ApiTokensPage';
import { ApprovalDesk } from './approvals/ApprovalDesk';
import auditEvents from './auditEvents';
import awards from './awards';
import awardTypes from './awardTypes';
import { Dashboard } from './dashboard/Dashboard';
import federations from './federations';
import grassrootsUnions from './grassrootsUnions';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import members from './members';
import { ImportPage } from './memberImport';
import nominations from './nominations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import teams from './teams';
import { theme } from './theme';
import unions from './unions';
import users from './users';

/**
 * CongDoan's admin panel: one <Resource> per folder, the contract's GraphQL API through
 * ra-data-graphql-simple, Vietnamese by default.
 */
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
    requireAuth
    disableTelemetry
  >
    <Resource name="federations" {...federations} />
    <Resource name="unions" {...unions} />
    <Resource name="grassrootsUnions" {...grassrootsUnions} />
    <Resource name="teams" {...teams} />
    <Resource name="members" {...members} />
    <Resource name="nominations" {...nominations} />
    <Resource name="awards" {...awards} />
    <Resource name="awardTypes" {...awardTypes} />
    <Resource name="users" {...users} />
    <Resource name="auditEvents" {...auditEvents} />
    <CustomRoutes>
      <Route path="/approvals" element={<ApprovalDesk />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="/api-tokens" element={<ApiTokensPage />} />
    </CustomRoutes>
  </Admin>
);
