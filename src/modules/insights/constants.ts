import { FUNNEL_STAGE_KEYS } from '../orders/constants.ts';

/**
 * The figures (metrics.ts METRICS, in this order on the dashboard and in the
 * report) and what they break down by. Pure data: the web bundles this file.
 */
export const METRIC_KEYS = [
  'activities_held',
  'activity_attendance',
  'experts_involved',
  'enterprises_served',
  'institutions_involved',
  'demands_posted',
  'achievements_published',
  'talent_demands_posted',
  'orders_placed',
  'orders_closed',
  'agreements_signed',
  'institutions_signed',
  'enterprises_signed',
  'problems_solved',
  'achievements_transferred',
  'talents_introduced',
  'hire_intents',
  'people_trained',
  'contacts_made',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Dimensions any breakdown may use: month (2026-03), county code, industry section letter, kind. */
export const DIMENSIONS = ['month', 'region', 'industry', 'kind'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A step of the order funnel whose orders can be listed, or the open orders late now. */
export const FUNNEL_RECORD_STAGES = [...FUNNEL_STAGE_KEYS, 'overdue'] as const;
export type FunnelRecordStage = (typeof FUNNEL_RECORD_STAGES)[number];
