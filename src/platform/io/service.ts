import type { Actor } from '../access/actor.ts';
import { scopeOf } from '../access/scope.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { httpError } from '../http/errors.ts';
import { cellsByKey, columnHeader, mapHeaders } from './columns.ts';
import type { ImportJobView } from './contract.ts';
import { ioError } from './errors.ts';
import type { ImportKind, ImportProgress, PreparedRow } from './import.ts';
import { type ImportJobRow, ImportJobsRepository } from './repository.ts';
import type { RowReport } from './schema.ts';
import { DEFAULT_LIMITS, type ReadLimits, readTable } from './table.ts';

/** Rows per transaction when committing. */
const BATCH = 500;
/**
 * After a bulk load the planner's statistics are stale (PGlite has no
 * autovacuum at all), and list queries pick bad plans until they are refreshed.
 */
const ANALYZE_AFTER = 1000;
/** Rows with issues kept in a job's report (the counts are always complete). */
const REPORT_LIMIT = 5000;

interface Validated<T> {
  rows: { rowNumber: number; data: T }[];
  report: RowReport[];
  counts: {
    total: number;
    valid: number;
    flagged: number;
    rejected: number;
    toCreate: number;
    toUpdate: number;
  };
  ignoredHeaders: string[];
}

/**
 * Spreadsheet imports for every module: read → map headers → validate each
 * row (preview, nothing written) → commit the valid rows, a transaction per
 * batch, with progress. A row is rejected only for a real error; values no
 * dictionary knows are kept and flagged.
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

  /** Uploaded files are kept for a week after their import finished; then only the report stays. Run at start. */
  dropOldFiles(): Promise<number> {
    return new ImportJobsRepository(this.database.db).dropOldFiles(7);
  }

  register<T>(kind: ImportKind<T>): void {
    this.kinds.set(kind.kind, kind as ImportKind);
  }

  kind(name: string): ImportKind {
    const kind = this.kinds.get(name);
    if (!kind) throw ioError('IMPORT_KIND_UNKNOWN');
    return kind;
  }

  /** Reads and validates a file and stores it as a job to commit later. Writes no records. */
  async preview(actor: Actor, kindName: string, fileName: string, data: Buffer): Promise<ImportJobView> {
    const kind = this.authorised(actor, kindName);
    const validated = await this.validate(kind, actor, fileName, data);
    const job = await new ImportJobsRepository(this.database.db).insert({
      kind: kind.kind,
      fileName: fileName.slice(0, 200),
      fileData: data,
      createdBy: actor.userId,
      actorName: actor.displayName,
      scopeRegion: actor.regionCode,
      status: 'previewed',
      ...validated.counts,
      ignoredHeaders: validated.ignoredHeaders,
      report: validated.report.slice(0, REPORT_LIMIT),
      createdAt: this.clock.now(),
    });
    return view(job, validated.report.length);
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.ownJob(actor, id);
    return view(job, Math.max(job.report.length, job.rejected + job.flagged));
  }

  /**
   * Commits a previewed job: validates the stored file again (dictionaries may
   * have changed) and writes valid rows a batch per transaction. A failed batch
   * stops the job; batches before it stay committed, none is half-written.
   */
  async commit(actor: Actor, id: string, onProgress?: (p: ImportProgress) => void): Promise<ImportJobView> {
    const claimed = await this.claim(actor, id);
    await this.run(actor, claimed, onProgress);
    return this.get(actor, id);
  }

  /**
   * Starts the commit and returns at once, the job already marked committing;
   * the web polls the job for progress. The outcome (or failure) is recorded on the job.
   */
  async commitInBackground(actor: Actor, id: string, log: (err: unknown) => void): Promise<ImportJobView> {
    const claimed = await this.claim(actor, id);
    this.run(actor, claimed).catch(log);
    return this.get(actor, id);
  }

  /** Moves a previewed job to committing; a second claim (double click, another process) is a conflict. */
  private async claim(actor: Actor, id: string): Promise<{ job: ImportJobRow; kind: ImportKind }> {
    const job = await this.ownJob(actor, id);
    const kind = this.authorised(actor, job.kind);
    const jobs = new ImportJobsRepository(this.database.db);
    if (!(await jobs.transition(id, 'previewed', 'committing'))) {
      const current = await jobs.byId(id);
      throw ioError('IMPORT_JOB_STATE', { params: { status: current?.status ?? '?' } });
    }
    return { job, kind };
  }

  private async run(
    actor: Actor,
    { job, kind }: { job: ImportJobRow; kind: ImportKind },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<void> {
    const id = job.id;
    const jobs = new ImportJobsRepository(this.database.db);
    let created = 0;
    let updated = 0;
    let processed = 0;
    try {
      const validated = await this.validate(kind, actor, job.fileName, job.fileData);
      const total = validated.rows.length;
      onProgress?.({ processed: 0, total });
      for (let i = 0; i < total; i += BATCH) {
        const batch = validated.rows.slice(i, i + BATCH);
        const outcome = await this.database.transaction((tx) => kind.commitBatch(tx, actor, batch));
        kind.afterCommit?.(outcome);
        created += outcome.created;
        updated += outcome.updated;
        processed += batch.length;
        await jobs.progress(id, { processed, created, updated });
        onProgress?.({ processed, total });
      }
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
          },
        });
      });
      await jobs.finish(id, 'committed', null, this.clock.now());
      if (processed >= ANALYZE_AFTER)
        await new ImportJobsRepository(this.database.db).analyze(kind.tables ?? []);
    } catch (err) {
      await jobs.finish(
        id,
        'failed',
        err instanceof Error ? err.message.slice(0, 500) : String(err),
        this.clock.now(),
      );
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

  private async validate<T>(
    kind: ImportKind<T>,
    actor: Actor,
    fileName: string,
    data: Buffer,
  ): Promise<Validated<T>> {
    const table = await readTable(data, fileName, this.limits);
    const mapping = mapHeaders(table.headers, kind.columns);
    if (mapping.missing.length > 0) {
      throw ioError('IMPORT_HEADERS_MISSING', {
        params: { headers: mapping.missing.map((c) => c.header).join('、') },
      });
    }
    const prepareRow = await kind.prepare(this.database.db, actor);
    const prepared: { rowNumber: number; row: PreparedRow<T> }[] = [];
    const firstRowOfCode = new Map<string, number>();
    const codeHeader = columnHeader(kind.columns, 'code');
    for (const { rowNumber, cells } of table.rows) {
      const row = prepareRow(cellsByKey(cells, mapping));
      if (row.code) {
        const first = firstRowOfCode.get(row.code);
        if (first !== undefined) {
          row.errors.push({ column: codeHeader, value: row.code, message: `编号与第${first}行重复` });
        } else firstRowOfCode.set(row.code, rowNumber);
      }
      prepared.push({ rowNumber, row });
    }
    const codes = prepared.filter((p) => p.row.errors.length === 0 && p.row.code).map((p) => p.row.code!);
    const existing = new Map<string, { inScope: boolean }>();
    for (let i = 0; i < codes.length; i += 1000) {
      for (const [code, record] of await kind.existing(this.database.db, actor, codes.slice(i, i + 1000))) {
        existing.set(code, record);
      }
    }
    const rows: Validated<T>['rows'] = [];
    const report: RowReport[] = [];
    const counts = { total: prepared.length, valid: 0, flagged: 0, rejected: 0, toCreate: 0, toUpdate: 0 };
    for (const { rowNumber, row } of prepared) {
      const found = row.code ? existing.get(row.code) : undefined;
      if (found && !found.inScope) {
        row.errors.push({
          column: codeHeader,
          value: row.code ?? '',
          message: '该编号已被其他地区的记录使用',
        });
      }
      if (row.errors.length > 0 || !row.data) {
        counts.rejected++;
        report.push({ rowNumber, code: row.code, status: 'rejected', errors: row.errors, flags: row.flags });
        continue;
      }
      counts.valid++;
      if (found) counts.toUpdate++;
      else counts.toCreate++;
      if (row.flags.length > 0) {
        counts.flagged++;
        report.push({ rowNumber, code: row.code, status: 'flagged', errors: [], flags: row.flags });
      }
      rows.push({ rowNumber, data: row.data });
    }
    return { rows, report, counts, ignoredHeaders: mapping.ignored };
  }
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
