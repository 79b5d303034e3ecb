import { describe, expect, it } from 'vitest';
import {
  MAX_MONEY_CENTIMES,
  MoneyFormatError,
  addMoney,
  formatMoney,
  formatQuantity,
  formatUnitPrice,
  isMoney,
  lineNetAmount,
  multiplyToCentimes,
  parseMoney,
  parseQuantity,
  parseUnitPrice,
  parseVatRate,
  sumCentimes,
  vatAmount,
  vatOnNet,
} from './money';

describe('parseMoney / formatMoney', () => {
  it.each([
    ['0.00', 0],
    ['0.01', 1],
    ['-0.01', -1],
    ['1234.50', 123450],
    ['-12.05', -1205],
    ['999999999999.99', 99_999_999_999_999],
    ['-999999999999.99', -99_999_999_999_999],
    ['100000000000.00', 10_000_000_000_000],
  ])('%s <-> %d centimes', (text, centimes) => {
    expect(parseMoney(text)).toBe(centimes);
    expect(formatMoney(centimes)).toBe(text);
  });

  it('never yields negative zero', () => {
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
    expect(formatMoney(-0)).toBe('0.00');
  });

  it('accepts leading zeros as the contract pattern does', () => {
    expect(parseMoney('007.50')).toBe(750);
  });

  it.each([
    '',
    '1',
    '1.5',
    '1.500',
    '.50',
    '1,50',
    '+1.50',
    '1e3',
    ' 1.50',
    '1.50 ',
    '--1.00',
    '1234567890123.00',
    'NaN',
  ])('rejects %j', (text) => {
    expect(() => parseMoney(text)).toThrow(MoneyFormatError);
  });

  it('rejects non-strings without crashing', () => {
    expect(() => parseMoney(12.5 as unknown as string)).toThrow(MoneyFormatError);
    expect(isMoney(12.5)).toBe(false);
  });

  it('names the offending input in the error', () => {
    expect(() => parseMoney('12.5')).toThrow(/Invalid money "12.5"/);
  });

  it.each([0.5, Number.NaN, Infinity, MAX_MONEY_CENTIMES + 1, -MAX_MONEY_CENTIMES - 1])(
    'refuses to format %d centimes',
    (value) => {
      expect(() => formatMoney(value)).toThrow(MoneyFormatError);
    },
  );

  it('round-trips a sweep of values around decimal boundaries', () => {
    for (let c = -250; c <= 250; c++) expect(parseMoney(formatMoney(c))).toBe(c);
    for (const c of [99, 100, 101, 999_999, 1_000_000, 12_345_678_901_234, MAX_MONEY_CENTIMES - 1]) {
      expect(parseMoney(formatMoney(c))).toBe(c);
      expect(parseMoney(formatMoney(-c))).toBe(-c);
    }
  });
});

describe('quantities and unit prices', () => {
  it.each([
    ['1', 1000, '1'],
    ['12.5', 12500, '12.5'],
    ['0.001', 1, '0.001'],
    ['-3', -3000, '-3'],
    ['-0.25', -250, '-0.25'],
    ['999999999.999', 999_999_999_999, '999999999.999'],
  ])('quantity %s', (text, milli, canonical) => {
    expect(parseQuantity(text)).toBe(milli);
    expect(formatQuantity(milli)).toBe(canonical);
  });

  it.each(['', '1.', '1.2345', '1234567890', '1,5', 'x'])('rejects quantity %j', (text) => {
    expect(() => parseQuantity(text)).toThrow(MoneyFormatError);
  });

  it.each([
    ['0.85', 8500, '0.85'],
    ['0.8500', 8500, '0.85'],
    ['0.8525', 8525, '0.8525'],
    ['-4.50', -45000, '-4.50'],
    ['123456789.1234', 1_234_567_891_234, '123456789.1234'],
  ])('unit price %s', (text, tenThousandths, canonical) => {
    expect(parseUnitPrice(text)).toBe(tenThousandths);
    expect(formatUnitPrice(tenThousandths)).toBe(canonical);
  });

  it.each(['1', '1.1', '1.12345', '.50', '1234567890.00'])('rejects unit price %j', (text) => {
    expect(() => parseUnitPrice(text)).toThrow(MoneyFormatError);
  });

  it('formats unit prices with two to four decimals', () => {
    expect(formatUnitPrice(10000)).toBe('1.00');
    expect(formatUnitPrice(10500)).toBe('1.05');
    expect(formatUnitPrice(10550)).toBe('1.055');
    expect(formatUnitPrice(1)).toBe('0.0001');
    expect(formatUnitPrice(-1)).toBe('-0.0001');
  });
});

describe('lineNetAmount', () => {
  it.each([
    ['1', '1.10', 110],
    ['3', '0.8500', 255],
    ['2.5', '2.30', 575],
    // 0.005 rounds away from zero in both directions
    ['1', '0.0050', 1],
    ['-1', '0.0050', -1],
    ['1', '0.0049', 0],
    ['1', '-0.0049', 0],
    ['3', '0.0125', 4], // 0.0375 -> 0.04
    ['-3', '0.0125', -4],
    ['0.001', '0.01', 0], // 0.00001 -> 0.00
    ['1.234', '4.5678', 564], // 5.6366652 -> 5.64
    ['12.345', '1.2345', 1524], // 15.2399025 -> 15.24
    ['7', '0.0750', 53], // 0.525 -> 0.53
    ['-7', '0.0750', -53],
    ['2', '-1.25', -250],
    ['-2', '-1.25', 250],
  ])('%s x %s = %d centimes', (quantity, unitPrice, centimes) => {
    expect(lineNetAmount(quantity, unitPrice)).toBe(centimes);
  });

  it('is exact where binary floats are not', () => {
    // 0.1 x 3 in floats is 0.30000000000000004; 1.005 x 1 rounds to 1.00 in floats.
    expect(lineNetAmount('3', '0.10')).toBe(30);
    expect(lineNetAmount('1', '1.005')).toBe(101);
    expect(lineNetAmount('1000', '1.0049')).toBe(100490);
  });

  it('handles products beyond 2^53 before rounding', () => {
    // 999999.999 x 99999.9999 = 99999999800.0000001 -> 99999999800.00
    expect(lineNetAmount('999999.999', '99999.9999')).toBe(9_999_999_980_000);
  });

  it('rejects results beyond the 12-digit money range', () => {
    expect(() => lineNetAmount('999999999', '999999999.99')).toThrow(/money range/);
  });

  it('never yields negative zero', () => {
    expect(Object.is(lineNetAmount('-1', '0.0001'), 0)).toBe(true);
  });

  it('rejects malformed operands', () => {
    expect(() => lineNetAmount('1.2345', '1.00')).toThrow(MoneyFormatError);
    expect(() => lineNetAmount('1', '1')).toThrow(MoneyFormatError);
  });
});

describe('vatAmount', () => {
  it.each([
    [10000, '8.1', 810],
    [10000, '0.0', 0],
    [10000, '2.6', 260],
    [10000, '3.8', 380],
    [1234, '8.1', 100], // 99.954 -> 100
    [617, '8.1', 50], // 49.977 -> 50
    [500, '8.1', 41], // 40.5 -> 41 (half away from zero)
    [-500, '8.1', -41],
    [1, '8.1', 0], // 0.081
    [7, '8.1', 1], // 0.567
    [-7, '8.1', -1],
    [6, '8.1', 0], // 0.486
    [99_999_999_999_999, '8.1', 8_100_000_000_000], // 8099999999999.919 -> 8100000000000
  ])('VAT on %d centimes at %s%% = %d', (net, rate, vat) => {
    expect(vatAmount(net, rate)).toBe(vat);
  });

  it('accepts rates with two decimals and integer rates', () => {
    expect(vatAmount(10000, '7.75')).toBe(775);
    expect(vatAmount(10000, '8')).toBe(800);
  });

  it.each(['8,1', '-8.1', '', '8.123', 'abc', '100'])('rejects rate %j', (rate) => {
    expect(() => vatAmount(100, rate)).toThrow(MoneyFormatError);
  });

  it('rejects non-integer net amounts', () => {
    expect(() => vatAmount(10.5, '8.1')).toThrow(MoneyFormatError);
  });

  it('parses rates to hundredths of a percent', () => {
    expect(parseVatRate('8.1')).toBe(810);
    expect(parseVatRate('0.0')).toBe(0);
  });
});

describe('sums', () => {
  it('adds money strings exactly', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney('1234.50', '-12.05', '0.01')).toBe('1222.46');
    expect(addMoney()).toBe('0.00');
    expect(addMoney('-0.01', '0.01')).toBe('0.00');
  });

  it('sums many small amounts without drift', () => {
    expect(formatMoney(sumCentimes(Array.from({ length: 100_000 }, () => 1)))).toBe('1000.00');
  });

  it('refuses non-integer and unsafe sums', () => {
    expect(() => sumCentimes([1, 0.5])).toThrow(MoneyFormatError);
    expect(() => sumCentimes([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyFormatError);
  });

  it('rejects a sum beyond the money range when formatted', () => {
    expect(() => addMoney('999999999999.99', '0.01')).toThrow(MoneyFormatError);
  });
});

describe('scaled-integer fast path', () => {
  it('agrees with the string API across a sweep, including past 2^53 products', () => {
    const quantities = ['1', '0.001', '-2.5', '999.999', '123456.789', '999999999.999', '-7'];
    const prices = ['0.0050', '1.10', '-0.0125', '99999.9999', '0.0001', '12.3456'];
    for (const q of quantities) {
      for (const p of prices) {
        const viaStrings = (() => {
          try {
            return lineNetAmount(q, p);
          } catch {
            return 'out of range';
          }
        })();
        const viaScaled = (() => {
          try {
            return multiplyToCentimes(parseQuantity(q), parseUnitPrice(p));
          } catch {
            return 'out of range';
          }
        })();
        expect(viaScaled).toBe(viaStrings);
      }
    }
  });

  it('computes VAT from basis points', () => {
    expect(vatOnNet(500, 810)).toBe(41);
    expect(vatOnNet(-500, 810)).toBe(-41);
    expect(() => vatOnNet(500, -1)).toThrow(MoneyFormatError);
  });

  it('rounds exactly at 2^53 boundaries', () => {
    // 9007199254740993 = 2^53 + 1 cannot be a double; the BigInt path keeps it exact.
    expect(multiplyToCentimes(90_071_992_547, 100_001)).toBe(90_072_893_267);
  });
});
