import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage, postForDownload } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { TARGET_KEYS } from './MatchList.tsx';
import type { MatchTarget } from './types.ts';

const BATCH_TARGETS: readonly MatchTarget[] = ['achievements', 'experts', 'institutions'];
const TOPS = [3, 5, 10];

interface BatchValues {
  against: MatchTarget;
  top: number;
}

/** 批量匹配: a matchmaking meeting's demand sheet in, the Excel of suggested pairs with reasons out. */
export function BatchMatchCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  const submit = async (values: BatchValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const done = await postForDownload(
        '/api/matching/batch',
        { against: values.against, top: values.top },
        form,
        '对接建议.xlsx',
      );
      void message.success(t('matching.batch.done', { file: done.fileName, count: done.rowCount ?? 0 }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('matching.batch.title')} data-testid="match-batch">
      <Typography.Paragraph type="secondary">{t('matching.batch.intro')}</Typography.Paragraph>
      <Form<BatchValues>
        layout="inline"
        initialValues={{ against: 'achievements', top: 5 }}
        onFinish={submit}
      >
        <Form.Item
          label={t('matching.batch.file')}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('matching.batch.fileRequired') : undefined}
        >
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setMissing(false);
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="match-batch-file">
              {t('matching.batch.file')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="against" label={t('matching.against')}>
          <Select
            style={{ minWidth: 140 }}
            options={BATCH_TARGETS.map((target) => ({ value: target, label: t(TARGET_KEYS[target]) }))}
          />
        </Form.Item>
        <Form.Item name="top" label={t('matching.batch.top')}>
          <Select style={{ minWidth: 80 }} options={TOPS.map((n) => ({ value: n, label: String(n) }))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              icon={<DownloadOutlined />}
              loading={busy}
              data-testid="match-batch-submit"
            >
              {t('matching.batch.submit')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
