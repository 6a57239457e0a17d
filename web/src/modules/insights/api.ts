import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Dashboard, FunnelStage, MetricKey, Period, RecordsPage, RecordsQuery } from './types.ts';

export const insightKeys = {
  all: ['insights'] as const,
  dashboard: (period: Period) => ['insights', 'dashboard', period] as const,
  records: (path: string, query: RecordsQuery & { page: number; pageSize: number }) =>
    ['insights', 'records', path, query] as const,
};

/** Where the records behind a metric's figure (or one bar) are listed; `.xlsx` after it for Excel. */
export const metricRecordsPath = (metric: MetricKey) =>
  `/api/insights/metrics/${encodeURIComponent(metric)}/records`;

/** Where the orders behind a step of the funnel (or late now) are listed; `.xlsx` after it for Excel. */
export const funnelRecordsPath = (stage: FunnelStage) =>
  `/api/insights/funnel/${encodeURIComponent(stage)}/records`;

/** Every dashboard table (主要指标, trends, breakdowns, the funnel) as one workbook. */
export const DASHBOARD_XLSX_PATH = '/api/insights/dashboard.xlsx';

/** 工作简报: the Word report of the region and period. */
export const REPORT_PATH = '/api/insights/report';

/** The figures move as records are published, orders close and activities are held: a minute is fresh enough. */
const STALE_MS = 60_000;

export function useDashboard(period: Period) {
  return useQuery({
    queryKey: insightKeys.dashboard(period),
    queryFn: ({ signal }) => api.get<Dashboard>('/api/insights/dashboard', { ...period }, signal),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

/** One page of records from a records path (metricRecordsPath, funnelRecordsPath). */
export function useRecords(
  path: string,
  query: RecordsQuery & { page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: insightKeys.records(path, query),
    queryFn: ({ signal }) => api.get<RecordsPage>(path, { ...query }, signal),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
    enabled,
  });
}
