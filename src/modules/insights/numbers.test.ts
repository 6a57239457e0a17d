import { describe, expect, it } from 'vitest';
import { change, chinesePeriod, count, money } from './numbers.ts';

describe('figures in Chinese report style', () => {
  it('writes money in 万元 and 亿元 with at most two decimals', () => {
    expect(money(1_200_000)).toBe('120万元');
    expect(money(35_000)).toBe('3.5万元');
    expect(money(8_000)).toBe('0.8万元');
    expect(money(125_000_000)).toBe('1.25亿元');
    expect(money(100_000_000)).toBe('1亿元');
    expect(money(123_456)).toBe('12.35万元');
    expect(money(0)).toBe('0万元');
  });

  it('writes counts plainly, and from 100,000 in 万', () => {
    expect(count(326)).toBe('326');
    expect(count(99_999)).toBe('99999');
    expect(count(123_400)).toBe('12.34万');
  });

  it('writes changes as 增长 / 下降 with one decimal, and nothing against zero', () => {
    expect(change(112, 100, '同比')).toBe('同比增长12%');
    expect(change(90, 120, '环比')).toBe('环比下降25%');
    expect(change(100, 100, '同比')).toBe('与上年同期持平');
    expect(change(5, 0, '同比')).toBeNull();
    expect(change(1, 3, '同比')).toBe('同比下降66.7%');
  });

  it('writes periods as Chinese dates', () => {
    expect(chinesePeriod('2026-01-01', '2026-11-23')).toBe('2026年1月1日至11月23日');
    expect(chinesePeriod('2025-12-01', '2026-02-28')).toBe('2025年12月1日至2026年2月28日');
  });
});
