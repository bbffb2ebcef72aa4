import { describe, expect, it } from 'vitest';
import { effectiveBudgets, totalsByCurrency } from './totals.js';

const budget = (type: string, start: string, amount: string, currency = 'USD') => ({
  type,
  amount,
  currency,
  periodStart: start,
  periodEnd: `${start.slice(0, 4)}-12-31`,
});

describe('project totals', () => {
  it('lets a revised budget replace the original of the same period only', () => {
    const budgets = [
      budget('1', '2026-01-01', '100'),
      budget('2', '2026-01-01', '150'),
      budget('1', '2027-01-01', '80'),
    ];
    expect(effectiveBudgets(budgets).map((b) => b.amount)).toEqual(['150', '80']);
  });

  it('sums each flow per currency without float drift', () => {
    const totals = totalsByCurrency(
      [budget('1', '2026-01-01', '1000.10'), budget('1', '2026-01-01', '5', 'EUR')],
      [
        { type: '2', amount: '0.1', currency: 'USD' },
        { type: '2', amount: '0.2', currency: 'USD' },
        { type: '3', amount: '700', currency: 'USD' },
        { type: '4', amount: '3.5', currency: 'EUR' },
        { type: '1', amount: '999', currency: 'USD' },
      ],
    );
    expect(totals).toEqual([
      { currency: 'EUR', budget: '5.00', commitment: '0.00', disbursement: '0.00', expenditure: '3.50' },
      { currency: 'USD', budget: '1000.10', commitment: '0.30', disbursement: '700.00', expenditure: '0.00' },
    ]);
  });
});
