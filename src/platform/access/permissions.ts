import type { Bilingual } from '../i18n/locale.ts';

export const ROLES = [
  'admin',
  'operator',
  'institution',
  'enterprise',
  'expert',
  'provider',
  'reviewer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, Bilingual> = {
  admin: { zh: '平台管理员', en: 'Platform administrator' },
  operator: { zh: '区域运营人员', en: 'Region operator' },
  institution: { zh: '机构管理员', en: 'Institution administrator' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  expert: { zh: '专家人才', en: 'Expert / talent' },
  provider: { zh: '服务商', en: 'Service provider' },
  reviewer: { zh: '评审专家', en: 'Reviewer' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export interface PermissionSpec {
  name: Bilingual;
  /** Read permissions change nothing; only these may be granted to the auditor. */
  kind: 'read' | 'write';
}

/**
 * The permission catalogue. Modules add their permissions here as they land;
 * which role holds which is data (table role_permissions), seeded from
 * DEFAULT_GRANTS and editable by administrators.
 */
export const PERMISSIONS = {
  'scope.all': { name: { zh: '跨区域查看（全平台）', en: 'See all regions' }, kind: 'read' },
  'users.read': { name: { zh: '查看用户', en: 'View users' }, kind: 'read' },
  'users.manage': { name: { zh: '管理用户', en: 'Manage users' }, kind: 'write' },
  'roles.read': { name: { zh: '查看角色权限', en: 'View roles and permissions' }, kind: 'read' },
  'roles.manage': { name: { zh: '配置角色权限', en: 'Edit role permissions' }, kind: 'write' },
  'organisations.read': { name: { zh: '查看组织', en: 'View organisations' }, kind: 'read' },
  'organisations.manage': { name: { zh: '管理组织', en: 'Manage organisations' }, kind: 'write' },
  'personal.reveal': {
    name: { zh: '查看完整个人信息（身份证号、手机号）', en: 'See unmasked personal data' },
    kind: 'read',
  },
  'audit.read': { name: { zh: '查看审计日志', en: 'Read the audit log' }, kind: 'read' },
  'registry.read': {
    name: { zh: '查看人才、企业、机构、驿站库', en: 'View the registries' },
    kind: 'read',
  },
  'registry.manage': {
    name: { zh: '维护人才、企业、机构、驿站库（含导入）', en: 'Maintain the registries (incl. imports)' },
    kind: 'write',
  },
  'dictionaries.manage': { name: { zh: '维护数据字典', en: 'Maintain the code lists' }, kind: 'write' },
  'rules.manage': {
    name: {
      zh: '维护规则（团队组建规则等，按版本保存）',
      en: 'Maintain the rules (team composition …), versioned',
    },
    kind: 'write',
  },
  'profile.own': { name: { zh: '维护本人/本企业档案', en: 'Keep one’s own profile' }, kind: 'write' },
  'lists.read': {
    name: { zh: '查看技术需求、人才需求、科技成果', en: 'View demands and achievements' },
    kind: 'read',
  },
  'lists.submit': {
    name: {
      zh: '发布需求或成果（企业、机构、专家发布后需审核）',
      en: 'Post demands or achievements (reviewed unless posted by an operator)',
    },
    kind: 'write',
  },
  'lists.manage': {
    name: {
      zh: '审核、发布、维护需求与成果（含导入）',
      en: 'Review, publish and curate the lists (incl. imports)',
    },
    kind: 'write',
  },
  'orders.read': {
    name: { zh: '查看服务订单（本人相关或本地区）', en: 'View service orders (one’s own, or the region’s)' },
    kind: 'read',
  },
  'orders.act': {
    name: { zh: '办理服务订单（下单、接单、确认等本方环节）', en: 'Take one’s part in service orders' },
    kind: 'write',
  },
  'orders.manage': {
    name: { zh: '派单与督办本地区服务订单', en: 'Dispatch and oversee the region’s service orders' },
    kind: 'write',
  },
  'teams.read': {
    name: { zh: '查看服务团队', en: 'View service teams' },
    kind: 'read',
  },
  'teams.manage': {
    name: { zh: '组建与调整本地区服务团队', en: 'Set up and change the region’s service teams' },
    kind: 'write',
  },
  'activities.read': {
    name: { zh: '查看活动', en: 'View activities' },
    kind: 'read',
  },
  'activities.join': {
    name: { zh: '报名参加活动、确认洽谈', en: 'Register for activities and take part in meetings' },
    kind: 'write',
  },
  'activities.manage': {
    name: { zh: '举办本地区活动（报名审核、签到、排程、成效）', en: 'Run the region’s activities' },
    kind: 'write',
  },
  'standing.read': {
    name: {
      zh: '查看常态化服务（本人的特派员服务与联系任务，运营人员看本地区）',
      en: 'View the standing service (one’s own terms and duties; operators the region’s)',
    },
    kind: 'read',
  },
  'standing.manage': {
    name: {
      zh: '安排本地区常态化服务（科技特派员选派、联系服务）',
      en: 'Arrange the region’s standing service (commissioner rounds, contact duties)',
    },
    kind: 'write',
  },
  'insights.read': {
    name: { zh: '查看统计看板与工作简报', en: 'View statistics and work reports' },
    kind: 'read',
  },
  'matching.use': {
    name: { zh: '查看匹配推荐与智能检索', en: 'See matching suggestions and search' },
    kind: 'read',
  },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;

/** Route access: a permission, any signed-in user, or anyone. */
export type Access = Permission | 'authenticated' | 'public';

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export const DEFAULT_GRANTS: Record<Role, Permission[]> = {
  admin: [
    'scope.all',
    'users.read',
    'users.manage',
    'roles.read',
    'roles.manage',
    'organisations.read',
    'organisations.manage',
    'personal.reveal',
    'registry.read',
    'registry.manage',
    'dictionaries.manage',
    'rules.manage',
    'lists.read',
    'lists.submit',
    'lists.manage',
    'matching.use',
    'orders.read',
    'orders.act',
    'orders.manage',
    'teams.read',
    'teams.manage',
    'activities.read',
    'activities.join',
    'activities.manage',
    'standing.read',
    'standing.manage',
    'insights.read',
  ],
  operator: [
    'users.read',
    'users.manage',
    'roles.read',
    'organisations.read',
    'organisations.manage',
    'personal.reveal',
    'registry.read',
    'registry.manage',
    'lists.read',
    'lists.submit',
    'lists.manage',
    'matching.use',
    'orders.read',
    'orders.act',
    'orders.manage',
    'teams.read',
    'teams.manage',
    'activities.read',
    'activities.join',
    'activities.manage',
    'standing.read',
    'standing.manage',
    'insights.read',
  ],
  institution: [
    'organisations.read',
    'registry.read',
    'lists.read',
    'lists.submit',
    'matching.use',
    'orders.read',
    'orders.act',
    'teams.read',
    'activities.read',
    'activities.join',
    'standing.read',
  ],
  enterprise: [
    'profile.own',
    'lists.read',
    'lists.submit',
    'matching.use',
    'orders.read',
    'orders.act',
    'activities.read',
    'activities.join',
    'standing.read',
  ],
  expert: [
    'profile.own',
    'lists.read',
    'lists.submit',
    'matching.use',
    'orders.read',
    'orders.act',
    'teams.read',
    'activities.read',
    'activities.join',
    'standing.read',
  ],
  provider: ['lists.read', 'activities.read', 'activities.join'],
  reviewer: ['lists.read', 'activities.read', 'activities.join'],
  auditor: [
    'scope.all',
    'audit.read',
    'users.read',
    'roles.read',
    'organisations.read',
    'registry.read',
    'lists.read',
    'orders.read',
    'teams.read',
    'activities.read',
    'standing.read',
    'insights.read',
  ],
};

/**
 * Separation of duties, enforced whatever the grants table says: the audit log
 * is read by the auditor alone, the auditor can change nothing, and the
 * platform-wide code lists are changed by administrators alone.
 */
export function grantAllowed(role: Role, permission: Permission): boolean {
  if (permission === 'audit.read') return role === 'auditor';
  // Code lists are one set for the whole platform: a change shows in every region, so only
  // the platform's administrators make it.
  if (permission === 'dictionaries.manage') return role === 'admin';
  // Rules (team composition, later certification and eligibility) hold for every region alike.
  if (permission === 'rules.manage') return role === 'admin';
  if (role === 'auditor') return PERMISSIONS[permission].kind === 'read';
  return true;
}

/** Which roles an account holder may give to accounts they manage. */
export const ASSIGNABLE_ROLES: Record<Role, Role[]> = {
  admin: [...ROLES],
  operator: ['operator', 'institution', 'enterprise', 'expert', 'provider', 'reviewer'],
  institution: [],
  enterprise: [],
  expert: [],
  provider: [],
  reviewer: [],
  auditor: [],
};
