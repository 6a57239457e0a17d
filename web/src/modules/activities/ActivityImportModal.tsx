import { Modal, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { ImportWizard } from '../../app/ImportWizard.tsx';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { activityKeys } from './api.ts';
import type { ActivityView } from './types.ts';

/**
 * An activity's sheet through the import wizard every import uses — the template, a
 * row-by-row preview with each row's issues, then written once confirmed, with progress:
 * 导入报名表 (姓名, 手机, 单位, 身份, 备注; seats and the waiting list as usual) and
 * 导入成效 (a meeting's agreements with their parties). The activity travels as the
 * import's option.
 */
export function ActivityImportModal({
  activity,
  importKind,
  titleKey,
  introKey,
  onClose,
}: {
  activity: ActivityView;
  importKind: string;
  titleKey: MessageKey;
  introKey: MessageKey;
  onClose: () => void;
}) {
  const t = useT();
  // The activity (its counts, registrations, outcomes) and the lists that show its counts read differently afterwards.
  const invalidate = useMemo(() => [activityKeys.one(activity.id), activityKeys.lists], [activity.id]);
  const options = useMemo(() => ({ activityId: activity.id }), [activity.id]);
  return (
    <Modal
      open
      width={960}
      title={t(titleKey, { title: activity.title })}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={null}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(introKey)}</Typography.Text>
        <ImportWizard
          importKind={importKind}
          options={options}
          invalidate={invalidate}
          backLabel={t('common.confirm')}
          onBack={onClose}
        />
      </Space>
    </Modal>
  );
}
