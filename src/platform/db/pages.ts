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
