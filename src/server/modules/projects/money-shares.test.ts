import { describe, expect, it } from 'vitest';
import { splitByShares } from './money-shares.js';

describe('splitByShares', () => {
  it('splits by stated weights, the last key taking what rounding leaves', () => {
    expect(
      splitByShares('1000.01', [
        { key: 'PHL', weight: '50' },
        { key: 'IDN', weight: '50' },
      ]),
    ).toEqual([
      { key: 'IDN', amount: '500.01' },
      { key: 'PHL', amount: '500.00' },
    ]);
  });

  it('splits equally when no weight is stated, and gives nothing without shares', () => {
    const parts = splitByShares('100.00', [
      { key: 'a', weight: '0' },
      { key: 'b', weight: '0' },
      { key: 'c', weight: '0' },
    ]);
    expect(parts.map((p) => p.amount)).toEqual(['33.33', '33.33', '33.34']);
    expect(splitByShares('100.00', [])).toEqual([]);
  });
});
