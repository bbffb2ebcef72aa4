import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportChart } from './export.js';
import { createChartRegistry } from './registry.js';
import { renderChartSvg } from './render.js';
import type { ChartSpec } from './spec.js';

const spec: ChartSpec = {
  id: 'test-themes',
  title: 'Solutions by theme',
  kind: 'stacked-bar',
  categoryTitle: 'Theme',
  categories: ['Agriculture', 'Health', 'Éducation, « accès »'],
  series: [
    { name: 'Needs', values: [3, 1, 0] },
    { name: 'Offers', values: [2, 5, 7] },
  ],
};

describe('server-side charts', () => {
  it.each(['bar', 'line', 'stacked-bar', 'donut'] as const)(
    'renders a %s chart as an accessible SVG',
    (kind) => {
      const svg = renderChartSvg({ ...spec, kind });
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(
        /^<svg[^>]* role="img"[^>]* aria-labelledby="chart-test-themes-title chart-test-themes-desc"/,
      );
      expect(svg).toContain('<title id="chart-test-themes-title">Solutions by theme</title>');
      expect(svg).toContain('<desc id="chart-test-themes-desc">');
      expect(svg).toContain('Agriculture');
      expect(svg).not.toMatch(/zr\d+-cls-/);
    },
  );

  it('describes the data in the desc, largest first', () => {
    const svg = renderChartSvg(spec);
    expect(svg).toContain('Éducation, « accès »: Needs 0, Offers 7; Health: Needs 1, Offers 5; Agriculture');
  });

  it('exports the same numbers as CSV and XLSX', async () => {
    const csv = await exportChart(spec, 'csv', 'themes');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="themes.csv"');
    const text = new TextDecoder().decode(csv.body).replace(/^\uFEFF/, '');
    expect(text.trim().split('\n')).toEqual([
      'Theme,Needs,Offers',
      'Agriculture,3,2',
      'Health,1,5',
      '"Éducation, « accès »",0,7',
    ]);

    const xlsx = await exportChart(spec, 'xlsx', 'themes');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const rows = (workbook.worksheets[0]!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1));
    expect(rows).toEqual([
      ['Theme', 'Needs', 'Offers'],
      ['Agriculture', 3, 2],
      ['Health', 1, 5],
      ['Éducation, « accès »', 0, 7],
    ]);
  });

  it('exports the picture as a standalone SVG file', async () => {
    const file = await exportChart(spec, 'svg', 'themes');
    expect(file.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const text = new TextDecoder().decode(file.body);
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
  });

  it('keeps one definition per id and names files after the chart and its parameters', () => {
    const build = async () => spec;
    const registry = createChartRegistry([{ id: 'a-chart', params: ['country'], build }]);
    expect(() => registry.register({ id: 'a-chart', params: [], build })).toThrow(/twice/);
    expect(registry.fileName('a-chart', { country: 'KEN', other: 'x' })).toBe('a-chart-KEN');
  });
});
