import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Modal,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { SheetDropzone } from '../../app/ImportWizard.tsx';
import { useT } from '../../app/i18n.tsx';
import { REGISTRATION_TEMPLATE_PATH, useImportRegistrations } from './api.ts';
import type { ActivityView, ImportResult } from './types.ts';

/** The server's limit for a registration sheet. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * 导入报名表: a sheet of 姓名, 手机, 单位, 身份, 备注, each row registered at once
 * (seats and the waiting list as usual); the answer says, row by row, what was kept and why.
 */
export function ImportRegistrationsModal({
  activity,
  onClose,
}: {
  activity: ActivityView;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const upload = useImportRegistrations(activity.id);
  const [file, setFile] = useState<File | null>(null);
  const [downloading, setDownloading] = useState(false);

  const template = async () => {
    setDownloading(true);
    try {
      await downloadFile(REGISTRATION_TEMPLATE_PATH, undefined, 'template.xlsx');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const result = upload.data;
  return (
    <Modal
      open
      width={720}
      title={t('activities.import.titleOf', { title: activity.title })}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        result ? (
          <Space>
            <Button
              onClick={() => {
                upload.reset();
                setFile(null);
              }}
            >
              {t('import.another')}
            </Button>
            <Button type="primary" onClick={onClose} data-testid="import-close">
              {t('common.confirm')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
              data-testid="import-submit"
            >
              {t('activities.import.submit')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <ImportReport result={result} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message={t('activities.import.intro')}
            description={t('activities.import.introDetail')}
            action={
              <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>
                {t('import.template')}
              </Button>
            }
          />
          <SheetDropzone
            file={file}
            maxBytes={MAX_BYTES}
            onChange={(chosen) => {
              upload.reset();
              setFile(chosen);
            }}
          />
          {upload.isError && (
            <Alert
              type="error"
              showIcon
              message={t('import.uploadFailed')}
              description={errorMessage(upload.error)}
              data-testid="import-error"
            />
          )}
        </Space>
      )}
    </Modal>
  );
}

/** What the sheet came to: counts, then each row with a problem and what was done about it. */
function ImportReport({ result }: { result: ImportResult }) {
  const t = useT();
  const issues = [...result.issues].sort((a, b) => a.row - b.row);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      <Result
        status={issues.length === 0 ? 'success' : 'warning'}
        title={t('activities.import.done', { rows: result.rows })}
        style={{ padding: '8px 0' }}
      />
      <Row gutter={16}>
        <Col span={5}>
          <Statistic title={t('activities.registration.confirmed')} value={result.confirmed} />
        </Col>
        <Col span={5}>
          <Statistic title={t('activities.registration.pending')} value={result.pending} />
        </Col>
        <Col span={5}>
          <Statistic title={t('activities.registration.waitlisted')} value={result.waitlisted} />
        </Col>
        <Col span={5}>
          <Statistic title={t('activities.import.duplicates')} value={result.duplicates} />
        </Col>
        <Col span={4}>
          <Statistic title={t('activities.import.issues')} value={issues.length} />
        </Col>
      </Row>
      {result.duplicates > 0 && (
        <Typography.Text type="secondary">{t('activities.import.duplicatesNote')}</Typography.Text>
      )}
      {issues.length > 0 && (
        <Table
          rowKey={(issue) => `${issue.row}:${issue.message}`}
          size="small"
          pagination={issues.length > 10 ? { pageSize: 10 } : false}
          dataSource={issues}
          columns={[
            { title: t('import.rowNumber'), dataIndex: 'row', width: 80 },
            { title: t('import.issues'), dataIndex: 'message' },
          ]}
          data-testid="import-issues"
        />
      )}
    </Space>
  );
}
