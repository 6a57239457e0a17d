import { Modal, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { ImportWizard } from '../../app/ImportWizard.tsx';
import { activityKeys } from './api.ts';
import { type ActivityView, REGISTRATION_IMPORT_KIND } from './types.ts';

/**
 * 导入报名表: a sheet of 姓名, 手机, 单位, 身份, 备注 through the import wizard every
 * import uses — checked into a preview with each row's issues, then registered
 * once confirmed, with progress (seats and the waiting list as usual).
 */
export function ImportRegistrationsModal({
  activity,
  onClose,
}: {
  activity: ActivityView;
  onClose: () => void;
}) {
  const t = useT();
  // The activity (its counts and registrations) and the lists that show its counts read differently afterwards.
  const invalidate = useMemo(() => [activityKeys.one(activity.id), activityKeys.lists], [activity.id]);
  const options = useMemo(() => ({ activityId: activity.id }), [activity.id]);
  return (
    <Modal
      open
      width={960}
      title={t('activities.import.titleOf', { title: activity.title })}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={null}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('activities.import.introDetail')}</Typography.Text>
        <ImportWizard
          importKind={REGISTRATION_IMPORT_KIND}
          options={options}
          invalidate={invalidate}
          backLabel={t('common.confirm')}
          onBack={onClose}
        />
      </Space>
    </Modal>
  );
}
