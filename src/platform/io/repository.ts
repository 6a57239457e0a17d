import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { and, eq, getTableColumns, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { importJobs, type RowReport } from './schema.ts';

/** A job without its file: what every read but the commit's needs. */
export type ImportJobRow = Omit<typeof importJobs.$inferSelect, 'fileData'>;

const { fileData: _file, ...JOB_COLUMNS } = getTableColumns(importJobs);

const pack = promisify(gzip);
const unpack = promisify(gunzip);

/** What a commit found: the counts and the rows with issues, replacing the preview's. */
export interface ImportResult {
  counts: Pick<ImportJobRow, 'total' | 'valid' | 'flagged' | 'rejected'>;
  report: RowReport[];
}

export class ImportJobsRepository {
  constructor(private readonly db: Executor) {}

  /**
   * A new job with its uploaded file. The file is gzipped on the thread pool and goes over as hex
   * text: the drivers' own bytea encoding (PGlite's builds a string per byte) would hold up the
   * thread that answers requests for seconds on a large upload.
   */
  async insert(
    values: Omit<typeof importJobs.$inferInsert, 'fileData'>,
    file: Buffer,
  ): Promise<ImportJobRow> {
    const packed = await pack(file, { level: 1 });
    const [row] = await this.db
      .insert(importJobs)
      .values({ ...values, fileData: sql`decode(${packed.toString('hex')}, 'hex')` })
      .returning(JOB_COLUMNS);
    return row!;
  }

  async byId(id: string): Promise<ImportJobRow | undefined> {
    const [row] = await this.db.select(JOB_COLUMNS).from(importJobs).where(eq(importJobs.id, id));
    return row;
  }

  /** A job's uploaded file, or null once it was dropped. */
  async file(id: string): Promise<Buffer | null> {
    const [row] = await this.db
      .select({ hex: sql<string | null>`encode(${importJobs.fileData}, 'hex')` })
      .from(importJobs)
      .where(eq(importJobs.id, id));
    if (!row?.hex) return null;
    const stored = Buffer.from(row.hex, 'hex');
    // Files stored before they were gzipped are kept as they came.
    return stored[0] === 0x1f && stored[1] === 0x8b ? unpack(stored) : stored;
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

  /** Ends a commit: its outcome (and, when it ran, what it found) recorded, the uploaded file dropped. */
  async finish(
    id: string,
    status: 'committed' | 'failed',
    error: string | null,
    at: Date,
    result?: ImportResult,
  ): Promise<void> {
    await this.db
      .update(importJobs)
      .set({
        status,
        error,
        finishedAt: at,
        fileData: null,
        updatedAt: sql`now()`,
        ...(result ? { ...result.counts, report: result.report } : {}),
      })
      .where(eq(importJobs.id, id));
  }

  /** A previewed job given up: the file is dropped; false when it was no longer previewed. */
  async abandon(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(importJobs)
      .set({ status: 'abandoned', fileData: null, finishedAt: at, updatedAt: sql`now()` })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, 'previewed')))
      .returning({ id: importJobs.id });
    return rows.length === 1;
  }

  /**
   * Jobs left 'committing' by a process that stopped (no batch for `minutes`) become 'failed'.
   * Database time throughout, so that processes with skewed clocks agree.
   */
  async failStale(minutes: number, error: string): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ status: 'failed', error, finishedAt: new Date(), fileData: null })
      .where(
        and(
          eq(importJobs.status, 'committing'),
          lt(importJobs.updatedAt, sql`now() - make_interval(mins => ${minutes})`),
        ),
      )
      .returning({ id: importJobs.id });
    return rows.length;
  }

  /** Previews not committed within `hours` expire and lose their file (database time). */
  async expirePreviews(hours: number): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ status: 'expired', fileData: null, finishedAt: new Date(), updatedAt: sql`now()` })
      .where(
        and(
          eq(importJobs.status, 'previewed'),
          lt(importJobs.updatedAt, sql`now() - make_interval(hours => ${hours})`),
        ),
      )
      .returning({ id: importJobs.id });
    return rows.length;
  }

  /** Files still held by jobs that no longer need them (none, unless a process stopped between steps). */
  async dropUnneededFiles(): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ fileData: null })
      .where(
        and(
          ne(importJobs.status, 'previewed'),
          ne(importJobs.status, 'committing'),
          isNotNull(importJobs.fileData),
        ),
      )
      .returning({ id: importJobs.id });
    return rows.length;
  }

  /** Refreshes planner statistics of the given tables. */
  async analyze(tables: readonly string[]): Promise<void> {
    for (const table of tables) await this.db.execute(sql`analyze ${sql.identifier(table)}`);
  }
}
