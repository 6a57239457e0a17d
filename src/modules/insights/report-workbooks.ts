import ExcelJS from 'exceljs';
import { addPrintableSheet } from '../../platform/io/workbook.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { FunnelStage } from '../orders/repository.ts';
import { SESSION_KIND_NAMES } from '../standing/constants.ts';
import type { Dimension } from './metrics.ts';
import { change } from './numbers.ts';
import type { Breakdown, InsightsService } from './service.ts';

/** The Excel downloads of the dashboard: the records behind a figure or a funnel step, and every table at once. */

type Dashboard = Awaited<ReturnType<InsightsService['dashboard']>>;

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
export async function recordsBook(
  fileName: string,
  sheetName: string,
  unit: string,
  money: boolean,
  page: (n: number) => Promise<Pick<RecordsPage, 'items'>>,
) {
  const book = new ExcelJS.Workbook();
  book.creator = 'Caiqiao';
  const sheet = addPrintableSheet(book, sheetName);
  let chunk = await page(1);
  // Planned sessions say their team, due day, state and record as well.
  const sessions = chunk.items.some((r) => r.session);
  sheet.columns = [
    { header: '编号', key: 'ref', width: 22 },
    { header: '名称', key: 'title', width: 48 },
    { header: '日期', key: 'at', width: 12 },
    { header: '地区', key: 'region', width: 24 },
    { header: '类别', key: 'kind', width: 14 },
    { header: `计数（${unit}）`, key: 'weight', width: 12 },
    ...(money ? [{ header: '金额（万元）', key: 'amount', width: 14 }] : []),
    ...(sessions ? SESSION_SHEET_COLUMNS.slice(2) : []),
  ];
  sheet.getRow(1).font = { bold: true };
  for (let n = 1; ; n++) {
    if (n > 1) chunk = await page(n);
    for (const r of chunk.items) {
      sheet.addRow({
        ref: r.ref,
        title: r.title,
        at: chinaDate(new Date(r.at)),
        region: r.regionName,
        kind: r.kindName,
        weight: r.weight,
        amount: r.amountYuan === null ? '' : r.amountYuan / 10_000,
        ...(r.session ? sessionCells(r.session) : {}),
      });
    }
    if (chunk.items.length < 1000) break;
  }
  return { fileName, data: Buffer.from(await book.xlsx.writeBuffer()) };
}

type SessionDetail = NonNullable<RecordsPage['items'][number]['session']>;

/** A planned occurrence's columns: whose (the team …), kind, period, due day, state, its record and the day it was held. */
const sessionSheetColumns = (owner: string) => [
  { header: owner, key: 'team', width: 30 },
  { header: '服务类型', key: 'sessionKind', width: 12 },
  { header: '周期', key: 'period', width: 12 },
  { header: '应完成日期', key: 'dueOn', width: 12 },
  { header: '状态', key: 'state', width: 10 },
  { header: '服务记录', key: 'record', width: 40 },
  { header: '完成日期', key: 'doneOn', width: 12 },
];
const SESSION_SHEET_COLUMNS = sessionSheetColumns('帮扶团');

function sessionCells(s: SessionDetail) {
  return {
    team: s.teamName,
    sessionKind: SESSION_KIND_NAMES[s.kind].zh,
    period: s.periodLabel,
    dueOn: s.dueOn,
    state: s.stateName,
    record: s.record ? `${s.record.kind === 'activity' ? '活动' : '走访'}：${s.record.title}` : '',
    doneOn: s.record?.doneOn ?? '',
  };
}

type Row = RecordsPage['items'][number];

/**
 * Every dashboard table in one workbook: the figures with comparisons, the breakdowns, the funnel, and
 * 常态化服务 — the teams' sessions by kind, the commissioners' visits, the contact duties by kind and
 * the refined demands, then every occurrence due in the period, a sheet per subject (the rows
 * sessions_planned, commission_visits_planned and duty_contacts_planned count).
 */
export async function dashboardBook(
  d: Dashboard,
  occurrences: { sessions: readonly Row[]; commissions: readonly Row[]; duties: readonly Row[] },
) {
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
  const standing = addPrintableSheet(book, '常态化服务');
  standing.columns = [
    { header: '服务类型', key: 'label', width: 14 },
    { header: '计划（次）', key: 'planned', width: 12 },
    { header: '已完成（次）', key: 'done', width: 12 },
    { header: '逾期（次）', key: 'overdue', width: 12 },
    { header: '完成率（已到期）', key: 'rate', width: 16 },
  ];
  standing.getRow(1).font = { bold: true };
  const rate = (x: number | null) => (x === null ? '—' : `${x}%`);
  type Counts = { planned: number; done: number; overdue: number; fulfilment: number | null };
  const counts = (label: string, k: Counts, bold = false) => {
    standing.addRow({
      label,
      planned: k.planned,
      done: k.done,
      overdue: k.overdue,
      rate: rate(k.fulfilment),
    });
    if (bold) standing.lastRow!.font = { bold: true };
  };
  const heading = (label: string) => {
    standing.addRow({});
    standing.addRow({ label });
    standing.lastRow!.font = { bold: true };
  };
  // 帮扶团: each kind of session, then the total.
  for (const k of d.standing.byKind) counts(k.label, k);
  counts('合计', d.standing, true);
  // 科技特派员: their visits, how many commissioners and enterprises, the demands refined.
  const c = d.standing.commissions;
  heading('科技特派员');
  counts(SESSION_KIND_NAMES.commission_visit.zh, c);
  standing.addRow({ label: '开展服务的特派员（人）', planned: c.commissioners });
  standing.addRow({ label: '结对企业（家）', planned: c.enterprises });
  standing.addRow({ label: '凝练需求（项）', planned: d.standing.refined.total });
  standing.addRow({ label: '企业已确认（项）', planned: d.standing.refined.confirmed });
  // 联系服务: contacts and care visits, then the total.
  heading('联系服务');
  for (const k of d.standing.duties.byKind) counts(k.label, k);
  counts('联系服务合计', d.standing.duties, true);

  const details: [string, string, readonly Row[]][] = [
    ['常态化服务明细', '帮扶团', occurrences.sessions],
    ['特派员走访明细', '特派员 → 企业', occurrences.commissions],
    ['联系服务明细', '联系人 联系 对象', occurrences.duties],
  ];
  for (const [name, owner, rows] of details) {
    const list = addPrintableSheet(book, name);
    list.columns = sessionSheetColumns(owner);
    list.getRow(1).font = { bold: true };
    for (const r of rows) if (r.session) list.addRow(sessionCells(r.session));
  }
  return {
    fileName: `数据看板（${d.region.name}，${d.from}至${d.to}）.xlsx`,
    data: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
