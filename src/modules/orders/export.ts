import type { Executor } from '../../platform/db/client.ts';
import { numberedPages } from '../../platform/db/pages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { type ExportFile, type ExportRow, exportPages } from '../../platform/io/workbook.ts';
import { chinaDateTime } from '../../reference/china-time.ts';
import { regionFullName } from '../../reference/regions.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { type OrderScope, orderFilters } from './conditions.ts';
import { OUTCOME_NAMES } from './constants.ts';
import type { OrdersExportQuery } from './contract.ts';
import { ORDER_STATUS_NAMES } from './machine.ts';
import { OrdersRepository } from './repository.ts';
import type { ServiceOrderRow } from './schema.ts';

/** Rows an export holds at most, and read at a time. */
const EXPORT_MAX = 50_000;
const EXPORT_PAGE = 500;

const ORDER_EXPORT_COLUMNS: ColumnSpec[] = [
  { key: 'code', header: '订单号', headerEn: 'Order no.' },
  { key: 'title', header: '订单名称', headerEn: 'Title' },
  { key: 'enterprise', header: '企业', headerEn: 'Enterprise' },
  { key: 'region', header: '所在地区', headerEn: 'Region' },
  { key: 'status', header: '状态', headerEn: 'Status' },
  { key: 'servedBy', header: '承接', headerEn: 'Served by' },
  { key: 'createdAt', header: '下单时间', headerEn: 'Placed at' },
  { key: 'stepDueAt', header: '本环节截止', headerEn: 'Step due' },
  { key: 'overdue', header: '超时', headerEn: 'Overdue' },
  { key: 'closedAt', header: '办结时间', headerEn: 'Closed at' },
  { key: 'rating', header: '评分', headerEn: 'Rating' },
  { key: 'outcomes', header: '服务成效', headerEn: 'Outcomes' },
  { key: 'outcomesOn', header: '成效日期', headerEn: 'Outcome date' },
  { key: 'amountYuan', header: '金额（元）', headerEn: 'Amount (CNY)' },
];

/**
 * 服务订单台账: the orders the scope sees, with the list's filters and in its
 * sort, every row (up to EXPORT_MAX) as one sheet: who ordered, who serves,
 * where it stands, when it is due, what came of it.
 */
export async function exportOrders(
  db: Executor,
  scope: OrderScope,
  q: OrdersExportQuery,
  locale: Locale,
  now: Date,
): Promise<ExportFile> {
  const en = locale === 'en-US';
  const repo = new OrdersRepository(db);
  const filters = orderFilters(q, now);
  const pages = numberedPages(
    (page) => repo.page(scope, { ...filters, page, pageSize: EXPORT_PAGE }),
    EXPORT_PAGE,
  );

  /** One page of orders as sheet rows; what they link to is read once for the page. */
  const toRows = async (items: readonly ServiceOrderRow[]): Promise<ExportRow[]> => {
    const ids = items.map((i) => i.id);
    const [offers, outcomes, teams, institutions, enterprises] = await Promise.all([
      repo.offers(ids),
      repo.outcomesOf(ids),
      repo.teamNames(items.map((i) => i.teamId)),
      repo.institutionNames(items.map((i) => i.institutionId)),
      new RegistryRepository(db).linkedByIds(
        'enterprises',
        items.flatMap((i) => (i.enterpriseId ? [i.enterpriseId] : [])),
      ),
    ]);
    return items.map((row) => {
      const round = offers.filter((x) => x.orderId === row.id && x.round === row.round);
      const accepted = round.filter((x) => x.state === 'accepted');
      const experts = (accepted.length > 0 ? accepted : round.filter((x) => x.state === 'offered')).map(
        (x) => x.name,
      );
      const mine = outcomes.filter((x) => x.orderId === row.id);
      const amountFen = mine.reduce((sum, x) => sum + Number(x.amountFen ?? 0), 0);
      const open = row.status !== 'closed' && row.status !== 'cancelled';
      return {
        code: row.code,
        title: row.title,
        enterprise: (row.enterpriseId && enterprises.get(row.enterpriseId)?.name) || null,
        region: row.regionCode ? regionFullName(row.regionCode) : null,
        status: ORDER_STATUS_NAMES[row.status][en ? 'en' : 'zh'],
        servedBy:
          [
            row.teamId ? teams.get(row.teamId) : null,
            row.institutionId ? institutions.get(row.institutionId) : null,
            ...experts,
          ]
            .filter(Boolean)
            .join(en ? ', ' : '、') || null,
        createdAt: chinaDateTime(row.createdAt),
        stepDueAt: open && row.stepDueAt ? chinaDateTime(row.stepDueAt) : null,
        overdue: open && row.stepDueAt && row.stepDueAt < now ? (en ? 'Yes' : '是') : null,
        closedAt: row.closedAt ? chinaDateTime(row.closedAt) : null,
        rating: row.rating,
        outcomes: mine.map((x) => OUTCOME_NAMES[x.kind][en ? 'en' : 'zh']).join(en ? '; ' : '；') || null,
        // The days the outcomes happened (most orders have one), earliest first.
        outcomesOn: [...new Set(mine.map((x) => x.happenedOn))].sort().join(en ? '; ' : '；') || null,
        amountYuan: amountFen > 0 ? amountFen / 100 : null,
      };
    });
  };

  return exportPages(pages, toRows, {
    title: en ? 'Service orders' : '服务订单台账',
    columns: ORDER_EXPORT_COLUMNS,
    format: q.format,
    locale,
    now,
    max: EXPORT_MAX,
  });
}
