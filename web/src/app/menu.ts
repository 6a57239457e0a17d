import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './messages.ts';

export type MenuIcon = typeof HomeOutlined;

export interface MenuEntry {
  /** The route it opens; also the menu key. */
  path: string;
  labelKey: MessageKey;
  icon: MenuIcon;
  /** Hidden from accounts without this permission; absent means every signed-in account. */
  permission?: string;
  /** Position in the menu, ascending. */
  order: number;
}

/**
 * The side menu. Modules add their entries by appending to this array
 * (or calling addMenuEntries) before the app renders.
 */
export const menuEntries: MenuEntry[] = [
  { path: '/', labelKey: 'menu.home', icon: HomeOutlined, order: 0 },
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
  { path: '/account', labelKey: 'menu.account', icon: UserOutlined, order: 900 },
];

export function addMenuEntries(...entries: MenuEntry[]): void {
  menuEntries.push(...entries);
}

/** The entries this account may see, in menu order. */
export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return menuEntries
    .filter((entry) => !entry.permission || permissions.includes(entry.permission))
    .sort((a, b) => a.order - b.order);
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
