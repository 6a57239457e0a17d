import { asc, desc } from 'drizzle-orm';
import type { ListQuery } from './contract.ts';
import type { stations } from './schema.ts';

/** A list query with no filter but the caller's scope, in any of its orders: what a list opens with. */
export function plainQuery(q: ListQuery): boolean {
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && key !== 'page' && key !== 'pageSize' && key !== 'sort' && key !== 'archived') {
      return false;
    }
  }
  return q.archived !== 'true';
}

/** A list's order over any registry table (their record columns are alike), the code last so that pages never overlap. */
export function orderOf(table: typeof stations, sort: ListQuery['sort']) {
  return sort === 'name'
    ? [asc(table.name), asc(table.code)]
    : sort === 'code'
      ? [asc(table.code)]
      : [desc(table.updatedAt), asc(table.code)];
}
