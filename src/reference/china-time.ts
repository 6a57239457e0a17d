/**
 * Dates and times as people in China read them (China Standard Time, UTC+8,
 * no daylight saving): calendar days for deadlines, periods and reports,
 * clock times for schedules.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** 2026-03-02: the calendar date in China of a moment. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-03-02 14:05 */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 14:05 */
export function chinaClock(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** True for a YYYY-MM-DD that is a day of the calendar (not 2026-02-30) between the years 1900 and 2199. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2199) return false;
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** The moment a China calendar day (YYYY-MM-DD) begins. */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

/** The calendar date `days` days after a calendar date (YYYY-MM-DD; negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
