/** Highest education (学历), from 博士研究生 (E1) down to 高中及以下 (E5). */
import type { DictionaryEntry } from './types.ts';

export const EDUCATION: DictionaryEntry[] = [
  { code: 'E1', name: '博士研究生', parentCode: null, aliases: ['博士', '博士学位', '博士研究生学历'] },
  {
    code: 'E2',
    name: '硕士研究生',
    parentCode: null,
    aliases: ['硕士', '研究生', '硕士学位', '硕士研究生学历'],
  },
  {
    code: 'E3',
    name: '大学本科',
    parentCode: null,
    aliases: ['本科', '学士', '学士学位', '本科学历', '大学本科学历'],
  },
  { code: 'E4', name: '大学专科', parentCode: null, aliases: ['大专', '专科', '高职', '大专学历'] },
  {
    code: 'E5',
    name: '高中及以下',
    parentCode: null,
    aliases: ['高中', '中专', '中技', '职高', '技校', '初中', '初中及以下'],
  },
];
