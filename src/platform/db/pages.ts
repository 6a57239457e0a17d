import {
  type Column,
  getTableColumns,
  getTableName,
  type Placeholder,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * Every row of a query, a page at a time in key order (keyset pagination):
 * each page starts after the last key of the one before, so a late page
 * costs what the first did. `fetch` reads the rows after a key (null: from
 * the start), at most `pageSize` of them, ordered by that key.
 */
export async function* keysetPages<T>(
  fetch: (after: string | null) => Promise<T[]>,
  keyOf: (row: T) => string,
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/**
 * Every row of a query that has its own order (a list's chosen sort), a page
 * at a time by page number: for exports that keep the order the list shows.
 * `fetch` reads page `page` (from 1) of `pageSize` rows.
 */
export async function* numberedPages<T>(
  fetch: (page: number) => Promise<T[]>,
  pageSize: number,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const rows = await fetch(page);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

/**
 * A list page and its total from one statement. The page's query selects each
 * row as `row` beside `total`, the count as an uncorrelated subquery that
 * PostgreSQL runs once: one round trip instead of two, the page and its total
 * read from one snapshot. A page past the end has no row to carry the total:
 * then `recount` counts alone (on page 1 there is nothing to count).
 */
export async function pageWithTotal<R>(
  rows: readonly { row: R; total: number }[],
  page: number,
  recount: () => Promise<number>,
): Promise<{ items: R[]; total: number }> {
  if (rows.length > 0) return { items: rows.map((r) => r.row), total: rows[0]!.total };
  return { items: [], total: page > 1 ? await recount() : 0 };
}

/** Which rows a list page shows: its filter, its order, and where it starts. */
export interface PageCut {
  where: SQL | undefined;
  orderBy: (PgColumn | SQL)[];
  limit: number | Placeholder;
  offset: number | Placeholder;
}

/**
 * A list page: `fields` (its JSON row, its total, the parts beside it) over
 * the page's rows only, in the page's order. PostgreSQL evaluates a select
 * list below its sort: `select json_build_object(…) … order by … limit 20`
 * builds the object (and runs every subquery beside it) for each matching
 * row before it keeps twenty. So the page is cut first, in a subquery that
 * takes the table's own name, and `fields`, which name the table's columns,
 * are read from it.
 */
export function selectPage<F extends SelectedFields>(db: Executor, fields: F, table: PgTable, page: PageCut) {
  const cut = db
    .select()
    .from(table)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit)
    .offset(page.offset)
    .as(getTableName(table));
  return db
    .select(fields)
    .from(cut)
    .orderBy(...page.orderBy);
}

const preparedStatements = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared statement built once per database handle under a name (a list's
 * most common request: its first pages in the default order, with no filter
 * but the caller's scope): drizzle builds its SQL once, and PostgreSQL parses
 * and plans it once per connection instead of on every request.
 */
export function preparedOnce<T>(db: object, name: string, build: () => T): T {
  let byName = preparedStatements.get(db);
  if (!byName) {
    byName = new Map();
    preparedStatements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build();
    byName.set(name, statement);
  }
  return statement;
}

/**
 * Reads of plain lists (no filter but the caller's scope) kept in process for
 * at most `ttlMs`: a list's totals, so that a registry of 100,000 records does
 * not count up to the cap on every first page, and its opening pages. Its owner
 * forgets everything when a change to the lists commits in this process (the
 * ChangeFeed); a change made by another process (another server on the same
 * PostgreSQL, the CLI) shows within `ttlMs`. A read that was running when the
 * lists were forgotten is not kept (the epoch), so it cannot put back what it
 * read before the change. `ttlMs` 0 keeps nothing; beyond `max` entries the
 * oldest go first.
 */
export class KeptReads<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  /** Reads under way, by key: callers that come meanwhile wait for the same read. */
  private readonly running = new Map<string, Promise<V>>();
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The value kept under `key`, else the read of it under way, else a new
   * read by `load`, kept once it answers. One read per key at a time: when a
   * kept page expires under fifty callers, one reads it and the others wait
   * for that read, rather than all fifty reading at once.
   */
  through(key: string, load: () => Promise<V>): Promise<V> {
    const kept = this.get(key);
    if (kept !== undefined) return Promise.resolve(kept);
    const running = this.running.get(key);
    if (running) return running;
    const epoch = this.epoch;
    const read = load()
      .then((value) => {
        this.put(key, value, epoch);
        return value;
      })
      .finally(() => {
        if (this.running.get(key) === read) this.running.delete(key);
      });
    if (this.ttlMs > 0) this.running.set(key, read);
    return read;
  }

  /** The epoch to hand back to `put` once the read has answered. */
  begin(): number {
    return this.epoch;
  }

  put(key: string, value: V, epoch: number): void {
    if (this.ttlMs <= 0 || epoch !== this.epoch) return;
    const now = Date.now();
    // Entries are in the order they were put: drop the expired ones at the front, then any beyond the bound.
    for (const [k, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.entries.size < this.max) break;
      this.entries.delete(k);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
  }

  /** After a commit that changed records of the lists these reads are of. */
  forget(): void {
    this.epoch++;
    this.entries.clear();
    // A read under way began before the change: whoever comes next reads afresh.
    this.running.clear();
  }
}

/** The totals of plain lists (KeptReads). */
export type PlainTotals = KeptReads<number>;

/** Columns kept for search and filters, not for reading: the search text, lookup hashes, code tags. */
const NOT_SHOWN = /^(searchText|\w+Hash|\w+Tags)$/;

/** Column types whose JSON (json_build_object) is what drizzle reads from the driver, or a Date from it. */
const AS_JSON = new Set([
  'PgUUID',
  'PgText',
  'PgVarchar',
  'PgJsonb',
  'PgInteger',
  'PgSmallInt',
  'PgBigInt53',
  'PgBoolean',
  'PgDateString',
]);

/** A list page's record as one value of its select, and how to read it back as the table's row. */
export interface PageRow<R> {
  value: SQL<unknown>;
  read: (value: unknown) => R;
}

/** Per table, per list of columns ('' for the whole row). */
const pageRows = new WeakMap<Table, Map<string, PageRow<unknown>>>();

/**
 * A table's record as a list page reads it (#17): one JSON object that
 * PostgreSQL builds, parsed by the driver's JSON.parse, instead of forty
 * columns each decoded by the driver's parsers (on a page of twenty talents
 * that decoding was most of the request's CPU). It holds every column but
 * those kept for search and filters (NOT_SHOWN), under the row's own keys;
 * timestamps are made Dates again, and a column of a type JSON would carry
 * differently (numeric, timestamp arrays) is refused when the page is built.
 *
 * `only` names the columns a list shows, when it shows fewer than the record
 * has (a talent's list item leaves out the long texts and personal fields the
 * list does not show): the row then holds those columns alone, whatever its
 * type says; a name the table does not have is refused.
 */
export function pageRowOf<T extends Table>(table: T, only?: readonly string[]): PageRow<T['$inferSelect']> {
  let byColumns = pageRows.get(table);
  if (!byColumns) {
    byColumns = new Map();
    pageRows.set(table, byColumns);
  }
  const which = only?.join(',') ?? '';
  let row = byColumns.get(which);
  if (!row) {
    const all = getTableColumns(table);
    const columns = only
      ? only.map((key) => {
          if (!all[key]) throw new Error(`pageRowOf: the table has no column ${key}`);
          return [key, all[key]] as const;
        })
      : Object.entries(all).filter(([key]) => !NOT_SHOWN.test(key));
    const dates: string[] = [];
    for (const [key, column] of columns) {
      const type =
        column.columnType === 'PgArray'
          ? (column as unknown as { baseColumn: Column }).baseColumn.columnType
          : column.columnType;
      if (type === 'PgTimestamp' && column.columnType !== 'PgArray') dates.push(key);
      else if (!AS_JSON.has(type)) throw new Error(`pageRowOf: ${key} (${type}) needs its own reading`);
    }
    // json_build_object takes at most 100 arguments: larger rows are joined from parts.
    const parts: SQL[] = [];
    for (let i = 0; i < columns.length; i += 40) {
      const pairs = columns.slice(i, i + 40).map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`);
      parts.push(sql`json_build_object(${sql.join(pairs, sql`, `)})`);
    }
    const value =
      parts.length === 1
        ? parts[0]!
        : sql`(${sql.join(
            parts.map((p) => sql`${p}::jsonb`),
            sql` || `,
          )})`;
    row = {
      value,
      read: (raw) => {
        const r = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;
        for (const key of dates) if (r[key] !== null) r[key] = new Date(r[key] as string);
        return r;
      },
    };
    byColumns.set(which, row);
  }
  return row as PageRow<T['$inferSelect']>;
}
