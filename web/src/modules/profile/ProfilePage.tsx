import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useProfile } from '../registry/api.ts';
import type { KindConfig } from '../registry/config.ts';
import { enterpriseConfig, talentConfig } from '../registry/kinds/index.ts';
import { RecordDescriptions } from '../registry/RecordDescriptions.tsx';
import { RecordFormDrawer } from '../registry/RecordFormDrawer.tsx';
import { FlagsTag } from '../registry/shared.tsx';
import type { RegistryViews } from '../registry/types.ts';

/** 我的档案: an expert's or enterprise's own registry record, with what they may change themselves. */
export function ProfilePage() {
  const t = useT();
  useDocumentTitle('menu.profile');
  const profile = useProfile();

  if (profile.isPending) {
    return (
      <Card title={t('menu.profile')}>
        <PageLoading />
      </Card>
    );
  }
  if (profile.isError) {
    const none = profile.error instanceof ApiError && profile.error.code === 'REGISTRY_NO_PROFILE';
    return (
      <Card title={t('menu.profile')}>
        {none ? (
          <div data-testid="profile-empty">
            <Empty description={errorMessage(profile.error)} />
          </div>
        ) : (
          <PageError error={profile.error} onRetry={() => void profile.refetch()} />
        )}
      </Card>
    );
  }
  const data = profile.data;
  return data.kind === 'talents' ? (
    <ProfileCard config={talentConfig} record={data.record} />
  ) : (
    <ProfileCard config={enterpriseConfig} record={data.record} />
  );
}

function ProfileCard<K extends 'talents' | 'enterprises'>({
  config,
  record,
}: {
  config: KindConfig<K>;
  record: RegistryViews[K];
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={
        <Space size={8} wrap>
          {t('menu.profile')}
          <Tag color="blue">
            {t(config.kind === 'talents' ? 'profile.kindTalent' : 'profile.kindEnterprise')}
          </Tag>
          <FlagsTag flags={record.flags} />
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => setEditing(true)}
          data-testid="profile-edit"
        >
          {t('common.edit')}
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        message={t(config.kind === 'talents' ? 'profile.lockedTalent' : 'profile.lockedEnterprise')}
        style={{ marginBottom: 16 }}
      />
      <RecordDescriptions config={config} record={record} links={false} />
      {editing && (
        <RecordFormDrawer config={config} record={record} mode="profile" onClose={() => setEditing(false)} />
      )}
    </Card>
  );
}
