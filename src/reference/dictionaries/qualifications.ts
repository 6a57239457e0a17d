/**
 * Enterprise qualifications (企业资质/称号) that talent and technology offices track.
 * `level` marks the tier of the recognition where it has one.
 */
import type { DictionaryEntry } from './types.ts';

export const QUALIFICATIONS: DictionaryEntry[] = [
  {
    code: 'Q01',
    name: '高新技术企业',
    parentCode: null,
    aliases: ['高企', '国家高新技术企业', '国家级高新技术企业'],
    level: '国家级',
  },
  {
    code: 'Q02',
    name: '专精特新“小巨人”企业',
    parentCode: null,
    aliases: ['小巨人', '小巨人企业', '国家级专精特新小巨人', '专精特新小巨人'],
    level: '国家级',
  },
  {
    code: 'Q03',
    name: '专精特新中小企业',
    parentCode: null,
    aliases: ['专精特新', '专精特新企业', '省级专精特新中小企业'],
    level: '省级',
  },
  { code: 'Q04', name: '创新型中小企业', parentCode: null },
  { code: 'Q05', name: '科技型中小企业', parentCode: null, aliases: ['科小', '科技型中小'] },
  {
    code: 'Q06',
    name: '制造业单项冠军企业',
    parentCode: null,
    aliases: ['单项冠军', '单项冠军企业'],
    level: '国家级',
  },
  { code: 'Q07', name: '瞪羚企业', parentCode: null, aliases: ['瞪羚'] },
  { code: 'Q08', name: '独角兽企业', parentCode: null, aliases: ['独角兽'] },
  { code: 'Q09', name: '上市公司', parentCode: null, aliases: ['上市企业'] },
  {
    code: 'Q10',
    name: '国家企业技术中心',
    parentCode: null,
    aliases: ['国家认定企业技术中心', '国家级企业技术中心'],
    level: '国家级',
  },
  { code: 'Q11', name: '省级企业技术中心', parentCode: null, aliases: ['省企业技术中心'], level: '省级' },
  {
    code: 'Q12',
    name: '规模以上工业企业',
    parentCode: null,
    aliases: ['规上企业', '规上工业企业', '规模以上企业'],
  },
];
