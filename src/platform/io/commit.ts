import type { Actor } from '../access/actor.ts';
import { type Database, pgErrorCode } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { constraintOf, failureOf, isRowFault } from './failures.ts';
import type { ImportKind } from './import.ts';
import type { ImportResult } from './repository.ts';
import { REPORT_LIMIT, type ReadyRow, type Scanned } from './scan.ts';
import type { RowIssue, RowReport } from './schema.ts';

/** Writing an import's valid rows, and what its job records when a row or the whole commit fails. */

/** What a report names when a row failed as a whole rather than in one cell. */
const WHOLE_ROW = '整行';

/**
 * Writes a batch in one transaction; when a row's fault stops it, writes
 * the rows one at a time so that only the failing rows are left out.
 */
export async function commitRows<T, O>(
  database: Database,
  kind: ImportKind<T, O>,
  actor: Actor,
  options: O,
  batch: ReadyRow<T>[],
): Promise<{ created: number; updated: number; failures: RowReport[] }> {
  const write = async (rows: ReadyRow<T>[]) => {
    const outcome = await database.transaction((tx) => kind.commitBatch(tx, actor, rows, options));
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

/** The preview's findings with the rows that failed at commit moved from valid to rejected. */
export function withFailures(scanned: Scanned, failures: RowReport[]): ImportResult {
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
function rowIssue<T, O>(kind: ImportKind<T, O>, err: unknown): RowIssue {
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
export function jobError(err: unknown): string {
  if (err instanceof AppError) return err.localizedMessage('zh-CN').slice(0, 500);
  return `导入失败（${failureOf(err)}），已提交的批次已保留，请稍后重新导入剩余数据`;
}
