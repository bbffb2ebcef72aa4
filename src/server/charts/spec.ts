/** The kinds of chart the platform draws. */
export const CHART_KINDS = ['bar', 'line', 'stacked-bar', 'donut'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * Everything needed to draw a chart and to export its data: the server renders it to SVG, the
 * browser draws the same spec with tooltips, and the downloads are made from it, so the picture,
 * the table and the files always show the same numbers.
 */
export type ChartSpec = {
  /** Stable id of the chart (its registry id), used for element ids and file names. */
  id: string;
  title: string;
  kind: ChartKind;
  /** What the categories are ("Theme"), the first column of the table and the exports. */
  categoryTitle: string;
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
  /** The unit of the values, for the table header and the description ("solutions"). */
  unit?: string;
  /** The BCP 47 tag of the language the labels are in, for number formatting. */
  locale?: string;
};

/** Whether a chart has anything to draw. */
export function isEmptyChart(spec: ChartSpec): boolean {
  return spec.categories.length === 0 || spec.series.every((s) => s.values.every((v) => !v));
}

/** The data as rows: one per category, the category then one value per series. */
export function chartRows(spec: ChartSpec): Array<[string, ...number[]]> {
  return spec.categories.map((category, i) => [category, ...spec.series.map((s) => s.values[i] ?? 0)]);
}

/**
 * A one-paragraph text summary of the data for screen readers (the SVG's `<desc>`): each category
 * with its values, largest first, up to twelve.
 */
export function describeChart(spec: ChartSpec): string {
  const format = new Intl.NumberFormat(spec.locale ?? 'en');
  const rows = chartRows(spec)
    .map(([category, ...values]) => ({ category, values, total: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 12);
  return rows
    .map((row) =>
      spec.series.length === 1
        ? `${row.category}: ${format.format(row.values[0] ?? 0)}`
        : `${row.category}: ${spec.series.map((s, i) => `${s.name} ${format.format(row.values[i] ?? 0)}`).join(', ')}`,
    )
    .join('; ');
}
