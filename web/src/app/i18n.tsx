import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Bilingual } from './bilingual.ts';
import { readCookie, writeCookie } from './cookies.ts';
import { type Locale, type MessageKey, messages } from './messages.ts';

export type { Bilingual, Messages } from './bilingual.ts';
export type { Locale, MessageKey } from './messages.ts';

/** The language cookie; the server answers (errors included) in the language it names. */
export const LANG_COOKIE = 'caiqiao_lang';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;
export interface Translate {
  (key: MessageKey, params?: MessageParams): string;
  /** A name the server gives in both languages (its tables of role, kind and status names). */
  (name: Bilingual): string;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

/** The chosen language, read from the cookie at call time; Chinese unless English was chosen. */
export function currentLocale(): Locale {
  const value = readCookie(LANG_COOKIE);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** Looks a message up and fills its {name} placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message: Bilingual | undefined = messages[key];
  const template = message ? pickIn(locale, message) : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

function pickIn(locale: Locale, text: Bilingual): string {
  return locale === 'en-US' ? text.en : text.zh;
}

/** Makes the page, dayjs (and so antd's date pickers) and the server agree on the language. */
function applyLocale(locale: Locale): void {
  writeCookie(LANG_COOKIE, locale);
  dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Picks the current language's side of a bilingual server text. */
  pick: (text: Bilingual) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = currentLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: ((key: MessageKey | Bilingual, params?: MessageParams) =>
        typeof key === 'string' ? translate(locale, key, params) : pickIn(locale, key)) as Translate,
      pick: (text) => pickIn(locale, text),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the chosen language. */
export function useT(): Translate {
  return useI18n().t;
}
