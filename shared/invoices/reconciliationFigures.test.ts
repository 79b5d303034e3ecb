import { describe, expect, it } from 'vitest';
import type { LineItem } from '../api/schemas';
import { encodeBlock } from '../lines/block';
import { invoiceFixture } from '../testing/invoiceFixture';
import { reconciliationFigures, type FiguresInvoice } from './reconciliationFigures';

const line = (lineNo: number, net: string, vat: string): LineItem => ({
  lineNo,
  serviceCode: 'A',
  serviceDate: '2026-01-05',
  invoiceReference: '12345678',
  frankingLicence: '60000001',
  customerReference: null,
  quantity: '1',
  unitPrice: `${net}00`,
  netAmount: net,
  vatRate: '8.1',
  vatAmount: vat,
});

const header = (overrides: Partial<FiguresInvoice>): FiguresInvoice => ({
  ...invoiceFixture({ netTotal: '30.00', vatTotal: '2.43', grossTotal: '32.43', lineCount: 2 }),
  linesState: 'complete',
  ...overrides,
});

const blocks = [
  encodeBlock('i', 0, [line(1, '10.00', '0.81')]),
  encodeBlock('i', 1, [line(2, '20.00', '1.62')]),
];

describe('reconciliationFigures', () => {
  it('shows each compared amount with no difference when the lines add up', () => {
    expect(reconciliationFigures(header({}), blocks)).toEqual({
      state: 'reconciled',
      storedLines: 2,
      lineCount: 2,
      net: { linesCentimes: 3000, invoiceCentimes: 3000, differenceCentimes: 0 },
      vat: { linesCentimes: 243, invoiceCentimes: 243, differenceCentimes: 0 },
      gross: { linesCentimes: 3243, invoiceCentimes: 3243, differenceCentimes: 0 },
    });
  });

  it('names the difference of each amount, lines minus header, to the centime', () => {
    const figures = reconciliationFigures(header({ vatTotal: '2.44', grossTotal: '32.44' }), blocks);
    expect(figures.state).toBe('mismatch');
    expect(figures.net.differenceCentimes).toBe(0);
    expect(figures.vat).toEqual({ linesCentimes: 243, invoiceCentimes: 244, differenceCentimes: -1 });
    expect(figures.gross).toEqual({ linesCentimes: 3243, invoiceCentimes: 3244, differenceCentimes: -1 });
  });

  it('while lines arrive, gives what is stored so far against the count', () => {
    const figures = reconciliationFigures(header({ linesState: 'partial' }), blocks.slice(0, 1));
    expect(figures).toMatchObject({ state: 'incomplete', storedLines: 1, lineCount: 2 });
    expect(figures.net).toEqual({ linesCentimes: 1000, invoiceCentimes: 3000, differenceCentimes: -2000 });
  });
});
