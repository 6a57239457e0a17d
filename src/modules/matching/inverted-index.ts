import { binarySearch, EMPTY_I32, MAX_FIELDS, type Postings, widen } from './postings.ts';
import { prunedTerms, type QueryTerm } from './query-terms.ts';
import { type TopK, topK } from './top-k.ts';

/**
 * In-process inverted index with BM25F ranking, used by the matching engine.
 *
 * BM25F as implemented here. For a term t and a document d with fields f (each with weight w_f and length
 * normalisation b_f):
 *
 *   tf~(t, d) = Σ_f  w_f · tf(t, f, d) / (1 − b_f + b_f · len(f, d) / avgLen_f)
 *   idf(t)    = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
 *   score(d)  = Σ_{t ∈ distinct query terms}  idf(t) · tf~(t, d) / (k1 + tf~(t, d))
 *
 * where len(f, d) is the number of tokens of field f in d, avgLen_f the mean of len(f, ·) over the documents
 * currently in the index (1 when that mean is 0), N the number of documents and df(t) the number of documents
 * containing t in any field. Only documents with a positive score are returned by `search`.
 *
 * Layout: documents get dense internal numbers (reused after removes). Each term has one posting list held
 * in typed arrays: doc numbers, and per posting one term frequency per field (stride = number of fields).
 * Each document keeps its sorted term ids and, in parallel, the position of its posting in each term's list,
 * so a remove swap-deletes its postings in O(terms · log terms) and a per-document term lookup is a binary
 * search. Field lengths are stored per document with running totals per field, so averages are exact at all
 * times. A search accumulates scores in a reusable Float64Array indexed by doc number (only touched entries
 * are reset afterwards) and keeps the best k in a bounded min-heap.
 *
 * postings.ts holds the posting lists' layout, query-terms.ts which query terms a search reads, top-k.ts the
 * bounded heap.
 */

export interface FieldSpec {
  name: string;
  /** BM25F field weight */
  weight: number;
  /** length normalisation 0..1 */
  b: number;
}

export interface TermContribution {
  term: string;
  score: number;
  /** fields where the doc has the term */
  fields: string[];
}

export interface SearchOptions {
  /** Per-term weights (default 1). */
  weights?: ReadonlyMap<string, number>;
  /** Leave out query terms in more than this share of the documents (0..1). */
  maxDf?: number;
  /** Read at most this many postings: the rarest terms first, the commonest left out beyond it. */
  maxPostings?: number;
  /** List each hit's matched terms (default true); `explainHits` gives them for chosen hits later. */
  explain?: boolean;
}

/** Distinct tokens a document may have (slots in upsert's packed sort keys). */
const SLOT_SPAN = 2 ** 20;

export interface Hit {
  id: string;
  score: number;
  terms: TermContribution[];
}

/** An in-memory BM25F index over documents with several token fields; exact after any sequence of upserts and removes. */
export class InvertedIndex {
  private readonly fields: readonly FieldSpec[];
  private readonly fieldCount: number;
  private readonly fieldIndex = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly k1: number;

  // Documents.
  private readonly idToNum = new Map<string, number>();
  private numToId: (string | undefined)[] = [];
  private readonly freeDocs: number[] = [];
  private capacity = 0;
  /** len(f, d) at d * fieldCount + f. */
  private docLens: Int32Array = EMPTY_I32;
  /** Sorted term ids of each document. */
  private docTermIds: Int32Array[] = [];
  /** docTermPos[d][i] = position of d's posting in the list of term docTermIds[d][i]. */
  private docTermPos: Int32Array[] = [];
  private readonly totalLens: Float64Array;

  // Terms.
  private readonly termToId = new Map<string, number>();
  private termStrings: (string | undefined)[] = [];
  private postings: (Postings | undefined)[] = [];
  private readonly freeTerms: number[] = [];

  // Per-search scratch space.
  private acc: Float64Array = new Float64Array(0);
  private touched: Int32Array = EMPTY_I32;
  private readonly normA: Float64Array;
  private readonly normB: Float64Array;
  /**
   * w_f / (1 − b_f + b_f · len(f, d) / avgLen_f) at f * capacity + d (one run per field, so a term that
   * lives in one field reads one compact array): the whole per-field factor of a
   * posting, recomputed for all documents on the first search after any change (averages move with every
   * document), so that a search only multiplies.
   */
  private fieldNorms: Float64Array = new Float64Array(0);
  private normsStale = true;

  constructor(options: { fields: FieldSpec[]; k1?: number }) {
    if (options.fields.length === 0) throw new Error('InvertedIndex needs at least one field');
    if (options.fields.length > MAX_FIELDS)
      throw new Error(`InvertedIndex takes at most ${MAX_FIELDS} fields`);
    this.fields = options.fields.map((f) => ({ ...f }));
    this.fieldCount = this.fields.length;
    this.weights = new Float64Array(this.fieldCount);
    this.fields.forEach((f, i) => {
      if (this.fieldIndex.has(f.name)) throw new Error(`Duplicate field name: ${f.name}`);
      this.fieldIndex.set(f.name, i);
      this.weights[i] = f.weight;
    });
    this.k1 = options.k1 ?? 1.2;
    this.totalLens = new Float64Array(this.fieldCount);
    this.normA = new Float64Array(this.fieldCount);
    this.normB = new Float64Array(this.fieldCount);
  }

  get size(): number {
    return this.idToNum.size;
  }

  /**
   * Trims every posting list to its length (lists grow by doubling, so after a bulk load up to half of
   * their memory is slack). Later upserts grow them again as needed.
   */
  compact(): void {
    for (const p of this.postings) {
      if (!p || p.docs.length === p.n) continue;
      p.docs = p.docs.slice(0, Math.max(1, p.n));
      p.tfs = p.tfs.slice(0, Math.max(1, p.n) * p.fields.length);
    }
  }

  has(id: string): boolean {
    return this.idToNum.has(id);
  }

  /** Adds or replaces a document (tokens per field; unknown field names throw). */
  upsert(id: string, fields: Record<string, readonly string[]>): void {
    const F = this.fieldCount;
    // Validate and count before touching any state: each distinct token gets a slot of F counts.
    const slotOf = new Map<string, number>();
    const lens = new Int32Array(F);
    let total = 0;
    for (const tokens of Object.values(fields)) total += tokens.length;
    const slab = new Uint8Array(Math.max(1, total) * F);
    for (const [name, tokens] of Object.entries(fields)) {
      const f = this.fieldIndex.get(name);
      if (f === undefined) throw new Error(`Unknown field: ${name}`);
      lens[f] = tokens.length;
      for (const token of tokens) {
        let slot = slotOf.get(token);
        if (slot === undefined) {
          slot = slotOf.size;
          slotOf.set(token, slot);
        }
        const at = slot * F + f;
        if (slab[at]! < 255) slab[at]!++;
      }
    }

    if (this.idToNum.has(id)) this.remove(id);
    this.normsStale = true;

    const d = this.allocDoc(id);
    const base = d * F;
    for (let f = 0; f < F; f++) {
      this.docLens[base + f] = lens[f]!;
      this.totalLens[f]! += lens[f]!;
    }

    if (slotOf.size > SLOT_SPAN) throw new Error(`A document has more than ${SLOT_SPAN} distinct tokens`);
    // Term ids with their slots, sorted by term id: packed as termId · 2^20 + slot in one numeric sort.
    const keys = new Float64Array(slotOf.size);
    let i = 0;
    for (const [term, slot] of slotOf) keys[i++] = this.termIdFor(term) * SLOT_SPAN + slot;
    keys.sort();
    // One buffer for the document's term ids and posting positions (two views), fewer objects per document.
    const buffer = new Int32Array(keys.length * 2);
    const termIds = buffer.subarray(0, keys.length);
    const positions = buffer.subarray(keys.length);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      const t = Math.floor(key / SLOT_SPAN);
      const slot = key - t * SLOT_SPAN;
      termIds[j] = t;
      const p = this.postings[t]!;
      for (let f = 0; f < F; f++) if (slab[slot * F + f] !== 0 && !p.fields.includes(f)) widen(p, f);
      const width = p.fields.length;
      if (p.n === p.docs.length) {
        const docs = new Int32Array(Math.max(4, p.docs.length * 2));
        docs.set(p.docs);
        const tfs = new Uint8Array(docs.length * width);
        tfs.set(p.tfs);
        p.docs = docs;
        p.tfs = tfs;
      }
      p.docs[p.n] = d;
      for (let k = 0; k < width; k++) p.tfs[p.n * width + k] = slab[slot * F + p.fields[k]!]!;
      positions[j] = p.n;
      p.n++;
    }
    this.docTermIds[d] = termIds;
    this.docTermPos[d] = positions;
  }

  remove(id: string): boolean {
    const d = this.idToNum.get(id);
    if (d === undefined) return false;
    this.normsStale = true;
    const F = this.fieldCount;
    const termIds = this.docTermIds[d]!;
    const positions = this.docTermPos[d]!;
    for (let j = 0; j < termIds.length; j++) {
      const t = termIds[j]!;
      const p = this.postings[t]!;
      const pos = positions[j]!;
      const last = p.n - 1;
      if (pos !== last) {
        const moved = p.docs[last]!;
        p.docs[pos] = moved;
        const width = p.fields.length;
        p.tfs.copyWithin(pos * width, last * width, last * width + width);
        const mj = binarySearch(this.docTermIds[moved]!, t);
        this.docTermPos[moved]![mj] = pos;
      }
      p.n = last;
      if (last === 0) this.freeTerm(t);
    }
    const base = d * F;
    for (let f = 0; f < F; f++) {
      this.totalLens[f]! -= this.docLens[base + f]!;
      this.docLens[base + f] = 0;
    }
    this.docTermIds[d] = EMPTY_I32;
    this.docTermPos[d] = EMPTY_I32;
    this.numToId[d] = undefined;
    this.idToNum.delete(id);
    this.freeDocs.push(d);
    return true;
  }

  /**
   * Top k documents for the query tokens (duplicates in the query count once), best first, ties broken by id
   * ascending; `accept` filters candidates (e.g. region scope) before they enter the heap. Each hit lists its
   * matched terms and their contributions, largest first.
   *
   * Options: `weights` scales a term's contribution (a term without one weighs 1); `maxDf` leaves out query
   * terms found in more than that share of the documents, and in more than 1,000 (they say almost nothing
   * and cost the most), keeping at least the three rarest. The result is the exact top k for the terms that
   * remain.
   */
  search(
    queryTokens: readonly string[],
    k: number,
    accept?: (id: string) => boolean,
    options: SearchOptions = {},
  ): Hit[] {
    if (k <= 0 || queryTokens.length === 0 || this.idToNum.size === 0) return [];
    const terms = this.queryTerms(queryTokens, options);
    if (terms.length === 0) return [];
    this.prepareNorms();

    const k1 = this.k1;
    const norms = this.fieldNorms;
    const stride = this.capacity;
    const acc = this.acc;
    const touched = this.touched;
    let m = 0;

    for (const { idf, postings: p } of terms) {
      const docs = p.docs;
      const tfs = p.tfs;
      const n = p.n;
      // Most terms live in one field (character pairs, phrases, codes): one frequency per posting.
      const fields = p.fields;
      const width = fields.length;
      const single = width === 1 ? fields[0]! * stride : -1;
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        let tf = 0;
        if (single >= 0) tf = tfs[i]! * norms[single + d]!;
        else {
          const tb = i * width;
          for (let j = 0; j < width; j++) {
            const c = tfs[tb + j]!;
            if (c !== 0) tf += c * norms[fields[j]! * stride + d]!;
          }
        }
        // Every contribution is positive, so a zero accumulator means a document not yet touched.
        const before = acc[d]!;
        if (before === 0) touched[m++] = d;
        acc[d] = before + (idf * tf) / (k1 + tf);
      }
    }

    let best: TopK;
    try {
      best = topK(touched, m, acc, k, this.numToId, accept);
    } finally {
      for (let j = 0; j < m; j++) {
        const d = touched[j]!;
        acc[d] = 0;
      }
    }

    const ids = this.numToId;
    const hits: Hit[] = new Array(best.docs.length);
    for (let i = 0; i < hits.length; i++) {
      const d = best.docs[i]!;
      hits[i] = {
        id: ids[d]!,
        score: best.scores[i]!,
        terms: options.explain === false ? [] : this.explain(d, terms),
      };
    }
    return hits;
  }

  /** The matched terms of chosen documents for a query, as `search` lists them (same options), by id. */
  explainHits(ids: readonly string[], queryTokens: readonly string[], options: SearchOptions = {}) {
    const terms = this.queryTerms(queryTokens, options);
    this.prepareNorms();
    const out = new Map<string, TermContribution[]>();
    for (const id of ids) {
      const d = this.idToNum.get(id);
      out.set(id, d === undefined ? [] : this.explain(d, terms));
    }
    return out;
  }

  /** How many documents hold a term (in any field). */
  documentFrequency(term: string): number {
    const t = this.termToId.get(term);
    return t === undefined ? 0 : this.postings[t]!.n;
  }

  /** The (weighted) idf of each query term a search with these options reads: what a match can add at most. */
  queryIdfs(queryTokens: readonly string[], options: SearchOptions = {}): number[] {
    return this.queryTerms(queryTokens, options).map((t) => t.idf);
  }

  /** The BM25F score of one document for a query (for tests and explanations); 0 when absent. */
  score(id: string, queryTokens: readonly string[]): number {
    const d = this.idToNum.get(id);
    if (d === undefined) return 0;
    const terms = this.queryTerms(queryTokens);
    this.prepareNorms();
    let sum = 0;
    for (const term of terms) {
      const pos = this.postingPos(d, term.termId);
      if (pos >= 0) sum += this.contribution(d, term.idf, term.postings, pos);
    }
    return sum;
  }

  // ---- internals ----

  private queryTerms(queryTokens: readonly string[], options: SearchOptions = {}): QueryTerm[] {
    const N = this.idToNum.size;
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    for (const term of queryTokens) {
      if (seen.has(term)) continue;
      seen.add(term);
      const termId = this.termToId.get(term);
      if (termId === undefined) continue;
      const postings = this.postings[termId]!;
      const df = postings.n;
      const weight = options.weights?.get(term) ?? 1;
      if (!(weight > 0)) continue;
      out.push({ term, termId, idf: weight * Math.log(1 + (N - df + 0.5) / (df + 0.5)), postings });
    }
    return prunedTerms(out, N, options);
  }

  /** Sets normA[f] = 1 − b_f and normB[f] = b_f / avgLen_f for the current corpus, and the per-document field norms. */
  private prepareNorms(): void {
    if (!this.normsStale) return;
    const N = this.idToNum.size;
    for (let f = 0; f < this.fieldCount; f++) {
      const b = this.fields[f]!.b;
      const avg = N === 0 ? 0 : this.totalLens[f]! / N;
      this.normA[f] = 1 - b;
      this.normB[f] = b / (avg === 0 ? 1 : avg);
    }
    const F = this.fieldCount;
    if (this.fieldNorms.length !== this.capacity * F) this.fieldNorms = new Float64Array(this.capacity * F);
    const norms = this.fieldNorms;
    const lens = this.docLens;
    for (let d = 0; d < this.numToId.length; d++) {
      for (let f = 0; f < F; f++) {
        norms[f * this.capacity + d] =
          this.weights[f]! / (this.normA[f]! + this.normB[f]! * lens[d * F + f]!);
      }
    }
    this.normsStale = false;
  }

  /** Position of d's posting in termId's list, or −1. */
  private postingPos(d: number, termId: number): number {
    const j = binarySearch(this.docTermIds[d]!, termId);
    return j < 0 ? -1 : this.docTermPos[d]![j]!;
  }

  /** idf · tf~ / (k1 + tf~) for the posting at `pos` (same arithmetic as the search loop). */
  private contribution(d: number, idf: number, p: Postings, pos: number): number {
    const width = p.fields.length;
    const tb = pos * width;
    let tf = 0;
    for (let j = 0; j < width; j++) {
      const c = p.tfs[tb + j]!;
      if (c !== 0) tf += c * this.fieldNorms[p.fields[j]! * this.capacity + d]!;
    }
    return (idf * tf) / (this.k1 + tf);
  }

  private explain(d: number, terms: readonly QueryTerm[]): TermContribution[] {
    const out: TermContribution[] = [];
    for (const { term, termId, idf, postings } of terms) {
      const pos = this.postingPos(d, termId);
      if (pos < 0) continue;
      const width = postings.fields.length;
      const fields: string[] = [];
      for (let j = 0; j < width; j++) {
        if (postings.tfs[pos * width + j]! !== 0) fields.push(this.fields[postings.fields[j]!]!.name);
      }
      out.push({ term, score: this.contribution(d, idf, postings, pos), fields });
    }
    out.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return out;
  }

  private allocDoc(id: string): number {
    let d = this.freeDocs.pop();
    if (d === undefined) {
      d = this.numToId.length;
      this.numToId.push(undefined);
      this.docTermIds.push(EMPTY_I32);
      this.docTermPos.push(EMPTY_I32);
      if (d >= this.capacity) this.grow(Math.max(16, this.capacity * 2));
    }
    this.numToId[d] = id;
    this.idToNum.set(id, d);
    return d;
  }

  private grow(capacity: number): void {
    const lens = new Int32Array(capacity * this.fieldCount);
    lens.set(this.docLens);
    this.docLens = lens;
    // Scratch arrays are all zero between searches, so fresh ones are equivalent.
    this.acc = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
    this.capacity = capacity;
  }

  private termIdFor(term: string): number {
    let t = this.termToId.get(term);
    if (t !== undefined) return t;
    t = this.freeTerms.pop();
    if (t === undefined) {
      t = this.termStrings.length;
      this.termStrings.push(undefined);
      this.postings.push(undefined);
    }
    this.termToId.set(term, t);
    this.termStrings[t] = term;
    this.postings[t] = { docs: new Int32Array(4), tfs: new Uint8Array(0), fields: new Int8Array(0), n: 0 };
    return t;
  }

  private freeTerm(t: number): void {
    this.termToId.delete(this.termStrings[t]!);
    this.termStrings[t] = undefined;
    this.postings[t] = undefined;
    this.freeTerms.push(t);
  }
}
