import type { ApiClient } from '../api/client';
import { documentMatchesInvoice } from '../api/digest';
import { ApiError, NetworkError } from '../api/errors';
import { pushOutbox, type OutboxPort } from './outbox';
import { createCommitBatcher } from './commitBatcher';
import {
  toQuarantine,
  type DocumentCommit,
  type FetchFailure,
  type LinesPageCommit,
  type PendingDocument,
  type PendingLines,
  type QuarantineEntry,
  type SyncRunRecord,
  type SyncStore,
} from './ports';
import { createEtaEstimator } from './eta';
import { pullResources, type ResourcePort } from './resources';
import { firstServedIssueDate } from './retention';
import type { SyncStepClock } from './steps';

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
  /** Null until the estimate is grounded (see eta.ts), and outside the lines phase. */
  etaSeconds: number | null;
}

export interface SyncOptions {
  feedPageSize: number;
  linesPageSize: number;
  /** Invoices whose lines or documents are fetched at the same time: overlaps network and storage. */
  concurrency: number;
  /**
   * Pages or PDFs handed to storage and not yet committed, across all request slots: the network
   * goes on while storage works, and this bounds what waits in memory meanwhile. 1: each request
   * waits for its own commit.
   */
  commitsInFlight: number;
  /** The operator keeps invoices this long after issue. */
  retentionMonths: number;
  /** Pages in a row that bring nothing new before a feed or an invoice's lines is given up. */
  maxStalledPages: number;
  /** Invoices in a row that fail without any answer from the server before the run stops (offline). */
  maxSilentFailures: number;
}

export interface SyncDeps {
  api: ApiClient;
  store: SyncStore;
  /** Local edits to push first and the customer's small resources to pull last; omitted: invoices only. */
  resources?: OutboxPort & ResourcePort;
  /** Wall-clock instants for what is stored (run times, failure backoff). */
  now: () => Date;
  /** Elapsed milliseconds for rates, phase timings and progress throttling; default performance.now. */
  elapsed?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** The run's step times (steps.ts), shared with the API client and the store; kept in the run's record. */
  steps?: SyncStepClock;
  signal?: AbortSignal;
  options?: Partial<SyncOptions>;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  feedPageSize: 500,
  linesPageSize: 5000,
  // The contract's bound on requests in flight: latency hides behind the others, and commits batch.
  concurrency: 6,
  commitsInFlight: 12,
  retentionMonths: 18,
  maxStalledPages: 3,
  maxSilentFailures: 3,
};

/** Bounds on one batched transaction (commitBatcher.ts): what a commit holds in memory at once. */
const MAX_LINES_PER_COMMIT = 50_000;
const MAX_DOCUMENT_BYTES_PER_COMMIT = 32 * 1024 * 1024;

export class SyncCancelledError extends Error {
  readonly code = 'sync.cancelled';
  constructor() {
    super('The synchronisation was cancelled');
    this.name = 'SyncCancelledError';
  }
}

/** The server keeps answering without moving on: a cursor that does not advance, pages of repeats. */
export class SyncStalledError extends Error {
  readonly code = 'sync.noProgress';
  constructor(
    readonly what: 'feed' | 'lines',
    detail: string,
  ) {
    super(`The ${what === 'feed' ? 'invoice feed' : 'lines'} did not advance: ${detail}`);
    this.name = 'SyncStalledError';
  }
}

const isGone = (error: unknown): boolean => error instanceof ApiError && error.code === 'api.gone';

/** Failures that concern the whole run, not one invoice: the credentials, the option, the client. */
const RUN_FATAL = new Set([
  'api.unauthorized',
  'api.forbidden',
  'api.invalidRequest',
  'api.credentialsMissing',
]);

/** How long a failed invoice waits before the next run tries it again: 1, 2, 4 … minutes, at most a day. */
export const failureBackoffMs = (attempts: number): number =>
  Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 86_400_000);

/**
 * Runs `task` over `items` with at most `limit` at a time. The first failure aborts `abort`, which
 * every task's requests listen to, so no other task goes on committing after the run has failed.
 */
const pool = async <T>(
  items: readonly T[],
  limit: number,
  abort: AbortController,
  task: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0 && !abort.signal.aborted && next < items.length) {
      const item = items[next];
      next += 1;
      if (item === undefined) continue;
      try {
        await task(item);
      } catch (error) {
        failures.push(error);
        abort.abort(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  // The first failure is the cause; later ones are the aborts it caused.
  if (failures.length > 0) throw failures[0];
};

export const runSync = async (deps: SyncDeps): Promise<SyncRunRecord> => {
  const options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const { api, store } = deps;
  const startedAt = deps.now();
  // The run's own controller: cancelled by the caller, or aborted by the first fatal failure.
  const run = new AbortController();
  const stopRun = () => run.abort(deps.signal?.reason);
  if (deps.signal?.aborted) stopRun();
  deps.signal?.addEventListener('abort', stopRun, { once: true });
  const signal = run.signal;
  // A dependent signal per request: fetch implementations keep their abort listener until the body is
  // collected, and thousands of requests on the run's own signal would pile them up there.
  const call = () => ({ signal: AbortSignal.any([signal]) });
  const counts = {
    newInvoices: 0,
    updatedInvoices: 0,
    linesStored: 0,
    documentsStored: 0,
    quarantined: 0,
    received: 0,
    pushed: 0,
    conflicts: 0,
    failedInvoices: 0,
  };
  let phase: SyncProgress['phase'] = 'outbox';
  const phaseMs: SyncRunRecord['phaseMs'] = {};
  const elapsed = deps.elapsed ?? (() => performance.now());
  const runStarted = elapsed();
  let phaseStarted = runStarted;
  /** Closes the running phase's stopwatch and starts the next one. */
  const enter = (next: SyncProgress['phase']) => {
    const at = elapsed();
    if (phase !== 'done') phaseMs[phase] = (phaseMs[phase] ?? 0) + (at - phaseStarted);
    phaseStarted = at;
    phase = next;
  };

  const checkCancelled = () => {
    if (deps.signal?.aborted) throw new SyncCancelledError();
    // Aborted by a failure elsewhere in the run: stop without committing anything more.
    if (signal.aborted) throw signal.reason;
  };

  let lastReport = -Infinity;
  let totalsBase: {
    phase: SyncProgress['phase'];
    totals: Awaited<ReturnType<SyncStore['totals']>>;
    linesStored: number;
    documentsStored: number;
  } | null = null;
  const linesEta = createEtaEstimator();
  const report = async (force = false) => {
    if (!deps.onProgress) return;
    // Progress reads the store's totals: a few times a second is plenty for a progress bar.
    const at = elapsed();
    if (!force && at - lastReport < 250) return;
    lastReport = at;
    // The store's totals read every invoice: once per phase, then moved on by what this run stored
    // (a read-only scan every 250 ms queued between the batches' commits otherwise).
    if (force || totalsBase?.phase !== phase) {
      totalsBase = {
        phase,
        totals: await store.totals(),
        linesStored: counts.linesStored,
        documentsStored: counts.documentsStored,
      };
    }
    const base = totalsBase;
    const totals = {
      ...base.totals,
      linesStored: Math.min(
        base.totals.linesStored + counts.linesStored - base.linesStored,
        base.totals.linesExpected,
      ),
      documentsStored: Math.min(
        base.totals.documentsStored + counts.documentsStored - base.documentsStored,
        base.totals.documentsExpected,
      ),
    };
    const seconds = Math.max((elapsed() - runStarted) / 1000, 0.001);
    const rate = counts.linesStored / seconds;
    deps.onProgress({
      phase,
      invoicesReceived: counts.received,
      lines: { done: totals.linesStored, total: totals.linesExpected },
      documents: { done: totals.documentsStored, total: totals.documentsExpected },
      linesPerSecond: Math.round(rate),
      etaSeconds:
        phase === 'lines' ? linesEta.estimate(elapsed(), totals.linesStored, totals.linesExpected) : null,
    });
  };

  const syncFeed = async () => {
    let since = (await store.readFeedCursor()) ?? undefined;
    // (id, revision) pairs delivered in this run: a page of nothing but these moved nothing.
    const seen = new Set<string>();
    let stalled = 0;
    for (;;) {
      checkCancelled();
      const page = await api.getInvoiceChanges({ since, limit: options.feedPageSize }, call());
      const fresh = page.items.filter((invoice) => !seen.has(`${invoice.id}@${invoice.revision}`));
      for (const invoice of page.items) seen.add(`${invoice.id}@${invoice.revision}`);
      if (page.next !== null && (page.next === since || (fresh.length === 0 && page.invalid.length === 0))) {
        stalled += 1;
        if (stalled >= options.maxStalledPages) {
          throw new SyncStalledError(
            'feed',
            page.next === since
              ? `next is again ${JSON.stringify(page.next)}`
              : `${stalled} pages in a row brought nothing new`,
          );
        }
      } else {
        stalled = 0;
      }
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

  /**
   * Invoices that failed without any answer from the server. Recorded against the invoice only once
   * another request got through: a run of them means the network is down, and the run stops instead.
   */
  let silent: Array<{ invoiceId: string; failure: FetchFailure }> = [];
  const recordFailures = async (failures: Array<{ invoiceId: string; failure: FetchFailure }>) => {
    for (const { invoiceId, failure } of failures) {
      await store.recordFailure(invoiceId, failure);
      counts.failedInvoices += 1;
    }
  };
  const flushSilent = async () => {
    const failures = silent;
    silent = [];
    await recordFailures(failures);
  };

  /**
   * Runs one invoice's task. A failure that concerns only this invoice (404, an exhausted retry, an
   * invalid or stalled page) is recorded on it, to be retried in a later run, and the run goes on.
   */
  const isolated =
    <T extends { invoiceId: string; failure: FetchFailure | null }>(
      what: FetchFailure['what'],
      task: (item: T) => Promise<void>,
    ) =>
    async (item: T): Promise<void> => {
      try {
        await task(item);
        await flushSilent();
      } catch (error) {
        checkCancelled();
        // Storage and programming errors concern the whole run; only the server's answers are per invoice.
        if (!(error instanceof ApiError || error instanceof SyncStalledError)) throw error;
        const code = error.code;
        if (RUN_FATAL.has(code)) throw error;
        const attempts = (item.failure?.attempts ?? 0) + 1;
        const at = deps.now();
        const failure: FetchFailure = {
          what,
          code,
          message: error.message,
          attempts,
          failedAt: at.toISOString(),
          retryAt: new Date(at.getTime() + failureBackoffMs(attempts)).toISOString(),
        };
        if (error instanceof NetworkError && error.status === undefined) {
          silent.push({ invoiceId: item.invoiceId, failure });
          if (silent.length >= options.maxSilentFailures) throw error;
          return;
        }
        await flushSilent();
        await recordFailures([{ invoiceId: item.invoiceId, failure }]);
      }
    };

  // Pages and PDFs that arrive while a commit runs go together into the next transaction.
  const stopped = () => {
    const reason: unknown = signal.reason;
    return signal.aborted ? { reason } : null;
  };
  const linesCommits = createCommitBatcher<LinesPageCommit>({
    commit: (pages) => store.commitLinesPages(pages),
    weight: (page) => page.lines.length + page.quarantined.length,
    maxWeight: MAX_LINES_PER_COMMIT,
    stopped,
  });
  const documentCommits = createCommitBatcher<DocumentCommit>({
    commit: (documents) => store.commitDocuments(documents),
    weight: (document) => document.bytes.byteLength,
    maxWeight: MAX_DOCUMENT_BYTES_PER_COMMIT,
    stopped,
  });

  /**
   * Commits not awaited by the request slot that handed them in: the slot fetches its next page or
   * PDF meanwhile. The batcher keeps their order and fails every later batch after a failed one, so
   * an invoice's blocks still land in order or not at all. Settled before the store is asked again.
   */
  const inFlight = new Set<Promise<void>>();
  let commitFailure: { error: unknown } | null = null;
  const throwCommitFailure = () => {
    if (commitFailure) throw commitFailure.error;
  };
  const handIn = async (commit: Promise<void>, after: () => Promise<void>) => {
    const tracked: Promise<void> = commit.then(after).then(
      () => {
        inFlight.delete(tracked);
      },
      (error: unknown) => {
        // Kept for whoever waits next: a slot that handed in and went on must not lose it.
        commitFailure ??= { error };
        inFlight.delete(tracked);
      },
    );
    inFlight.add(tracked);
    while (inFlight.size >= options.commitsInFlight) await Promise.race(inFlight);
    throwCommitFailure();
  };
  /** Waits for every commit handed in (their failures are kept, not thrown). */
  const commitsSettled = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  const syncLinesOf = async (pending: PendingLines) => {
    let cursor = pending.cursor ?? undefined;
    let blockNo = pending.nextBlockNo;
    let lastLineNo = pending.lastLineNo;
    let room = Math.max(pending.lineCount - pending.linesStored, 0);
    let stalled = 0;
    for (;;) {
      checkCancelled();
      let page;
      try {
        page = await api.getInvoiceLines(pending.invoiceId, { cursor, limit: options.linesPageSize }, call());
      } catch (error) {
        if (!isGone(error)) throw error;
        await store.markGone(pending.invoiceId, 'lines');
        return;
      }
      // Lines come in lineNo order: one at or below the last stored is a repeat, and never more
      // lines are kept than the header announces; the surplus is quarantined, not stored.
      const fresh = page.items.filter((line) => line.lineNo > lastLineNo);
      const kept = fresh.slice(0, room);
      const surplus: QuarantineEntry[] = fresh.slice(room).map((line) => ({
        kind: 'line',
        invoiceId: pending.invoiceId,
        index: page.items.indexOf(line),
        itemId: String(line.lineNo),
        issues: `lineNo ${line.lineNo}: more lines than the invoice's lineCount ${pending.lineCount}`,
      }));
      const quarantined = [...toQuarantine('line', pending.invoiceId, page.invalid), ...surplus];
      const advanced = page.next === null || page.next !== (cursor ?? null);
      if (page.next !== null && (!advanced || (kept.length === 0 && quarantined.length === 0))) {
        stalled += 1;
        if (stalled >= options.maxStalledPages) {
          throw new SyncStalledError(
            'lines',
            advanced ? `${stalled} pages in a row brought no new line` : `cursor is again ${page.next}`,
          );
        }
        if (!advanced) continue;
      } else {
        stalled = 0;
      }
      if (kept.length > 0 || quarantined.length > 0 || page.next === null) {
        const committed = linesCommits.commit({
          invoiceId: pending.invoiceId,
          blockNo,
          lines: kept,
          quarantined,
          nextCursor: page.next,
        });
        blockNo += kept.length > 0 ? 1 : 0;
        room -= kept.length;
        lastLineNo = kept.at(-1)?.lineNo ?? lastLineNo;
        await handIn(committed, async () => {
          counts.linesStored += kept.length;
          counts.quarantined += quarantined.length;
          await report();
        });
      }
      if (page.next === null) return;
      cursor = page.next;
    }
  };

  const syncDocument = async (pending: PendingDocument) => {
    checkCancelled();
    let document;
    try {
      document = await api.getInvoiceDocument(pending.invoiceId, call());
    } catch (error) {
      if (!isGone(error)) throw error;
      await store.markGone(pending.invoiceId, 'document');
      return;
    }
    const committed = documentCommits.commit({
      invoiceId: pending.invoiceId,
      bytes: document.bytes,
      sha256: document.sha256Hex,
      verified: documentMatchesInvoice(document, pending),
    });
    await handIn(committed, async () => {
      counts.documentsStored += 1;
      await report();
    });
  };

  /** Drains a queue the store computes, batch by batch, until nothing is left or nothing moves. */
  const drain = async <T>(next: () => Promise<T[]>, task: (item: T) => Promise<void>) => {
    for (;;) {
      checkCancelled();
      const batch = await next();
      if (batch.length === 0) return;
      try {
        await pool(batch, options.concurrency, run, task);
      } finally {
        // What the store reports next must include every page handed in, and a failed run must not
        // leave a commit running behind its end. (A task's own failure wins over a commit's.)
        await commitsSettled();
      }
      throwCommitFailure();
      // Fewer silent failures than make an outage: they were these invoices' own.
      await flushSilent();
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
      failedInvoices: counts.failedInvoices,
      phaseMs,
      ...(deps.steps ? { stepMs: deps.steps.snapshot() } : {}),
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
    const retryBefore = () => deps.now().toISOString();
    // Lines first, then the PDFs, each with every request slot: fetching PDFs alongside the lines
    // was measured slower for both (medium profile: lines phase 6.2 s against 4.4-4.8 s; demo: all
    // PDFs 6.3 s against 5.4 s), their commits contending for the invoices store.
    await drain(() => store.pendingLines(200, retryBefore()), isolated('lines', syncLinesOf));
    enter('documents');
    await drain(() => store.pendingDocuments(50, retryBefore()), isolated('document', syncDocument));
    // The operator sends no tombstones: what left its window follows from its calendar, read from
    // its own Date header. Without one, nothing is archived rather than trust the local clock.
    const operatorDate = api.operatorDate();
    if (operatorDate !== null) {
      await store.markArchived(firstServedIssueDate(operatorDate, options.retentionMonths));
    }
    if (deps.resources) {
      enter('resources');
      checkCancelled();
      await pullResources(api, deps.resources, signal);
    }
    enter('done');
    await report(true);
    return await finish('ok', null);
  } catch (error) {
    // Whatever still runs in the pool stops now, before the failure is reported.
    if (!signal.aborted) run.abort(error);
    if (error instanceof SyncCancelledError || deps.signal?.aborted) {
      return await finish('cancelled', { code: 'sync.cancelled', message: 'Cancelled' });
    }
    const code = error instanceof ApiError || error instanceof SyncStalledError ? error.code : 'sync.failed';
    await finish('failed', { code, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    deps.signal?.removeEventListener('abort', stopRun);
  }
};
