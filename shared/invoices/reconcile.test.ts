import { describe, expect, it } from 'vitest';
import type { Invoice, LineItem } from '../api/schemas';
import { encodeBlock } from '../lines/block';
import { invoiceFixture } from '../testing/invoiceFixture';
import { reconcile, type ReconcilableInvoice } from './reconcile';

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

const header = (overrides: Partial<Invoice & ReconcilableInvoice>): ReconcilableInvoice => ({
  ...invoiceFixture({ netTotal: '30.00', vatTotal: '2.43', grossTotal: '32.43', lineCount: 2 }),
  linesState: 'complete',
  ...overrides,
});

describe('reconcile', () => {
  const blocks = [
    encodeBlock('i', 0, [line(1, '10.00', '0.81')]),
    encodeBlock('i', 1, [line(2, '20.00', '1.62')]),
  ];

  it('confirms lines that add up across blocks', () => {
    expect(reconcile(header({}), blocks)).toEqual({
      state: 'reconciled',
      netCentimes: 3000,
      vatCentimes: 243,
    });
  });

  it('names the difference to the centime when they do not', () => {
    expect(reconcile(header({ grossTotal: '32.44', vatTotal: '2.44' }), blocks)).toEqual({
      state: 'mismatch',
      linesGross: 3243,
      invoiceGross: 3244,
      difference: -1,
    });
  });

  it('a quarantined line makes a complete invoice a mismatch, not a silent success', () => {
    expect(reconcile(header({}), blocks.slice(0, 1)).state).toBe('mismatch');
  });

  it('says when lines are still arriving', () => {
    expect(reconcile(header({ linesState: 'partial' }), blocks.slice(0, 1))).toEqual({
      state: 'incomplete',
      stored: 1,
      count: 2,
    });
  });
});
