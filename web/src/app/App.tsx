import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import {
  type ComponentType,
  isValidElement,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  useEffect,
} from 'react';
import { BrowserRouter, matchRoutes, Route, type RouteObject, Routes } from 'react-router';
import { LIST_CONFIGS, type ListKindConfig } from '../modules/lists/config.ts';
import type { KindConfig } from '../modules/registry/config.ts';
import type { RegistryKind } from '../modules/registry/types.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { NotFound } from './NotFound.tsx';
import { PageBoundary } from './PageBoundary.tsx';
import { queryClient } from './queryClient.ts';
import { RequireAuth, RequirePermission } from './RequireAuth.tsx';

/*
 * Every page is loaded with its route (React.lazy), each in its own chunk with only the
 * components it uses: a phone fetches the sign-in page, or the shell and the home page, and
 * nothing of the other pages until they are opened (scripts/bundle-size.mjs measures it).
 */

/** A page loaded with its route; preload() fetches its chunk ahead (once, again after a failure). */
type Page<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };

/** A page's component from its module, fetched the first time the page is shown (or preloaded). */
function page<P extends object>(load: () => Promise<ComponentType<P>>): Page<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return Object.assign(
    lazy(async () => ({ default: await preload() })),
    { preload },
  );
}

/** Fetches a chunk ahead of its page; if that fails, the page's own load tries again and tells. */
const prefetch = (load: () => Promise<unknown>) => void load().catch(() => undefined);

const Shell = page(async () => (await import('./Shell.tsx')).Shell);
const LoginPage = page(async () => (await import('../modules/auth/LoginPage.tsx')).LoginPage);
const HomePage = page(async () => (await import('../modules/home/HomePage.tsx')).HomePage);
const AccountPage = page(async () => (await import('../modules/account/AccountPage.tsx')).AccountPage);
const UsersPage = page(async () => (await import('../modules/users/UsersPage.tsx')).UsersPage);
const RolesPage = page(async () => (await import('../modules/users/RolesPage.tsx')).RolesPage);
const AuditPage = page(async () => (await import('../modules/audit/AuditPage.tsx')).AuditPage);
const DictionariesPage = page(
  async () => (await import('../modules/registry/DictionariesPage.tsx')).DictionariesPage,
);
const DictionaryImportPage = page(
  async () => (await import('../modules/registry/DictionaryImportPage.tsx')).DictionaryImportPage,
);
const ProfilePage = page(async () => (await import('../modules/profile/ProfilePage.tsx')).ProfilePage);
const ListItemsPage = page(async () => (await import('../modules/lists/ListItemsPage.tsx')).ListItemsPage);
const ListImportPage = page(async () => (await import('../modules/lists/ListImportPage.tsx')).ListImportPage);
const ListItemDetailPage = page(
  async () => (await import('../modules/lists/ListItemDetailPage.tsx')).ListItemDetailPage,
);
const MatchingSearchPage = page(
  async () => (await import('../modules/matching/MatchingSearchPage.tsx')).MatchingSearchPage,
);
const OrdersPage = page(async () => (await import('../modules/orders/OrdersPage.tsx')).OrdersPage);
const OrderBoardPage = page(
  async () => (await import('../modules/orders/OrderBoardPage.tsx')).OrderBoardPage,
);
const OrderDetailPage = page(
  async () => (await import('../modules/orders/OrderDetailPage.tsx')).OrderDetailPage,
);
const TeamsPage = page(async () => (await import('../modules/teams/TeamsPage.tsx')).TeamsPage);
const TeamDetailPage = page(async () => (await import('../modules/teams/TeamDetailPage.tsx')).TeamDetailPage);
/** The overview's grid and the region's sessions: only operators open it. */
const StandingPage = page(async () => (await import('../modules/standing/StandingPage.tsx')).StandingPage);
const RoundsPage = page(async () => (await import('../modules/standing/RoundsPage.tsx')).RoundsPage);
const RoundDetailPage = page(
  async () => (await import('../modules/standing/RoundDetailPage.tsx')).RoundDetailPage,
);
/** A commissioner's enterprises, used on the road: its own chunk, light on a phone. */
const PortfolioPage = page(async () => (await import('../modules/standing/PortfolioPage.tsx')).PortfolioPage);
const DutiesPage = page(async () => (await import('../modules/standing/DutiesPage.tsx')).DutiesPage);
const ActivitiesPage = page(
  async () => (await import('../modules/activities/ActivitiesPage.tsx')).ActivitiesPage,
);
const ActivityDetailPage = page(
  async () => (await import('../modules/activities/ActivityDetailPage.tsx')).ActivityDetailPage,
);
/** The dashboard pulls in ECharts, which only its chunk imports. */
const InsightsPage = page(async () => (await import('../modules/insights/InsightsPage.tsx')).InsightsPage);
const NotificationsPage = page(
  async () => (await import('../modules/notifications/NotificationsPage.tsx')).NotificationsPage,
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
  ...registryRoutes('talents'),
  ...registryRoutes('enterprises'),
  ...registryRoutes('institutions'),
  ...registryRoutes('stations'),
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
  { path: 'standing', element: <StandingPage />, permission: 'standing.manage' },
  { path: 'standing/rounds', element: <RoundsPage />, permission: 'standing.read' },
  { path: 'standing/rounds/:id', element: <RoundDetailPage />, permission: 'standing.read' },
  { path: 'standing/portfolio', element: <PortfolioPage />, permission: 'standing.read' },
  { path: 'standing/duties', element: <DutiesPage />, permission: 'standing.read' },
  { path: 'activities', element: <ActivitiesPage />, permission: 'activities.read' },
  { path: 'activities/:id', element: <ActivityDetailPage />, permission: 'activities.read' },
  { path: 'insights', element: <InsightsPage />, permission: 'insights.read' },
  { path: 'notifications', element: <NotificationsPage /> },
];

/**
 * A registry page of one kind: the page's chunk and the kinds' configurations (fields, forms,
 * columns) are fetched together the first time it is shown.
 */
function registryPage<K extends RegistryKind>(
  kind: K,
  load: () => Promise<ComponentType<{ config: KindConfig<K> }>>,
) {
  return page(async () => {
    const [Page, { KIND_CONFIGS }] = await Promise.all([
      load(),
      import('../modules/registry/kinds/index.ts'),
    ]);
    const config = KIND_CONFIGS[kind];
    return () => <Page config={config} />;
  });
}

/** A registry's list, import and record pages (the key keeps each kind's page state apart). */
function registryRoutes<K extends RegistryKind>(kind: K): AppRoute[] {
  const base = `registry/${kind}`;
  const List = registryPage(
    kind,
    async () => (await import('../modules/registry/RegistryListPage.tsx')).RegistryListPage,
  );
  const Import = registryPage(
    kind,
    async () => (await import('../modules/registry/RegistryImportPage.tsx')).RegistryImportPage,
  );
  const Detail = registryPage(
    kind,
    async () => (await import('../modules/registry/RegistryDetailPage.tsx')).RegistryDetailPage,
  );
  return [
    { path: base, element: <List key={base} />, permission: 'registry.read' },
    { path: `${base}/import`, element: <Import key={base} />, permission: 'registry.manage' },
    { path: `${base}/:id`, element: <Detail key={base} />, permission: 'registry.read' },
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

/**
 * On a full load of a page, fetches its chunks (and the shell's) at once, while the session is
 * checked, instead of one after the other: the session, then the shell, then the page. The
 * window's load event waits for them, as it did when every page was in one bundle: a page that
 * has loaded has its code.
 */
export function preloadPage(pathname: string) {
  const before = new Set(document.head.querySelectorAll('link[rel=modulepreload]'));
  for (const load of pageLoads(pathname)) prefetch(load);
  // Vite's preload puts a modulepreload link in the head for each chunk of a dynamic import; a
  // script-inserted module importing them delays the load event (modulepreload and import() alone
  // do not). The modules are the ones React.lazy imports, evaluated once.
  const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].filter(
    (link) => !before.has(link),
  );
  if (links.length === 0) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.textContent = links.map((link) => `import ${JSON.stringify(link.href)};`).join('\n');
  document.head.append(script);
}

/** The chunks a full load of `pathname` needs: the sign-in page's, or the shell's and the page's. */
function pageLoads(pathname: string): (() => Promise<unknown>)[] {
  if (pathname === '/login') return [LoginPage.preload];
  const routes: RouteObject[] = [
    {
      path: '/',
      children: appRoutes.map((route, index) =>
        route.path === '' ? { index: true, id: String(index) } : { path: route.path, id: String(index) },
      ),
    },
  ];
  const leaf = matchRoutes(routes, pathname)?.at(-1)?.route.id;
  const element = leaf === undefined ? undefined : appRoutes[Number(leaf)]?.element;
  // Pages loaded with their route carry preload(); a module's page imported directly has none.
  const preload = isValidElement(element) ? (element.type as { preload?: unknown }).preload : undefined;
  return typeof preload === 'function' ? [Shell.preload, preload as () => Promise<unknown>] : [Shell.preload];
}

/**
 * The sign-in page. While the person types, the shell and the home page are fetched, so that
 * signing in shows them without another wait.
 */
function SignIn() {
  useEffect(() => {
    const timer = setTimeout(() => {
      prefetch(Shell.preload);
      prefetch(HomePage.preload);
    }, 1500);
    return () => clearTimeout(timer);
  }, []);
  return <LoginPage />;
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
            <PageBoundary fullScreen>
              <Routes>
                <Route path="/login" element={<SignIn />} />
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
            </PageBoundary>
          </BrowserRouter>
        </LocalizedAntd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
