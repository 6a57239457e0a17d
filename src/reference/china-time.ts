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

/** The moment a China calendar day (YYYY-MM-DD) begins. */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}
