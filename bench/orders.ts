/**
 * Service-order benchmark (issue #5): N orders driven through the whole
 * workflow at once — place, dispatch, accept, start, log a visit, finish with
 * an outcome, confirm with a rating — by the enterprise, operator and expert
 * demo accounts over real HTTP (the server listening on a port, fetch as the
 * client). Prints transitions per second and p50/p99 latency per step.
 *
 *   DATABASE_URL=postgres://…/postgres npm run bench:orders   # PostgreSQL (a fresh database is made and dropped)
 *   npm run bench:orders                                      # PGlite in a temp dir (for comparison)
 *   BENCH_ORDERS=1000 BENCH_CONCURRENCY=50 npm run bench:orders
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../src/demo/seed.ts';
import { createPlatform } from '../src/main.ts';
import { freshPostgres, percentile } from './support.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const PASSWORD = 'bench-Password-2026';

interface Session {
  cookie: string;
  csrf: string;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-bench-orders-'));
  const pgUrl = process.env.DATABASE_URL;
  const fresh = pgUrl ? await freshPostgres(pgUrl, 'orders') : null;
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATA_DIR: dir, ...(fresh ? { DATABASE_URL: fresh.url } : {}) },
    { secrets: ephemeralSecrets(), webDir: undefined },
  );
  const platform = await createPlatform(config);
  try {
    await seedDemo(platform, PASSWORD);
    const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const call = async (s: Session | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${address}${path}`, {
        method,
        headers: {
          ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return { json: JSON.parse(text), headers: res.headers };
    };
    const signIn = async (username: string): Promise<Session> => {
      const { json, headers } = await call(null, 'POST', '/api/auth/login', { username, password: PASSWORD });
      const cookie = headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, csrf: json.csrfToken };
    };
    if (!DEMO_ACCOUNTS.some((a) => a.username === 'enterprise')) throw new Error('demo accounts missing');
    const enterprise = await signIn('enterprise');
    const operator = await signIn('operator');
    const expert = await signIn('expert');
    const demands = (
      await call(enterprise, 'GET', '/api/lists/demands?pageSize=100&mine=true')
    ).json.items.filter(
      (d: { status: string; enterpriseId: string | null }) =>
        d.status === 'published' || d.status === 'in_progress',
    );
    const mine = (await call(expert, 'GET', '/api/profile')).json.record;
    if (demands.length === 0 || !mine?.id) throw new Error('no demand or expert profile in the demo data');

    const latencies = new Map<string, number[]>();
    const timed = async <T>(step: string, f: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await f();
      const list = latencies.get(step) ?? [];
      list.push(performance.now() - t);
      latencies.set(step, list);
      return out;
    };
    const move = (s: Session, step: string, order: { id: string; version: number }, body: object) =>
      timed(
        step,
        async () =>
          (await call(s, 'POST', `/api/orders/${order.id}/transition`, { version: order.version, ...body }))
            .json,
      );

    const one = async (n: number) => {
      const demand = demands[n % demands.length];
      let order = await timed(
        'place',
        async () => (await call(enterprise, 'POST', '/api/orders', { demandId: demand.id })).json,
      );
      order = await move(operator, 'dispatch', order, { action: 'dispatch', experts: [mine.id] });
      order = await move(expert, 'accept', order, { action: 'accept' });
      order = await move(expert, 'start', order, { action: 'start' });
      order = await timed(
        'visit',
        async () =>
          (
            await call(expert, 'POST', `/api/orders/${order.id}/visits`, {
              visitedOn: '2026-03-03',
              summary: `第 ${n} 单上门服务`,
            })
          ).json,
      );
      order = await move(expert, 'finish', order, {
        action: 'finish',
        outcomes: [{ kind: 'agreement', amountYuan: 10000 + n }],
      });
      order = await move(enterprise, 'confirm', order, { action: 'confirm', rating: 1 + (n % 5) });
      if (order.status !== 'closed') throw new Error(`order ${order.code} ended ${order.status}`);
    };

    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, ORDERS) }, async () => {
        while (next < ORDERS) await one(next++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const changes = all.length;
    console.log(
      `${ORDERS} orders × 7 steps, ${CONCURRENCY} at a time, over HTTP on ${platform.database.kind}: ` +
        `${seconds.toFixed(1)} s, ${Math.round(changes / seconds)} transitions/s, ` +
        `p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`,
    );
    console.log('step       count    p50 ms    p99 ms');
    for (const [step, list] of latencies) {
      list.sort((a, b) => a - b);
      console.log(
        `${step.padEnd(9)} ${String(list.length).padStart(6)} ${percentile(list, 50).toFixed(1).padStart(9)} ${percentile(list, 99).toFixed(1).padStart(9)}`,
      );
    }
    const board = (await call(operator, 'GET', '/api/orders/board')).json;
    const closed = board.statuses.find((s: { status: string }) => s.status === 'closed')?.count;
    console.log(`board: ${closed} closed orders`);
    console.log(
      JSON.stringify({
        orders: ORDERS,
        concurrency: CONCURRENCY,
        engine: platform.database.kind,
        seconds: Number(seconds.toFixed(2)),
        transitions_per_s: Math.round(changes / seconds),
        p50_ms: Number(percentile(all, 50).toFixed(1)),
        p99_ms: Number(percentile(all, 99).toFixed(1)),
      }),
    );
  } finally {
    await platform.close();
    await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
