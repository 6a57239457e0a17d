/**
 * Figures the way Chinese work reports write them: counts as plain numbers
 * (ten thousand and up in 万, e.g. 1.2万人次), money in 万元 below one 亿元 and
 * in 亿元 from there (two decimals at most, trailing zeros dropped), changes
 * as 增长 / 下降 with one decimal.
 */
function trim(n: number, decimals: number): string {
  return n
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** 326, 8200, 1.23万 */
export function count(n: number): string {
  if (Math.abs(n) >= 100_000) return `${trim(n / 10_000, 2)}万`;
  return String(Math.round(n));
}

/** 120万元, 3.5万元, 1.25亿元, 0.8万元 (from yuan). */
export function money(yuan: number): string {
  if (Math.abs(yuan) >= 1e8) return `${trim(yuan / 1e8, 2)}亿元`;
  return `${trim(yuan / 1e4, 2)}万元`;
}

/** 同比增长12.5% / 同比下降3.2% / 与上年同期持平; null when there is nothing to compare with. */
export function change(now: number, before: number, label: '同比' | '环比'): string | null {
  if (before === 0) return null;
  const ratio = (now - before) / before;
  if (Math.abs(ratio) < 0.0005) return label === '同比' ? '与上年同期持平' : '与上期持平';
  return `${label}${ratio > 0 ? '增长' : '下降'}${trim(Math.abs(ratio) * 100, 1)}%`;
}

/** 2026年3月1日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026年1月1日至11月23日, 2025年12月1日至2026年2月28日 */
export function chinesePeriod(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${chineseDate(from)}至${chineseDate(to)}`;
  const [, m, d] = to.split('-').map(Number);
  return `${chineseDate(from)}至${m}月${d}日`;
}
