import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Progress,
  Result,
  Row,
  Segmented,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useState } from 'react';
import { downloadFile, errorMessage } from './api.ts';
import { type MessageKey, type Translate, useT } from './i18n.tsx';
import {
  type ImportIssue,
  type ImportJob,
  type ImportReportRow,
  useAbandonImport,
  useCommitImport,
  useImportJob,
  useUploadImport,
} from './imports.ts';
import { useBackToList } from './listPage.tsx';
import { useDocumentTitle } from './title.ts';

/** The server's upload limit. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const ACCEPTED = ['.xlsx', '.csv'];

/** Why a chosen file cannot be uploaded, or null when it can. */
export function fileProblem(
  t: Translate,
  file: { name: string; size: number },
  maxBytes = MAX_IMPORT_BYTES,
): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED.some((ext) => name.endsWith(ext))) return t('import.fileType', { name: file.name });
  if (file.size === 0) return t('import.fileEmpty');
  if (file.size > maxBytes) return t('import.fileTooLarge', { limitMb: maxBytes / 1024 / 1024 });
  return null;
}

/**
 * Where a sheet (.xlsx or .csv up to `maxBytes`) is dropped or chosen: the file is checked on
 * choosing and what is wrong with it said; it is never uploaded by itself (the caller sends it).
 */
export function SheetDropzone({
  file,
  onChange,
  maxBytes = MAX_IMPORT_BYTES,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  maxBytes?: number;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Upload.Dragger
        accept={ACCEPTED.join(',')}
        multiple={false}
        maxCount={1}
        data-testid="import-file-input"
        fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          const reason = fileProblem(t, chosen, maxBytes);
          setProblem(reason);
          onChange(reason ? null : chosen);
          return Upload.LIST_IGNORE;
        }}
        onRemove={() => onChange(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint', { limitMb: maxBytes / 1024 / 1024 })}</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon message={problem} data-testid="import-file-problem" />}
    </>
  );
}

interface Props {
  /** The import kind: a registry (`talents`…), a list (`demands`…) or a code list (`dictionary.discipline`…). */
  importKind: string;
  /** The job's parameters, for a kind that takes them (e.g. the activity registrations go into). */
  options?: Readonly<Record<string, string>>;
  /** Cached data that reads differently once the import is in (a constant, e.g. the registries and code lists). */
  invalidate: readonly QueryKey[];
  /** Shown after a successful import, e.g. 返回人才库. */
  backLabel: string;
  onBack: () => void;
}

/** Choose a file → check it (nothing written) → commit the valid rows with progress. */
export function ImportWizard({ importKind, options, invalidate, backLabel, onBack }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const job = useImportJob(jobId, committing);
  const status = job.data?.status;
  const step = !job.data ? 0 : committing || status !== 'previewed' ? 2 : 1;

  // Records (lists, code lists) read differently once the import is in.
  useEffect(() => {
    if (status === 'committed' || status === 'failed') {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
    }
  }, [status, queryClient, invalidate]);

  const abandon = useAbandonImport();
  const restart = () => {
    // A preview left for another file is given up, so that the server drops the uploaded copy now.
    if (job.data?.status === 'previewed' && !committing) abandon.mutate(job.data.id);
    setJobId(null);
    setCommitting(false);
  };

  let body: ReactNode;
  if (!job.data) {
    body = (
      <ChooseFile
        importKind={importKind}
        options={options}
        onUploaded={(uploaded) => setJobId(uploaded.id)}
      />
    );
  } else if (step === 1) {
    body = <Preview job={job.data} onRestart={restart} onCommitted={() => setCommitting(true)} />;
  } else {
    body = <Committing job={job.data} backLabel={backLabel} onBack={onBack} onRestart={restart} />;
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        current={step}
        status={status === 'failed' ? 'error' : status === 'committed' ? 'finish' : 'process'}
        items={[
          { title: t('import.step.choose') },
          { title: t('import.step.preview') },
          { title: t('import.step.commit') },
        ]}
      />
      {job.isError && <Alert type="error" showIcon message={errorMessage(job.error)} />}
      {body}
    </Space>
  );
}

/** A page that imports one kind of record: a back arrow, the title (导入…), the wizard. */
export function ImportPage({ title, backHint, ...wizard }: Props & { title: string; backHint: string }) {
  return (
    <Card
      title={
        <Space size={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={wizard.onBack}
            aria-label={backHint}
            title={backHint}
          />
          {title}
        </Space>
      }
    >
      <ImportWizard {...wizard} />
    </Card>
  );
}

/**
 * The import page opened from a list (a registry, a kind of list item): named after the list,
 * and back to the list as it was left.
 */
export function ImportIntoListPage({
  titleKey,
  listPath,
  importKind,
  invalidate,
}: {
  /** The list's name, e.g. 人才库. */
  titleKey: MessageKey;
  listPath: string;
  importKind: string;
  invalidate: readonly QueryKey[];
}) {
  const t = useT();
  useDocumentTitle(titleKey);
  const back = useBackToList(listPath);
  const name = t(titleKey);
  return (
    <ImportPage
      title={t('import.title', { name })}
      backHint={t('common.backToList')}
      importKind={importKind}
      invalidate={invalidate}
      backLabel={t('import.backTo', { name })}
      onBack={back}
    />
  );
}

function ChooseFile({
  importKind,
  options,
  onUploaded,
}: {
  importKind: string;
  options: Readonly<Record<string, string>> | undefined;
  onUploaded: (job: ImportJob) => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [downloading, setDownloading] = useState(false);
  const upload = useUploadImport(importKind, options);

  const template = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/api/imports/${importKind}/template`, undefined, 'template.xlsx');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={t('import.intro')}
        description={t('import.introDetail')}
        action={
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>
            {t('import.template')}
          </Button>
        }
      />
      <SheetDropzone
        file={file}
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
      <Button
        type="primary"
        disabled={!file}
        loading={upload.isPending}
        onClick={() => file && upload.mutate(file, { onSuccess: onUploaded })}
        data-testid="import-upload"
      >
        {t('import.upload')}
      </Button>
    </Space>
  );
}

type ReportFilter = 'all' | 'rejected' | 'flagged';

function Preview({
  job,
  onRestart,
  onCommitted,
}: {
  job: ImportJob;
  onRestart: () => void;
  onCommitted: () => void;
}) {
  const t = useT();
  const commit = useCommitImport();
  const [filter, setFilter] = useState<ReportFilter>('all');
  const rows = filter === 'all' ? job.report : job.report.filter((row) => row.status === filter);
  const columns = useReportColumns();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('import.file', { name: job.fileName })}</Typography.Text>
      <Summary job={job} />
      {job.ignoredHeaders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('import.ignoredHeaders', { headers: job.ignoredHeaders.join('、') })}
          data-testid="import-ignored"
        />
      )}
      {job.rejected > 0 && (
        <Alert type="error" showIcon message={t('import.rejectedNote', { count: job.rejected })} />
      )}
      {job.flagged > 0 && (
        <Alert type="warning" showIcon message={t('import.flaggedNote', { count: job.flagged })} />
      )}
      {job.report.length > 0 && (
        <div data-testid="import-report">
          <Space style={{ marginBottom: 12 }} wrap>
            <Segmented<ReportFilter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: t('import.filter.all', { count: job.report.length }) },
                {
                  value: 'rejected',
                  label: t('import.filter.rejected', {
                    count: job.report.filter((row) => row.status === 'rejected').length,
                  }),
                },
                {
                  value: 'flagged',
                  label: t('import.filter.flagged', {
                    count: job.report.filter((row) => row.status === 'flagged').length,
                  }),
                },
              ]}
            />
            {job.reportTotal > job.report.length && (
              <Typography.Text type="secondary">
                {t('import.reportTruncated', { shown: job.report.length, total: job.reportTotal })}
              </Typography.Text>
            )}
          </Space>
          <Table<ImportReportRow>
            rowKey="rowNumber"
            size="small"
            columns={columns}
            dataSource={rows}
            scroll={{ x: 760 }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          />
        </div>
      )}
      {commit.isError && <Alert type="error" showIcon message={errorMessage(commit.error)} />}
      <Space wrap>
        <Button onClick={onRestart}>{t('import.chooseAgain')}</Button>
        <Button
          type="primary"
          disabled={job.valid === 0}
          loading={commit.isPending}
          onClick={() => commit.mutate(job.id, { onSuccess: onCommitted })}
          data-testid="import-commit"
        >
          {t('import.commit', { count: job.valid })}
        </Button>
      </Space>
    </Space>
  );
}

function Summary({ job }: { job: ImportJob }) {
  const t = useT();
  const items: { key: string; label: string; value: number; color?: string }[] = [
    { key: 'total', label: t('import.summary.total'), value: job.total },
    { key: 'valid', label: t('import.summary.valid'), value: job.valid, color: '#389e0d' },
    { key: 'toCreate', label: t('import.summary.toCreate'), value: job.toCreate },
    { key: 'toUpdate', label: t('import.summary.toUpdate'), value: job.toUpdate },
    { key: 'flagged', label: t('import.summary.flagged'), value: job.flagged, color: '#d46b08' },
    { key: 'rejected', label: t('import.summary.rejected'), value: job.rejected, color: '#cf1322' },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="import-summary">
      {items.map((item) => (
        <Col key={item.key} xs={12} sm={8} lg={4}>
          <div data-testid={`import-summary-${item.key}`}>
            <Statistic
              title={item.label}
              value={item.value}
              valueStyle={item.color && item.value > 0 ? { color: item.color } : undefined}
            />
          </div>
        </Col>
      ))}
    </Row>
  );
}

function issueText(t: Translate, issue: ImportIssue): string {
  return issue.value
    ? t('import.issue', { column: issue.column, message: issue.message, value: issue.value })
    : t('import.issueNoValue', { column: issue.column, message: issue.message });
}

function useReportColumns(): ColumnsType<ImportReportRow> {
  const t = useT();
  return [
    { title: t('import.rowNumber'), dataIndex: 'rowNumber', width: 80, align: 'right' },
    { title: t('field.code'), dataIndex: 'code', width: 140, render: (code: string | null) => code ?? '—' },
    {
      title: t('import.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: ImportReportRow['status']) =>
        status === 'rejected' ? (
          <Tag color="red">{t('import.rejected')}</Tag>
        ) : (
          <Tag color="orange">{t('import.flagged')}</Tag>
        ),
    },
    {
      title: t('import.issues'),
      key: 'issues',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          {row.errors.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
            <Typography.Text key={`e${index}`} type="danger">
              {issueText(t, issue)}
            </Typography.Text>
          ))}
          {row.flags.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
            <Typography.Text key={`f${index}`} type="warning">
              {issueText(t, issue)}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];
}

function Committing({
  job,
  backLabel,
  onBack,
  onRestart,
}: {
  job: ImportJob;
  backLabel: string;
  onBack: () => void;
  onRestart: () => void;
}) {
  const t = useT();
  const columns = useReportColumns();
  if (job.status === 'committed') {
    // The report is the commit's own: rows refused then (a value registered meanwhile) are listed too.
    const rejected = job.report.filter((row) => row.status === 'rejected');
    return (
      <div data-testid="import-done">
        <Result
          status="success"
          title={t('import.done')}
          subTitle={t('import.doneDetail', { created: job.created, updated: job.updated })}
          extra={[
            <Button type="primary" key="back" onClick={onBack} data-testid="import-back">
              {backLabel}
            </Button>,
            <Button key="again" onClick={onRestart}>
              {t('import.another')}
            </Button>,
          ]}
        >
          {job.rejected > 0 && (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="import-done-rejected">
              <Alert type="warning" showIcon message={t('import.doneRejected', { count: job.rejected })} />
              <Table<ImportReportRow>
                rowKey="rowNumber"
                size="small"
                columns={columns}
                dataSource={rejected}
                scroll={{ x: 760 }}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              />
            </Space>
          )}
        </Result>
      </div>
    );
  }
  if (job.status === 'failed') {
    return (
      <div data-testid="import-failed">
        <Result
          status="error"
          title={t('import.failed')}
          subTitle={job.error ?? t('error.unknown')}
          extra={[
            <Button type="primary" key="again" onClick={onRestart}>
              {t('import.chooseAgain')}
            </Button>,
            <Button key="back" onClick={onBack}>
              {backLabel}
            </Button>,
          ]}
        >
          {job.processed > 0 && (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {t('import.failedPartial', {
                processed: job.processed,
                created: job.created,
                updated: job.updated,
              })}
            </Typography.Paragraph>
          )}
        </Result>
      </div>
    );
  }
  const percent = job.valid > 0 ? Math.min(100, Math.round((job.processed / job.valid) * 100)) : 0;
  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%', padding: '24px 0' }}
      data-testid="import-progress"
    >
      <Typography.Text>
        {t('import.committing', { processed: job.processed, total: job.valid })}
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </Space>
  );
}
