/** The built-in code lists (数据字典) the platform ships. */
export type DictionaryKind =
  | 'industry'
  | 'emerging'
  | 'discipline'
  | 'title'
  | 'honour'
  | 'qualification'
  | 'education'
  | 'cluster';

export interface DictionaryEntry {
  code: string;
  name: string;
  parentCode: string | null;
  aliases?: string[];
  /** e.g. rank of a title or level of an honour */
  level?: string;
}
