import { describe, expect, it } from 'vitest';
import type { LineItem, VatRate } from '../api/schemas';
import { encodeBlock } from '../lines/block';
import { vatBreakdown, vatRateDecimal } from './vatBreakdown';

const line = (lineNo: number, net: string, vatRate: VatRate, vat: string): LineItem => ({
  lineNo,
  serviceCode: 'A',
  serviceDate: '2026-01-05',
  invoiceReference: '12345678',
  frankingLicence: '60000001',
  customerReference: null,
  quantity: '1',
  unitPrice: `${net}00`,
  netAmount: net,
  vatRate,
  vatAmount: vat,
});

describe('vatBreakdown', () => {
  it('sums net, VAT and gross per rate across blocks, lowest rate first', () => {
    const blocks = [
      encodeBlock('i', 0, [line(1, '10.00', '8.1', '0.81'), line(2, '5.00', '0.0', '0.00')]),
      encodeBlock('i', 1, [line(3, '20.05', '8.1', '1.62'), line(4, '3.33', '2.6', '0.09')]),
    ];
    expect(vatBreakdown(blocks)).toEqual([
      { rateBp: 0, lines: 1, netCentimes: 500, vatCentimes: 0, grossCentimes: 500 },
      { rateBp: 260, lines: 1, netCentimes: 333, vatCentimes: 9, grossCentimes: 342 },
      { rateBp: 810, lines: 2, netCentimes: 3005, vatCentimes: 243, grossCentimes: 3248 },
    ]);
  });

  it('keeps the billed VAT of each line rather than recomputing it on the rate total', () => {
    // 3 x 0.05 at 8.1 %: each line rounds to 0.00 VAT, the rate total 0.15 would give 0.01.
    const blocks = [
      encodeBlock('i', 0, [
        line(1, '0.05', '8.1', '0.00'),
        line(2, '0.05', '8.1', '0.00'),
        line(3, '0.05', '8.1', '0.00'),
      ]),
    ];
    expect(vatBreakdown(blocks)).toEqual([
      { rateBp: 810, lines: 3, netCentimes: 15, vatCentimes: 0, grossCentimes: 15 },
    ]);
  });

  it('adds credit-note lines (negative amounts) to the centime, totals equal the sum of lines', () => {
    const items = Array.from({ length: 1000 }, (_, i) =>
      line(i + 1, i % 2 === 0 ? '0.10' : '-0.20', '8.1', i % 2 === 0 ? '0.01' : '-0.02'),
    );
    const [row] = vatBreakdown([encodeBlock('i', 0, items)]);
    expect(row).toEqual({
      rateBp: 810,
      lines: 1000,
      netCentimes: -5000,
      vatCentimes: -500,
      grossCentimes: -5500,
    });
  });

  it('is empty without lines', () => {
    expect(vatBreakdown([])).toEqual([]);
  });
});

describe('vatRateDecimal', () => {
  it('writes each Swiss rate as the decimal the contract uses', () => {
    expect([0, 260, 380, 810, 770, 250, 1025].map(vatRateDecimal)).toEqual([
      '0.0',
      '2.6',
      '3.8',
      '8.1',
      '7.7',
      '2.5',
      '10.25',
    ]);
  });
});
