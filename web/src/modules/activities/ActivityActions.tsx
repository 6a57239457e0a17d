import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { ReasonModal } from '../../app/ReasonModal.tsx';
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

/** What the server takes for a cancellation's reason. */
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
            conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
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
        <ReasonModal
          title={t('activities.cancelTitle', { title: activity.title })}
          okText={actionLabel(t, 'cancel')}
          label={t('activities.cancelReason')}
          hint={t('activities.cancelHint')}
          requiredMessage={t('activities.validation.reasonRequired')}
          loading={pending === 'cancel'}
          onCancel={() => setCancelling(false)}
          onSubmit={async (reason) => {
            if (await run('cancel', reason ?? '')) setCancelling(false);
          }}
          submitTestId="activity-cancel-submit"
          inputTestId="activity-cancel-reason"
          maxLength={REASON_MAX}
        />
      )}
    </Space>
  );
}
