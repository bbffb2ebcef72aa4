import { describe, expect, it } from 'vitest';
import { checkShares } from './shares.js';

const group = (...percentages: Array<string | null>) => ({
  field: 'body.countries',
  items: percentages.map((percentage, i) => ({ field: `body.countries.${i}.percentage`, percentage })),
});

describe('percentage splits', () => {
  it('accepts splits that make exactly 100, and a lone item without a percentage', () => {
    expect(checkShares([group('33.33', '33.33', '33.34'), group(null), group('100'), group()])).toEqual([]);
  });

  it('names the group when the total is off and each item left without a percentage', () => {
    expect(checkShares([group('60', '30')])).toEqual([
      { field: 'body.countries', message: 'percentages must add up to 100 (they add up to 90)' },
    ]);
    expect(checkShares([group('60', null)])).toEqual([
      { field: 'body.countries.1.percentage', message: 'is required when there are several' },
    ]);
    expect(checkShares([group('50')])[0]?.field).toBe('body.countries.0.percentage');
  });
});
