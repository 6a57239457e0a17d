import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { milestones } from '../orders/repository.ts';
import type { CareOccasion, Subject } from '../standing/constants.ts';
import type { Dimension } from './metrics.ts';
import { SESSION_COLUMNS } from './metrics-standing.ts';

type Amount = string | number | null;

/** A records row as metrics.ts defines it, with the totals over every row of the query. */
export interface RecordRow {
  id: string;
  ref: string;
  title: string;
  at: string | Date;
  region: string;
  kind: string;
  weight: number;
  amount_fen: Amount;
  source: string;
  link: string | null;
}

/**
 * What a planned occurrence's row carries besides (metrics-standing.ts): whose it is (the team, or the
 * commissioner and enterprise, or the duty's assignee and party, as one line), its due day and record.
 */
export interface SessionColumns {
  subject: Subject;
  team_id: string | null;
  team_name: string;
  period: string;
  period_start: string;
  /** A care visit's occasion (5·30, Spring Festival, Mid-Autumn). */
  occasion: CareOccasion | null;
  due_on: string;
  record_kind: string | null;
  done_on: string | null;
  activity_id: string | null;
  record_title: string | null;
}

/**
 * The statistics' queries over records queries (metrics.ts): a figure is a
 * sum, a breakdown a grouping, a drill-down a page of the rows; and the order
 * funnel's counts.
 */
export class InsightsRepository {
  constructor(private readonly database: Database) {}

  /** What a records query adds up to: its weights and amounts. */
  async sum(records: SQL): Promise<{ value: number; amountFen: number }> {
    const [row] = await this.database.rows<{ value: number; amount: Amount }>(
      sql`select coalesce(sum(r.weight), 0)::int as value, sum(r.amount_fen)::bigint as amount
          from (${records}) r`,
    );
    return { value: Number(row?.value ?? 0), amountFen: Number(row?.amount ?? 0) };
  }

  /** A records query grouped by month, region, kind or industry section (a record in two sections counts in both). */
  async groups(records: SQL, dimension: Dimension) {
    let query: SQL;
    if (dimension === 'industry') {
      // Industry sections (GB/T 4754 letters); none: '-'.
      query = sql`select coalesce(s.section, '-') as key, sum(r.weight)::int as value, sum(r.amount_fen)::bigint as amount
        from (${records}) r
        left join lateral (select t as section from unnest(r.industry) t where length(t) = 1) s on true
        group by 1 order by value desc, key`;
    } else {
      const expr =
        dimension === 'month'
          ? sql`to_char(r.at at time zone 'Asia/Shanghai', 'YYYY-MM')`
          : dimension === 'region'
            ? sql`r.region`
            : sql`r.kind`;
      query = sql`select ${expr} as key, sum(r.weight)::int as value, sum(r.amount_fen)::bigint as amount
        from (${records}) r group by 1 order by ${dimension === 'month' ? sql`1` : sql`value desc, 1`}`;
    }
    const rows = await this.database.rows<{ key: string | null; value: number; amount: Amount }>(query);
    return rows.map((r) => ({ key: r.key ?? '-', value: Number(r.value), amountFen: Number(r.amount ?? 0) }));
  }

  /**
   * One page of a records query by time (`order`), and the totals over all its rows (window sums, one pass);
   * `sessions` for rows of planned sessions, which carry their SessionColumns too.
   */
  async page(records: SQL, q: { page: number; pageSize: number }, order: 'asc' | 'desc', sessions = false) {
    type Row = RecordRow &
      Partial<SessionColumns> & { total_rows: number; total_value: number; total_amount: Amount };
    const rows = await this.database.rows<Row>(
      sql`select b.id, b.ref, b.title, b.at, b.region, b.kind, b.weight, b.amount_fen, b.source, b.link,
            ${sessions ? sql`${SESSION_COLUMNS},` : sql``}
            count(*) over ()::int as total_rows, sum(b.weight) over ()::int as total_value,
            sum(b.amount_fen) over ()::bigint as total_amount
          from (${records}) b order by b.at ${sql.raw(order)}, b.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    );
    let total: { n: number; value: number; amount: Amount } | undefined = rows[0]
      ? { n: rows[0].total_rows, value: rows[0].total_value, amount: rows[0].total_amount }
      : undefined;
    if (!total && q.page > 1) {
      // Past the last page: the totals alone.
      [total] = await this.database.rows<{ n: number; value: number; amount: Amount }>(
        sql`select count(*)::int as n, coalesce(sum(b.weight), 0)::int as value, sum(b.amount_fen)::bigint as amount
            from (${records}) b`,
      );
    }
    return {
      rows: rows as (RecordRow & Partial<SessionColumns>)[],
      total: Number(total?.n ?? 0),
      value: Number(total?.value ?? 0),
      amountFen: Number(total?.amount ?? 0),
    };
  }

  /** The funnel of the orders `placed` selects (see orders' milestones), and how many orders `late` selects. */
  async funnel(placed: SQL, late: SQL) {
    const [counts] = await this.database.rows<Record<string, number>>(milestones(placed));
    const [overdue] = await this.database.rows<{ n: number }>(
      sql`select count(*)::int as n from service_orders where ${late}`,
    );
    return { counts: counts ?? {}, overdue: Number(overdue?.n ?? 0) };
  }
}
