import type { LineItem } from '../api/schemas';

/** A line of CHF 10.05 net (0.81 VAT) on 15 March 2026: PP-PRI, reference 10000001, licence 60000001. */
export const lineFixture = (lineNo: number, overrides: Partial<LineItem> = {}): LineItem => ({
  lineNo,
  serviceCode: 'PP-PRI',
  description: 'A-Post',
  serviceDate: '2026-03-15',
  invoiceReference: '10000001',
  frankingLicence: '60000001',
  customerReference: null,
  quantity: '1',
  unitPrice: '10.05',
  netAmount: '10.05',
  vatRate: '8.1',
  vatAmount: '0.81',
  ...overrides,
});
