import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import { isTeamKind, type TeamListParams, type TeamQuery } from './types.ts';

function positive(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * The team list's parameters in a URL's query, checked against what the
 * server accepts; anything else is ignored, so a stale or hand-edited link still works.
 */
export function readTeamParams(search: URLSearchParams): TeamListParams {
  const pageSize = positive(search.get('pageSize'));
  const kind = search.get('kind');
  const q = search.get('q')?.trim().slice(0, 64);
  const params: TeamListParams = {
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    q: q || undefined,
    kind: isTeamKind(kind) ? kind : undefined,
    withArchived: search.get('withArchived') === 'true' ? 'true' : undefined,
  };
  // Absent and undefined should compare alike (sameParams).
  for (const key of Object.keys(params) as (keyof TeamListParams)[]) {
    if (params[key] === undefined) delete params[key];
  }
  return params;
}

/** The URL query for the parameters: defaults left out, so links stay short. */
export function writeTeamParams(params: TeamListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}

/** What the server is asked: active teams only, unless archived ones are wanted too. */
export function teamQueryOf(params: TeamListParams): TeamQuery {
  const { withArchived, ...rest } = params;
  return withArchived === 'true' ? rest : { ...rest, archived: 'false' };
}
