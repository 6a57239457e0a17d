/** GB 32100 18-character unified social credit codes (统一社会信用代码). */
import { toHalfWidth } from './text.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** Trim, convert full-width characters to ASCII and uppercase. */
export function normaliseCreditCode(s: string): string {
  return toHalfWidth(s).trim().toUpperCase();
}

/** The check character for the first 17 characters; throws RangeError on a wrong length or character. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('A credit code body is 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`Not a credit code character: ${JSON.stringify(first17[i])}`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** True for an 18-character credit code (after normalising) from the GB 32100 charset with a valid check. */
export function isValidCreditCode(s: string): boolean {
  const code = normaliseCreditCode(s);
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** The 6-digit region code in positions 3–8 of a well-formed credit code, else ''. */
export function regionOfCreditCode(s: string): string {
  const code = normaliseCreditCode(s);
  if (!SHAPE.test(code)) return '';
  const region = code.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : '';
}
