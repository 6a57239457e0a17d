import { ArrowLeftOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, errorMessage } from './api.ts';
import { type MessageKey, type Translate, useT } from './i18n.tsx';
import { useBackToList } from './listPage.tsx';
import { PageError, PageLoading } from './PageState.tsx';
import { useDocumentTitle } from './title.ts';

/** The back-to-list button of the page, for its head card. */
const BackButton = createContext<ReactNode>(null);

/**
 * The frame of a record's page: the browser tab's title, the record's query as a
 * spinner or an error with a retry (each with the way back to the list), and once
 * loaded the page's cards one below the other. The first is usually a DetailCard,
 * which carries the back button.
 */
export function DetailPage<T>({
  query,
  listPath,
  documentTitle,
  children,
}: {
  query: UseQueryResult<T>;
  /** The list the back button returns to, with the filters it was left with. */
  listPath: string;
  /** The browser tab's title (the menu entry's). */
  documentTitle: MessageKey;
  /** The page's cards for the record. */
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  useDocumentTitle(documentTitle);
  const backToList = useBackToList(listPath);
  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={backToList}
      aria-label={t('common.backToList')}
      title={t('common.backToList')}
    />
  );

  if (query.isPending) return <Card title={back}>{<PageLoading />}</Card>;
  if (query.isError) {
    return (
      <Card title={back}>
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  return (
    <BackButton.Provider value={back}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {children(query.data)}
      </Space>
    </BackButton.Provider>
  );
}

/** The record's head card: back button, title, tags (code, status …), the actions, and what it shows. */
export function DetailCard({
  title,
  titleTestId,
  tags,
  actions,
  children,
}: {
  title: ReactNode;
  titleTestId: string;
  tags?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const back = useContext(BackButton);
  return (
    <Card
      title={
        <Space size={8} wrap>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid={titleTestId}>
            {title}
          </Typography.Title>
          {tags}
        </Space>
      }
      extra={actions}
    >
      {children}
    </Card>
  );
}

/** A record's fields in the head card: three columns on a wide screen, one on a phone. */
export function DetailDescriptions({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid={testId}>
      {children}
    </Descriptions>
  );
}

/** A long text as written, its line breaks kept. */
export function LongText({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {children}
    </Typography.Paragraph>
  );
}

/**
 * What to tell after a status action failed: the server's message, and for a version
 * conflict that the record has been read again (the mutations read it again whatever the answer).
 */
export function actionFailedMessage(t: Translate, error: unknown): string {
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error);
}

/** The texts of an ArchiveButton: the buttons, the confirmations' questions and what is told once done. */
export interface ArchiveTexts {
  archive: MessageKey;
  restore: MessageKey;
  archiveConfirm: MessageKey;
  restoreConfirm: MessageKey;
  archived: MessageKey;
  restored: MessageKey;
}

/**
 * 归档 / 恢复 with a confirmation, for a record that can be archived: sent with the
 * version the page shows; a failure is told (the mutation reads the record again,
 * so after a conflict the page shows it as it is now).
 */
export function ArchiveButton({
  record,
  archive,
  texts,
  testId,
}: {
  record: { id: string; version: number; archived: boolean };
  archive: {
    mutateAsync: (change: {
      id: string;
      version: number;
      archived: boolean;
    }) => Promise<{ archived: boolean }>;
    isPending: boolean;
  };
  texts: ArchiveTexts;
  testId: string;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const toggle = () =>
    archive.mutateAsync({ id: record.id, version: record.version, archived: !record.archived }).then(
      (saved) => void message.success(t(saved.archived ? texts.archived : texts.restored)),
      (error: unknown) => void message.error(actionFailedMessage(t, error)),
    );
  const label = t(record.archived ? texts.restore : texts.archive);
  return (
    <Popconfirm
      title={label}
      description={t(record.archived ? texts.restoreConfirm : texts.archiveConfirm)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={toggle}
    >
      <Button
        icon={record.archived ? <RollbackOutlined /> : <InboxOutlined />}
        loading={archive.isPending}
        data-testid={testId}
      >
        {label}
      </Button>
    </Popconfirm>
  );
}
