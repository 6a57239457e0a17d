import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Dashboard, MetricKey, Period, RecordsPage, RecordsQuery } from './types.ts';

export const insightKeys = {
  all: ['insights'] as const,
  dashboard: (period: Period) => ['insights', 'dashboard', period] as const,
  records: (metric: MetricKey, query: RecordsQuery & { page: number; pageSize: number }) =>
    ['insights', 'records', metric, query] as const,
};

const metricPath = (metric: MetricKey) => `/api/insights/metrics/${encodeURIComponent(metric)}`;

/** Every dashboard table (主要指标, trends, breakdowns, the funnel) as one workbook. */
export const DASHBOARD_XLSX_PATH = '/api/insights/dashboard.xlsx';

/** 工作简报: the Word report of the region and period. */
export const REPORT_PATH = '/api/insights/report';

/** The records behind a figure (or one bar) as a workbook, unpaged. */
export function recordsXlsxPath(metric: MetricKey): string {
  return `${metricPath(metric)}/records.xlsx`;
}

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

export function useMetricRecords(
  metric: MetricKey,
  query: RecordsQuery & { page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: insightKeys.records(metric, query),
    queryFn: ({ signal }) => api.get<RecordsPage>(`${metricPath(metric)}/records`, { ...query }, signal),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
    enabled,
  });
}
