import type { Invoice } from '../../shared/api/schemas';
import { encodeBlock } from '../../shared/lines/block';
import { mergeRollups, rollupBlock, type RollupRow } from '../../shared/lines/rollup';
import type { InvoicePageResult, QuarantineEntry, SyncStore } from '../../shared/sync/ports';
import type { InvoiceDeskDatabase } from './database';
import type { StoredInvoice } from './records';

/** The sync engine's storage port over Dexie: every write method is one IndexedDB transaction. */
export const createDexieSyncStore = (
  db: InvoiceDeskDatabase,
  now: () => Date = () => new Date(),
): SyncStore => {
  const stamp = () => now().toISOString();

  const quarantine = async (entries: readonly QuarantineEntry[]) => {
    if (entries.length === 0) return;
    const receivedAt = stamp();
    await db.quarantine.bulkAdd(entries.map((entry) => ({ ...entry, receivedAt })));
  };

  const fresh = (invoice: Invoice): StoredInvoice => ({
    ...invoice,
    archived: 0,
    linesState: invoice.lineCount === 0 ? 'complete' : 'pending',
    linesCursor: null,
    linesNextBlock: 0,
    linesStored: 0,
    documentState: 'pending',
    receivedAt: stamp(),
  });

  /** The higher revision wins; a page may repeat an item, even within itself. */
  const newestPerId = (invoices: readonly Invoice[]): Invoice[] => {
    const byId = new Map<string, Invoice>();
    for (const invoice of invoices) {
      const known = byId.get(invoice.id);
      if (!known || invoice.revision > known.revision) byId.set(invoice.id, invoice);
    }
    return [...byId.values()];
  };

  return {
    readFeedCursor: async () => (await db.syncState.get('feed'))?.cursor ?? null,

    commitInvoicePage: (page) =>
      db.transaction(
        'rw',
        [db.invoices, db.quarantine, db.syncState],
        async (): Promise<InvoicePageResult> => {
          const incoming = newestPerId(page.invoices);
          const stored = await db.invoices.bulkGet(incoming.map((invoice) => invoice.id));
          const result: InvoicePageResult = { inserted: [], updated: [] };
          const rows: StoredInvoice[] = [];
          incoming.forEach((invoice, i) => {
            const known = stored[i];
            if (!known) {
              rows.push(fresh(invoice));
              result.inserted.push(invoice.id);
            } else if (invoice.revision > known.revision) {
              // Issued lines and documents never change: only the header moves on.
              rows.push({ ...known, ...invoice });
              result.updated.push(invoice.id);
            }
          });
          await db.invoices.bulkPut(rows);
          await quarantine(page.quarantined);
          const previous = await db.syncState.get('feed');
          await db.syncState.put({
            key: 'feed',
            cursor: page.resumeFrom,
            drained: page.feedDrained,
            lastSuccessAt: page.feedDrained ? stamp() : (previous?.lastSuccessAt ?? null),
          });
          return result;
        },
      ),

    pendingLines: async (limit) =>
      (await db.invoices.where('linesState').anyOf('pending', 'partial').limit(limit).toArray()).map(
        (invoice) => ({
          invoiceId: invoice.id,
          cursor: invoice.linesCursor,
          nextBlockNo: invoice.linesNextBlock,
          lineCount: invoice.lineCount,
        }),
      ),

    commitLinesPage: (page) =>
      db.transaction('rw', [db.lineBlocks, db.rollups, db.invoices, db.quarantine], async () => {
        const invoice = await db.invoices.get(page.invoiceId);
        if (!invoice) throw new Error(`Lines for an unknown invoice ${page.invoiceId}`);
        const block = encodeBlock(page.invoiceId, page.blockNo, page.lines);
        const replaced = await db.lineBlocks.get([page.invoiceId, page.blockNo]);
        // A block stored again (a repeated page) first takes its old contribution back out.
        const delta = rollupBlock(block);
        if (replaced) {
          for (const [key, row] of rollupBlock(replaced, -1)) {
            const current = delta.get(key);
            delta.set(
              key,
              current
                ? {
                    ...current,
                    lines: current.lines + row.lines,
                    netCentimes: current.netCentimes + row.netCentimes,
                    vatCentimes: current.vatCentimes + row.vatCentimes,
                  }
                : row,
            );
          }
        }
        const keys = [...delta.keys()];
        const storedRows = await db.rollups.bulkGet(keys);
        const stored = new Map<string, RollupRow>();
        storedRows.forEach((row) => {
          if (row) stored.set(row.key, row);
        });
        const merged = mergeRollups(stored, delta);
        await db.lineBlocks.put(block);
        await db.rollups.bulkPut(merged.put);
        await db.rollups.bulkDelete(merged.remove);
        await db.invoices.put({
          ...invoice,
          linesCursor: page.nextCursor,
          linesNextBlock: page.blockNo + 1,
          linesStored: invoice.linesStored - (replaced?.count ?? 0) + block.count,
          linesState: page.nextCursor === null ? 'complete' : 'partial',
        });
        await quarantine(page.quarantined);
      }),

    pendingDocuments: async (limit) =>
      (await db.invoices.where('documentState').equals('pending').reverse().sortBy('issueDate'))
        .slice(0, limit)
        .map((invoice) => ({
          invoiceId: invoice.id,
          documentSha256: invoice.documentSha256,
        })),

    commitDocument: (document) =>
      db.transaction('rw', [db.documents, db.invoices], async () => {
        const invoice = await db.invoices.get(document.invoiceId);
        if (!invoice) throw new Error(`A document for an unknown invoice ${document.invoiceId}`);
        await db.documents.put({
          invoiceId: document.invoiceId,
          bytes: document.bytes.slice().buffer,
          sha256: document.sha256,
          size: document.bytes.byteLength,
          verified: document.verified,
          verifiedAt: document.verified ? stamp() : null,
        });
        await db.invoices.update(document.invoiceId, {
          documentState: document.verified ? 'verified' : 'mismatch',
        });
      }),

    markGone: async (invoiceId, what) => {
      await db.invoices.update(
        invoiceId,
        what === 'lines' ? { linesState: 'gone', archived: 1 } : { documentState: 'gone', archived: 1 },
      );
    },

    markArchivedBefore: (cutoffIso) =>
      db.transaction('rw', [db.invoices, db.auditLog], async () => {
        const count = await db.invoices
          .where('issueDate')
          .below(cutoffIso)
          .filter((invoice) => invoice.archived === 0)
          .modify({ archived: 1 });
        if (count > 0) {
          await db.auditLog.add({
            at: stamp(),
            kind: 'archive',
            message: `${count} invoices left the operator's window and are kept in the local archive`,
          });
        }
        return count;
      }),

    latestUpdate: async () => (await db.invoices.orderBy('updatedAt').last())?.updatedAt ?? null,

    totals: async () => {
      const totals = {
        invoices: 0,
        linesExpected: 0,
        linesStored: 0,
        documentsExpected: 0,
        documentsStored: 0,
      };
      await db.invoices.each((invoice) => {
        totals.invoices += 1;
        totals.linesExpected += invoice.linesState === 'gone' ? invoice.linesStored : invoice.lineCount;
        totals.linesStored += invoice.linesStored;
        if (invoice.documentState !== 'gone') totals.documentsExpected += 1;
        if (invoice.documentState === 'verified' || invoice.documentState === 'mismatch')
          totals.documentsStored += 1;
      });
      return totals;
    },

    recordRun: (run) =>
      db.transaction('rw', [db.syncRuns, db.auditLog], async () => {
        await db.syncRuns.add(run);
        await db.auditLog.add({
          at: run.finishedAt,
          kind: 'sync',
          message: `Sync ${run.outcome}: ${run.newInvoices} new, ${run.updatedInvoices} updated invoices, ${run.linesStored} lines, ${run.documentsStored} documents${run.error ? ` (${run.error.code})` : ''}`,
        });
      }),
  };
};
