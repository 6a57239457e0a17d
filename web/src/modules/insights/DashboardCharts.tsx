import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tooltip, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo } from 'react';
import { type Translate, useT } from '../../app/i18n.tsx';
import { orderStatusLabel } from '../orders/shared.tsx';
import { type ChartClick, type ChartOption, EChart } from './EChart.tsx';
import { formatCount, formatPercent, itemLabel, metricName, unitLabel } from './shared.tsx';
import type {
  Breakdown,
  Dashboard,
  Dimension,
  DrillDown,
  FunnelStage,
  MetricKey,
  StepTime,
} from './types.ts';

/** One colour per metric, the same in every chart. */
const METRIC_COLORS: Partial<Record<MetricKey, string>> = {
  activities_held: '#1677ff',
  demands_posted: '#fa8c16',
  achievements_published: '#13c2c2',
  orders_placed: '#722ed1',
  agreements_signed: '#52c41a',
};
const FALLBACK_COLORS = ['#2f54eb', '#eb2f96', '#faad14', '#a0d911', '#597ef7'];
const colorOf = (key: MetricKey, i: number) =>
  METRIC_COLORS[key] ?? FALLBACK_COLORS[i % FALLBACK_COLORS.length]!;

const CHART_HEIGHT = 320;

interface ChartsProps {
  dashboard: Dashboard;
  /** Opens the records behind a bar or slice. */
  onDrill: (drill: DrillDown) => void;
}

interface FunnelProps {
  dashboard: Dashboard;
  /** Opens the orders behind a step of the funnel. */
  onFunnel: (stage: FunnelStage) => void;
}

/** 趋势, 分布 and 订单漏斗: every bar and slice opens the records it counts. */
export function DashboardCharts({ dashboard, onDrill, onFunnel }: ChartsProps & FunnelProps) {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <TrendChart dashboard={dashboard} onDrill={onDrill} />
      </Col>
      <Col xs={24} xl={14}>
        <RegionChart dashboard={dashboard} onDrill={onDrill} />
      </Col>
      <Col xs={24} xl={10}>
        <KindChart dashboard={dashboard} onDrill={onDrill} />
      </Col>
      <Col xs={24} xl={12}>
        <IndustryChart dashboard={dashboard} onDrill={onDrill} />
      </Col>
      <Col xs={24} xl={12}>
        <FunnelCard dashboard={dashboard} onFunnel={onFunnel} />
      </Col>
    </Row>
  );
}

function ChartCard({
  title,
  help,
  testId,
  empty,
  children,
}: {
  title: string;
  help: string;
  testId: string;
  empty: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Card title={title} style={{ height: '100%' }} data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Paragraph>
      {empty ? (
        <div
          style={{ height: CHART_HEIGHT, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          <Empty description={t('insights.chart.empty')} />
        </div>
      ) : (
        children
      )}
    </Card>
  );
}

function findBreakdowns(list: readonly Breakdown[], dimension: Dimension): Breakdown[] {
  return list.filter((b) => b.dimension === dimension);
}

const hasData = (breakdowns: readonly Breakdown[]) =>
  breakdowns.some((b) => b.items.some((i) => i.value > 0));

function nameOf(t: Translate, dashboard: Dashboard, key: MetricKey): string {
  const info = dashboard.metrics.find((m) => m.key === key);
  return info ? metricName(t, info) : key;
}

/**
 * Several metrics over shared categories (months, counties, industries): one
 * series per metric, the categories in the order given.
 */
function groupedSeries(
  t: Translate,
  dashboard: Dashboard,
  breakdowns: readonly Breakdown[],
  categories: readonly string[],
) {
  return breakdowns.map((b, i) => {
    const values = new Map(b.items.map((item) => [item.key, item.value]));
    return {
      type: 'bar' as const,
      name: nameOf(t, dashboard, b.key),
      itemStyle: { color: colorOf(b.key, i) },
      data: categories.map((key) => values.get(key) ?? 0),
      barMaxWidth: 22,
      emphasis: { focus: 'series' as const },
    };
  });
}

/** Categories of several breakdowns (one dimension): every key once, the largest totals first. */
function categoriesOf(breakdowns: readonly Breakdown[], dimension: Dimension, t: Translate) {
  const totals = new Map<string, { label: string; total: number }>();
  for (const b of breakdowns) {
    for (const item of b.items) {
      const entry = totals.get(item.key) ?? { label: itemLabel(t, dimension, item), total: 0 };
      entry.total += item.value;
      totals.set(item.key, entry);
    }
  }
  const keys = [...totals.keys()].sort(
    (a, b) => totals.get(b)!.total - totals.get(a)!.total || a.localeCompare(b),
  );
  return { keys, labels: keys.map((key) => totals.get(key)!.label) };
}

/** 各月趋势 for the year `to` falls in; a bar opens that month's records. */
function TrendChart({ dashboard, onDrill }: ChartsProps) {
  const t = useT();
  const year = dashboard.trendYear;
  const trends = useMemo(() => findBreakdowns(dashboard.trends, 'month'), [dashboard]);
  const months = useMemo(
    () => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    [year],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, left: 0, type: 'scroll', right: 80 },
      toolbox: { top: 0, right: 8, feature: { magicType: { type: ['bar', 'line'] } } },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((key) => itemLabel(t, 'month', { key, label: key })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: groupedSeries(t, dashboard, trends, months),
    }),
    [t, dashboard, trends, months],
  );
  const click = (event: ChartClick) => {
    const breakdown = trends[event.seriesIndex ?? -1];
    const month = months[event.dataIndex];
    if (breakdown && month) onDrill({ metric: breakdown.key, dimension: 'month', value: month });
  };
  return (
    <ChartCard
      title={t('insights.chart.trend', { year })}
      help={t('insights.chart.trendHelp')}
      testId="insights-chart-trend"
      empty={!hasData(trends)}
    >
      <EChart option={option} height={CHART_HEIGHT} onClick={click} data-testid="insights-trend-canvas" />
    </ChartCard>
  );
}

/** 按区县: the metrics broken down by region, side by side per county. */
function RegionChart({ dashboard, onDrill }: ChartsProps) {
  const t = useT();
  const breakdowns = useMemo(() => findBreakdowns(dashboard.breakdowns, 'region'), [dashboard]);
  const categories = useMemo(() => categoriesOf(breakdowns, 'region', t), [breakdowns, t]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories.labels, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: groupedSeries(t, dashboard, breakdowns, categories.keys),
    }),
    [t, dashboard, breakdowns, categories],
  );
  const click = (event: ChartClick) => {
    const breakdown = breakdowns[event.seriesIndex ?? -1];
    const county = categories.keys[event.dataIndex];
    if (breakdown && county !== undefined)
      onDrill({ metric: breakdown.key, dimension: 'region', value: county });
  };
  return (
    <ChartCard
      title={t('insights.chart.region')}
      help={t('insights.chart.regionHelp')}
      testId="insights-chart-region"
      empty={!hasData(breakdowns)}
    >
      <EChart option={option} height={CHART_HEIGHT} onClick={click} data-testid="insights-region-canvas" />
    </ChartCard>
  );
}

/** 活动类型: activities held by kind, as shares; a slice opens those activities. */
function KindChart({ dashboard, onDrill }: ChartsProps) {
  const t = useT();
  const breakdown = dashboard.breakdowns.find((b) => b.key === 'activities_held' && b.dimension === 'kind');
  const unit = unitLabel(t, dashboard.metrics.find((m) => m.key === 'activities_held')?.unit ?? '');
  const items = useMemo(() => breakdown?.items.filter((item) => item.value > 0) ?? [], [breakdown]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          return t('insights.chart.kindTooltip', {
            kind: p?.name ?? '',
            value: t('insights.valueUnit', { value: Number(p?.value ?? 0), unit }),
            share: p?.percent === undefined ? '—' : `${p.percent}%`,
          });
        },
      },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['30%', '55%'],
          center: ['50%', '48%'],
          avoidLabelOverlap: true,
          label: {
            formatter: (p) => `${p.name}\n${t('insights.valueUnit', { value: Number(p.value ?? 0), unit })}`,
          },
          data: items.map((item) => ({ name: itemLabel(t, 'kind', item), value: item.value })),
        },
      ],
    }),
    [t, items, unit],
  );
  const click = (event: ChartClick) => {
    const item = items[event.dataIndex];
    if (item) onDrill({ metric: 'activities_held', dimension: 'kind', value: item.key });
  };
  return (
    <ChartCard
      title={t('insights.chart.kind')}
      help={t('insights.chart.kindHelp')}
      testId="insights-chart-kind"
      empty={items.length === 0}
    >
      <EChart option={option} height={CHART_HEIGHT} onClick={click} data-testid="insights-kind-canvas" />
    </ChartCard>
  );
}

/** 行业分布: demands and orders by industry section (a record in two sections counts in both). */
function IndustryChart({ dashboard, onDrill }: ChartsProps) {
  const t = useT();
  const breakdowns = useMemo(() => findBreakdowns(dashboard.breakdowns, 'industry'), [dashboard]);
  const categories = useMemo(() => categoriesOf(breakdowns, 'industry', t), [breakdowns, t]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories.labels,
        axisLabel: { width: 140, overflow: 'truncate', interval: 0 },
      },
      series: groupedSeries(t, dashboard, breakdowns, categories.keys),
    }),
    [t, dashboard, breakdowns, categories],
  );
  const click = (event: ChartClick) => {
    const breakdown = breakdowns[event.seriesIndex ?? -1];
    const section = categories.keys[event.dataIndex];
    if (breakdown && section !== undefined) {
      onDrill({ metric: breakdown.key, dimension: 'industry', value: section });
    }
  };
  // Room for every section's bars.
  const height = Math.max(CHART_HEIGHT, 60 + categories.keys.length * 22 * Math.max(1, breakdowns.length));
  return (
    <ChartCard
      title={t('insights.chart.industry')}
      help={t('insights.chart.industryHelp')}
      testId="insights-chart-industry"
      empty={!hasData(breakdowns)}
    >
      <EChart option={option} height={height} onClick={click} data-testid="insights-industry-canvas" />
    </ChartCard>
  );
}

/** The funnel chart's steps, top to bottom. */
const FUNNEL_CHART_STAGES: readonly FunnelStage[] = [
  'placed',
  'dispatched',
  'accepted',
  'closed',
  'effective',
];

/** 订单漏斗: of the orders placed in the period, how many were dispatched, accepted and closed; step times beneath. */
function FunnelCard({ dashboard, onFunnel }: FunnelProps) {
  const t = useT();
  const { token } = theme.useToken();
  const { funnel } = dashboard;
  const stages = useMemo(
    () => [
      { name: t('insights.funnel.placed'), value: funnel.placed },
      { name: t('insights.funnel.dispatched'), value: funnel.dispatched },
      { name: t('insights.funnel.accepted'), value: funnel.accepted },
      { name: t('insights.funnel.closed'), value: funnel.closed },
      { name: t('insights.funnel.effective'), value: funnel.effective },
    ],
    [t, funnel],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          const value = Number(p?.value ?? 0);
          const share = funnel.placed > 0 ? formatPercent(value / funnel.placed) : '—';
          return t('insights.funnel.tooltip', { stage: p?.name ?? '', value, share });
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max: Math.max(1, funnel.placed),
          // Wide enough for every step's label, however few orders reached it (the tooltip has the share).
          minSize: '36%',
          left: '10%',
          right: '10%',
          top: 8,
          bottom: 8,
          gap: 2,
          label: { position: 'inside', formatter: '{b}  {c}', color: '#fff' },
          color: ['#722ed1', '#1677ff', '#13c2c2', '#52c41a', '#faad14'],
          data: stages,
        },
      ],
    }),
    [t, stages, funnel.placed],
  );
  const openPlaced = () => onFunnel('placed');
  const steps: ColumnsType<StepTime> = [
    {
      title: t('orders.board.step'),
      dataIndex: 'status',
      render: (status: string) => orderStatusLabel(t, status),
    },
    { title: t('orders.board.transitions'), dataIndex: 'transitions', align: 'right', width: 100 },
    {
      title: t('orders.board.median'),
      dataIndex: 'medianHours',
      align: 'right',
      width: 140,
      render: (value: number) => hours(value),
    },
    {
      title: t('orders.board.mean'),
      dataIndex: 'meanHours',
      align: 'right',
      width: 140,
      render: (value: number) => hours(value),
    },
  ];
  return (
    <Card
      title={t('insights.funnel.title')}
      style={{ height: '100%' }}
      extra={
        <Button type="link" size="small" onClick={openPlaced} data-testid="insights-funnel-records">
          {t('insights.funnel.records')}
        </Button>
      }
      data-testid="insights-funnel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('insights.funnel.help')}
      </Typography.Paragraph>
      <Row gutter={16} align="middle">
        <Col flex="auto">
          {funnel.placed === 0 ? (
            <div style={{ height: 240, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <Empty description={t('insights.funnel.empty')} />
            </div>
          ) : (
            <EChart
              option={option}
              height={240}
              onClick={(event) => {
                const stage = FUNNEL_CHART_STAGES[event.dataIndex ?? -1];
                if (stage) onFunnel(stage);
              }}
              data-testid="insights-funnel-canvas"
            />
          )}
        </Col>
        <Col flex="140px">
          <Space direction="vertical" size="middle">
            <Clickable title={t('insights.funnel.open')} onClick={() => onFunnel('cancelled')}>
              <Statistic
                title={t('insights.funnel.cancelled')}
                value={formatCount(t, funnel.cancelled)}
                data-testid="insights-funnel-cancelled"
              />
            </Clickable>
            <Clickable title={t('insights.funnel.overdueTip')} onClick={() => onFunnel('overdue')}>
              <Statistic
                title={t('insights.funnel.overdue')}
                value={formatCount(t, funnel.overdueNow)}
                valueStyle={funnel.overdueNow > 0 ? { color: token.colorError } : undefined}
                data-testid="insights-funnel-overdue"
              />
            </Clickable>
          </Space>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('orders.board.steps')}
      </Typography.Title>
      <Table<StepTime>
        rowKey="status"
        size="small"
        columns={steps}
        dataSource={funnel.steps}
        pagination={false}
        locale={{ emptyText: t('orders.board.stepsEmpty') }}
        data-testid="insights-steps"
      />
    </Card>
  );
}

/** A figure that opens its records: clickable and reachable by keyboard, with a hint. */
function Clickable({
  title,
  onClick,
  children,
}: {
  title: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip title={title}>
      <button
        type="button"
        onClick={onClick}
        style={{
          background: 'none',
          border: 'none',
          padding: 0,
          font: 'inherit',
          color: 'inherit',
          textAlign: 'start',
          cursor: 'pointer',
          display: 'block',
        }}
      >
        {children}
      </button>
    </Tooltip>
  );
}

function hours(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}
