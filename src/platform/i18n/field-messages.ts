import type { Bilingual } from './locale.ts';

/**
 * Messages for custom field checks. A schema refers to one as `i18n:KEY`
 * (e.g. `z.string().regex(re, 'i18n:MOBILE_INVALID')`) and the error reply
 * renders it in the caller's language.
 */
export const FIELD_MESSAGES = {
  MOBILE_INVALID: {
    zh: '手机号码格式不正确（应为11位中国大陆手机号）',
    en: 'Not a valid mainland China mobile number',
  },
  REGION_CODE_INVALID: { zh: '行政区划代码不存在', en: 'Unknown administrative division code' },
  PASSWORD_TOO_WEAK: {
    zh: '密码至少10位，且须同时包含字母和数字',
    en: 'Password must be at least 10 characters and contain letters and digits',
  },
  USERNAME_INVALID: {
    zh: '用户名为3至32位字母、数字、下划线、点或连字符',
    en: 'Username must be 3–32 letters, digits, underscores, dots or hyphens',
  },
  ID_NUMBER_INVALID: { zh: '身份证号码无效（校验位不符）', en: 'Invalid resident ID number (check digit)' },
  CREDIT_CODE_INVALID: {
    zh: '统一社会信用代码无效（校验位不符）',
    en: 'Invalid unified social credit code (check character)',
  },
  EMAIL_INVALID: { zh: '电子邮箱格式不正确', en: 'Not a valid email address' },
  RECORD_CODE_INVALID: {
    zh: '编号不能包含空格，最长64位',
    en: 'Codes have no spaces and at most 64 characters',
  },
  REQUIRED: { zh: '必填', en: 'Required' },
  DATE_INVALID: {
    zh: '日期无效（应为 YYYY-MM-DD 格式、真实存在的日期）',
    en: 'Not a valid date (YYYY-MM-DD, a day that exists)',
  },
  CONTROL_CHARACTERS: {
    zh: '含有不可见的控制字符（如 \\0），请删除后重试',
    en: 'Contains invisible control characters (such as NUL); remove them',
  },
  BROKEN_CHARACTERS: {
    zh: '含有无法识别的字符（编码损坏），请重新输入',
    en: 'Contains broken characters (invalid UTF-16); type it again',
  },
  RULE_IDENTIFIER_INVALID: {
    zh: '须以字母开头，只含字母、数字、下划线或点，最长64位',
    en: 'Starts with a letter; letters, digits, underscores or dots; at most 64 characters',
  },
  RULE_TOO_DEEP: { zh: '规则嵌套过深（最多8层）', en: 'The rule is nested too deeply (at most 8 levels)' },
  RULE_TOO_LARGE: {
    zh: '规则过大（最多200个条件和分组）',
    en: 'The rule is too large (at most 200 conditions and groups)',
  },
  RULE_AT_LEAST_RANGE: {
    zh: '“至少满足”的项数须在0到所列条件数之间',
    en: '“At least” must be between 0 and the number of conditions listed',
  },
} satisfies Record<string, Bilingual>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** `i18n:KEY` for use as a zod custom message. */
export function fieldMessage(key: FieldMessageKey): string {
  return `i18n:${key}`;
}
