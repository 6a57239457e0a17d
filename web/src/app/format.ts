import dayjs from 'dayjs';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** What a table cell or a description shows for an absent value. */
export const EMPTY = '—';

/** A value for display; an em dash when absent. */
export function show(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}

/** An ISO timestamp as YYYY-MM-DD HH:mm in local time; an em dash when absent. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_TIME_FORMAT) : value;
}
