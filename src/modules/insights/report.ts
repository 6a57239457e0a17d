import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate, startOfChinaDay } from '../../reference/china-time.ts';
import type { FunnelStage } from '../orders/repository.ts';
import { type Chart, monthlyBars, pie } from './charts.ts';
import { type Dimension, METRIC_KEYS, type MetricKey, metric } from './metrics.ts';
import { chinesePeriod } from './numbers.ts';
import { reportDocx } from './report-docx.ts';
import { type ReportSection, reportText } from './report-sections.ts';
import { dashboardBook, FUNNEL_STAGE_NAMES, recordsBook } from './report-workbooks.ts';
import type { Comparison, InsightsService, Period, Scope } from './service.ts';

export type { ReportSection } from './report-sections.ts';
export { FUNNEL_STAGE_NAMES } from './report-workbooks.ts';

/** The work report (工作简报): the figures, the text built from them, and the charts. */
export interface Report {
  scope: Scope;
  title: string;
  lead: string;
  sections: ReportSection[];
  figures: ReportFigures;
  charts: Chart[];
  byRegion: { label: string; activities: number; demands: number; orders: number; agreements: number }[];
}

/** The same figures for other systems (`--format json`). */
export interface ReportFigures {
  region: { code: string; name: string };
  from: string;
  to: string;
  generatedAt: string;
  metrics: {
    key: MetricKey;
    name: string;
    unit: string;
    value: number;
    amountYuan: number | null;
    lastYear: { value: number; amountYuan: number | null };
    previous: { value: number; amountYuan: number | null };
  }[];
  activitiesByKind: { kind: string; name: string; value: number }[];
  demandsByIndustry: { code: string; name: string; value: number }[];
  funnel: Awaited<ReturnType<InsightsService['funnel']>>;
  /** 常态化服务: the teams' sessions due in the period by kind and the fulfilment; commissioners, duties, refined demands. */
  standing: Awaited<ReturnType<InsightsService['standing']>>;
}

/**
 * Builds the work report from the metrics, in fluent Chinese: sentences from
 * templates that drop what is zero, sections that drop when all their figures
 * are, a table of the figures with last year's, a county table, and the charts.
 */
export class ReportService {
  constructor(
    private readonly insights: InsightsService,
    private readonly clock: Clock,
  ) {}

  async build(actor: Actor, period: Period): Promise<Report> {
    const scope = this.insights.resolve(actor, period);
    const figures = new Map<MetricKey, Comparison>(
      (await this.insights.compareAll(scope)).map((c) => [c.key, c]),
    );
    const byKind = await this.insights.breakdown('activities_held', scope, 'kind');
    const byIndustry = await this.insights.breakdown('demands_posted', scope, 'industry');
    const funnel = await this.insights.funnel(scope);
    const standing = await this.insights.standing(scope);
    const region = (key: MetricKey) => this.insights.breakdown(key, scope, 'region');
    const regions = await Promise.all(
      (['activities_held', 'demands_posted', 'orders_placed', 'agreements_signed'] as const).map(region),
    );

    const today = chinaDate(this.clock.now());
    const yearToDate = scope.fromDate === `${scope.toDate.slice(0, 4)}-01-01` && scope.toDate === today;
    const opening = yearToDate ? '今年以来' : chinesePeriod(scope.fromDate, scope.toDate);
    const place = scope.regionName;
    const { lead, sections } = reportText({
      figures,
      byKind,
      byIndustry,
      funnel,
      standing,
      opening,
      place,
    });

    // County table and charts.
    const labels = new Map<string, string>();
    for (const r of regions) for (const item of r.items) labels.set(item.key, item.label);
    const byRegion = [...labels].map(([key, label]) => {
      const at = (i: number) => regions[i]!.items.find((x) => x.key === key)?.value ?? 0;
      return { label, activities: at(0), demands: at(1), orders: at(2), agreements: at(3) };
    });
    const charts: Chart[] = [];
    const year = Number(scope.toDate.slice(0, 4));
    const trendScope = {
      ...scope,
      from: startOfChinaDay(`${year}-01-01`),
      to: startOfChinaDay(`${year + 1}-01-01`),
    };
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const monthly = async (key: MetricKey) => {
      const b = await this.insights.breakdown(key, trendScope, 'month');
      return months.map((m) => b.items.find((x) => x.key === m)?.value ?? 0);
    };
    const series = [
      { name: '举办活动', data: await monthly('activities_held') },
      { name: '发布需求', data: await monthly('demands_posted') },
      { name: '企业点单', data: await monthly('orders_placed') },
    ];
    if (series.some((s) => s.data.some((x) => x > 0))) {
      charts.push(
        monthlyBars(
          `${year}年各月服务情况`,
          months.map((m) => `${Number(m.slice(5))}月`),
          series,
        ),
      );
    }
    const kinds = byKind.items.filter((k) => k.value > 0).map((k) => ({ name: k.label, value: k.value }));
    if (kinds.length > 0) charts.push(pie('活动类型构成', kinds));

    const json: ReportFigures = {
      region: { code: scope.regionCode, name: scope.regionName },
      from: scope.fromDate,
      to: scope.toDate,
      generatedAt: this.clock.now().toISOString(),
      metrics: METRIC_KEYS.map((key) => {
        const f = figures.get(key)!;
        const def = metric(key);
        return {
          key,
          name: def.name.zh,
          unit: def.unit,
          value: f.value,
          amountYuan: f.amountYuan,
          lastYear: { value: f.lastYear.value, amountYuan: f.lastYear.amountYuan },
          previous: { value: f.previous.value, amountYuan: f.previous.amountYuan },
        };
      }),
      activitiesByKind: byKind.items.map((k) => ({ kind: k.key, name: k.label, value: k.value })),
      demandsByIndustry: byIndustry.items.map((i) => ({ code: i.key, name: i.label, value: i.value })),
      funnel,
      standing,
    };
    return {
      scope,
      title: `${place}人才科技服务工作简报`,
      lead,
      sections,
      figures: json,
      charts,
      byRegion,
    };
  }

  /** The report as a Word document. */
  async docx(report: Report): Promise<{ fileName: string; data: Buffer }> {
    return reportDocx(report, this.clock.now());
  }

  /** The records behind a figure, as Excel (every row, not a page). */
  async recordsWorkbook(
    actor: Actor,
    key: MetricKey,
    period: Period,
    dimension: Dimension | undefined,
    value: string | undefined,
  ) {
    const scope = this.insights.resolve(actor, period);
    const def = metric(key);
    return recordsBook(
      `${def.name.zh}明细（${scope.regionName}，${scope.fromDate}至${scope.toDate}）.xlsx`,
      def.name.zh,
      def.unit,
      def.money === true,
      (page) => this.insights.records(key, scope, { dimension, value, page, pageSize: 1000 }),
    );
  }

  /** The orders behind a step of the funnel (or late now), as Excel. */
  async funnelWorkbook(actor: Actor, stage: FunnelStage | 'overdue', period: Period) {
    const scope = this.insights.resolve(actor, period);
    const name = `订单漏斗·${FUNNEL_STAGE_NAMES[stage]}`;
    const when = stage === 'overdue' ? chinaDate(scope.now) : `${scope.fromDate}至${scope.toDate}`;
    return recordsBook(`${name}明细（${scope.regionName}，${when}）.xlsx`, name, '个', false, (page) =>
      this.insights.funnelRecords(scope, stage, { page, pageSize: 1000 }),
    );
  }

  /** Every dashboard table in one workbook: the figures with comparisons, the breakdowns, the funnel, the occurrences. */
  async dashboardWorkbook(actor: Actor, period: Period) {
    const dashboard = await this.insights.dashboard(actor, period);
    const scope = this.insights.resolve(actor, period);
    // Every occurrence a 计划 figure counts, by due day: the sheets the standing figures trace to.
    const all = async (key: MetricKey) => {
      const rows: Awaited<ReturnType<InsightsService['records']>>['items'] = [];
      for (let page = 1; ; page++) {
        const chunk = await this.insights.records(key, scope, { page, pageSize: 1000 });
        rows.push(...chunk.items);
        if (chunk.items.length < 1000) break;
      }
      return rows.sort((a, b) => a.at.localeCompare(b.at) || a.title.localeCompare(b.title, 'zh'));
    };
    return dashboardBook(dashboard, {
      sessions: await all('sessions_planned'),
      commissions: await all('commission_visits_planned'),
      duties: await all('duty_contacts_planned'),
    });
  }
}
