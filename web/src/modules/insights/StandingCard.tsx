import {
  COMMISSION_METRIC_KEYS,
  DUTY_METRIC_KEYS,
  STANDING_METRIC_KEYS,
  TEAM_STANDING_METRIC_KEYS,
} from '@server/modules/insights/constants.ts';
import { Button, Card, Divider, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { formatCount, SESSION_KIND_LABELS } from './shared.tsx';
import type { Dashboard, DrillDown, MetricKey } from './types.ts';

/**
 * The standing service's figures (teams' sessions, commissioners' visits and refined demands, contact
 * duties): StandingCard shows them.
 */
export function isStandingMetric(key: MetricKey): boolean {
  return (STANDING_METRIC_KEYS as readonly string[]).includes(key);
}

type Standing = Dashboard['standing'];
type KindRow = Standing['byKind'][number];
type Count = 'planned' | 'done' | 'overdue';

/** The figures a kinds table's numbers open, per subject. */
const TEAM_METRICS: Record<Count, MetricKey> = {
  planned: 'sessions_planned',
  done: 'sessions_done',
  overdue: 'sessions_overdue',
};
const DUTY_METRICS: Record<Count, MetricKey> = {
  planned: 'duty_contacts_planned',
  done: 'duty_contacts_done',
  overdue: 'duty_contacts_overdue',
};

const rate = (x: number | null) => (x === null ? '—' : `${x}%`);

const keysOf = (keys: readonly MetricKey[]) => (key: MetricKey) => keys.includes(key);

/**
 * 常态化服务 held against plan, a part per subject: the assistance teams' sessions, the tech
 * commissioners' visits (with the commissioners, their enterprises and the demands refined), and
 * the contact duties' contacts and care visits. Each part shows its figure cards (`cards`, with
 * 同比 and 环比); the teams' and the duties' a row per kind whose every number opens the
 * occurrences it counts (a bar of their metrics by kind). The teams' fulfilment heads the card.
 */
export function StandingCard({
  dashboard,
  onDrill,
  cards,
}: {
  dashboard: Dashboard;
  onDrill: (drill: DrillDown) => void;
  /** The figure cards of the metrics `show` keeps. */
  cards: (show: (key: MetricKey) => boolean) => ReactNode;
}) {
  const t = useT();
  const standing = dashboard.standing;
  const commissions = standing.commissions;
  const duties = standing.duties;
  const part = (title: string, testId: string, extra?: ReactNode) => (
    <Divider orientation="left" orientationMargin={0} style={{ margin: 0 }} data-testid={testId}>
      <Space size={12} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        {extra}
      </Space>
    </Divider>
  );
  const fulfilment = (value: number | null, testId: string) => (
    <Space size={4} data-testid={testId}>
      <Typography.Text type="secondary">{t('insights.standing.fulfilment')}</Typography.Text>
      <Typography.Text>{rate(value)}</Typography.Text>
    </Space>
  );
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
        {part(t('insights.standing.teams'), 'insights-standing-teams')}
        {cards(keysOf(TEAM_STANDING_METRIC_KEYS))}
        <KindsTable totals={standing} metrics={TEAM_METRICS} onDrill={onDrill} testId="insights-standing" />
        {part(
          t('insights.standing.commissions'),
          'insights-standing-commissions',
          commissions.planned > 0
            ? fulfilment(commissions.fulfilment, 'insights-commission-fulfilment')
            : null,
        )}
        {cards(keysOf(COMMISSION_METRIC_KEYS))}
        {part(
          t('insights.standing.duties'),
          'insights-standing-duties',
          duties.planned > 0 ? fulfilment(duties.fulfilment, 'insights-duty-fulfilment') : null,
        )}
        {cards(keysOf(DUTY_METRIC_KEYS))}
        {duties.planned > 0 && (
          <KindsTable totals={duties} metrics={DUTY_METRICS} onDrill={onDrill} testId="insights-duty" />
        )}
      </Space>
    </Card>
  );
}

/** A row per kind with planned, done, overdue and fulfilment, then the total; every number opens its records. */
function KindsTable({
  totals,
  metrics,
  onDrill,
  testId,
}: {
  totals: { byKind: KindRow[]; planned: number; done: number; overdue: number; fulfilment: number | null };
  metrics: Record<Count, MetricKey>;
  onDrill: (drill: DrillDown) => void;
  /** insights-standing for the teams' (its numbers insights-standing-planned …). */
  testId: string;
}) {
  const t = useT();
  const number = (count: Count, value: number, kind?: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() =>
        onDrill(
          kind ? { metric: metrics[count], dimension: 'kind', value: kind } : { metric: metrics[count] },
        )
      }
      data-testid={`${testId}-${count}`}
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
  const rows: KindRow[] = totals.byKind.filter((k) => k.planned > 0);
  // The total row opens the whole figure (no bar): its key is empty.
  const total: KindRow = { ...totals, key: '', kind: 'salon', label: '' };
  return (
    <Table<KindRow>
      rowKey={(row) => row.key || 'total'}
      size="small"
      columns={columns}
      dataSource={rows.length > 0 ? [...rows, total] : []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('insights.standing.empty') }}
      data-testid={`${testId}-kinds`}
    />
  );
}
