import { listParams, type ParamReader, param } from '../../app/listParams.ts';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  type ActivityFilters,
  type ActivityListParams,
  type ActivityQuery,
} from './types.ts';

/** A calendar day, YYYY-MM-DD, that exists (the server refuses 2026-02-30). */
const day: ParamReader<string> = (value) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
    ? value
    : undefined;

/** The activity list's URL parameters: the filters, and the calendar view with its month. */
export const activityParams = listParams<Omit<ActivityListParams, 'page' | 'pageSize'>>({
  kind: param.oneOf(ACTIVITY_KINDS),
  status: param.oneOf(ACTIVITY_STATUSES),
  q: param.text(64),
  regionCode: param.region,
  mine: param.flag,
  from: day,
  to: day,
  view: param.oneOf(['calendar'] as const),
  month: param.month,
});

/** The filters alone (what both the list and the calendar ask the server for). */
export function filtersOf(params: ActivityListParams): ActivityFilters {
  const { page: _page, pageSize: _pageSize, view: _view, month: _month, ...filters } = params;
  return filters;
}

/** What the list asks the server. */
export function listQueryOf(params: ActivityListParams): ActivityQuery {
  return { ...filtersOf(params), page: params.page, pageSize: params.pageSize };
}
