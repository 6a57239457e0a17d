import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { PageError } from '../../app/PageState.tsx';
import { chinaDateTime } from '../activities/shared.tsx';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../registry/listParams.ts';
import { EMPTY } from '../registry/shared.tsx';
import { downloadFile } from '../registry/transfer.ts';
import { recordsXlsxPath, useMetricRecords } from './api.ts';
import {
  dimensionLabel,
  formatCount,
  formatMoney,
  metricName,
  recordKindLabel,
  unitLabel,
} from './shared.tsx';
import type { DrillDown, MetricInfo, MetricRecord, Period } from './types.ts';

interface RecordsDrawerProps {
  drill: DrillDown;
  metric: MetricInfo;
  /** The region and period the figure is for (the whole trend year for a month's bar). */
  period: Period;
  /** How the region and period read: 浙江省湖州市 · 2026-01-01 至 2026-11-20. */
  scopeText: string;
  /** The bar's label (3月, 吴兴区, 招聘会), when it is one bar. */
  barLabel?: string;
  onClose: () => void;
}

/** 明细: exactly the records a figure (or one bar of it) counts, paged, with their total and an export. */
export function RecordsDrawer({ drill, metric, period, scopeText, barLabel, onClose }: RecordsDrawerProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [exporting, setExporting] = useState(false);
  const filter = { ...period, dimension: drill.dimension, value: drill.value };
  const records = useMetricRecords(drill.metric, { ...filter, ...paging });
  const unit = unitLabel(t, metric.unit);
  const name = metricName(t, metric);
  const title = barLabel ? t('insights.drill.barTitle', { metric: name, bar: barLabel }) : name;

  const exportRecords = async () => {
    setExporting(true);
    try {
      const file = await downloadFile(recordsXlsxPath(drill.metric), { ...filter }, 'records.xlsx');
      void message.success(t('registry.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<MetricRecord> = [
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
      render: (at: string) => chinaDateTime(at),
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
    ...(metric.money
      ? [
          {
            title: t('insights.record.amount'),
            dataIndex: 'amountYuan',
            width: 120,
            align: 'right' as const,
            render: (amount: number | null) => (amount === null ? EMPTY : formatMoney(t, amount)),
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
          {drill.dimension && barLabel && (
            <Descriptions.Item label={dimensionLabel(t, drill.dimension)}>{barLabel}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('insights.drill.figure')}>
            <Typography.Text strong data-testid="insights-records-value">
              {data ? t('insights.valueUnit', { value: formatCount(t, data.value), unit }) : EMPTY}
            </Typography.Text>
            {data && data.amountYuan !== null && (
              <Typography.Text style={{ marginInlineStart: 8 }}>
                {t('insights.amountOf', { amount: formatMoney(t, data.amountYuan) })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('insights.drill.rows')}>
            <span data-testid="insights-records-total">{data ? data.total : EMPTY}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {metric.description}
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
            scroll={{ x: metric.money ? 1070 : 950 }}
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
