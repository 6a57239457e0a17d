import { describe, expect, it } from 'vitest';
import { type FieldSpec, type Hit, InvertedIndex } from './inverted-index.ts';

/** Tiny seeded PRNG (mulberry32), returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Doc = Record<string, readonly string[]>;

/** Brute-force BM25F straight from the formula in inverted-index.ts, over a plain map of documents. */
function referenceRanking(
  docs: ReadonlyMap<string, Doc>,
  fields: readonly FieldSpec[],
  query: readonly string[],
  k1 = 1.2,
): { id: string; score: number }[] {
  const N = docs.size;
  const avgLen = fields.map((f) => {
    let total = 0;
    for (const doc of docs.values()) total += (doc[f.name] ?? []).length;
    const avg = N === 0 ? 0 : total / N;
    return avg === 0 ? 1 : avg;
  });
  const distinct = [...new Set(query)];
  const count = (tokens: readonly string[], t: string): number => tokens.filter((x) => x === t).length;
  const df = new Map<string, number>();
  for (const t of distinct) {
    let n = 0;
    for (const doc of docs.values()) if (fields.some((f) => count(doc[f.name] ?? [], t) > 0)) n++;
    df.set(t, n);
  }
  const out: { id: string; score: number }[] = [];
  for (const [id, doc] of docs) {
    let score = 0;
    let matched = false;
    for (const t of distinct) {
      const dft = df.get(t)!;
      if (dft === 0) continue;
      const idf = Math.log(1 + (N - dft + 0.5) / (dft + 0.5));
      let tf = 0;
      fields.forEach((f, i) => {
        const tokens = doc[f.name] ?? [];
        const c = count(tokens, t);
        if (c > 0) tf += (f.weight * c) / (1 - f.b + (f.b * tokens.length) / avgLen[i]!);
      });
      if (tf > 0) {
        matched = true;
        score += (idf * tf) / (k1 + tf);
      }
    }
    if (matched && score > 0) out.push({ id, score });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

function expectSameRanking(actual: Hit[], expected: { id: string; score: number }[]): void {
  expect(actual.map((h) => h.id)).toEqual(expected.map((e) => e.id));
  actual.forEach((h, i) => {
    expect(Math.abs(h.score - expected[i]!.score)).toBeLessThan(1e-9);
  });
}

const VOCAB = Array.from({ length: 24 }, (_, i) => `w${i}`);

function randomDoc(rand: () => number, fields: readonly FieldSpec[], vocab = VOCAB): Doc {
  const doc: Record<string, string[]> = {};
  for (const f of fields) {
    const maxLen = f.name === 'text' ? 25 : 6;
    const len = Math.floor(rand() * (maxLen + 1));
    // Skewed choice so some words are common and some rare.
    doc[f.name] = Array.from({ length: len }, () => vocab[Math.floor(rand() * rand() * vocab.length)]!);
  }
  return doc;
}

function randomQuery(rand: () => number, vocab = VOCAB): string[] {
  const len = 1 + Math.floor(rand() * 5);
  const q = Array.from({ length: len }, () => vocab[Math.floor(rand() * vocab.length)]!);
  if (rand() < 0.3) q.push('not-in-vocab');
  if (rand() < 0.3) q.push(q[0]!); // duplicates count once
  return q;
}

describe('InvertedIndex — hand-computed BM25F', () => {
  const fields: FieldSpec[] = [
    { name: 'title', weight: 2, b: 0.75 },
    { name: 'text', weight: 1, b: 0.75 },
  ];

  it('matches scores worked out by hand, ranks them and explains them', () => {
    const index = new InvertedIndex({ fields });
    index.upsert('a', { title: ['solar', 'panel'], text: ['solar', 'cell', 'efficiency', 'research'] });
    index.upsert('b', {
      title: ['battery'],
      text: ['lithium', 'battery', 'solar', 'storage', 'system', 'design'],
    });
    index.upsert('c', { title: ['wind', 'turbine', 'blade'], text: ['composite', 'blade'] });

    // N = 3, k1 = 1.2.
    // title lengths a 2, b 1, c 3 → avgLen_title = 6 / 3 = 2
    // text lengths  a 4, b 6, c 2 → avgLen_text = 12 / 3 = 4
    // df(solar) = 2 (a, b): idf = ln(1 + (3 − 2 + 0.5) / (2 + 0.5)) = ln(1 + 1.5 / 2.5) = ln(1.6)
    // df(battery) = 1 (b):  idf = ln(1 + (3 − 1 + 0.5) / (1 + 0.5)) = ln(1 + 2.5 / 1.5) = ln(8 / 3)
    const idfSolar = Math.log(1.6);
    const idfBattery = Math.log(8 / 3);

    // Doc a, solar: title tf 1, len 2 → 2·1 / (0.25 + 0.75·2/2) = 2 / 1 = 2
    //               text  tf 1, len 4 → 1·1 / (0.25 + 0.75·4/4) = 1 / 1 = 1
    //               tf~ = 3
    const aSolar = (idfSolar * 3) / (1.2 + 3);
    // Doc b, solar: text tf 1, len 6 → 1 / (0.25 + 0.75·6/4) = 1 / 1.375
    const bSolarTf = 1 / 1.375;
    const bSolar = (idfSolar * bSolarTf) / (1.2 + bSolarTf);
    // Doc b, battery: title tf 1, len 1 → 2·1 / (0.25 + 0.75·1/2) = 2 / 0.625 = 3.2
    //                 text  tf 1, len 6 → 1 / 1.375
    const bBatteryTf = 3.2 + 1 / 1.375;
    const bBattery = (idfBattery * bBatteryTf) / (1.2 + bBatteryTf);
    const expectedA = aSolar; // ≈ 0.3357
    const expectedB = bSolar + bBattery; // ≈ 0.1774 + 0.7513 ≈ 0.9286

    const query = ['solar', 'battery'];
    expect(index.score('a', query)).toBeCloseTo(expectedA, 10);
    expect(index.score('b', query)).toBeCloseTo(expectedB, 10);
    expect(index.score('c', query)).toBe(0);
    expect(index.score('missing', query)).toBe(0);

    const hits = index.search(query, 10);
    expect(hits.map((h) => h.id)).toEqual(['b', 'a']);
    expect(hits[0]!.score).toBeCloseTo(expectedB, 10);
    expect(hits[1]!.score).toBeCloseTo(expectedA, 10);

    const [hb, ha] = hits as [Hit, Hit];
    expect(hb.terms.map((t) => t.term)).toEqual(['battery', 'solar']); // largest contribution first
    expect(hb.terms[0]!.score).toBeCloseTo(bBattery, 10);
    expect(hb.terms[0]!.fields).toEqual(['title', 'text']);
    expect(hb.terms[1]!.score).toBeCloseTo(bSolar, 10);
    expect(hb.terms[1]!.fields).toEqual(['text']);
    expect(hb.terms.reduce((s, t) => s + t.score, 0)).toBeCloseTo(hb.score, 12);
    expect(ha.terms).toHaveLength(1);
    expect(ha.terms[0]!.term).toBe('solar');
    expect(ha.terms[0]!.fields).toEqual(['title', 'text']);
    expect(ha.terms[0]!.score).toBeCloseTo(ha.score, 12);

    // Duplicates in the query count once; unknown terms are ignored.
    expectSameRanking(index.search(['solar', 'battery', 'solar', 'nope'], 10), [
      { id: 'b', score: expectedB },
      { id: 'a', score: expectedA },
    ]);
    expect(index.search(query, 1).map((h) => h.id)).toEqual(['b']);
    expect(index.search(query, 0)).toEqual([]);
    expect(index.search([], 5)).toEqual([]);
    expect(index.search(['nope'], 5)).toEqual([]);
  });
});

describe('InvertedIndex — against a brute-force reference', () => {
  const fields: FieldSpec[] = [
    { name: 'title', weight: 2, b: 0.75 },
    { name: 'text', weight: 1, b: 0.5 },
    { name: 'tags', weight: 0.5, b: 0 },
  ];

  it('stays exact over random upserts, replacements and removes', () => {
    for (const seed of [1, 2, 3]) {
      const rand = mulberry32(seed);
      const index = new InvertedIndex({ fields, k1: 1.2 + seed * 0.1 });
      const k1 = 1.2 + seed * 0.1;
      const ref = new Map<string, Doc>();
      for (let batch = 0; batch < 12; batch++) {
        for (let op = 0; op < 25; op++) {
          const r = rand();
          const id = `d${Math.floor(rand() * 40)}`;
          if (r < 0.6) {
            const doc = randomDoc(rand, fields);
            index.upsert(id, doc);
            ref.set(id, doc);
          } else if (r < 0.85 && ref.size > 0) {
            const ids = [...ref.keys()];
            const victim = ids[Math.floor(rand() * ids.length)]!;
            expect(index.remove(victim)).toBe(true);
            ref.delete(victim);
          } else {
            expect(index.remove(id)).toBe(ref.delete(id));
          }
        }
        expect(index.size).toBe(ref.size);
        for (let i = 0; i < 40; i++) expect(index.has(`d${i}`)).toBe(ref.has(`d${i}`));
        for (let q = 0; q < 10; q++) {
          const query = randomQuery(rand);
          const expected = referenceRanking(ref, fields, query, k1);
          const k = q % 3 === 0 ? 1000 : 1 + Math.floor(rand() * 10);
          expectSameRanking(index.search(query, k), expected.slice(0, k));
          for (const { id, score } of expected) {
            expect(Math.abs(index.score(id, query) - score)).toBeLessThan(1e-9);
          }
        }
      }
    }
  });

  it('top-k is the first k of the full ranking, ties broken by id', () => {
    const rand = mulberry32(42);
    const index = new InvertedIndex({ fields });
    const ref = new Map<string, Doc>();
    for (let i = 0; i < 300; i++) {
      // Every third document duplicates an earlier one, so equal scores are common.
      const doc = i % 3 === 2 ? ref.get(`doc${String(i - 1).padStart(3, '0')}`)! : randomDoc(rand, fields);
      const id = `doc${String(i).padStart(3, '0')}`;
      index.upsert(id, doc);
      ref.set(id, doc);
    }
    let sawTie = false;
    for (let q = 0; q < 20; q++) {
      const query = randomQuery(rand);
      const full = referenceRanking(ref, fields, query);
      for (let i = 1; i < full.length; i++) if (full[i]!.score === full[i - 1]!.score) sawTie = true;
      for (const k of [1, 5, 50]) expectSameRanking(index.search(query, k), full.slice(0, k));
    }
    expect(sawTie).toBe(true);
  });

  it('accept filters candidates and still returns the best k among the accepted', () => {
    const rand = mulberry32(7);
    const index = new InvertedIndex({ fields });
    const ref = new Map<string, Doc>();
    for (let i = 0; i < 200; i++) {
      const doc = randomDoc(rand, fields);
      index.upsert(`r${i}`, doc);
      ref.set(`r${i}`, doc);
    }
    const accept = (id: string): boolean => Number(id.slice(1)) % 3 === 0;
    for (let q = 0; q < 20; q++) {
      const query = randomQuery(rand);
      const expected = referenceRanking(ref, fields, query).filter((h) => accept(h.id));
      for (const k of [1, 5, 50]) {
        const hits = index.search(query, k, accept);
        expect(hits.every((h) => accept(h.id))).toBe(true);
        expectSameRanking(hits, expected.slice(0, k));
      }
    }
    expect(index.search(['w0', 'w1'], 10, () => false)).toEqual([]);
  });
});

describe('InvertedIndex — lifecycle', () => {
  const fields: FieldSpec[] = [
    { name: 'title', weight: 2, b: 0.75 },
    { name: 'text', weight: 1, b: 0.75 },
  ];

  it('empties completely, searches to [] and can be refilled', () => {
    const index = new InvertedIndex({ fields });
    const rand = mulberry32(99);
    const ref = new Map<string, Doc>();
    for (let i = 0; i < 50; i++) {
      const doc = randomDoc(rand, fields);
      index.upsert(`x${i}`, doc);
      ref.set(`x${i}`, doc);
    }
    for (let i = 49; i >= 0; i -= 2) expect(index.remove(`x${i}`)).toBe(true);
    for (let i = 0; i < 50; i += 2) expect(index.remove(`x${i}`)).toBe(true);
    expect(index.size).toBe(0);
    expect(index.has('x0')).toBe(false);
    expect(index.remove('x0')).toBe(false);
    expect(index.search(VOCAB, 10)).toEqual([]);
    expect(index.score('x0', VOCAB)).toBe(0);

    // Refill with fresh ids and the old ones; results match the reference.
    const again = new Map<string, Doc>();
    for (let i = 0; i < 30; i++) {
      const doc = randomDoc(rand, fields);
      const id = i % 2 === 0 ? `x${i}` : `y${i}`;
      index.upsert(id, doc);
      again.set(id, doc);
    }
    expect(index.size).toBe(30);
    for (let q = 0; q < 10; q++) {
      const query = randomQuery(rand);
      expectSameRanking(index.search(query, 100), referenceRanking(again, fields, query));
    }
  });

  it('rejects unknown field names without changing the index', () => {
    const index = new InvertedIndex({ fields });
    index.upsert('a', { title: ['x'] });
    expect(() => index.upsert('b', { title: ['x'], body: ['y'] })).toThrow(/body/);
    expect(() => index.upsert('a', { summary: ['z'] })).toThrow(/summary/);
    expect(index.has('b')).toBe(false);
    expect(index.size).toBe(1);
    expect(index.search(['x'], 5).map((h) => h.id)).toEqual(['a']);
    expect(index.search(['z'], 5)).toEqual([]);
  });
});

describe('InvertedIndex — bounded queries', () => {
  const index = new InvertedIndex({ fields: [{ name: 'text', weight: 1, b: 0.75 }] });
  // 'common' in every document, 'mid' in every tenth, 'rare' in every hundredth.
  for (let i = 0; i < 3000; i++) {
    const tokens = ['common', `own${i}`];
    if (i % 10 === 0) tokens.push('mid');
    if (i % 100 === 0) tokens.push('rare');
    index.upsert(`d${i}`, { text: tokens });
  }
  const ids = (hits: Hit[]) => hits.map((h) => h.id);

  it('leaves out terms in more than maxDf of the documents, and ranks exactly by the rest', () => {
    const query = ['common', 'mid', 'rare', 'own7', 'own20'];
    const pruned = index.search(query, 10, undefined, { maxDf: 0.5 });
    expect(ids(pruned)).toEqual(ids(index.search(['mid', 'rare', 'own7', 'own20'], 10)));
    expect(pruned.every((h) => !h.terms.some((t) => t.term === 'common'))).toBe(true);
  });

  it('reads the rarest terms first within a postings budget, keeping at least three terms', () => {
    const query = ['common', 'mid', 'rare', 'own7'];
    const budgeted = index.search(query, 10, undefined, { maxPostings: 400 });
    expect(ids(budgeted)).toEqual(ids(index.search(['mid', 'rare', 'own7'], 10)));
    const tiny = index.search(['common', 'mid', 'rare'], 5, undefined, { maxPostings: 1 });
    expect(tiny[0]!.terms.map((t) => t.term).sort()).toEqual(['common', 'mid', 'rare']);
  });

  it('keeps every term of a small corpus whatever its share', () => {
    const small = new InvertedIndex({ fields: [{ name: 'text', weight: 1, b: 0.75 }] });
    for (let i = 0; i < 20; i++) small.upsert(`s${i}`, { text: i % 2 ? ['a', 'b'] : ['a', 'c', 'd', 'e'] });
    const hits = small.search(['a', 'b', 'c', 'd', 'e'], 3, undefined, { maxDf: 0.1 });
    expect(hits[0]!.terms.map((t) => t.term)).toContain('a');
  });
});
