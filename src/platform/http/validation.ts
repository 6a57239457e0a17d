import { type ZodType, z } from 'zod';
import { FIELD_MESSAGES, type FieldMessageKey, fieldMessage } from '../i18n/field-messages.ts';
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

/**
 * C0 control characters other than tab, line feed and carriage return. PostgreSQL
 * refuses NUL in text and JSON; the others are never typed on purpose.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
/** Half of a UTF-16 surrogate pair without the other half (`"\ud800"` in JSON): no character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** A name or other one-line text without control characters of any kind (tabs and new lines too). */
export function withoutControlCharacters(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, '')
    .replace(LONE_SURROGATES, '')
    .replace(/[\t\n\r]/g, ' ');
}

/** What is wrong with a piece of text as PostgreSQL would store it, if anything. */
function textProblem(text: string): FieldMessageKey | null {
  if (CONTROL_CHARACTER.test(text)) return 'CONTROL_CHARACTERS';
  if (LONE_SURROGATE.test(text)) return 'BROKEN_CHARACTERS';
  return null;
}

/**
 * Every string (and object key) of a parsed request part that PostgreSQL would refuse or
 * mangle — control characters, broken UTF-16 — as issues for `RequestValidationError`.
 * Walks without recursion (a deeply nested body cannot overflow the stack) and stops at
 * `limit` issues.
 */
export function unsafeTextIssues(value: unknown, limit = 20): z.core.$ZodIssue[] {
  interface Node {
    value: unknown;
    key: PropertyKey | null;
    parent: Node | null;
  }
  const pathOf = (node: Node): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
    return path;
  };
  const issue = (path: PropertyKey[], problem: FieldMessageKey) =>
    ({ code: 'custom', path, message: fieldMessage(problem), input: undefined }) as z.core.$ZodIssue;
  const issues: z.core.$ZodIssue[] = [];
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && issues.length < limit) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) issues.push(issue(pathOf(node), problem));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, child] of Object.entries(v)) {
        const problem = textProblem(key);
        if (problem) {
          const printable = key.replace(CONTROL_CHARACTERS, '?').replace(LONE_SURROGATES, '?');
          issues.push(issue([...pathOf(node), printable], problem));
        } else stack.push({ value: child, key, parent: node });
      }
    }
  }
  return issues;
}

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, 'en-US': z.locales.en().localeError };

/** Renders zod issues as field errors in the caller's language, never echoing the input back (`part` '' for no prefix). */
export function renderIssues(part: string, issues: z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const head = part === 'querystring' ? ['query'] : part === '' ? [] : [part];
    const path = [...head, ...issue.path.map(String)].join('.');
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
