import { chinaClock, chinaDate, chinaDateTime, startOfChinaDay } from '@server/reference/china-time.ts';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { type Locale, useI18n } from './i18n.tsx';

/** What a table cell or a description shows for an absent value. */
export const EMPTY = '—';

/** A value for display; an em dash when absent. */
export function show(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}

// ---------- China time ----------
// The platform serves regions in China: every time is shown, and every date or
// time picked in a form is meant, as China time (UTC+8, no daylight saving),
// whatever zone the browser is set to. A page, its drill-down, an export and a
// colleague's screen abroad then show the same clock. The arithmetic is the
// server's own (reference/china-time.ts).

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string): Date | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** An instant (ISO timestamp) as YYYY-MM-DD HH:mm in China; an em dash when absent. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const at = instant(value);
  return at ? chinaDateTime(at) : value;
}

/**
 * A day as YYYY-MM-DD: a calendar date (a deadline, a visit's day) as it is,
 * an instant as its date in China; an em dash when absent.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  if (CALENDAR_DATE.test(value)) return value;
  const at = instant(value);
  return at ? chinaDate(at) : value;
}

/** An instant as HH:mm in China; an em dash when absent. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const at = instant(value);
  return at ? chinaClock(at) : value;
}

/** Today in China, YYYY-MM-DD (in Los Angeles it may still be yesterday). */
export function chinaToday(): string {
  return chinaDate(new Date());
}

/** The hour of the day in China now, 0–23. */
export function chinaHour(): number {
  return Number(chinaClock(new Date()).slice(0, 2));
}

/**
 * A picker's value (the wall clock it shows) as that moment in China:
 * 2026-12-10 13:30 picked is 2026-12-10T13:30:00+08:00, wherever the browser is.
 */
export function pickedChinaTime(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** An instant as a picker value showing its China wall clock (the inverse of pickedChinaTime). */
export function chinaPickerValue(iso: string | null | undefined): Dayjs | undefined {
  const at = iso ? instant(iso) : null;
  return at ? dayjs(chinaDateTime(at).replace(' ', 'T')) : undefined;
}

/** The moment the China day a date picker shows begins, as an ISO timestamp (for from/to filters). */
export function chinaDayStart(day: Dayjs): string {
  return startOfChinaDay(day.format('YYYY-MM-DD')).toISOString();
}

// ---------- Date pickers ----------
// A picker shows a day in the page's language but understands a day however
// people type it: antd reads typed text by each format of its `format` list
// (strictly, the first being the one shown), so a picker given only
// YYYY年M月D日 silently dropped a typed 2027-03-31.

/** The ways a day is typed: 2027-03-31, 2027-3-31, 2027/3/31, 2027.3.31, 20270331, 2027年3月31日. */
export const TYPED_DATE_FORMATS: readonly string[] = [
  'YYYY-MM-DD',
  'YYYY-M-D',
  'YYYY/MM/DD',
  'YYYY/M/D',
  'YYYY.MM.DD',
  'YYYY.M.D',
  'YYYYMMDD',
  'YYYY年M月D日',
];

/** The ways a month is typed: 2027-03, 2027-3, 2027/3, 2027.3, 202703, 2027年3月. */
const TYPED_MONTH_FORMATS: readonly string[] = [
  'YYYY-MM',
  'YYYY-M',
  'YYYY/MM',
  'YYYY/M',
  'YYYY.MM',
  'YYYY.M',
  'YYYYMM',
  'YYYY年M月',
];

/** How a picked day (and month) is shown: 2027年3月31日, in English 31 Mar 2027. */
const SHOWN: Record<Locale, { date: string; month: string }> = {
  'zh-CN': { date: 'YYYY年M月D日', month: 'YYYY年M月' },
  'en-US': { date: 'D MMM YYYY', month: 'MMMM YYYY' },
};

function shownFirst(shown: string, typed: readonly string[]): string[] {
  return [shown, ...typed.filter((format) => format !== shown)];
}

/**
 * Every picker's `format` list: what it shows first, then every way it is typed
 * — `date` for a day, `dateTime` for a day and a clock time (09:00 or 9:00),
 * `month` for a month picker.
 */
export function pickerFormats(locale: Locale): { date: string[]; dateTime: string[]; month: string[] } {
  const { date, month } = SHOWN[locale];
  const typedWithTime = TYPED_DATE_FORMATS.flatMap((day) => [`${day} HH:mm`, `${day} H:mm`]);
  return {
    date: shownFirst(date, TYPED_DATE_FORMATS),
    dateTime: shownFirst(`${date} HH:mm`, typedWithTime),
    month: shownFirst(month, TYPED_MONTH_FORMATS),
  };
}

/** The picker formats for the page's language (see pickerFormats). */
export function usePickerFormats(): ReturnType<typeof pickerFormats> {
  const { locale } = useI18n();
  return useMemo(() => pickerFormats(locale), [locale]);
}
