import type { ApiClient } from '../api/client';
import { documentMatchesInvoice } from '../api/digest';
import { ApiError } from '../api/errors';
import { subtractMonths } from '../lines/dates';
import { pushOutbox, type OutboxPort } from './outbox';
import { toQuarantine, type SyncRunRecord, type SyncStore } from './ports';
import { pullResources, type ResourcePort } from './resources';

/**
 * The sync engine: walks the invoice change feed from the stored cursor, then fetches the lines and
 * the PDF of every invoice that still lacks them. Every page is committed with its cursor in one
 * store transaction, so a run killed anywhere resumes from the last committed page and loses or
 * duplicates nothing. It runs in a Web Worker in the app, and in Node in tests.
 */

export interface SyncProgress {
  phase: 'outbox' | 'invoices' | 'lines' | 'documents' | 'resources' | 'done';
  /** Invoice headers received in this run. */
  invoicesReceived: number;
  lines: { done: number; total: number };
  documents: { done: number; total: number };
  linesPerSecond: number;
  /** Null until there is a rate to extrapolate from. */
  etaSeconds: number | null;
}

export interface SyncOptions {
  feedPageSize: number;
  linesPageSize: number;
  /** Invoices whose lines or documents are fetched at the same time: overlaps network and storage. */
  concurrency: number;
  /** The operator keeps invoices this long after issue. */
  retentionMonths: number;
}

export interface SyncDeps {
  api: ApiClient;
  store: SyncStore;
  /** Local edits to push first and the customer's small resources to pull last; omitted: invoices only. */
  resources?: OutboxPort & ResourcePort;
  now: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
  options?: Partial<SyncOptions>;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  feedPageSize: 500,
  linesPageSize: 5000,
  concurrency: 2,
  retentionMonths: 18,
};

export class SyncCancelledError extends Error {
  readonly code = 'sync.cancelled';
  constructor() {
    super('The synchronisation was cancelled');
    this.name = 'SyncCancelledError';
  }
}

const isGone = (error: unknown): boolean => error instanceof ApiError && error.code === 'api.gone';

/** Runs `task` over `items` with at most `limit` at a time; the first failure stops the rest. */
const pool = async <T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next];
      next += 1;
      if (item === undefined) continue;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

export const runSync = async (deps: SyncDeps): Promise<SyncRunRecord> => {
  const options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const { api, store, signal } = deps;
  const startedAt = deps.now();
  const call = { signal };
  const counts = {
    newInvoices: 0,
    updatedInvoices: 0,
    linesStored: 0,
    documentsStored: 0,
    quarantined: 0,
    received: 0,
    pushed: 0,
    conflicts: 0,
  };
  let phase: SyncProgress['phase'] = 'outbox';
  const phaseMs: SyncRunRecord['phaseMs'] = {};
  let phaseStarted = deps.now().getTime();
  /** Closes the running phase's stopwatch and starts the next one. */
  const enter = (next: SyncProgress['phase']) => {
    const at = deps.now().getTime();
    if (phase !== 'done') phaseMs[phase] = (phaseMs[phase] ?? 0) + (at - phaseStarted);
    phaseStarted = at;
    phase = next;
  };

  const checkCancelled = () => {
    if (signal?.aborted) throw new SyncCancelledError();
  };

  let lastReport = -Infinity;
  const report = async (force = false) => {
    if (!deps.onProgress) return;
    // Progress reads the store's totals: a few times a second is plenty for a progress bar.
    const at = deps.now().getTime();
    if (!force && at - lastReport < 250) return;
    lastReport = at;
    const totals = await store.totals();
    const seconds = Math.max((deps.now().getTime() - startedAt.getTime()) / 1000, 0.001);
    const rate = counts.linesStored / seconds;
    const remaining = totals.linesExpected - totals.linesStored;
    deps.onProgress({
      phase,
      invoicesReceived: counts.received,
      lines: { done: totals.linesStored, total: totals.linesExpected },
      documents: { done: totals.documentsStored, total: totals.documentsExpected },
      linesPerSecond: Math.round(rate),
      etaSeconds: rate > 0 && phase === 'lines' ? Math.ceil(remaining / rate) : null,
    });
  };

  const syncFeed = async () => {
    let since = (await store.readFeedCursor()) ?? undefined;
    for (;;) {
      checkCancelled();
      const page = await api.getInvoiceChanges({ since, limit: options.feedPageSize }, call);
      const quarantined = toQuarantine('invoice', null, page.invalid);
      const resumeFrom = page.next ?? page.cursor;
      const result = await store.commitInvoicePage({
        invoices: page.items,
        quarantined,
        resumeFrom,
        feedDrained: page.next === null,
      });
      counts.received += page.items.length;
      counts.newInvoices += result.inserted.length;
      counts.updatedInvoices += result.updated.length;
      counts.quarantined += quarantined.length;
      await report();
      if (page.next === null) return;
      since = page.next;
    }
  };

  const syncLinesOf = async (pending: Awaited<ReturnType<SyncStore['pendingLines']>>[number]) => {
    let cursor = pending.cursor ?? undefined;
    let blockNo = pending.nextBlockNo;
    for (;;) {
      checkCancelled();
      let page;
      try {
        page = await api.getInvoiceLines(pending.invoiceId, { cursor, limit: options.linesPageSize }, call);
      } catch (error) {
        if (!isGone(error)) throw error;
        await store.markGone(pending.invoiceId, 'lines');
        return;
      }
      const quarantined = toQuarantine('line', pending.invoiceId, page.invalid);
      await store.commitLinesPage({
        invoiceId: pending.invoiceId,
        blockNo,
        lines: page.items,
        quarantined,
        nextCursor: page.next,
      });
      counts.linesStored += page.items.length;
      counts.quarantined += quarantined.length;
      await report();
      if (page.next === null) return;
      cursor = page.next;
      blockNo += 1;
    }
  };

  const syncDocument = async (pending: Awaited<ReturnType<SyncStore['pendingDocuments']>>[number]) => {
    checkCancelled();
    let document;
    try {
      document = await api.getInvoiceDocument(pending.invoiceId, call);
    } catch (error) {
      if (!isGone(error)) throw error;
      await store.markGone(pending.invoiceId, 'document');
      return;
    }
    await store.commitDocument({
      invoiceId: pending.invoiceId,
      bytes: document.bytes,
      sha256: document.sha256Hex,
      verified: documentMatchesInvoice(document, pending),
    });
    counts.documentsStored += 1;
    await report();
  };

  /** Drains a queue the store computes, batch by batch, until nothing is left or nothing moves. */
  const drain = async <T>(next: () => Promise<T[]>, task: (item: T) => Promise<void>) => {
    for (;;) {
      checkCancelled();
      const batch = await next();
      if (batch.length === 0) return;
      await pool(batch, options.concurrency, task);
    }
  };

  const finish = async (
    outcome: SyncRunRecord['outcome'],
    error: SyncRunRecord['error'],
  ): Promise<SyncRunRecord> => {
    const record: SyncRunRecord = {
      startedAt: startedAt.toISOString(),
      finishedAt: deps.now().toISOString(),
      outcome,
      error,
      newInvoices: counts.newInvoices,
      updatedInvoices: counts.updatedInvoices,
      linesStored: counts.linesStored,
      documentsStored: counts.documentsStored,
      quarantined: counts.quarantined,
      pushed: counts.pushed,
      conflicts: counts.conflicts,
      phaseMs,
    };
    await store.recordRun(record);
    return record;
  };

  try {
    if (deps.resources) {
      // Edits first: they were typed against what the clerk saw, before this run changes anything.
      const pushed = await pushOutbox(api, deps.resources, signal);
      counts.pushed = pushed.pushed;
      counts.conflicts = pushed.conflicts + pushed.rejected;
    }
    enter('invoices');
    await syncFeed();
    enter('lines');
    await drain(() => store.pendingLines(50), syncLinesOf);
    enter('documents');
    await drain(() => store.pendingDocuments(50), syncDocument);
    // The operator sends no tombstones: what left its window is known from the calendar alone.
    const latest = await store.latestUpdate();
    const today = deps.now().toISOString().slice(0, 10);
    const operatorToday = latest && latest.slice(0, 10) > today ? latest.slice(0, 10) : today;
    await store.markArchivedBefore(subtractMonths(operatorToday, options.retentionMonths));
    if (deps.resources) {
      enter('resources');
      checkCancelled();
      await pullResources(api, deps.resources, signal);
    }
    enter('done');
    await report(true);
    return await finish('ok', null);
  } catch (error) {
    if (error instanceof SyncCancelledError || signal?.aborted) {
      return finish('cancelled', { code: 'sync.cancelled', message: 'Cancelled' });
    }
    const code = error instanceof ApiError ? error.code : 'sync.failed';
    await finish('failed', { code, message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
};
