/**
 * The BM25F inverted index on synthetic tokens: build time, heap and top-10
 * latency at 100,000 documents (60 tokens each, Zipf-like vocabulary of 20,000).
 * A first figure for issue #4; the full matching benchmark (realistic Chinese
 * profiles, 1M documents, MiniSearch and PostgreSQL for comparison) comes with the engine.
 *
 *   npx tsx bench/matching-index.ts [documents]
 */
import { InvertedIndex } from '../src/modules/matching/inverted-index.ts';

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

const size = Number(process.argv[2] ?? 100_000);
const rand = mulberry32(2024);
const vocab = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
const pick = (): string => vocab[Math.floor(vocab.length * rand() ** 3)]!;
const index = new InvertedIndex({
  fields: [
    { name: 'title', weight: 2, b: 0.75 },
    { name: 'text', weight: 1, b: 0.75 },
  ],
});
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
for (let i = 0; i < size; i++) {
  index.upsert(`p${i}`, { title: Array.from({ length: 8 }, pick), text: Array.from({ length: 52 }, pick) });
}
const buildMs = performance.now() - t0;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const queries = Array.from({ length: 1000 }, () => Array.from({ length: 10 }, pick));
for (const q of queries.slice(0, 50)) index.search(q, 10);
const times: number[] = [];
for (const q of queries) {
  const start = performance.now();
  index.search(q, 10);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `inverted index, ${size.toLocaleString('en')} docs × 60 tokens: build ${(buildMs / 1000).toFixed(2)} s, heap +${heapMb.toFixed(0)} MB, ` +
    `top-10 of a 10-token query p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms (1,000 queries)`,
);
