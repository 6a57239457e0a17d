import { theme } from 'antd';
import {
  BarChart,
  type BarSeriesOption,
  FunnelChart,
  type FunnelSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  ToolboxComponent,
  type ToolboxComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';

// Only what the dashboard draws, so the bundle carries only these parts of ECharts.
use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  ToolboxComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | ToolboxComponentOption
>;

export type ChartClick = Pick<ECElementEvent, 'seriesIndex' | 'dataIndex' | 'name'>;

interface EChartProps {
  option: ChartOption;
  height: number;
  /** A bar, slice or funnel step was clicked. */
  onClick?: (event: ChartClick) => void;
  'data-testid'?: string;
}

/** An ECharts chart in a div that follows its size (a resize observer), in the page's language and font. */
export function EChart({ option, height, onClick, 'data-testid': testId }: EChartProps) {
  const { locale } = useI18n();
  const { token } = theme.useToken();
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  // The latest handler, without setting the chart up again when it changes.
  const clickHandler = useRef(onClick);
  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  // ECharts' own texts (the toolbox) follow the language: set up again when it changes.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'canvas', locale: locale === 'en-US' ? 'EN' : 'ZH' });
    instance.on('click', (event) => clickHandler.current?.(event));
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [locale]);

  useEffect(() => {
    chart?.setOption({ textStyle: { fontFamily: token.fontFamily }, ...option }, { notMerge: true });
  }, [chart, option, token.fontFamily]);

  return <div ref={container} style={{ width: '100%', height }} data-testid={testId} />;
}
