import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { addDays, CHINA_OFFSET_MS, chinaDate, startOfChinaDay } from '../../reference/china-time.ts';
import { isKnownRegion, regionFullName, scopePrefix } from '../../reference/regions.ts';
import { type FunnelStage, milestoneSteps } from '../orders/repository.ts';
import type { DictionaryService } from '../registry/dictionaries.ts';
import { periodLabel } from '../standing/cadence.ts';
import {
  CARE_OCCASION_NAMES,
  type Period as CadencePeriod,
  OCCURRENCE_STATE_NAMES,
  type SessionKind,
  TEAM_SESSION_KINDS,
} from '../standing/constants.ts';
import { fulfilment, stateOf } from '../standing/views.ts';
import { sessionKindKey } from './constants.ts';
import { insightsError } from './errors.ts';
import { dimensionLabel, kindName } from './labels.ts';
import {
  type Dimension,
  funnelRecords,
  inBar,
  METRIC_KEYS,
  type MetricFilter,
  type MetricKey,
  metric,
  ordersLate,
  ordersPlacedIn,
} from './metrics.ts';
import { InsightsRepository, type RecordRow, type SessionColumns } from './repository.ts';

/** A region and period as asked for: dates are China dates, both ends included. */
export interface Period {
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Figure {
  key: MetricKey;
  value: number;
  /** Sum of amounts in yuan, for money metrics. */
  amountYuan: number | null;
}

export interface Comparison extends Figure {
  /** The same period a year before (同比) and the period of the same length just before (环比). */
  lastYear: Figure;
  previous: Figure;
}

export interface Breakdown {
  key: MetricKey;
  dimension: Dimension;
  items: { key: string; label: string; value: number; amountYuan: number | null }[];
}

/** The period a request resolves to, with its region prefix and labels. */
export interface Scope extends MetricFilter {
  regionCode: string;
  regionName: string;
  fromDate: string;
  toDate: string;
}

/**
 * Statistics: every figure is the sum over its metric's records (metrics.ts),
 * for a region within the caller's scope and a period; comparisons with the
 * same period last year and the previous period; breakdowns by month, county,
 * industry section and kind; and the records behind any figure or bar.
 */
export class InsightsService {
  private readonly repo: InsightsRepository;

  constructor(
    database: Database,
    private readonly clock: Clock,
    private readonly dictionaries: DictionaryService,
  ) {
    this.repo = new InsightsRepository(database);
  }

  /** The metrics with their names, units and what they count. */
  metrics() {
    return METRIC_KEYS.map((key) => {
      const m = metric(key);
      return {
        key,
        name: m.name.zh,
        unit: m.unit,
        description: m.description,
        money: m.money === true,
        dimensions: ['month', 'region', ...m.dimensions] as Dimension[],
      };
    });
  }

  /** The region (within the caller's scope; their own by default) and period (this year to today by default). */
  resolve(actor: Actor, period: Period): Scope {
    const own = scopeOf(actor).regionPrefix;
    let prefix = own;
    let regionCode = actor.permissions.has('scope.all') && !period.regionCode ? '' : actor.regionCode;
    if (period.regionCode) {
      if (!isKnownRegion(period.regionCode)) throw insightsError('INSIGHTS_REGION_UNKNOWN');
      prefix = scopePrefix(period.regionCode);
      if (!prefix.startsWith(own)) throw insightsError('INSIGHTS_REGION_OUT_OF_SCOPE');
      regionCode = period.regionCode;
    }
    const today = chinaDate(this.clock.now());
    const toDate = period.to ?? today;
    const fromDate = period.from ?? `${toDate.slice(0, 4)}-01-01`;
    if (fromDate > toDate) throw insightsError('INSIGHTS_PERIOD_INVALID');
    return {
      regionPrefix: prefix,
      regionCode,
      regionName: regionCode ? regionFullName(regionCode) : '全国',
      from: startOfChinaDay(fromDate),
      to: startOfChinaDay(addDays(toDate, 1)),
      fromDate,
      toDate,
      now: this.clock.now(),
    };
  }

  async figure(key: MetricKey, f: MetricFilter): Promise<Figure> {
    const def = metric(key);
    const { value, amountFen } = await this.repo.sum(def.records(f));
    return { key, value, amountYuan: def.money ? amountFen / 100 : null };
  }

  /** Every metric with its comparisons, a few queries at a time (a server answers them side by side). */
  async compareAll(f: MetricFilter): Promise<Comparison[]> {
    return inParallel(METRIC_KEYS.map((key) => () => this.compare(key, f)));
  }

  async compare(key: MetricKey, f: MetricFilter): Promise<Comparison> {
    const [now, lastYear, previous] = await Promise.all([
      this.figure(key, f),
      this.figure(key, shiftYears(f, -1)),
      this.figure(key, previousPeriod(f)),
    ]);
    return { ...now, lastYear, previous };
  }

  async breakdown(key: MetricKey, f: MetricFilter, dimension: Dimension): Promise<Breakdown> {
    const def = metric(key);
    const rows = await this.repo.groups(def.records(f), dimension);
    const dict = await this.dictionaries.snapshot();
    return {
      key,
      dimension,
      items: rows.map((r) => ({
        key: r.key,
        label: dimensionLabel(dimension, r.key, dict, f.regionPrefix),
        value: r.value,
        amountYuan: def.money ? r.amountFen / 100 : null,
      })),
    };
  }

  /**
   * The records behind a figure (or one bar of a breakdown), newest first:
   * exactly the rows the figure sums.
   */
  async records(
    key: MetricKey,
    f: MetricFilter,
    q: { dimension?: Dimension | undefined; value?: string | undefined; page: number; pageSize: number },
  ) {
    const def = metric(key);
    const rows =
      q.dimension && q.value !== undefined ? inBar(def.records(f), q.dimension, q.value) : def.records(f);
    return {
      metric: key,
      ...(await this.page(rows, def.money === true, q, 'desc', def.sessions ? chinaDate(f.now) : undefined)),
    };
  }

  /**
   * The orders behind a step of the funnel (FUNNEL_STAGES: those placed in
   * the period that were dispatched, accepted, closed or cancelled), newest
   * first; or, for `overdue`, the open orders of the region whose step is
   * late now, soonest due first. The funnel's figures count exactly these.
   */
  async funnelRecords(
    f: MetricFilter,
    stage: FunnelStage | 'overdue',
    q: { page: number; pageSize: number },
  ) {
    return {
      stage,
      ...(await this.page(funnelRecords(f, stage), false, q, stage === 'overdue' ? 'asc' : 'desc')),
    };
  }

  /**
   * One page of records rows, as the drill-down shows them, with the totals over all of them; rows of
   * planned sessions (`today` given, the China date their state is judged on) with their team, due day,
   * state and record.
   */
  private async page(
    records: SQL,
    money: boolean,
    q: { page: number; pageSize: number },
    order: 'asc' | 'desc' = 'desc',
    today?: string,
  ) {
    const { rows, total, value, amountFen } = await this.repo.page(records, q, order, today !== undefined);
    return {
      total,
      value,
      amountYuan: money ? amountFen / 100 : null,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        title: r.title,
        at: new Date(r.at).toISOString(),
        region: r.region,
        regionName: r.region ? regionFullName(r.region) : '',
        kind: r.kind,
        kindName: kindName(r.kind),
        weight: Number(r.weight),
        amountYuan: r.amount_fen === null ? null : Number(r.amount_fen) / 100,
        source: r.source,
        link: r.link,
        ...(today !== undefined ? { session: sessionOf(r, today) } : {}),
      })),
    };
  }

  /**
   * 常态化服务 against plan: the teams' sessions by kind — planned (due in the period), done, overdue
   * and the fulfilment (done of those whose day has come, as the standing module's office view says
   * it), each a breakdown of the sessions metrics, so every cell opens into its sessions; the
   * commissioners' visits likewise with how many commissioners and enterprises; the contact duties'
   * contacts and care visits by kind; and the demands refined at visits, with those confirmed.
   */
  async standing(f: MetricFilter) {
    const groups = (key: MetricKey) => this.repo.groups(metric(key).records(f), 'kind');
    const sum = async (key: MetricKey) => (await this.repo.sum(metric(key).records(f))).value;
    const [planned, done, overdue, dutyPlanned, dutyDone, dutyOverdue] = await Promise.all([
      groups('sessions_planned'),
      groups('sessions_done'),
      groups('sessions_overdue'),
      groups('duty_contacts_planned'),
      groups('duty_contacts_done'),
      groups('duty_contacts_overdue'),
    ]);
    const [commissioners, enterprises, visitsPlanned, visitsDone, visitsOverdue, refined, confirmed] =
      await Promise.all(
        (
          [
            'commissioners_serving',
            'commission_enterprises',
            'commission_visits_planned',
            'commission_visits_done',
            'commission_visits_overdue',
            'refined_demands',
            'refined_confirmed',
          ] as const
        ).map(sum),
      );
    const team = byKinds(TEAM_SESSION_KINDS, planned, done, overdue);
    const duty = byKinds(['contact', 'care'], dutyPlanned, dutyDone, dutyOverdue);
    return {
      ...team.total,
      byKind: team.byKind,
      commissions: {
        commissioners: commissioners!,
        enterprises: enterprises!,
        planned: visitsPlanned!,
        done: visitsDone!,
        overdue: visitsOverdue!,
        fulfilment: rate(visitsDone!, visitsOverdue!),
      },
      duties: { ...duty.total, byKind: duty.byKind },
      refined: { total: refined!, confirmed: confirmed! },
    };
  }

  /** 订单漏斗 for orders placed in the period: how many were dispatched, accepted, closed; step times; overdue now. */
  async funnel(f: MetricFilter) {
    const { counts, overdue } = await this.repo.funnel(ordersPlacedIn(f), ordersLate(f));
    const steps = milestoneSteps(counts);
    return {
      placed: Number(counts?.placed ?? 0),
      dispatched: Number(counts?.dispatched ?? 0),
      accepted: Number(counts?.accepted ?? 0),
      closed: Number(counts?.closed ?? 0),
      effective: Number(counts?.effective ?? 0),
      cancelled: Number(counts?.cancelled ?? 0),
      overdueNow: overdue,
      steps: steps.map((s) => ({
        status: s.step,
        transitions: Number(s.n),
        medianHours: Math.round(Number(s.median_hours) * 10) / 10,
        meanHours: Math.round(Number(s.mean_hours) * 10) / 10,
      })),
    };
  }

  /** Everything the dashboard (数据看板) shows for a region and period. */
  async dashboard(actor: Actor, period: Period) {
    const scope = this.resolve(actor, period);
    const headline = await this.compareAll(scope);
    const trendYear: MetricFilter = {
      ...scope,
      from: startOfChinaDay(`${scope.toDate.slice(0, 4)}-01-01`),
      to: startOfChinaDay(`${Number(scope.toDate.slice(0, 4)) + 1}-01-01`),
    };
    const TRENDS = [
      'activities_held',
      'demands_posted',
      'achievements_published',
      'orders_placed',
      'agreements_signed',
    ] as const;
    const trends = await inParallel(TRENDS.map((key) => () => this.breakdown(key, trendYear, 'month')));
    const BREAKDOWNS = [
      ['activities_held', 'region'],
      ['activities_held', 'kind'],
      ['demands_posted', 'region'],
      ['demands_posted', 'industry'],
      ['orders_placed', 'region'],
      ['orders_placed', 'industry'],
      ['agreements_signed', 'region'],
    ] as const;
    const breakdowns = await inParallel(
      BREAKDOWNS.map(
        ([key, dimension]) =>
          () =>
            this.breakdown(key, scope, dimension),
      ),
    );
    const standing = await this.standing(scope);
    const figure = (key: MetricKey) => headline.find((h) => h.key === key)!;
    const [done, overdue] = [figure('sessions_done'), figure('sessions_overdue')];
    return {
      metrics: this.metrics(),
      region: { code: scope.regionCode, name: scope.regionName },
      from: scope.fromDate,
      to: scope.toDate,
      trendYear: Number(scope.toDate.slice(0, 4)),
      headline,
      trends,
      breakdowns,
      funnel: await this.funnel(scope),
      standing: {
        ...standing,
        lastYear: rate(done.lastYear.value, overdue.lastYear.value),
        previous: rate(done.previous.value, overdue.previous.value),
      },
    };
  }
}

/** Occurrences of some kinds counted by kind (planned, done, overdue bars by `session.<kind>`), and in all. */
function byKinds(
  kinds: readonly SessionKind[],
  planned: { key: string; value: number }[],
  done: { key: string; value: number }[],
  overdue: { key: string; value: number }[],
) {
  const byKind = kinds.map((kind) => {
    const key = sessionKindKey(kind);
    const at = (rows: { key: string; value: number }[]) => rows.find((r) => r.key === key)?.value ?? 0;
    const counts = { planned: at(planned), done: at(done), overdue: at(overdue) };
    return { key, kind, label: kindName(key), ...counts, fulfilment: rate(counts.done, counts.overdue) };
  });
  const sum = (k: 'planned' | 'done' | 'overdue') => byKind.reduce((n, x) => n + x[k], 0);
  return {
    byKind,
    total: {
      planned: sum('planned'),
      done: sum('done'),
      overdue: sum('overdue'),
      fulfilment: rate(sum('done'), sum('overdue')),
    },
  };
}

/** Done of those whose day has come, as a whole percentage (standing/views.ts fulfilment); null when none has. */
function rate(done: number, overdue: number): number | null {
  return fulfilment({ planned: done + overdue, done, overdue, due: 0 });
}

/** A planned occurrence's row as the drill-down shows it: whose it is, due day, state on `today` and record. */
function sessionOf(r: RecordRow & Partial<SessionColumns>, today: string) {
  const state = stateOf({ recordKind: r.record_kind ?? null, dueOn: r.due_on! }, today);
  return {
    subject: r.subject ?? 'team',
    teamId: r.team_id ?? null,
    teamName: r.team_name!,
    kind: r.kind.slice('session.'.length) as SessionKind,
    // A care visit is named by its occasion (5·30科技工作者日, 春节前), as the standing module names it.
    periodLabel: r.occasion
      ? CARE_OCCASION_NAMES[r.occasion].zh
      : periodLabel(r.period as CadencePeriod, r.period_start!),
    dueOn: r.due_on!,
    state,
    stateName: OCCURRENCE_STATE_NAMES[state].zh,
    record: r.record_kind
      ? {
          kind: r.record_kind,
          title: r.record_title ?? '',
          doneOn: r.done_on ?? r.due_on!,
          link: r.activity_id ? `/activities/${r.activity_id}` : null,
        }
      : null,
  };
}

/** The same period a year earlier (2024-02-29 maps to 2023-02-28 … via Date arithmetic in China time). */
function shiftYears(f: MetricFilter, years: number): MetricFilter {
  const shift = (d: Date) => {
    const local = new Date(d.getTime() + CHINA_OFFSET_MS);
    local.setUTCFullYear(local.getUTCFullYear() + years);
    return new Date(local.getTime() - CHINA_OFFSET_MS);
  };
  return { ...f, from: shift(f.from), to: shift(f.to) };
}

/** The period of the same length ending where this one starts. */
function previousPeriod(f: MetricFilter): MetricFilter {
  const length = f.to.getTime() - f.from.getTime();
  return { ...f, from: new Date(f.from.getTime() - length), to: f.from };
}

/** Runs the tasks with at most `limit` at a time; results in the tasks' order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
