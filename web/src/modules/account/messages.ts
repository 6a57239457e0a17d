import type { Messages } from '../../app/bilingual.ts';

/** The signed-in user's account. Each key in Chinese and English. */
export const accountMessages = {
  'account.profile': { zh: '个人资料', en: 'Profile' },
  'account.changePassword': { zh: '修改密码', en: 'Change password' },
  'account.currentPassword': { zh: '当前密码', en: 'Current password' },
  'account.newPassword': { zh: '新密码', en: 'New password' },
  'account.confirmPassword': { zh: '确认新密码', en: 'Confirm new password' },
  'account.submitPassword': { zh: '修改密码', en: 'Change password' },
  'account.passwordChanged': { zh: '密码已修改', en: 'Your password has been changed' },

  'account.email.title': { zh: '消息提醒邮箱', en: 'E-mail for messages' },
  'account.email.intro': {
    zh: '平台已配置邮件发送时，您的站内消息也会同时发送到此邮箱。',
    en: 'When the platform has e-mail configured, your in-app messages are also sent to this address.',
  },
  'account.email.current': { zh: '当前邮箱', en: 'Current address' },
  'account.email.none': { zh: '未设置', en: 'Not set' },
  'account.email.placeholder': { zh: '例如：name@example.cn', en: 'e.g. name@example.cn' },
  'account.email.save': { zh: '保存邮箱', en: 'Save address' },
  'account.email.clear': { zh: '清除邮箱', en: 'Clear address' },
  'account.email.clearConfirm': {
    zh: '清除后将不再通过邮件接收消息提醒。确定清除？',
    en: 'Messages will no longer be sent to you by e-mail. Clear the address?',
  },
  'account.email.saved': { zh: '邮箱已保存', en: 'E-mail address saved' },
  'account.email.cleared': { zh: '邮箱已清除', en: 'E-mail address cleared' },
} satisfies Messages<'account'>;
