import type { Messages } from '../../app/bilingual.ts';

/** The sign-in page. Each key in Chinese and English. */
export const authMessages = {
  'login.title': { zh: '登录', en: 'Sign in' },
  'login.username': { zh: '用户名或手机号', en: 'Username or mobile number' },
  'login.usernamePlaceholder': { zh: '请输入用户名或手机号', en: 'Enter your username or mobile number' },
  'login.usernameRequired': { zh: '请输入用户名或手机号', en: 'Enter your username or mobile number' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.passwordPlaceholder': { zh: '请输入密码', en: 'Enter your password' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.footer': {
    zh: '才桥 · 区域人才科技服务平台',
    en: 'Caiqiao · Regional talent and technology services',
  },
} satisfies Messages<'login'>;
