import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './messages.ts';
import type { Me } from './session.ts';

export type MenuIcon = typeof HomeOutlined;

/** The signed-in account as the menu weighs it: its role and its permissions. */
export type MenuAccount = Pick<Me, 'role' | 'permissions'>;

export interface MenuEntry {
  /** The route it opens; also the menu key. */
  path: string;
  labelKey: MessageKey;
  icon: MenuIcon;
  /** Hidden from accounts without this permission; absent means every signed-in account. */
  permission?: string;
  /**
   * Past the permission, whether the page has anything for this account (the server answers
   * some roles nothing there); absent means it has. The route itself keeps only the permission.
   */
  shows?: (me: MenuAccount) => boolean;
  /** Position in the menu (within its group), ascending. */
  order: number;
  /** The key of the group (menuGroups) it sits in; absent for a top-level entry. */
  group?: string;
}

/** A folding section of the menu; shown when at least one of its entries is. */
export interface MenuGroup {
  /** Also the submenu key; never a path. */
  key: string;
  labelKey: MessageKey;
  icon: MenuIcon;
  /** Position among the top-level entries, ascending. */
  order: number;
}

export const menuGroups: MenuGroup[] = [
  { key: 'lists', labelKey: 'menu.lists', icon: FundOutlined, order: 200 },
  { key: 'orders', labelKey: 'menu.orders', icon: FileDoneOutlined, order: 400 },
  { key: 'commissioners', labelKey: 'menu.commissioners', icon: ExperimentOutlined, order: 465 },
];

/** Arranges the region's standing service: rounds, every portfolio, contact duties (operators, admin). */
const arrangesStanding = (me: MenuAccount) => me.permissions.includes('standing.manage');

/**
 * The side menu. Modules add their entries by appending to this array
 * (or calling addMenuEntries) before the app renders.
 */
export const menuEntries: MenuEntry[] = [
  { path: '/', labelKey: 'menu.home', icon: HomeOutlined, order: 0 },
  // Right below the home page: the region's figures at a glance.
  {
    path: '/insights',
    labelKey: 'menu.insights',
    icon: BarChartOutlined,
    permission: 'insights.read',
    order: 50,
  },
  {
    path: '/registry/talents',
    labelKey: 'menu.talents',
    icon: SolutionOutlined,
    permission: 'registry.read',
    order: 100,
  },
  {
    path: '/registry/enterprises',
    labelKey: 'menu.enterprises',
    icon: ShopOutlined,
    permission: 'registry.read',
    order: 110,
  },
  {
    path: '/registry/institutions',
    labelKey: 'menu.institutions',
    icon: BankOutlined,
    permission: 'registry.read',
    order: 120,
  },
  {
    path: '/registry/stations',
    labelKey: 'menu.stations',
    icon: EnvironmentOutlined,
    permission: 'registry.read',
    order: 130,
  },
  { path: '/profile', labelKey: 'menu.profile', icon: IdcardOutlined, permission: 'profile.own', order: 150 },
  {
    path: '/lists/demands',
    labelKey: 'menu.demands',
    icon: BulbOutlined,
    permission: 'lists.read',
    order: 200,
    group: 'lists',
  },
  {
    path: '/lists/talent-demands',
    labelKey: 'menu.talentDemands',
    icon: UsergroupAddOutlined,
    permission: 'lists.read',
    order: 210,
    group: 'lists',
  },
  {
    path: '/lists/achievements',
    labelKey: 'menu.achievements',
    icon: ExperimentOutlined,
    permission: 'lists.read',
    order: 220,
    group: 'lists',
  },
  {
    path: '/matching/search',
    labelKey: 'menu.matching',
    icon: AimOutlined,
    permission: 'matching.use',
    order: 300,
  },
  {
    path: '/orders',
    labelKey: 'menu.orderList',
    icon: ProfileOutlined,
    permission: 'orders.read',
    order: 400,
    group: 'orders',
  },
  {
    path: '/orders/board',
    labelKey: 'menu.orderBoard',
    icon: DashboardOutlined,
    permission: 'orders.manage',
    order: 410,
    group: 'orders',
  },
  // Right below the orders group: orders are dispatched to teams.
  { path: '/teams', labelKey: 'menu.teams', icon: ClusterOutlined, permission: 'teams.read', order: 450 },
  // Beside the teams: how their yearly plans are kept.
  {
    path: '/standing',
    labelKey: 'menu.standing',
    icon: CalendarOutlined,
    permission: 'standing.manage',
    order: 460,
  },
  // 科技特派员: the rounds that pair experts with enterprises, and a commissioner's portfolio.
  {
    path: '/standing/rounds',
    labelKey: 'menu.rounds',
    icon: UsergroupAddOutlined,
    permission: 'standing.read',
    // The office's, and the rounds an enterprise or an expert takes part in (round-views.ts partyOf).
    shows: (me) => arrangesStanding(me) || me.role === 'enterprise' || me.role === 'expert',
    order: 465,
    group: 'commissioners',
  },
  {
    path: '/standing/portfolio',
    labelKey: 'menu.portfolio',
    icon: ProfileOutlined,
    permission: 'standing.read',
    // The office opens any commissioner's; an expert has their own.
    shows: (me) => arrangesStanding(me) || me.role === 'expert',
    order: 466,
    group: 'commissioners',
  },
  {
    path: '/standing/duties',
    labelKey: 'menu.duties',
    icon: PhoneOutlined,
    permission: 'standing.read',
    // Duties are kept by the office's operator accounts.
    shows: arrangesStanding,
    order: 470,
  },
  {
    path: '/activities',
    labelKey: 'menu.activities',
    icon: CalendarOutlined,
    permission: 'activities.read',
    order: 500,
  },
  {
    path: '/dictionaries',
    labelKey: 'menu.dictionaries',
    icon: BookOutlined,
    permission: 'dictionaries.manage',
    order: 700,
  },
  { path: '/users', labelKey: 'menu.users', icon: TeamOutlined, permission: 'users.read', order: 800 },
  {
    path: '/roles',
    labelKey: 'menu.roles',
    icon: SafetyCertificateOutlined,
    permission: 'roles.read',
    order: 810,
  },
  { path: '/audit', labelKey: 'menu.audit', icon: AuditOutlined, permission: 'audit.read', order: 820 },
  { path: '/notifications', labelKey: 'menu.inbox', icon: BellOutlined, order: 890 },
  { path: '/account', labelKey: 'menu.account', icon: UserOutlined, order: 900 },
];

export function addMenuEntries(...entries: MenuEntry[]): void {
  menuEntries.push(...entries);
}

/** The entries this account may see and has something in, in menu order. */
export function visibleMenu(me: MenuAccount): MenuEntry[] {
  return menuEntries
    .filter((entry) => !entry.permission || me.permissions.includes(entry.permission))
    .filter((entry) => !entry.shows || entry.shows(me))
    .sort((a, b) => a.order - b.order);
}

export type MenuNode =
  | { type: 'entry'; entry: MenuEntry }
  | { type: 'group'; group: MenuGroup; entries: MenuEntry[] };

/**
 * Visible entries as the menu shows them: top-level entries and groups in order,
 * each group holding its visible entries; a group with none is left out.
 */
export function menuTree(entries: readonly MenuEntry[]): MenuNode[] {
  const nodes: { order: number; node: MenuNode }[] = [];
  const groups = new Map<string, MenuEntry[]>();
  for (const entry of entries) {
    const group = entry.group ? menuGroups.find((candidate) => candidate.key === entry.group) : undefined;
    if (!group) {
      nodes.push({ order: entry.order, node: { type: 'entry', entry } });
      continue;
    }
    const members = groups.get(group.key);
    if (members) {
      members.push(entry);
    } else {
      const created = [entry];
      groups.set(group.key, created);
      nodes.push({ order: group.order, node: { type: 'group', group, entries: created } });
    }
  }
  return nodes.sort((a, b) => a.order - b.order).map(({ node }) => node);
}

/** The entry to highlight for a location: the longest path that prefixes it ("/" only matches itself). */
export function selectedMenuKey(entries: readonly MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.path;
}
