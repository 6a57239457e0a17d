/** Masking of personal data for display and logs. */
import { normaliseIdNumber } from './idcard.ts';
import { maskAllButLast } from './text.ts';

/** Common two-character surnames (复姓), kept whole by `maskName`. */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  [
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 轩辕 令狐 钟离 闾丘 端木 独孤',
    '南宫 西门 澹台 公冶 太史 申屠 百里 呼延 万俟 赫连 拓跋 第五 东郭 濮阳 淳于 单于 羊舌 微生 梁丘 左丘',
    '东门 仲孙 叔孙 乐正 漆雕 壤驷 公良 谷梁 宰父 巫马 公西 颛孙',
  ]
    .join(' ')
    .split(' '),
);

/** '330***********1234': first 3 and last 4 kept; short values keep only the last 2. */
export function maskIdNumber(s: string): string {
  const id = normaliseIdNumber(s);
  if (id.length < 8) return maskAllButLast(id, 2);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** '张三' → '张*', '欧阳娜娜' → '欧阳**': the surname (first character, or a known compound surname) is kept. */
export function maskName(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
