/**
 * Statistics benchmark (issue #7): a database with about a million records —
 * service orders with their events, offers and outcomes, activities with
 * registrations and outcomes, list items — spread over two years and a
 * province's regions; then every dashboard query for a city's operator
 * (p50/p99 over repeated runs) and the work report's generation time.
 *
 *   DATABASE_URL=postgres://…/postgres npm run bench:insights    # a fresh database is made on that server and dropped
 *   BENCH_SCALE=0.1 npm run bench:insights                       # a tenth of the data (PGlite without DATABASE_URL)
 *   BENCH_KEEP=1 …                                               # keep the PostgreSQL database (to EXPLAIN queries)
 *
 * Targets: every dashboard query ≤ 200 ms, the report ≤ 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { accountActor, createPlatform } from '../src/main.ts';
import { DIMENSIONS, METRIC_KEYS, metric } from '../src/modules/insights/metrics.ts';
import { freshPostgres, percentile } from './support.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const n = (x: number) => Math.max(10, Math.round(x * SCALE));
const COUNTS = {
  listItems: n(150_000),
  orders: n(250_000),
  activities: n(50_000),
  registrationsPerActivity: 8,
  activityOutcomes: n(100_000),
};
/** Counties of 湖州 (the demo operator's city) and of other cities, weighted towards 湖州. */
const REGIONS = [
  '330502',
  '330503',
  '330521',
  '330522',
  '330523',
  '330106',
  '330110',
  '330212',
  '330402',
  '330602',
];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-bench-insights-'));
  const pgUrl = process.env.DATABASE_URL;
  const fresh = pgUrl ? await freshPostgres(pgUrl, 'insights') : null;
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATA_DIR: dir, ...(fresh ? { DATABASE_URL: fresh.url } : {}) },
    { secrets: ephemeralSecrets(), webDir: undefined },
  );
  const platform = await createPlatform(config);
  const db = platform.database;
  try {
    await seedDemo(platform, 'bench-Password-2026');
    const regions = `array[${REGIONS.map((r) => `'${r}'`).join(',')}]`;
    // A region, weighted: 湖州 counties 60 %, other cities 40 %.
    const regionOf = (g: string) =>
      `(${regions})[1 + (case when (${g} % 10) < 6 then (${g} % 5) else 5 + (${g} % 5) end)]`;
    // A moment in 2025-01-01 … 2026-11-20, spread by g.
    const when = (g: string, salt: number) =>
      `timestamptz '2025-01-01 08:00+08' + ((((${g}::bigint * ${salt}) % 690) || ' days')::interval) + ((${g} % 600) || ' minutes')::interval`;
    const started = performance.now();
    const step = async (label: string, query: string) => {
      const t = performance.now();
      await db.rows(sql.raw(query));
      console.log(`  ${label.padEnd(36)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    console.log(`generating (scale ${SCALE}) on ${db.kind} …`);
    await step(
      `list items ×${COUNTS.listItems}`,
      `insert into list_items (kind, code, title, scope_region, region_code, status, published_at, industry_tags, created_at, updated_at)
       select (array['demands','achievements','talent-demands'])[1 + g % 3], 'B-' || g, '需求 ' || g, ${regionOf('g')}, ${regionOf('g')},
              'published', ${when('g', 7)}, array[(array['C','I','M','D'])[1 + g % 4], (array['C29','I65','M73','D44'])[1 + g % 4]],
              ${when('g', 7)}, ${when('g', 7)}
       from generate_series(1, ${COUNTS.listItems}) g`,
    );
    await step(
      `orders ×${COUNTS.orders}`,
      `insert into service_orders (code, title, scope_region, region_code, status, created_at, updated_at, status_changed_at,
         step_due_at, dispatched_at, accepted_at, started_at, finished_at, closed_at)
       select 'GD-B-' || g, '订单 ' || g, ${regionOf('g')}, ${regionOf('g')}, s, t, t, t, t + interval '5 days',
              case when s not in ('placed', 'cancelled') then t + interval '6 hours' end,
              case when s in ('accepted', 'in_service', 'closed') then t + interval '1 day' end,
              case when s in ('in_service', 'closed') then t + interval '2 days' end,
              case when s = 'closed' then t + interval '9 days' end,
              case when s = 'closed' then t + interval '10 days' end
       from generate_series(1, ${COUNTS.orders}) g
       cross join lateral (select (array['placed','dispatched','accepted','in_service','closed','closed','closed','cancelled'])[1 + g % 8] as s,
                                  ${when('g', 11)} as t) x`,
    );
    const talent = `(select id from talents order by code limit 1)`;
    await step(
      'order events (place … confirm)',
      `insert into order_events (order_id, action, from_status, to_status, actor_name, at)
       select o.id, e.action, e.from_status, e.to_status, 'bench', o.created_at + e.after
       from service_orders o
       cross join lateral (values
         ('place', null, 'placed', interval '0'),
         ('dispatch', 'placed', 'dispatched', interval '6 hours'),
         ('accept', 'dispatched', 'accepted', interval '1 day'),
         ('start', 'accepted', 'in_service', interval '2 days'),
         ('finish', 'in_service', 'awaiting_confirmation', interval '9 days'),
         ('confirm', 'awaiting_confirmation', 'closed', interval '10 days')
       ) e(action, from_status, to_status, after)
       where o.code like 'GD-B-%' and (e.action = 'place' or (o.status <> 'placed' and o.status <> 'cancelled' and (
         e.action = 'dispatch' or (o.status <> 'dispatched' and (e.action in ('accept', 'start') or (o.status = 'closed'))))))`,
    );
    await step(
      'order offers (accepted)',
      `insert into order_offers (order_id, round, talent_id, state, offered_at)
       select o.id, 1, ${talent}, 'accepted', o.created_at from service_orders o
       where o.code like 'GD-B-%' and o.status in ('accepted', 'in_service', 'closed')`,
    );
    await step(
      'order outcomes',
      `insert into order_outcomes (order_id, kind, amount_fen, happened_on, created_at)
       select o.id, (array['agreement','solved','transfer','talent','none'])[1 + abs(hashtext(o.code)) % 5],
              case when abs(hashtext(o.code)) % 5 in (0, 2) then (abs(hashtext(o.code)) % 5000 + 1)::bigint * 1000000 end,
              (o.created_at at time zone 'Asia/Shanghai')::date, o.created_at
       from service_orders o where o.code like 'GD-B-%' and o.status = 'closed'`,
    );
    await step(
      'orders with an outcome',
      `update service_orders o set has_outcome = true
       where o.code like 'GD-B-%' and exists (select 1 from order_outcomes x where x.order_id = o.id and x.kind <> 'none')`,
    );
    await step(
      `activities ×${COUNTS.activities}`,
      `insert into activities (code, kind, title, starts_at, ends_at, region_code, scope_region, status, created_at, updated_at)
       select 'HD-B-' || g, (array['matchmaking','forum','visit','job_fair','study_tour','training','care'])[1 + g % 7], '活动 ' || g,
              ${when('g', 13)}, ${when('g', 13)} + interval '3 hours', ${regionOf('g')}, ${regionOf('g')},
              (array['finished','finished','finished','published','closed','cancelled'])[1 + g % 6], ${when('g', 13)}, ${when('g', 13)}
       from generate_series(1, ${COUNTS.activities}) g`,
    );
    await step(
      `registrations ×${COUNTS.activities * COUNTS.registrationsPerActivity}`,
      `insert into activity_registrations (activity_id, role, name, source, status, identity, short_code, checked_in_at, talent_id, created_at, updated_at)
       select a.id, case when k = 1 then 'expert' else 'attendee' end, '参会人' || k, 'self', 'confirmed', 'bench:' || k, 'B' || lpad(k::text, 5, '0'),
              case when k % 3 <> 0 then a.starts_at end, case when k = 1 then ${talent} end, a.created_at, a.created_at
       from activities a cross join generate_series(1, ${COUNTS.registrationsPerActivity}) k where a.code like 'HD-B-%'`,
    );
    await step(
      `activity outcomes ×${COUNTS.activityOutcomes}`,
      `insert into activity_outcomes (activity_id, kind, count, amount_fen, happened_on, created_at)
       select a.id, (array['contact','agreement','hire_intent','hired','trained','served'])[1 + g % 6], 1 + g % 40,
              case when g % 6 = 1 then (g % 3000 + 1)::bigint * 1000000 end,
              ((a.starts_at + interval '1 day') at time zone 'Asia/Shanghai')::date, a.starts_at + interval '1 day'
       from generate_series(1, ${COUNTS.activityOutcomes}) g
       join activities a on a.code = 'HD-B-' || (1 + g % ${COUNTS.activities})`,
    );
    await step('analyze', 'analyze');
    const [{ total }] = (await db.rows<{ total: number }>(
      sql.raw(`select (select count(*) from list_items) + (select count(*) from service_orders) + (select count(*) from order_events)
        + (select count(*) from order_offers) + (select count(*) from order_outcomes) + (select count(*) from activities)
        + (select count(*) from activity_registrations) + (select count(*) from activity_outcomes) as total`),
    )) as [{ total: number }];
    console.log(
      `${Number(total).toLocaleString('en')} records in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );

    const actor = (await accountActor(platform, 'operator'))!;
    const scope = platform.insights.resolve(actor, { from: '2026-01-01', to: '2026-11-23' });
    const times = new Map<string, number[]>();
    const time = async (label: string, f: () => Promise<unknown>) => {
      const list = times.get(label) ?? [];
      const t = performance.now();
      await f();
      list.push(performance.now() - t);
      times.set(label, list);
    };
    for (let run = 0; run < RUNS; run++) {
      for (const key of METRIC_KEYS) await time(`figure ${key}`, () => platform.insights.figure(key, scope));
      for (const key of [
        'activities_held',
        'demands_posted',
        'orders_placed',
        'agreements_signed',
      ] as const) {
        for (const dimension of DIMENSIONS) {
          const def = metric(key);
          if (dimension !== 'month' && dimension !== 'region' && !def.dimensions.includes(dimension))
            continue;
          await time(`breakdown ${key} by ${dimension}`, () =>
            platform.insights.breakdown(key, scope, dimension),
          );
        }
      }
      await time('funnel', () => platform.insights.funnel(scope));
      for (const stage of ['dispatched', 'overdue'] as const) {
        await time(`funnel ${stage} (drill-down page)`, () =>
          platform.insights.funnelRecords(scope, stage, { page: 1, pageSize: 20 }),
        );
      }
      await time('records (drill-down page)', () =>
        platform.insights.records('agreements_signed', scope, { page: 1, pageSize: 20 }),
      );
      if (run < 3)
        await time('whole dashboard (all of the above ×3 periods)', () =>
          platform.insights.dashboard(actor, {}),
        );
    }
    const reportTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const report = await platform.reports.build(actor, { from: '2026-01-01', to: '2026-11-23' });
      await platform.reports.docx(report);
      reportTimes.push(performance.now() - t);
    }
    console.log(
      `dashboard queries for the 湖州 operator, 2026-01-01 … 2026-11-23, ${RUNS} runs, ${db.kind}:`,
    );
    console.log(`${'query'.padEnd(58)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
    let worst = 0;
    for (const [label, list] of times) {
      list.sort((a, b) => a - b);
      const p99 = percentile(list, 99);
      if (!label.startsWith('whole')) worst = Math.max(worst, p99);
      console.log(
        `${label.padEnd(58)} ${percentile(list, 50).toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)}`,
      );
    }
    reportTimes.sort((a, b) => a - b);
    console.log(
      `\nwork report (figures, text, charts, docx): ${(percentile(reportTimes, 50) / 1000).toFixed(2)} s (median of 3)`,
    );
    console.log(`slowest single query p99: ${worst.toFixed(1)} ms (target ≤ 200 ms); report target ≤ 3 s`);
    console.log(
      JSON.stringify({
        records: Number(total),
        engine: db.kind,
        worst_query_p99_ms: Number(worst.toFixed(1)),
        report_s: Number((percentile(reportTimes, 50) / 1000).toFixed(2)),
      }),
    );
  } finally {
    await platform.close();
    if (process.env.BENCH_KEEP && fresh) console.log(`kept ${fresh.url}`);
    else await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
