import { describe, expect, it } from 'vitest';
import { isDecimal, isInteger, isIsoDate, isMoneyCentimes, isText } from './columns';

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

  it('money: integer centimes within the Money range', () => {
    expect([
      isMoneyCentimes(-1205),
      isMoneyCentimes(99_999_999_999_999),
      isMoneyCentimes(-99_999_999_999_999),
    ]).toEqual([true, true, true]);
    expect([isMoneyCentimes(100_000_000_000_000), isMoneyCentimes(12.05), isMoneyCentimes('12.05')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('decimal: plain decimal strings of at most 15 digits', () => {
    for (const ok of ['0', '1.250', '-0.8500', '123456789.123456', '999999999999999'])
      expect(isDecimal(ok)).toBe(true);
    for (const bad of ['', '1.', '.5', '1e3', '1,5', '+1', '1234567890.1234567', 1.5, null]) {
      expect(isDecimal(bad)).toBe(false);
    }
  });

  it('date: real ISO calendar days from 1900-03-01', () => {
    for (const ok of ['2026-03-31', '2024-02-29', '2000-02-29', '1900-03-01', '9999-12-31'])
      expect(isIsoDate(ok)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '1900-02-28',
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
