import { describe, expect, it } from 'vitest';
import { arcPath, bucketsFor, colourOf, MAP_PALETTE, NO_DATA_FILL } from './map-buckets';

describe('map classes', () => {
  it('gives each distinct value its own class when there are few', () => {
    const buckets = bucketsFor([1, 1, 2, 5]);
    expect(buckets.map((b) => [b.min, b.max])).toEqual([
      [1, 1],
      [2, 2],
      [5, 5],
    ]);
    expect(buckets[0]!.colour).toBe(MAP_PALETTE[0]);
    expect(buckets[2]!.colour).toBe(MAP_PALETTE[5]);
  });

  it('makes quantile classes that cover every value without overlap', () => {
    const values = [1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 9, 12, 20, 40, 41];
    const buckets = bucketsFor(values);
    expect(buckets).toHaveLength(5);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.min).toBeGreaterThan(buckets[i - 1]!.max);
    expect(buckets[0]!.min).toBe(1);
    expect(buckets[4]!.max).toBe(41);
    for (const value of values) expect(colourOf(buckets, value)).not.toBe(NO_DATA_FILL);
    expect(new Set(buckets.map((b) => b.colour)).size).toBe(5);
  });

  it('leaves zero and missing values grey', () => {
    const buckets = bucketsFor([0, 3]);
    expect(colourOf(buckets, 0)).toBe(NO_DATA_FILL);
    expect(colourOf(buckets, undefined)).toBe(NO_DATA_FILL);
    expect(bucketsFor([])).toEqual([]);
  });

  it('bends arcs to one side', () => {
    expect(arcPath([0, 0], [100, 0])).toBe('M0,0Q50,25 100,0');
    expect(arcPath([100, 0], [0, 0])).toBe('M100,0Q50,-25 0,0');
  });
});
