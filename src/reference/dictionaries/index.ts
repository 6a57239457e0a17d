/**
 * The built-in code lists (数据字典) and a resolver that turns what people type in
 * spreadsheet cells into dictionary entries.
 */
import { toHalfWidth } from '../text.ts';
import { CLUSTERS } from './clusters.ts';
import { DISCIPLINES } from './disciplines.ts';
import { EDUCATION } from './education.ts';
import { EMERGING_INDUSTRIES } from './emerging.ts';
import { HONOURS } from './honours.ts';
import { INDUSTRIES } from './industries.ts';
import { QUALIFICATIONS } from './qualifications.ts';
import { TITLES } from './titles.ts';
import type { DictionaryEntry, DictionaryKind } from './types.ts';

export type { DictionaryEntry, DictionaryKind } from './types.ts';
export { CLUSTERS, DISCIPLINES, EDUCATION, EMERGING_INDUSTRIES, HONOURS, INDUSTRIES, QUALIFICATIONS, TITLES };

export const BUILT_IN_DICTIONARIES: Record<DictionaryKind, DictionaryEntry[]> = {
  industry: INDUSTRIES,
  emerging: EMERGING_INDUSTRIES,
  discipline: DISCIPLINES,
  title: TITLES,
  honour: HONOURS,
  qualification: QUALIFICATIONS,
  education: EDUCATION,
  cluster: CLUSTERS,
};

export const DICTIONARY_NAMES: Record<DictionaryKind, { zh: string; en: string }> = {
  industry: { zh: '行业分类', en: 'Industries (GB/T 4754-2017)' },
  emerging: { zh: '战略性新兴产业分类', en: 'Strategic emerging industries (2018)' },
  discipline: { zh: '学科分类', en: 'Disciplines (GB/T 13745-2009)' },
  title: { zh: '职称', en: 'Professional titles' },
  honour: { zh: '人才称号', en: 'Honours and talent levels' },
  qualification: { zh: '企业资质', en: 'Enterprise qualifications' },
  education: { zh: '学历', en: 'Education' },
  cluster: { zh: '主导产业', en: 'Leading industry clusters' },
};

/** Whitespace, brackets, quotes and list punctuation people add or leave out at will. */
const IGNORED = /[\s()[\]{}<>（）【】〔〕〖〗「」『』《》〈〉“”‘’"'`、·・•]/g;

/**
 * The form names and cell text are compared in: full-width → half-width, Latin lower-cased,
 * whitespace, brackets, quotes and 、 dropped.
 */
export function normaliseDictionaryText(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(IGNORED, '');
}

/** Splits a multi-value cell such as '计算机；材料科学、机械' on ; ； , ， 、 / | and newlines, trimming empties. */
export function splitMultiValue(text: string): string[] {
  return text
    .split(/[;；,，、/／|｜\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

interface Key {
  key: string;
  entry: DictionaryEntry;
}

interface DictionaryIndex {
  byCode: Map<string, DictionaryEntry>;
  byName: Map<string, DictionaryEntry[]>;
  byAlias: Map<string, DictionaryEntry[]>;
  /** Names and aliases usable for partial matching (at least two characters, not pure ASCII). */
  partialKeys: Key[];
  /** Entries by their exact code, for walking parentCode. */
  parents: Map<string, DictionaryEntry>;
  memo: Map<string, DictionaryEntry | null>;
}

const MEMO_LIMIT = 10_000;
const indexes = new WeakMap<readonly DictionaryEntry[], DictionaryIndex>();

function push(map: Map<string, DictionaryEntry[]>, key: string, entry: DictionaryEntry): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function isPartialKey(key: string): boolean {
  if (key.length < 2) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return true;
  return false;
}

function indexFor(entries: readonly DictionaryEntry[]): DictionaryIndex {
  const cached = indexes.get(entries);
  if (cached) return cached;
  const index: DictionaryIndex = {
    byCode: new Map(),
    byName: new Map(),
    byAlias: new Map(),
    partialKeys: [],
    parents: new Map(),
    memo: new Map(),
  };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!index.parents.has(entry.code)) index.parents.set(entry.code, entry);
    const code = normaliseDictionaryText(entry.code);
    if (code && !index.byCode.has(code)) index.byCode.set(code, entry);
    const name = normaliseDictionaryText(entry.name);
    push(index.byName, name, entry);
    const keys = [name];
    for (const alias of entry.aliases ?? []) {
      const key = normaliseDictionaryText(alias);
      push(index.byAlias, key, entry);
      keys.push(key);
    }
    for (const key of keys) {
      const id = `${entry.code}\u0000${key}`;
      if (isPartialKey(key) && !seen.has(id)) {
        seen.add(id);
        index.partialKeys.push({ key, entry });
      }
    }
  }
  indexes.set(entries, index);
  return index;
}

function isAncestor(index: DictionaryIndex, ancestor: DictionaryEntry, entry: DictionaryEntry): boolean {
  let parentCode = entry.parentCode;
  for (let depth = 0; parentCode !== null && depth < 32; depth++) {
    if (parentCode === ancestor.code) return true;
    parentCode = index.parents.get(parentCode)?.parentCode ?? null;
  }
  return false;
}

/**
 * One entry from several candidates: the only one, or the one that is an ancestor of all
 * the others (e.g. '新能源汽车' inside a category and all its items means the category).
 */
function pick(index: DictionaryIndex, candidates: readonly DictionaryEntry[]): DictionaryEntry | undefined {
  const unique = [...new Set(candidates)];
  if (unique.length <= 1) return unique[0];
  const roots = unique.filter((a) => unique.every((b) => a === b || isAncestor(index, a, b)));
  return roots.length === 1 ? roots[0] : undefined;
}

type Match = { found: DictionaryEntry | undefined } | undefined;

function exact(index: DictionaryIndex, text: string): Match {
  const byCode = index.byCode.get(text);
  if (byCode) return { found: byCode };
  const byName = index.byName.get(text);
  if (byName) return { found: pick(index, byName) };
  const byAlias = index.byAlias.get(text);
  if (byAlias) return { found: pick(index, byAlias) };
  return undefined;
}

function partial(index: DictionaryIndex, text: string): Match {
  if (!isPartialKey(text)) return undefined;
  // The text is a fragment of names: '计算机科学' → 计算机科学技术.
  const containing = index.partialKeys.filter((k) => k.key.includes(text)).map((k) => k.entry);
  if (containing.length > 0) return { found: pick(index, containing) };
  // The text has extra words around a name: '计算机软件开发' → 计算机软件. Keys inside a longer
  // matched key ('计算机' inside '计算机软件') give way to it.
  const contained = index.partialKeys.filter((k) => text.includes(k.key));
  if (contained.length === 0) return undefined;
  const outermost = contained.filter(
    (k) => !contained.some((other) => other.key.length > k.key.length && other.key.includes(k.key)),
  );
  return {
    found: pick(
      index,
      outermost.map((k) => k.entry),
    ),
  };
}

const LEADING_CODE = /^([0-9a-z]+(?:\.[0-9a-z]+)*)([^0-9a-z].*)$/;
const TRAILING_CODE = /^(.*[^0-9a-z])([0-9a-z]+(?:\.[0-9a-z]+)*)$/;
const SEPARATORS = /^[-_:：.,，;；]+|[-_:：.,，;；]+$/g;

/** '52020人工智能', 'C 制造业', '人工智能(52020)': a code and a name that must agree. */
function codeAndName(index: DictionaryIndex, text: string): Match {
  let codePart: string;
  let namePart: string;
  const leading = LEADING_CODE.exec(text);
  const trailing = leading ? null : TRAILING_CODE.exec(text);
  if (leading) [codePart, namePart] = [leading[1]!, leading[2]!];
  else if (trailing) [codePart, namePart] = [trailing[2]!, trailing[1]!];
  else return undefined;
  const byCode = index.byCode.get(codePart);
  namePart = namePart.replace(SEPARATORS, '');
  if (!byCode || !namePart) return undefined;
  const byName = exact(index, namePart) ?? partial(index, namePart);
  if (!byName?.found) return undefined;
  // A known code next to a name meaning something else is a conflict, not a match.
  return { found: byName.found === byCode ? byCode : undefined };
}

function resolve(index: DictionaryIndex, text: string): DictionaryEntry | undefined {
  const direct = exact(index, text);
  if (direct) return direct.found;
  // Spreadsheet numbers: '520.0', or '1' for division '01'.
  if (/^\d+\.0+$/.test(text)) {
    const whole = index.byCode.get(text.replace(/\.0+$/, ''));
    if (whole) return whole;
  }
  if (/^\d$/.test(text)) {
    const padded = index.byCode.get(`0${text}`);
    if (padded) return padded;
  }
  const both = codeAndName(index, text);
  if (both) return both.found;
  return partial(index, text)?.found;
}

/** Finds the entry a spreadsheet cell means: exact code, exact name, alias, then a unique name containing or contained in the text (after normalising: trim, full-width→half-width, drop spaces and brackets like （）()“”"", case-insensitive for Latin). Returns undefined when nothing or more than one entry matches ambiguously. */
export function resolveDictionaryValue(
  entries: readonly DictionaryEntry[],
  text: string,
): DictionaryEntry | undefined {
  const normalised = normaliseDictionaryText(text);
  if (!normalised) return undefined;
  const index = indexFor(entries);
  const memoised = index.memo.get(normalised);
  if (memoised !== undefined) return memoised ?? undefined;
  const found = resolve(index, normalised);
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  index.memo.set(normalised, found ?? null);
  return found;
}
