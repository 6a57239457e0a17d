import type { Actor } from '../access/actor.ts';
import { scopeOf } from '../access/scope.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import { type Database, pgErrorCode } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { httpError } from '../http/errors.ts';
import { cellsByKey, columnHeader, type HeaderMapping, identifierHeaders, mapHeaders } from './columns.ts';
import type { ImportJobView } from './contract.ts';
import { ioError } from './errors.ts';
import { constraintOf, failureOf, isRowFault, withoutDetails } from './failures.ts';
import type { ImportKind, ImportProgress, PreparedRow, UniqueValue } from './import.ts';
import { type ImportJobRow, ImportJobsRepository, type ImportResult } from './repository.ts';
import type { RowIssue, RowReport } from './schema.ts';
import { DEFAULT_LIMITS, openTable, type ReadLimits, type SheetRow } from './table.ts';

/** Rows per transaction when committing. */
const BATCH = 500;
/**
 * After a bulk load the planner's statistics are stale (PGlite has no
 * autovacuum at all), and list queries pick bad plans until they are refreshed.
 */
const ANALYZE_AFTER = 1000;
/** Rows with issues kept in a job's report (the counts are always complete). */
const REPORT_LIMIT = 5000;
/** A preview not committed within this many hours expires, and its file is dropped. */
export const PREVIEW_KEPT_HOURS = 24;
/** What a report names when a row failed as a whole rather than in one cell. */
const WHOLE_ROW = '整行';

interface Counts {
  total: number;
  valid: number;
  flagged: number;
  rejected: number;
  toCreate: number;
  toUpdate: number;
}

interface Scanned {
  /** Rows with issues, the first REPORT_LIMIT of them. */
  report: RowReport[];
  /** How many rows have issues. */
  reportTotal: number;
  counts: Counts;
  ignoredHeaders: string[];
}

/** A valid row on its way to the database. */
interface ReadyRow<T> {
  rowNumber: number;
  code: string | null;
  data: T;
  flags: RowIssue[];
}

/** A row as checked: what the kind made of it, and its unique values. */
interface Checked<T> {
  rowNumber: number;
  row: PreparedRow<T>;
  values: UniqueValue[];
}

/** What was seen earlier in the file: the first row of each code and of each unique value. */
interface FileState {
  codes: Map<string, number>;
  values: Map<string, number>;
}

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

  register<T>(kind: ImportKind<T>): void {
    this.kinds.set(kind.kind, kind as ImportKind);
  }

  kind(name: string): ImportKind {
    const kind = this.kinds.get(name);
    if (!kind) throw ioError('IMPORT_KIND_UNKNOWN');
    return kind;
  }

  /** Reads and checks a file and stores it as a job to commit later. Writes no records. */
  async preview(actor: Actor, kindName: string, fileName: string, data: Buffer): Promise<ImportJobView> {
    const kind = this.authorised(actor, kindName);
    const scanned = await this.scan(kind, actor, fileName, data).catch((err: unknown) => {
      throw withoutDetails(err, 'import preview');
    });
    const job = await new ImportJobsRepository(this.database.db).insert(
      {
        kind: kind.kind,
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
      const scanned = await this.scan(kind, actor, job.fileName, file, async (batch) => {
        const outcome = await this.commitRows(kind, actor, batch);
        created += outcome.created;
        updated += outcome.updated;
        failures.push(...outcome.failures);
        processed += batch.length;
        await jobs.progress(id, { processed, created, updated });
        onProgress?.({ processed, total: Math.max(job.valid, processed) });
      });
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

  /**
   * Writes a batch in one transaction; when a row's fault stops it, writes
   * the rows one at a time so that only the failing rows are left out.
   */
  private async commitRows<T>(
    kind: ImportKind<T>,
    actor: Actor,
    batch: ReadyRow<T>[],
  ): Promise<{ created: number; updated: number; failures: RowReport[] }> {
    const write = async (rows: ReadyRow<T>[]) => {
      const outcome = await this.database.transaction((tx) => kind.commitBatch(tx, actor, rows));
      kind.afterCommit?.(outcome);
      return outcome;
    };
    try {
      const outcome = await write(batch);
      return { created: outcome.created, updated: outcome.updated, failures: [] };
    } catch (err) {
      if (!isRowFault(err)) throw err;
    }
    let created = 0;
    let updated = 0;
    const failures: RowReport[] = [];
    for (const row of batch) {
      try {
        const outcome = await write([row]);
        created += outcome.created;
        updated += outcome.updated;
      } catch (err) {
        if (!isRowFault(err)) throw err;
        failures.push({
          rowNumber: row.rowNumber,
          code: row.code,
          status: 'rejected',
          errors: [rowIssue(kind, err)],
          flags: row.flags,
        });
      }
    }
    return { created, updated, failures };
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

  /**
   * Reads a file a chunk of rows at a time and checks each row: the kind's
   * own checks, codes and unique values seen earlier in the file, codes of
   * records outside the importer's scope and unique values stored records
   * hold. With `write`, the valid rows are handed over in batches as they
   * are checked (commit); without, only counted and reported (preview).
   */
  private async scan<T>(
    kind: ImportKind<T>,
    actor: Actor,
    fileName: string,
    data: Buffer,
    write?: (rows: ReadyRow<T>[]) => Promise<void>,
  ): Promise<Scanned> {
    const reader = await openTable(data, fileName, {
      limits: this.limits,
      identifierHeaders: identifierHeaders(kind.columns),
    });
    try {
      const mapping = mapHeaders(reader.headers, kind.columns);
      if (mapping.missing.length > 0) {
        throw ioError('IMPORT_HEADERS_MISSING', {
          params: { headers: mapping.missing.map((c) => c.header).join('、') },
        });
      }
      const prepareRow = await kind.prepare(this.database.db, actor);
      const state: FileState = { codes: new Map(), values: new Map() };
      const counts: Counts = { total: 0, valid: 0, flagged: 0, rejected: 0, toCreate: 0, toUpdate: 0 };
      const report: RowReport[] = [];
      let reportTotal = 0;
      const note = (entry: RowReport) => {
        reportTotal++;
        if (report.length < REPORT_LIMIT) report.push(entry);
      };
      let ready: ReadyRow<T>[] = [];
      for await (const chunk of reader.chunks()) {
        const rows = chunk.map((line) => this.check(kind, prepareRow, mapping, line));
        this.checkWithinFile(kind, rows, state);
        const existing = await this.checkStored(kind, actor, rows);
        for (const { rowNumber, row } of rows) {
          counts.total++;
          if (row.errors.length > 0 || !row.data) {
            counts.rejected++;
            note({ rowNumber, code: row.code, status: 'rejected', errors: row.errors, flags: row.flags });
            continue;
          }
          counts.valid++;
          if (row.code && existing.has(row.code)) counts.toUpdate++;
          else counts.toCreate++;
          if (row.flags.length > 0) {
            counts.flagged++;
            note({ rowNumber, code: row.code, status: 'flagged', errors: [], flags: row.flags });
          }
          if (write) ready.push({ rowNumber, code: row.code, data: row.data, flags: row.flags });
        }
        while (write && ready.length >= BATCH) await write(ready.splice(0, BATCH));
        // PGlite answers without ever returning to the event loop, and the worker's chunks can arrive
        // back to back: let waiting requests be answered between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (write && ready.length > 0) await write(ready);
      ready = [];
      return { report, reportTotal, counts, ignoredHeaders: mapping.ignored };
    } finally {
      await reader.close();
    }
  }

  /** One row through the kind's checks; an identifier whose digits the spreadsheet lost is refused with the reason. */
  private check<T>(
    kind: ImportKind<T>,
    prepareRow: (cells: Record<string, string>) => PreparedRow<T>,
    mapping: HeaderMapping,
    line: SheetRow,
  ): Checked<T> {
    const row = prepareRow(cellsByKey(line.cells, mapping));
    const lostKeys = (line.lostDigits ?? []).map((h) => mapping.keyOf.get(h)).filter((k) => k !== undefined);
    if (lostKeys.length > 0) {
      const columns = lostKeys.map((key) => columnHeader(kind.columns, key));
      // The kind's own verdict on those cells (a wrong check digit) would mislead: the digits are not what was typed.
      row.errors = [
        ...columns.map((column) => ({
          column,
          message: `${column}被 Excel 存成了数字，请将该列设为文本后重新填写（位数已丢失）`,
        })),
        ...row.errors.filter((e) => !columns.includes(e.column)),
      ];
      row.data = null;
      if (lostKeys.includes('code')) row.code = null;
    }
    const values = row.data && kind.uniqueValues ? kind.uniqueValues(row.data) : [];
    return { rowNumber: line.rowNumber, row, values };
  }

  /** A code or a unique value seen on an earlier row of the file: the later row is refused. */
  private checkWithinFile<T>(kind: ImportKind<T>, rows: Checked<T>[], state: FileState): void {
    const codeHeader = columnHeader(kind.columns, 'code');
    for (const { rowNumber, row, values } of rows) {
      if (row.code) {
        const first = state.codes.get(row.code);
        if (first !== undefined) {
          row.errors.push({ column: codeHeader, value: row.code, message: `编号与第${first}行重复` });
        } else state.codes.set(row.code, rowNumber);
      }
      if (row.errors.length > 0) continue;
      for (const unique of values) {
        const key = `${unique.key}\u0000${unique.value}`;
        const first = state.values.get(key);
        if (first !== undefined) {
          // The value itself is not repeated: it may be an ID number.
          row.errors.push({ column: unique.column, message: `${unique.column}与第${first}行重复` });
        } else state.values.set(key, rowNumber);
      }
    }
  }

  /**
   * Codes of records the importer may not change, and unique values held by
   * another record. A holder outside the importer's scope is not named: the
   * row says only that the value is registered.
   */
  private async checkStored<T>(
    kind: ImportKind<T>,
    actor: Actor,
    rows: Checked<T>[],
  ): Promise<Map<string, { inScope: boolean }>> {
    const db = this.database.db;
    const ok = (row: PreparedRow<T>) => row.errors.length === 0 && row.data !== null;
    const codes = rows.filter((c) => ok(c.row) && c.row.code).map((c) => c.row.code!);
    const existing = codes.length > 0 ? await kind.existing(db, actor, codes) : new Map();
    const codeHeader = columnHeader(kind.columns, 'code');
    for (const { row } of rows) {
      const found = row.code ? existing.get(row.code) : undefined;
      if (found && !found.inScope && ok(row)) {
        row.errors.push({
          column: codeHeader,
          value: row.code ?? '',
          message: '该编号已被其他地区的记录使用',
        });
      }
    }
    if (kind.holders) {
      const wanted = new Map<string, Set<string>>();
      for (const c of rows) {
        if (!ok(c.row)) continue;
        for (const unique of c.values) {
          const set = wanted.get(unique.key) ?? new Set<string>();
          set.add(unique.value);
          wanted.set(unique.key, set);
        }
      }
      for (const [key, values] of wanted) {
        const holders = await kind.holders(db, actor, key, [...values]);
        for (const c of rows) {
          if (!ok(c.row)) continue;
          for (const unique of c.values) {
            if (unique.key !== key) continue;
            const holder = holders.get(unique.value);
            if (!holder || holder.code === c.row.code) continue;
            c.row.errors.push({
              column: unique.column,
              message: holder.inScope
                ? `该${unique.column}已登记（编号 ${holder.code}）`
                : `该${unique.column}已登记`,
            });
          }
        }
      }
    }
    return existing;
  }
}

/** The preview's findings with the rows that failed at commit moved from valid to rejected. */
function withFailures(scanned: Scanned, failures: RowReport[]): ImportResult {
  const failed = new Set(failures.map((f) => f.rowNumber));
  const counts = {
    total: scanned.counts.total,
    valid: scanned.counts.valid - failures.length,
    rejected: scanned.counts.rejected + failures.length,
    flagged: scanned.counts.flagged - failures.filter((f) => f.flags.length > 0).length,
  };
  const report = [...scanned.report.filter((r) => !failed.has(r.rowNumber)), ...failures]
    .sort((a, b) => a.rowNumber - b.rowNumber)
    .slice(0, REPORT_LIMIT);
  return { counts, report };
}

/** Why a row failed at commit, in words for the report: never the query or its values. */
function rowIssue<T>(kind: ImportKind<T>, err: unknown): RowIssue {
  if (err instanceof AppError) return { column: WHOLE_ROW, message: err.localizedMessage('zh-CN') };
  const constraint = constraintOf(err);
  const known = constraint ? kind.constraints?.[constraint] : undefined;
  if (known) return known;
  const code = pgErrorCode(err) ?? '';
  return code.startsWith('23')
    ? { column: WHOLE_ROW, message: `写入时与已有数据冲突，未导入（${constraint ?? code}）` }
    : { column: WHOLE_ROW, message: `数据库不接受该行的数据，未导入（${code}）` };
}

/** A failed job's error as its owner reads it: the message of a known error, else what failed and what stays. */
function jobError(err: unknown): string {
  if (err instanceof AppError) return err.localizedMessage('zh-CN').slice(0, 500);
  return `导入失败（${failureOf(err)}），已提交的批次已保留，请稍后重新导入剩余数据`;
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
