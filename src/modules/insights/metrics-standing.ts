import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../reference/china-time.ts';
import { SESSION_KIND_NAMES, SESSION_KINDS, type Subject } from '../standing/constants.ts';
import type { StandingMetricKey } from './constants.ts';
import type { MetricDef, MetricFilter } from './metrics.ts';
import { dayStart, during, NO_TAGS, onDays, region } from './metrics-sql.ts';

/**
 * 常态化服务 (#16) as records queries like every other figure (metrics.ts):
 * the planned occurrences of the one calendar held against plan — the
 * assistance teams' sessions, the tech commissioners' visits to their
 * enterprises, the contact duties' contacts and care visits — each subject
 * in figures of its own; the visits the teams logged; and the demands
 * commissioners refined from what enterprises said (凝练需求), with how many
 * the enterprises confirmed.
 *
 * An occurrence counts in the period it is due in (due_on, a China date),
 * whatever day it was recorded: done only through its record (an activity or
 * a visit log), overdue when not recorded and due before the platform's
 * China today — as the standing module's own views decide (standing/views.ts
 * stateOf). Regions are the owner's (scope_region: the plan's, the round's,
 * the duty's office).
 *
 * None of these figures counts outcomes. An outcome reached at a session's
 * activity is an activity outcome, counted once by the outcome metrics
 * (agreements_signed, talents_introduced …) like any other activity's; a
 * session only says the activity was its record.
 */

/** The columns an occurrence row carries besides the records row's (repository.ts reads them for the drill-down). */
export const SESSION_COLUMNS = sql`b.subject, b.team_id, b.team_name, b.period, b.period_start, b.occasion,
  b.due_on, b.record_kind, b.done_on, b.activity_id, b.record_title`;

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

/**
 * Whose an occurrence is, per subject: the joins that name it, its name as
 * one line (the team; 张三 → 某公司; 王敏 联系 李四) and the page it is kept on.
 */
const OWNERS: Record<Subject, { joins: SQL; name: SQL; link: SQL }> = {
  team: {
    joins: sql`join teams t on t.id = o.team_id`,
    name: sql`t.name`,
    link: planLink(sql`o.team_id`, sql`o.due_on`),
  },
  commission: {
    joins: sql`join commissioner_pairings pr on pr.id = o.pairing_id
      join talents ct on ct.id = pr.talent_id
      join enterprises ce on ce.id = pr.enterprise_id`,
    name: sql`ct.name || ' → ' || ce.name`,
    link: sql`'/standing/portfolio?talentId=' || pr.talent_id::text`,
  },
  duty: {
    joins: sql`join contact_duties d on d.id = o.duty_id
      join users du on du.id = d.assignee_user_id
      left join talents dt on dt.id = d.talent_id
      left join enterprises de on de.id = d.enterprise_id`,
    name: sql`du.display_name || ' 联系 ' || coalesce(dt.name, de.name, '')`,
    link: sql`'/standing/duties'`,
  },
};

/** A subject's occurrences due in the period and region, with `which` (o: service_occurrences) narrowing them. */
function occurrences(f: MetricFilter, subject: Subject, which: SQL): SQL {
  const owner = OWNERS[subject];
  return sql`select o.id::text as id, ${owner.name} as ref, ${owner.name} || '·' || ${kindName} as title,
      ${dayStart(sql`o.due_on`)} as at, o.scope_region as region, 'session.' || o.kind as kind, 1 as weight,
      null::bigint as amount_fen, ${NO_TAGS} as industry, 'standing' as source, ${owner.link} as link,
      o.subject, o.team_id::text as team_id, ${owner.name} as team_name, o.period,
      o.period_start::text as period_start, o.occasion, o.due_on::text as due_on, o.record_kind, o.done_on::text as done_on,
      o.activity_id::text as activity_id, coalesce(a.title, v.summary) as record_title
    from service_occurrences o
    ${owner.joins}
    left join activities a on a.id = o.activity_id
    left join standing_visits v on v.id = o.visit_id
    where o.subject = ${subject} and ${onDays(sql`o.due_on`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}
      and ${which}`;
}

const done = sql`o.record_kind is not null`;
const overdue = (f: MetricFilter) => sql`o.record_kind is null and o.due_on < ${chinaDate(f.now)}::date`;

/**
 * The commissioners' terms with visits due in the period, one row per
 * commissioner or per enterprise (`per`), dated by the first visit due.
 */
function commissionParties(f: MetricFilter, per: 'talent' | 'enterprise'): SQL {
  const [table, column, kind, link] =
    per === 'talent'
      ? [sql`talents`, sql`pr.talent_id`, sql`'expert'`, sql`'/standing/portfolio?talentId=' || x.id::text`]
      : [
          sql`enterprises`,
          sql`pr.enterprise_id`,
          sql`'enterprise'`,
          sql`'/registry/enterprises/' || x.id::text`,
        ];
  return sql`select x.id::text as id, x.code as ref, x.name as title, min(${dayStart(sql`o.due_on`)}) as at,
      min(o.scope_region) as region, ${kind} as kind, 1 as weight, null::bigint as amount_fen,
      ${NO_TAGS} as industry, 'standing' as source, ${link} as link
    from service_occurrences o
    join commissioner_pairings pr on pr.id = o.pairing_id
    join ${table} x on x.id = ${column}
    where o.subject = 'commission' and ${onDays(sql`o.due_on`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}
    group by x.id, x.code, x.name`;
}

/** Demands refined at commissioners' visits in the period (by when they were refined), `which` narrowing them (li: the demand). */
function refined(f: MetricFilter, which: SQL): SQL {
  return sql`select rd.id::text as id, li.code as ref, li.title, rd.created_at as at, rd.scope_region as region,
      'demands' as kind, 1 as weight, null::bigint as amount_fen, li.industry_tags as industry, 'standing' as source,
      '/lists/demands/' || li.id::text as link
    from refined_demands rd
    join list_items li on li.id = rd.list_item_id
    where ${during(sql`rd.created_at`, f)} and ${region(sql`rd.scope_region`, f.regionPrefix)} and ${which}`;
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
      where o.subject = 'team' and ${onDays(sql`o.due_on`, f)} and ${region(sql`o.scope_region`, f.regionPrefix)}
      group by t.id, t.name`,
  },
  sessions_planned: {
    name: { zh: '计划服务', en: 'Sessions planned' },
    unit: '次',
    description:
      '帮扶团年度服务计划中应完成日期在期内的服务（微沙龙、团队走访、深度会诊、研究课题、成果转化），不论是否已完成。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'team', sql`true`),
  },
  sessions_done: {
    name: { zh: '完成计划服务', en: 'Sessions done' },
    unit: '次',
    description:
      '应完成日期在期内、已登记服务记录（活动或走访记录）的帮扶团计划服务；只有登记了记录才算完成。活动中取得的成效计入“签订合作协议”等成效指标，这里不再计算。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'team', done),
  },
  sessions_overdue: {
    name: { zh: '逾期未完成服务', en: 'Sessions overdue' },
    unit: '次',
    description: '应完成日期在期内且已过（早于今天）、至今未登记服务记录的帮扶团计划服务。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'team', overdue(f)),
  },
  standing_visits: {
    name: { zh: '走访', en: 'Visits made' },
    unit: '次',
    description:
      '走访日期在期内的帮扶团走访记录（含以走访形式完成的会诊、课题等计划服务）；科技特派员走访与联系服务另行统计。',
    dimensions: [],
    records: (f) => sql`select v.id::text as id, t.name as ref, t.name || '：' || v.summary as title,
        ${dayStart(sql`v.visited_on`)} as at, v.scope_region as region, 'standing_visit' as kind, 1 as weight,
        null::bigint as amount_fen, ${NO_TAGS} as industry, 'standing' as source,
        ${planLink(sql`v.team_id`, sql`v.visited_on`)} as link
      from standing_visits v
      join teams t on t.id = v.team_id
      where ${onDays(sql`v.visited_on`, f)} and ${region(sql`v.scope_region`, f.regionPrefix)}`,
  },
  commissioners_serving: {
    name: { zh: '开展服务的科技特派员', en: 'Commissioners serving' },
    unit: '人',
    description: '任期内在期内有应走访企业（按应完成日期）的科技特派员，每人只计一次。',
    dimensions: [],
    records: (f) => commissionParties(f, 'talent'),
  },
  commission_enterprises: {
    name: { zh: '特派员结对企业', en: 'Enterprises with a commissioner' },
    unit: '家',
    description: '在期内有科技特派员应走访（按应完成日期）的结对企业，每家只计一次。',
    dimensions: [],
    records: (f) => commissionParties(f, 'enterprise'),
  },
  commission_visits_planned: {
    name: { zh: '特派员计划走访', en: 'Commissioner visits planned' },
    unit: '次',
    description: '科技特派员任期内应完成日期在期内的走访企业，不论是否已走访。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'commission', sql`true`),
  },
  commission_visits_done: {
    name: { zh: '特派员完成走访', en: 'Commissioner visits made' },
    unit: '次',
    description: '应完成日期在期内、已登记走访记录的科技特派员走访；只有登记了走访记录才算完成。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'commission', done),
  },
  commission_visits_overdue: {
    name: { zh: '特派员逾期走访', en: 'Commissioner visits overdue' },
    unit: '次',
    description: '应完成日期在期内且已过（早于今天）、至今未登记走访记录的科技特派员走访。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'commission', overdue(f)),
  },
  duty_contacts_planned: {
    name: { zh: '计划联系服务', en: 'Contacts planned' },
    unit: '次',
    description: '联系服务中应完成日期在期内的定期联系与关怀走访（5·30、春节、中秋），不论是否已完成。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'duty', sql`true`),
  },
  duty_contacts_done: {
    name: { zh: '完成联系服务', en: 'Contacts made' },
    unit: '次',
    description: '应完成日期在期内、已登记联系记录的定期联系与关怀走访；只有登记了记录才算完成。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'duty', done),
  },
  duty_contacts_overdue: {
    name: { zh: '逾期联系服务', en: 'Contacts overdue' },
    unit: '次',
    description: '应完成日期在期内且已过（早于今天）、至今未登记记录的定期联系与关怀走访。',
    dimensions: ['kind'],
    sessions: true,
    records: (f) => occurrences(f, 'duty', overdue(f)),
  },
  refined_demands: {
    name: { zh: '凝练需求', en: 'Demands refined' },
    unit: '项',
    description:
      '科技特派员在期内从走访中挖掘、凝练并代企业录入的技术需求（以企业草稿进入需求库），不论企业是否已确认。',
    dimensions: ['industry'],
    records: (f) => refined(f, sql`true`),
  },
  refined_confirmed: {
    name: { zh: '企业确认的凝练需求', en: 'Refined demands confirmed' },
    unit: '项',
    description: '期内凝练的技术需求中，企业已确认（提交，不再是草稿）的。',
    dimensions: ['industry'],
    records: (f) => refined(f, sql`li.status <> 'draft'`),
  },
} as const satisfies Record<StandingMetricKey, Omit<MetricDef, 'key'>>;
