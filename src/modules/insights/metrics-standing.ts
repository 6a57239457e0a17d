import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../reference/china-time.ts';
import { SESSION_KIND_NAMES, SESSION_KINDS } from '../standing/constants.ts';
import type { StandingMetricKey } from './constants.ts';
import type { MetricDef, MetricFilter } from './metrics.ts';
import { dayStart, NO_TAGS, onDays, region } from './metrics-sql.ts';

/**
 * 常态化服务 (#16): the assistance teams' planned sessions held against plan,
 * and the visits they logged, as records queries like every other figure
 * (metrics.ts). A session counts in the period it is due in (due_on, a China
 * date), whatever day it was recorded: done only through its record (an
 * activity or a visit log), overdue when not recorded and due before the
 * platform's China today — as the standing module's own views decide
 * (standing/views.ts stateOf). Regions are the plan's (scope_region).
 *
 * None of these figures counts outcomes. An outcome reached at a session's
 * activity is an activity outcome, counted once by the outcome metrics
 * (agreements_signed, talents_introduced …) like any other activity's; a
 * session only says the activity was its record.
 */

/** The columns a session row carries besides the records row's (repository.ts reads them for the drill-down). */
export const SESSION_COLUMNS = sql`b.team_id, b.team_name, b.period, b.period_start, b.due_on, b.record_kind,
  b.done_on, b.activity_id, b.record_title`;

const kindName = sql.join(
  [
    sql`case o.kind`,
    ...SESSION_KINDS.map((k) => sql` when ${k} then ${SESSION_KIND_NAMES[k].zh}`),
    sql` else o.kind end`,
  ],
  sql``,
);

/** The team's plan for the year of a day, where its sessions are shown. */
const planLink = (teamId: SQL, day: SQL) =>
  sql`'/teams/' || ${teamId}::text || '?tab=plan&year=' || extract(year from ${day})::int::text`;

/** Sessions due in the period and region, with `which` (o: service_occurrences) narrowing them. */
function sessions(f: MetricFilter, which: SQL): SQL {
  return sql`select o.id::text as id, t.name as ref, t.name || '·' || ${kindName} as title,
      ${dayStart(sql`o.due_on`)} as at, o.scope_region as region, 'session.' || o.kind as kind, 1 as weight,
      null::bigint as amount_fen, ${NO_TAGS} as industry, 'standing' as source,
      ${planLink(sql`o.team_id`, sql`o.due_on`)} as link,
      o.team_id::text as team_id, t.name as team_name, o.period, o.period_start::text as period_start,
      o.due_on::text as due_on, o.record_kind, o.done_on::text as done_on, o.activity_id::text as activity_id,
      coalesce(a.title, v.summary) as record_title
    from service_occurrences o
    join teams t on t.id = o.team_id
    left join activities a on a.id = o.activity_id
    left join standing_visits v on v.id = o.visit_id
    where ${onDays(sql`o.due_on`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)} and ${which}`;
}

export const STANDING_METRICS = {
  teams_planned: {
    name: { zh: '开展常态化服务的帮扶团', en: 'Teams with planned sessions' },
    unit: '个',
    description: '年度服务计划在期内有应开展服务（按应完成日期）的组合式人才帮扶团，每个团只计一次。',
    dimensions: [],
    records: (f) => sql`select t.id::text as id, t.name as ref, t.name as title,
        min(${dayStart(sql`o.due_on`)}) as at, min(o.scope_region) as region, 'team' as kind, 1 as weight,
        null::bigint as amount_fen, ${NO_TAGS} as industry, 'standing' as source,
        '/teams/' || t.id::text || '?tab=plan' as link
      from service_occurrences o join teams t on t.id = o.team_id
      where ${onDays(sql`o.due_on`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}
      group by t.id, t.name`,
  },
  sessions_planned: {
    name: { zh: '计划服务', en: 'Sessions planned' },
    unit: '次',
    description:
      '帮扶团年度服务计划中应完成日期在期内的服务（微沙龙、团队走访、深度会诊、研究课题、成果转化），不论是否已完成。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => sessions(f, sql`true`),
  },
  sessions_done: {
    name: { zh: '完成计划服务', en: 'Sessions done' },
    unit: '次',
    description:
      '应完成日期在期内、已登记服务记录（活动或走访记录）的计划服务；只有登记了记录才算完成。活动中取得的成效计入“签订合作协议”等成效指标，这里不再计算。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => sessions(f, sql`o.record_kind is not null`),
  },
  sessions_overdue: {
    name: { zh: '逾期未完成服务', en: 'Sessions overdue' },
    unit: '次',
    description: '应完成日期在期内且已过（早于今天）、至今未登记服务记录的计划服务。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => sessions(f, sql`o.record_kind is null and o.due_on < ${chinaDate(f.now)}::date`),
  },
  standing_visits: {
    name: { zh: '走访', en: 'Visits made' },
    unit: '次',
    description: '走访日期在期内的常态化服务走访记录（含以走访形式完成的会诊、课题等计划服务）。',
    dimensions: [],
    records: (f) => sql`select v.id::text as id, coalesce(t.name, e.name, '') as ref,
        coalesce(t.name || '：', '') || v.summary as title, ${dayStart(sql`v.visited_on`)} as at,
        v.scope_region as region, 'standing_visit' as kind, 1 as weight, null::bigint as amount_fen,
        ${NO_TAGS} as industry, 'standing' as source,
        case when v.team_id is null then null else ${planLink(sql`v.team_id`, sql`v.visited_on`)} end as link
      from standing_visits v
      left join teams t on t.id = v.team_id
      left join enterprises e on e.id = v.enterprise_id
      where ${onDays(sql`v.visited_on`, f)} and ${region(sql`v.scope_region`, f.regionPrefix)}`,
  },
} as const satisfies Record<StandingMetricKey, Omit<MetricDef, 'key'>>;
