import { analyse, charBigrams, tokenize } from '../../platform/text/analyzer.ts';
import { leaves } from './closeness.ts';
import type { MatchDoc } from './engine.ts';
import { type FieldSpec, InvertedIndex } from './inverted-index.ts';
import type { MatchWeights } from './weights.ts';

/** The engine's index of one kind of record: the fields a document is indexed by, and what it keeps to show. */

/** Index tokens of a document's or query's code tags: d:430, d:43055, i:C, i:29. */
export function codeTokens(
  disciplineTags: readonly string[] = [],
  industryTags: readonly string[] = [],
): string[] {
  return [...disciplineTags.map((c) => `d:${c}`), ...industryTags.map((c) => `i:${c}`)];
}

export interface Stored {
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

/** One kind of record: its index and what each document shows. */
export class Corpus {
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
