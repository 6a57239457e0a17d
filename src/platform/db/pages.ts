import { getTableColumns, type Table } from 'drizzle-orm';

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

/** More distinct scopes than this in one bound and the oldest are dropped first. */
const MAX_TOTALS = 1_000;

/**
 * The totals of plain lists (no filter but the caller's scope), kept in
 * process for at most `ttlMs` so that a registry of 100,000 records does not
 * count up to the cap on every first page. Its owner forgets a kind when a
 * change to it commits in this process (the ChangeFeed); a change made by
 * another process (another server on the same PostgreSQL, the CLI) shows in
 * the total within `ttlMs`. A count that was running when its kind was
 * forgotten is not kept (the epoch), so it cannot put back what it read
 * before the change. `ttlMs` 0 keeps nothing.
 */
export class PlainTotals {
  private readonly entries = new Map<string, { total: number; at: number }>();
  private epoch = 0;

  constructor(private readonly ttlMs: number) {}

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.total;
  }

  /** The epoch to hand back to `put` once the count has answered. */
  begin(): number {
    return this.epoch;
  }

  put(key: string, total: number, epoch: number): void {
    if (this.ttlMs <= 0 || epoch !== this.epoch) return;
    const now = Date.now();
    // Entries are in the order they were put: drop the expired ones at the front, then any beyond the bound.
    for (const [k, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.entries.size < MAX_TOTALS) break;
      this.entries.delete(k);
    }
    this.entries.delete(key);
    this.entries.set(key, { total, at: now });
  }

  /** After a commit that changed records of the lists these totals count. */
  forget(): void {
    this.epoch++;
    this.entries.clear();
  }
}

/** Columns kept for search and filters, not for reading: the search text, lookup hashes, code tags. */
const NOT_SHOWN = /^(searchText|\w+Hash|\w+Tags)$/;
const shownColumns = new WeakMap<Table, Record<string, unknown>>();

/**
 * A table's columns as a list page reads them: all but those kept for search
 * and filters (NOT_SHOWN). A registry page read every column, and decoding a
 * record's search text and hashes was most of what parsing its rows cost
 * (#17). The rows are typed as whole rows; views read none of these.
 */
export function shownColumnsOf<T extends Table>(table: T): T['_']['columns'] {
  let columns = shownColumns.get(table);
  if (!columns) {
    columns = Object.fromEntries(
      Object.entries(getTableColumns(table)).filter(([key]) => !NOT_SHOWN.test(key)),
    );
    shownColumns.set(table, columns);
  }
  return columns as T['_']['columns'];
}
