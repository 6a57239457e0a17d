import ExcelJS from 'exceljs';
import { addPrintableSheet } from '../../platform/io/workbook.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { FunnelStage } from '../orders/repository.ts';
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

/** Every dashboard table in one workbook: the figures with comparisons, the breakdowns, the funnel. */
export async function dashboardBook(d: Dashboard) {
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
