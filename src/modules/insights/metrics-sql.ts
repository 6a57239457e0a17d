import { type SQL, sql } from 'drizzle-orm';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import { chinaDate } from '../../reference/china-time.ts';

/**
 * The pieces every records query (metrics.ts, metrics-standing.ts) is made
 * of: a region condition, a period over instants or over China dates, and a
 * China date as the instant its day starts. Periods are half-open [from, to)
 * instants at the start of China days.
 */
export interface PeriodBounds {
  regionPrefix: string;
  from: Date;
  to: Date;
}

/** Region condition on a six-digit column (a range, index-friendly); `true` for the whole country. */
export function region(column: SQL, prefix: string): SQL {
  return regionPrefixCondition(column, prefix) ?? sql`true`;
}

export const during = (column: SQL, f: PeriodBounds) =>
  sql`${column} >= ${f.from.toISOString()}::timestamptz and ${column} < ${f.to.toISOString()}::timestamptz`;

/** A China-date column within the period (its ends are starts of China days): index-friendly on the date. */
export const onDays = (column: SQL, f: PeriodBounds) =>
  sql`${column} >= ${chinaDate(f.from)}::date and ${column} < ${chinaDate(f.to)}::date`;

/** A China date as the instant its day starts, so records dated by a day sort and bucket with the rest. */
export const dayStart = (column: SQL) => sql`(${column}::timestamp at time zone 'Asia/Shanghai')`;

export const NO_TAGS = sql`'{}'::text[]`;
