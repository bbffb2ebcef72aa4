import type { ChartSpec } from './spec.js';

/**
 * Colours that stay distinct for the common kinds of colour blindness (Okabe and Ito), each with
 * at least 3:1 contrast against white except the yellow, which is never first; decal patterns are
 * added on top so series differ by more than colour.
 */
export const CHART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/** The text colour of axes and legends (the site's ink and muted colours). */
const INK = '#1b1f24';
const MUTED = '#4a5260';

/** The height a chart needs: horizontal bars grow with their categories. */
export function chartHeight(spec: ChartSpec): number {
  if (spec.kind === 'bar' || spec.kind === 'stacked-bar')
    return Math.max(160, 70 + spec.categories.length * 30 + (spec.series.length > 1 ? 30 : 0));
  return 320;
}

/**
 * The ECharts option for a spec, the same on the server (SVG rendering) and in the browser
 * (interactive chart), so both draw the same picture. Bars are horizontal so long category names
 * (themes, modalities) stay readable in every language.
 */
export function chartOption(spec: ChartSpec, options: { interactive: boolean }): Record<string, unknown> {
  const base = {
    animation: false,
    color: CHART_COLOURS,
    aria: { enabled: true, decal: { show: spec.series.length > 1 || spec.kind === 'donut' } },
    textStyle: { fontFamily: 'system-ui, sans-serif', color: INK },
    tooltip: options.interactive
      ? { trigger: spec.kind === 'donut' ? 'item' : 'axis', confine: true }
      : { show: false },
    legend:
      spec.series.length > 1
        ? { bottom: 0, textStyle: { color: INK }, data: spec.series.map((s) => s.name) }
        : undefined,
  };
  if (spec.kind === 'donut') {
    const first = spec.series[0] ?? { name: '', values: [] };
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll', textStyle: { color: INK } },
      series: [
        {
          type: 'pie',
          name: first.name,
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { color: INK, formatter: '{b}: {c}' },
          data: spec.categories.map((name, i) => ({ name, value: first.values[i] ?? 0 })),
        },
      ],
    };
  }
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: { color: INK, width: 220, overflow: 'truncate' },
    axisLine: { lineStyle: { color: MUTED } },
    ...(spec.kind === 'line' ? {} : { inverse: true }),
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: MUTED },
    splitLine: { lineStyle: { color: '#d5dae1' } },
  };
  const horizontal = spec.kind !== 'line';
  return {
    ...base,
    grid: {
      left: 8,
      right: 36,
      top: 12,
      bottom: spec.series.length > 1 ? 40 : 8,
      containLabel: true,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: spec.kind === 'line' ? 'line' : 'bar',
      name: s.name,
      data: s.values,
      ...(spec.kind === 'stacked-bar' ? { stack: 'total' } : {}),
      ...(horizontal
        ? {
            barMaxWidth: 22,
            label: {
              show: true,
              position: spec.kind === 'bar' ? 'right' : 'inside',
              color: spec.kind === 'bar' ? INK : '#ffffff',
              // An empty segment of a stacked bar would print "0" over its neighbour.
              formatter: (item: { value: number }) => (item.value ? String(item.value) : ''),
            },
          }
        : {}),
    })),
  };
}
