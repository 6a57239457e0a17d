import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { EMPTY, formatDate, formatDateTime } from '../../app/format.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../app/listParams.ts';
import { PageError } from '../../app/PageState.tsx';
import { recordsPath, useRecords } from './api.ts';
import {
  formatCount,
  formatMoney,
  isSessionMetric,
  recordKindLabel,
  SESSION_KIND_LABELS,
  SESSION_STATE_LABELS,
} from './shared.tsx';
import type { MetricKey, MetricRecord, RecordsOf, RecordsQuery } from './types.ts';

interface RecordsDrawerProps {
  /** A metric's records, or the orders behind a step of the funnel. */
  of: RecordsOf;
  /** The region and period the figure is for (the whole trend year for a month's bar), and the bar. */
  filter: RecordsQuery;
  title: string;
  /** The figure's unit as read (项, 个 …) and whether rows carry money. */
  unit: string;
  money: boolean;
  /** What the figure counts. */
  description: string;
  /** How the region and period read: 浙江省湖州市 · 2026-01-01 至 2026-11-20. */
  scopeText: string;
  /** The bar, when it is one bar: its dimension and label (3月, 吴兴区, 招聘会). */
  bar?: { dimension: string; label: string };
  onClose: () => void;
}

/** 明细: exactly the records a figure (or one bar of it) counts, paged, with their total and an export. */
export function RecordsDrawer({
  of,
  filter,
  title,
  unit,
  money,
  description,
  scopeText,
  bar,
  onClose,
}: RecordsDrawerProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [exporting, setExporting] = useState(false);
  const records = useRecords(of, { ...filter, ...paging });

  const exportRecords = async () => {
    setExporting(true);
    try {
      const file = await downloadFile(`${recordsPath(of)}.xlsx`, { ...filter }, 'records.xlsx');
      void message.success(t('common.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const sessions = 'metric' in of && isSessionMetric(of.metric);
  const columns: ColumnsType<MetricRecord> = sessions
    ? sessionColumns(t, of.metric)
    : [
        {
          title: t('insights.record.title'),
          dataIndex: 'title',
          width: 280,
          ellipsis: true,
          render: (text: string, record) =>
            record.link ? (
              <Link to={record.link} data-testid="insights-record-link">
                {text}
              </Link>
            ) : (
              text
            ),
        },
        {
          title: t('insights.record.ref'),
          dataIndex: 'ref',
          width: 160,
          render: (ref: string) => <span data-testid="insights-record-ref">{ref}</span>,
        },
        {
          title: t('insights.record.at'),
          dataIndex: 'at',
          width: 140,
          render: (at: string) => formatDateTime(at),
        },
        {
          title: t('insights.record.region'),
          dataIndex: 'regionName',
          width: 160,
          ellipsis: true,
          render: (regionName: string) => regionName || EMPTY,
        },
        {
          title: t('insights.record.kind'),
          dataIndex: 'kind',
          width: 100,
          render: (kind: string, record) => recordKindLabel(t, kind, record.kindName),
        },
        {
          title: t('insights.record.weight', { unit }),
          dataIndex: 'weight',
          width: 110,
          align: 'right',
          render: (weight: number) => formatCount(t, weight),
        },
        ...(money
          ? [
              {
                title: t('insights.record.amount'),
                dataIndex: 'amountYuan',
                width: 120,
                align: 'right' as const,
                render: (amount: number | null) => (amount === null ? EMPTY : formatMoney(amount)),
              },
            ]
          : []),
      ];

  const data = records.data;
  return (
    <Drawer
      open
      width="min(1100px, 100vw)"
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportRecords()}
          data-testid="insights-records-export"
        >
          {t('insights.exportXlsx')}
        </Button>
      }
      data-testid="insights-records"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('insights.drill.scope')} span={{ xs: 1, md: 3 }}>
            {scopeText}
          </Descriptions.Item>
          {bar && <Descriptions.Item label={bar.dimension}>{bar.label}</Descriptions.Item>}
          <Descriptions.Item label={t('insights.drill.figure')}>
            <Typography.Text strong data-testid="insights-records-value">
              {data ? t('insights.valueUnit', { value: formatCount(t, data.value), unit }) : EMPTY}
            </Typography.Text>
            {data && data.amountYuan !== null && (
              <Typography.Text style={{ marginInlineStart: 8 }}>
                {t('insights.amountOf', { amount: formatMoney(data.amountYuan) })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('insights.drill.rows')}>
            <span data-testid="insights-records-total">{data ? data.total : EMPTY}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {description}
        </Typography.Paragraph>
        {records.isError && !data ? (
          <PageError error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <Table<MetricRecord>
            rowKey={(record) => `${record.source}:${record.id}`}
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={records.isFetching}
            scroll={{ x: sessions ? 1110 : money ? 1070 : 950 }}
            locale={{ emptyText: t('insights.drill.empty') }}
            data-testid="insights-records-table"
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) =>
              setPaging({
                page: pagination.pageSize !== paging.pageSize ? 1 : (pagination.current ?? 1),
                pageSize: pagination.pageSize ?? paging.pageSize,
              })
            }
          />
        )}
      </Space>
    </Drawer>
  );
}

const STATE_COLORS: Record<keyof typeof SESSION_STATE_LABELS, string> = {
  done: 'green',
  overdue: 'red',
  due: 'orange',
  planned: 'default',
};

/**
 * A planned occurrence's row: whose it is (the team, to its plan; the commissioner and enterprise, to
 * the portfolio; the duty's assignee and party), kind, period, due day, state and record.
 */
function sessionColumns(t: Translate, metric: MetricKey): ColumnsType<MetricRecord> {
  const owner = metric.startsWith('commission_')
    ? 'insights.session.commission'
    : metric.startsWith('duty_')
      ? 'insights.session.duty'
      : 'insights.session.team';
  return [
    {
      title: t(owner),
      key: 'team',
      width: 240,
      ellipsis: true,
      render: (_: unknown, record) =>
        record.link ? (
          <Link to={record.link} data-testid="insights-record-link">
            {record.session?.teamName ?? record.ref}
          </Link>
        ) : (
          (record.session?.teamName ?? record.ref)
        ),
    },
    {
      title: t('insights.record.kind'),
      key: 'kind',
      width: 110,
      render: (_: unknown, record) =>
        record.session ? t(SESSION_KIND_LABELS[record.session.kind]) : record.kindName,
    },
    {
      title: t('insights.session.period'),
      key: 'period',
      width: 90,
      render: (_: unknown, record) => record.session?.periodLabel ?? EMPTY,
    },
    {
      title: t('insights.session.dueOn'),
      key: 'dueOn',
      width: 110,
      render: (_: unknown, record) => formatDate(record.session?.dueOn),
    },
    {
      title: t('insights.session.state'),
      key: 'state',
      width: 100,
      render: (_: unknown, record) =>
        record.session ? (
          <Tag color={STATE_COLORS[record.session.state]} data-testid="insights-session-state">
            {t(SESSION_STATE_LABELS[record.session.state])}
          </Tag>
        ) : (
          EMPTY
        ),
    },
    {
      title: t('insights.session.record'),
      key: 'record',
      width: 280,
      ellipsis: true,
      render: (_: unknown, record) => {
        const done = record.session?.record;
        if (!done) return EMPTY;
        const text = t(done.kind === 'activity' ? 'insights.session.activity' : 'insights.session.visit', {
          title: done.title,
        });
        return (
          <span data-testid="insights-session-record">
            {done.link ? <Link to={done.link}>{text}</Link> : text} · {formatDate(done.doneOn)}
          </span>
        );
      },
    },
    {
      title: t('insights.record.region'),
      dataIndex: 'regionName',
      width: 160,
      ellipsis: true,
      render: (regionName: string) => regionName || EMPTY,
    },
  ];
}
