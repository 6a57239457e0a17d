import { type SQL, sql } from 'drizzle-orm';
import { regionPrefixBounds } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/client.ts';
import type { OverviewSort, Subject } from './constants.ts';
import { teamOutcomes } from './outcomes-repository.ts';

export interface OverviewScope {
  regionPrefix: string;
  year: number;
  today: string;
  dueUntil: string;
}

interface Counts {
  planned: number;
  done: number;
  overdue: number;
  due: number;
}

export interface OwnerRow extends Counts {
  id: string;
  name: string;
  /** A team's region, county and industry; null for people. */
  region_code: string | null;
  county_code: string | null;
  industry_name: string | null;
  /** Whether a team has a plan for the year. */
  has_plan: boolean | null;
  /** A commissioner's enterprises served in the year. */
  enterprises: number | null;
  total: number;
}

export interface MonthRow extends Counts {
  key: string;
  subject: Subject;
  month: number;
}

/** The column that names an occurrence's owner in the office view: the team, the commissioner, the assignee. */
const KEY: Record<Subject, SQL> = {
  team: sql`o.team_id`,
  commission: sql`o.talent_id`,
  duty: sql`o.assignee_user_id`,
};

/** A code in the caller's region (SQL over `column`); true for the whole country. */
function inRegion(column: SQL, prefix: string): SQL {
  const bounds = regionPrefixBounds(prefix);
  return bounds ? sql`${column} between ${bounds[0]} and ${bounds[1]}` : sql`true`;
}

const TALLIES = (s: OverviewScope) => sql`count(*)::int as planned,
  count(*) filter (where o.record_kind is not null)::int as done,
  count(*) filter (where o.record_kind is null and o.due_on < ${s.today})::int as overdue,
  count(*) filter (where o.record_kind is null and o.due_on >= ${s.today} and o.due_on <= ${s.dueUntil})::int as due`;

function yearOf(s: OverviewScope): SQL {
  return sql`o.due_on between ${`${s.year}-01-01`} and ${`${s.year}-12-31`} and ${inRegion(sql`o.scope_region`, s.regionPrefix)}`;
}

/**
 * Who the office view lists for a subject: the region's active teams, the
 * commissioners with a term in the year (with the enterprises they served in
 * it), the assignees of duties running in the year.
 */
function owners(subject: Subject, s: OverviewScope, q: string | undefined): SQL {
  const from = `${s.year}-01-01`;
  const to = `${s.year}-12-31`;
  const named = (column: SQL) => (q ? sql`and strpos(${column}, ${q}) > 0` : sql``);
  if (subject === 'team')
    return sql`select t.id, t.name, t.region_code, t.county_code, t.industry_name,
        exists (select 1 from service_plans p where p.team_id = t.id and p.year = ${s.year}) as has_plan,
        null::int as enterprises
      from teams t
      where t.archived_at is null and ${inRegion(sql`t.region_code`, s.regionPrefix)} ${named(sql`t.name`)}`;
  if (subject === 'commission')
    return sql`select pr.talent_id as id, min(tl.name) as name, null as region_code, null as county_code,
        null as industry_name, null::boolean as has_plan, count(distinct pr.enterprise_id)::int as enterprises
      from commissioner_pairings pr join talents tl on tl.id = pr.talent_id
      where pr.status in ('confirmed', 'ended') and pr.term_start <= ${to} and pr.term_end >= ${from}
        and (pr.ended_at is null or (pr.ended_at at time zone 'Asia/Shanghai')::date >= ${from})
        and pr.confirmed_at is not null
        and ${inRegion(sql`pr.scope_region`, s.regionPrefix)} ${named(sql`tl.name`)}
      group by pr.talent_id`;
  return sql`select d.assignee_user_id as id, min(u.display_name) as name, null as region_code,
      null as county_code, null as industry_name, null::boolean as has_plan, null::int as enterprises
    from contact_duties d join users u on u.id = d.assignee_user_id
    where d.start_on <= ${to} and d.end_on >= ${from} and ${inRegion(sql`d.scope_region`, s.regionPrefix)}
      ${named(sql`u.display_name`)}
    group by d.assignee_user_id`;
}

const ORDER: Record<OverviewSort, SQL> = {
  // The furthest behind first; those with nothing owed yet last.
  fulfilment: sql`case when t.done + t.overdue = 0 then null else t.done::float / (t.done + t.overdue) end asc nulls last,
    t.overdue desc, w.name, w.id`,
  overdue: sql`t.overdue desc, t.due desc, w.name, w.id`,
  name: sql`w.name, w.id`,
};

/** The office view's queries: tallies per owner, per month, and the outcomes beside them. */
export class OverviewRepository {
  constructor(private readonly database: Database) {}

  /** Tallies per subject and month of the year: the region's totals. */
  months(s: OverviewScope): Promise<MonthRow[]> {
    return this.database.rows<MonthRow>(
      sql`select o.subject, '' as key, extract(month from o.due_on)::int as month, ${TALLIES(s)}
        from service_occurrences o where ${yearOf(s)} group by 1, 3`,
    );
  }

  /** How many owners each subject has in the year. */
  async ownerCounts(s: OverviewScope): Promise<Record<Subject, number>> {
    const [row] = await this.database.rows<Record<Subject, number>>(
      sql`select (select count(*) from (${owners('team', s, undefined)}) x)::int as team,
          (select count(*) from (${owners('commission', s, undefined)}) x)::int as commission,
          (select count(*) from (${owners('duty', s, undefined)}) x)::int as duty`,
    );
    return {
      team: Number(row?.team ?? 0),
      commission: Number(row?.commission ?? 0),
      duty: Number(row?.duty ?? 0),
    };
  }

  /**
   * One page of a subject's owners with their year's tallies, in the order
   * asked. Sorting by name tallies only the page's owners; the other orders
   * need every owner's tallies, one pass over the region's year.
   */
  page(
    subject: Subject,
    s: OverviewScope,
    q: { q?: string | undefined; sort: OverviewSort; page: number; pageSize: number },
  ): Promise<OwnerRow[]> {
    const ofYear = sql`from service_occurrences o where o.subject = ${subject} and ${yearOf(s)}`;
    const limit = sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`;
    if (q.sort === 'name')
      return this.database.rows<OwnerRow>(
        sql`with w as (select w.*, count(*) over ()::int as total from (${owners(subject, s, q.q)}) w
            order by ${ORDER.name} ${limit})
          select w.*, coalesce(t.planned, 0) as planned, coalesce(t.done, 0) as done,
            coalesce(t.overdue, 0) as overdue, coalesce(t.due, 0) as due
          from w left join lateral (select ${TALLIES(s)} ${ofYear} and ${KEY[subject]} = w.id) t on true
          order by ${ORDER.name}`,
      );
    return this.database.rows<OwnerRow>(
      sql`with t as (select ${KEY[subject]} as key, ${TALLIES(s)} ${ofYear} group by 1)
        select w.*, coalesce(t.planned, 0) as planned, coalesce(t.done, 0) as done,
          coalesce(t.overdue, 0) as overdue, coalesce(t.due, 0) as due, count(*) over ()::int as total
        from (${owners(subject, s, q.q)}) w left join t on t.key = w.id
        order by ${ORDER[q.sort]} ${limit}`,
    );
  }

  /** The owners' tallies per month (only months with occurrences). */
  ownerMonths(subject: Subject, s: OverviewScope, ids: readonly string[]): Promise<MonthRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.database.rows<MonthRow>(
      sql`select ${KEY[subject]} as key, ${subject} as subject, extract(month from o.due_on)::int as month,
          ${TALLIES(s)}
        from service_occurrences o
        where o.subject = ${subject} and ${KEY[subject]} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) and ${yearOf(s)}
        group by 1, 3`,
    );
  }

  /** Each team's outcomes that happened in the year (through its orders and its sessions' activities, once). */
  teamOutcomes(teamIds: readonly string[], year: number) {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.database.rows<{ key: string; count: number; amount: string | null }>(
      sql`select r.team_id as key, sum(r.count)::int as count, sum(r.amount_fen)::bigint as amount
        from (${teamOutcomes(teamIds)}) r
        where r.happened_on between ${`${year}-01-01`} and ${`${year}-12-31`}
        group by 1`,
    );
  }

  /** Each commissioner's demands refined at visits in the year, and how many of them the enterprise confirmed. */
  refined(talentIds: readonly string[], s: OverviewScope) {
    if (talentIds.length === 0) return Promise.resolve([]);
    return this.database.rows<{ key: string; total: number; confirmed: number }>(
      sql`select pr.talent_id as key, count(*)::int as total,
          count(*) filter (where li.status <> 'draft')::int as confirmed
        from refined_demands rd
        join commissioner_pairings pr on pr.id = rd.pairing_id
        join list_items li on li.id = rd.list_item_id
        where pr.talent_id in (${sql.join(
          talentIds.map((id) => sql`${id}`),
          sql`, `,
        )})
          and (rd.created_at at time zone 'Asia/Shanghai')::date between ${`${s.year}-01-01`} and ${`${s.year}-12-31`}
          and ${inRegion(sql`rd.scope_region`, s.regionPrefix)}
        group by 1`,
    );
  }
}
