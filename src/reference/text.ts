/** Small text helpers shared by the reference validators. */

/** Full-width digits, letters and plus sign (U+FF01–U+FF5E) → ASCII; the ideographic space → ' '. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Replace every character but the last `keep` with '*' (everything when the value is that short). */
export function maskAllButLast(s: string, keep: number): string {
  const chars = Array.from(s);
  if (chars.length <= keep) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - keep) + chars.slice(-keep).join('');
}
