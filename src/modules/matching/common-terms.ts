import { readFileSync } from 'node:fs';
import { normaliseText } from '../../platform/text/analyzer.ts';
import type { InvertedIndex } from './inverted-index.ts';

/**
 * Words too common to be a reason on their own. A suggestion that shares only 方法, 性能 or 材料 with
 * its question says nothing about fitting it, however the score adds up: such a word is named in a
 * reason only beside a rarer one, and only when it is one of the question's own keywords.
 *
 * Common is measured on the kind's records (the index knows each word's document frequency): in more
 * than COMMON_SHARE of them. On the evaluation sets 5 % catches 性能 (9 % of the CSL achievements),
 * 材料 (7 %), 系统, 优化, 风险 (NSFC experts, 8–9 %) and leaves topic words alone (供应链 4 %).
 * A small corpus says little by shares (the demo's 36 experts come in clusters of four, 11 % each),
 * so a word is common by frequency only in at least COMMON_MIN_RECORDS records; there the words that
 * are generic in any text (技术, 研究, 方法, 系统 — the ones never offered as extracted keywords,
 * data/matching/keyword-stopwords.txt) count as common whatever their frequency.
 */

/** Share of a kind's records above which a word is common. */
export const COMMON_SHARE = 0.05;
/** A word is common by frequency only when at least this many records hold it. */
export const COMMON_MIN_RECORDS = 5;

const GENERIC_WORDS_URL = new URL('../../../data/matching/keyword-stopwords.txt', import.meta.url);

let generic: ReadonlySet<string> | undefined;

/** Words generic in any text: the analyzer never offers them as keywords (same file, same normalisation). */
function genericWords(): ReadonlySet<string> {
  generic ??= new Set(
    readFileSync(GENERIC_WORDS_URL, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#'))
      .map((word) => normaliseText(word)),
  );
  return generic;
}

/** Whether a word is common in an index's records (see above), as of now. */
export function commonTerms(index: InvertedIndex): (term: string) => boolean {
  const limit = Math.max(COMMON_SHARE * index.size, COMMON_MIN_RECORDS - 1);
  const words = genericWords();
  return (term) => words.has(term) || index.documentFrequency(term) > limit;
}
