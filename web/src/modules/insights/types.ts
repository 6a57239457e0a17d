/**
 * The statistics API's shapes (数据看板), as src/modules/insights/{contract,metrics}.ts
 * define them. Every figure is the sum over its metric's records, so a card,
 * a bar or a slice can always be opened into exactly the records it counts.
 */

export const METRIC_KEYS = [
  'activities_held',
  'activity_attendance',
  'experts_involved',
  'enterprises_served',
  'demands_posted',
  'achievements_published',
  'talent_demands_posted',
  'orders_placed',
  'orders_closed',
  'agreements_signed',
  'problems_solved',
  'achievements_transferred',
  'talents_introduced',
  'hire_intents',
  'people_trained',
  'contacts_made',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export function isMetricKey(value: string | null | undefined): value is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(value ?? '');
}

/** What a breakdown groups by: month (2026-03), county code, industry section letter, kind. */
export const DIMENSIONS = ['month', 'region', 'industry', 'kind'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export function isDimension(value: string | null | undefined): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value ?? '');
}

/** A region and a period: China dates, both ends included; absent means the server's default. */
export interface Period {
  /** Six digits, within the caller's scope; their own region by default. */
  regionCode?: string;
  /** YYYY-MM-DD; 1 January of this year by default. */
  from?: string;
  /** YYYY-MM-DD; today by default. */
  to?: string;
}

export interface MetricInfo {
  key: MetricKey;
  /** In Chinese (the server's name; the web has its own English ones). */
  name: string;
  /** 场次, 人次, 人, 项, 家, 个, 次. */
  unit: string;
  /** What is counted, in Chinese. */
  description: string;
  /** Whether the records carry amounts (agreements, transfers). */
  money: boolean;
  dimensions: Dimension[];
}

export interface Figure {
  key: MetricKey;
  value: number;
  /** For money metrics, the sum in yuan; null otherwise. */
  amountYuan: number | null;
}

export interface HeadlineFigure extends Figure {
  /** The same period a year before (同比). */
  lastYear: Figure;
  /** The period of the same length just before (环比). */
  previous: Figure;
}

export interface BreakdownItem {
  /** What the records query filters by: 2026-03, 330502, C, job_fair. */
  key: string;
  /** In Chinese: 3月, 吴兴区, 制造业, 招聘会. */
  label: string;
  value: number;
  amountYuan: number | null;
}

export interface Breakdown {
  key: MetricKey;
  dimension: Dimension;
  items: BreakdownItem[];
}

export interface StepTime {
  /** The order status the step starts in (placed → dispatched …). */
  status: string;
  transitions: number;
  medianHours: number;
  meanHours: number;
}

/** 订单漏斗 of the orders placed in the period, and the orders past a step's deadline now. */
export interface Funnel {
  placed: number;
  dispatched: number;
  accepted: number;
  closed: number;
  /** Closed with an outcome other than "none". */
  effective: number;
  cancelled: number;
  overdueNow: number;
  steps: StepTime[];
}

export interface Dashboard {
  metrics: MetricInfo[];
  /** The region the figures are for: '' and 全国 for the whole country. */
  region: { code: string; name: string };
  /** The period as resolved by the server (defaults filled in). */
  from: string;
  to: string;
  /** The year of the monthly trends (the year `to` falls in). */
  trendYear: number;
  headline: HeadlineFigure[];
  /** By month over the whole trend year. */
  trends: Breakdown[];
  /** By region, kind or industry over the period. */
  breakdowns: Breakdown[];
  funnel: Funnel;
}

/** The records behind a figure, or behind one bar (dimension + value). */
export interface RecordsQuery extends Period {
  dimension?: Dimension;
  value?: string;
}

export interface MetricRecord {
  id: string;
  /** The record's code: XQ-2026-001, HD-20260905-7CCC, GD-… */
  ref: string;
  title: string;
  /** When it counts (published, started, closed …). */
  at: string;
  region: string;
  regionName: string;
  kind: string;
  kindName: string;
  /** What the row adds to the figure: 1, or the number an activity outcome reports. */
  weight: number;
  amountYuan: number | null;
  source: string;
  /** The record's page in the web, when it has one. */
  link: string | null;
}

export interface RecordsPage {
  /** Rows (records). */
  total: number;
  /** The figure: the sum of the rows' weights. */
  value: number;
  amountYuan: number | null;
  page: number;
  pageSize: number;
  items: MetricRecord[];
}

/** A step of the order funnel whose orders can be listed, or the orders late now. */
export const FUNNEL_STAGES = [
  'placed',
  'dispatched',
  'accepted',
  'closed',
  'effective',
  'cancelled',
  'overdue',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export function isFunnelStage(value: string | null): value is FunnelStage {
  return (FUNNEL_STAGES as readonly (string | null)[]).includes(value);
}

/** What the drill-down shows: a metric, and optionally one bar of a breakdown. */
export interface DrillDown {
  metric: MetricKey;
  dimension?: Dimension;
  value?: string;
}
