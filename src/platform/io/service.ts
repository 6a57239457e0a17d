import type { Actor } from '../access/actor.ts';
import { scopeOf } from '../access/scope.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { httpError } from '../http/errors.ts';
import { commitRows, jobError, withFailures } from './commit.ts';
import type { ImportJobView } from './contract.ts';
import { ioError } from './errors.ts';
import { failureOf, withoutDetails } from './failures.ts';
import type { ImportKind, ImportProgress } from './import.ts';
import { type ImportJobRow, ImportJobsRepository } from './repository.ts';
import { scanFile } from './scan.ts';
import type { RowReport } from './schema.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './table.ts';

/**
 * After a bulk load the planner's statistics are stale (PGlite has no
 * autovacuum at all), and list queries pick bad plans until they are refreshed.
 */
const ANALYZE_AFTER = 1000;
/** A preview not committed within this many hours expires, and its file is dropped. */
export const PREVIEW_KEPT_HOURS = 24;

/**
 * Spreadsheet imports for every module: read (in a worker thread, as a
 * stream) → map headers → check each row (preview, nothing written) → commit
 * the valid rows, a transaction per batch, with progress. A row is rejected
 * only for a real error; values no dictionary knows are kept and flagged.
 * The preview finds every conflict the commit would meet — within the file
 * and with stored records — and a row that still fails at commit is reported
 * on its row while the others are written.
 */
export class ImportService {
  private readonly kinds = new Map<string, ImportKind>();

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limits: ReadLimits = DEFAULT_LIMITS,
  ) {}

  /**
   * Marks imports whose process stopped mid-commit (no batch for ten minutes)
   * as failed; the batches they committed stay. Run at start.
   */
  async failInterrupted(): Promise<number> {
    return new ImportJobsRepository(this.database.db).failStale(
      10,
      '导入中断（服务重启），已提交的批次已保留，请重新导入剩余数据',
    );
  }

  /**
   * Uploaded files hold personal data and are kept only until their job is
   * committed or given up: previews not committed within a day expire, and
   * any file a finished job still holds is dropped. Run at start and hourly.
   */
  async sweep(): Promise<number> {
    const jobs = new ImportJobsRepository(this.database.db);
    return (await jobs.expirePreviews(PREVIEW_KEPT_HOURS)) + (await jobs.dropUnneededFiles());
  }

  register<T, O>(kind: ImportKind<T, O>): void {
    this.kinds.set(kind.kind, kind as ImportKind);
  }

  kind(name: string): ImportKind {
    const kind = this.kinds.get(name);
    if (!kind) throw ioError('IMPORT_KIND_UNKNOWN');
    return kind;
  }

  /**
   * Reads and checks a file and stores it as a job to commit later. Writes no records.
   * `options` are the job's parameters, for a kind that takes them (checked by its schema).
   */
  async preview(
    actor: Actor,
    kindName: string,
    fileName: string,
    data: Buffer,
    options: unknown = {},
  ): Promise<ImportJobView> {
    const kind = this.authorised(actor, kindName);
    const parsed = optionsOf(kind, options);
    const scanned = await scanFile(this.database, this.limits, kind, actor, parsed, fileName, data).catch(
      (err: unknown) => {
        throw withoutDetails(err, 'import preview');
      },
    );
    const job = await new ImportJobsRepository(this.database.db).insert(
      {
        kind: kind.kind,
        options: (parsed ?? {}) as Record<string, unknown>,
        fileName: fileName.slice(0, 200),
        createdBy: actor.userId,
        actorName: actor.displayName,
        scopeRegion: actor.regionCode,
        status: 'previewed',
        ...scanned.counts,
        ignoredHeaders: scanned.ignoredHeaders,
        report: scanned.report,
        createdAt: this.clock.now(),
      },
      data,
    );
    return view(job, scanned.reportTotal);
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.ownJob(actor, id);
    return view(job, Math.max(job.report.length, job.rejected + job.flagged));
  }

  /** Gives up a previewed job: nothing is written and the uploaded file is dropped at once. */
  async abandon(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.ownJob(actor, id);
    this.authorised(actor, job.kind);
    const jobs = new ImportJobsRepository(this.database.db);
    if (!(await jobs.abandon(id, this.clock.now()))) {
      const current = await jobs.byId(id);
      throw ioError('IMPORT_JOB_CLOSED', { params: { status: current?.status ?? '?' } });
    }
    return this.get(actor, id);
  }

  /**
   * Commits a previewed job: reads the stored file again and checks every row
   * again (code lists and stored records may have changed), and writes the
   * valid rows a batch per transaction. A row that fails at commit is
   * reported on its row; the job fails only when the database does.
   */
  async commit(actor: Actor, id: string, onProgress?: (p: ImportProgress) => void): Promise<ImportJobView> {
    const claimed = await this.claim(actor, id);
    await this.run(actor, claimed, onProgress).catch((err: unknown) => {
      throw withoutDetails(err, 'import commit');
    });
    return this.get(actor, id);
  }

  /**
   * Starts the commit and returns at once, the job already marked committing;
   * the web polls the job for progress. The outcome (or failure) is recorded
   * on the job; `log` is told only what failed (an error code or a
   * constraint's name), never a query or its values.
   */
  async commitInBackground(actor: Actor, id: string, log: (failure: string) => void): Promise<ImportJobView> {
    const claimed = await this.claim(actor, id);
    this.run(actor, claimed).catch((err: unknown) => log(failureOf(err)));
    return this.get(actor, id);
  }

  /** Moves a previewed job to committing; a second claim (double click, another process) is a conflict. */
  private async claim(
    actor: Actor,
    id: string,
  ): Promise<{ job: ImportJobRow; kind: ImportKind; file: Buffer }> {
    const job = await this.ownJob(actor, id);
    const kind = this.authorised(actor, job.kind);
    const jobs = new ImportJobsRepository(this.database.db);
    if (!(await jobs.transition(id, 'previewed', 'committing'))) {
      const current = await jobs.byId(id);
      throw ioError('IMPORT_JOB_STATE', { params: { status: current?.status ?? '?' } });
    }
    // A previewed job always holds its file; it is dropped only when the job leaves that state.
    const file = await jobs.file(id);
    if (!file) {
      await jobs.finish(id, 'failed', '上传的文件已不在，请重新上传', this.clock.now());
      throw ioError('IMPORT_JOB_STATE', { params: { status: 'failed' } });
    }
    return { job, kind, file };
  }

  private async run(
    actor: Actor,
    { job, kind, file }: { job: ImportJobRow; kind: ImportKind; file: Buffer },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<void> {
    const id = job.id;
    const jobs = new ImportJobsRepository(this.database.db);
    let created = 0;
    let updated = 0;
    let processed = 0;
    const failures: RowReport[] = [];
    try {
      onProgress?.({ processed: 0, total: job.valid });
      const options = optionsOf(kind, job.options);
      const scanned = await scanFile(
        this.database,
        this.limits,
        kind,
        actor,
        options,
        job.fileName,
        file,
        async (batch) => {
          const outcome = await commitRows(this.database, kind, actor, options, batch);
          created += outcome.created;
          updated += outcome.updated;
          failures.push(...outcome.failures);
          processed += batch.length;
          await jobs.progress(id, { processed, created, updated });
          onProgress?.({ processed, total: Math.max(job.valid, processed) });
        },
      );
      const result = withFailures(scanned, failures);
      await this.database.transaction(async (tx) => {
        await this.audit.record(tx, actor, {
          action: 'import.commit',
          entity: 'import_job',
          entityId: id,
          regionCode: actor.regionCode,
          changes: {
            kind: { to: job.kind },
            file: { to: job.fileName },
            created: { to: created },
            updated: { to: updated },
            rejected: { to: result.counts.rejected },
          },
        });
      });
      await jobs.finish(id, 'committed', null, this.clock.now(), result);
      if (processed >= ANALYZE_AFTER) await jobs.analyze(kind.tables ?? []);
    } catch (err) {
      await jobs.finish(id, 'failed', jobError(err), this.clock.now());
      throw err;
    }
  }

  private authorised(actor: Actor, kindName: string): ImportKind {
    const kind = this.kind(kindName);
    if (!actor.permissions.has(kind.permission)) throw httpError('FORBIDDEN');
    return kind;
  }

  private async ownJob(actor: Actor, id: string): Promise<ImportJobRow> {
    const job = await new ImportJobsRepository(this.database.db).byId(id);
    // A job is visible to its creator, and to others whose scope covers the creator's region.
    if (
      !job ||
      (job.createdBy !== actor.userId && !job.scopeRegion.startsWith(scopeOf(actor).regionPrefix))
    ) {
      throw ioError('IMPORT_JOB_NOT_FOUND');
    }
    return job;
  }
}

/** A job's parameters as its kind reads them (a ZodError is a validation failure); none for a kind without. */
function optionsOf(kind: ImportKind, options: unknown): unknown {
  return kind.options ? kind.options.parse(options) : undefined;
}

function view(job: ImportJobRow, reportTotal: number): ImportJobView {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    total: job.total,
    valid: job.valid,
    flagged: job.flagged,
    rejected: job.rejected,
    toCreate: job.toCreate,
    toUpdate: job.toUpdate,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    ignoredHeaders: job.ignoredHeaders,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    report: job.report,
    reportTotal,
  };
}
