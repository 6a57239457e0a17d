import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import type { Change } from '../changes.ts';
import type { Executor } from '../db/client.ts';
import type { Bilingual } from '../i18n/locale.ts';
import type { ColumnSpec } from './columns.ts';
import type { RowIssue } from './schema.ts';

/** One row after validation: the record input it makes, or why not. */
export interface PreparedRow<T> {
  code: string | null;
  data: T | null;
  /** Reasons the row cannot be imported (the row is rejected). */
  errors: RowIssue[];
  /** Values kept as written and flagged for an operator to fix (the row is imported). */
  flags: RowIssue[];
}

export interface ExistingRecord {
  id: string;
  /** Whether the importing actor may change it (it lies in their scope). */
  inScope: boolean;
}

/**
 * A value besides the code that must be unique (an ID number, a credit code):
 * `key` names what it is (e.g. the column it is stored in), `value` the value
 * as stored (a lookup hash for personal data), `column` the header to report.
 */
export interface UniqueValue {
  key: string;
  value: string;
  column: string;
}

/** The record holding a unique value: its code, and whether the importer may see it. */
export interface ValueHolder {
  code: string;
  inScope: boolean;
}

export interface CommitOutcome {
  created: number;
  updated: number;
  /** The records written (for derived state such as the matching index). */
  changed?: Change[];
}

/**
 * What a module provides to make one of its record kinds importable: the
 * columns, a row validator (dictionaries and lookups loaded once per run),
 * and a batch writer that upserts by code and writes audit rows.
 *
 * A kind whose rows go into one record of the module (the registrations of
 * an activity) declares `options`: the job's parameters, checked when the
 * file is uploaded, kept on the job and handed to every call of a run,
 * preview and commit alike.
 */
export interface ImportKind<T = unknown, O = unknown> {
  kind: string;
  label: Bilingual;
  /** Who may import this kind. */
  permission: Permission;
  columns: readonly ColumnSpec[];
  /** The job's parameters (the upload's query string); without it a job has none. */
  options?: z.ZodType<O>;
  /**
   * The row check of one run. It answers null for a row with nothing to
   * import (only cells of columns the kind ignores, such as 序号): that row is
   * passed over and not counted.
   */
  prepare(
    db: Executor,
    actor: Actor,
    options: O,
  ): Promise<(cells: Record<string, string>) => PreparedRow<T> | null>;
  /**
   * What rows name that only stored records can say (an outcome's parties by name or code),
   * looked up for a chunk of rows at once, at preview and commit alike: it may fill in a row's
   * data and add its flags and errors. Runs before codes and unique values are checked.
   */
  resolve?(db: Executor, actor: Actor, rows: PreparedRow<T>[], options: O): Promise<void>;
  existing(db: Executor, actor: Actor, codes: string[], options: O): Promise<Map<string, ExistingRecord>>;
  /** Unique values of a prepared row, checked within the file and against stored records at preview and commit. */
  uniqueValues?(data: T): UniqueValue[];
  /** Stored records holding these values of one key, by value. */
  holders?(
    db: Executor,
    actor: Actor,
    key: string,
    values: string[],
    options: O,
  ): Promise<Map<string, ValueHolder>>;
  /**
   * What a unique index's violation means for a row (the race between the
   * check and the write), by constraint name: the column and the reason.
   */
  constraints?: Readonly<Record<string, { column: string; message: string }>>;
  /**
   * Writes a batch of valid rows in the open transaction. A throw for one
   * row's fault (an AppError, a constraint or data error) makes the service
   * write the batch's rows one at a time and report the failing row on its own.
   */
  commitBatch(
    tx: Executor,
    actor: Actor,
    rows: { rowNumber: number; data: T }[],
    options: O,
  ): Promise<CommitOutcome>;
  /** Called after each batch's transaction has committed. */
  afterCommit?(outcome: CommitOutcome): void;
  /** Tables a large import changes; their planner statistics are refreshed afterwards. */
  tables?: readonly string[];
}

/** Progress of a running import, for the CLI and the web. */
export interface ImportProgress {
  processed: number;
  total: number;
}
