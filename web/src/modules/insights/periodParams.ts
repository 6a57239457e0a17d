import dayjs, { type Dayjs } from 'dayjs';
import {
  type DrillDown,
  type FunnelStage,
  isDimension,
  isFunnelStage,
  isMetricKey,
  type Period,
} from './types.ts';

/** A real calendar date as YYYY-MM-DD (not 2026-02-30). */
function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}

/** The dashboard's URL: the region and period, and the drill-down open on top of it. */
export interface InsightsParams extends Period {
  drill?: DrillDown;
  /** The orders behind a step of the funnel (one drill-down at a time: a metric's wins). */
  funnel?: FunnelStage;
}

/**
 * The dashboard's parameters in a URL's query, checked against what the server
 * accepts; anything else is ignored, so a stale or hand-edited link still works
 * (and absent means the server's default: the caller's region, this year to today).
 */
export function readInsightsParams(search: URLSearchParams): InsightsParams {
  const regionCode = search.get('regionCode');
  let from = search.get('from');
  let to = search.get('to');
  if (!isDate(from)) from = null;
  if (!isDate(to)) to = null;
  // A reversed period would only be refused.
  if (from && to && from > to) [from, to] = [to, from];
  const params: InsightsParams = {};
  if (regionCode && /^\d{6}$/.test(regionCode)) params.regionCode = regionCode;
  if (from) params.from = from;
  if (to) params.to = to;
  const metric = search.get('metric');
  if (isMetricKey(metric)) {
    const dimension = search.get('dimension');
    const value = search.get('value')?.slice(0, 32);
    params.drill = isDimension(dimension) && value !== undefined ? { metric, dimension, value } : { metric };
  } else {
    const funnel = search.get('funnel');
    if (isFunnelStage(funnel)) params.funnel = funnel;
  }
  return params;
}

/** The URL query for the parameters; defaults left out, so links stay short. */
export function writeInsightsParams(params: InsightsParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.regionCode) search.set('regionCode', params.regionCode);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.drill) {
    search.set('metric', params.drill.metric);
    if (params.drill.dimension && params.drill.value !== undefined) {
      search.set('dimension', params.drill.dimension);
      search.set('value', params.drill.value);
    }
  } else if (params.funnel) {
    search.set('funnel', params.funnel);
  }
  return search;
}

/** The region and period alone (what the dashboard asks the server). */
export function periodOf(params: InsightsParams): Period {
  const { drill: _drill, funnel: _funnel, ...period } = params;
  return period;
}

export type PresetKey = 'yearToDate' | 'quarter' | 'lastMonth' | 'lastYear';

/** 今年以来, 本季度, 上月, 去年: periods relative to `today`. */
export function presetRange(key: PresetKey, today: Dayjs): [Dayjs, Dayjs] {
  const day = today.startOf('day');
  switch (key) {
    case 'yearToDate':
      return [day.startOf('year'), day];
    case 'quarter': {
      const start = day.startOf('month').month(Math.floor(day.month() / 3) * 3);
      return [start, day];
    }
    case 'lastMonth': {
      const month = day.subtract(1, 'month');
      return [month.startOf('month'), month.endOf('month').startOf('day')];
    }
    case 'lastYear': {
      const year = day.subtract(1, 'year');
      return [year.startOf('year'), year.endOf('year').startOf('day')];
    }
  }
}

export const DATE_FORMAT = 'YYYY-MM-DD';
