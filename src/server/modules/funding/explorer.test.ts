import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../../../shared/decimal.js';
import { converter, explore, type Flow, type Line } from './explorer.js';

const line = (id: string, overrides: Partial<Line> = {}): Line => ({
  projectId: id,
  slug: id,
  title: `Project ${id}`,
  programme: null,
  requirement: { amount: '100.00', currency: 'USD' },
  countries: [],
  regions: [],
  regionCodes: [],
  themes: [],
  partners: [],
  ...overrides,
});
const convert = converter('USD', new Map([['EUR', '1.10']]));

describe('converter', () => {
  it('multiplies exactly by the stated rate and rounds to cents; no rate gives null', () => {
    expect(convert({ amount: '0.05', currency: 'EUR' })).toBe('0.06');
    expect(convert({ amount: '1000000.10', currency: 'EUR' })).toBe('1100000.11');
    expect(convert({ amount: '7', currency: 'USD' })).toBe('7.00');
    expect(convert({ amount: '7', currency: 'CHF' })).toBeNull();
  });
});

describe('explore', () => {
  const lines = [
    line('a', {
      countries: [
        { key: 'NER', label: 'Niger', weight: '1' },
        { key: 'MLI', label: 'Mali', weight: '2' },
      ],
      partners: [
        { key: 'x', label: 'Agency X', weight: '1' },
        { key: 'y', label: 'Agency Y', weight: '1' },
      ],
      programme: 'Borders',
    }),
    line('b', {
      requirement: { amount: '50.01', currency: 'EUR' },
      partners: [{ key: 'y', label: 'Agency Y', weight: '1' }],
    }),
  ];
  const flows: Flow[] = [
    { projectId: 'a', amount: '10.00', currency: 'USD', paid: true },
    { projectId: 'a', amount: '10.00', currency: 'EUR', paid: false },
    { projectId: null, amount: '5.00', currency: 'USD', paid: true },
    { projectId: 'b', amount: '3.00', currency: 'CHF', paid: true },
    { projectId: 'elsewhere', amount: '99.00', currency: 'USD', paid: true },
  ];

  it('splits each project by weights, largest requirement first, so rows add up to the totals to the cent', () => {
    const result = explore(lines, flows, { groupBy: 'country' }, convert);
    expect(result.rows.map((row) => [row.key, row.requirement, row.pledged])).toEqual([
      ['MLI', '66.67', '14.00'],
      ['', '55.01', '0.00'],
      ['NER', '33.33', '7.00'],
    ]);
    expect(result.totals).toEqual({
      projects: 2,
      requirement: '155.01',
      pledged: '26.00',
      paid: '15.00',
      gap: '129.01',
    });
    expect(
      sumDecimals(
        result.rows.map((row) => row.requirement),
        2,
      ),
    ).toBe(result.totals.requirement);
    expect(result.unconverted).toEqual([{ currency: 'CHF', amount: '3.00' }]);
    expect(result.unearmarked).toEqual({ pledged: '5.00', paid: '5.00' });
  });

  it('groups by partner equally, counts projects once per row, and keeps original currencies', () => {
    const result = explore(lines, flows, { groupBy: 'partner' }, convert);
    expect(result.rows.find((row) => row.key === 'y')).toMatchObject({ projects: 2, requirement: '105.01' });
    expect(result.byCurrency).toEqual([
      { currency: 'CHF', requirement: '0.00', pledged: '3.00', paid: '3.00' },
      { currency: 'EUR', requirement: '50.01', pledged: '10.00', paid: '0.00' },
      { currency: 'USD', requirement: '100.00', pledged: '15.00', paid: '15.00' },
    ]);
  });

  it('filters lines, leaving out unearmarked money and projects filtered away, but keeps every facet', () => {
    const result = explore(lines, flows, { groupBy: 'project', programme: ['Borders'] }, convert);
    expect(result.rows.map((row) => row.key)).toEqual(['a']);
    expect(result.unearmarked).toEqual({ pledged: '0.00', paid: '0.00' });
    expect(result.totals.pledged).toBe('21.00');
    expect(result.facets.partner.map((f) => f.key)).toEqual(['x', 'y']);
    expect(
      explore(lines, flows, { groupBy: 'project', q: 'PROJECT B' }, convert).rows.map((r) => r.key),
    ).toEqual(['b']);
  });
});
