import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import {
  LIST_SORTS,
  LIST_STATUSES,
  type ListFilters,
  type ListParams,
  type ListSort,
  type ListStatus,
} from './types.ts';

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A dictionary code as the server accepts it. */
function code(value: string | null): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed && trimmed.length <= 16 ? trimmed : undefined;
}

function positive(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * The list parameters in a URL's query, checked against what the server
 * accepts; anything else is ignored, so a stale or hand-edited link still works.
 */
export function readListParams(search: URLSearchParams): ListParams {
  const pageSize = positive(search.get('pageSize'));
  const q = search.get('q')?.trim().slice(0, 64);
  const region = search.get('regionCode');
  const params: ListParams = {
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    q: q || undefined,
    regionCode: region && /^\d{2,6}$/.test(region) ? region : undefined,
    status: oneOf<ListStatus>(search.get('status'), LIST_STATUSES),
    industry: code(search.get('industry')),
    discipline: code(search.get('discipline')),
    cluster: search.get('cluster')?.trim().slice(0, 64) || undefined,
    mine: search.get('mine') === 'true' ? 'true' : undefined,
    flagged: search.get('flagged') === 'true' ? 'true' : undefined,
    sort: oneOf<ListSort>(search.get('sort'), LIST_SORTS),
  };
  // Absent and undefined should compare alike (sameParams).
  for (const key of Object.keys(params) as (keyof ListParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}

/** The URL query for list parameters: defaults left out, so links stay short. */
export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    if (key === 'sort' && value === 'updatedAt') continue;
    search.set(key, String(value));
  }
  return search;
}

/** The filters alone (no paging), for exports. */
export function filtersOf(params: ListParams): ListFilters {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return filters;
}
