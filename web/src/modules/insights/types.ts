/**
 * The statistics API as the web sees it (数据看板): its routes typed by the
 * server's contract (src/modules/insights/contract.ts), its code values
 * (constants.ts), and what only the web has. Every figure is the sum over its
 * metric's records, so a card, a bar or a slice can always be opened into
 * exactly the records it counts.
 */

import {
  DIMENSIONS,
  type Dimension,
  FUNNEL_RECORD_STAGES,
  type FunnelRecordStage,
  METRIC_KEYS,
  type MetricKey,
} from '@server/modules/insights/constants.ts';
import type {
  dashboardQuery,
  dashboardView,
  funnelRecordsQuery,
  funnelRecordsView,
  recordsQuery,
  recordsView,
} from '@server/modules/insights/contract.ts';
import type { QueryOf, ReplyOf } from '../../app/api.ts';

export type InsightRoutes = {
  'GET /api/insights/dashboard': { query: typeof dashboardQuery; reply: typeof dashboardView };
  'GET /api/insights/metrics/:metric/records': { query: typeof recordsQuery; reply: typeof recordsView };
  'GET /api/insights/funnel/:stage/records': {
    query: typeof funnelRecordsQuery;
    reply: typeof funnelRecordsView;
  };
};

export type { Dimension, MetricKey } from '@server/modules/insights/constants.ts';
/** A step of the order funnel whose orders can be listed, or the orders late now. */
export type FunnelStage = FunnelRecordStage;

export type Dashboard = ReplyOf<InsightRoutes['GET /api/insights/dashboard']>;
export type MetricInfo = Dashboard['metrics'][number];
export type HeadlineFigure = Dashboard['headline'][number];
export type Breakdown = Dashboard['breakdowns'][number];
export type BreakdownItem = Breakdown['items'][number];
export type StepTime = Dashboard['funnel']['steps'][number];

/** A region and a period: China dates, both ends included; absent means the server's default. */
export type Period = QueryOf<InsightRoutes['GET /api/insights/dashboard']>;
/** The records behind a figure, or behind one bar (dimension + value). */
export type RecordsQuery = Omit<
  QueryOf<InsightRoutes['GET /api/insights/metrics/:metric/records']>,
  'page' | 'pageSize'
>;
export type RecordsPage =
  | ReplyOf<InsightRoutes['GET /api/insights/metrics/:metric/records']>
  | ReplyOf<InsightRoutes['GET /api/insights/funnel/:stage/records']>;
export type MetricRecord = RecordsPage['items'][number];

/** Whose records a drawer lists: a metric's, or the orders behind a step of the funnel. */
export type RecordsOf = { metric: MetricKey } | { stage: FunnelStage };

export function isMetricKey(value: string | null | undefined): value is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(value ?? '');
}

export function isDimension(value: string | null | undefined): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value ?? '');
}

export function isFunnelStage(value: string | null): value is FunnelStage {
  return (FUNNEL_RECORD_STAGES as readonly (string | null)[]).includes(value);
}

/** What the drill-down shows: a metric, and optionally one bar of a breakdown. */
export interface DrillDown {
  metric: MetricKey;
  dimension?: Dimension;
  value?: string;
}
