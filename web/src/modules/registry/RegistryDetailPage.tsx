import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ArchiveButton, type ArchiveTexts, DetailCard, DetailPage } from '../../app/DetailPage.tsx';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { SuggestionsPanel } from '../matching/SuggestionsPanel.tsx';
import { useArchiveRecord, useRegistryRecord } from './api.ts';
import type { KindConfig } from './config.ts';
import { RecordDescriptions } from './RecordDescriptions.tsx';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { RevealButton } from './RevealButton.tsx';
import { FlagsTag } from './shared.tsx';
import { TalentAccountCard } from './TalentAccountCard.tsx';
import type { RegistryKind, RegistryViews, RevealResult } from './types.ts';

/** One record of any registry: every field, edit, archive or restore, and reveal of personal data. */
export function RegistryDetailPage<K extends RegistryKind>({ config }: { config: KindConfig<K> }) {
  const { id = '' } = useParams();
  // A fresh page per record, so nothing revealed carries over to the next one.
  return <RecordDetail key={id} config={config} id={id} />;
}

function RecordDetail<K extends RegistryKind>({ config, id }: { config: KindConfig<K>; id: string }) {
  const t = useT();
  const record = useRegistryRecord(config.kind, id);
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const canMatch = useCan('matching.use');

  return (
    <DetailPage query={record} listPath={config.path} documentTitle={config.titleKey}>
      {(data) => {
        const fields = data as unknown as Partial<Record<string, unknown>>;
        const hasPersonalData =
          typeof fields[config.mobileField] === 'string' || typeof fields.idNumber === 'string';
        // Experts get the demands that fit them (matching starts from `experts`, the talents marked as experts).
        const suggestions = config.kind === 'talents' && canMatch && fields.isExpert === true;
        const account = config.kind === 'talents' && fields.isExpert === true;
        return (
          <>
            <DetailCard
              title={data.name}
              titleTestId="record-title"
              tags={
                <>
                  <Tag>{data.code}</Tag>
                  {data.archived && <Tag color="default">{t('registry.statusArchived')}</Tag>}
                  <FlagsTag flags={data.flags} />
                </>
              }
              actions={
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
            </DetailCard>
            {account && <TalentAccountCard talentId={data.id} />}
            {suggestions && <SuggestionsPanel from="experts" id={data.id} />}
          </>
        );
      }}
    </DetailPage>
  );
}

const ARCHIVE_TEXTS: ArchiveTexts = {
  archive: 'registry.archive',
  restore: 'registry.restore',
  archiveConfirm: 'registry.archiveConfirm',
  restoreConfirm: 'registry.restoreConfirm',
  archived: 'registry.archivedDone',
  restored: 'registry.restoredDone',
};

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
  const canManage = useCan('registry.manage');
  const archive = useArchiveRecord(config.kind);

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
          <ArchiveButton record={record} archive={archive} texts={ARCHIVE_TEXTS} testId="record-archive" />
          <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="record-edit">
            {t('common.edit')}
          </Button>
        </>
      )}
    </Space>
  );
}
