import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearDemoFunding,
  createFundingFixture,
  FUNDING,
  type FundingFixture,
} from '../../../../tests/support/funding-fixture.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { sumDecimals } from '../../../shared/decimal.js';

let t: TestApp;
let fixture: FundingFixture;

type Figures = { pledged: string; paid: string };
type FundingBody = {
  currency: string;
  rateTable: { id: string; name: string; effectiveOn: string } | null;
  rows: Array<{ key: string; label: string } & Figures>;
  total: Figures;
  unassigned: Figures;
  unconverted: Array<{ amount: string; currency: string }>;
};

const funding = async (dimension: string, query = '') => {
  const { status, body } = await t.json(`/api/v1/dashboard?dimension=${dimension}${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.funding as FundingBody;
};
const rowsOf = (body: FundingBody) =>
  Object.fromEntries(body.rows.map((row) => [row.key, { pledged: row.pledged, paid: row.paid }]));
const sum = (values: string[]) => sumDecimals(values, 2);

beforeAll(async () => {
  t = await createTestApp();
  await clearDemoFunding(t);
  const before = await funding('theme');
  expect(before).toMatchObject({ rows: [], total: { pledged: '0.00', paid: '0.00' }, rateTable: null });
  fixture = await createFundingFixture(t);
});
afterAll(() => t.close());

describe(`the dashboard's project funding (${engineName})`, () => {
  it('reconciles: by every dimension the rows and the unassigned part add up exactly to the total', async () => {
    for (const dimension of ['sdg', 'theme', 'region', 'modality', 'cooperationType', 'year']) {
      const body = await funding(dimension);
      expect(body.currency, dimension).toBe(FUNDING.currency);
      expect(body.rateTable?.id, dimension).toBe(FUNDING.rates);
      expect(body.total, dimension).toEqual({ pledged: FUNDING.pledged, paid: FUNDING.paid });
      expect(body.unconverted, dimension).toEqual([{ amount: '1000.00', currency: 'CHF' }]);
      expect(sum([...body.rows.map((row) => row.pledged), body.unassigned.pledged]), dimension).toBe(
        FUNDING.pledged,
      );
      expect(sum([...body.rows.map((row) => row.paid), body.unassigned.paid]), dimension).toBe(FUNDING.paid);
    }
    // Every project has themes, recipient countries, goals and a type of cooperation: nothing is
    // left unassigned, so those rows alone are the total the map shows across countries.
    const map = (await t.json('/api/v1/map?metric=funding')).body;
    for (const dimension of ['sdg', 'theme', 'region', 'cooperationType', 'year']) {
      const body = await funding(dimension);
      expect(body.unassigned, dimension).toEqual({ pledged: '0.00', paid: '0.00' });
      expect(sum(body.rows.map((row) => row.pledged)), dimension).toBe(map.money.total);
    }
  });

  it('splits each project by its stated percentages, exactly to the cent', async () => {
    const [a, b] = fixture.themes.border;
    expect(rowsOf(await funding('theme'))).toEqual({
      // 70% and 30% of border's 1,000,000.00 pledged and 110,000.00 paid.
      [a!]: { pledged: '700000.00', paid: '77000.00' },
      [b!]: { pledged: '300000.00', paid: '33000.00' },
      [fixture.themes.victims]: { pledged: '400000.50', paid: '400000.50' },
      [fixture.themes.finance]: { pledged: '1000.01', paid: '0.00' },
    });
    // Niger and Mali, Kenya: Africa; Indonesia and the Philippines: Asia.
    expect(rowsOf(await funding('region'))).toEqual({
      '002': { pledged: '1400000.50', paid: '510000.50' },
      '142': { pledged: '1000.01', paid: '0.00' },
    });
    // Goals split equally: border's between 5 and 16; finance's 1,000.01 as 500.01 (16) and 500.00 (17).
    expect(rowsOf(await funding('sdg'))).toEqual({
      '5': { pledged: '500000.00', paid: '55000.00' },
      '16': { pledged: '900500.51', paid: '455000.50' },
      '17': { pledged: '500.00', paid: '0.00' },
    });
    // Only border has a modality; the rest is stated as unassigned.
    const modality = await funding('modality');
    expect(rowsOf(modality)).toEqual({ 'study-visit': { pledged: '1000000.00', paid: '110000.00' } });
    expect(modality.unassigned).toEqual({ pledged: '401000.51', paid: '400000.50' });
    expect(rowsOf(await funding('cooperationType'))).toEqual({
      regional: { pledged: '1400000.50', paid: '510000.50' },
      triangular: { pledged: '1000.01', paid: '0.00' },
    });
  });

  it('counts funding over time by the year of each contribution or allocation', async () => {
    const years = await funding('year');
    expect(years.rows.map((row) => row.key)).toEqual(['2026', '2027']);
    expect(Object.fromEntries(years.rows.map((row) => [row.key, row.pledged]))).toEqual(FUNDING.byYear);
    // The allocation of 2027 is paid; finance's pledge of 2027 is not.
    expect(years.rows.find((row) => row.key === '2027')?.paid).toBe('150000.00');
  });

  it('converts at the rate table asked for, and answers an unknown one with a 422 naming query.rates', async () => {
    expect((await funding('theme', `&rates=${FUNDING.rates}`)).total.pledged).toBe(FUNDING.pledged);
    const bad = await t.json('/api/v1/dashboard?rates=no-such-table');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.rates']);
    const chart = await t.json('/api/v1/charts/dashboard-funding?rates=no-such-table');
    expect(chart.status).toBe(422);
  });

  it('draws the funding chart and downloads its numbers as CSV, XLSX and SVG', async () => {
    const api = await funding('theme');
    const spec = (await t.json('/api/v1/charts/dashboard-funding?dimension=theme&lang=en')).body;
    expect(spec).toMatchObject({ id: 'dashboard-funding', kind: 'bar', unit: 'USD', categoryTitle: 'Theme' });
    expect(spec.title).toBe('Funding pledged and paid by theme, in USD');
    expect(spec.series.map((s: { name: string }) => s.name)).toEqual(['Pledged', 'Paid']);
    const csv = await t.request('/api/v1/charts/dashboard-funding?dimension=theme&lang=en&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="dashboard-funding-theme.csv"');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Theme,Pledged,Paid');
    expect(lines.slice(1).map((line) => line.split(',').slice(-2))).toEqual(
      api.rows.map((row) => [String(Number(row.pledged)), String(Number(row.paid))]),
    );
    const xlsx = await t.request('/api/v1/charts/dashboard-funding?dimension=year&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const svg = await t.request('/api/v1/charts/dashboard-funding?dimension=year&lang=ar&format=svg');
    expect(svg.status).toBe(200);
    expect(await svg.text()).toContain('<svg');
    expect((await t.json('/api/v1/charts/dashboard-funding?dimension=year')).body.kind).toBe('line');
  });
});
