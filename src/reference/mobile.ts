/** Mainland China mobile numbers. */
import { maskAllButLast, toHalfWidth } from './text.ts';

/** Full-width → ASCII, strip spaces and hyphens, then a leading +86 / 0086 / 86 country code. */
export function normaliseMobile(s: string): string {
  const compact = toHalfWidth(s).replace(/[\s\-\u2010-\u2015]/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  if (compact.startsWith('86') && compact.length === 13) return compact.slice(2);
  return compact;
}

/** True when the normalised value is an 11-digit mainland mobile number. */
export function isValidMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(s));
}

/** '138****5678' for an 11-digit number; otherwise all but the last 2 characters are masked. */
export function maskMobile(s: string): string {
  const m = normaliseMobile(s);
  if (/^\d{11}$/.test(m)) return `${m.slice(0, 3)}****${m.slice(7)}`;
  return maskAllButLast(m, 2);
}
