/**
 * The matching engine: one BM25F index per kind of record (experts,
 * achievements, demands, talent demands, institutions), candidates by text
 * relevance, then re-ranked by discipline/industry code overlap (hierarchical),
 * region proximity, the expert's open-order load and past outcomes. Every
 * result carries its reasons: which terms, which codes, which factor added what.
 *
 * Pure and synchronous: the service feeds it documents and asks it questions.
 * JavaScript runs one request at a time, so an update never interleaves with a search.
 */
import { analyse, charBigrams, tokenize } from '../../platform/text/analyzer.ts';
import { type Factor, TARGETS, type Target } from './constants.ts';
import { Corpus, codeTokens } from './corpus.ts';
import { byScore, displayTerms, inferTopic, isWord, rank, round, textReason } from './ranking.ts';
import { DEFAULT_WEIGHTS, type MatchWeights } from './weights.ts';

export { codeCloseness, regionCloseness } from './closeness.ts';
export { FACTORS, type Factor, TARGETS, type Target } from './constants.ts';
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
  keywords?: readonly string[];
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
  score: number;
  summary: MatchDoc['summary'];
  reasons: Reason[];
}

const LIMIT_TOP = 200;

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

  /** Query tokens: words of the title, keywords and text, codes, phrases and character pairs. */
  queryTokens(query: MatchQuery): string[] {
    const title = analyse(query.title ?? '');
    const text = analyse(query.text);
    return [
      ...title.tokens,
      ...(query.keywords ?? []).flatMap((k) => tokenize(k)),
      ...text.tokens,
      ...codeTokens(query.disciplineTags, query.industryTags),
      ...title.phrases,
      ...text.phrases,
      // Character pairs of the head of the question (title, keywords, first words): enough to catch words
      // segmented differently, without a pair list for every sentence of a long description.
      ...charBigrams(
        `${query.title ?? ''}。${(query.keywords ?? []).join('；')}。${query.text}`.slice(
          0,
          QUERY_GRAM_CHARS,
        ),
      ),
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
    const options = { maxDf: this.weights.maxDf, maxPostings: this.weights.maxPostings };
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
    for (const result of kept) result.reasons.unshift(textReason(explained.get(result.id) ?? []));
    return kept;
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
    const scores = new Map<
      string,
      { own: number; members: { name: string; score: number }[]; terms: Set<string> }
    >();
    const entry = (id: string) => {
      let e = scores.get(id);
      if (!e) {
        e = { own: 0, members: [], terms: new Set() };
        scores.set(id, e);
      }
      return e;
    };
    const acceptInstitution = (id: string) => {
      const stored = own.docs.get(id);
      return stored !== undefined && (!accept || accept(stored.doc));
    };
    for (const hit of own.index.search(tokens, k * this.weights.candidates, acceptInstitution, {
      maxDf: this.weights.maxDf,
      maxPostings: this.weights.maxPostings,
    })) {
      const e = entry(hit.id);
      e.own = hit.score;
      for (const t of hit.terms) if (isWord(t.term) && !t.term.includes('_')) e.terms.add(t.term);
    }
    for (const hit of experts.index.search(tokens, LIMIT_TOP, undefined, {
      maxDf: this.weights.maxDf,
      maxPostings: this.weights.maxPostings,
    })) {
      const doc = experts.docs.get(hit.id)?.doc;
      if (!doc?.institutionId || !acceptInstitution(doc.institutionId)) continue;
      const e = entry(doc.institutionId);
      e.members.push({ name: doc.name, score: hit.score });
      for (const t of hit.terms) if (isWord(t.term) && !t.term.includes('_')) e.terms.add(t.term);
    }
    const results: MatchResult[] = [];
    for (const [id, e] of scores) {
      const members = e.members.sort((a, b) => b.score - a.score).slice(0, 3);
      const memberScore = members.reduce((s, m, n) => s + m.score / (n + 1), 0);
      const base = rank(this.weights, this.signals, 'institutions', own.docs.get(id)!, e.own, query);
      const factor = e.own > 0 ? base.score / e.own : 1;
      const score = round(base.score + memberScore * factor);
      const reasons: Reason[] = [
        { factor: 'text', value: round(e.own), terms: displayTerms([...e.terms]) },
        ...base.reasons,
      ];
      if (members.length > 0) {
        reasons.push({
          factor: 'members',
          value: round(memberScore * factor),
          members: members.map((m) => m.name),
        });
      }
      results.push({ ...base, score, reasons });
    }
    results.sort(byScore);
    return results.slice(0, k);
  }

  private corpus(target: Target): Corpus {
    return this.corpora.get(target)!;
  }
}
