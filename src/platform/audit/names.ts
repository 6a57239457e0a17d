import type { Bilingual } from '../i18n/locale.ts';

/**
 * The audit log's words: what each action and each kind of record is called,
 * in Chinese and English. The log stores keys (`order.cancel`, `talent`) so
 * that its rows, filters and hash chain never change with the wording; people
 * read these names instead. Pure data: the web bundles this file.
 *
 * Actions are written by every module, and the platform may not import
 * modules, so the names are kept here; test/audit-names.test.ts fails for an
 * action a module writes that has no name.
 */

/** Object types (the `entity` column). */
export const AUDIT_ENTITY_NAMES = {
  user: { zh: '用户', en: 'User' },
  session: { zh: '登录会话', en: 'Session' },
  role: { zh: '角色', en: 'Role' },
  organisation: { zh: '组织', en: 'Organisation' },
  import_job: { zh: '导入任务', en: 'Import' },
  dictionary_entry: { zh: '字典条目', en: 'Code-list entry' },
  talent: { zh: '人才', en: 'Talent' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institution: { zh: '机构', en: 'Institution' },
  station: { zh: '人才驿站', en: 'Talent station' },
  demand: { zh: '技术需求', en: 'Tech demand' },
  talentDemand: { zh: '人才需求', en: 'Talent demand' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  team: { zh: '服务团队', en: 'Service team' },
  order: { zh: '服务订单', en: 'Service order' },
  activity: { zh: '活动', en: 'Activity' },
  rule_set: { zh: '规则', en: 'Rules' },
  commissioner_round: { zh: '科技特派员选派轮次', en: 'Commissioner round' },
  commissioner_pairing: { zh: '科技特派员服务关系', en: 'Commissioner term' },
  contact_duty: { zh: '联系服务任务', en: 'Contact duty' },
  standing_settings: { zh: '常态化服务设置', en: 'Standing service settings' },
} as const satisfies Record<string, Bilingual>;

export type AuditEntity = keyof typeof AUDIT_ENTITY_NAMES;

/** The registries' records: each kind is written the same way. */
const RECORD_ENTITIES = ['talent', 'enterprise', 'institution', 'station'] as const;
/** The lists' items (demands, talent demands, achievements). */
const LIST_ENTITIES = ['demand', 'talentDemand', 'achievement'] as const;

/** Verbs that registries and lists share; `{x}` is the record's kind. */
const RECORD_VERBS: Record<string, Bilingual> = {
  create: { zh: '新建{x}', en: 'Create {x}' },
  update: { zh: '修改{x}', en: 'Update {x}' },
  'import.create': { zh: '导入新建{x}', en: 'Import new {x}' },
  'import.update': { zh: '导入更新{x}', en: 'Import update of {x}' },
};

const REGISTRY_VERBS: Record<string, Bilingual> = {
  ...RECORD_VERBS,
  archive: { zh: '归档{x}', en: 'Archive {x}' },
  restore: { zh: '恢复{x}', en: 'Restore {x}' },
  reveal: { zh: '查看{x}完整个人信息', en: 'Reveal personal data of {x}' },
  'export.reveal': { zh: '导出{x}完整个人信息', en: 'Export personal data of {x}' },
};

/** The list workflow's moves (lists/machine.ts) and writes. */
const LIST_VERBS: Record<string, Bilingual> = {
  ...RECORD_VERBS,
  submit: { zh: '提交审核{x}', en: 'Submit {x} for review' },
  withdraw: { zh: '撤回{x}', en: 'Withdraw {x}' },
  reject: { zh: '退回{x}', en: 'Send back {x}' },
  publish: { zh: '发布{x}', en: 'Publish {x}' },
  start: { zh: '{x}开始对接', en: 'Start work on {x}' },
  close: { zh: '关闭{x}', en: 'Close {x}' },
  solve: { zh: '确认{x}已解决', en: 'Mark {x} solved' },
  keepOpen: { zh: '确认{x}尚未解决', en: 'Keep {x} open, not solved yet' },
  expire: { zh: '{x}过期', en: '{x} expired' },
  reopen: { zh: '重新发布{x}', en: 'Reopen {x}' },
};

function each(entities: readonly AuditEntity[], verbs: Record<string, Bilingual>): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  for (const entity of entities) {
    const noun = AUDIT_ENTITY_NAMES[entity];
    for (const [verb, name] of Object.entries(verbs)) {
      out[`${entity}.${verb}`] = {
        zh: name.zh.replace('{x}', noun.zh),
        en: name.en.replace('{x}', noun.en.toLowerCase()).replace(/^./, (c) => c.toUpperCase()),
      };
    }
  }
  return out;
}

/** Every action the platform writes, by its key. */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, Bilingual>> = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.lock': { zh: '账号锁定（密码多次错误）', en: 'Account locked (repeated wrong passwords)' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Update user' },
  'user.email': { zh: '修改邮箱', en: 'Change e-mail' },
  'user.password.reset': { zh: '重置密码', en: 'Reset password' },
  'user.password.change': { zh: '修改本人密码', en: 'Change own password' },
  'role.permissions.set': { zh: '配置角色权限', en: 'Set role permissions' },
  'organisation.create': { zh: '新建组织', en: 'Create organisation' },
  'import.commit': { zh: '提交导入', en: 'Commit import' },
  'dictionary.create': { zh: '新增字典条目', en: 'Add code-list entry' },
  'dictionary.update': { zh: '修改字典条目', en: 'Update code-list entry' },
  ...each(RECORD_ENTITIES, REGISTRY_VERBS),
  'talent.account': { zh: '关联人才账号', en: 'Link talent account' },
  ...each(LIST_ENTITIES, LIST_VERBS),
  'team.create': { zh: '新建服务团队', en: 'Create service team' },
  'team.update': { zh: '修改服务团队', en: 'Update service team' },
  'team.archive': { zh: '归档服务团队', en: 'Archive service team' },
  'team.restore': { zh: '恢复服务团队', en: 'Restore service team' },
  'rules.update': { zh: '发布规则新版本', en: 'Store a new version of rules' },
  'standing.plan.create': { zh: '制定年度服务计划', en: 'Make a yearly service plan' },
  'standing.plan.update': { zh: '调整年度服务计划', en: 'Change a yearly service plan' },
  'standing.record': { zh: '登记计划服务', en: 'Record a planned session' },
  'standing.unrecord': { zh: '撤销计划服务登记', en: 'Take back a session’s record' },
  'standing.attach': { zh: '上传走访附件', en: 'Attach a file to a visit' },
  'standing.refine': { zh: '凝练技术需求', en: 'Refine a technical demand' },
  'standing.round.create': { zh: '开启选派轮次', en: 'Open a commissioner round' },
  'standing.round.entries': { zh: '调整选派参与方', en: 'Change a round’s participants' },
  'standing.round.preferences': { zh: '填报选派意向', en: 'State preferences' },
  'standing.round.propose': { zh: '生成配对建议', en: 'Propose pairs' },
  'standing.round.pair': { zh: '调整配对', en: 'Change a pair' },
  'standing.round.confirm': { zh: '确认选派', en: 'Confirm a round' },
  'standing.pairing.end': { zh: '结束特派员服务', en: 'End a commissioner term' },
  'standing.settings.update': { zh: '修改常态化服务设置', en: 'Change standing service settings' },
  'standing.duty.create': { zh: '安排联系服务', en: 'Assign a contact duty' },
  'standing.duty.update': { zh: '调整联系服务', en: 'Change a contact duty' },
  'standing.duty.end': { zh: '结束联系服务', en: 'End a contact duty' },
  'order.place': { zh: '下单', en: 'Place order' },
  'order.dispatch': { zh: '派单', en: 'Dispatch order' },
  'order.redispatch': { zh: '改派', en: 'Redispatch order' },
  'order.accept': { zh: '接单', en: 'Accept order' },
  'order.decline': { zh: '拒单', en: 'Decline order' },
  'order.timeout': { zh: '超时退回', en: 'Order timed out' },
  'order.start': { zh: '开始服务', en: 'Start service' },
  'order.finish': { zh: '服务完成', en: 'Finish service' },
  'order.confirm': { zh: '确认办结', en: 'Confirm completion' },
  'order.reopen': { zh: '退回继续服务', en: 'Reopen order' },
  'order.cancel': { zh: '取消订单', en: 'Cancel order' },
  'order.visit': { zh: '记录走访', en: 'Record visit' },
  'order.attach': { zh: '上传附件', en: 'Attach file' },
  'order.overdue': { zh: '订单超期督办', en: 'Order overdue' },
  'activity.create': { zh: '新建活动', en: 'Create activity' },
  'activity.update': { zh: '修改活动', en: 'Update activity' },
  'activity.publish': { zh: '发布活动报名', en: 'Publish activity' },
  'activity.close': { zh: '截止报名', en: 'Close registration' },
  'activity.reopen': { zh: '重新开放报名', en: 'Reopen registration' },
  'activity.finish': { zh: '结束活动', en: 'Finish activity' },
  'activity.cancel': { zh: '取消活动', en: 'Cancel activity' },
  'activity.register': { zh: '活动报名', en: 'Register for activity' },
  'activity.registration.approve': { zh: '通过报名', en: 'Approve registration' },
  'activity.registration.reject': { zh: '驳回报名', en: 'Reject registration' },
  'activity.registration.cancel': { zh: '取消报名', en: 'Cancel registration' },
  'activity.checkin': { zh: '活动签到', en: 'Check in' },
  'activity.position.add': { zh: '新增招聘岗位', en: 'Add position' },
  'activity.application.add': { zh: '登记应聘', en: 'Add application' },
  'activity.application.update': { zh: '更新应聘结果', en: 'Update application' },
  'activity.outcome.add': { zh: '登记活动成效', en: 'Add outcome' },
  'activity.outcome.remove': { zh: '删除活动成效', en: 'Remove outcome' },
  'activity.meetings.propose': { zh: '推荐洽谈', en: 'Propose meetings' },
  'activity.meetings.request': { zh: '申请洽谈', en: 'Request meeting' },
  'activity.meetings.accept': { zh: '接受洽谈', en: 'Accept meeting' },
  'activity.meetings.decline': { zh: '谢绝洽谈', en: 'Decline meeting' },
  'activity.meetings.cancel': { zh: '取消洽谈', en: 'Cancel meeting' },
  'activity.meetings.arrange': { zh: '排定洽谈日程', en: 'Arrange meetings' },
};

/** Whose action an unnamed key is, by its first part (an object type, or one of these). */
const SUBJECTS: Record<string, Bilingual> = {
  ...AUDIT_ENTITY_NAMES,
  auth: { zh: '登录', en: 'Sign-in' },
  dictionary: { zh: '数据字典', en: 'Code lists' },
  import: { zh: '导入', en: 'Import' },
};

/** The parts an unnamed action is made of, for the fallback. */
const VERBS: Record<string, Bilingual> = {
  create: { zh: '新建', en: 'create' },
  add: { zh: '新增', en: 'add' },
  update: { zh: '修改', en: 'update' },
  set: { zh: '设置', en: 'set' },
  remove: { zh: '删除', en: 'remove' },
  archive: { zh: '归档', en: 'archive' },
  restore: { zh: '恢复', en: 'restore' },
  import: { zh: '导入', en: 'import' },
  export: { zh: '导出', en: 'export' },
  reveal: { zh: '查看完整信息', en: 'reveal' },
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '通过', en: 'approve' },
  reject: { zh: '退回', en: 'reject' },
  publish: { zh: '发布', en: 'publish' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  close: { zh: '关闭', en: 'close' },
  reopen: { zh: '重新开放', en: 'reopen' },
  start: { zh: '开始', en: 'start' },
  finish: { zh: '完成', en: 'finish' },
  confirm: { zh: '确认', en: 'confirm' },
  cancel: { zh: '取消', en: 'cancel' },
  accept: { zh: '接受', en: 'accept' },
  decline: { zh: '谢绝', en: 'decline' },
  expire: { zh: '过期', en: 'expire' },
  register: { zh: '报名', en: 'register' },
  registration: { zh: '报名', en: 'registration' },
  checkin: { zh: '签到', en: 'check-in' },
  account: { zh: '账号', en: 'account' },
  password: { zh: '密码', en: 'password' },
  permissions: { zh: '权限', en: 'permissions' },
  meetings: { zh: '洽谈', en: 'meetings' },
  outcome: { zh: '成效', en: 'outcome' },
  position: { zh: '岗位', en: 'position' },
  application: { zh: '应聘', en: 'application' },
};

const OTHER_ACTION: Bilingual = { zh: '其他操作', en: 'Other action' };
const OTHER_ENTITY: Bilingual = { zh: '其他对象', en: 'Other record' };

/**
 * An action's name. An action without its own name is read from its parts —
 * the object type's name and its verbs (`order.archive` → 服务订单 · 归档) — so
 * that a new action still reads in the caller's language, never as a key.
 */
export function auditActionName(action: string): Bilingual {
  const named = Object.hasOwn(AUDIT_ACTION_NAMES, action) ? AUDIT_ACTION_NAMES[action] : undefined;
  if (named) return named;
  const [head = '', ...rest] = action.split('.');
  const subject = Object.hasOwn(SUBJECTS, head) ? SUBJECTS[head] : undefined;
  if (!subject) return OTHER_ACTION;
  const verbs = rest.map((part) => (Object.hasOwn(VERBS, part) ? VERBS[part] : undefined));
  if (verbs.length === 0 || verbs.some((verb) => verb === undefined)) {
    return { zh: `${subject.zh} · ${OTHER_ACTION.zh}`, en: `${subject.en}: other action` };
  }
  const known = verbs as Bilingual[];
  return {
    zh: `${subject.zh} · ${known.map((verb) => verb.zh).join('')}`,
    en: `${subject.en}: ${known.map((verb) => verb.en).join(' ')}`,
  };
}

/** An object type's name; one the log does not know reads as 其他对象 / Other record. */
export function auditEntityName(entity: string): Bilingual {
  return Object.hasOwn(AUDIT_ENTITY_NAMES, entity) ? AUDIT_ENTITY_NAMES[entity as AuditEntity] : OTHER_ENTITY;
}
