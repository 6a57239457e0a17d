import { defineErrors } from '../http/app-error.ts';

export const authError = defineErrors({
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账户已锁定，请{minutes}分钟后再试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} more minute(s)',
  },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账户已停用，请联系管理员', en: 'This account is disabled' },
  AUTH_IP_RATE_LIMITED: {
    status: 429,
    zh: '该网络地址登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-ins from this address; try again later',
  },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  AUTH_PASSWORD_UNCHANGED: {
    status: 400,
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在或不在您的管辖范围内', en: 'User not found' },
  USER_USERNAME_TAKEN: {
    status: 409,
    zh: '用户名“{username}”已被使用',
    en: 'Username "{username}" is taken',
  },
  USER_MOBILE_REGISTERED: {
    status: 409,
    zh: '该手机号已绑定其他账户',
    en: 'This mobile number belongs to another account',
  },
  USER_MOBILE_TAKEN: {
    status: 409,
    zh: '该手机号已绑定账户“{username}”',
    en: 'This mobile number belongs to account "{username}"',
  },
  USER_ROLE_NOT_ASSIGNABLE: {
    status: 403,
    zh: '您不能授予“{role}”角色',
    en: 'You may not give the role "{role}"',
  },
  USER_REGION_OUT_OF_SCOPE: {
    status: 403,
    zh: '所选地区不在您的管辖范围内',
    en: 'That region is outside your jurisdiction',
  },
  USER_CANNOT_DISABLE_SELF: {
    status: 400,
    zh: '不能停用自己的账户',
    en: 'You cannot disable your own account',
  },
  ORGANISATION_NOT_FOUND: {
    status: 400,
    zh: '所选组织不存在或不在您的管辖范围内',
    en: 'Organisation not found',
  },
});
