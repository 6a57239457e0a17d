import { type SQL, sql } from 'drizzle-orm';
import { FUNNEL_STAGES, type FunnelStage, overdueAt } from '../orders/repository.ts';
import type { Dimension, MetricKey } from './constants.ts';
import { dayStart, during, NO_TAGS, onDays, region } from './metrics-sql.ts';
import { STANDING_METRICS } from './metrics-standing.ts';

export { DIMENSIONS, type Dimension, METRIC_KEYS, type MetricKey } from './constants.ts';

/**
 * The figures a talent office reports, each a named, documented query over
 * records. A metric is defined by its records query: one row per record it
 * counts, with what the row adds (`weight`: 1, or the number of people a
 * training outcome reports; `amount_fen` for money) and the dimensions a
 * figure can be broken down by (month, region, industry sections, kind), and
 * the page that shows it (`link`). The
 * figure is the sum over exactly those rows, and the drill-down lists exactly
 * those rows, so a figure can always be traced to its records.
 *
 * Figures count by when things happened, not when they were typed in: an
 * outcome by the China date it happened (happened_on), a list item by when it
 * was published, an activity, its attendance and those who came by when the
 * activity started; the month a record falls in (trend charts, drill-down) is
 * that same date. Periods are half-open [from, to) instants at the start of
 * China days; regions are GB/T 2260 prefixes over the maintaining office's
 * region (scope_region).
 */
export interface MetricFilter {
  /** '' for the whole country, '33' a province, '3305' a city, '330502' a county. */
  regionPrefix: string;
  from: Date;
  to: Date;
  /** Activities count once they have started (a planned one is not yet held). */
  now: Date;
}

export type MetricUnit = '场次' | '人次' | '人' | '项' | '家' | '个' | '次';

export interface MetricDef {
  key: MetricKey;
  name: { zh: string; en: string };
  unit: MetricUnit;
  /** What is counted, for the dashboard's help and the report's notes. */
  description: string;
  /** Whether rows carry an amount (agreements, transfers). */
  money?: boolean;
  /** Dimensions the records carry besides month and region. */
  dimensions: readonly ('industry' | 'kind')[];
  /** Rows are planned sessions and carry their team, due day and record (metrics-standing.ts SESSION_COLUMNS). */
  sessions?: boolean;
  records(f: MetricFilter): SQL;
}

export { region } from './metrics-sql.ts';

/** Activities held in the period: published, closed or finished, started within it and not in the future. */
function heldActivities(f: MetricFilter): SQL {
  return sql`a.status in ('published', 'closed', 'finished')
    and ${during(sql`a.starts_at`, f)}
    and a.starts_at <= ${f.now.toISOString()}::timestamptz
    and ${region(sql`a.scope_region`, f.regionPrefix)}`;
}

/** Orders closed (confirmed by the enterprise) in the period, with when and between whom. */
function closedOrders(f: MetricFilter): SQL {
  return sql`select o.id, o.code, o.title, o.scope_region, o.demand_id, o.closed_at, o.enterprise_id, o.institution_id
    from service_orders o
    where o.status = 'closed' and ${during(sql`o.closed_at`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}`;
}

/**
 * Outcomes of a kind of orders since closed (confirmed by the enterprise),
 * dated the day they happened (one row per outcome).
 */
function orderOutcomeRows(kind: string, f: MetricFilter): SQL {
  return sql`select x.id, x.amount_fen, ${dayStart(sql`x.happened_on`)} as at, o.id as order_id, o.code, o.title,
      o.scope_region, o.demand_id, o.enterprise_id, o.institution_id
    from order_outcomes x join service_orders o on o.id = x.order_id
    where x.kind = ${kind} and ${onDays(sql`x.happened_on`, f)} and o.status = 'closed'
      and ${region(sql`o.scope_region`, f.regionPrefix)}`;
}

function orderOutcomes(kind: string, f: MetricFilter): SQL {
  return sql`select x.id::text as id, x.code as ref, x.title as title, x.at as at, x.scope_region as region,
      'order' as kind, 1 as weight, x.amount_fen as amount_fen, coalesce(d.industry_tags, ${NO_TAGS}) as industry,
      'order' as source, '/orders/' || x.order_id::text as link
    from (${orderOutcomeRows(kind, f)}) x
    left join list_items d on d.id = x.demand_id`;
}

/**
 * Outcomes recorded at activities (weight = the number they report). When
 * the outcome names a service order that recorded the same kind of outcome
 * itself, the order's record counts and this one does not: one agreement,
 * whichever channels it was reported through.
 */
function activityOutcomes(kind: string, f: MetricFilter, sameAsOrder?: string): SQL {
  const dedupe = sameAsOrder
    ? sql`and not exists (select 1 from order_outcomes x2 where x2.order_id = ao.order_id and x2.kind = ${sameAsOrder})`
    : sql``;
  return sql`select ao.id::text as id, a.code as ref, a.title || coalesce('：' || ao.note, '') as title,
      ${dayStart(sql`ao.happened_on`)} as at, a.scope_region as region, a.kind as kind, ao.count as weight,
      ao.amount_fen as amount_fen,
      coalesce(d.industry_tags, ${NO_TAGS}) as industry, 'activity' as source, '/activities/' || a.id::text as link
    from activity_outcomes ao
    join activities a on a.id = ao.activity_id
    left join list_items d on d.id = ao.list_item_id
    where ao.kind = ${kind} and ${onDays(sql`ao.happened_on`, f)} and ${region(sql`a.scope_region`, f.regionPrefix)}
      ${dedupe}`;
}

/** An order or activity recorded the same agreement itself (the activity's record names the order). */
const orderAgreed = sql`exists (select 1 from order_outcomes x2 where x2.order_id = ao.order_id and x2.kind = 'agreement')`;

/**
 * The institutions and enterprises of the agreements agreements_signed counts
 * (one row per party and agreement: institution_id or enterprise_id, at,
 * region): a closed order's enterprise and the institution it was dispatched
 * to; the parties an activity's record names. An activity's record of an
 * agreement its order recorded too names its parties for the order's record
 * (dated when the order's agreement happened), as the agreement counts there.
 */
function agreementParties(f: MetricFilter): SQL {
  return sql`select x.institution_id, x.enterprise_id, x.at, x.scope_region as region
      from (${orderOutcomeRows('agreement', f)}) x
    union all
    select p.institution_id, p.enterprise_id, x.at, x.scope_region
      from activity_outcomes ao
      join activity_outcome_parties p on p.outcome_id = ao.id
      join (${orderOutcomeRows('agreement', f)}) x on x.order_id = ao.order_id
      where ao.kind = 'agreement'
    union all
    select p.institution_id, p.enterprise_id, ${dayStart(sql`ao.happened_on`)}, a.scope_region
      from activity_outcomes ao
      join activities a on a.id = ao.activity_id
      join activity_outcome_parties p on p.outcome_id = ao.id
      where ao.kind = 'agreement' and ${onDays(sql`ao.happened_on`, f)} and ${region(sql`a.scope_region`, f.regionPrefix)}
        and not ${orderAgreed}`;
}

/** Registry records of `table` behind rows of `source` (its `column`, at, region), once each: the earliest row dates it. */
function distinctRecords(
  source: SQL,
  column: 'institution_id' | 'enterprise_id',
  table: 'institutions' | 'enterprises',
  kind: 'institution' | 'enterprise',
): SQL {
  return sql`select r.id::text as id, r.code as ref, r.name as title, min(x.at) as at, min(x.region) as region,
      ${sql.raw(`'${kind}'`)} as kind, 1 as weight, null::bigint as amount_fen, ${NO_TAGS} as industry,
      'registry' as source, ${sql.raw(`'/registry/${table}/'`)} || r.id::text as link
    from (${source}) x join ${sql.raw(table)} r on r.id = x.${sql.raw(column)}
    group by r.id, r.code, r.name`;
}

function listItems(kind: string, f: MetricFilter): SQL {
  return sql`select i.id::text as id, i.code as ref, i.title as title, i.published_at as at, i.scope_region as region,
      i.kind as kind, 1 as weight, i.amount_fen as amount_fen, i.industry_tags as industry, 'list' as source,
      '/lists/' || i.kind || '/' || i.id::text as link
    from list_items i
    where i.kind = ${kind} and i.published_at is not null and ${during(sql`i.published_at`, f)}
      and ${region(sql`i.scope_region`, f.regionPrefix)}`;
}

export const METRICS = {
  activities_held: {
    name: { zh: '举办活动', en: 'Activities held' },
    unit: '场次',
    description:
      '按活动开始日期计入期内、已经开始的活动（不含筹备中、已取消）：对接会、论坛沙龙、考察、招聘会、研学、培训、关爱活动。',
    dimensions: ['kind'],
    records: (f) => sql`select a.id::text as id, a.code as ref, a.title as title, a.starts_at as at,
        a.scope_region as region, a.kind as kind, 1 as weight, null::bigint as amount_fen, ${NO_TAGS} as industry,
        'activity' as source, '/activities/' || a.id::text as link
      from activities a where ${heldActivities(f)}`,
  },
  activity_attendance: {
    name: { zh: '活动参与', en: 'Attendance' },
    unit: '人次',
    description:
      '期内举办的活动中签到的人次（每个报名签到一次计一人次，按活动开始日期计），加上培训班、研学等活动登记的培训人次（见“培训人才”）；登记了培训人次的活动，其学员签到不再另计，嘉宾、接待方等签到照计。培训人才因此总是活动参与的一部分。',
    dimensions: ['kind'],
    // Trainees are attendance: the rows of people_trained are rows here too, so 培训人才 ≤ 活动参与 on any data.
    // An activity that reports its trainees as a number counts them by that number, not by its students'
    // check-ins as well (the same people); its other check-ins (speakers, hosts) count as at any activity.
    records: (f) => sql`select r.id::text as id, a.code as ref, r.name || '（' || a.title || '）' as title,
        a.starts_at as at, a.scope_region as region, a.kind as kind, 1 as weight, null::bigint as amount_fen,
        ${NO_TAGS} as industry, 'activity' as source, '/activities/' || a.id::text as link
      from activity_registrations r join activities a on a.id = r.activity_id
      where r.status = 'confirmed' and r.checked_in_at is not null and ${heldActivities(f)}
        and not (r.role = 'student' and exists (
          select 1 from activity_outcomes t where t.activity_id = a.id and t.kind = 'trained'))
      union all ${activityOutcomes('trained', f)}`,
  },
  experts_involved: {
    name: { zh: '参与专家', en: 'Experts involved' },
    unit: '人',
    description:
      '期内接单服务企业（按接单时间）、或确认参加期内举办的活动（专家、嘉宾身份）的专家人数，每人只计一次。',
    dimensions: [],
    records: (
      f,
    ) => sql`select t.id::text as id, t.code as ref, t.name as title, min(x.at) as at, min(x.region) as region,
        'expert' as kind, 1 as weight, null::bigint as amount_fen, ${NO_TAGS} as industry, 'registry' as source,
        '/registry/talents/' || t.id::text as link
      from (
        select oo.talent_id, o.accepted_at as at, o.scope_region as region
        from service_orders o
        join order_offers oo on oo.order_id = o.id and oo.state = 'accepted'
        where ${during(sql`o.accepted_at`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}
        union all
        select r.talent_id, a.starts_at, a.scope_region
        from activity_registrations r join activities a on a.id = r.activity_id
        where r.talent_id is not null and r.status = 'confirmed' and r.role in ('expert', 'speaker')
          and ${heldActivities(f)}
      ) x join talents t on t.id = x.talent_id
      group by t.id, t.code, t.name`,
  },
  enterprises_served: {
    name: { zh: '服务企业', en: 'Enterprises served' },
    unit: '家',
    description: '期内点单的企业，及确认参加期内举办的活动（企业、招聘单位、接待单位）的企业，每家只计一次。',
    dimensions: [],
    records: (
      f,
    ) => sql`select e.id::text as id, e.code as ref, e.name as title, min(x.at) as at, min(x.region) as region,
        'enterprise' as kind, 1 as weight, null::bigint as amount_fen, ${NO_TAGS} as industry, 'registry' as source,
        '/registry/enterprises/' || e.id::text as link
      from (
        select o.enterprise_id, o.created_at as at, o.scope_region as region
        from service_orders o
        where o.enterprise_id is not null and ${during(sql`o.created_at`, f)}
          and ${region(sql`o.scope_region`, f.regionPrefix)}
        union all
        select r.enterprise_id, a.starts_at, a.scope_region
        from activity_registrations r join activities a on a.id = r.activity_id
        where r.enterprise_id is not null and r.status = 'confirmed' and ${heldActivities(f)}
      ) x join enterprises e on e.id = x.enterprise_id
      group by e.id, e.code, e.name`,
  },
  institutions_involved: {
    name: { zh: '参与高校院所', en: 'Universities and institutes involved' },
    unit: '家',
    description:
      '期内受派服务订单的高校院所，及确认参加期内举办的活动（高校院所、接待单位）的高校院所，每家只计一次。',
    dimensions: [],
    records: (f) =>
      distinctRecords(
        sql`select o.institution_id, o.dispatched_at as at, o.scope_region as region
          from service_orders o
          where o.institution_id is not null and ${during(sql`o.dispatched_at`, f)}
            and ${region(sql`o.scope_region`, f.regionPrefix)}
          union all
          select r.institution_id, a.starts_at, a.scope_region
          from activity_registrations r join activities a on a.id = r.activity_id
          where r.institution_id is not null and r.status = 'confirmed' and ${heldActivities(f)}`,
        'institution_id',
        'institutions',
        'institution',
      ),
  },
  demands_posted: {
    name: { zh: '发布技术需求', en: 'Technical demands published' },
    unit: '项',
    description: '发布日期（审核通过之日，补录的按所填发布日期）在期内的企业技术需求。',
    dimensions: ['industry'],
    records: (f) => listItems('demands', f),
  },
  achievements_published: {
    name: { zh: '发布科技成果', en: 'Achievements published' },
    unit: '项',
    description: '发布日期在期内的科技成果（补录的按所填发布日期）。',
    dimensions: ['industry'],
    records: (f) => listItems('achievements', f),
  },
  talent_demands_posted: {
    name: { zh: '发布人才需求', en: 'Talent demands published' },
    unit: '项',
    description: '发布日期在期内的人才合作需求（补录的按所填发布日期）。',
    dimensions: ['industry'],
    records: (f) => listItems('talent-demands', f),
  },
  orders_placed: {
    name: { zh: '企业点单', en: 'Service orders placed' },
    unit: '个',
    description: '期内企业提交的服务订单（不论后来是否取消）。',
    dimensions: ['industry'],
    records: (f) => sql`select o.id::text as id, o.code as ref, o.title as title, o.created_at as at,
        o.scope_region as region, o.status as kind, 1 as weight, null::bigint as amount_fen,
        coalesce(d.industry_tags, ${NO_TAGS}) as industry, 'order' as source, '/orders/' || o.id::text as link
      from service_orders o left join list_items d on d.id = o.demand_id
      where ${during(sql`o.created_at`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}`,
  },
  orders_closed: {
    name: { zh: '办结订单', en: 'Service orders closed' },
    unit: '个',
    description: '期内经企业确认办结的服务订单。',
    dimensions: ['industry'],
    records: (f) => sql`select c.id::text as id, c.code as ref, c.title as title, c.closed_at as at,
        c.scope_region as region, 'closed' as kind, 1 as weight, null::bigint as amount_fen,
        coalesce(d.industry_tags, ${NO_TAGS}) as industry, 'order' as source, '/orders/' || c.id::text as link
      from (${closedOrders(f)}) c left join list_items d on d.id = c.demand_id`,
  },
  agreements_signed: {
    name: { zh: '签订合作协议', en: 'Cooperation agreements' },
    unit: '项',
    money: true,
    description:
      '签订日期在期内的合作协议：已办结订单登记的，及活动登记的签约（已在订单中登记的同一协议不重复计算），金额合计。',
    dimensions: ['industry', 'kind'],
    records: (f) =>
      sql`${orderOutcomes('agreement', f)} union all ${activityOutcomes('agreement', f, 'agreement')}`,
  },
  institutions_signed: {
    name: { zh: '签约高校院所', en: 'Universities and institutes that signed' },
    unit: '家',
    description:
      '期内签订合作协议（见“签订合作协议”，按签订日期）的高校院所：活动成效登记的签约方，及办结订单所派的高校院所，每家只计一次。',
    dimensions: [],
    records: (f) => distinctRecords(agreementParties(f), 'institution_id', 'institutions', 'institution'),
  },
  enterprises_signed: {
    name: { zh: '签约企业', en: 'Enterprises that signed' },
    unit: '家',
    description:
      '期内签订合作协议（见“签订合作协议”，按签订日期）的企业：活动成效登记的签约方，及办结订单的点单企业，每家只计一次。',
    dimensions: [],
    records: (f) => distinctRecords(agreementParties(f), 'enterprise_id', 'enterprises', 'enterprise'),
  },
  problems_solved: {
    name: { zh: '解决技术难题', en: 'Technical problems solved' },
    unit: '个',
    description: '已办结订单登记为“解决技术难题”、发生日期在期内的成效。',
    dimensions: ['industry'],
    records: (f) => orderOutcomes('solved', f),
  },
  achievements_transferred: {
    name: { zh: '转化科技成果', en: 'Achievements transferred' },
    unit: '项',
    money: true,
    description: '已办结订单登记为“成果转化”、发生日期在期内的成效，金额合计。',
    dimensions: ['industry'],
    records: (f) => orderOutcomes('transfer', f),
  },
  talents_introduced: {
    name: { zh: '引进人才', en: 'Talents introduced' },
    unit: '人',
    description:
      '发生日期在期内的引进人才：已办结订单登记的，及活动登记的录用/引进人数（同一订单已登记的不重复计算）。',
    dimensions: ['kind'],
    records: (f) => sql`${orderOutcomes('talent', f)} union all ${activityOutcomes('hired', f, 'talent')}`,
  },
  hire_intents: {
    name: { zh: '达成就业意向', en: 'Intents to hire' },
    unit: '人',
    description: '招聘会、研学实习等活动登记、发生日期在期内的就业/引才意向人数。',
    dimensions: ['kind'],
    records: (f) => activityOutcomes('hire_intent', f),
  },
  people_trained: {
    name: { zh: '培训人才', en: 'People trained' },
    unit: '人次',
    description: '期内培训班、研学等活动登记的培训人次（按登记的发生日期计）；这些人次也计入“活动参与”。',
    dimensions: ['kind'],
    records: (f) => activityOutcomes('trained', f),
  },
  contacts_made: {
    name: { zh: '对接洽谈', en: 'Contacts made' },
    unit: '次',
    description: '活动登记、发生日期在期内的对接洽谈次数。',
    dimensions: ['kind'],
    records: (f) => activityOutcomes('contact', f),
  },
  ...STANDING_METRICS,
} as const satisfies Record<MetricKey, Omit<MetricDef, 'key'>>;

export function metric(key: MetricKey): MetricDef {
  return { key, ...METRICS[key] } as MetricDef;
}

/** The rows of a records query in one bar of a breakdown (a month 2026-03, a county, a kind, an industry section). */
export function inBar(records: SQL, dimension: Dimension, value: string): SQL {
  const where =
    dimension === 'month'
      ? sql`to_char(r.at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${value}`
      : dimension === 'region'
        ? sql`r.region = ${value}`
        : dimension === 'kind'
          ? sql`r.kind = ${value}`
          : value === '-'
            ? sql`not exists (select 1 from unnest(r.industry) t where length(t) = 1)`
            : sql`${value} = any(r.industry)`;
  return sql`select * from (${records}) r where ${where}`;
}

/** Orders of the region placed in the period (service_orders unaliased): the funnel's cohort. */
export function ordersPlacedIn(f: MetricFilter): SQL {
  return sql`${region(sql`scope_region`, f.regionPrefix)} and ${during(sql`created_at`, f)}`;
}

/** Open orders of the region whose current step is late now (service_orders unaliased). */
export function ordersLate(f: MetricFilter): SQL {
  return sql`${region(sql`scope_region`, f.regionPrefix)} and ${overdueAt(f.now)}`;
}

/**
 * The orders behind a step of the funnel (FUNNEL_STAGES of the orders placed
 * in the period, dated when placed), or, for `overdue`, the open orders late
 * now (dated when their step was due), as records rows.
 */
export function funnelRecords(f: MetricFilter, stage: FunnelStage | 'overdue'): SQL {
  const which = stage === 'overdue' ? ordersLate(f) : sql`${ordersPlacedIn(f)} and ${FUNNEL_STAGES[stage]}`;
  const at = stage === 'overdue' ? sql`o.step_due_at` : sql`o.created_at`;
  return sql`select o.id::text as id, o.code as ref, o.title as title, ${at} as at, o.scope_region as region,
      o.status as kind, 1 as weight, null::bigint as amount_fen, coalesce(d.industry_tags, ${NO_TAGS}) as industry,
      'order' as source, '/orders/' || o.id::text as link
    from (select * from service_orders where ${which}) o left join list_items d on d.id = o.demand_id`;
}
