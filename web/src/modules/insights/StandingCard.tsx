import { STANDING_METRIC_KEYS } from '@server/modules/insights/constants.ts';
import { Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { formatCount, SESSION_KIND_LABELS } from './shared.tsx';
import type { Dashboard, DrillDown, MetricKey } from './types.ts';

/** The standing service's figures (teams, sessions planned, done, overdue, visits): StandingCard shows them. */
export function isStandingMetric(key: MetricKey): boolean {
  return (STANDING_METRIC_KEYS as readonly string[]).includes(key);
}

type Standing = Dashboard['standing'];
type KindRow = Standing['byKind'][number];
type Count = 'planned' | 'done' | 'overdue';

const METRIC_OF: Record<Count, MetricKey> = {
  planned: 'sessions_planned',
  done: 'sessions_done',
  overdue: 'sessions_overdue',
};

const rate = (x: number | null) => (x === null ? '—' : `${x}%`);

/**
 * 常态化服务: the teams' sessions due in the period held against plan — the figure cards
 * (`children`, with 同比 and 环比), the fulfilment, and a row per session kind whose every
 * number opens the sessions it counts (a bar of the sessions metrics by kind).
 */
export function StandingCard({
  dashboard,
  onDrill,
  children,
}: {
  dashboard: Dashboard;
  onDrill: (drill: DrillDown) => void;
  children: ReactNode;
}) {
  const t = useT();
  const standing = dashboard.standing;
  const number = (count: Count, value: number, kind?: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() =>
        onDrill(
          kind ? { metric: METRIC_OF[count], dimension: 'kind', value: kind } : { metric: METRIC_OF[count] },
        )
      }
      data-testid={`insights-standing-${count}`}
    >
      {formatCount(t, value)}
    </Button>
  );
  const columns: ColumnsType<KindRow> = [
    {
      title: t('insights.standing.kind'),
      dataIndex: 'kind',
      render: (kind: KindRow['kind'], row) =>
        row.key ? t(SESSION_KIND_LABELS[kind]) : t('insights.standing.total'),
    },
    ...(['planned', 'done', 'overdue'] as const).map((count) => ({
      title: t(`insights.standing.${count}`),
      dataIndex: count,
      align: 'right' as const,
      render: (value: number, row: KindRow) => number(count, value, row.key || undefined),
    })),
    {
      title: t('insights.standing.fulfilment'),
      dataIndex: 'fulfilment',
      align: 'right',
      render: (value: number | null) => rate(value),
    },
  ];
  const rows: KindRow[] = standing.byKind.filter((k) => k.planned > 0);
  // The total row opens the whole figure (no bar): its key is empty.
  const total: KindRow = { ...standing, key: '', kind: 'salon', label: '' };
  return (
    <Card
      title={t('insights.standing.title')}
      extra={
        <Tooltip
          title={t('insights.standing.rateWas', {
            lastYear: rate(standing.lastYear),
            previous: rate(standing.previous),
          })}
        >
          <Space size={4} data-testid="insights-standing-fulfilment">
            <Typography.Text type="secondary">{t('insights.standing.fulfilment')}</Typography.Text>
            <Typography.Text strong>{rate(standing.fulfilment)}</Typography.Text>
          </Space>
        </Tooltip>
      }
      data-testid="insights-standing"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('insights.standing.help')}
        </Typography.Paragraph>
        {children}
        <Table<KindRow>
          rowKey={(row) => row.key || 'total'}
          size="small"
          columns={columns}
          dataSource={rows.length > 0 ? [...rows, total] : []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('insights.standing.empty') }}
          data-testid="insights-standing-kinds"
        />
      </Space>
    </Card>
  );
}
