import type { ArchiveDocument, ArchiveInvoice, ArchiveSource } from '../../shared/archive/writeArchive';
import type { LineBlock } from '../../shared/lines/block';
import type { InvoiceDeskDatabase } from './database';
import type { StoredDocument } from './records';
import { checkBlocks, checkInvoices, type SkippedRow } from './rowChecks';

/**
 * What the archive export reads (in its worker): the invoices and the audit log at once, the PDFs
 * and the line blocks in batches by primary key, so an archive of every line and document holds a
 * few of them at a time. Rows are checked at this boundary like everywhere else.
 */

// Eight blocks of up to 5,000 lines, or 32 PDFs of a few hundred KB: a few MB per read.
const BLOCKS_PER_READ = 8;
const DOCUMENTS_PER_READ = 32;

export interface ArchiveSourceRead {
  source: ArchiveSource;
  skipped: SkippedRow[];
}

const isDocument = (row: unknown): row is StoredDocument =>
  typeof row === 'object' &&
  row !== null &&
  typeof Reflect.get(row, 'invoiceId') === 'string' &&
  Reflect.get(row, 'bytes') instanceof ArrayBuffer;

export const readArchiveSource = async (db: InvoiceDeskDatabase): Promise<ArchiveSourceRead> => {
  const skipped: SkippedRow[] = [];
  const [checked, documentCount, blockCount, auditRows] = await db.transaction(
    'r',
    [db.invoices, db.documents, db.lineBlocks, db.auditLog],
    () =>
      Promise.all([
        db.invoices.toArray().then((rows) => checkInvoices(rows)),
        db.documents.count(),
        db.lineBlocks.count(),
        db.auditLog.orderBy(':id').toArray(),
      ]),
  );
  skipped.push(...checked.skipped);
  const invoices: ArchiveInvoice[] = checked.rows.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    debtorNumber: invoice.debtorNumber,
    invoiceReference: invoice.invoiceReference,
    type: invoice.type,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    currency: invoice.currency,
    netTotal: invoice.netTotal,
    vatTotal: invoice.vatTotal,
    grossTotal: invoice.grossTotal,
    status: invoice.status,
    lineCount: invoice.lineCount,
    documentSha256: invoice.documentSha256,
    archived: invoice.archived === 1,
  }));

  async function* documents(): AsyncGenerator<ArchiveDocument[], void, undefined> {
    let after: string | null = null;
    for (;;) {
      const collection =
        after === null ? db.documents.toCollection() : db.documents.where(':id').above(after);
      const batch: unknown[] = await collection.limit(DOCUMENTS_PER_READ).toArray();
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      yield batch
        .filter(isDocument)
        .map((row) => ({ invoiceId: row.invoiceId, bytes: new Uint8Array(row.bytes) }));
      if (batch.length < DOCUMENTS_PER_READ) return;
      const key: unknown = typeof last === 'object' && last !== null ? Reflect.get(last, 'invoiceId') : null;
      if (typeof key !== 'string') return;
      after = key;
    }
  }

  async function* blocks(): AsyncGenerator<LineBlock[], void, undefined> {
    let after: [string, number] | null = null;
    for (;;) {
      const collection =
        after === null ? db.lineBlocks.toCollection() : db.lineBlocks.where(':id').above(after);
      const batch: unknown[] = await collection.limit(BLOCKS_PER_READ).toArray();
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      const read = checkBlocks(batch);
      skipped.push(...read.skipped);
      yield read.rows;
      if (batch.length < BLOCKS_PER_READ) return;
      after = blockKeyOf(last);
      if (after === null) return;
    }
  }

  return {
    source: { invoices, documentCount, documents, blockCount, blocks, auditRows },
    skipped,
  };
};

const blockKeyOf = (row: unknown): [string, number] | null => {
  if (typeof row !== 'object' || row === null) return null;
  const invoiceId: unknown = Reflect.get(row, 'invoiceId');
  const blockNo: unknown = Reflect.get(row, 'blockNo');
  return typeof invoiceId === 'string' && typeof blockNo === 'number' ? [invoiceId, blockNo] : null;
};
