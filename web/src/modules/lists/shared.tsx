import { Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate as chinaDay, chinaToday, EMPTY } from '../../app/format.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import {
  type CooperationMode,
  LIST_STATUS_NAMES,
  LIST_STATUSES,
  type ListAction,
  type ListItemView,
  type ListStatus,
  type Stage,
} from './types.ts';

const STATUS_COLORS: Record<ListStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  published: 'green',
  in_progress: 'blue',
  closed: 'purple',
  expired: 'red',
};

/** A status from its code or its Chinese name (matching summaries carry the name). */
function statusOf(value: string): ListStatus | undefined {
  if ((LIST_STATUSES as readonly string[]).includes(value)) return value as ListStatus;
  return LIST_STATUSES.find((status) => LIST_STATUS_NAMES[status].zh === value);
}

export function statusLabel(t: Translate, value: string | null | undefined): string {
  if (!value) return EMPTY;
  const status = statusOf(value);
  return status ? t(LIST_STATUS_NAMES[status]) : value;
}

/** 草稿, 待审核, 已发布 … in their colours. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const known = statusOf(status);
  return (
    <Tag
      color={known ? STATUS_COLORS[known] : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="list-status"
    >
      {statusLabel(t, status)}
    </Tag>
  );
}

const ACTION_KEYS: Record<ListAction, MessageKey> = {
  submit: 'lists.action.submit',
  withdraw: 'lists.action.withdraw',
  reject: 'lists.action.reject',
  publish: 'lists.action.publish',
  start: 'lists.action.start',
  close: 'lists.action.close',
  expire: 'lists.action.expire',
  reopen: 'lists.action.reopen',
  solve: 'lists.action.solve',
  keepOpen: 'lists.action.keepOpen',
};

export function actionLabel(t: Translate, action: ListAction): string {
  return t(ACTION_KEYS[action]);
}

const MODE_KEYS: Record<CooperationMode, MessageKey> = {
  技术开发: 'lists.mode.development',
  技术转让: 'lists.mode.transfer',
  技术许可: 'lists.mode.licence',
  技术咨询: 'lists.mode.consulting',
  技术服务: 'lists.mode.service',
  作价入股: 'lists.mode.equity',
  合作开发: 'lists.mode.joint',
  人才引进: 'lists.mode.recruitment',
  柔性引才: 'lists.mode.flexible',
  项目合作: 'lists.mode.project',
  共建平台: 'lists.mode.platform',
  其他: 'lists.mode.other',
};

/** A cooperation mode in the interface's language; the value itself when unknown. */
export function modeLabel(t: Translate, mode: string): string {
  const key = MODE_KEYS[mode as CooperationMode];
  return key ? t(key) : mode;
}

const STAGE_KEYS: Record<Stage, MessageKey> = {
  实验室: 'lists.stage.lab',
  小试: 'lists.stage.bench',
  中试: 'lists.stage.pilot',
  产业化: 'lists.stage.industrial',
};

export function stageLabel(t: Translate, stage: string | null | undefined): string {
  if (!stage) return EMPTY;
  const key = STAGE_KEYS[stage as Stage];
  return key ? t(key) : stage;
}

/** 成熟度 with the TRL when there is one: 中试 · TRL 6. */
export function stageText(t: Translate, item: Pick<ListItemView, 'stage' | 'trl'>): string {
  if (item.trl === null) return stageLabel(t, item.stage);
  const trl = t('lists.trlShort', { level: item.trl });
  return item.stage ? `${stageLabel(t, item.stage)} · ${trl}` : trl;
}

function number(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 6 });
}

/**
 * A budget or asking price in 万元, the lists' one unit (the form, the sheets and the label
 * 预算（万元） say so): 50, 0.8, 1,200; 面议 when negotiable.
 */
export function formatAmount(
  t: Translate,
  item: Pick<ListItemView, 'amountYuan' | 'amountNegotiable'>,
): string {
  if (item.amountYuan === null) return item.amountNegotiable ? t('lists.negotiable') : EMPTY;
  const text = number(item.amountYuan / 10_000);
  return item.amountNegotiable ? t('lists.amountNegotiable', { amount: text }) : text;
}

/** A date (or an instant's day in China) as people write it in the chosen language (2026年12月31日). */
export function formatDate(t: Translate, value: string | null | undefined): string {
  if (!value) return EMPTY;
  const parsed = dayjs(chinaDay(value));
  return parsed.isValid() ? parsed.format(t('lists.dateFormat')) : value;
}

/** Whether a deadline (a date in China) is before today in China. */
export function deadlinePassed(deadline: string | null): boolean {
  return deadline !== null && deadline < chinaToday();
}

/** 截止日期, marked when it has passed. */
export function Deadline({ deadline }: { deadline: string | null }) {
  const t = useT();
  if (!deadline) return EMPTY;
  const text = formatDate(t, deadline);
  if (!deadlinePassed(deadline)) return text;
  return (
    <Tooltip title={t('lists.deadlinePassed')}>
      <Typography.Text type="danger">{text}</Typography.Text>
    </Tooltip>
  );
}
