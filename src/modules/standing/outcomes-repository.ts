import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { SessionKind } from './constants.ts';
import type { OutcomeSource } from './contract-outcomes.ts';

/**
 * Every outcome reached through a team, once: those of the orders dispatched
 * to it, counted when the enterprise confirmed (closed) the order as the
 * statistics count them, and those recorded at the activities that were the
 * records of its sessions. An activity's outcome that names one of those
 * orders which recorded the same outcome itself (an agreement, a talent
 * brought in) is the order's, as in insights (metrics.ts): listed once, from
 * the order.
 */
export function teamOutcomes(teamIds: readonly string[]): SQL {
  const teams = sql.join(
    teamIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`select x.id, 'order' as source, x.kind, 1 as count, x.amount_fen, x.note,
      x.happened_on::text as happened_on, x.created_at, o.id as from_id, o.code as from_code,
      o.title as from_title, '/orders/' || o.id::text as link,
      null::uuid as session_id, null::text as session_kind, null::text as due_on, o.team_id
    from service_orders o
    join order_outcomes x on x.order_id = o.id
    where o.team_id in (${teams}) and o.status = 'closed' and x.kind <> 'none'
  union all
  select ao.id, 'activity', ao.kind, ao.count, ao.amount_fen, ao.note, ao.happened_on::text, ao.created_at,
      a.id, a.code, a.title, '/activities/' || a.id::text, s.id, s.kind, s.due_on::text, s.team_id
    from service_occurrences s
    join activities a on a.id = s.activity_id
    join activity_outcomes ao on ao.activity_id = a.id
    where s.team_id in (${teams}) and s.subject = 'team' and s.activity_id is not null
      and not exists (
        select 1 from service_orders o2 join order_outcomes x2 on x2.order_id = o2.id
        where o2.id = ao.order_id and o2.team_id = s.team_id and o2.status = 'closed'
          and x2.kind = case ao.kind when 'agreement' then 'agreement' when 'hired' then 'talent' end
      )`;
}

/** One kind of outcome whichever channel it came through: an activity's 录用 is an order's 引进人才. */
const SAME_KIND = sql`case when r.source = 'activity' and r.kind = 'hired' then 'talent' else r.kind end`;

export type OutcomeRow = {
  id: string;
  source: OutcomeSource;
  kind: string;
  count: number;
  amount_fen: string | number | null;
  note: string | null;
  happened_on: string;
  from_id: string;
  from_code: string;
  from_title: string;
  link: string;
  session_id: string | null;
  session_kind: SessionKind | null;
  due_on: string | null;
  total: number;
};

/** A team's outcomes: a page newest first, the totals by kind, and how many in all. */
export class OutcomesRepository {
  constructor(private readonly database: Database) {}

  page(teamId: string, page: number, pageSize: number): Promise<OutcomeRow[]> {
    return this.database.rows<OutcomeRow>(
      sql`select r.*, count(*) over ()::int as total from (${teamOutcomes([teamId])}) r
        order by r.happened_on desc, r.created_at desc, r.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
  }

  byKind(teamId: string) {
    return this.database.rows<{ kind: string; source: OutcomeSource; count: number; amount: string | null }>(
      sql`select ${SAME_KIND} as kind, min(r.source) as source, sum(r.count)::int as count,
          sum(r.amount_fen)::bigint as amount
        from (${teamOutcomes([teamId])}) r group by 1 order by 3 desc, 1`,
    );
  }

  /** How many outcomes in all (a page past the end). */
  async count(teamId: string): Promise<number> {
    const [row] = await this.database.rows<{ n: number }>(
      sql`select count(*)::int as n from (${teamOutcomes([teamId])}) r`,
    );
    return Number(row?.n ?? 0);
  }
}
