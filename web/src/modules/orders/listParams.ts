import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import { isOrderStatus, type OrderListParams } from './types.ts';

function positive(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * The order list's parameters in a URL's query, checked against what the
 * server accepts; anything else is ignored, so a stale or hand-edited link still works.
 */
export function readOrderParams(search: URLSearchParams): OrderListParams {
  const pageSize = positive(search.get('pageSize'));
  const status = search.get('status');
  const q = search.get('q')?.trim().slice(0, 64);
  const params: OrderListParams = {
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    status: isOrderStatus(status) ? status : undefined,
    q: q || undefined,
    overdue: search.get('overdue') === 'true' ? 'true' : undefined,
  };
  // Absent and undefined should compare alike (sameParams).
  for (const key of Object.keys(params) as (keyof OrderListParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}

/** The URL query for the parameters: defaults left out, so links stay short. */
export function writeOrderParams(params: OrderListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}
