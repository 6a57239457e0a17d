import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  type ButtonProps,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { ApiError, errorMessage, newIdempotencyKey } from '../../app/api.ts';
import { chinaToday, formatDate, usePickerFormats } from '../../app/format.ts';
import { clean } from '../../app/forms.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useTransitionOrder } from './api.ts';
import { DispatchDialog } from './DispatchDialog.tsx';
import { orderActionLabel, outcomeLabel } from './shared.tsx';
import {
  ORDER_ACTIONS,
  type OrderAction,
  type OrderTransitionBody,
  type OrderView,
  OUTCOME_KINDS,
  OUTCOMES_WITH_AMOUNT,
  type OutcomeInput,
  type OutcomeKind,
} from './types.ts';

type Submit = (body: Omit<OrderTransitionBody, 'version'>, key: string) => Promise<boolean>;

/** The actions that need a reason, with the texts of their dialog. */
const REASON_ACTIONS: Partial<Record<OrderAction, { label: MessageKey; hint: MessageKey; danger: boolean }>> =
  {
    decline: { label: 'orders.reason.decline', hint: 'orders.reason.declineHint', danger: true },
    cancel: { label: 'orders.reason.cancel', hint: 'orders.reason.cancelHint', danger: true },
    reopen: { label: 'orders.reason.reopen', hint: 'orders.reason.reopenHint', danger: false },
  };

const PRIMARY: readonly OrderAction[] = ['dispatch', 'accept', 'start', 'finish', 'confirm'];

/** The largest amount the server takes, in yuan. */
const MAX_YUAN = 1e12;

/**
 * Buttons for exactly the actions the server offers the caller now, each with the form it needs.
 * `bar`: full-width buttons for a phone's action bar (the parent lays them out, two to a row).
 */
export function OrderActions({ order, bar = false }: { order: OrderView; bar?: boolean }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const manager = useCan('orders.manage');
  const transition = useTransitionOrder();
  const [pending, setPending] = useState<OrderAction | null>(null);
  const [opened, setDialog] = useState<OrderAction | null>(null);
  // A dialog whose action the order no longer offers (someone moved it meanwhile) closes by itself.
  const dialog = opened !== null && order.actions.includes(opened) ? opened : null;
  if (opened !== null && dialog === null) setDialog(null);
  // Buttons without a form: one key per action and version, so a double click moves the order once.
  const keys = useRef(new Map<string, string>());
  const keyFor = (action: OrderAction) => {
    const id = `${action}:${order.version}`;
    const known = keys.current.get(id);
    if (known) return known;
    const fresh = newIdempotencyKey();
    keys.current.set(id, fresh);
    return fresh;
  };
  const offered = ORDER_ACTIONS.filter((action) => order.actions.includes(action));

  const run: Submit = (body, key) => {
    setPending(body.action);
    return transition
      .mutateAsync({ id: order.id, body: { ...body, version: order.version }, key })
      .then(
        () => {
          void message.success(t('orders.transitioned', { action: orderActionLabel(t, body.action) }));
          return true;
        },
        (error: unknown) => {
          // A 409: someone moved the order first; the hook has reloaded it.
          const conflict = error instanceof ApiError && error.status === 409;
          void message.error(
            conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
          );
          return false;
        },
      )
      .finally(() => setPending(null));
  };
  const closeAfter = (ok: boolean) => {
    if (ok) setDialog(null);
  };

  const button = (action: (typeof ORDER_ACTIONS)[number]) => {
    const direct = action === 'accept' || action === 'start';
    return (
      <Button
        key={action}
        type={PRIMARY.includes(action) ? 'primary' : 'default'}
        danger={action === 'cancel' || action === 'decline'}
        loading={pending === action}
        disabled={pending !== null && pending !== action}
        onClick={() => (direct ? void run({ action }, keyFor(action)) : setDialog(action))}
        {...(bar ? { block: true, style: BAR_BUTTON } : {})}
        data-testid={`order-action-${action}`}
      >
        {buttonLabel(t, action, manager)}
      </Button>
    );
  };

  const reasonTexts = dialog ? REASON_ACTIONS[dialog] : undefined;
  const content = (
    <>
      {offered.map(button)}
      {(dialog === 'dispatch' || dialog === 'redispatch') && (
        <DispatchDialog order={order} action={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog && reasonTexts && (
        <ReasonModal
          action={dialog}
          title={order.title}
          {...reasonTexts}
          loading={pending === dialog}
          onCancel={() => setDialog(null)}
          onSubmit={async (reason, key) => closeAfter(await run({ action: dialog, reason }, key))}
        />
      )}
      {dialog === 'finish' && (
        <FinishModal
          title={order.title}
          placedOn={formatDate(order.createdAt)}
          loading={pending === 'finish'}
          onCancel={() => setDialog(null)}
          onSubmit={async (outcomes, key) => closeAfter(await run({ action: 'finish', outcomes }, key))}
        />
      )}
      {dialog === 'confirm' && (
        <ConfirmModal
          title={order.title}
          loading={pending === 'confirm'}
          onCancel={() => setDialog(null)}
          onSubmit={async (rating, comment, key) =>
            closeAfter(await run({ action: 'confirm', rating, ...(comment ? { comment } : {}) }, key))
          }
        />
      )}
    </>
  );
  // The bar lays the buttons out itself.
  return bar ? content : <Space wrap>{content}</Space>;
}

/** A button of the phone's action bar: half the bar (two to a row), the whole bar when alone on its row. */
export const BAR_BUTTON = { flex: '1 1 40%', minHeight: 44 } as const;

/**
 * 取消 reads as “close the dialog” on a button: the order's cancellation says
 * what it cancels. An institution's 改派 is choosing its own experts.
 */
function buttonLabel(t: Translate, action: OrderAction, manager = true): string {
  if (action === 'cancel') return t('orders.cancelOrder');
  if (action === 'redispatch' && !manager) return t('orders.chooseExperts');
  return orderActionLabel(t, action);
}

function okButton(loading: boolean, danger = false): ButtonProps & { 'data-testid': string } {
  return { loading, danger, 'data-testid': 'order-action-submit' };
}

/** 拒单, 取消, 退回继续服务: a reason the other parties will read. */
function ReasonModal({
  action,
  title,
  label,
  hint,
  danger,
  loading,
  onCancel,
  onSubmit,
}: {
  action: OrderAction;
  title: string;
  label: MessageKey;
  hint: MessageKey;
  danger: boolean;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string, key: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useState(newIdempotencyKey);
  return (
    <Modal
      open
      title={t('orders.actionTitle', { action: buttonLabel(t, action), title })}
      okText={buttonLabel(t, action)}
      okButtonProps={okButton(loading, danger)}
      cancelText={t(action === 'cancel' ? 'orders.back' : 'common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={(values) => onSubmit(values.reason.trim(), key)}
        preserve={false}
      >
        <Form.Item
          name="reason"
          label={t(label)}
          extra={t(hint)}
          rules={[
            { required: true, whitespace: true, message: t('orders.validation.reasonRequired') },
            { max: 1000, message: t('validation.tooLong', { label: t(label), max: 1000 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            autoFocus
            data-testid="order-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface OutcomeRow {
  kind?: OutcomeKind;
  amountYuan?: number | null;
  note?: string;
  /** The day it happened: today unless it was earlier (not before the order was placed). */
  happenedOn?: Dayjs;
}

/** 服务完成: what came of the service, one row per outcome (at least one; 无 when nothing did). */
function FinishModal({
  title,
  placedOn,
  loading,
  onCancel,
  onSubmit,
}: {
  title: string;
  /** The China date the order was placed: no outcome happened before it. */
  placedOn: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (outcomes: OutcomeInput[], key: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ outcomes: OutcomeRow[] }>();
  const [key] = useState(newIdempotencyKey);
  const rows = Form.useWatch('outcomes', form) ?? [];
  const formats = usePickerFormats();
  const today = chinaToday();
  const newRow = (): OutcomeRow => ({ happenedOn: dayjs(today) });

  const submit = (values: { outcomes: OutcomeRow[] }) =>
    onSubmit(
      values.outcomes.map((row) => {
        const kind = row.kind as OutcomeKind;
        const note = clean(row.note);
        return {
          kind,
          ...(OUTCOMES_WITH_AMOUNT.includes(kind) && typeof row.amountYuan === 'number'
            ? { amountYuan: row.amountYuan }
            : {}),
          ...(note ? { note } : {}),
          // Today is left to the server's clock (a phone's may be a day off); an earlier day is sent.
          ...(row.happenedOn && row.happenedOn.format('YYYY-MM-DD') !== today
            ? { happenedOn: row.happenedOn.format('YYYY-MM-DD') }
            : {}),
        };
      }),
      key,
    );

  return (
    <Modal
      open
      width={720}
      title={t('orders.actionTitle', { action: orderActionLabel(t, 'finish'), title })}
      okText={orderActionLabel(t, 'finish')}
      okButtonProps={okButton(loading)}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('orders.finish.intro')}</Typography.Paragraph>
      <Form<{ outcomes: OutcomeRow[] }>
        form={form}
        layout="vertical"
        initialValues={{ outcomes: [newRow()] }}
        onFinish={submit}
        preserve={false}
      >
        <Form.List
          name="outcomes"
          rules={[
            {
              validator: async (_rule, value: OutcomeRow[] | undefined) => {
                const kinds = (value ?? []).map((row) => row.kind);
                if (kinds.length === 0) throw new Error(t('orders.validation.outcomeRequired'));
                if (kinds.includes('none') && kinds.length > 1) {
                  throw new Error(t('orders.validation.noneAlone'));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => {
                const kind = rows[index]?.kind;
                const withAmount = kind !== undefined && OUTCOMES_WITH_AMOUNT.includes(kind);
                return (
                  <Space
                    key={field.key}
                    align="start"
                    wrap
                    style={{ display: 'flex', marginBottom: 4 }}
                    data-testid="outcome-row"
                  >
                    <Form.Item
                      name={[field.name, 'kind']}
                      label={index === 0 ? t('orders.outcome.kind') : undefined}
                      rules={[{ required: true, message: t('orders.validation.outcomeKind') }]}
                    >
                      <Select
                        style={{ width: 170 }}
                        placeholder={t('orders.outcome.kindPlaceholder')}
                        options={OUTCOME_KINDS.map((value) => ({ value, label: outcomeLabel(t, value) }))}
                        data-testid="outcome-kind"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'amountYuan']}
                      label={index === 0 ? t('orders.outcome.amount') : undefined}
                      rules={[
                        {
                          type: 'number',
                          min: 0,
                          message: t('lists.validation.amountMin', { label: t('orders.outcome.amount') }),
                        },
                        {
                          type: 'number',
                          max: MAX_YUAN,
                          message: t('orders.validation.amountMax'),
                        },
                      ]}
                    >
                      <InputNumber<number>
                        style={{ width: 180 }}
                        min={0}
                        max={MAX_YUAN}
                        precision={2}
                        disabled={!withAmount}
                        placeholder={withAmount ? t('orders.outcome.amountPlaceholder') : undefined}
                        data-testid="outcome-amount"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'note']}
                      label={index === 0 ? t('orders.outcome.note') : undefined}
                      rules={[
                        {
                          max: 1000,
                          message: t('validation.tooLong', {
                            label: t('orders.outcome.note'),
                            max: 1000,
                          }),
                        },
                      ]}
                    >
                      <Input style={{ width: 220 }} maxLength={1000} data-testid="outcome-note" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'happenedOn']}
                      label={index === 0 ? t('orders.outcome.date') : undefined}
                      rules={[{ required: true, message: t('orders.validation.outcomeDate') }]}
                    >
                      <DatePicker
                        style={{ width: 150 }}
                        format={formats.date}
                        allowClear={false}
                        disabledDate={(day) => {
                          const date = day.format('YYYY-MM-DD');
                          return date > today || date < placedOn;
                        }}
                        data-testid="outcome-date"
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('orders.outcome.remove')}
                        style={{ marginTop: index === 0 ? 30 : 0 }}
                      />
                    )}
                  </Space>
                );
              })}
              {fields.length < 10 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(newRow())}
                  data-testid="outcome-add"
                >
                  {t('orders.outcome.add')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 确认办结: the enterprise rates the service (1–5) and may say why. */
function ConfirmModal({
  title,
  loading,
  onCancel,
  onSubmit,
}: {
  title: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (rating: number, comment: string | undefined, key: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [key] = useState(newIdempotencyKey);
  return (
    <Modal
      open
      title={t('orders.actionTitle', { action: orderActionLabel(t, 'confirm'), title })}
      okText={orderActionLabel(t, 'confirm')}
      okButtonProps={okButton(loading)}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('orders.confirm.intro')}</Typography.Paragraph>
      <Form<{ rating: number; comment?: string }>
        form={form}
        layout="vertical"
        onFinish={(values) => onSubmit(values.rating, clean(values.comment) ?? undefined, key)}
        preserve={false}
      >
        <Form.Item
          name="rating"
          label={t('orders.rating')}
          rules={[{ required: true, message: t('orders.validation.ratingRequired') }]}
        >
          <Rate data-testid="confirm-rating" />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('orders.ratingComment')}
          rules={[
            {
              max: 1000,
              message: t('validation.tooLong', { label: t('orders.ratingComment'), max: 1000 }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder={t('orders.confirm.commentPlaceholder')}
            data-testid="confirm-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
