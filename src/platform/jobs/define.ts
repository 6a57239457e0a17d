import { z } from 'zod';

/**
 * When a job runs without being sent:
 * - `cron`: on the queue, once per tick however many processes serve (five-field cron, China time);
 * - `eachProcessEveryMs`: not on the queue; every serving process runs it on its own timer, because
 *   what it refreshes lives in that process's memory (an index, a cache).
 * Either may be a function of the job's dependencies (the configuration), null leaving the schedule off.
 */
export type Schedule<D = unknown> =
  | { cron: string | ((deps: D) => string | null) }
  | { eachProcessEveryMs: number | ((deps: D) => number | null) };

/** How a failed run is tried again: up to `limit` more times, `delaySeconds` apart, doubling with backoff. */
export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/** What a handler knows of the run it is in. */
export interface JobRun {
  id: string;
  /** 1 for the first try, 2 for the first retry … */
  attempt: number;
}

/**
 * A job as a module declares it (in its `jobs.ts`): its name (`module.what`),
 * the payload it carries (zod: checked when sent and again when run), when it
 * runs by itself, how a failure is retried, and the handler. `D` is what the
 * handler needs from the platform (`{ orders: OrdersService }`), given once when
 * main.ts registers the module's jobs.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType, D = never> {
  readonly name: string;
  readonly payload: P;
  readonly schedule?: Schedule<D>;
  readonly retry?: RetryPolicy;
  /** How long one run may take before it counts as failed (and is retried). Default 15 minutes. */
  readonly timeoutSeconds?: number;
  handler(payload: z.output<P>, deps: D, run: JobRun): Promise<unknown>;
}

/** Failed runs are retried five times, 30 s, 1, 2, 4 and 8 minutes later (pg-boss adds up to as much jitter). */
export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true };

const NAME = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a job; its name must be `module.what` (lower case, dots and dashes). */
export function defineJob<P extends z.ZodType, D>(definition: JobDefinition<P, D>): JobDefinition<P, D> {
  if (!NAME.test(definition.name)) throw new Error(`job name ${definition.name} is not module.what`);
  const schedule = definition.schedule;
  if (schedule && 'eachProcessEveryMs' in schedule && definition.retry)
    throw new Error(`job ${definition.name} runs in each process on a timer: its next tick is its retry`);
  return definition;
}

/** The payload of a job that carries nothing (scheduled sweeps). */
export const noPayload = z.object({}).strict();

/** True when the job goes through the queue (sent, or scheduled by cron), false for a per-process timer. */
export function isQueued(definition: Pick<JobDefinition, 'schedule'>): boolean {
  return !(definition.schedule && 'eachProcessEveryMs' in definition.schedule);
}
