export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'caiqiao_lang';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The caller's language: the language cookie first, then Accept-Language, then Chinese. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookie === 'en-US' || cookie === 'zh-CN') return cookie;
  if (acceptLanguage) {
    const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en-US';
  }
  return DEFAULT_LOCALE;
}

/** Replaces {name} placeholders with params. */
export function interpolate(template: string, params: Record<string, unknown> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Bilingual).zh === 'string' &&
    typeof (value as Bilingual).en === 'string'
  );
}

/** The text in the caller's language; a param that is itself `{zh, en}` is put in that language too. */
export function translate(text: Bilingual, locale: Locale, params?: Record<string, unknown>): string {
  const en = locale === 'en-US';
  const localized = params
    ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isBilingual(v) ? (en ? v.en : v.zh) : v]))
    : undefined;
  return interpolate(en ? text.en : text.zh, localized);
}
