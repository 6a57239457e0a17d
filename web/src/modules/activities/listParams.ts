import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import {
  type ActivityFilters,
  type ActivityListParams,
  type ActivityQuery,
  isActivityKind,
  isActivityStatus,
} from './types.ts';

function positive(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * The activity list's parameters in a URL's query, checked against what the
 * server accepts; anything else is ignored, so a stale or hand-edited link still works.
 */
export function readActivityParams(search: URLSearchParams): ActivityListParams {
  const pageSize = positive(search.get('pageSize'));
  const kind = search.get('kind');
  const status = search.get('status');
  const q = search.get('q')?.trim().slice(0, 64);
  const regionCode = search.get('regionCode');
  const month = search.get('month');
  const params: ActivityListParams = {
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    kind: isActivityKind(kind) ? kind : undefined,
    status: isActivityStatus(status) ? status : undefined,
    q: q || undefined,
    regionCode: regionCode && /^\d{2,6}$/.test(regionCode) ? regionCode : undefined,
    mine: search.get('mine') === 'true' ? 'true' : undefined,
    view: search.get('view') === 'calendar' ? 'calendar' : undefined,
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
  };
  // Absent and undefined should compare alike (sameParams).
  for (const key of Object.keys(params) as (keyof ActivityListParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}

/** The URL query for the parameters: defaults left out, so links stay short. */
export function writeActivityParams(params: ActivityListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}

/** The filters alone (what both the list and the calendar ask the server for). */
export function filtersOf(params: ActivityListParams): ActivityFilters {
  const { page: _page, pageSize: _pageSize, view: _view, month: _month, ...filters } = params;
  return filters;
}

/** What the list asks the server. */
export function listQueryOf(params: ActivityListParams): ActivityQuery {
  return { ...filtersOf(params), page: params.page, pageSize: params.pageSize };
}
