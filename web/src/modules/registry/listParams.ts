import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import type { FilterName } from './config.ts';
import {
  HONOUR_LEVELS,
  INSTITUTION_KINDS,
  RECORD_SORTS,
  type RegistryFilters,
  type RegistryKind,
  type RegistryListParams,
  type RegistrySort,
  STATION_KINDS,
  TITLE_LEVELS,
} from './types.ts';

/** The `kind` values a registry's list can filter by. */
export function kindValues(kind: RegistryKind): readonly string[] {
  if (kind === 'institutions') return INSTITUTION_KINDS;
  if (kind === 'stations') return STATION_KINDS;
  return [];
}

function oneOf(value: string | null, allowed: readonly string[]): string | undefined {
  return value !== null && allowed.includes(value) ? value : undefined;
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
 * The list parameters in a URL's query, checked against what this registry
 * offers; anything else is ignored, so a stale or hand-edited link still works.
 */
export function readListParams(
  search: URLSearchParams,
  kind: RegistryKind,
  filters: readonly FilterName[],
): RegistryListParams {
  const offered = new Set<string>(filters);
  const pick = (name: FilterName, value: string | undefined) => (offered.has(name) ? value : undefined);
  const pageSize = positive(search.get('pageSize'));
  const q = search.get('q')?.trim().slice(0, 64);
  const region = search.get('regionCode');
  const params: RegistryListParams = {
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    q: q || undefined,
    regionCode: region && /^\d{2,6}$/.test(region) ? region : undefined,
    discipline: pick('discipline', code(search.get('discipline'))),
    industry: pick('industry', code(search.get('industry'))),
    qualification: pick('qualification', code(search.get('qualification'))),
    title: pick('title', code(search.get('title'))),
    tag: pick('tag', search.get('tag')?.trim().slice(0, 32) || undefined),
    titleLevel: pick('titleLevel', oneOf(search.get('titleLevel'), TITLE_LEVELS)),
    honourLevel: pick('honourLevel', oneOf(search.get('honourLevel'), HONOUR_LEVELS)),
    kind: pick('kind', oneOf(search.get('kind'), kindValues(kind))),
    flagged: search.get('flagged') === 'true' ? 'true' : undefined,
    archived: search.get('archived') === 'true' ? 'true' : undefined,
    sort: oneOf(search.get('sort'), RECORD_SORTS) as RegistrySort | undefined,
  };
  // Absent and undefined should compare alike (sameParams).
  for (const key of Object.keys(params) as (keyof RegistryListParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}

/** The URL query for list parameters: defaults left out, so links stay short. */
export function writeListParams(params: RegistryListParams): URLSearchParams {
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
export function filtersOf(params: RegistryListParams): RegistryFilters {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return filters;
}
