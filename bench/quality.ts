/**
 * Matching quality on the evaluation sets in ../shared/data/eval (issue #4):
 * imports each set through the platform's own imports (experts as talents,
 * achievements as list items), asks every query through the matching service,
 * and prints nDCG@10, P@10, MRR@10 and Recall@10 beside the floor the sets give
 * (a plain BM25 over character bigrams), then how precise each 匹配度 level is
 * (what the levels' meanings on the web rest on) and what the lowest level hides.
 *
 *   npm run bench:quality                  # PGlite in a temp dir
 *   npm run bench:quality -- --json        # also one JSON line per set
 *   EVAL_DIR=/path/to/eval npm run bench:quality
 *
 * The data is read where it lies and never copied into the project.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/main.ts';
import {
  DEFAULT_WEIGHTS,
  LEVEL_FLOORS,
  MATCH_LEVELS,
  type MatchLevel,
  type Target,
} from '../src/modules/matching/engine.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { decodeText, parseCsv } from '../src/platform/io/table.ts';
import { tokenize } from '../src/platform/text/analyzer.ts';

const EVAL_DIR = process.env.EVAL_DIR ?? join(import.meta.dirname, '../../shared/data/eval');
const JSON_OUT = process.argv.includes('--json');
const K = 10;
/** How deep the rank analysis looks. */
const DEPTH = 200;

interface EvalSet {
  name: string;
  file: string;
  importKind: string;
  against: Target;
  floor: Partial<Record<Metric, number>>;
}
type Metric = 'nDCG@10' | 'P@10' | 'MRR@10' | 'Recall@10';

const SETS: EvalSet[] = [
  {
    name: 'experts-nsfc',
    file: 'experts.csv',
    importKind: 'talents',
    against: 'experts',
    floor: { 'Recall@10': 0.296, 'MRR@10': 0.179 },
  },
  {
    name: 'achievements-csl',
    file: 'achievements.csv',
    importKind: 'achievements',
    against: 'achievements',
    floor: { 'nDCG@10': 0.25, 'P@10': 0.208 },
  },
];

interface Query {
  id: string;
  text: string;
  relevant: Record<string, number>;
}

/** Graded nDCG with gain 2^grade − 1, P@10 and Recall@10 over grade > 0, MRR@10 of the first relevant. */
function metrics(ranked: string[], relevant: Record<string, number>): Record<Metric, number> {
  const top = ranked.slice(0, K);
  const gain = (code: string) => 2 ** (relevant[code] ?? 0) - 1;
  const dcg = top.reduce((s, code, i) => s + gain(code) / Math.log2(i + 2), 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, K)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const hits = top.filter((c) => (relevant[c] ?? 0) > 0).length;
  const totalRelevant = Object.values(relevant).filter((g) => g > 0).length;
  const first = top.findIndex((c) => (relevant[c] ?? 0) > 0);
  return {
    'nDCG@10': ideal > 0 ? dcg / ideal : 0,
    'P@10': hits / K,
    'MRR@10': first >= 0 ? 1 / (first + 1) : 0,
    'Recall@10': totalRelevant > 0 ? hits / totalRelevant : 0,
  };
}

/**
 * Queries none of whose relevant records shares a word with them (after the engine's own
 * segmentation, sub-words included), leaving out words in more than `maxDf` of the records (the
 * engine leaves those out of questions too): no ranking by shared words can find these.
 */
function noSharedWord(data: Buffer, queries: Query[], maxDf: number): number {
  const [header, ...rows] = parseCsv(decodeText(data));
  const code = header!.indexOf('编号');
  const words = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const row of rows) {
    const text = row.filter((_, i) => i !== code && header![i] !== '姓名').join('。');
    const set = new Set(tokenize(text));
    words.set(row[code]!, set);
    for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return queries.filter((q) => {
    const asked = tokenize(q.text).filter((w) => (df.get(w) ?? 0) <= maxDf * rows.length);
    return Object.entries(q.relevant)
      .filter(([, grade]) => grade > 0)
      .every(([ref]) => !asked.some((w) => words.get(ref)?.has(w)));
  }).length;
}

async function adminActor(platform: Platform): Promise<Actor> {
  const user = await platform.accounts.create(
    null,
    {
      username: 'bench',
      displayName: '评测',
      role: 'admin',
      regionCode: '330500',
      password: 'bench-Quality-2026',
    },
    systemActor('bench'),
  );
  return {
    userId: user.id,
    username: 'bench',
    displayName: '评测',
    role: 'admin',
    regionCode: '330500',
    organisationId: null,
    permissions: await platform.access.permissionsOf('admin'),
    sessionId: 'bench',
    ip: null,
    requestId: 'bench',
  };
}

async function runSet(set: EvalSet) {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-quality-'));
  const platform = await createPlatform(
    loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }, { secrets: ephemeralSecrets(), webDir: undefined }),
  );
  try {
    const actor = await adminActor(platform);
    const t0 = performance.now();
    const data = readFileSync(join(EVAL_DIR, set.name, set.file));
    const job = await platform.imports.preview(actor, set.importKind, set.file, data);
    await platform.imports.commit(actor, job.id);
    const importS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await platform.matching.ready();
    const indexS = (performance.now() - t1) / 1000;
    const queries: Query[] = readFileSync(join(EVAL_DIR, set.name, 'queries.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const t2 = performance.now();
    const answers = await platform.matching.batch(
      queries.map((q) => ({ id: q.id, query: { text: q.text } })),
      set.against,
      K,
    );
    const queryMs = (performance.now() - t2) / queries.length;
    const sums: Record<Metric, number> = { 'nDCG@10': 0, 'P@10': 0, 'MRR@10': 0, 'Recall@10': 0 };
    answers.forEach((answer, i) => {
      const m = metrics(
        answer.results.map((r) => r.code),
        queries[i]!.relevant,
      );
      for (const key of Object.keys(sums) as Metric[]) sums[key] += m[key];
    });
    // Each result of the top 10 by level (none: below the lowest, not shown), and how many are relevant.
    const levels = new Map<MatchLevel | 'none', { results: number; relevant: number }>();
    answers.forEach((answer, i) => {
      for (const r of answer.results) {
        const level = r.level ?? 'none';
        const tally = levels.get(level) ?? { results: 0, relevant: 0 };
        tally.results++;
        if ((queries[i]!.relevant[r.code] ?? 0) > 0) tally.relevant++;
        levels.set(level, tally);
      }
    });
    const mean = Object.fromEntries(
      (Object.keys(sums) as Metric[]).map((k) => [k, sums[k] / queries.length]),
    ) as Record<Metric, number>;
    // Where the first relevant record ranks, deeper than the metrics look (what re-ranking could still reach).
    const deep = await platform.matching.batch(
      queries.map((q) => ({ id: q.id, query: { text: q.text } })),
      set.against,
      DEPTH,
    );
    const ranks = deep.map((answer, i) =>
      answer.results.findIndex((r) => (queries[i]!.relevant[r.code] ?? 0) > 0),
    );
    return {
      set: set.name,
      items: job.valid,
      queries: queries.length,
      importS,
      indexS,
      queryMs,
      mean,
      ranks,
      levels,
      unreachable: noSharedWord(data, queries, DEFAULT_WEIGHTS.maxDf),
    };
  } finally {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toFixed(3);
for (const set of SETS) {
  const r = await runSet(set);
  console.log(
    `\n${r.set}: ${r.items} items imported in ${r.importS.toFixed(1)} s, indexed in ${r.indexS.toFixed(1)} s; ${r.queries} queries, ${r.queryMs.toFixed(2)} ms each`,
  );
  console.log('metric      ours    floor   ratio');
  for (const metric of Object.keys(r.mean) as Metric[]) {
    const floor = set.floor[metric];
    const ratio = floor ? `${(r.mean[metric] / floor).toFixed(2)}×` : '';
    console.log(`${metric.padEnd(10)}  ${fmt(r.mean[metric])}   ${floor ? fmt(floor) : '  —  '}   ${ratio}`);
  }
  const within = (lo: number, hi: number) => r.ranks.filter((k) => k >= lo && k < hi).length;
  console.log(
    `first relevant at rank 1–10: ${within(0, 10)} · 11–50: ${within(10, 50)} · 51–${DEPTH}: ${within(50, DEPTH)} · lower: ${r.ranks.filter((k) => k < 0).length}`,
  );
  console.log(
    `queries whose relevant records share no word with them (words in ≤ ${DEFAULT_WEIGHTS.maxDf * 100}% of records): ${r.unreachable} of ${r.queries} (${Math.round((100 * r.unreachable) / r.queries)}%)`,
  );
  const relevantShown = [...r.levels].reduce((n, [, t]) => n + t.relevant, 0);
  console.log('level (匹配度)   results in top 10   relevant   share of the relevant found');
  for (const level of [...MATCH_LEVELS, 'none'] as const) {
    const t = r.levels.get(level) ?? { results: 0, relevant: 0 };
    const label =
      level === 'none' ? `none (< ${LEVEL_FLOORS.low}, hidden)` : `${level} (≥ ${LEVEL_FLOORS[level]})`;
    console.log(
      `${label.padEnd(20)} ${String(t.results).padStart(6)}   ${t.results ? fmt(t.relevant / t.results) : '  —  '}   ${relevantShown ? fmt(t.relevant / relevantShown) : '  —  '}`,
    );
  }
  if (JSON_OUT) {
    console.log(
      JSON.stringify({
        set: r.set,
        ...Object.fromEntries(Object.entries(r.mean).map(([k, v]) => [k, Number(v.toFixed(4))])),
      }),
    );
  }
}
