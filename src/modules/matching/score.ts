/**
 * 匹配度: a result's score on a bounded scale, 0–100, that reads the same for every question.
 *
 * A raw BM25F score grows with the question (a long description shares more words with everything than a
 * title does), and a score relative to the best hit of the list makes a weak list look strong. So the
 * scale is set by what the question could reach: each of its terms adds at most its idf (tf / (k1 + tf)
 * stays below 1), and its reference is the sum of the idf of its CEILING_TERMS most specific terms — what
 * a record sharing the question's core in full would score. Then
 *
 *   匹配度 = 100 · (1 − e^(−raw / reference))
 *
 * rises steeply while a result shares more of that core, and stays below 100: the factors (codes,
 * region, topic …) multiply the raw score past the reference, and the curve keeps those results in their
 * order where a cut at 100 would tie them. Results are ranked by the raw score; the curve is monotone, so
 * the 匹配度 of a list falls as its ranks do.
 *
 * Eight terms: of 3, 5, 8, 12 and 20, and the sum over all of a question's terms (which sinks every long
 * description), eight separates relevant results from the others across the questions of both evaluation
 * sets as well as the best of them (pooled ROC AUC 0.716 and 0.684; the whole sum 0.693 and 0.676), and is
 * the easiest to read: a record that shares a question's eight most specific words and word pairs.
 * `npm run bench:quality` prints how precise each level is on those sets.
 */

/** How many of a question's most specific terms set its reference. */
export const CEILING_TERMS = 8;

/** What a record sharing a question's core would score: the idf of its CEILING_TERMS rarest terms. */
export function reference(idfs: readonly number[]): number {
  return [...idfs]
    .sort((a, b) => b - a)
    .slice(0, CEILING_TERMS)
    .reduce((sum, idf) => sum + idf, 0);
}

/** 匹配度 (0–99, rounded down) of a result whose raw score is `share` times its question's reference. */
export function boundedScore(share: number): number {
  if (!(share > 0)) return 0;
  return Math.floor(100 * (1 - Math.exp(-share)));
}
