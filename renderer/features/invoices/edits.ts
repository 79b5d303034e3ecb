import { useCallback } from 'react';
import { appendAudit } from '../../db/auditLog';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';

// Every write the invoices feature makes: only the audit entry for a document the clerk opened.

export const recordDocumentOpened = (
  db: InvoiceDeskDatabase,
  invoice: { id: string; number: string },
  now: () => Date = () => new Date(),
): Promise<void> =>
  db.transaction('rw', db.auditLog, async () => {
    await appendAudit(db, {
      at: now().toISOString(),
      kind: 'documentOpened',
      params: { invoiceId: invoice.id, invoiceNumber: invoice.number },
    });
  });

/** Records that the clerk opened this invoice's document; a failure to log never stops the viewer. */
export const useRecordDocumentOpened = (invoice: { id: string; number: string } | undefined) => {
  const db = useDatabase();
  const id = invoice?.id;
  const number = invoice?.number;
  return useCallback(() => {
    if (id === undefined || number === undefined) return;
    recordDocumentOpened(db, { id, number }).catch((error: unknown) => {
      console.error('The audit log could not record the opened document', error);
    });
  }, [db, id, number]);
};
