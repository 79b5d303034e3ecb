import { describe, expect, it } from 'vitest';
import { formatCentimes, isDecimal, isInteger, isIsoDate, isMoneyCentimes, isText } from './columns';

describe('column value guards', () => {
  it('text: strings and null', () => {
    expect([isText('x'), isText(''), isText(null)]).toEqual([true, true, true]);
    expect([isText(undefined), isText(1)]).toEqual([false, false]);
  });

  it('integer: safe integers only', () => {
    expect([isInteger(0), isInteger(-5), isInteger(Number.MAX_SAFE_INTEGER)]).toEqual([true, true, true]);
    expect([isInteger(1.5), isInteger(2 ** 53), isInteger('1'), isInteger(Number.NaN)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('money: integer centimes, safe integers only (a sum of Money values may pass the 12-digit range)', () => {
    expect([
      isMoneyCentimes(-1205),
      isMoneyCentimes(99_999_999_999_999),
      isMoneyCentimes(-99_999_999_999_999),
      isMoneyCentimes(199_999_999_999_998),
      isMoneyCentimes(Number.MAX_SAFE_INTEGER),
    ]).toEqual([true, true, true, true, true]);
    expect([isMoneyCentimes(2 ** 53), isMoneyCentimes(12.05), isMoneyCentimes('12.05')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [-50, '-0.50'],
    [123450, '1234.50'],
    [99_999_999_999_999, '999999999999.99'],
    [-99_999_999_999_999, '-999999999999.99'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ])('formatCentimes(%d) -> %s', (centimes, text) => {
    expect(formatCentimes(centimes)).toBe(text);
  });

  it('decimal: plain decimal strings of at most 15 digits', () => {
    for (const ok of ['0', '1.250', '-0.8500', '123456789.123456', '999999999999999'])
      expect(isDecimal(ok)).toBe(true);
    for (const bad of ['', '1.', '.5', '1e3', '1,5', '+1', '1234567890.1234567', 1.5, null]) {
      expect(isDecimal(bad)).toBe(false);
    }
  });

  it('date: every real ISO calendar day the contract allows, Excel’s 1900 bug notwithstanding', () => {
    for (const ok of [
      '2026-03-31',
      '2024-02-29',
      '2000-02-29',
      '1900-03-01',
      '1900-02-28',
      '1899-12-31',
      '0001-01-01',
      '9999-12-31',
    ])
      expect(isIsoDate(ok)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '0000-01-01',
      '2026-13-01',
      '2026-04-31',
      '2026-3-31',
      '2026-03-31T00:00:00Z',
      46112,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});
