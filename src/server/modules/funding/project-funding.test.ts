import { describe, expect, it } from 'vitest';
import { converter } from './explorer.js';
import { sumByProject } from './project-funding.js';

describe('sumByProject', () => {
  it('sums pledged and paid per project and year at the rate table, stating what it cannot convert', () => {
    const convert = converter('USD', new Map([['EUR', '1.10']]));
    const { projects, unconverted } = sumByProject(
      [
        { projectId: 'p', amount: '890000', currency: 'USD', paid: false, on: '2026-03-01' },
        { projectId: 'p', amount: '100000.00', currency: 'EUR', paid: true, on: '2026-04-01' },
        { projectId: 'p', amount: '0.015', currency: 'USD', paid: true, on: '2027-01-01' },
        { projectId: 'q', amount: '1000', currency: 'CHF', paid: false, on: '2026-06-01' },
      ],
      convert,
    );
    expect(projects).toEqual([
      {
        projectId: 'p',
        pledged: '1000000.02',
        paid: '110000.02',
        years: [
          { year: '2026', pledged: '1000000.00', paid: '110000.00' },
          { year: '2027', pledged: '0.02', paid: '0.02' },
        ],
      },
    ]);
    expect(unconverted).toEqual([{ currency: 'CHF', amount: '1000.00' }]);
  });
});
