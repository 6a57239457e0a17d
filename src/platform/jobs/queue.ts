import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { type Database, type Executor, pgErrorCode } from '../db/client.ts';
import { DEFAULT_RETRY, isQueued, type JobDefinition } from './define.ts';
import { sqlOn, TrackedSql } from './sql.ts';

/** The queue's tables live in their own schema, beside the platform's (backups cover `public` only). */
const SCHEMA = 'pgboss';
/** pg-boss's own queue for cron ticks (created with the others, so a start creates no table). */
const CRON_QUEUE = '__pgboss__send-it';
/** Cron schedules are read in China time. */
const TIME_ZONE = 'Asia/Shanghai';
const DEFAULT_TIMEOUT_SECONDS = 15 * 60;
/** Jobs a worker takes at a time. */
const BATCH = 5;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds jobs of every payload and dependency type
type AnyJob = JobDefinition<z.ZodType, any>;
type DepsOf<J> = J extends JobDefinition<z.ZodType, infer D> ? D : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const silent: JobLog = { info() {}, warn() {}, error() {} };

export interface StartOptions {
  /**
   * How often an idle worker asks for due jobs (seconds, at least 0.5). Default 2 on a
   * PostgreSQL server; 10 on PGlite, where every job is this process's own and a send wakes
   * the worker at once (its poll then waits for the sender's transaction to commit).
   */
  pollSeconds?: number;
  /** How often a process checks whether a cron tick is due; one process per tick sends. Default 30. */
  cronCheckSeconds?: number;
}

export interface SendOptions {
  /** Send in this transaction: the job exists only if it commits, and is seen when it does. */
  tx?: Executor;
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
  /** With `singletonSeconds`: one job per key in each such window (several senders, one job). */
  singletonKey?: string;
  singletonSeconds?: number;
}

/** What a queue holds of a job, for tests and operators. */
export interface JobState {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  startAfter: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  output: unknown;
}

interface Registered {
  job: AnyJob;
  deps: unknown;
}

/**
 * Scheduled and queued work, on pg-boss in the platform's own PostgreSQL
 * (PGlite or a server). A job a module sends, or a cron tick, is one row that
 * one worker of one process takes (`FOR UPDATE SKIP LOCKED`), however many
 * processes serve; a run that throws is retried with back-off. Jobs that keep
 * a process's own memory current (`eachProcessEveryMs`) run on a timer in
 * every serving process instead.
 *
 * Modules declare jobs with defineJob in their jobs.ts; main.ts registers
 * them with what their handlers need. A platform sends jobs from its start;
 * only a serving process (startJobs) works them.
 */
export class JobQueue {
  private readonly registered = new Map<string, Registered>();
  private readonly sql: TrackedSql;
  /** Sends, installs, fetches for runDue; never started, so it polls nothing. */
  private readonly client: PgBoss;
  /** Polls, keeps the schedule and maintains the tables; only after start(). */
  private worker: PgBoss | null = null;
  /** This process's worker for each queue (to wake it when a job is sent here). */
  private readonly workerIds = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly local = new Map<string, Promise<void>>();
  private stopping = false;
  log: JobLog = silent;

  constructor(private readonly database: Database) {
    this.sql = new TrackedSql(database);
    this.client = new PgBoss({
      db: this.sql,
      schema: SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    this.client.on('error', (err) => this.log.warn({ err: safeError(err) }, 'job queue'));
  }

  /** Adds a module's jobs and what their handlers need; a name registered twice fails at start. */
  register<const J extends readonly AnyJob[]>(jobs: J, deps: Intersection<DepsOf<J[number]>>): void {
    for (const job of jobs) {
      if (this.registered.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
      this.registered.set(job.name, { job, deps });
    }
  }

  /** The registered jobs' definitions. */
  definitions(): AnyJob[] {
    return [...this.registered.values()].map((r) => r.job);
  }

  /** Creates the queue's tables if missing and a queue for every registered job (see installJobQueues). */
  install(): Promise<void> {
    return installJobQueues(this.database, this.definitions());
  }

  /**
   * Queues one run of `job` with `payload` (checked against its schema).
   * Returns the job's id, or null when a singleton key already has its job.
   */
  async send<P extends z.ZodType>(
    // biome-ignore lint/suspicious/noExplicitAny: any job's dependencies; the sender needs only its payload type
    job: JobDefinition<P, any>,
    payload: z.input<P>,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (!this.registered.has(job.name)) throw new Error(`job ${job.name} is not registered`);
    if (!isQueued(job)) throw new Error(`job ${job.name} runs on a timer in each process and is not sent`);
    const data = job.payload.parse(payload) as object;
    const id = await this.client.send(job.name, data, {
      ...(options.tx ? { db: sqlOn(this.database, options.tx) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
    });
    const workerId = this.workerIds.get(job.name);
    if (id && workerId && !options.startAfterSeconds) this.worker?.notifyWorker(workerId);
    return id;
  }

  /** A job's row as the queue holds it (null once archived). */
  async state(job: Pick<AnyJob, 'name'>, id: string): Promise<JobState | null> {
    const row = await this.client.getJobById(job.name, id);
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      retryCount: row.retryCount,
      startAfter: row.startAfter,
      startedOn: row.startedOn ?? null,
      completedOn: row.completedOn ?? null,
      output: row.output ?? null,
    };
  }

  /**
   * Runs here and now, one after another, every queued job that is due
   * (tests; an operator's "run what is due"). A job that fails is marked
   * for retry as a worker would; returns how many completed and failed.
   */
  async runDue(): Promise<{ completed: number; failed: number }> {
    let completed = 0;
    let failed = 0;
    for (const entry of this.registered.values()) {
      if (!isQueued(entry.job)) continue;
      for (;;) {
        const [row] = await this.client.fetch<object>(entry.job.name, { includeMetadata: true });
        if (!row) break;
        if (await this.runOne(entry, row)) completed++;
        else failed++;
      }
    }
    return { completed, failed };
  }

  /**
   * Starts working: workers for every queued job, the cron schedules (each
   * cron job also runs once at start, once however many processes start
   * together), queue maintenance, and the per-process timers.
   */
  async start(options: StartOptions = {}): Promise<void> {
    if (this.worker || this.stopping) return;
    const cronCheckSeconds = options.cronCheckSeconds ?? 30;
    const pollSeconds = options.pollSeconds ?? (this.database.kind === 'pglite' ? 10 : 2);
    const worker = new PgBoss({
      db: this.sql,
      schema: SCHEMA,
      migrate: false,
      supervise: true,
      schedule: true,
      cronMonitorIntervalSeconds: cronCheckSeconds,
      cronWorkerIntervalSeconds: Math.max(1, Math.min(5, cronCheckSeconds)),
      pollingIntervalSeconds: pollSeconds,
    });
    worker.on('error', (err) => this.log.warn({ err: safeError(err) }, 'job queue'));
    this.worker = worker;
    await worker.start();
    for (const entry of this.registered.values()) {
      const { job } = entry;
      const schedule = job.schedule;
      if (schedule && 'eachProcessEveryMs' in schedule) {
        const every =
          typeof schedule.eachProcessEveryMs === 'function'
            ? schedule.eachProcessEveryMs(entry.deps as never)
            : schedule.eachProcessEveryMs;
        if (every !== null) this.every(entry, every);
        continue;
      }
      const cron =
        schedule && 'cron' in schedule
          ? typeof schedule.cron === 'function'
            ? schedule.cron(entry.deps as never)
            : schedule.cron
          : null;
      if (cron) {
        await worker.schedule(job.name, cron, {}, { tz: TIME_ZONE });
        await this.client.send(job.name, {}, { singletonKey: 'start', singletonSeconds: 60 });
      } else {
        await worker.unschedule(job.name);
      }
      let workerId: string | undefined;
      workerId = await worker.work<object>(
        job.name,
        { pollingIntervalSeconds: pollSeconds, batchSize: BATCH, includeMetadata: true },
        async (rows) => {
          // Each job of the batch completes or fails on its own (pg-boss then finds none still active).
          for (const row of rows) await this.runOne(entry, row);
          // A full batch: more may be waiting, so look again at once rather than after the interval.
          if (rows.length === BATCH && workerId) worker.notifyWorker(workerId);
        },
      );
      this.workerIds.set(job.name, workerId);
    }
  }

  /**
   * Stops taking work and timers, lets running jobs finish (up to
   * `graceSeconds`; one still running then is failed and retried
   * elsewhere), and waits for the queue's statements in flight. Call before
   * the database closes.
   */
  async stop(graceSeconds = 30): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.worker?.stop({ graceful: true, timeout: graceSeconds * 1000 });
    await Promise.allSettled(this.local.values());
    await this.sql.close();
  }

  /** Runs one fetched job and records it completed (true) or failed, to be retried if tries are left. */
  private async runOne(entry: Registered, row: PgBoss.JobWithMetadata<object>): Promise<boolean> {
    let output: unknown;
    try {
      output = await this.execute(entry, row);
    } catch (err) {
      await this.client.fail(entry.job.name, row.id, err as object);
      return false;
    }
    await this.client.complete(entry.job.name, row.id, toOutput(output));
    return true;
  }

  private async execute(entry: Registered, row: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const { job, deps } = entry;
    const attempt = row.retryCount + 1;
    try {
      const payload = job.payload.parse(row.data ?? {});
      return await job.handler(payload, deps as never, { id: row.id, attempt });
    } catch (err) {
      const safe = safeError(err);
      this.log.warn(
        { job: job.name, jobId: row.id, attempt, err: safe },
        'job failed; retried if tries are left',
      );
      throw safe;
    }
  }

  /** Runs a per-process job now and every `ms`; a run still going when the next is due skips it. */
  private every(entry: Registered, ms: number): void {
    const run = () => {
      if (this.stopping || this.local.has(entry.job.name)) return;
      const running = (async () => {
        try {
          await entry.job.handler(entry.job.payload.parse({}), entry.deps as never, {
            id: 'local',
            attempt: 1,
          });
        } catch (err) {
          this.log.error({ job: entry.job.name, err: safeError(err) }, 'scheduled job failed');
        }
      })().finally(() => this.local.delete(entry.job.name));
      this.local.set(entry.job.name, running);
    };
    run();
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

/**
 * Makes the queue ready in `database`: pg-boss's tables (created, or
 * migrated to this pg-boss's version) and a queue per queued job with its
 * retry policy and time limit. When all exist this is three reads; run by
 * every start and by `caiqiao migrate` (creating a queue creates a table).
 */
export async function installJobQueues(database: Database, jobs: readonly AnyJob[]): Promise<void> {
  const db = sqlOn(database);
  const installer = new PgBoss({ db, schema: SCHEMA, migrate: true, supervise: false, schedule: false });
  await installer.start();
  try {
    const existing = new Map((await installer.getQueues()).map((q) => [q.name, q]));
    if (!existing.has(CRON_QUEUE)) await installer.createQueue(CRON_QUEUE);
    for (const job of jobs) {
      if (!isQueued(job)) continue;
      const retry = job.retry ?? DEFAULT_RETRY;
      const wanted = {
        name: job.name,
        policy: 'standard' as const,
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: retry.backoff,
        expireInSeconds: job.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      };
      const current = existing.get(job.name);
      if (!current) await installer.createQueue(job.name, wanted);
      else if (
        current.retryLimit !== wanted.retryLimit ||
        current.retryDelay !== wanted.retryDelay ||
        current.retryBackoff !== wanted.retryBackoff ||
        current.expireInSeconds !== wanted.expireInSeconds
      )
        await installer.updateQueue(job.name, wanted);
    }
  } finally {
    await installer.stop({ graceful: false });
  }
}

/** What a handler returned, as pg-boss keeps it (an object; anything else under `value`). */
function toOutput(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' && !Array.isArray(value) ? value : { value };
}

/**
 * An error fit for the job's row and the log: a database error by its code
 * and constraint only (drizzle's message carries the query and its values,
 * which may be personal data), any other by its message.
 */
export function safeError(err: unknown): Error {
  const code = pgErrorCode(err);
  if (code) {
    const constraint = findConstraint(err);
    return new Error(`database error ${code}${constraint ? ` (${constraint})` : ''}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  const safe = new Error(message.slice(0, 500));
  if (err instanceof Error) safe.name = err.name;
  return safe;
}

function findConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
