import { type AnyColumn, and, like, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * The next number after `prefix` in a table's code column (XQ-2026-, HD-20260320-):
 * one more than the largest `prefix` + digits there, else 1. It takes a lock
 * named by `prefix`, held to the end of the transaction, so two records numbered
 * at once get two numbers. `where` narrows the rows read (a list's kind).
 */
export async function nextNumber(
  db: Executor,
  table: PgTable,
  code: AnyColumn,
  prefix: string,
  where?: SQL,
): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`code:${prefix}`}))`);
  // Prefixes are letters, digits and hyphens: nothing a pattern or LIKE reads specially.
  const pattern = `^${prefix}(\\d{1,9})$`;
  const [row] = await db
    .select({ n: sql<number | null>`max(((regexp_match(${code}, ${pattern}))[1])::int)` })
    .from(table)
    .where(and(like(code, `${prefix}%`), where));
  return Number(row?.n ?? 0) + 1;
}
