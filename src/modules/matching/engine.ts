/**
 * The matching engine: one BM25F index per kind of record (experts,
 * achievements, demands, talent demands, institutions), candidates by text
 * relevance, then re-ranked by discipline/industry code overlap (hierarchical),
 * region proximity, the expert's open-order load and past outcomes. Every
 * result carries its reasons: which terms, which codes, which factor added what,
 * and its 匹配度 on a bounded scale with a level (score.ts); a result with
 * nothing to say for it, or below the lowest level, has no level.
 *
 * Pure and synchronous: the service feeds it documents and asks it questions.
 * JavaScript runs one request at a time, so an update never interleaves with a search.
 */
import { analyse, charBigrams, normaliseText, tokenize } from '../../platform/text/analyzer.ts';
import { commonTerms } from './common-terms.ts';
import { type Factor, type MatchLevel, matchLevel, TARGETS, type Target } from './constants.ts';
import { Corpus, codeTokens } from './corpus.ts';
import type { Hit, SearchOptions } from './inverted-index.ts';
import { byScore, inferTopic, rank, round, type TermContext, textReason } from './ranking.ts';
import { boundedScore, reference } from './score.ts';
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights.ts';

export { codeCloseness, regionCloseness } from './closeness.ts';
export {
  FACTORS,
  type Factor,
  LEVEL_FLOORS,
  MATCH_LEVELS,
  type MatchLevel,
  TARGETS,
  type Target,
} from './constants.ts';
export { DEFAULT_WEIGHTS, type MatchWeights, matchWeights } from './weights.ts';

/** What the engine knows of a record: its text fields (as written) and codes. */
export interface MatchDoc {
  id: string;
  code: string;
  name: string;
  /** Region that maintains the record (scope) and where it is. */
  scopeRegion: string;
  regionCode: string | null;
  /** Topical title: an item's title, an expert's research interests. */
  title: string;
  keywords: readonly string[];
  text: string;
  /** Codes with their ancestors (discipline: 430 → 43055; industry: C → 29 → 291). */
  disciplineTags: readonly string[];
  industryTags: readonly string[];
  /** Field names kept as written because no code list knew them (所属领域 of an imported item). */
  labels?: readonly string[];
  /** The institution an expert works at (members of an institution add to its score). */
  institutionId?: string | null;
  /** Shown with the result. */
  summary: { subtitle: string | null; regionName: string | null; tags: string[]; status: string | null };
}

/** A question: text, optional keywords and codes, and where it comes from. */
export interface MatchQuery {
  title?: string;
  text: string;
  /** The asker's own keywords (a demand's 关键词): they weigh more than the text and are named first. */
  keywords?: readonly string[];
  /** Names of its disciplines, industries and field, matched as words like the text. */
  fieldNames?: readonly string[];
  disciplineTags?: readonly string[];
  industryTags?: readonly string[];
  regionCode?: string | null;
  /** Leave this record out (matching an item against its own kind). */
  excludeId?: string;
}

/** What other modules know about experts: open orders now, and outcomes of closed ones. */
export interface ExpertSignals {
  load(expertId: string): number;
  outcomes(expertId: string): { count: number; rating: number | null };
}

export const NO_SIGNALS: ExpertSignals = {
  load: () => 0,
  outcomes: () => ({ count: 0, rating: null }),
};

export interface Reason {
  factor: Factor;
  /** What it adds to the score (negative for load). */
  value: number;
  terms?: string[];
  /** Codes shared, and how closely (same class = 1, same section = 0.5 …). */
  codes?: string[];
  closeness?: number;
  /** For load and outcome: the counts behind them. */
  count?: number;
  rating?: number | null;
  /** For topic: the label shared with the closest matches (d:43055, i:29, f:所属领域 as written). */
  labels?: string[];
  /** For institutions: the member experts who matched. */
  members?: string[];
}

export interface MatchResult {
  id: string;
  code: string;
  name: string;
  /** 匹配度, 0–100 (score.ts); results come best first. */
  score: number;
  /** Its level; null below the lowest, or when no reason names what the result shares with the question. */
  level: MatchLevel | null;
  summary: MatchDoc['summary'];
  reasons: Reason[];
}

const LIMIT_TOP = 200;

/** Reasons that say what a result is about; region, load and outcome alone do not make it fit. */
const TOPICAL: ReadonlySet<Factor> = new Set(['text', 'discipline', 'industry', 'topic', 'members']);

/** Characters of a question's head that give character pairs. */
const QUERY_GRAM_CHARS = 80;

export class MatchingEngine {
  private readonly corpora = new Map<Target, Corpus>();

  constructor(
    readonly weights: MatchWeights = DEFAULT_WEIGHTS,
    private signals: ExpertSignals = NO_SIGNALS,
  ) {
    for (const target of TARGETS) this.corpora.set(target, new Corpus(weights));
  }

  /** Another module (orders) tells the engine about experts' load and outcomes. */
  setSignals(signals: ExpertSignals): void {
    this.signals = signals;
  }

  upsert(target: Target, doc: MatchDoc): void {
    this.corpus(target).upsert(doc);
  }

  remove(target: Target, id: string): void {
    this.corpus(target).remove(id);
  }

  /** Releases the slack of the indexes after a bulk load. */
  compact(): void {
    for (const corpus of this.corpora.values()) corpus.index.compact();
  }

  size(target: Target): number {
    return this.corpus(target).docs.size;
  }

  /** Query tokens: words of the title, keywords, field names and text, codes, phrases and character pairs. */
  queryTokens(query: MatchQuery): string[] {
    const title = analyse(query.title ?? '');
    const text = analyse(query.text);
    const named = [...(query.keywords ?? []), ...(query.fieldNames ?? [])];
    return [
      ...title.tokens,
      ...named.flatMap((k) => tokenize(k)),
      ...text.tokens,
      ...codeTokens(query.disciplineTags, query.industryTags),
      ...title.phrases,
      ...text.phrases,
      // Character pairs of the head of the question (title, keywords, first words): enough to catch words
      // segmented differently, without a pair list for every sentence of a long description.
      ...charBigrams(`${query.title ?? ''}。${named.join('；')}。${query.text}`.slice(0, QUERY_GRAM_CHARS)),
    ];
  }

  /**
   * The best `top` records of a kind for a query, best first. `accept` limits
   * the candidates (region scope, status) before anything is ranked.
   */
  match(target: Target, query: MatchQuery, top: number, accept?: (doc: MatchDoc) => boolean): MatchResult[] {
    const k = Math.max(1, Math.min(LIMIT_TOP, Math.floor(top)));
    if (target === 'institutions') return this.matchInstitutions(query, k, accept);
    const corpus = this.corpus(target);
    const tokens = this.queryTokens(query);
    if (tokens.length === 0) return [];
    const filter =
      accept || query.excludeId
        ? (id: string) => {
            if (id === query.excludeId) return false;
            const stored = corpus.docs.get(id);
            return stored !== undefined && (!accept || accept(stored.doc));
          }
        : undefined;
    const options = this.searchOptions(query);
    // Candidates by text, re-ranked by the factors; only the results kept are explained term by term.
    const hits = corpus.index.search(tokens, Math.max(k * this.weights.candidates, 50), filter, {
      ...options,
      explain: false,
    });
    const topic = inferTopic(this.weights, corpus, hits, query);
    const ranked = hits.map((hit) =>
      rank(this.weights, this.signals, target, corpus.docs.get(hit.id)!, hit.score, query, topic),
    );
    ranked.sort(byScore);
    const kept = ranked.slice(0, k);
    const explained = corpus.index.explainHits(
      kept.map((r) => r.id),
      tokens,
      options,
    );
    const context = termContext(query, commonTerms(corpus.index));
    // The topic factor is read from the results themselves, not from the question: it orders the list but
    // says nothing of how well the list fits, so the scale allows for it in full (per question, so the
    // order stands), and a result that shares the closest matches' topic keeps the share its text gives.
    const topicMost = topic ? 1 + this.weights.topic * Math.max(...topic.values()) : 1;
    const ref = reference(corpus.index.queryIdfs(tokens, options)) * topicMost;
    for (const result of kept) {
      const text = textReason(explained.get(result.id) ?? [], context);
      if (text) result.reasons.unshift(text);
      settle(result, ratio(result.score, ref));
    }
    return kept;
  }

  /**
   * How a question's terms are read: the commonest left out (maxDf, maxPostings), and its own keywords
   * weighing `keywordBoost` times their idf — what the asker named as the point outweighs the description.
   */
  private searchOptions(query: MatchQuery): SearchOptions {
    const options: SearchOptions = { maxDf: this.weights.maxDf, maxPostings: this.weights.maxPostings };
    const boost = this.weights.keywordBoost;
    if (boost === 1 || (query.keywords?.length ?? 0) === 0) return options;
    const weights = new Map<string, number>();
    for (const keyword of query.keywords!) for (const token of tokenize(keyword)) weights.set(token, boost);
    return { ...options, weights };
  }

  /**
   * Institutions: their own profile, plus their experts who match (the three
   * best count), so a university with the right people ranks even when its
   * own description is short.
   */
  private matchInstitutions(
    query: MatchQuery,
    k: number,
    accept?: (doc: MatchDoc) => boolean,
  ): MatchResult[] {
    const own = this.corpus('institutions');
    const experts = this.corpus('experts');
    const tokens = this.queryTokens(query);
    if (tokens.length === 0) return [];
    const options = this.searchOptions(query);
    const scores = new Map<
      string,
      { own: number; members: { name: string; score: number }[]; terms: Map<string, number> }
    >();
    const entry = (id: string) => {
      let e = scores.get(id);
      if (!e) {
        e = { own: 0, members: [], terms: new Map() };
        scores.set(id, e);
      }
      return e;
    };
    const note = (terms: Map<string, number>, hit: Hit) => {
      for (const t of hit.terms) terms.set(t.term, Math.max(terms.get(t.term) ?? 0, t.score));
    };
    const acceptInstitution = (id: string) => {
      const stored = own.docs.get(id);
      return stored !== undefined && (!accept || accept(stored.doc));
    };
    for (const hit of own.index.search(tokens, k * this.weights.candidates, acceptInstitution, options)) {
      const e = entry(hit.id);
      e.own = hit.score;
      note(e.terms, hit);
    }
    for (const hit of experts.index.search(tokens, LIMIT_TOP, undefined, options)) {
      const doc = experts.docs.get(hit.id)?.doc;
      if (!doc?.institutionId || !acceptInstitution(doc.institutionId)) continue;
      const e = entry(doc.institutionId);
      e.members.push({ name: doc.name, score: hit.score });
      note(e.terms, hit);
    }
    // Own and members' scores come from two indexes, each against what the question could reach there:
    // an institution ranks by the two shares added up, and its 匹配度 is read from that sum.
    const ownRef = reference(own.index.queryIdfs(tokens, options));
    const expertRef = reference(experts.index.queryIdfs(tokens, options));
    const ownCommon = commonTerms(own.index);
    const expertCommon = commonTerms(experts.index);
    const context = termContext(query, (t) => ownCommon(t) || expertCommon(t));
    const results: MatchResult[] = [];
    for (const [id, e] of scores) {
      const members = e.members.sort((a, b) => b.score - a.score).slice(0, 3);
      const memberScore = members.reduce((s, m, n) => s + m.score / (n + 1), 0);
      const base = rank(this.weights, this.signals, 'institutions', own.docs.get(id)!, e.own, query);
      const factor = e.own > 0 ? base.score / e.own : 1;
      const text = textReason(
        [...e.terms].map(([term, score]) => ({ term, score })),
        context,
      );
      const reasons: Reason[] = [...(text ? [{ ...text, value: round(e.own) }] : []), ...base.reasons];
      if (members.length > 0) {
        reasons.push({
          factor: 'members',
          value: round(memberScore * factor),
          members: members.map((m) => m.name),
        });
      }
      const share = ratio(base.score, ownRef) + ratio(memberScore * factor, expertRef);
      results.push({ ...base, score: share, reasons });
    }
    results.sort(byScore);
    const kept = results.slice(0, k);
    for (const result of kept) settle(result, result.score);
    return kept;
  }

  private corpus(target: Target): Corpus {
    return this.corpora.get(target)!;
  }
}

/** Of a raw score, the share of what the question could reach (0 when it can reach nothing). */
function ratio(raw: number, ref: number): number {
  return ref > 0 ? raw / ref : 0;
}

/**
 * A ranked result's 匹配度 and level: no level below the lowest, nor when none of its reasons says what
 * it shares with the question (a region or a workload alone is no reason to suggest anyone).
 */
function settle(result: MatchResult, share: number): void {
  result.score = boundedScore(share);
  const topical = result.reasons.some((r) => TOPICAL.has(r.factor));
  result.level = topical ? matchLevel(result.score) : null;
}

/** A question's keywords (as written and as tokens) and what is common among the records asked. */
function termContext(query: MatchQuery, common: (term: string) => boolean): TermContext {
  const keywords = [...new Set((query.keywords ?? []).map((k) => normaliseText(k)))]
    .map((text) => ({ text, tokens: [...new Set(tokenize(text))] }))
    .filter((k) => k.tokens.length > 0);
  return { keywords, common };
}
