import { FUNNEL_STAGE_KEYS } from '../orders/constants.ts';

/**
 * 常态化服务 (#16): the assistance teams' standing service — teams with
 * sessions due, sessions due (计划), done through their record, overdue —
 * and the visits they logged; the tech commissioners serving, the
 * enterprises they serve and their visits due, made and overdue; the contact
 * duties' contacts and care visits likewise; and the demands commissioners
 * refined, with those the enterprises confirmed. The dashboard shows them in
 * a card of their own.
 */
export const TEAM_STANDING_METRIC_KEYS = [
  'teams_planned',
  'sessions_planned',
  'sessions_done',
  'sessions_overdue',
  'standing_visits',
] as const;
export const COMMISSION_METRIC_KEYS = [
  'commissioners_serving',
  'commission_enterprises',
  'commission_visits_planned',
  'commission_visits_done',
  'commission_visits_overdue',
  'refined_demands',
  'refined_confirmed',
] as const;
export const DUTY_METRIC_KEYS = [
  'duty_contacts_planned',
  'duty_contacts_done',
  'duty_contacts_overdue',
] as const;
export const STANDING_METRIC_KEYS = [
  ...TEAM_STANDING_METRIC_KEYS,
  ...COMMISSION_METRIC_KEYS,
  ...DUTY_METRIC_KEYS,
] as const;

/** The metrics whose records are planned occurrences (their drill-down shows owner, due day, state and record). */
export const OCCURRENCE_METRIC_KEYS = [
  'sessions_planned',
  'sessions_done',
  'sessions_overdue',
  'commission_visits_planned',
  'commission_visits_done',
  'commission_visits_overdue',
  'duty_contacts_planned',
  'duty_contacts_done',
  'duty_contacts_overdue',
] as const;
export type StandingMetricKey = (typeof STANDING_METRIC_KEYS)[number];

/** A session kind as a records row's `kind` (activities have a kind `visit` of their own). */
export const sessionKindKey = (kind: string) => `session.${kind}`;

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
  ...STANDING_METRIC_KEYS,
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Dimensions any breakdown may use: month (2026-03), county code, industry section letter, kind. */
export const DIMENSIONS = ['month', 'region', 'industry', 'kind'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A step of the order funnel whose orders can be listed, or the open orders late now. */
export const FUNNEL_RECORD_STAGES = [...FUNNEL_STAGE_KEYS, 'overdue'] as const;
export type FunnelRecordStage = (typeof FUNNEL_RECORD_STAGES)[number];
