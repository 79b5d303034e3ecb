import { describe, expect, it } from 'vitest';
import { parseBudgetNumber, parseBudgetText, parseDateText } from './values';

describe('parseBudgetText', () => {
  it.each([
    ["1'250.00", '1250.00'],
    ['1’250.00', '1250.00'],
    ['1 250,50', '1250.50'],
    ['1\u00A0250,50', '1250.50'],
    ['1\u202F250,50', '1250.50'],
    ['1.250,50', '1250.50'],
    ['1,250.50', '1250.50'],
    ["1'250'000", '1250000.00'],
    ['1.250.000', '1250000.00'],
    ['1,250,000.5', '1250000.50'],
    ['1250', '1250.00'],
    ['1250.5', '1250.50'],
    ['1250,5', '1250.50'],
    ['-50', '-50.00'],
    ['\u221250', '-50.00'],
    ['-0', '0.00'],
    ['0.05', '0.05'],
    ['007', '7.00'],
    ['CHF 80', '80.00'],
    ['80.00 CHF', '80.00'],
    ['  42  ', '42.00'],
    ['999999999999.99', '999999999999.99'],
  ])('%s is %s', (input, expected) => {
    expect(parseBudgetText(input)).toBe(expected);
  });

  it.each([
    // More than two decimals, or ambiguous thousands (1250 to a German, 1.25 to a Swiss writer).
    '12.345',
    '1.250',
    '1,250',
    '0.125',
    '1250.001',
    // Garbage.
    'abc',
    '12a',
    '1.250.50',
    '1,25,0.50',
    '--5',
    '',
    '.',
    '1e3',
    '1000000000000',
  ])('%s is refused', (input) => {
    expect(parseBudgetText(input)).toBeUndefined();
  });
});

describe('parseBudgetNumber', () => {
  it.each([
    [1250, '1250.00'],
    [1250.5, '1250.50'],
    [99.95, '99.95'],
    [0.1 + 0.2, '0.30'],
    [-50, '-50.00'],
    [0, '0.00'],
    [999999999999.99, '999999999999.99'],
  ])('%s is %s', (input, expected) => {
    expect(parseBudgetNumber(input)).toBe(expected);
  });
  it.each([1250.125, Number.NaN, Number.POSITIVE_INFINITY, 1e15])('%s is refused', (input) => {
    expect(parseBudgetNumber(input)).toBeUndefined();
  });
});

describe('parseDateText', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026-1-5', '2026-01-05'],
    ['2026-11-30T00:00:00', '2026-11-30'],
    ['30.11.2026', '2026-11-30'],
    ['1.2.2026', '2026-02-01'],
    ['1.2.26', '2026-02-01'],
    ['31.12.99', '1999-12-31'],
    ['30/11/2026', '2026-11-30'],
    ['20261130', '2026-11-30'],
    ['31.12.9999', '9999-12-31'],
    ['99991231', '9999-12-31'],
    ['29.02.2028', '2028-02-29'],
  ])('%s is %s', (input, expected) => {
    expect(parseDateText(input)).toBe(expected);
  });
  it.each(['31.02.2026', '2026-13-01', '29.02.2027', 'morgen', '11/30', '2026113', '00000000'])(
    '%s is refused',
    (input) => {
      expect(parseDateText(input)).toBeUndefined();
    },
  );
});
