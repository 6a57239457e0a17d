/**
 * The built-in code lists (数据字典) the platform ships, and the grades two of
 * them carry in an entry's `level`. Pure data: the web bundles this file.
 */
export const DICTIONARY_KINDS = [
  'industry',
  'emerging',
  'discipline',
  'title',
  'honour',
  'qualification',
  'education',
  'cluster',
] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/** 职称 grades (the `level` of a title), highest first. */
export const TITLE_LEVELS = ['正高级', '副高级', '中级', '初级'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** 人才层次: the tier of an honour (its `level`), highest first. */
export const HONOUR_LEVELS = ['院士', '国家级', '省级', '市级'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];
