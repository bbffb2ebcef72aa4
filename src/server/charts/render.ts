import * as echarts from 'echarts';
import { chartHeight, chartOption } from './option.js';
import { type ChartSpec, describeChart } from './spec.js';

export const CHART_WIDTH = 640;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders a chart to an accessible SVG string with ECharts' server-side renderer: the root has
 * `role="img"`, a `<title>` and a `<desc>` summarising the data, so the chart is shown and
 * understood without JavaScript. Class names are prefixed with the chart id so several charts can
 * sit inline on one page.
 */
export function renderChartSvg(spec: ChartSpec, options: { width?: number } = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const height = chartHeight(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, { interactive: false }));
    const raw = chart.renderToSVGString();
    const id = `chart-${spec.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    return raw
      .replace(/\bzr(\d+)-cls-/g, `${id}-cls-`)
      .replace(/^<svg([^>]*?)\s*aria-label="[^"]*"/, '<svg$1')
      .replace(
        /^<svg([^>]*)>/,
        `<svg$1 role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
          `<title id="${id}-title">${escapeXml(spec.title)}</title>` +
          `<desc id="${id}-desc">${escapeXml(describeChart(spec))}</desc>`,
      );
  } finally {
    chart.dispose();
  }
}
