import type { Invoice } from '../api/schemas';

/** A valid invoice header for tests; each test names only the fields it is about. */
export const invoiceFixture = (overrides: Partial<Invoice> = {}): Invoice => ({
  id: 'x',
  number: '1000000000',
  debtorNumber: '100200',
  invoiceReference: '12345678',
  type: 'invoice',
  correctsInvoiceId: null,
  issueDate: '2026-02-02',
  dueDate: '2026-03-04',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  currency: 'CHF',
  netTotal: '100.00',
  vatTotal: '8.10',
  grossTotal: '108.10',
  status: 'open',
  qrReference: null,
  lineCount: 1,
  documentSha256: 'a'.repeat(64),
  revision: 1,
  updatedAt: '2026-02-02T08:00:00Z',
  ...overrides,
});
