/** GB 11643 18-digit resident identity numbers (居民身份证号码). */
import { toHalfWidth } from './text.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

/** Trim, convert full-width characters to ASCII and uppercase the check character. */
export function normaliseIdNumber(s: string): string {
  return toHalfWidth(s).trim().toUpperCase();
}

/** The check character for the first 17 digits; throws RangeError when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('An ID number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Today's date in China (UTC+8) as YYYYMMDD. */
function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** True when YYYYMMDD is a real calendar date. */
function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True for a well-formed 18-digit ID number (after normalising) with a valid check and birth date. */
export function isValidIdNumber(s: string, now: Date = new Date()): boolean {
  const id = normaliseIdNumber(s);
  if (!SHAPE.test(id)) return false;
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return false;
  const birth = id.slice(6, 14);
  return birth >= '19000101' && isCalendarDate(birth) && birth <= chinaToday(now);
}

/** The birth date (YYYY-MM-DD) of a valid ID number, else undefined. */
export function birthDateOfIdNumber(s: string): string | undefined {
  if (!isValidIdNumber(s)) return undefined;
  const id = normaliseIdNumber(s);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The gender of a valid ID number (17th digit odd → male), else undefined. */
export function genderOfIdNumber(s: string): 'male' | 'female' | undefined {
  if (!isValidIdNumber(s)) return undefined;
  return Number(normaliseIdNumber(s)[16]) % 2 === 1 ? 'male' : 'female';
}
