import type { Rule } from 'antd/es/form';
import { isMobile } from '../../app/forms.ts';
import type { Translate } from '../../app/i18n.tsx';

/** Full-width letters and digits as the server reads them (Ｘ → X). */
function halfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A GB 11643 18-character ID number with a valid check character and birth date (mirrors the server). */
export function isIdNumber(value: string): boolean {
  const id = halfWidth(value).trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const birth = id.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A GB 32100 18-character unified social credit code with a valid check character. */
export function isCreditCode(value: string): boolean {
  const code = halfWidth(value).trim().toUpperCase();
  if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(code[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] === code[17];
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function check(test: (value: string) => boolean, message: string, unchanged?: string | null): Rule {
  return {
    validator: (_rule, value: unknown) =>
      blank(value) || value === unchanged || test(value as string)
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

/** 编号: required, no spaces, at most 64 characters. */
export function codeRules(t: Translate, options: { optional?: boolean } = {}): Rule[] {
  return [
    ...(options.optional
      ? []
      : [{ required: true, whitespace: true, message: t('registry.validation.codeRequired') }]),
    { pattern: /^\s*[^\s\p{Cc}]{1,64}\s*$/u, message: t('registry.validation.codeInvalid') },
  ];
}

/** 名称 / 姓名: required, at most 128 characters. */
export function nameRules(t: Translate, label: string): Rule[] {
  return [
    { required: true, whitespace: true, message: t('registry.validation.nameRequired', { label }) },
    { max: 128, message: t('validation.tooLong', { label, max: 128 }) },
  ];
}

/** A mainland mobile number; a masked value left as shown is not checked (it is not sent). */
export function mobileRules(t: Translate, unchanged?: string | null): Rule[] {
  return [check(isMobile, t('validation.mobileInvalid'), unchanged)];
}

export function emailRules(t: Translate): Rule[] {
  return [
    {
      type: 'email',
      transform: (v: unknown) => (typeof v === 'string' ? v.trim() : v),
      message: t('registry.validation.emailInvalid'),
    },
    { max: 128, message: t('validation.tooLong', { label: t('field.email'), max: 128 }) },
  ];
}

export function idNumberRules(t: Translate, unchanged?: string | null): Rule[] {
  return [check(isIdNumber, t('registry.validation.idNumberInvalid'), unchanged)];
}

export function creditCodeRules(t: Translate): Rule[] {
  return [check(isCreditCode, t('registry.validation.creditCodeInvalid'))];
}

/** Text of at most `max` characters. */
export function maxRule(t: Translate, label: string, max: number): Rule {
  return { max, message: t('validation.tooLong', { label, max }) };
}

/** 1900 to this year, as the import checks. */
export function birthYearRules(t: Translate): Rule[] {
  const now = new Date().getFullYear();
  return [
    {
      type: 'integer',
      min: 1900,
      max: now,
      message: t('registry.validation.birthYear', { max: now }),
    },
  ];
}
