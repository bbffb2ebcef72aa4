import { type ExportFormat, exportFile } from '../http/export.js';
import { renderChartSvg } from './render.js';
import { type ChartSpec, chartRows } from './spec.js';

export const CHART_FORMATS = ['csv', 'xlsx', 'svg'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/**
 * A chart as a downloadable file: its data as CSV or XLSX (one row per category, one column per
 * series, the same numbers as the picture) or the picture itself as a standalone SVG.
 */
export async function exportChart(
  spec: ChartSpec,
  format: ChartFormat,
  fileName: string,
): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  if (format === 'svg') {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${renderChartSvg(spec)}\n`;
    return {
      body: new TextEncoder().encode(svg),
      headers: {
        'content-type': 'image/svg+xml; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}.svg"`,
      },
    };
  }
  const columns = [
    { header: spec.categoryTitle, value: (row: ReturnType<typeof chartRows>[number]) => row[0] },
    ...spec.series.map((series, i) => ({
      header: series.name,
      value: (row: ReturnType<typeof chartRows>[number]) => row[i + 1] as number,
    })),
  ];
  return exportFile(format as ExportFormat, fileName, columns, chartRows(spec));
}
