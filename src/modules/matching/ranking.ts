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
    summary: doc.summary,
    reasons,
  };
}

/**
 * The text reason: the text relevance and the words and phrases that made it, largest first. `value` is
 * the text score without the factors (what the other reasons add is theirs).
 */
export function textReason(terms: { term: string; score: number }[]): Reason {
  const text = terms.reduce((sum, t) => sum + t.score, 0);
  // Words only: a shared phrase is already named by its words.
  const shown = [
    ...new Set(
      terms
        .filter((t) => isWord(t.term) && !t.term.includes('_'))
        .sort((a, b) => b.score - a.score)
        .map((t) => t.term),
    ),
  ];
  return { factor: 'text', value: round(text), terms: displayTerms(shown) };
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
