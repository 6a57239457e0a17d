import type { Messages } from '../../app/bilingual.ts';

/** User administration and roles. Each key in Chinese and English. */
export const usersMessages = {
  'users.create': { zh: '新建用户', en: 'New user' },
  'users.createTitle': { zh: '新建用户', en: 'New user' },
  'users.editTitle': { zh: '编辑用户：{name}', en: 'Edit user: {name}' },
  'users.created': { zh: '用户已创建', en: 'User created' },
  'users.updated': { zh: '用户信息已保存', en: 'User saved' },
  'users.searchPlaceholder': { zh: '用户名、姓名或手机号', en: 'Username, name or mobile' },
  'users.status': { zh: '状态', en: 'Status' },
  'users.statusActive': { zh: '正常', en: 'Active' },
  'users.statusDisabled': { zh: '已停用', en: 'Disabled' },
  'users.statusLocked': { zh: '已锁定', en: 'Locked' },
  'users.lockedUntil': {
    zh: '登录失败次数过多，锁定至 {time}',
    en: 'Too many failed sign-ins; locked until {time}',
  },
  'users.lastLoginAt': { zh: '最近登录', en: 'Last sign-in' },
  'users.createdAt': { zh: '创建时间', en: 'Created' },
  'users.disabled': { zh: '停用账户', en: 'Disable account' },
  'users.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'users.mobilePlaceholder': { zh: '选填，11位手机号', en: 'Optional, 11-digit mobile number' },
  'users.mobileMaskedHint': {
    zh: '为保护隐私，手机号已脱敏显示：保持不变则不修改，清空则删除，输入新号码则替换',
    en: 'The number is masked for privacy: leave it to keep it, clear it to remove it, or type a new number to replace it',
  },
  'users.rolePlaceholder': { zh: '请选择角色', en: 'Choose a role' },
  'users.organisationPlaceholder': { zh: '选填，输入名称搜索', en: 'Optional; type to search' },
  'users.organisationOption': { zh: '{name}（{region}）', en: '{name} ({region})' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.resetPasswordTitle': { zh: '重置密码：{name}', en: 'Reset password: {name}' },
  'users.resetPasswordIntro': {
    zh: '为账户 {username} 设置新密码，请通过安全渠道告知本人。',
    en: 'Set a new password for {username} and pass it on through a secure channel.',
  },
  'users.passwordReset': { zh: '已重置 {name} 的密码', en: 'The password of {name} has been reset' },

  'roles.permission': { zh: '权限', en: 'Permission' },
  'roles.kindRead': { zh: '查看', en: 'Read' },
  'roles.kindWrite': { zh: '操作', en: 'Write' },
  'roles.manageHint': {
    zh: '勾选或取消权限后，点击该角色列顶部的“保存”生效。',
    en: 'Tick or untick permissions, then press “Save” at the top of that role’s column.',
  },
  'roles.readOnly': {
    zh: '您只能查看角色权限，不能修改。',
    en: 'You can view role permissions but not change them.',
  },
  'roles.revert': { zh: '还原', en: 'Revert' },
  'roles.granted': { zh: '已授予', en: 'Granted' },
  'roles.notGranted': { zh: '未授予', en: 'Not granted' },
  'roles.saved': { zh: '“{role}”的权限已保存', en: 'Permissions of “{role}” saved' },

  'users.emailPlaceholder': { zh: '选填，用于接收消息提醒', en: 'Optional, for message notifications' },
  'users.emailMaskedHint': {
    zh: '当前邮箱为 {email}（已脱敏）：留空则不修改，输入新地址则替换',
    en: 'The address is {email} (masked): leave empty to keep it, type a new one to replace it',
  },
  'users.clearEmail': { zh: '清除邮箱', en: 'Clear the address' },
} satisfies Messages<'users' | 'roles'>;
