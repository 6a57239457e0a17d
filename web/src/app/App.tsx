import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from '../modules/account/AccountPage.tsx';
import { ActivitiesPage } from '../modules/activities/ActivitiesPage.tsx';
import { ActivityDetailPage } from '../modules/activities/ActivityDetailPage.tsx';
import { AuditPage } from '../modules/audit/AuditPage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { LIST_CONFIGS, type ListKindConfig } from '../modules/lists/config.ts';
import { ListImportPage } from '../modules/lists/ListImportPage.tsx';
import { ListItemDetailPage } from '../modules/lists/ListItemDetailPage.tsx';
import { ListItemsPage } from '../modules/lists/ListItemsPage.tsx';
import { MatchingSearchPage } from '../modules/matching/MatchingSearchPage.tsx';
import { NotificationsPage } from '../modules/notifications/NotificationsPage.tsx';
import { OrderBoardPage } from '../modules/orders/OrderBoardPage.tsx';
import { OrderDetailPage } from '../modules/orders/OrderDetailPage.tsx';
import { OrdersPage } from '../modules/orders/OrdersPage.tsx';
import { ProfilePage } from '../modules/profile/ProfilePage.tsx';
import type { KindConfig } from '../modules/registry/config.ts';
import { DictionariesPage } from '../modules/registry/DictionariesPage.tsx';
import { DictionaryImportPage } from '../modules/registry/DictionaryImportPage.tsx';
import { KIND_CONFIGS } from '../modules/registry/kinds/index.ts';
import { RegistryDetailPage } from '../modules/registry/RegistryDetailPage.tsx';
import { RegistryImportPage } from '../modules/registry/RegistryImportPage.tsx';
import { RegistryListPage } from '../modules/registry/RegistryListPage.tsx';
import type { RegistryKind } from '../modules/registry/types.ts';
import { TeamDetailPage } from '../modules/teams/TeamDetailPage.tsx';
import { TeamsPage } from '../modules/teams/TeamsPage.tsx';
import { RolesPage } from '../modules/users/RolesPage.tsx';
import { UsersPage } from '../modules/users/UsersPage.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';
import { NotFound } from './NotFound.tsx';
import { PageLoading } from './PageState.tsx';
import { queryClient } from './queryClient.ts';
import { RequireAuth, RequirePermission } from './RequireAuth.tsx';
import { Shell } from './Shell.tsx';

/** The dashboard pulls in ECharts: loaded when it is opened. */
const InsightsPage = lazy(() =>
  import('../modules/insights/InsightsPage.tsx').then((m) => ({ default: m.InsightsPage })),
);

export interface AppRoute {
  /** Relative to the signed-in frame, e.g. `users`; '' is the home page. */
  path: string;
  element: ReactNode;
  /** Shown as a 403 page to accounts without it. */
  permission?: string;
}

/** Pages behind sign-in. Modules add theirs by appending (and usually a menu entry in menu.ts). */
export const appRoutes: AppRoute[] = [
  { path: '', element: <HomePage /> },
  { path: 'account', element: <AccountPage /> },
  { path: 'users', element: <UsersPage />, permission: 'users.read' },
  { path: 'roles', element: <RolesPage />, permission: 'roles.read' },
  { path: 'audit', element: <AuditPage />, permission: 'audit.read' },
  ...registryRoutes(KIND_CONFIGS.talents),
  ...registryRoutes(KIND_CONFIGS.enterprises),
  ...registryRoutes(KIND_CONFIGS.institutions),
  ...registryRoutes(KIND_CONFIGS.stations),
  { path: 'dictionaries', element: <DictionariesPage />, permission: 'dictionaries.manage' },
  { path: 'dictionaries/:kind/import', element: <DictionaryImportPage />, permission: 'dictionaries.manage' },
  { path: 'profile', element: <ProfilePage />, permission: 'profile.own' },
  ...listRoutes(LIST_CONFIGS.demands),
  ...listRoutes(LIST_CONFIGS['talent-demands']),
  ...listRoutes(LIST_CONFIGS.achievements),
  { path: 'matching/search', element: <MatchingSearchPage />, permission: 'matching.use' },
  { path: 'orders', element: <OrdersPage />, permission: 'orders.read' },
  { path: 'orders/board', element: <OrderBoardPage />, permission: 'orders.manage' },
  { path: 'orders/:id', element: <OrderDetailPage />, permission: 'orders.read' },
  { path: 'teams', element: <TeamsPage />, permission: 'teams.read' },
  { path: 'teams/:id', element: <TeamDetailPage />, permission: 'teams.read' },
  { path: 'activities', element: <ActivitiesPage />, permission: 'activities.read' },
  { path: 'activities/:id', element: <ActivityDetailPage />, permission: 'activities.read' },
  {
    path: 'insights',
    element: (
      <Suspense fallback={<PageLoading />}>
        <InsightsPage />
      </Suspense>
    ),
    permission: 'insights.read',
  },
  { path: 'notifications', element: <NotificationsPage /> },
];

/** A registry's list, import and record pages (the key keeps each kind's page state apart). */
function registryRoutes<K extends RegistryKind>(config: KindConfig<K>): AppRoute[] {
  const base = `registry/${config.kind}`;
  return [
    { path: base, element: <RegistryListPage key={base} config={config} />, permission: 'registry.read' },
    {
      path: `${base}/import`,
      element: <RegistryImportPage key={base} config={config} />,
      permission: 'registry.manage',
    },
    {
      path: `${base}/:id`,
      element: <RegistryDetailPage key={base} config={config} />,
      permission: 'registry.read',
    },
  ];
}

/** A list's page, import and item pages (the key keeps each kind's page state apart). */
function listRoutes(config: ListKindConfig): AppRoute[] {
  const base = `lists/${config.kind}`;
  return [
    { path: base, element: <ListItemsPage key={base} config={config} />, permission: 'lists.read' },
    {
      path: `${base}/import`,
      element: <ListImportPage key={base} config={config} />,
      permission: 'lists.manage',
    },
    {
      path: `${base}/:id`,
      element: <ListItemDetailPage key={base} config={config} />,
      permission: 'lists.read',
    },
  ];
}

function guarded(route: AppRoute): ReactNode {
  return route.permission ? (
    <RequirePermission permission={route.permission}>{route.element}</RequirePermission>
  ) : (
    route.element
  );
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en-US' ? enUS : zhCN} theme={{ token: { borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/"
                element={
                  <RequireAuth>
                    <Shell />
                  </RequireAuth>
                }
              >
                {appRoutes.map((route) =>
                  route.path === '' ? (
                    <Route key="index" index element={guarded(route)} />
                  ) : (
                    <Route key={route.path} path={route.path} element={guarded(route)} />
                  ),
                )}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </LocalizedAntd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
