/**
 * Professional titles (职称) in the series regional talent offices see most, each with
 * its grade in `level`: 正高级 / 副高级 / 中级 / 初级. Names follow the titles set out in
 * the current 职称制度改革 guidance for each series.
 */
import type { TitleLevel } from './kinds.ts';
import type { DictionaryEntry } from './types.ts';

type Row = readonly [code: string, name: string, level: TitleLevel, aliases?: readonly string[]];

const ROWS: readonly Row[] = [
  // 高等学校教师
  ['T01', '教授', '正高级'],
  ['T02', '副教授', '副高级'],
  ['T03', '讲师', '中级'],
  ['T04', '助教', '初级'],
  // 自然科学研究
  ['T05', '研究员', '正高级'],
  ['T06', '副研究员', '副高级'],
  ['T07', '助理研究员', '中级'],
  ['T08', '研究实习员', '初级'],
  // 工程技术
  ['T09', '正高级工程师', '正高级', ['教授级高级工程师', '教授级高工', '正高工']],
  ['T10', '高级工程师', '副高级', ['高工']],
  ['T11', '工程师', '中级'],
  ['T12', '助理工程师', '初级'],
  // 卫生（医疗）
  ['T13', '主任医师', '正高级'],
  ['T14', '副主任医师', '副高级'],
  ['T15', '主治医师', '中级'],
  ['T16', '医师', '初级'],
  // 经济
  ['T17', '正高级经济师', '正高级'],
  ['T18', '高级经济师', '副高级'],
  ['T19', '经济师', '中级'],
  ['T20', '助理经济师', '初级'],
  // 会计
  ['T21', '正高级会计师', '正高级'],
  ['T22', '高级会计师', '副高级'],
  ['T23', '会计师', '中级'],
  ['T24', '助理会计师', '初级'],
  // 农业
  ['T25', '农业技术推广研究员', '正高级'],
  ['T26', '高级农艺师', '副高级'],
  ['T27', '农艺师', '中级'],
  ['T28', '助理农艺师', '初级'],
  // 实验技术
  ['T29', '正高级实验师', '正高级'],
  ['T30', '高级实验师', '副高级'],
  ['T31', '实验师', '中级'],
  ['T32', '助理实验师', '初级'],
  // 中小学教师
  ['T33', '正高级教师', '正高级'],
  ['T34', '高级教师', '副高级'],
  ['T35', '一级教师', '中级'],
  ['T36', '二级教师', '初级'],
  // 卫生（护理）
  ['T37', '主任护师', '正高级'],
  ['T38', '副主任护师', '副高级'],
  ['T39', '主管护师', '中级'],
  ['T40', '护师', '初级'],
];

export const TITLES: DictionaryEntry[] = ROWS.map(([code, name, level, aliases]) =>
  aliases
    ? { code, name, parentCode: null, aliases: [...aliases], level }
    : { code, name, parentCode: null, level },
);
