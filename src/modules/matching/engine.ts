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
import { z } from 'zod';
import { analyse, charBigrams, tokenize } from '../../platform/text/analyzer.ts';
import { type Factor, TARGETS, type Target } from './constants.ts';
import { type FieldSpec, type Hit, InvertedIndex } from './inverted-index.ts';

export { FACTORS, type Factor, TARGETS, type Target } from './constants.ts';

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

export interface MatchWeights {
  /**
   * BM25F field weights: words of the title, keywords and text; codes; adjacent word pairs (phrases);
   * character pairs (grams, for words segmented differently or unknown to the dictionaries).
   */
  fields: { title: number; keywords: number; text: number; codes: number; phrases: number; grams: number };
  k1: number;
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

/** Index tokens of a document's or query's code tags: d:430, d:43055, i:C, i:29. */
function codeTokens(disciplineTags: readonly string[] = [], industryTags: readonly string[] = []): string[] {
  return [...disciplineTags.map((c) => `d:${c}`), ...industryTags.map((c) => `i:${c}`)];
}

/** The most specific codes of a tag set (those that are nobody's ancestor within it). */
function leaves(tags: readonly string[]): string[] {
  return tags.filter((t) => !tags.some((o) => o !== t && isAncestor(t, o)));
}

/**
 * Discipline codes nest by prefix (430 → 43055), industry codes by prefix below their section letter
 * (29 → 291), and a section letter heads every industry code in a tag set (tags hold whole chains: C, 29, 291).
 */
function isAncestor(a: string, b: string): boolean {
  if (/^[A-Z]$/.test(a)) return /^\d/.test(b);
  return b.length > a.length && b.startsWith(a);
}

/**
 * How closely two code sets agree: 1 when a most specific code of one is
 * shared by the other (same class), else a fraction for a shared ancestor
 * by depth (same first-level discipline, same industry section).
 */
export function codeCloseness(
  query: readonly string[],
  doc: readonly string[],
): { closeness: number; shared: string[] } {
  if (query.length === 0 || doc.length === 0) return { closeness: 0, shared: [] };
  const docSet = new Set(doc);
  const shared = query.filter((c) => docSet.has(c));
  if (shared.length === 0) return { closeness: 0, shared: [] };
  const qLeaves = new Set(leaves(query));
  const dLeaves = new Set(leaves(doc));
  const exact = shared.filter((c) => qLeaves.has(c) || dLeaves.has(c));
  const deepest = Math.max(...shared.map((c) => depth(c)));
  const closeness = exact.some((c) => depth(c) === deepest) ? 1 : deepest >= 2 ? 0.6 : 0.35;
  // Name the deepest shared codes (the ancestors are implied).
  return { closeness, shared: shared.filter((c) => depth(c) === deepest) };
}

/** 1 for a section letter or a 3-digit first-level discipline, 2 for a division / 5-digit, 3 below. */
function depth(code: string): number {
  if (/^[A-Z]$/.test(code)) return 1;
  if (/^[A-Z]?\d{2}$/.test(code)) return 2;
  if (/^\d{3}$/.test(code)) return 1;
  if (/^\d{5}$/.test(code)) return 2;
  return 3;
}

/** Same county 1, same city 0.6, same province 0.3. */
export function regionCloseness(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  if (a === b && !a.endsWith('00')) return 1;
  if (a.slice(0, 4) === b.slice(0, 4)) return 0.6;
  if (a.slice(0, 2) === b.slice(0, 2)) return 0.3;
  return 0;
}

interface Stored {
  doc: MatchDoc;
  /** What the document is about, by code list: its most specific codes, and fields as written. */
  labels: readonly string[];
}

function topicLabels(doc: MatchDoc): string[] {
  return [
    ...leaves(doc.disciplineTags).map((c) => `d:${c}`),
    ...leaves(doc.industryTags).map((c) => `i:${c}`),
    ...(doc.labels ?? []).map((l) => `f:${l}`),
  ];
}

/** Characters of a question's head that give character pairs. */
const QUERY_GRAM_CHARS = 80;

/** How many of the closest matches vote for a question's topic. */
const TOPIC_VOTERS = 10;

/** One kind of record: its index and what each document shows. */
class Corpus {
  readonly index: InvertedIndex;
  readonly docs = new Map<string, Stored>();

  constructor(weights: MatchWeights) {
    const f = weights.fields;
    const fields: FieldSpec[] = [
      { name: 'title', weight: f.title, b: 0.5 },
      { name: 'keywords', weight: f.keywords, b: 0.3 },
      { name: 'text', weight: f.text, b: 0.75 },
      { name: 'codes', weight: f.codes, b: 0 },
      { name: 'phrases', weight: f.phrases, b: 0.75 },
      { name: 'grams', weight: f.grams, b: 0.75 },
    ];
    this.index = new InvertedIndex({ fields, k1: weights.k1 });
  }

  upsert(doc: MatchDoc): void {
    const title = analyse(doc.title);
    this.index.upsert(doc.id, {
      title: title.tokens,
      keywords: doc.keywords.flatMap((k) => tokenize(k)),
      text: tokenize(doc.text),
      codes: codeTokens(doc.disciplineTags, doc.industryTags),
      // Phrases and character pairs of the short topical fields only: for long texts they would double
      // the index for little (measured on the evaluation sets); questions use them from all their text.
      phrases: title.phrases,
      grams: charBigrams(`${doc.title}。${doc.keywords.join('；')}`),
    });
    // The texts are in the index now; keep what results show and filters read.
    this.docs.set(doc.id, { doc: { ...doc, title: '', text: '', keywords: [] }, labels: topicLabels(doc) });
  }

  remove(id: string): void {
    this.index.remove(id);
    this.docs.delete(id);
  }
}

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
    const topic = this.inferTopic(corpus, hits, query);
    const ranked = hits.map((hit) => this.rank(target, corpus.docs.get(hit.id)!, hit.score, query, topic));
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
   * A question without codes takes the labels of its closest matches: each
   * label's share of their scores (the cluster hypothesis: what reads alike
   * belongs to the same discipline, industry or field).
   */
  private inferTopic(corpus: Corpus, hits: Hit[], query: MatchQuery): Map<string, number> | undefined {
    if ((query.disciplineTags?.length ?? 0) > 0 || (query.industryTags?.length ?? 0) > 0) return undefined;
    if (this.weights.topic <= 0) return undefined;
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

  private rank(
    target: Target,
    stored: Stored,
    textScore: number,
    query: MatchQuery,
    topic?: Map<string, number>,
  ): MatchResult {
    const doc = stored.doc;
    const w = this.weights;
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
      const load = this.signals.load(doc.id);
      if (load > 0) {
        const penalty = (w.load * Math.min(load, 5)) / 5;
        factor -= penalty;
        reasons.push({ factor: 'load', value: round(-textScore * penalty), count: load });
      }
      const outcome = this.signals.outcomes(doc.id);
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
      const base = this.rank('institutions', own.docs.get(id)!, e.own, query);
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

/**
 * The text reason: the text relevance and the words and phrases that made it, largest first. `value` is
 * the text score without the factors (what the other reasons add is theirs).
 */
function textReason(terms: { term: string; score: number }[]): Reason {
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
function byScore(a: MatchResult, b: MatchResult): number {
  return b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Up to eight terms to show, best first; a word inside a longer one shown (量化 in 轻量化) says nothing more. */
function displayTerms(terms: readonly string[]): string[] {
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t))).slice(0, 8);
}

/** A word or phrase (not a code token or a character pair), for reasons. */
function isWord(term: string): boolean {
  return !term.includes(':') && !term.startsWith('#');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
