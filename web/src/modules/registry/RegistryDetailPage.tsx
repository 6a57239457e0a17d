import { ArrowLeftOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import type { FromList } from '../../app/listPage.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { SuggestionsPanel } from '../matching/SuggestionsPanel.tsx';
import { useArchiveRecord, useRegistryRecord } from './api.ts';
import type { KindConfig } from './config.ts';
import { RecordDescriptions } from './RecordDescriptions.tsx';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { RevealButton } from './RevealButton.tsx';
import { FlagsTag } from './shared.tsx';
import { TalentAccountCard } from './TalentAccountCard.tsx';
import type { RegistryKind, RegistryViews, RevealResult } from './types.ts';

/** Where the list was when the record was opened (its filters), to go back to. */
/** One record of any registry: every field, edit, archive or restore, and reveal of personal data. */
export function RegistryDetailPage<K extends RegistryKind>({ config }: { config: KindConfig<K> }) {
  const { id = '' } = useParams();
  // A fresh page per record, so nothing revealed carries over to the next one.
  return <RecordDetail key={id} config={config} id={id} />;
}

function RecordDetail<K extends RegistryKind>({ config, id }: { config: KindConfig<K>; id: string }) {
  const t = useT();
  useDocumentTitle(config.titleKey);
  const navigate = useNavigate();
  const location = useLocation();
  const listSearch = (location.state as FromList | null)?.listSearch ?? '';
  const record = useRegistryRecord(config.kind, id);
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const canMatch = useCan('matching.use');
  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(`${config.path}${listSearch}`)}
      aria-label={t('common.backToList')}
      title={t('common.backToList')}
    />
  );

  if (record.isPending) return <Card title={back}>{<PageLoading />}</Card>;
  if (record.isError) {
    return (
      <Card title={back}>
        <PageError error={record.error} onRetry={() => void record.refetch()} />
      </Card>
    );
  }
  const data = record.data;
  const fields = data as unknown as Partial<Record<string, unknown>>;
  const hasPersonalData =
    typeof fields[config.mobileField] === 'string' || typeof fields.idNumber === 'string';
  // Experts get the demands that fit them (matching starts from `experts`, the talents marked as experts).
  const suggestions = config.kind === 'talents' && canMatch && fields.isExpert === true;

  const card = (
    <Card
      title={
        <Space size={8} wrap>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="record-title">
            {data.name}
          </Typography.Title>
          <Tag>{data.code}</Tag>
          {data.archived && <Tag color="default">{t('registry.statusArchived')}</Tag>}
          <FlagsTag flags={data.flags} />
        </Space>
      }
      extra={
        <RecordActions
          config={config}
          record={data}
          hasPersonalData={hasPersonalData}
          revealed={revealed !== null}
          onReveal={setRevealed}
          onEdit={() => setEditing(true)}
        />
      }
    >
      {revealed && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setRevealed(null)}
          message={t('registry.revealed')}
          description={t('registry.revealNote')}
          style={{ marginBottom: 16 }}
          data-testid="record-revealed"
        />
      )}
      <RecordDescriptions config={config} record={data} revealed={revealed} />
      {editing && (
        <RecordFormDrawer
          config={config}
          record={data}
          mode="edit"
          onClose={() => setEditing(false)}
          onSaved={() => setRevealed(null)}
        />
      )}
    </Card>
  );
  const account = config.kind === 'talents' && fields.isExpert === true;
  if (!suggestions && !account) return card;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {card}
      {account && <TalentAccountCard talentId={data.id} />}
      {suggestions && <SuggestionsPanel from="experts" id={data.id} />}
    </Space>
  );
}

interface ActionsProps<K extends RegistryKind> {
  config: KindConfig<K>;
  record: RegistryViews[K];
  hasPersonalData: boolean;
  revealed: boolean;
  onReveal: (result: RevealResult) => void;
  onEdit: () => void;
}

function RecordActions<K extends RegistryKind>({
  config,
  record,
  hasPersonalData,
  revealed,
  onReveal,
  onEdit,
}: ActionsProps<K>) {
  const t = useT();
  const { message } = AntApp.useApp();
  const canManage = useCan('registry.manage');
  const archive = useArchiveRecord(config.kind);

  const toggleArchive = () =>
    archive.mutateAsync({ id: record.id, version: record.version, archived: !record.archived }).then(
      (saved) =>
        void message.success(saved.archived ? t('registry.archivedDone') : t('registry.restoredDone')),
      (error: unknown) => {
        const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
        void message.error(
          conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
        );
      },
    );

  return (
    <Space wrap>
      <RevealButton
        kind={config.kind}
        id={record.id}
        hasPersonalData={hasPersonalData}
        revealed={revealed}
        onRevealed={onReveal}
      />
      {canManage && (
        <>
          <Popconfirm
            title={record.archived ? t('registry.restore') : t('registry.archive')}
            description={record.archived ? t('registry.restoreConfirm') : t('registry.archiveConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={toggleArchive}
          >
            <Button
              icon={record.archived ? <RollbackOutlined /> : <InboxOutlined />}
              loading={archive.isPending}
              data-testid="record-archive"
            >
              {record.archived ? t('registry.restore') : t('registry.archive')}
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="record-edit">
            {t('common.edit')}
          </Button>
        </>
      )}
    </Space>
  );
}
