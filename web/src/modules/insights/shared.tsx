import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { OCCURRENCE_METRIC_KEYS } from '@server/modules/insights/constants.ts';
import type { OccurrenceState, SessionKind } from '@server/modules/standing/constants.ts';
import { Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import { kindLabel } from '../activities/shared.tsx';
import { isActivityKind } from '../activities/types.ts';
import { orderStatusLabel } from '../orders/shared.tsx';
import { isOrderStatus } from '../orders/types.ts';
import type { BreakdownItem, Dimension, FunnelStage, MetricInfo, MetricKey } from './types.ts';

// ---------- figures ----------
// As the server's work report writes them (src/modules/insights/numbers.ts), so
// the page, the Excel files and the Word report show the same figures:
// counts plain (from 100,000 in 万), two decimals at most with trailing zeros
// dropped. Money is in 万元 throughout, as the workbooks' 金额（万元） columns, the
// labels saying so (the Word report's sentences may still say 1.25亿元).

function trim(n: number, decimals: number): string {
  return n
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** 326, 8200, 1.23万 (in English 123,456). */
export function formatCount(t: Translate, n: number): string {
  if (Math.abs(n) >= 100_000) return t('insights.count.wan', { wan: trim(n / 10_000, 2), n: grouped(n) });
  return t('insights.count.plain', { n: String(Math.round(n)), grouped: grouped(Math.round(n)) });
}

/** Yuan in 万元, the dashboard's one unit (its labels say 金额（万元））: 120, 3.5, 12,500, 0.8. */
export function formatMoney(yuan: number): string {
  return grouped(Number(trim(yuan / 1e4, 2)));
}

/** The change from `before` to `now` as a fraction; null when there is nothing to compare with. */
export function changeRatio(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / before;
}

/** 12.5% (one decimal at most). */
export function formatPercent(ratio: number): string {
  return `${trim(Math.abs(ratio) * 100, 1)}%`;
}

/**
 * 同比 / 环比 as a signed percentage with a green ↑ or red ↓ (持平 when unchanged); "—" when the earlier
 * figure is 0 and no percentage can be given. The tooltip gives the earlier figure.
 */
export function Change({
  label,
  now,
  before,
  unit,
}: {
  label: 'yoy' | 'mom';
  now: number;
  before: number;
  unit: string;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const ratio = changeRatio(now, before);
  const name = t(label === 'yoy' ? 'insights.yoy' : 'insights.mom');
  const earlier =
    ratio === null
      ? t('insights.noBaseTip', {
          earlier: t(label === 'yoy' ? 'insights.lastYearName' : 'insights.previousName'),
        })
      : t(label === 'yoy' ? 'insights.lastYearWas' : 'insights.previousWas', {
          value: t('insights.valueUnit', { value: formatCount(t, before), unit }),
        });
  const flat = ratio !== null && Math.abs(ratio) < 0.0005;
  const color =
    ratio === null || flat ? token.colorTextSecondary : ratio > 0 ? token.colorSuccess : token.colorError;
  return (
    <Tooltip title={earlier}>
      <Typography.Text
        style={{ fontSize: 12, color, whiteSpace: 'nowrap' }}
        data-testid={`insights-${label}`}
      >
        {name}{' '}
        {ratio === null ? (
          t('insights.noBase')
        ) : flat ? (
          t('insights.flat')
        ) : (
          <>
            {ratio > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
            {ratio > 0 ? '+' : '−'}
            {formatPercent(ratio)}
          </>
        )}
      </Typography.Text>
    </Tooltip>
  );
}

// ---------- names ----------
// The server names metrics, units and bars in Chinese; English comes from here
// (and Chinese too, falling back to the server's text for anything new).

const METRIC_NAME_KEYS: Record<MetricKey, MessageKey> = {
  activities_held: 'insights.metric.activities_held',
  activity_attendance: 'insights.metric.activity_attendance',
  experts_involved: 'insights.metric.experts_involved',
  enterprises_served: 'insights.metric.enterprises_served',
  institutions_involved: 'insights.metric.institutions_involved',
  demands_posted: 'insights.metric.demands_posted',
  achievements_published: 'insights.metric.achievements_published',
  talent_demands_posted: 'insights.metric.talent_demands_posted',
  orders_placed: 'insights.metric.orders_placed',
  orders_closed: 'insights.metric.orders_closed',
  agreements_signed: 'insights.metric.agreements_signed',
  institutions_signed: 'insights.metric.institutions_signed',
  enterprises_signed: 'insights.metric.enterprises_signed',
  problems_solved: 'insights.metric.problems_solved',
  achievements_transferred: 'insights.metric.achievements_transferred',
  talents_introduced: 'insights.metric.talents_introduced',
  hire_intents: 'insights.metric.hire_intents',
  people_trained: 'insights.metric.people_trained',
  contacts_made: 'insights.metric.contacts_made',
  teams_planned: 'insights.metric.teams_planned',
  sessions_planned: 'insights.metric.sessions_planned',
  sessions_done: 'insights.metric.sessions_done',
  sessions_overdue: 'insights.metric.sessions_overdue',
  standing_visits: 'insights.metric.standing_visits',
  commissioners_serving: 'insights.metric.commissioners_serving',
  commission_enterprises: 'insights.metric.commission_enterprises',
  commission_visits_planned: 'insights.metric.commission_visits_planned',
  commission_visits_done: 'insights.metric.commission_visits_done',
  commission_visits_overdue: 'insights.metric.commission_visits_overdue',
  refined_demands: 'insights.metric.refined_demands',
  refined_confirmed: 'insights.metric.refined_confirmed',
  duty_contacts_planned: 'insights.metric.duty_contacts_planned',
  duty_contacts_done: 'insights.metric.duty_contacts_done',
  duty_contacts_overdue: 'insights.metric.duty_contacts_overdue',
};

export function metricName(t: Translate, metric: Pick<MetricInfo, 'key' | 'name'>): string {
  const key = METRIC_NAME_KEYS[metric.key];
  return key ? t(key) : metric.name;
}

/** What a figure counts, in a line (口径): the card says it under the name, the drill-down above its records. */
export function metricBasis(t: Translate, key: MetricKey): string {
  return t(`insights.basis.${key}` as const);
}

/** The units of metrics.ts MetricUnit. */
const UNIT_KEYS: Record<string, MessageKey> = {
  场次: 'insights.unit.sessions',
  人次: 'insights.unit.personTimes',
  人: 'insights.unit.people',
  项: 'insights.unit.items',
  家: 'insights.unit.firms',
  个: 'insights.unit.pieces',
  次: 'insights.unit.times',
};

export function unitLabel(t: Translate, unit: string): string {
  const key = UNIT_KEYS[unit];
  return key ? t(key) : unit;
}

/** A bar's key as it reads in the chosen language (the server's Chinese label otherwise). */
export function itemLabel(
  t: Translate,
  dimension: Dimension,
  item: Pick<BreakdownItem, 'key' | 'label'>,
): string {
  if (dimension === 'month' && /^\d{4}-\d{2}$/.test(item.key)) return dayjs(`${item.key}-01`).format('MMM');
  if (dimension === 'kind') return recordKindLabel(t, item.key, item.label);
  return item.label;
}

/** Kinds of registry records a figure counts (参与专家, 签约高校院所 …). */
const REGISTRY_KIND_KEYS: Record<string, MessageKey> = {
  expert: 'insights.recordKind.expert',
  enterprise: 'insights.recordKind.enterprise',
  institution: 'insights.recordKind.institution',
  standing_visit: 'insights.recordKind.standing_visit',
  team: 'insights.recordKind.team',
};

/**
 * The figures whose records are planned occurrences — a team's sessions, a commissioner's visits, a
 * duty's contacts (their drill-down shows whose, due day, state and record).
 */
export function isSessionMetric(key: MetricKey): boolean {
  return (OCCURRENCE_METRIC_KEYS as readonly string[]).includes(key);
}

/** The standing service's session kinds (a records row's kind is `session.<kind>`). */
export const SESSION_KIND_LABELS: Record<SessionKind, MessageKey> = {
  salon: 'insights.sessionKind.salon',
  visit: 'insights.sessionKind.visit',
  consultation: 'insights.sessionKind.consultation',
  research: 'insights.sessionKind.research',
  transfer: 'insights.sessionKind.transfer',
  commission_visit: 'insights.sessionKind.commission_visit',
  contact: 'insights.sessionKind.contact',
  care: 'insights.sessionKind.care',
};

export const SESSION_STATE_LABELS: Record<OccurrenceState, MessageKey> = {
  done: 'insights.sessionState.done',
  overdue: 'insights.sessionState.overdue',
  due: 'insights.sessionState.due',
  planned: 'insights.sessionState.planned',
};

/**
 * A record's kind: a session kind, an activity kind, an order status, a registry record, or the server's
 * name for it (技术需求 …).
 */
export function recordKindLabel(t: Translate, kind: string, serverName: string): string {
  const session = kind.startsWith('session.') ? kind.slice('session.'.length) : '';
  if (Object.hasOwn(SESSION_KIND_LABELS, session)) return t(SESSION_KIND_LABELS[session as SessionKind]);
  if (isActivityKind(kind)) return kindLabel(t, kind);
  if (isOrderStatus(kind)) return orderStatusLabel(t, kind);
  const registry = REGISTRY_KIND_KEYS[kind];
  return registry ? t(registry) : serverName;
}

const DIMENSION_KEYS: Record<Dimension, MessageKey> = {
  month: 'insights.dimension.month',
  region: 'insights.dimension.region',
  industry: 'insights.dimension.industry',
  kind: 'insights.dimension.kind',
};

export function dimensionLabel(t: Translate, dimension: Dimension): string {
  return t(DIMENSION_KEYS[dimension]);
}

/** What each step of the funnel (and the late orders) reads as in a drawer's title. */
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, MessageKey> = {
  placed: 'insights.funnel.placed',
  dispatched: 'insights.funnel.dispatched',
  accepted: 'insights.funnel.accepted',
  closed: 'insights.funnel.closed',
  effective: 'insights.funnel.effective',
  cancelled: 'insights.funnel.cancelled',
  overdue: 'insights.funnel.overdue',
};
