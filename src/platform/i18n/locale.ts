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

export function translate(text: Bilingual, locale: Locale, params?: Record<string, unknown>): string {
  return interpolate(locale === 'en-US' ? text.en : text.zh, params);
}
