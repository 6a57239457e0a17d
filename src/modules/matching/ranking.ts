import { codeCloseness, regionCloseness } from './closeness.ts';
import type { Target } from './constants.ts';
import type { Corpus, Stored } from './corpus.ts';
import type { ExpertSignals, MatchQuery, MatchResult, Reason } from './engine.ts';
import type { Hit } from './inverted-index.ts';
import type { MatchWeights } from './weights.ts';

/** Re-ranking text candidates by the factors, and the reasons each result gives. */

/** How many of the closest matches vote for a question's topic. */
const TOPIC_VOTERS = 10;

/**
 * A question without codes takes the labels of its closest matches: each
 * label's share of their scores (the cluster hypothesis: what reads alike
 * belongs to the same discipline, industry or field).
 */
export function inferTopic(
  weights: MatchWeights,
  corpus: Corpus,
  hits: Hit[],
  query: MatchQuery,
): Map<string, number> | undefined {
  if ((query.disciplineTags?.length ?? 0) > 0 || (query.industryTags?.length ?? 0) > 0) return undefined;
  if (weights.topic <= 0) return undefined;
  const votes = new Map<string, number>();
  let total = 0;
  for (const hit of hits.slice(0, TOPIC_VOTERS)) {
    total += hit.score;
    for (const label of corpus.docs.get(hit.id)!.labels)
      votes.set(label, (votes.get(label) ?? 0) + hit.score);
  }
  if (total <= 0 || votes.size === 0) return undefined;
  for (const [label, v] of votes) votes.set(label, v / total);
  return votes;
}

/** A candidate's score: its text score raised (or lowered) by each factor, with a reason for each. */
export function rank(
  w: MatchWeights,
  signals: ExpertSignals,
  target: Target,
  stored: Stored,
  textScore: number,
  query: MatchQuery,
  topic?: Map<string, number>,
): MatchResult {
  const doc = stored.doc;
  const reasons: Reason[] = [];
  let factor = 0;
  if (topic) {
    let best = 0;
    let label = '';
    for (const l of stored.labels) {
      const share = topic.get(l) ?? 0;
      if (share > best) {
        best = share;
        label = l;
      }
    }
    if (best > 0) {
      factor += w.topic * best;
      reasons.push({
        factor: 'topic',
        value: round(textScore * w.topic * best),
        labels: [label],
        closeness: round(best),
      });
    }
  }
  const d = codeCloseness(query.disciplineTags ?? [], doc.disciplineTags);
  if (d.closeness > 0) {
    factor += w.discipline * d.closeness;
    reasons.push({
      factor: 'discipline',
      value: round(textScore * w.discipline * d.closeness),
      codes: d.shared,
      closeness: d.closeness,
    });
  }
  const i = codeCloseness(query.industryTags ?? [], doc.industryTags);
  if (i.closeness > 0) {
    factor += w.industry * i.closeness;
    reasons.push({
      factor: 'industry',
      value: round(textScore * w.industry * i.closeness),
      codes: i.shared,
      closeness: i.closeness,
    });
  }
  const r = regionCloseness(query.regionCode, doc.regionCode);
  if (r > 0) {
    factor += w.region * r;
    reasons.push({ factor: 'region', value: round(textScore * w.region * r), closeness: r });
  }
  if (target === 'experts') {
    const load = signals.load(doc.id);
    if (load > 0) {
      const penalty = (w.load * Math.min(load, 5)) / 5;
      factor -= penalty;
      reasons.push({ factor: 'load', value: round(-textScore * penalty), count: load });
    }
    const outcome = signals.outcomes(doc.id);
    if (outcome.count > 0) {
      const bonus =
        w.outcome * (Math.min(outcome.count, 5) / 5) * (outcome.rating === null ? 0.6 : outcome.rating / 5);
      factor += bonus;
      reasons.push({
        factor: 'outcome',
        value: round(textScore * bonus),
        count: outcome.count,
        rating: outcome.rating,
      });
    }
  }
  return {
    id: doc.id,
    code: doc.code,
    name: doc.name,
    score: round(textScore * (1 + factor)),
    level: null,
    summary: doc.summary,
    reasons,
  };
}

/** What the text reason needs to know of the question and of the records it is matched against. */
export interface TermContext {
  /** The question's own keywords as written (normalised), each with its tokens, in the asker's order. */
  keywords: readonly { text: string; tokens: readonly string[] }[];
  /** Too common in the records to be a reason on its own (common-terms.ts). */
  common: (term: string) => boolean;
}

/**
 * The text reason: the text relevance and the words that made it. The question's own keywords come
 * first, in the asker's order — as written when the result shares every word of one (失效分析, not 失效、
 * 分析), else the words it shares — then the other words, largest first. `value` is the text score
 * without the factors (what the other reasons add is theirs).
 *
 * A common word (方法, 性能) is named only as a keyword as written, and only beside a word that is not
 * common; a result whose shared words are all common (or only character pairs and phrases) gets no
 * text reason, as nothing can be said for it.
 */
export function textReason(
  terms: { term: string; score: number }[],
  context: TermContext,
): Reason | undefined {
  const text = terms.reduce((sum, t) => sum + t.score, 0);
  // Words only, largest first: a shared phrase is already named by its words.
  const shared = new Map<string, number>();
  for (const t of [...terms].sort((a, b) => b.score - a.score)) {
    if (isWord(t.term) && !t.term.includes('_') && !shared.has(t.term)) shared.set(t.term, t.score);
  }
  const named = new Map<string, boolean>(); // term → common
  const ofKeywords = new Set<string>();
  for (const keyword of context.keywords) {
    const hits = keyword.tokens.filter((t) => shared.has(t));
    for (const t of keyword.tokens) ofKeywords.add(t);
    if (hits.length === 0) continue;
    if (hits.length === keyword.tokens.length) {
      named.set(keyword.text, keyword.tokens.every(context.common));
    } else {
      hits.sort((a, b) => shared.get(b)! - shared.get(a)!);
      for (const t of hits) if (!context.common(t)) named.set(t, false);
    }
  }
  for (const t of shared.keys()) if (!ofKeywords.has(t) && !context.common(t)) named.set(t, false);
  const shown = displayTerms([...named.keys()]);
  if (shown.every((t) => named.get(t))) return undefined;
  return { factor: 'text', value: round(text), terms: shown };
}

/** Best first; equal scores in code order. */
export function byScore(a: MatchResult, b: MatchResult): number {
  return b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Up to eight terms to show, best first; a word inside a longer one shown (量化 in 轻量化) says nothing more. */
export function displayTerms(terms: readonly string[]): string[] {
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t))).slice(0, 8);
}

/** A word or phrase (not a code token or a character pair), for reasons. */
export function isWord(term: string): boolean {
  return !term.includes(':') && !term.startsWith('#');
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
