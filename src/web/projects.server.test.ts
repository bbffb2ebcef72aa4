import { describe, expect, it } from 'vitest';
import type { ProjectIndicator } from '../shared/projects';
import { formatMoney, indicatorProgress } from './projects.server';

const indicator = (overrides: Partial<ProjectIndicator> = {}): ProjectIndicator => ({
  title: 'Schoolchildren fed',
  measure: '1',
  ascending: true,
  baseline: null,
  periods: [{ start: '2026-01-01', end: '2026-12-31', target: '20000', actual: '17500' }],
  ...overrides,
});

describe('indicator progress', () => {
  it('is the actual value as a share of the target', () => {
    expect(indicatorProgress(indicator())).toMatchObject({ target: '20000', actual: '17500', percent: 88 });
  });

  it('reads as "17,500 of 20,000", whatever the baseline', () => {
    const fromBaseline = indicator({ baseline: { year: 2025, date: null, value: '12000' } });
    expect(indicatorProgress(fromBaseline)?.percent).toBe(88);
  });

  it('reads the latest period that has both a target and an actual value', () => {
    const periods = [
      { start: '2025-01-01', end: '2025-12-31', target: '10', actual: '5' },
      { start: '2026-01-01', end: '2026-12-31', target: '20', actual: '19' },
      { start: '2027-01-01', end: '2027-12-31', target: '30', actual: null },
    ];
    expect(indicatorProgress(indicator({ periods }))).toMatchObject({
      target: '20',
      actual: '19',
      percent: 95,
    });
  });

  it('goes down when lower is better', () => {
    const lower = indicator({
      ascending: false,
      baseline: { year: 2025, date: null, value: '40' },
      periods: [{ start: null, end: null, target: '10', actual: '25' }],
    });
    expect(indicatorProgress(lower)?.percent).toBe(50);
    const noBaseline = indicator({
      ascending: false,
      periods: [{ start: null, end: null, target: '10', actual: '20' }],
    });
    expect(indicatorProgress(noBaseline)?.percent).toBe(50);
    const met = indicator({
      ascending: false,
      periods: [{ start: null, end: null, target: '10', actual: '8' }],
    });
    expect(indicatorProgress(met)?.percent).toBe(100);
  });

  it('stays between 0 and 100, and is absent with nothing to measure', () => {
    const over = indicator({ periods: [{ start: null, end: null, target: '10', actual: '15' }] });
    expect(indicatorProgress(over)?.percent).toBe(100);
    expect(indicatorProgress(indicator({ periods: [] }))).toBeNull();
    expect(
      indicatorProgress(indicator({ periods: [{ start: null, end: null, target: '10', actual: null }] })),
    ).toBeNull();
    expect(indicatorProgress(indicator({ measure: '5' }))).toBeNull();
  });
});

describe('money', () => {
  it('formats exact amounts in the reader’s language with the currency', () => {
    expect(formatMoney('en', '950000.10', 'USD')).toBe('$950,000.10');
    expect(formatMoney('fr', '950000.10', 'EUR')).toMatch(/^950\s000,10\s€$/);
    expect(formatMoney('en', '12345678901234.99', 'USD')).toBe('$12,345,678,901,234.99');
  });
});
