import { DownloadOutlined, FileWordOutlined, InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Space,
  Spin,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { chinaToday, usePickerFormats } from '../../app/format.ts';
import { type Locale, type MessageKey, type Translate, useI18n, useT } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { type RegionNode, regionCodeOf, regionPath, regionPathLabel, useRegions } from '../../app/regions.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { formatDate } from '../lists/shared.tsx';
import { DASHBOARD_XLSX_PATH, REPORT_PATH, useDashboard } from './api.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import {
  DATE_FORMAT,
  type InsightsParams,
  type PresetKey,
  periodOf,
  presetRange,
  readInsightsParams,
  writeInsightsParams,
} from './periodParams.ts';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import { isStandingMetric, StandingCard } from './StandingCard.tsx';
import {
  Change,
  dimensionLabel,
  FUNNEL_STAGE_LABELS,
  formatCount,
  formatMoney,
  itemLabel,
  metricBasis,
  metricName,
  unitLabel,
} from './shared.tsx';
import type {
  Dashboard,
  DrillDown,
  FunnelStage,
  HeadlineFigure,
  MetricInfo,
  MetricKey,
  Period,
} from './types.ts';

const PRESETS: { key: PresetKey; label: MessageKey }[] = [
  { key: 'yearToDate', label: 'insights.preset.yearToDate' },
  { key: 'quarter', label: 'insights.preset.quarter' },
  { key: 'lastMonth', label: 'insights.preset.lastMonth' },
  { key: 'lastYear', label: 'insights.preset.lastYear' },
];

/**
 * 数据看板: every metric of a region (within the caller's scope) and period, with
 * 同比 and 环比; monthly trends, breakdowns by county, activity kind and industry;
 * the order funnel; and, for any figure or bar, the records it counts. Region,
 * period and the open drill-down live in the URL.
 */
export function InsightsPage() {
  const t = useT();
  useDocumentTitle('menu.insights');
  const { message } = AntApp.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readInsightsParams(searchParams);
  const dashboard = useDashboard(periodOf(params));
  const data = dashboard.data;
  const [downloading, setDownloading] = useState<'xlsx' | 'report' | null>(null);

  // The period in force: the URL's, with the server's defaults (the caller's region, 1 January to today) filled in.
  const period: Period = {
    regionCode: params.regionCode ?? (data?.region.code || undefined),
    from: params.from ?? data?.from,
    to: params.to ?? data?.to,
  };

  /** A new region or period: a history entry, like the lists' filters. */
  const applyPeriod = (next: Period) => setSearchParams(writeInsightsParams(next));
  /** Opening or closing the drill-down replaces the entry, so Back leaves the page rather than the drawer. */
  const drillTo = (drill: DrillDown | undefined) =>
    setSearchParams(writeInsightsParams({ ...periodOf(params), drill }), { replace: true });
  const funnelTo = (funnel: FunnelStage | undefined) =>
    setSearchParams(writeInsightsParams({ ...periodOf(params), funnel }), { replace: true });

  const download = async (what: 'xlsx' | 'report') => {
    setDownloading(what);
    try {
      const file =
        what === 'xlsx'
          ? await downloadFile(DASHBOARD_XLSX_PATH, { ...period }, 'dashboard.xlsx')
          : await downloadFile(REPORT_PATH, { ...period }, 'report.docx');
      void message.success(t('common.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('menu.insights')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={downloading === 'xlsx'}
              disabled={!data}
              onClick={() => void download('xlsx')}
              data-testid="insights-export"
            >
              {t('insights.exportXlsx')}
            </Button>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              loading={downloading === 'report'}
              disabled={!data}
              onClick={() => void download('report')}
              data-testid="insights-report"
            >
              {t('insights.report')}
            </Button>
          </Space>
        }
      >
        <FilterBar params={params} resolved={data} onChange={applyPeriod} />
        {data && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 12, marginBottom: 0 }}
            data-testid="insights-intro"
          >
            {t('insights.intro', { scope: scopeText(t, data) })}
          </Typography.Paragraph>
        )}
      </Card>

      {dashboard.isPending ? (
        <Card>
          <PageLoading />
        </Card>
      ) : dashboard.isError && !data ? (
        <Card>
          <PageError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        </Card>
      ) : data ? (
        <Spin spinning={dashboard.isFetching} delay={200}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <HeadlineCards dashboard={data} onOpen={(metric) => drillTo({ metric: metric.key })} />
            <StandingCard
              dashboard={data}
              onDrill={drillTo}
              cards={(show) => (
                <MetricCards
                  dashboard={data}
                  onOpen={(metric) => drillTo({ metric: metric.key })}
                  show={show}
                />
              )}
            />
            <DashboardCharts dashboard={data} onDrill={drillTo} onFunnel={funnelTo} />
          </Space>
        </Spin>
      ) : null}

      {data && params.drill && (
        <Drill
          key={`${params.drill.metric}:${params.drill.dimension ?? ''}:${params.drill.value ?? ''}`}
          dashboard={data}
          drill={params.drill}
          period={period}
          onClose={() => drillTo(undefined)}
        />
      )}
      {data && params.funnel && (
        <RecordsDrawer
          key={`funnel:${params.funnel}`}
          of={{ stage: params.funnel }}
          filter={period}
          title={`${t('insights.funnel.title')} · ${t(FUNNEL_STAGE_LABELS[params.funnel])}`}
          unit={unitLabel(t, '个')}
          money={false}
          description={t(
            params.funnel === 'overdue' ? 'insights.funnel.overdueHelp' : 'insights.funnel.stageHelp',
          )}
          scopeText={
            params.funnel === 'overdue'
              ? t('insights.scopeNow', { region: data.region.name })
              : scopeText(t, data)
          }
          onClose={() => funnelTo(undefined)}
        />
      )}
    </Space>
  );
}

/** 浙江省湖州市，2026年1月1日至2026年11月20日 */
function scopeText(t: Translate, dashboard: Pick<Dashboard, 'region' | 'from' | 'to'>): string {
  return t('insights.scope', {
    region: dashboard.region.name,
    from: formatDate(t, dashboard.from),
    to: formatDate(t, dashboard.to),
  });
}

/** Region (the caller's own and below; the server refuses others) and period, with the usual presets. */
function FilterBar({
  params,
  resolved,
  onChange,
}: {
  params: InsightsParams;
  resolved: Dashboard | undefined;
  onChange: (period: Period) => void;
}) {
  const t = useT();
  const formats = usePickerFormats();
  const me = useCurrentUser();
  const regions = useRegions();
  const everywhere = hasPermission(me, 'scope.all');
  const regionCode = params.regionCode ?? (resolved?.region.code || undefined);
  const from = params.from ?? resolved?.from;
  const to = params.to ?? resolved?.to;
  const period = periodOf(params);
  // Presets count from today in China (the server's periods are China dates), whatever the browser's zone.
  const today = dayjs(chinaToday());

  return (
    <Space wrap size={[12, 12]} data-testid="insights-filters">
      <RegionCascader
        within={everywhere ? null : me.regionCode}
        value={pathWithin(regions.data, everywhere ? null : me.regionCode, regionCode)}
        onChange={(path) => onChange({ ...period, regionCode: regionCodeOf(path) })}
        placeholder={everywhere ? t('insights.region.all') : me.regionName}
        style={{ width: 260 }}
        data-testid="insights-region"
      />
      <DatePicker.RangePicker
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        format={formats.date}
        allowClear={false}
        presets={PRESETS.map((preset) => ({ label: t(preset.label), value: presetRange(preset.key, today) }))}
        onChange={(range) => {
          const [start, end] = range ?? [];
          if (start && end)
            onChange({ ...period, from: start.format(DATE_FORMAT), to: end.format(DATE_FORMAT) });
        }}
        data-testid="insights-period"
      />
      <Button
        icon={<ReloadOutlined />}
        onClick={() => onChange({})}
        disabled={!params.regionCode && !params.from && !params.to}
      >
        {t('insights.resetPeriod')}
      </Button>
    </Space>
  );
}

/** The cascader path of `code` below the branch the account may pick from. */
function pathWithin(
  tree: readonly RegionNode[] | undefined,
  root: string | null,
  code: string | undefined,
): string[] | undefined {
  if (!tree || !code) return undefined;
  const full = regionPath(tree, code);
  if (!root) return full;
  const start = full.indexOf(root);
  return start >= 0 ? full.slice(start) : undefined;
}

/** The main figures' cards; the standing service's figures have a card of their own (StandingCard). */
function HeadlineCards({
  dashboard,
  onOpen,
}: {
  dashboard: Dashboard;
  onOpen: (metric: MetricInfo) => void;
}) {
  const t = useT();
  return (
    <Card title={t('insights.headline')} data-testid="insights-headline">
      <MetricCards dashboard={dashboard} onOpen={onOpen} show={(key) => !isStandingMetric(key)} />
    </Card>
  );
}

/** One card per metric `show` keeps: the figure, the amount for money metrics, 同比 and 环比; a click opens its records. */
function MetricCards({
  dashboard,
  onOpen,
  show,
}: {
  dashboard: Dashboard;
  onOpen: (metric: MetricInfo) => void;
  show: (key: MetricKey) => boolean;
}) {
  const figures = new Map(dashboard.headline.map((figure) => [figure.key, figure]));
  return (
    <Row gutter={[16, 16]}>
      {dashboard.metrics.map((metric) => {
        const figure = figures.get(metric.key);
        if (!figure || !show(metric.key)) return null;
        return (
          <Col key={metric.key} xs={12} md={8} lg={6}>
            <HeadlineCard metric={metric} figure={figure} onOpen={() => onOpen(metric)} />
          </Col>
        );
      })}
    </Row>
  );
}

function HeadlineCard({
  metric,
  figure,
  onOpen,
}: {
  metric: MetricInfo;
  figure: HeadlineFigure;
  onOpen: () => void;
}) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const unit = unitLabel(t, metric.unit);
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 4 } }}
      data-testid={`insights-card-${metric.key}`}
    >
      <Tooltip title={metricDescription(locale, t, metric)} placement="topLeft">
        <Typography.Text type="secondary" data-testid="insights-card-name">
          {metricName(t, metric)} <InfoCircleOutlined style={{ fontSize: 12 }} />
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="insights-card-basis">
        {metricBasis(t, metric.key)}
      </Typography.Text>
      <div style={{ whiteSpace: 'nowrap' }}>
        <span
          style={{ fontSize: 26, fontWeight: 600, color: token.colorText, lineHeight: 1.3 }}
          data-testid="insights-card-value"
        >
          {formatCount(t, figure.value)}
        </span>
        <span style={{ marginInlineStart: 4, color: token.colorTextSecondary }}>{unit}</span>
      </div>
      {figure.amountYuan !== null && (
        <Typography.Text data-testid="insights-card-amount">
          {t('insights.amountOf', { amount: formatMoney(figure.amountYuan) })}
        </Typography.Text>
      )}
      <Space size={12} wrap style={{ minHeight: 20 }}>
        <Change label="yoy" now={figure.value} before={figure.lastYear.value} unit={unit} />
        <Change label="mom" now={figure.value} before={figure.previous.value} unit={unit} />
      </Space>
    </Card>
  );
}

/** The drill-down in the URL, on the figures loaded: the month's bars cover the trend year. */
function Drill({
  dashboard,
  drill,
  period,
  onClose,
}: {
  dashboard: Dashboard;
  drill: DrillDown;
  period: Period;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const metric = dashboard.metrics.find((m) => m.key === drill.metric);
  if (!metric) return null;
  const month = drill.dimension === 'month';
  const year = dashboard.trendYear;
  const drillPeriod: Period = month
    ? { regionCode: period.regionCode, from: `${year}-01-01`, to: `${year}-12-31` }
    : period;
  let barLabel: string | undefined;
  if (drill.dimension && drill.value !== undefined) {
    const dimension = drill.dimension;
    const value = drill.value;
    const known = [...dashboard.trends, ...dashboard.breakdowns]
      .find((b) => b.key === drill.metric && b.dimension === dimension)
      ?.items.find((item) => item.key === value);
    barLabel = known
      ? itemLabel(t, dimension, known)
      : dimension === 'region'
        ? (regionPathLabel(regions.data, value).split(' / ').pop() ?? value)
        : itemLabel(t, dimension, { key: value, label: value });
  }
  const scope = month
    ? t('insights.scopeYear', { region: dashboard.region.name, year })
    : scopeText(t, dashboard);
  const unit = unitLabel(t, metric.unit);
  const name = metricName(t, metric);
  return (
    <RecordsDrawer
      of={{ metric: drill.metric }}
      filter={{ ...drillPeriod, dimension: drill.dimension, value: drill.value }}
      title={barLabel ? t('insights.drill.barTitle', { metric: name, bar: barLabel }) : name}
      unit={unit}
      money={metric.money}
      description={metricDescription(locale, t, metric)}
      scopeText={scope}
      bar={
        drill.dimension && barLabel
          ? { dimension: dimensionLabel(t, drill.dimension), label: barLabel }
          : undefined
      }
      onClose={onClose}
    />
  );
}

/**
 * What a figure counts in full: the server's 口径 (Chinese, as the report's notes say it); in English
 * the card's line, as the server words it in Chinese only.
 */
function metricDescription(locale: Locale, t: Translate, metric: MetricInfo): string {
  return locale === 'en-US' ? metricBasis(t, metric.key) : metric.description;
}
