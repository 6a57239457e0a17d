import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/client.ts';
import { cellsByKey, columnHeader, type HeaderMapping, identifierHeaders, mapHeaders } from './columns.ts';
import { ioError } from './errors.ts';
import type { ImportKind, PreparedRow, UniqueValue } from './import.ts';
import type { RowIssue, RowReport } from './schema.ts';
import { openTable, type ReadLimits, type SheetRow } from './table.ts';

/**
 * Reading and checking an import file, the same for preview and commit: each
 * row through the kind's checks, against the rows before it in the file and
 * against stored records.
 */

/** Rows per transaction when committing. */
const BATCH = 500;
/** Rows with issues kept in a job's report (the counts are always complete). */
export const REPORT_LIMIT = 5000;

export interface Counts {
  total: number;
  valid: number;
  flagged: number;
  rejected: number;
  toCreate: number;
  toUpdate: number;
}

export interface Scanned {
  /** Rows with issues, the first REPORT_LIMIT of them. */
  report: RowReport[];
  /** How many rows have issues. */
  reportTotal: number;
  counts: Counts;
  ignoredHeaders: string[];
}

/** A valid row on its way to the database. */
export interface ReadyRow<T> {
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
 * Reads a file a chunk of rows at a time and checks each row: the kind's
 * own checks, codes and unique values seen earlier in the file, codes of
 * records outside the importer's scope and unique values stored records
 * hold. With `write`, the valid rows are handed over in batches as they
 * are checked (commit); without, only counted and reported (preview).
 */
export async function scanFile<T, O>(
  database: Database,
  limits: ReadLimits,
  kind: ImportKind<T, O>,
  actor: Actor,
  options: O,
  fileName: string,
  data: Buffer,
  write?: (rows: ReadyRow<T>[]) => Promise<void>,
): Promise<Scanned> {
  const reader = await openTable(data, fileName, {
    limits,
    identifierHeaders: identifierHeaders(kind.columns),
  });
  try {
    const mapping = mapHeaders(reader.headers, kind.columns);
    if (mapping.missing.length > 0) {
      throw ioError('IMPORT_HEADERS_MISSING', {
        params: { headers: mapping.missing.map((c) => c.header).join('、') },
      });
    }
    const prepareRow = await kind.prepare(database.db, actor, options);
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
      const rows = chunk.map((line) => check(kind, prepareRow, mapping, line)).filter((row) => row !== null);
      if (kind.resolve) await resolveRows(database, kind, actor, options, rows);
      checkWithinFile(kind, rows, state);
      const existing = await checkStored(database, kind, actor, options, rows);
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

/**
 * One row through the kind's checks (null: a row the kind passes over). An identifier whose
 * digits the spreadsheet lost is refused with the reason, or, in a column that says what to
 * do without it (`whenDigitsLost`), left out and the row flagged.
 */
function check<T, O>(
  kind: ImportKind<T, O>,
  prepareRow: (cells: Record<string, string>) => PreparedRow<T> | null,
  mapping: HeaderMapping,
  line: SheetRow,
): Checked<T> | null {
  const cells = cellsByKey(line.cells, mapping);
  let lostKeys = (line.lostDigits ?? []).map((h) => mapping.keyOf.get(h)).filter((k) => k !== undefined);
  const leftOut = kind.columns.filter((c) => c.whenDigitsLost && lostKeys.includes(c.key));
  for (const column of leftOut) cells[column.key] = '';
  lostKeys = lostKeys.filter((key) => !leftOut.some((c) => c.key === key));
  const row = prepareRow(cells);
  if (!row) return null;
  for (const column of leftOut) row.flags.push({ column: column.header, message: column.whenDigitsLost! });
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

/** The kind's lookups for a chunk's rows that have data; their unique values read again afterwards. */
async function resolveRows<T, O>(
  database: Database,
  kind: ImportKind<T, O>,
  actor: Actor,
  options: O,
  rows: Checked<T>[],
): Promise<void> {
  const ready = rows.filter((c) => c.row.errors.length === 0 && c.row.data !== null);
  if (ready.length === 0) return;
  await kind.resolve!(
    database.db,
    actor,
    ready.map((c) => c.row),
    options,
  );
  for (const c of ready) c.values = c.row.data && kind.uniqueValues ? kind.uniqueValues(c.row.data) : [];
}

/** A code or a unique value seen on an earlier row of the file: the later row is refused. */
function checkWithinFile<T, O>(kind: ImportKind<T, O>, rows: Checked<T>[], state: FileState): void {
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
async function checkStored<T, O>(
  database: Database,
  kind: ImportKind<T, O>,
  actor: Actor,
  options: O,
  rows: Checked<T>[],
): Promise<Map<string, { inScope: boolean }>> {
  const db = database.db;
  const ok = (row: PreparedRow<T>) => row.errors.length === 0 && row.data !== null;
  const codes = rows.filter((c) => ok(c.row) && c.row.code).map((c) => c.row.code!);
  const existing = codes.length > 0 ? await kind.existing(db, actor, codes, options) : new Map();
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
      const holders = await kind.holders(db, actor, key, [...values], options);
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
