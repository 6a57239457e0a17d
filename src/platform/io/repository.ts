import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { importJobs } from './schema.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export class ImportJobsRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
    const [row] = await this.db.insert(importJobs).values(values).returning();
    return row!;
  }

  async byId(id: string): Promise<ImportJobRow | undefined> {
    const [row] = await this.db.select().from(importJobs).where(eq(importJobs.id, id));
    return row;
  }

  /** Moves a job from one status to the next; false when another request moved it first. */
  async transition(id: string, from: string, to: string): Promise<boolean> {
    const rows = await this.db
      .update(importJobs)
      .set({ status: to, updatedAt: sql`now()` })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
      .returning({ id: importJobs.id });
    return rows.length === 1;
  }

  async progress(
    id: string,
    values: Partial<Pick<ImportJobRow, 'processed' | 'created' | 'updated'>>,
  ): Promise<void> {
    await this.db
      .update(importJobs)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(importJobs.id, id));
  }

  async finish(id: string, status: 'committed' | 'failed', error: string | null, at: Date): Promise<void> {
    await this.db.update(importJobs).set({ status, error, finishedAt: at }).where(eq(importJobs.id, id));
  }

  /**
   * Jobs left 'committing' by a process that stopped (no batch for `minutes`) become 'failed'.
   * Database time throughout, so that processes with skewed clocks agree.
   */
  async failStale(minutes: number, error: string): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ status: 'failed', error, finishedAt: new Date() })
      .where(
        and(
          eq(importJobs.status, 'committing'),
          lt(importJobs.updatedAt, sql`now() - make_interval(mins => ${minutes})`),
        ),
      )
      .returning({ id: importJobs.id });
    return rows.length;
  }

  /** Refreshes planner statistics of the given tables. */
  async analyze(tables: readonly string[]): Promise<void> {
    for (const table of tables) await this.db.execute(sql`analyze ${sql.identifier(table)}`);
  }

  /** Forgets the uploaded bytes of jobs finished more than `days` ago (their counts and report stay). */
  async dropOldFiles(days: number): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ fileData: Buffer.alloc(0) })
      .where(
        and(
          sql`${importJobs.status} in ('committed', 'failed')`,
          lt(importJobs.updatedAt, sql`now() - make_interval(days => ${days})`),
          sql`octet_length(${importJobs.fileData}) > 0`,
        ),
      )
      .returning({ id: importJobs.id });
    return rows.length;
  }
}
