/**
 * Chinese text analysis: normalisation, index tokens and keywords — for the matching engine and for
 * the keywords the lists extract from a description (both modules sit above it).
 *
 * Segmentation is jieba (@node-rs/jieba, a Rust binding) with its bundled dictionary plus our domain
 * dictionary (data/matching/domain-dict.txt); Traditional → Simplified is opencc-js. Everything heavy
 * (the 5 MB jieba dictionary, the 6 MB idf table, opencc's tables) is loaded lazily, once per process.
 *
 * Pipeline of `tokenize`: truncate → normaliseText → jieba cut (HMM on, so unknown words such as names
 * still form tokens) → drop punctuation, stop words and meaningless single characters → after each word of
 * three or more characters, its dictionary sub-words (search-engine style: 复合材料 → 复合材料, 复合, 材料).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { Converter } from 'opencc-js/t2cn';

/** Longer inputs are cut to this many UTF-16 units before segmenting (keeps any call to a few ms). */
export const MAX_ANALYZED_CHARS = 20_000;

const DOMAIN_DICT_URL = new URL('../../../data/matching/domain-dict.txt', import.meta.url);
const STOPWORDS_URL = new URL('../../../data/matching/stopwords.txt', import.meta.url);
const KEYWORD_STOPWORDS_URL = new URL('../../../data/matching/keyword-stopwords.txt', import.meta.url);

/**
 * Single CJK characters that name a topic on their own (elements, energy carriers, crops, animals,
 * basic materials); every other single character jieba leaves over is dropped as noise.
 */
const MEANINGFUL_SINGLE_CHARS: ReadonlySet<string> = new Set(
  (
    '氢氦锂铍硼碳氮氧氟钠镁铝硅磷硫氯钾钙钛钒铬锰铁钴镍铜锌镓锗砷硒溴铷锶钇锆铌钼钯银镉铟锡锑碲碘铯钡' +
    '镧铈钕铕钆铽镝铪钽钨铼锇铱铂金汞铊铅铋铀钢' +
    '煤油气电光热声磁水风核' +
    '竹木茶棉麻丝毛桑蚕稻麦粟薯豆菇笋藻菌酶醋酒奶乳蛋肉鱼虾蟹贝猪牛羊鸡鸭鹅蜂' +
    '膜胶漆纸布瓷陶砖泵阀'
  ).split(''),
);

const HAN = /\p{Script=Han}/u;
const ASCII_ALNUM = /[a-z0-9]/;
const ASCII_ALNUM_RUN = /[a-z0-9]+/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Leading non-word characters, and trailing ones except '+' and '#' (c++, c#). */
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu;
const HAS_EDGE_PUNCT = /^[^\p{L}\p{N}]|[^\p{L}\p{N}+#]$/u;
const NUMBER = /^[\d.,%]+$/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACE_RUN = /[\s\p{Cc}\p{Zs}]+/gu;
const NON_WORD_RUN = /[^\p{L}\p{N}]+/u;

const SUBWORD_CACHE_LIMIT = 50_000;
/** idf given to a two-character domain topic term in keyword extraction (jieba's own table tops at 13.9). */
const DOMAIN_IDF = 13.5;

interface Analyzer {
  readonly jieba: Jieba;
  readonly stopWords: ReadonlySet<string>;
  /** Generic words kept in the index (idf weighs them) but never offered as extracted keywords. */
  readonly keywordStopWords: ReadonlySet<string>;
  /** Domain dictionary: word → tag (`nz` topic term, `vn` cooperation term such as 技术转让, 产学研). */
  readonly domainTerms: ReadonlyMap<string, string>;
  /** Sub-words of tokens already seen, see `subwords`. */
  readonly subwordCache: Map<string, readonly string[]>;
}

let analyzer: Analyzer | undefined;
let keywordExtractor: TfIdf | undefined;
let toSimplified: ((text: string) => string) | undefined;

/** Non-comment, non-blank lines of a data file. */
function dataLines(url: URL): string[] {
  const lines: string[] = [];
  for (const raw of readFileSync(url, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.length > 0 && !line.startsWith('#')) lines.push(line);
  }
  return lines;
}

/** jieba's bundled dictionaries (dict.txt, idf.txt), read by the package's own CommonJS helper. */
function bundledDicts(): { dict: Uint8Array; idf: Uint8Array } {
  const require = createRequire(import.meta.url);
  return require('@node-rs/jieba/dict.js') as { dict: Uint8Array; idf: Uint8Array };
}

function getAnalyzer(): Analyzer {
  if (analyzer) return analyzer;
  const jieba = Jieba.withDict(bundledDicts().dict);
  const domainLines = dataLines(DOMAIN_DICT_URL);
  jieba.loadDict(Buffer.from(domainLines.join('\n'), 'utf8'));
  const domainTerms = new Map<string, string>();
  for (const line of domainLines) {
    const [word, , tag] = line.split(/\s+/);
    if (word) domainTerms.set(word, tag ?? 'nz');
  }
  const words = (url: URL) => new Set(dataLines(url).map((w) => w.normalize('NFKC').toLowerCase()));
  const stopWords = words(STOPWORDS_URL);
  analyzer = {
    jieba,
    stopWords,
    keywordStopWords: words(KEYWORD_STOPWORDS_URL),
    domainTerms,
    subwordCache: new Map(),
  };
  return analyzer;
}

/**
 * jieba's TF-IDF keyword extractor over its bundled idf table (270k words, idf 0.9–13.9, from a general
 * corpus). Words missing from it get its median, 11.95. That table says little about technical
 * specificity: generic phrases such as 控制精度 (13.2) or 高速运行 (12.3) look rarer than 碳纤维 (10.3).
 * So our topic terms are given an idf at the top of the range, longer ones higher (13.5 for two
 * characters, +0.2 a character): at equal frequency, curated domain terms come first, the most specific
 * (longest) of them first.
 * Not configured with setConfig: in @node-rs/jieba 2.0.3 passing `stopWords` throws ("Failed to convert
 * JavaScript value `Undefined` into rust type `String`", for a Set and an array alike), and any setConfig
 * call drops jieba's default stop words. Our stop words are filtered from the candidates instead.
 */
function getKeywordExtractor(): TfIdf {
  if (keywordExtractor) return keywordExtractor;
  const extractor = TfIdf.withDict(bundledDicts().idf);
  const lines: string[] = [];
  for (const [word, tag] of getAnalyzer().domainTerms) {
    if (tag !== 'vn') lines.push(`${word} ${(DOMAIN_IDF + 0.2 * Math.max(0, word.length - 2)).toFixed(2)}`);
  }
  extractor.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  keywordExtractor = extractor;
  return extractor;
}

function simplify(text: string): string {
  if (toSimplified) return toSimplified(text);
  // opencc-js 1.4.2's own types import './core' without an extension, which NodeNext cannot resolve, so
  // its functions type as `any` (hidden by skipLibCheck): the converter is typed here instead.
  const convert: (input: string) => string = Converter({ from: 't', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

/** Normalises text for indexing and queries: NFKC (full-width → half-width), Traditional → Simplified (opencc-js, 't' → 'cn'), lower-case Latin, collapse whitespace. 聯合會 → 联合会, ＡＩ → ai. */
export function normaliseText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const nfkc = text.normalize('NFKC');
  return simplify(nfkc).toLowerCase().replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
}

/** Truncates without splitting a surrogate pair, then normalises. */
function prepare(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let input = text;
  if (input.length > MAX_ANALYZED_CHARS) {
    let end = MAX_ANALYZED_CHARS;
    const last = input.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    input = input.slice(0, end);
  }
  return normaliseText(input);
}

/**
 * A jieba piece as an index token, or undefined when it carries no topic: pure punctuation, whitespace,
 * emoji, stop words, single Latin letters or digits, and single CJK characters not listed as meaningful.
 */
function asToken(piece: string, stopWords: ReadonlySet<string>): string | undefined {
  if (piece.length === 1) return MEANINGFUL_SINGLE_CHARS.has(piece) ? piece : undefined;
  if (piece.length === 2 && piece.charCodeAt(0) >= 0xd800 && piece.charCodeAt(0) <= 0xdbff) return undefined;
  let token = piece;
  if (!WORD_CHAR.test(token)) return undefined;
  if (HAS_EDGE_PUNCT.test(token)) {
    token = token.replace(EDGE_PUNCT, '');
    if (token.length === 0) return undefined;
    if (token.length === 1) return MEANINGFUL_SINGLE_CHARS.has(token) ? token : undefined;
  }
  return stopWords.has(token) ? undefined : token;
}

/**
 * Sub-words of a token, memoised (the same compounds recur across profiles): every dictionary word of two
 * or more characters inside it (jieba's full mode, `cutAll`), so 永磁同步电机 gives 永磁, 同步, 同步电机, 电机
 * (jieba's own search mode only adds 2- and 3-character dictionary words, so it misses 同步电机), and for a
 * mixed word such as 4s店 its Latin part.
 */
function subwords(a: Analyzer, token: string): readonly string[] {
  const cached = a.subwordCache.get(token);
  if (cached) return cached;
  const found: string[] = [];
  const add = (piece: string): void => {
    if (piece.length < 2 || piece === token) return;
    const t = asToken(piece, a.stopWords);
    if (t !== undefined && t.length >= 2 && t !== token && !found.includes(t)) found.push(t);
  };
  if (ASCII_ALNUM.test(token)) for (const m of token.matchAll(ASCII_ALNUM_RUN)) add(m[0]);
  for (const piece of a.jieba.cutAll(token)) add(piece);
  if (a.subwordCache.size >= SUBWORD_CACHE_LIMIT) a.subwordCache.clear();
  a.subwordCache.set(token, found);
  return found;
}

/**
 * One segmentation pass giving both the index tokens (see `tokenize`) and the adjacent word pairs (see
 * `phrases`).
 */
export function analyse(text: string): { tokens: string[]; phrases: string[] } {
  const normalised = prepare(text);
  if (normalised.length === 0) return { tokens: [], phrases: [] };
  const a = getAnalyzer();
  const tokens: string[] = [];
  const pairs: string[] = [];
  let previous: string | undefined;
  for (const piece of a.jieba.cut(normalised, true)) {
    // A stop word is dropped with its sub-words (有限公司 does not leave 有限 behind).
    const token = asToken(piece, a.stopWords);
    if (token === undefined) {
      // Punctuation and spaces end a phrase; stop words inside one (的, 及其) are skipped over.
      if (!WORD_CHAR.test(piece)) previous = undefined;
      continue;
    }
    tokens.push(token);
    if (token.length >= 3 && HAN.test(token)) for (const sub of subwords(a, token)) tokens.push(sub);
    if (previous !== undefined) pairs.push(`${previous}_${token}`);
    previous = token;
  }
  return { tokens, phrases: pairs };
}

/** Tokens for the index: jieba segmentation (@node-rs/jieba, loaded once with its bundled dictionary `@node-rs/jieba/dict.js` plus our domain dictionary), stop words and pure punctuation removed, Latin words and numbers kept (e.g. 'ai', '5g', 'pid'), single CJK characters dropped unless listed as meaningful, and long compound terms additionally split into their known sub-words (search-engine mode, e.g. 复合材料 → 复合材料, 复合, 材料) so that partial overlaps still score. */
export function tokenize(text: string): string[] {
  return analyse(text).tokens;
}

/**
 * Adjacent word pairs of a text (车辆路径问题及其优化算法 → 车辆_路径, 路径_问题, 问题_优化, 优化_算法),
 * over the same words as `tokenize` without their sub-words: a shared pair is a shared phrase, which says
 * more about a topic than the same words scattered. Pairs do not cross punctuation.
 */
export function phrases(text: string): string[] {
  return analyse(text).phrases;
}

/**
 * Overlapping character pairs of each run of letters and digits, marked with a leading '#'
 * (复合材料 → #复合, #合材, #材料): they match where segmentation differs between two texts or a
 * word is missing from the dictionaries. Runs of one character give nothing.
 */
export function charBigrams(text: string): string[] {
  const normalised = prepare(text);
  const out: string[] = [];
  for (const run of normalised.split(NON_WORD_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`#${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Top keywords of a text (TF-IDF over jieba's idf, or jieba's extract API if @node-rs/jieba offers it), for items posted without keywords. */
export function extractKeywords(text: string, top = 10): string[] {
  const limit = Number.isFinite(top) ? Math.min(Math.floor(top), 100) : 10;
  if (limit <= 0) return [];
  const normalised = prepare(text);
  if (normalised.length === 0) return [];
  const a = getAnalyzer();
  // Ask for more than needed: jieba's candidates still include our stop words, numbers and single characters.
  const candidates = getKeywordExtractor().extractKeywords(a.jieba, normalised, limit * 3 + 30);
  const keywords: string[] = [];
  for (const { keyword } of candidates) {
    const token = asToken(keyword, a.stopWords);
    if (token === undefined || token.length < 2 || keywords.includes(token)) continue;
    if (a.keywordStopWords.has(token)) continue;
    if (a.domainTerms.get(token) === 'vn') continue;
    if (NUMBER.test(token)) continue;
    keywords.push(token);
    if (keywords.length >= limit) break;
  }
  return keywords;
}
