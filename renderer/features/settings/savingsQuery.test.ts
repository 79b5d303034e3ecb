import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { paperlessSavings } from '../../../shared/preferences/savings';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { writePdf } from '../../../simulator/pdf/pdfWriter';
import { InvoiceDeskDatabase } from '../../db/database';
import type { StoredInvoice } from '../../db/records';
import { readInvoicesForSavings } from './queries';

const stored = (id: string, issueDate: string): StoredInvoice => ({
  ...invoiceFixture({ id, issueDate }),
  archived: 0,
  linesState: 'complete',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'verified',
  receivedAt: '2026-05-01T08:00:00Z',
});

const document = (invoiceId: string, pages: number) => {
  const bytes = writePdf(
    Array.from({ length: pages }, (_, i) => `BT (page ${i + 1}) Tj ET`),
    {
      title: invoiceId,
      author: 'test',
      subject: 'test',
      creationDate: 'D:20260101000000Z',
    },
  );
  return {
    invoiceId,
    // A Node Buffer may be a view into a shared pool: copy out exactly its bytes.
    bytes: new Uint8Array(bytes).buffer,
    sha256: '0'.repeat(64),
    size: bytes.byteLength,
    verified: true,
    verifiedAt: null,
  };
};

describe('the invoices the savings count', () => {
  it('reads each cached PDF’s pages (as the operator’s PDFs are written) and leaves the others unknown', async () => {
    const db = new InvoiceDeskDatabase('savings', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await db.invoices.bulkPut([
      stored('a', '2025-03-31'),
      stored('b', '2025-11-30'),
      stored('c', '2026-02-28'),
    ]);
    await db.documents.bulkPut([document('a', 3), document('c', 1)]);

    const invoices = await readInvoicesForSavings(db);
    expect(invoices).toEqual([
      { issueDate: '2025-03-31', pages: 3 },
      { issueDate: '2025-11-30', pages: null },
      { issueDate: '2026-02-28', pages: 1 },
    ]);
    const { years } = paperlessSavings(invoices);
    expect(years.map((year) => [year.year, year.letters, year.sheets])).toEqual([
      ['2025', 2, 5],
      ['2026', 1, 1],
    ]);

    // A PDF arriving later is counted then; the ones counted before are not read again.
    await db.documents.put(document('b', 2));
    expect((await readInvoicesForSavings(db))[1]).toEqual({ issueDate: '2025-11-30', pages: 2 });
  });
});
