import { chinaClock, chinaDate, chinaDateTime, startOfChinaDay } from '@server/reference/china-time.ts';
import dayjs, { type Dayjs } from 'dayjs';

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
