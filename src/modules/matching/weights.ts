import { z } from 'zod';

/**
 * How the engine weighs what it finds: BM25F fields, re-ranking factors and
 * search bounds, with the override read from configuration (MATCHING_WEIGHTS).
 */

export interface MatchWeights {
  /**
   * BM25F field weights: words of the title, keywords and text; codes; adjacent word pairs (phrases);
   * character pairs (grams, for words segmented differently or unknown to the dictionaries).
   */
  fields: { title: number; keywords: number; text: number; codes: number; phrases: number; grams: number };
  k1: number;
  /**
   * A question's own keywords (a demand's 关键词, an expert's disciplines and industries) weigh this many
   * times their idf: what the asker named as the point outweighs the words of a description.
   */
  keywordBoost: number;
  /** Re-ranking factors, as fractions of the text score (0.3 = up to +30 %). */
  discipline: number;
  industry: number;
  region: number;
  /**
   * For a question that names no codes: the disciplines, industries and fields of its closest
   * matches are taken as its own (votes weighted by score), and candidates that share them rise.
   */
  topic: number;
  load: number;
  outcome: number;
  /** Candidates re-ranked per result wanted. */
  candidates: number;
  /** Query terms in more than this share of the records are left out (see InvertedIndex.search). */
  maxDf: number;
  /** Postings a query reads at most, rarest terms first (bounds the time of long questions on big corpora). */
  maxPostings: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  fields: { title: 2.5, keywords: 2, text: 1, codes: 0.6, phrases: 1, grams: 1 },
  k1: 1.2,
  keywordBoost: 2,
  discipline: 0.25,
  industry: 0.15,
  topic: 2,
  region: 0.1,
  load: 0.2,
  outcome: 0.15,
  candidates: 5,
  maxDf: 0.1,
  maxPostings: 80_000,
};

const weight = z.number().min(0).max(100);
const weightsOverride = z.strictObject({
  fields: z
    .strictObject({
      title: weight,
      keywords: weight,
      text: weight,
      codes: weight,
      phrases: weight,
      grams: weight,
    })
    .partial()
    .optional(),
  k1: z.number().min(0.1).max(10).optional(),
  keywordBoost: z.number().min(1).max(10).optional(),
  discipline: weight.optional(),
  industry: weight.optional(),
  topic: weight.optional(),
  region: weight.optional(),
  load: z.number().min(0).max(1).optional(),
  outcome: weight.optional(),
  candidates: z.number().int().min(1).max(50).optional(),
  maxDf: z.number().min(0.001).max(1).optional(),
  maxPostings: z.number().int().min(1000).optional(),
});

/** The default weights with a configured override (MATCHING_WEIGHTS) applied; a wrong key or value throws. */
export function matchWeights(override: unknown): MatchWeights {
  const parsed = weightsOverride.safeParse(override ?? {});
  if (!parsed.success) {
    throw new Error(
      `MATCHING_WEIGHTS: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  const { fields, ...rest } = parsed.data;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_WEIGHTS, ...defined, fields: { ...DEFAULT_WEIGHTS.fields, ...fields } } as MatchWeights;
}
