/**
 * Matching speed and memory (issue #4). A generator makes realistic synthetic
 * expert profiles (research interests, representative work, codes, region)
 * from the domain dictionary; for each size it prints index build time, RSS and
 * top-10 latency over 1,000 demand texts through the matching engine, and, on
 * the same corpus and queries, MiniSearch (with the same jieba tokenizer) and a
 * PostgreSQL full-text query ('simple' configuration over the segmented text,
 * GIN index, ts_rank), with the ratios.
 *
 *   npm run bench:matching                          # 10,000, 100,000 and 1,000,000
 *   npm run bench:matching -- --sizes 10000,100000 --json
 *   DATABASE_URL=postgres://… npm run bench:matching  # PostgreSQL server (else PGlite)
 *   npm run bench:matching -- --no-postgres --no-minisearch
 *
 * Targets at 100k: p50 ≤ 1 ms, p99 ≤ 5 ms, build ≤ 10 s, RSS ≤ 250 MB; at 1M p50 ≤ 5 ms; ≥ 10× MiniSearch.
 */
import { PGlite } from '@electric-sql/pglite';
import MiniSearch from 'minisearch';
import pg from 'pg';
import { type MatchDoc, MatchingEngine } from '../src/modules/matching/engine.ts';
import { tokenize } from '../src/platform/text/analyzer.ts';
import { percentile } from './support.ts';
import { demand, makeTopics, mulberry32, profile } from './synthetic.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const JSON_OUT = args.includes('--json');
const WITH_MINISEARCH = !args.includes('--no-minisearch');
const WITH_POSTGRES = !args.includes('--no-postgres');
const QUERIES = 1000;

// ---------- measuring ----------

function timeQueries(run: (q: string) => unknown, queries: string[]): { p50: number; p99: number } {
  for (const q of queries.slice(0, 50)) run(q);
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    run(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function timeQueriesAsync(run: (q: string) => Promise<unknown>, queries: string[]) {
  for (const q of queries.slice(0, 20)) await run(q);
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

interface PgLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

async function openPostgres(): Promise<PgLike> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    return { query: (s, p) => pool.query(s, p as unknown[]), close: () => pool.end() };
  }
  const db = new PGlite();
  return { query: (s, p) => db.query(s, p as unknown[]), close: () => db.close() };
}

async function postgresRun(docs: MatchDoc[], queries: string[]) {
  const db = await openPostgres();
  try {
    await db.query('drop table if exists bench_profiles');
    await db.query('create table bench_profiles (id text primary key, doc tsvector)');
    for (let i = 0; i < docs.length; i += 1000) {
      const batch = docs.slice(i, i + 1000);
      const values = batch.map((_, n) => `($${2 * n + 1}, to_tsvector('simple', $${2 * n + 2}))`).join(',');
      await db.query(
        `insert into bench_profiles (id, doc) values ${values}`,
        batch.flatMap((d) => [d.id, tokenize(`${d.title} ${d.text}`).join(' ')]),
      );
    }
    await db.query('create index on bench_profiles using gin (doc)');
    await db.query('analyze bench_profiles');
    const tsquery = (q: string) =>
      [...new Set(tokenize(q))].map((t) => `'${t.replace(/'/g, "''")}'`).join(' | ') || "''";
    return await timeQueriesAsync(
      (q) =>
        db.query(
          `select id from bench_profiles, to_tsquery('simple', $1) q where doc @@ q order by ts_rank(doc, q) desc limit 10`,
          [tsquery(q)],
        ),
      queries.slice(0, 200),
    );
  } finally {
    await db.query('drop table if exists bench_profiles').catch(() => {});
    await db.close();
  }
}

const rows: Record<string, number | string>[] = [];
for (const size of SIZES) {
  const rand = mulberry32(size);
  const topics = makeTopics(rand);
  const docs = Array.from({ length: size }, (_, i) => profile(rand, topics, i));
  const queries = Array.from({ length: QUERIES }, () => demand(rand, topics));
  // Segmentation is warmed up (jieba's dictionaries load once per process) before anything is timed.
  tokenize('预热');
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const liveBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const engine = new MatchingEngine();
  const t0 = performance.now();
  for (const doc of docs) engine.upsert('experts', doc);
  engine.compact();
  const buildS = (performance.now() - t0) / 1000;
  global.gc?.();
  global.gc?.();
  const after = process.memoryUsage();
  const rssMb = (after.rss - rssBefore) / 1024 / 1024;
  // What the index holds live (heap and typed arrays); RSS also counts the allocator's free pages.
  const liveMb = (after.heapUsed + after.arrayBuffers - liveBefore) / 1024 / 1024;
  const ours = timeQueries((q) => engine.match('experts', { text: q, regionCode: '330502' }, 10), queries);

  let mini: { p50: number; p99: number } | undefined;
  if (WITH_MINISEARCH && size <= 100_000) {
    const ms = new MiniSearch({
      fields: ['title', 'text'],
      idField: 'id',
      tokenize: (s: string) => tokenize(s),
    });
    ms.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
    mini = timeQueries((q) => ms.search(q, { boost: { title: 2.5 } }).slice(0, 10), queries.slice(0, 200));
  }
  const postgres = WITH_POSTGRES && size <= 100_000 ? await postgresRun(docs, queries) : undefined;
  const row = {
    size,
    build_s: Number(buildS.toFixed(2)),
    rss_mb: Number(rssMb.toFixed(0)),
    live_mb: Number(liveMb.toFixed(0)),
    p50_ms: Number(ours.p50.toFixed(3)),
    p99_ms: Number(ours.p99.toFixed(3)),
    minisearch_p50_ms: mini ? Number(mini.p50.toFixed(3)) : 'n/a',
    postgres_p50_ms: postgres ? Number(postgres.p50.toFixed(3)) : 'n/a',
  };
  rows.push(row);
  const ratio = (other: number | string) =>
    typeof other === 'number' ? `${(other / ours.p50).toFixed(1)}×` : '—';
  console.log(
    `${size.toLocaleString('en').padStart(9)} docs | build ${row.build_s.toFixed(2).padStart(6)} s | RSS +${String(row.rss_mb).padStart(4)} MB (live ${row.live_mb} MB) | ` +
      `top-10 p50 ${ours.p50.toFixed(3)} ms p99 ${ours.p99.toFixed(3)} ms | MiniSearch p50 ${row.minisearch_p50_ms} ms (${ratio(row.minisearch_p50_ms)}) | ` +
      `PostgreSQL FTS p50 ${row.postgres_p50_ms} ms (${ratio(row.postgres_p50_ms)})`,
  );
  if (JSON_OUT) console.log(JSON.stringify(row));
}
