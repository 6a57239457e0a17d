import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, type ButtonProps, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { useTransitionActivity } from './api.ts';
import { actionLabel } from './shared.tsx';
import { ACTIVITY_ACTIONS, type ActivityAction, type ActivityView } from './types.ts';

/** What each action's confirmation says. */
const CONFIRM_KEYS: Record<Exclude<ActivityAction, 'cancel'>, MessageKey> = {
  publish: 'activities.confirm.publish',
  close: 'activities.confirm.close',
  reopen: 'activities.confirm.reopen',
  finish: 'activities.confirm.finish',
};

const REASON_MAX = 1000;

/** 编辑 and the status actions the server offers the caller now (发布报名, 截止报名 … 取消活动). */
export function ActivityActions({ activity, onEdit }: { activity: ActivityView; onEdit: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const transition = useTransitionActivity();
  const [pending, setPending] = useState<ActivityAction | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const editable = activity.manage && activity.status !== 'finished' && activity.status !== 'cancelled';
  const offered = ACTIVITY_ACTIONS.filter((action) => activity.actions.includes(action));

  const run = (action: ActivityAction, reason?: string) => {
    setPending(action);
    return transition
      .mutateAsync({
        id: activity.id,
        body: { action, version: activity.version, ...(reason ? { reason } : {}) },
      })
      .then(
        () => {
          void message.success(t('activities.transitioned', { action: actionLabel(t, action) }));
          return true;
        },
        (error: unknown) => {
          // A 409: someone moved the activity first; the hook has read it again.
          const conflict = error instanceof ApiError && error.status === 409;
          void message.error(
            conflict ? t('registry.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
          );
          return false;
        },
      )
      .finally(() => setPending(null));
  };

  if (!activity.manage) return null;
  return (
    <Space wrap>
      {offered.map((action) =>
        action === 'cancel' ? (
          <Button
            key={action}
            danger
            disabled={pending !== null}
            onClick={() => setCancelling(true)}
            data-testid="activity-action-cancel"
          >
            {actionLabel(t, action)}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={actionLabel(t, action)}
            description={t(CONFIRM_KEYS[action])}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(action)}
          >
            <Button
              type={action === 'publish' ? 'primary' : 'default'}
              loading={pending === action}
              disabled={pending !== null && pending !== action}
              data-testid={`activity-action-${action}`}
            >
              {actionLabel(t, action)}
            </Button>
          </Popconfirm>
        ),
      )}
      {editable && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="activity-edit">
          {t('common.edit')}
        </Button>
      )}
      {cancelling && (
        <CancelModal
          title={activity.title}
          loading={pending === 'cancel'}
          onCancel={() => setCancelling(false)}
          onSubmit={async (reason) => {
            if (await run('cancel', reason)) setCancelling(false);
          }}
        />
      )}
    </Space>
  );
}

/** 取消活动: a reason everyone registered is told. */
function CancelModal({
  title,
  loading,
  onCancel,
  onSubmit,
}: {
  title: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const ok: ButtonProps & { 'data-testid': string } = {
    loading,
    danger: true,
    'data-testid': 'activity-cancel-submit',
  };
  return (
    <Modal
      open
      title={t('activities.cancelTitle', { title })}
      okText={actionLabel(t, 'cancel')}
      okButtonProps={ok}
      cancelText={t('orders.back')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={(values) => onSubmit(values.reason.trim())}
        preserve={false}
      >
        <Form.Item
          name="reason"
          label={t('activities.cancelReason')}
          extra={t('activities.cancelHint')}
          rules={[
            { required: true, whitespace: true, message: t('activities.validation.reasonRequired') },
            {
              max: REASON_MAX,
              message: t('registry.validation.tooLong', {
                label: t('activities.cancelReason'),
                max: REASON_MAX,
              }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={REASON_MAX}
            showCount
            autoFocus
            data-testid="activity-cancel-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
