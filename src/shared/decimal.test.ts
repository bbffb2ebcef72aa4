import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  isDecimal,
  multiplyDecimals,
  roundDecimal,
  splitDecimal,
  subtractDecimal,
  sumDecimals,
} from './decimal.js';

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

describe('multiplyDecimals and roundDecimal', () => {
  it('multiplies exactly and rounds halves away from zero', () => {
    expect(multiplyDecimals('1000000.10', '0.0069')).toBe('6900.000690');
    expect(multiplyDecimals('-2.5', '3')).toBe('-7.5');
    expect(roundDecimal('6900.000690')).toBe('6900.00');
    expect(roundDecimal('0.125')).toBe('0.13');
    expect(roundDecimal('-0.125')).toBe('-0.13');
    expect(roundDecimal('0.124999')).toBe('0.12');
    expect(roundDecimal('7')).toBe('7.00');
  });
});

describe('splitDecimal', () => {
  it('splits by weights so that the parts add up exactly', () => {
    const parts = splitDecimal('100.00', ['1', '1', '1']);
    expect(parts).toEqual(['33.33', '33.33', '33.34']);
    expect(sumDecimals(parts)).toBe('100.00');
    expect(splitDecimal('179000000', ['60', '25', '15'])).toEqual([
      '107400000.00',
      '44750000.00',
      '26850000.00',
    ]);
  });

  it('splits equally when no weight is stated, and keeps negative amounts exact', () => {
    expect(splitDecimal('10', ['0', '0'])).toEqual(['5.00', '5.00']);
    const parts = splitDecimal('-0.05', ['1', '1']);
    expect(sumDecimals(parts)).toBe('-0.05');
    expect(splitDecimal('5', [])).toEqual([]);
  });
});
