export type { DictionaryKind } from './kinds.ts';

export interface DictionaryEntry {
  code: string;
  name: string;
  parentCode: string | null;
  aliases?: string[];
  /** e.g. rank of a title or level of an honour */
  level?: string;
}
