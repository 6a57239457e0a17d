/**
 * Honours and talent levels (人才称号/人才层次). `level` is the tier regional policies use:
 * 院士 / 国家级 / 省级 / 市级. '院士' (H00) is a generic entry whose children are the
 * specific academician titles, so '两院院士' resolves to it rather than to either academy.
 */
import type { DictionaryEntry } from './types.ts';

export const HONOURS: DictionaryEntry[] = [
  { code: 'H00', name: '院士', parentCode: null, aliases: ['两院院士'], level: '院士' },
  { code: 'H01', name: '中国科学院院士', parentCode: 'H00', aliases: ['中科院院士'], level: '院士' },
  { code: 'H02', name: '中国工程院院士', parentCode: 'H00', aliases: ['工程院院士'], level: '院士' },
  {
    code: 'H03',
    name: '外籍院士',
    parentCode: 'H00',
    aliases: ['中国科学院外籍院士', '中国工程院外籍院士'],
    level: '院士',
  },
  { code: 'H04', name: '国家级领军人才', parentCode: null, aliases: ['国家领军人才'], level: '国家级' },
  { code: 'H05', name: '国家级青年人才', parentCode: null, aliases: ['国家青年人才'], level: '国家级' },
  {
    code: 'H06',
    name: '国家杰出青年科学基金获得者',
    parentCode: null,
    aliases: ['杰青', '国家杰青', '国家杰出青年'],
    level: '国家级',
  },
  {
    code: 'H07',
    name: '国家优秀青年科学基金获得者',
    parentCode: null,
    aliases: ['优青', '国家优青'],
    level: '国家级',
  },
  { code: 'H08', name: '长江学者特聘教授', parentCode: null, level: '国家级' },
  {
    code: 'H09',
    name: '享受国务院政府特殊津贴专家',
    parentCode: null,
    aliases: ['国务院特殊津贴', '国务院特殊津贴专家', '政府特殊津贴专家', '国务院政府特殊津贴'],
    level: '国家级',
  },
  { code: 'H10', name: '国家有突出贡献中青年专家', parentCode: null, level: '国家级' },
  { code: 'H11', name: '省级领军人才', parentCode: null, level: '省级' },
  { code: 'H12', name: '省级青年人才', parentCode: null, level: '省级' },
  { code: 'H13', name: '市级人才', parentCode: null, level: '市级' },
];
