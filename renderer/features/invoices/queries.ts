import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useCoalescedQuery } from '../../db/coalescedQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { checkBlocks, checkInvoice, checkInvoices } from '../../db/rowChecks';

// Every read of the archive the invoices feature makes. Each hook re-renders when its rows change.

/**
 * Every stored invoice, damaged rows set apart; read again at most once a second while a sync
 * writes (db/coalescedQuery.ts): each lines page it commits touches its invoice's row.
 */
export const useCheckedInvoices = () => {
  const db = useDatabase();
  return useCoalescedQuery(db, ['invoices'], async () => checkInvoices(await db.invoices.toArray()), []);
};

/** One invoice as stored (or why it cannot be shown). */
export const useStoredInvoice = (invoiceId: string) => {
  const db = useDatabase();
  return useLiveQuery(async () => checkInvoice(await db.invoices.get(invoiceId)), [db, invoiceId]);
};

/** An invoice's line blocks in order. */
export const useInvoiceBlocks = (invoiceId: string) => {
  const db = useDatabase();
  return useLiveQuery(
    async () => checkBlocks(await db.lineBlocks.where('invoiceId').equals(invoiceId).sortBy('blockNo')),
    [db, invoiceId],
  );
};

/** An invoice's stored PDF, if it has been fetched. */
export const useInvoiceDocument = (invoiceId: string) => {
  const db = useDatabase();
  return useLiveQuery(() => db.documents.get(invoiceId), [db, invoiceId]);
};

/** The invoice a credit note corrects, when it is stored and intact. */
export const useCorrectedInvoice = (correctsInvoiceId: string | null | undefined) => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!correctsInvoiceId) return undefined;
    const other = checkInvoice(await db.invoices.get(correctsInvoiceId));
    return other.state === 'ok' ? other.invoice : undefined;
  }, [db, correctsInvoiceId]);
};

/** Reads the stored PDFs of some invoices (absent ones are left out), for the zip of a selection. */
export const useDocumentLoader = () => {
  const db = useDatabase();
  return useCallback(
    async (invoiceIds: readonly string[]) =>
      new Map(
        (await db.documents.bulkGet([...invoiceIds]))
          .filter((document) => document !== undefined)
          .map((document) => [document.invoiceId, new Uint8Array(document.bytes)]),
      ),
    [db],
  );
};
