/**
 * Typical leading-industry clusters (主导产业) that regions organise their talent work
 * around. Codes are ours ('K01'…); regions may add their own.
 */
import type { DictionaryEntry } from './types.ts';

export const CLUSTERS: DictionaryEntry[] = [
  {
    code: 'K01',
    name: '新能源汽车及关键零部件',
    parentCode: null,
    aliases: ['新能源汽车', '汽车及零部件', '汽车零部件'],
  },
  { code: 'K02', name: '绿色家居', parentCode: null, aliases: ['家居', '智能家居'] },
  { code: 'K03', name: '生物医药', parentCode: null, aliases: ['生物医药产业', '医药', '大健康'] },
  { code: 'K04', name: '高端装备', parentCode: null, aliases: ['高端装备制造', '智能装备', '装备制造'] },
  { code: 'K05', name: '新材料', parentCode: null, aliases: ['新材料产业'] },
  { code: 'K06', name: '数字经济', parentCode: null, aliases: ['数字产业', '数字经济核心产业'] },
  { code: 'K07', name: '现代纺织', parentCode: null, aliases: ['纺织', '纺织服装'] },
  { code: 'K08', name: '特色农业', parentCode: null, aliases: ['现代农业', '农业'] },
  { code: 'K09', name: '文旅康养', parentCode: null, aliases: ['文旅', '文化旅游', '康养'] },
];
