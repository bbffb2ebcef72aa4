import { describe, expect, it } from 'vitest';
import { compareDecimals, isDecimal, subtractDecimal, sumDecimals } from './decimal.js';

describe('exact decimals', () => {
  it('adds without binary rounding', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['33.33', '33.33', '33.34'])).toBe('100.00');
    expect(sumDecimals(['1500000', '-2000.5', '0.25'])).toBe('1497999.75');
    expect(sumDecimals([], 2)).toBe('0.00');
    expect(sumDecimals(['9007199254740993', '1'])).toBe('9007199254740994');
  });

  it('subtracts and compares', () => {
    expect(subtractDecimal('100', '99.99')).toBe('0.01');
    expect(subtractDecimal('5', '7.5')).toBe('-2.5');
    expect(compareDecimals('100.00', '100')).toBe(0);
    expect(compareDecimals('99.999', '100')).toBe(-1);
    expect(compareDecimals('-1', '-2')).toBe(1);
  });

  it('tells decimals from other strings', () => {
    expect(isDecimal('12.50')).toBe(true);
    expect(isDecimal('1e5')).toBe(false);
    expect(() => sumDecimals(['abc'])).toThrow(/not a decimal/);
  });
});
