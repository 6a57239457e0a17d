import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import type { InsightRoutes, Period, RecordsOf, RecordsPage, RecordsQuery } from './types.ts';

const call = routes<InsightRoutes>();

export const insightKeys = {
  all: ['insights'] as const,
  dashboard: (period: Period) => ['insights', 'dashboard', period] as const,
  records: (of: RecordsOf, query: RecordsQuery & { page: number; pageSize: number }) =>
    ['insights', 'records', of, query] as const,
};

/** Where the records behind a metric's figure (or one bar), or behind a step of the funnel, are listed; `.xlsx` after it for Excel. */
export function recordsPath(of: RecordsOf): string {
  return 'metric' in of
    ? `/api/insights/metrics/${encodeURIComponent(of.metric)}/records`
    : `/api/insights/funnel/${encodeURIComponent(of.stage)}/records`;
}

/** Every dashboard table (主要指标, trends, breakdowns, the funnel) as one workbook. */
export const DASHBOARD_XLSX_PATH = '/api/insights/dashboard.xlsx';

/** 工作简报: the Word report of the region and period. */
export const REPORT_PATH = '/api/insights/report';

/** The figures move as records are published, orders close and activities are held: a minute is fresh enough. */
const STALE_MS = 60_000;

export function useDashboard(period: Period) {
  return useQuery({
    queryKey: insightKeys.dashboard(period),
    queryFn: ({ signal }) => call('GET /api/insights/dashboard', { query: period, signal }),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** One page of the records behind a metric (or one bar of it), or behind a step of the funnel. */
export function useRecords(
  of: RecordsOf,
  query: RecordsQuery & { page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: insightKeys.records(of, query),
    queryFn: ({ signal }): Promise<RecordsPage> =>
      'metric' in of
        ? call('GET /api/insights/metrics/:metric/records', { params: { metric: of.metric }, query, signal })
        : call('GET /api/insights/funnel/:stage/records', {
            params: { stage: of.stage },
            query: {
              regionCode: query.regionCode,
              from: query.from,
              to: query.to,
              page: query.page,
              pageSize: query.pageSize,
            },
            signal,
          }),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
    enabled,
  });
}
