import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withDatabase } from '../../../test/global-setup.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { createPlatform, type Platform } from '../../main.ts';
import { ManualClock } from '../clock.ts';
import { openDatabase } from '../db/client.ts';
import { defineJob } from './define.ts';

const FAST = { pollSeconds: 0.5, cronCheckSeconds: 1 };

async function until<T>(what: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A job that fails its first `failures` runs; remembers when each run started. */
function flakyJob(name: string, failures: number, retry = { limit: 3, delaySeconds: 1, backoff: true }) {
  const runs: { attempt: number; at: number }[] = [];
  const job = defineJob({
    name,
    payload: z.object({ n: z.number().int() }).strict(),
    retry,
    handler: async (_payload, _deps, run) => {
      runs.push({ attempt: run.attempt, at: Date.now() });
      if (runs.length <= failures) throw new Error(`不成功 ${runs.length}`);
      return { ok: true };
    },
  });
  return { job, runs };
}

const actionsOf = async (client: Client, id: string): Promise<string[]> =>
  (await client.get(`/api/orders/${id}`)).body.events.map((e: { action: string }) => e.action);

describe('the job queue', () => {
  let p: TestPlatform;
  let enterprise: Client;
  let operator: Client;
  let demandId: string;
  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false });
    enterprise = await p.signIn('enterprise');
    operator = await p.signIn('operator');
    demandId = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0].id;
  });
  afterAll(() => p.close());

  it('declares every module job once, with a queue for each queued one', async () => {
    const names = p.jobs.definitions().map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'orders.sweep-deadlines',
        'lists.expire',
        'imports.sweep',
        'notifications.deliver-emails',
        'matching.refresh',
      ]),
    );
    const queues = await p.database.rows<{ name: string }>(sql`select name from pgboss.queue`);
    expect(queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['orders.sweep-deadlines', 'lists.expire', 'notifications.deliver-emails']),
    );
    // Per-process refreshes are timers, not queues.
    expect(queues.map((q) => q.name)).not.toContain('matching.refresh');
    expect(() => p.jobs.register(p.jobs.definitions().slice(0, 1) as never, {} as never)).toThrow(
      'registered twice',
    );
  });

  it('sends a job in a transaction: only if it commits', async () => {
    const { job } = flakyJob('jobstest.in-tx', 0);
    p.jobs.register([job], {});
    await p.jobs.install();
    const rolledBack = await p.database
      .transaction(async (tx) => {
        await p.jobs.send(job, { n: 1 }, { tx });
        throw new Error('rolled back');
      })
      .catch(() => 'rolled back');
    expect(rolledBack).toBe('rolled back');
    const id = await p.database.transaction((tx) => p.jobs.send(job, { n: 2 }, { tx }));
    const count = async () =>
      (
        await p.database.rows<{ n: number }>(
          sql`select count(*)::int as n from pgboss.job where name = ${job.name}`,
        )
      )[0]?.n;
    expect(await count()).toBe(1);
    expect((await p.jobs.state(job, id!))?.state).toBe('created');
    // The payload is checked when sent.
    await expect(p.jobs.send(job, { n: 'two' } as never)).rejects.toThrow();
    expect(await p.jobs.runDue()).toEqual({ completed: 1, failed: 0 });
    expect((await p.jobs.state(job, id!))?.state).toBe('completed');
  });

  it('runDue marks a failed run for a later retry, backed off', async () => {
    const { job, runs } = flakyJob('jobstest.run-due', 1, { limit: 2, delaySeconds: 60, backoff: true });
    p.jobs.register([job], {});
    await p.jobs.install();
    const id = (await p.jobs.send(job, { n: 1 }))!;
    expect(await p.jobs.runDue()).toEqual({ completed: 0, failed: 1 });
    const state = (await p.jobs.state(job, id))!;
    expect(state.state).toBe('retry');
    expect((state.output as { message: string }).message).toBe('不成功 1');
    // Not due again for 60–120 s (the first back-off step, with jitter).
    const wait = (state.startAfter.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThan(121);
    expect(await p.jobs.runDue()).toEqual({ completed: 0, failed: 0 });
    expect(runs).toHaveLength(1);
  });

  it('works the modules’ jobs once started: the deadline sweep runs at start, a failing job is retried with back-off', async () => {
    const placed = (await enterprise.post('/api/orders', { demandId })).body;
    p.clock.advanceMinutes(5 * 24 * 60); // its step (2 working days) is late
    const { job, runs } = flakyJob('jobstest.flaky', 2);
    p.jobs.register([job], {});
    await p.jobs.install();
    const id = (await p.jobs.send(job, { n: 1 }))!;

    await p.startJobs(FAST);
    const admin = await p.signIn('admin'); // sessions of five days ago have ended
    await until(async () => ((await actionsOf(admin, placed.id)).includes('overdue') ? true : undefined));
    await until(async () => ((await p.jobs.state(job, id))?.state === 'completed' ? true : undefined));
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const gaps = [runs[1]!.at - runs[0]!.at, runs[2]!.at - runs[1]!.at];
    // Back-off: 1–2 s after the first failure, 2–4 s after the second (plus polling).
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    expect(gaps[1]).toBeGreaterThan(gaps[0]! * 0.9);
    expect(await actionsOf(admin, placed.id)).toEqual(['place', 'overdue']);
  }, 30_000);
});

describe.runIf(process.env.DATABASE_URL)('two servers on one PostgreSQL database', () => {
  let one: TestPlatform;
  let two: Platform;
  beforeAll(async () => {
    one = await testPlatform({ demo: true, demoOrders: false });
    const [row] = await one.database.rows<{ name: string }>(sql`select current_database() as name`);
    const clock = new ManualClock(one.clock.now());
    two = await createPlatform(one.config, {
      database: await openDatabase({ databaseUrl: withDatabase(process.env.DATABASE_URL!, row!.name) }),
      clock,
    });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('handles each due item once: every queued job, and an overdue order step', async () => {
    const enterprise = await one.signIn('enterprise');
    const demandId = (await (await one.signIn('operator')).get('/api/lists/demands?q=XQ-2026-001')).body
      .items[0].id;
    const late: string[] = [];
    for (let i = 0; i < 3; i++) late.push((await enterprise.post('/api/orders', { demandId })).body.id);
    one.clock.advanceMinutes(5 * 24 * 60);
    (two.clock as ManualClock).set(one.clock.now());
    const operator = await one.signIn('operator');

    const handled: { by: string; id: string }[] = [];
    const count = (by: string) =>
      defineJob({
        name: 'jobstest.count',
        payload: z.object({ n: z.number() }).strict(),
        handler: async (_payload, _deps, run) => {
          handled.push({ by, id: run.id });
          await new Promise((r) => setTimeout(r, 20));
        },
      });
    const jobOfOne = count('one');
    one.jobs.register([jobOfOne], {});
    two.jobs.register([count('two')], {});
    await one.jobs.install();
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push((await one.jobs.send(jobOfOne, { n }))!);

    await Promise.all([one.startJobs(FAST), two.startJobs(FAST)]);
    await until(() => (handled.length >= ids.length ? true : undefined));
    await until(async () => {
      const actions = await Promise.all(late.map((id) => actionsOf(operator, id)));
      return actions.every((a) => a.includes('overdue')) ? actions : undefined;
    });
    // Give a second sweep, had there been one, time to show.
    await new Promise((r) => setTimeout(r, 2000));

    expect(handled).toHaveLength(ids.length);
    expect(new Set(handled.map((h) => h.id))).toEqual(new Set(ids));
    for (const id of late) expect(await actionsOf(operator, id)).toEqual(['place', 'overdue']);
    const sweeps = await one.database.rows<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'orders.sweep-deadlines'`,
    );
    expect(sweeps[0]?.n).toBeGreaterThanOrEqual(1);
    const told = (await operator.get('/api/notifications')).body.items.filter((m: { title: string }) =>
      m.title.startsWith('订单环节超时'),
    );
    expect(told).toHaveLength(late.length);
  }, 60_000);
});
