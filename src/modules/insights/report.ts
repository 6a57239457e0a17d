import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { addPrintableSheet } from '../../platform/io/workbook.ts';
import { chinaDate, startOfChinaDay } from '../../reference/china-time.ts';
import type { FunnelStage } from '../orders/repository.ts';
import { type Chart, monthlyBars, pie } from './charts.ts';
import { type Dimension, METRIC_KEYS, type MetricKey, metric } from './metrics.ts';
import { change, chineseDate, chinesePeriod, count, money } from './numbers.ts';
import type { Breakdown, Comparison, InsightsService, Period, Scope } from './service.ts';

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

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
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

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
    const v = (key: MetricKey) => figures.get(key)!.value;
    const amount = (key: MetricKey) => figures.get(key)!.amountYuan ?? 0;
    const byKind = await this.insights.breakdown('activities_held', scope, 'kind');
    const byIndustry = await this.insights.breakdown('demands_posted', scope, 'industry');
    const funnel = await this.insights.funnel(scope);
    const region = (key: MetricKey) => this.insights.breakdown(key, scope, 'region');
    const regions = await Promise.all(
      (['activities_held', 'demands_posted', 'orders_placed', 'agreements_signed'] as const).map(region),
    );

    const today = chinaDate(this.clock.now());
    const yearToDate = scope.fromDate === `${scope.toDate.slice(0, 4)}-01-01` && scope.toDate === today;
    const opening = yearToDate ? '今年以来' : chinesePeriod(scope.fromDate, scope.toDate);
    const place = scope.regionName;

    // Lead paragraph: the headline figures, each clause only when it is not zero.
    const clauses: string[] = [];
    if (v('activities_held') > 0) {
      clauses.push(
        `共举办各类对接活动${count(v('activities_held'))}场次${v('activity_attendance') > 0 ? `、参与${count(v('activity_attendance'))}人次` : ''}`,
      );
    }
    const published = [
      v('achievements_published') > 0 ? `科技成果${count(v('achievements_published'))}项` : '',
      v('demands_posted') > 0 ? `技术需求${count(v('demands_posted'))}项` : '',
    ].filter(Boolean);
    if (published.length > 0) clauses.push(`发布${published.join('、')}`);
    if (v('orders_placed') > 0) {
      clauses.push(
        `受理企业点单${count(v('orders_placed'))}个${v('orders_closed') > 0 ? `、办结${count(v('orders_closed'))}个` : ''}`,
      );
    }
    if (v('agreements_signed') > 0) {
      clauses.push(
        `促成签订合作协议${count(v('agreements_signed'))}项${amount('agreements_signed') > 0 ? `，金额${money(amount('agreements_signed'))}` : ''}`,
      );
    }
    if (v('problems_solved') > 0) clauses.push(`帮助企业解决技术难题${count(v('problems_solved'))}个`);
    if (v('talents_introduced') > 0) clauses.push(`引进人才${count(v('talents_introduced'))}人`);
    if (v('people_trained') > 0) clauses.push(`培训人才${count(v('people_trained'))}人次`);
    const lead =
      clauses.length > 0
        ? `${opening}，${place}依托才桥平台深化人才科技服务，${clauses.join('，')}。`
        : `${opening}，${place}暂无可统计的人才科技服务记录。`;

    const trend = (key: MetricKey) => {
      const f = figures.get(key)!;
      const parts = [
        change(f.value, f.lastYear.value, '同比'),
        change(f.value, f.previous.value, '环比'),
      ].filter((x): x is string => !!x);
      return parts.length > 0 ? `（${parts.join('，')}）` : '';
    };

    const sections: ReportSection[] = [];
    // 活动开展
    {
      const p: string[] = [];
      if (v('activities_held') > 0) {
        const kinds = byKind.items
          .filter((k) => k.value > 0)
          .map((k) => `${k.label}${count(k.value)}场次`)
          .join('、');
        p.push(
          `共举办活动${count(v('activities_held'))}场次${trend('activities_held')}${kinds ? `，其中${kinds}` : ''}。`,
        );
      }
      const more = [
        v('activity_attendance') > 0 ? `签到参与${count(v('activity_attendance'))}人次` : '',
        v('contacts_made') > 0 ? `开展对接洽谈${count(v('contacts_made'))}次` : '',
        v('hire_intents') > 0 ? `达成就业意向${count(v('hire_intents'))}人` : '',
        v('people_trained') > 0 ? `培训人才${count(v('people_trained'))}人次` : '',
      ].filter(Boolean);
      if (more.length > 0) p.push(`活动中${more.join('，')}。`);
      if (p.length > 0) sections.push({ heading: '活动开展', paragraphs: p });
    }
    // 需求与成果
    {
      const p: string[] = [];
      const lists = [
        v('demands_posted') > 0
          ? `企业技术需求${count(v('demands_posted'))}项${trend('demands_posted')}`
          : '',
        v('achievements_published') > 0 ? `科技成果${count(v('achievements_published'))}项` : '',
        v('talent_demands_posted') > 0 ? `人才合作需求${count(v('talent_demands_posted'))}项` : '',
      ].filter(Boolean);
      if (lists.length > 0) p.push(`平台发布${lists.join('，')}。`);
      const top = byIndustry.items.filter((i) => i.key !== '-' && i.value > 0).slice(0, 3);
      if (top.length > 0) {
        p.push(`技术需求主要集中在${top.map((i) => `${i.label}（${count(i.value)}项）`).join('、')}。`);
      }
      if (p.length > 0) sections.push({ heading: '需求与成果', paragraphs: p });
    }
    // 服务订单
    {
      const p: string[] = [];
      if (funnel.placed > 0) {
        p.push(
          `企业点单${count(funnel.placed)}个${trend('orders_placed')}，其中已派单${count(funnel.dispatched)}个、专家接单${count(funnel.accepted)}个、办结${count(funnel.closed)}个${funnel.effective > 0 ? `（其中取得成效${count(funnel.effective)}个）` : ''}。`,
        );
        const names: Record<string, string> = {
          placed: '派单',
          dispatched: '接单',
          accepted: '启动服务',
          in_service: '服务',
          awaiting_confirmation: '企业确认',
        };
        const steps = funnel.steps
          .filter((s) => names[s.status])
          .map((s) => `${names[s.status]}环节平均用时${hours(s.meanHours)}`);
        if (steps.length > 0) p.push(`${steps.join('，')}。`);
      }
      if (v('orders_closed') > 0 && funnel.placed === 0)
        p.push(`办结服务订单${count(v('orders_closed'))}个。`);
      if (funnel.overdueNow > 0) p.push(`目前有${count(funnel.overdueNow)}个订单环节超时，已提醒督办。`);
      if (p.length > 0) sections.push({ heading: '服务订单', paragraphs: p });
    }
    // 合作成效
    {
      const parts = [
        v('agreements_signed') > 0
          ? `签订合作协议${count(v('agreements_signed'))}项${amount('agreements_signed') > 0 ? `、金额${money(amount('agreements_signed'))}` : ''}${trend('agreements_signed')}`
          : '',
        v('problems_solved') > 0 ? `解决技术难题${count(v('problems_solved'))}个` : '',
        v('achievements_transferred') > 0
          ? `转化科技成果${count(v('achievements_transferred'))}项${amount('achievements_transferred') > 0 ? `、金额${money(amount('achievements_transferred'))}` : ''}`
          : '',
        v('talents_introduced') > 0 ? `引进人才${count(v('talents_introduced'))}人` : '',
      ].filter(Boolean);
      if (parts.length > 0)
        sections.push({ heading: '合作成效', paragraphs: [`通过平台服务，${parts.join('；')}。`] });
    }
    // 参与主体
    {
      const parts = [
        v('experts_involved') > 0 ? `专家${count(v('experts_involved'))}人` : '',
        v('enterprises_served') > 0 ? `企业${count(v('enterprises_served'))}家` : '',
      ].filter(Boolean);
      if (parts.length > 0)
        sections.push({ heading: '参与主体', paragraphs: [`参与服务的${parts.join('、')}。`] });
    }

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
    const { scope } = report;
    const body = (text: string) =>
      new Paragraph({
        children: [new TextRun({ text, size: 28, font: 'FangSong' })],
        indent: { firstLine: 560 },
        spacing: { line: 520 },
      });
    const children: (Paragraph | Table)[] = [
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new TextRun({ text: report.title, bold: true, size: 40, font: 'SimHei' })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 300 },
        keepNext: true,
        children: [
          new TextRun({
            text: `（${chinesePeriod(scope.fromDate, scope.toDate)}）`,
            size: 28,
            font: 'KaiTi',
          }),
        ],
      }),
      body(report.lead),
    ];
    report.sections.forEach((section, i) => {
      children.push(heading(`${NUMERALS[i]}、${section.heading}`));
      for (const p of section.paragraphs) children.push(body(p));
    });

    children.push(heading(`${NUMERALS[report.sections.length]}、主要指标`));
    const header = ['指标', '本期', '上年同期', '同比'];
    const rows = report.figures.metrics
      .filter((m) => m.value > 0 || m.lastYear.value > 0)
      .map((m) => {
        const now = `${count(m.value)}${m.unit}${m.amountYuan ? `（${money(m.amountYuan)}）` : ''}`;
        const before = `${count(m.lastYear.value)}${m.unit}${m.lastYear.amountYuan ? `（${money(m.lastYear.amountYuan)}）` : ''}`;
        return [m.name, now, before, change(m.value, m.lastYear.value, '同比')?.replace('同比', '') ?? '—'];
      });
    children.push(table(header, rows));
    if (report.byRegion.length > 1) {
      children.push(heading(`${NUMERALS[report.sections.length + 1]}、分地区情况`));
      children.push(
        table(
          ['地区', '举办活动（场次）', '发布需求（项）', '企业点单（个）', '合作协议（项）'],
          report.byRegion.map((r) => [
            r.label,
            String(r.activities),
            String(r.demands),
            String(r.orders),
            String(r.agreements),
          ]),
        ),
      );
    }
    for (const chart of report.charts) {
      if (!chart.png) continue;
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 200 },
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: chart.width * 0.9, height: chart.height * 0.9 },
              altText: { title: chart.title, description: chart.title, name: chart.title },
            }),
          ],
        }),
      );
    }
    children.push(
      new Paragraph({
        spacing: { before: 300 },
        children: [
          new TextRun({
            text: `注：本简报数字由才桥平台按业务记录自动统计（${chineseDate(chinaDate(this.clock.now()))}生成），各项数字可在“数据看板”中点击查看对应记录。`,
            size: 21,
            color: '666666',
          }),
        ],
      }),
    );
    const doc = new Document({
      creator: '才桥 Caiqiao',
      title: report.title,
      styles: { default: { document: { run: { font: 'FangSong', size: 28 } } } },
      sections: [{ children }],
    });
    return {
      fileName: `${report.title}（${scope.fromDate}至${scope.toDate}）.docx`,
      data: await Packer.toBuffer(doc),
    };
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

  /** Every dashboard table in one workbook: the figures with comparisons, the breakdowns, the funnel. */
  async dashboardWorkbook(actor: Actor, period: Period) {
    const d = await this.insights.dashboard(actor, period);
    const book = new ExcelJS.Workbook();
    book.creator = 'Caiqiao';
    const figures = addPrintableSheet(book, '主要指标');
    figures.columns = [
      { header: '指标', key: 'name', width: 18 },
      { header: '单位', key: 'unit', width: 8 },
      { header: '本期', key: 'value', width: 10 },
      { header: '金额（万元）', key: 'amount', width: 14 },
      { header: '上年同期', key: 'lastYear', width: 10 },
      { header: '上一期', key: 'previous', width: 10 },
      { header: '同比', key: 'yoy', width: 16 },
      { header: '环比', key: 'mom', width: 16 },
    ];
    figures.getRow(1).font = { bold: true };
    for (const h of d.headline) {
      const info = d.metrics.find((m) => m.key === h.key)!;
      figures.addRow({
        name: info.name,
        unit: info.unit,
        value: h.value,
        amount: h.amountYuan === null ? '' : h.amountYuan / 10_000,
        lastYear: h.lastYear.value,
        previous: h.previous.value,
        yoy: change(h.value, h.lastYear.value, '同比') ?? '—',
        mom: change(h.value, h.previous.value, '环比') ?? '—',
      });
    }
    const dimensionNames: Record<Dimension, string> = {
      month: '按月',
      region: '按地区',
      industry: '按行业',
      kind: '按类型',
    };
    for (const b of [...d.trends, ...d.breakdowns] as Breakdown[]) {
      const info = d.metrics.find((m) => m.key === b.key)!;
      const sheet = addPrintableSheet(book, `${info.name}${dimensionNames[b.dimension]}`.slice(0, 31));
      sheet.columns = [
        { header: dimensionNames[b.dimension].slice(1), key: 'label', width: 24 },
        { header: `${info.name}（${info.unit}）`, key: 'value', width: 16 },
        ...(info.money ? [{ header: '金额（万元）', key: 'amount', width: 14 }] : []),
      ];
      sheet.getRow(1).font = { bold: true };
      for (const item of b.items) {
        sheet.addRow({
          label: item.label,
          value: item.value,
          amount: item.amountYuan === null ? '' : item.amountYuan / 10_000,
        });
      }
    }
    const funnel = addPrintableSheet(book, '订单漏斗');
    funnel.columns = [
      { header: '环节', key: 'step', width: 16 },
      { header: '订单数', key: 'n', width: 10 },
    ];
    funnel.getRow(1).font = { bold: true };
    for (const [stage, name] of Object.entries(FUNNEL_STAGE_NAMES)) {
      funnel.addRow({
        step: name,
        n: stage === 'overdue' ? d.funnel.overdueNow : d.funnel[stage as FunnelStage],
      });
    }
    return {
      fileName: `数据看板（${d.region.name}，${d.from}至${d.to}）.xlsx`,
      data: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}

function hours(h: number): string {
  return h >= 48 ? `${Math.round((h / 24) * 10) / 10}天` : `${Math.round(h * 10) / 10}小时`;
}

/** A section heading, kept on the page of what follows it (a paragraph or a table's first row). */
function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 30, font: 'SimHei' })],
  });
}

function table(header: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 22 })] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/** What each funnel step reads as (sheet names, file names, the dashboard workbook). */
export const FUNNEL_STAGE_NAMES: Record<FunnelStage | 'overdue', string> = {
  placed: '点单',
  dispatched: '派单',
  accepted: '接单',
  closed: '办结',
  effective: '办结有成效',
  cancelled: '取消',
  overdue: '当前超时',
};

type RecordsPage = Awaited<ReturnType<InsightsService['records']>>;

/** A workbook of records rows, read page by page (every row, not one page). */
async function recordsBook(
  fileName: string,
  sheetName: string,
  unit: string,
  money: boolean,
  page: (n: number) => Promise<Pick<RecordsPage, 'items'>>,
) {
  const book = new ExcelJS.Workbook();
  book.creator = 'Caiqiao';
  const sheet = addPrintableSheet(book, sheetName);
  sheet.columns = [
    { header: '编号', key: 'ref', width: 22 },
    { header: '名称', key: 'title', width: 48 },
    { header: '日期', key: 'at', width: 12 },
    { header: '地区', key: 'region', width: 24 },
    { header: '类别', key: 'kind', width: 14 },
    { header: `计数（${unit}）`, key: 'weight', width: 12 },
    ...(money ? [{ header: '金额（万元）', key: 'amount', width: 14 }] : []),
  ];
  sheet.getRow(1).font = { bold: true };
  for (let n = 1; ; n++) {
    const chunk = await page(n);
    for (const r of chunk.items) {
      sheet.addRow({
        ref: r.ref,
        title: r.title,
        at: chinaDate(new Date(r.at)),
        region: r.regionName,
        kind: r.kindName,
        weight: r.weight,
        amount: r.amountYuan === null ? '' : r.amountYuan / 10_000,
      });
    }
    if (chunk.items.length < 1000) break;
  }
  return { fileName, data: Buffer.from(await book.xlsx.writeBuffer()) };
}
