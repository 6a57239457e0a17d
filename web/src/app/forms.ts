import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { ApiError } from './api.ts';
import type { Translate } from './i18n.tsx';

/**
 * Puts the server's field errors on the form fields whose name matches the
 * last segment of the error path (`body.mobile` → `mobile`). Returns whether
 * any error was placed.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const names = new Set(form.getFieldsError().map((field) => String(field.name[0])));
  const byField = new Map<string, string[]>();
  for (const issue of error.fields) {
    const name = issue.path.split(/[./]/).pop() ?? '';
    if (!names.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** A trimmed text, or null when blank. */
export function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function isStrongPassword(value: string): boolean {
  return value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value);
}

/** A new password: 10+ characters with letters and digits (mirrors the server rule). */
export function newPasswordRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('validation.passwordRequired') },
    { max: 128, message: t('validation.passwordTooLong') },
    {
      validator: (_rule, value: unknown) =>
        typeof value !== 'string' || value === '' || isStrongPassword(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.passwordWeak'))),
    },
  ];
}

/** The confirmation must repeat the field named `field`. */
export function confirmPasswordRules(t: Translate, field: string): Rule[] {
  return [
    { required: true, message: t('validation.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || value === getFieldValue(field)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.confirmMismatch'))),
    }),
  ];
}

/** Mainland mobile numbers, accepting spaces, hyphens and a +86 prefix like the server does. */
export function normaliseMobile(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+?86|0086)/, '');
}

export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(value));
}

/** The server's limit for an e-mail address. */
export const EMAIL_MAX = 128;

/** An e-mail address (optional unless `required`); the server checks it again and folds it to lower case. */
export function emailRules(t: Translate, required = false): Rule[] {
  return [
    ...(required ? [{ required: true, whitespace: true, message: t('validation.emailRequired') }] : []),
    {
      type: 'email',
      transform: (value: unknown) => (typeof value === 'string' ? value.trim() : value),
      message: t('validation.emailInvalid'),
    },
    { max: EMAIL_MAX, message: t('validation.emailTooLong', { max: EMAIL_MAX }) },
  ];
}
