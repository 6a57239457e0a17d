import { Space, Tag } from 'antd';
import { EMPTY, formatDateTime } from '../../app/format.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import {
  isOrderStatus,
  ORDER_STATUS_NAMES,
  type OrderAction,
  type OrderEventAction,
  type OrderListItem,
  type OrderStatus,
  type OutcomeKind,
} from './types.ts';

const STATUS_COLORS: Record<OrderStatus, string> = {
  placed: 'gold',
  dispatched: 'blue',
  accepted: 'cyan',
  in_service: 'geekblue',
  awaiting_confirmation: 'orange',
  closed: 'green',
  cancelled: 'default',
};

/** Statuses whose step has no deadline any more. */
const FINAL: readonly OrderStatus[] = ['closed', 'cancelled'];

export function orderStatusLabel(t: Translate, status: string | null | undefined): string {
  if (!status) return EMPTY;
  return isOrderStatus(status) ? t(ORDER_STATUS_NAMES[status]) : status;
}

/** 待派单, 已派单 … 已办结 in their colours. */
export function OrderStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag
      color={isOrderStatus(status) ? STATUS_COLORS[status] : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="order-status"
    >
      {orderStatusLabel(t, status)}
    </Tag>
  );
}

/** The names of machine.ts ORDER_ACTION_NAMES (as buttons), and of the history's own rows. */
const ACTION_KEYS: Record<OrderEventAction, MessageKey> = {
  place: 'orders.action.place',
  dispatch: 'orders.action.dispatch',
  redispatch: 'orders.action.redispatch',
  accept: 'orders.action.accept',
  decline: 'orders.action.decline',
  timeout: 'orders.action.timeout',
  start: 'orders.action.start',
  finish: 'orders.action.finish',
  confirm: 'orders.action.confirm',
  reopen: 'orders.action.reopen',
  cancel: 'orders.action.cancel',
  overdue: 'orders.action.overdue',
};

export function orderActionLabel(t: Translate, action: OrderAction | string): string {
  const key = ACTION_KEYS[action as OrderEventAction];
  return key ? t(key) : action;
}

const OUTCOME_KEYS: Record<OutcomeKind, MessageKey> = {
  agreement: 'orders.outcome.agreement',
  solved: 'orders.outcome.solved',
  transfer: 'orders.outcome.transfer',
  talent: 'orders.outcome.talent',
  none: 'orders.outcome.none',
};

export function outcomeLabel(t: Translate, kind: string): string {
  const key = OUTCOME_KEYS[kind as OutcomeKind];
  return key ? t(key) : kind;
}

const OFFER_KEYS: Record<string, MessageKey> = {
  offered: 'orders.offer.offered',
  accepted: 'orders.offer.accepted',
  declined: 'orders.offer.declined',
  withdrawn: 'orders.offer.withdrawn',
};

const OFFER_COLORS: Record<string, string> = {
  offered: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
};

export function OfferStateTag({ state }: { state: string }) {
  const t = useT();
  const key = OFFER_KEYS[state];
  return (
    <Tag color={OFFER_COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {key ? t(key) : state}
    </Tag>
  );
}

/** An outcome's amount in 元, the outcomes' one unit (the forms, the pages and 台账 alike): 500,000元. */
export function formatYuan(t: Translate, yuan: number | null): string {
  if (yuan === null) return EMPTY;
  return t('orders.money.yuan', { yuan: yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) });
}

/** When the current step is due, with a red 超时 once it has passed. */
export function StepDue({ order }: { order: Pick<OrderListItem, 'stepDueAt' | 'overdue' | 'status'> }) {
  const t = useT();
  if (!order.stepDueAt || FINAL.includes(order.status)) return EMPTY;
  return (
    <Space size={4} wrap>
      <span>{formatDateTime(order.stepDueAt)}</span>
      {order.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="order-overdue">
          {t('orders.overdue')}
        </Tag>
      )}
    </Space>
  );
}
