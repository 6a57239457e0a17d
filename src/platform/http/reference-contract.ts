import { z } from 'zod';

/** GET /api/calendar?year=2026 */
export const calendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export type CalendarQuery = z.infer<typeof calendarQuery>;

const calendarName = z.object({ zh: z.string(), en: z.string() });

/**
 * A year's days off and make-up working days (reference/workdays.ts yearDays),
 * for a calendar: Saturdays and Sundays not listed are days off, weekdays not
 * listed are working days.
 */
export const calendarYear = z.object({
  year: z.number().int(),
  /** Whether the official schedule of the year is in the platform's data; when not, weekends only. */
  known: z.boolean(),
  /** Official holidays (named, weekends among them) and local days off (config HOLIDAYS, no name). */
  daysOff: z.array(
    z.object({ date: z.string(), kind: z.enum(['holiday', 'local']), name: calendarName.optional() }),
  ),
  /** Saturdays and Sundays worked in exchange for a holiday (调休上班), with the holiday's name. */
  makeUpWorkdays: z.array(z.object({ date: z.string(), name: calendarName })),
});
export type CalendarYearView = z.infer<typeof calendarYear>;
