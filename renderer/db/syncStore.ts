import type { Invoice } from '../../shared/api/schemas';
import { createAllocator } from '../../shared/allocation/allocator';
import {
  addBlockAllocation,
  allocatedRowKey,
  mergeAllocated,
  type AllocatedDelta,
} from '../../shared/allocation/rollup';
import { encodeBlock, type LineBlock } from '../../shared/lines/block';
import { addBlockRollup, mergeRollupMonths, type RollupRow } from '../../shared/lines/rollup';
import type {
  FetchFailure,
  InvoicePageResult,
  QuarantineEntry,
  SyncRunRecord,
  SyncStore,
} from '../../shared/sync/ports';
import type { InvoiceDeskDatabase } from './database';
import type { AuditDraft, StoredDocument, StoredInvoice, SyncRunRow } from './records';
import { appendAudit, appendAudits } from './auditLog';
import { noStepClock } from '../../shared/core/stepClock';
import type { SyncStepClock } from '../../shared/sync/steps';

/** A completed run that brought, pushed and changed nothing: one like it before is the same news. */
const isQuiet = (run: SyncRunRecord): boolean =>
  run.outcome === 'ok' &&
  run.newInvoices === 0 &&
  run.updatedInvoices === 0 &&
  run.linesStored === 0 &&
  run.documentsStored === 0 &&
  run.quarantined === 0 &&
  run.pushed === 0 &&
  run.conflicts === 0 &&
  (run.failedInvoices ?? 0) === 0;

/** The sync engine's storage port over Dexie: every write method is one IndexedDB transaction. */
export const createDexieSyncStore = (
  db: InvoiceDeskDatabase,
  now: () => Date = () => new Date(),
  steps: SyncStepClock = noStepClock(),
): SyncStore => {
  const stamp = () => now().toISOString();

  /**
   * Times one write transaction for the run's step times: the encoding and rollup work inside it
   * under their own steps, the rest (IndexedDB itself, waiting for the store included) as commit.
   */
  const timedCommit = async <T>(
    write: (time: <R>(step: 'blockEncoding' | 'rollups', work: () => R) => R) => Promise<T>,
  ): Promise<T> => {
    const started = performance.now();
    let inner = 0;
    const time = <R>(step: 'blockEncoding' | 'rollups', work: () => R): R => {
      const at = performance.now();
      try {
        return work();
      } finally {
        const spent = performance.now() - at;
        inner += spent;
        steps.add(step, spent);
      }
    };
    try {
      return await write(time);
    } finally {
      steps.add('commit', performance.now() - started - inner);
    }
  };

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

  /** A fetch failure is history once the part arrived: off the invoice and out of the quarantine. */
  const clearFailure = async (invoiceId: string, what: FetchFailure['what']) => {
    await db.quarantine
      .where('invoiceId')
      .equals(invoiceId)
      .filter((row) => row.kind === what)
      .delete();
  };

  /** Served again by the operator: whatever it had answered 410 for can be fetched again. */
  const servedAgain = (known: StoredInvoice): Partial<StoredInvoice> => ({
    archived: 0,
    ...(known.linesState === 'gone'
      ? {
          linesState:
            known.linesStored === known.lineCount
              ? 'complete'
              : known.linesStored > 0
                ? 'partial'
                : 'pending',
        }
      : {}),
    ...(known.documentState === 'gone' ? { documentState: 'pending' } : {}),
  });

  /** A batch's invoices by id, read with `bulkGet(ids)`: a part of an invoice not stored fails it whole. */
  const knownInvoices = (
    ids: readonly string[],
    rows: ReadonlyArray<StoredInvoice | undefined>,
    part: 'Lines' | 'A document',
  ): Map<string, StoredInvoice> => {
    const invoices = new Map<string, StoredInvoice>();
    ids.forEach((id, i) => {
      const invoice = rows[i];
      if (!invoice) throw new Error(`${part} for an unknown invoice ${id}`);
      invoices.set(id, invoice);
    });
    return invoices;
  };

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
      timedCommit(() =>
        db.transaction(
          'rw',
          [db.invoices, db.quarantine, db.syncState],
          async (): Promise<InvoicePageResult> => {
            // A valid revision replaces what was quarantined under the same id.
            const ids = new Set(page.invoices.map((invoice) => invoice.id));
            await db.quarantine
              .where('kind')
              .equals('invoice')
              .filter((row) => row.itemId !== null && ids.has(row.itemId))
              .delete();
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
                rows.push({ ...known, ...invoice, ...servedAgain(known) });
                result.updated.push(invoice.id);
              } else if (
                known.archived === 1 ||
                known.linesState === 'gone' ||
                known.documentState === 'gone'
              ) {
                // The feed serves it: it has not left the operator's window after all.
                rows.push({ ...known, ...servedAgain(known) });
              }
            });
            await db.invoices.bulkPut(rows);
            await quarantine(page.quarantined);
            const previous = await db.syncState.get('feed');
            const lastSuccessAt = page.feedDrained ? stamp() : (previous?.lastSuccessAt ?? null);
            await db.syncState.put({
              key: 'feed',
              cursor: page.resumeFrom,
              drained: page.feedDrained,
              lastSuccessAt,
              firstDrainedAt: previous?.firstDrainedAt ?? previous?.lastSuccessAt ?? lastSuccessAt,
            });
            return result;
          },
        ),
      ),

    pendingLines: async (limit, now) => {
      const invoices = await db.invoices
        .where('linesState')
        .anyOf('pending', 'partial')
        .filter((invoice) => !invoice.linesFailure || invoice.linesFailure.retryAt <= now)
        .limit(limit)
        .toArray();
      // The last stored block tells where a resumed invoice stands, so that repeats are recognised.
      const lastBlocks = await db.lineBlocks.bulkGet(
        invoices.map((invoice): [string, number] => [invoice.id, Math.max(invoice.linesNextBlock - 1, 0)]),
      );
      return invoices.map((invoice, i) => {
        const last = invoice.linesNextBlock > 0 ? lastBlocks[i] : undefined;
        return {
          invoiceId: invoice.id,
          cursor: invoice.linesCursor,
          nextBlockNo: invoice.linesNextBlock,
          lineCount: invoice.lineCount,
          linesStored: invoice.linesStored,
          lastLineNo: last && last.count > 0 ? (last.lineNo[last.count - 1] ?? 0) : 0,
          failure: invoice.linesFailure ?? null,
        };
      });
    },

    commitLinesPages: (pages) =>
      timedCommit((time) =>
        db.transaction(
          'rw',
          [db.lineBlocks, db.rollupMonths, db.allocatedRollups, db.assignments, db.invoices, db.quarantine],
          async () => {
            if (pages.length === 0) return;
            const ids = [...new Set(pages.map((page) => page.invoiceId))];
            // Every read the pages need, issued together: a batch costs a few requests' latency.
            const [invoiceRows, quarantined, assignments, storedBlocks] = await Promise.all([
              db.invoices.bulkGet(ids),
              db.quarantine.where('invoiceId').anyOf(ids).toArray(),
              db.assignments.toArray(),
              db.lineBlocks.bulkGet(pages.map((page): [string, number] => [page.invoiceId, page.blockNo])),
            ]);
            const invoices = knownInvoices(ids, invoiceRows, 'Lines');
            // Allocated under the assignments stored at this moment, with the blocks: never a line without its parts.
            const allocator = createAllocator(assignments);
            const rollupDelta = new Map<string, RollupRow>();
            const allocatedDelta: AllocatedDelta = new Map();
            const blocks = new Map<string, LineBlock>();
            const dropped = new Set<number>();
            let added: QuarantineEntry[] = [];
            pages.forEach((page, i) => {
              const invoice = invoices.get(page.invoiceId);
              if (!invoice) return;
              const done = page.nextCursor === null;
              // A line now valid replaces its quarantined copy; the invoice's fetch failure is history once done.
              const lineNos = new Set(page.lines.map((line) => String(line.lineNo)));
              const settled = (row: QuarantineEntry) =>
                row.invoiceId === page.invoiceId &&
                ((row.kind === 'line' && row.itemId !== null && lineNos.has(row.itemId)) ||
                  (done && row.kind === 'lines'));
              for (const row of quarantined) if (row.id !== undefined && settled(row)) dropped.add(row.id);
              added = added.filter((row) => !settled(row));
              added.push(...page.quarantined);
              if (page.lines.length === 0) {
                // Nothing new to store (repeats, or only quarantined items): the cursor still moves on.
                invoices.set(page.invoiceId, {
                  ...invoice,
                  linesCursor: page.nextCursor,
                  linesState: done ? 'complete' : invoice.linesStored > 0 ? 'partial' : invoice.linesState,
                  ...(done ? { linesFailure: undefined } : {}),
                });
                return;
              }
              const block = time('blockEncoding', () =>
                encodeBlock(page.invoiceId, page.blockNo, page.lines),
              );
              // A block stored again (a repeated page) first takes its old contribution back out.
              const key = `${page.invoiceId}|${page.blockNo}`;
              const replaced = blocks.get(key) ?? storedBlocks[i];
              time('rollups', () => {
                if (replaced) {
                  addBlockRollup(rollupDelta, replaced, -1);
                  addBlockAllocation(allocatedDelta, replaced, allocator, -1);
                }
                addBlockRollup(rollupDelta, block, 1);
                addBlockAllocation(allocatedDelta, block, allocator, 1);
              });
              blocks.set(key, block);
              invoices.set(page.invoiceId, {
                ...invoice,
                linesCursor: page.nextCursor,
                linesNextBlock: page.blockNo + 1,
                linesStored: invoice.linesStored - (replaced?.count ?? 0) + block.count,
                linesState: done ? 'complete' : 'partial',
                ...(done ? { linesFailure: undefined } : {}),
              });
            });
            const allocatedChanges = [...allocatedDelta.values()];
            const months = [...new Set(Array.from(rollupDelta.values(), (row) => row.month))];
            const [storedMonths, storedAllocated] = await Promise.all([
              db.rollupMonths.bulkGet(months),
              db.allocatedRollups.bulkGet(allocatedChanges.map(allocatedRowKey)),
            ]);
            const merged = time('rollups', () => mergeRollupMonths(storedMonths, rollupDelta));
            const mergedAllocated = time('rollups', () => mergeAllocated(allocatedChanges, storedAllocated));
            const receivedAt = stamp();
            await Promise.all([
              db.lineBlocks.bulkPut([...blocks.values()]),
              db.rollupMonths.bulkPut(merged.put),
              db.rollupMonths.bulkDelete(merged.remove),
              db.allocatedRollups.bulkPut(mergedAllocated.put),
              db.allocatedRollups.bulkDelete(mergedAllocated.remove),
              db.invoices.bulkPut([...invoices.values()]),
              db.quarantine.bulkDelete([...dropped]),
              db.quarantine.bulkAdd(added.map((entry) => ({ ...entry, receivedAt }))),
            ]);
          },
        ),
      ),

    pendingDocuments: async (limit, now) =>
      (
        await db.invoices
          .where('documentState')
          .equals('pending')
          .filter((invoice) => !invoice.documentFailure || invoice.documentFailure.retryAt <= now)
          .reverse()
          .sortBy('issueDate')
      )
        .slice(0, limit)
        .map((invoice) => ({
          invoiceId: invoice.id,
          documentSha256: invoice.documentSha256,
          failure: invoice.documentFailure ?? null,
        })),

    commitDocuments: (documents) =>
      timedCommit(() =>
        db.transaction('rw', [db.documents, db.invoices, db.quarantine, db.auditLog], async () => {
          if (documents.length === 0) return;
          const ids = [...new Set(documents.map((document) => document.invoiceId))];
          // Every read the batch needs, issued together: a batch costs a few requests' latency, not
          // several per PDF.
          const [invoiceRows, beforeRows, failures] = await Promise.all([
            db.invoices.bulkGet(ids),
            db.documents.bulkGet(ids),
            db.quarantine.where('invoiceId').anyOf(ids).toArray(),
          ]);
          const invoices = knownInvoices(ids, invoiceRows, 'A document');
          const before = new Map<string, { sha256: string; verified: boolean }>();
          ids.forEach((id, i) => {
            const stored = beforeRows[i];
            if (stored) before.set(id, { sha256: stored.sha256, verified: stored.verified });
          });
          const drafts: AuditDraft[] = [];
          const rows = new Map<string, StoredDocument>();
          for (const document of documents) {
            const invoice = invoices.get(document.invoiceId);
            if (!invoice) continue;
            // Logged once per document: a fetch again of the same bytes (after a 410 was lifted) is no news.
            const previous = before.get(document.invoiceId);
            if (previous?.sha256 !== document.sha256 || previous.verified !== document.verified) {
              drafts.push({
                at: stamp(),
                kind: 'documentRetrieved',
                params: {
                  invoiceId: document.invoiceId,
                  invoiceNumber: invoice.number,
                  sha256: document.sha256,
                  size: document.bytes.byteLength,
                  verified: document.verified,
                },
              });
            }
            before.set(document.invoiceId, { sha256: document.sha256, verified: document.verified });
            rows.set(document.invoiceId, {
              invoiceId: document.invoiceId,
              bytes: document.bytes.slice().buffer,
              sha256: document.sha256,
              size: document.bytes.byteLength,
              verified: document.verified,
              verifiedAt: document.verified ? stamp() : null,
            });
            invoices.set(document.invoiceId, {
              ...invoice,
              documentState: document.verified ? 'verified' : 'mismatch',
              documentFailure: undefined,
            });
          }
          // A fetch failure is history once the part arrived: out of the quarantine.
          const settled = failures.flatMap((row) =>
            row.kind === 'document' && row.id !== undefined ? [row.id] : [],
          );
          await Promise.all([
            appendAudits(db, drafts),
            db.quarantine.bulkDelete(settled),
            db.documents.bulkPut([...rows.values()]),
            db.invoices.bulkPut([...invoices.values()]),
          ]);
        }),
      ),

    markGone: async (invoiceId, what) => {
      await db.invoices.update(
        invoiceId,
        what === 'lines' ? { linesState: 'gone', archived: 1 } : { documentState: 'gone', archived: 1 },
      );
    },

    recordFailure: (invoiceId, failure) =>
      db.transaction('rw', [db.invoices, db.quarantine], async () => {
        await clearFailure(invoiceId, failure.what);
        await db.invoices.update(
          invoiceId,
          failure.what === 'lines' ? { linesFailure: failure } : { documentFailure: failure },
        );
        await quarantine([
          {
            kind: failure.what,
            invoiceId,
            index: 0,
            itemId: invoiceId,
            issues: failure.message,
            failure,
          },
        ]);
      }),

    markArchived: (firstServedIssueDate) =>
      db.transaction('rw', [db.invoices, db.auditLog], async () => {
        let archived = 0;
        let restored = 0;
        // Every invoice, not only the older ones: an archive set by a wrong clock is undone here.
        await db.invoices.toCollection().modify((invoice) => {
          const gone =
            invoice.issueDate < firstServedIssueDate ||
            invoice.linesState === 'gone' ||
            invoice.documentState === 'gone';
          const next = gone ? 1 : 0;
          if (invoice.archived === next) return;
          if (next === 1) archived += 1;
          else restored += 1;
          invoice.archived = next;
        });
        if (archived > 0 || restored > 0) {
          await appendAudit(db, {
            at: stamp(),
            kind: 'archive',
            params: { firstServedIssueDate, archived, restored },
          });
        }
        return archived + restored;
      }),

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
        const last = await db.syncRuns.orderBy('id').last();
        if (isQuiet(run) && last?.id !== undefined && isQuiet(last)) {
          // Every start and every scheduled check runs a sync: the history keeps one row for a quiet
          // stretch, its time the latest check, instead of a row per page load.
          await db.syncRuns.put({
            ...run,
            id: last.id,
            repeats: (last.repeats ?? 1) + 1,
            quietSince: last.quietSince ?? last.startedAt,
          } satisfies SyncRunRow);
          return;
        }
        await db.syncRuns.add(run);
        await appendAudit(db, {
          at: run.finishedAt,
          kind: 'sync',
          params: {
            outcome: run.outcome,
            newInvoices: run.newInvoices,
            updatedInvoices: run.updatedInvoices,
            linesStored: run.linesStored,
            documentsStored: run.documentsStored,
            errorCode: run.error?.code ?? null,
          },
        });
      }),
  };
};
