import { type ZodType, z } from 'zod';
import { FIELD_MESSAGES, type FieldMessageKey } from '../i18n/field-messages.ts';
import type { Locale } from '../i18n/locale.ts';
import type { FieldError } from './app-error.ts';

/** Thrown by the validator compiler; rendered as VALIDATION_FAILED with its fields. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${part}`);
  }
}

/** Fastify validator compiler for zod schemas: keeps the raw issues so they can be rendered per locale. */
export function zodValidatorCompiler({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  return (data: unknown) => {
    const result = (schema as ZodType).safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };
}

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, 'en-US': z.locales.en().localeError };

/** Renders zod issues as field errors in the caller's language, never echoing the input back. */
export function renderIssues(part: string, issues: z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const path = [part === 'querystring' ? 'query' : part, ...issue.path.map(String)].join('.');
    return { path, message: issueMessage(issue, locale) };
  });
}

/** One zod issue in the given language (`i18n:KEY` messages rendered from FIELD_MESSAGES). */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('i18n:')) {
    const key = issue.message.slice(5) as FieldMessageKey;
    const text = FIELD_MESSAGES[key];
    if (text) return locale === 'en-US' ? text.en : text.zh;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return locale === 'en-US' ? `Unknown field(s): ${keys}` : `不允许的字段：${keys}`;
  }
  const rendered = localeErrors[locale](issue as unknown as z.core.$ZodRawIssue);
  if (typeof rendered === 'string') return rendered;
  if (rendered && typeof rendered === 'object' && 'message' in rendered) return String(rendered.message);
  return issue.message;
}
