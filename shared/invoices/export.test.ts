import { describe, expect, it } from 'vitest';
import { firstSheetCells, readDense } from '../export/fixtures';
import { invoiceFixture } from '../testing/invoiceFixture';
import { exportInvoices, invoiceExportColumnIds, type InvoiceExportRequest } from './export';

const invoices = [
  invoiceFixture({
    id: 'a',
    number: '0000012345',
    netTotal: '999999999999.99',
    vatTotal: '0.01',
    grossTotal: '999999999999.99',
    qrReference: '000066796060123456789012345',
  }),
  invoiceFixture({
    id: 'b',
    number: '4100000002',
    type: 'credit-note',
    netTotal: '-349.03',
    vatTotal: '-28.26',
    grossTotal: '-377.29',
    invoiceReference: '87654321',
  }),
];

const request = (format: 'csv' | 'xlsx'): InvoiceExportRequest => ({
  format,
  language: 'de',
  sheetName: 'Rechnungen',
  headers: Object.fromEntries(
    invoiceExportColumnIds.map((id) => [id, id]),
  ) as InvoiceExportRequest['headers'],
  statusLabel: (invoice) => `status:${invoice.status}`,
  typeLabel: (invoice) => (invoice.type === 'credit-note' ? 'Gutschrift' : 'Rechnung'),
  referenceName: (reference) => (reference === '87654321' ? '=HYPERLINK("x")' : null),
});

describe('invoice list export', () => {
  it('writes the CSV in the order shown, exact amounts, formulas guarded', () => {
    const lines = new TextDecoder().decode(exportInvoices(invoices, request('csv'))).split('\r\n');
    expect(lines[0]?.replace(/^\uFEFF/, '')).toBe(invoiceExportColumnIds.join(';'));
    expect(lines[1]).toBe(
      '0000012345;Rechnung;100200;12345678;;2026-01-01;2026-01-31;2026-02-02;2026-03-04;999999999999.99;0.01;999999999999.99;status:open;000066796060123456789012345',
    );
    expect(lines[2]).toContain(';-349.03;-28.26;-377.29;');
    expect(lines[2]).toContain(`;"'=HYPERLINK(""x"")";`);
  });

  it('writes the xlsx with numbers as text where leading zeros matter and amounts as numbers', () => {
    const cells = firstSheetCells(readDense(exportInvoices(invoices, request('xlsx')), { type: 'array' }));
    expect(cells).toHaveLength(3);
    expect(cells[1]?.[0]?.v).toBe('0000012345');
    expect(cells[1]?.[13]?.v).toBe('000066796060123456789012345');
    expect(cells[2]?.[11]?.v).toBe(-377.29);
    expect(cells[2]?.[11]?.t).toBe('n');
  });
});
