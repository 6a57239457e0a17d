import type { Postings } from './postings.ts';

/**
 * Which of a query's terms a search reads: terms in too many documents say almost nothing and cost the
 * most, so `maxDf` and `maxPostings` leave the commonest out (see InvertedIndex.search).
 */

/** A distinct query term found in the index, with its (weighted) idf and postings. */
export interface QueryTerm {
  term: string;
  termId: number;
  idf: number;
  postings: Postings;
}

/** Terms a query keeps whatever their document frequency. */
const MIN_QUERY_TERMS = 3;
/** `maxDf` leaves out only terms found in more documents than this. */
const MIN_PRUNED_DF = 1000;

/** The terms left after `maxDf` and `maxPostings`, for an index of N documents. */
export function prunedTerms(
  terms: QueryTerm[],
  N: number,
  options: { maxDf?: number; maxPostings?: number },
): QueryTerm[] {
  if (options.maxDf !== undefined && terms.length > MIN_QUERY_TERMS) {
    // Small corpora keep every term: there a word in a tenth of the documents can still be the topic.
    const limit = Math.max(options.maxDf * N, MIN_PRUNED_DF);
    const common = terms.filter((t) => t.postings.n > limit);
    if (common.length > 0) {
      const kept = terms.filter((t) => t.postings.n <= limit);
      // Keep the rarest of the common ones when too few terms would remain.
      common.sort((a, b) => a.postings.n - b.postings.n);
      return withinBudget(
        [...kept, ...common.slice(0, Math.max(0, MIN_QUERY_TERMS - kept.length))],
        options.maxPostings,
      );
    }
  }
  return withinBudget(terms, options.maxPostings);
}

/**
 * At most `budget` postings per query: the rarest terms first (they decide the ranking); common terms
 * beyond the budget are left out, always keeping the three rarest.
 */
function withinBudget<T extends { postings: Postings }>(terms: T[], budget: number | undefined): T[] {
  if (budget === undefined) return terms;
  let total = 0;
  for (const t of terms) total += t.postings.n;
  if (total <= budget) return terms;
  const byRarity = [...terms].sort((a, b) => a.postings.n - b.postings.n);
  const kept: T[] = [];
  let used = 0;
  for (const t of byRarity) {
    if (kept.length >= MIN_QUERY_TERMS && used + t.postings.n > budget) break;
    kept.push(t);
    used += t.postings.n;
  }
  return kept;
}
