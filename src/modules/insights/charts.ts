import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/** Fonts for Chinese labels, in the order they are looked for on a server (fonts-wqy-microhei in CI). */
const FONT_FAMILY = 'WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, sans-serif';

export interface Chart {
  title: string;
  svg: string;
  png: Buffer | null;
  width: number;
  height: number;
}

/** An ECharts option rendered on the server: SVG always, PNG (for Word) when resvg can load. */
export function renderChart(title: string, option: echarts.EChartsOption, width = 640, height = 320): Chart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  let png: Buffer | null = null;
  try {
    png = new Resvg(svg, {
      background: '#ffffff',
      fitTo: { mode: 'width', value: width * 2 },
      font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' },
    })
      .render()
      .asPng();
  } catch {
    png = null;
  }
  return { title, svg, png, width, height };
}

/** Bars by month (1月 … 12月) for a few series. */
export function monthlyBars(
  title: string,
  months: string[],
  series: { name: string; data: number[] }[],
): Chart {
  return renderChart(title, {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: false } })),
  });
}

/** A share of a whole (activities by kind). */
export function pie(title: string, items: { name: string; value: number }[]): Chart {
  return renderChart(title, {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    series: [
      {
        type: 'pie',
        radius: ['30%', '60%'],
        center: ['50%', '55%'],
        data: items,
        label: { formatter: '{b} {c}' },
      },
    ],
  });
}
