/**
 * Benchmark probes that run in the app's own origin (same IndexedDB as the app), called by
 * bench/run.ts through page.evaluate. Not part of the shipped app.
 */
import {
  costPerCenterFromLines,
  costPerCenterFromRollups,
  tableTotal,
  type LineForCost,
} from '../../shared/analytics/costPerCenter';
import { dayToMonth, isoToDay } from '../../shared/core/dates';
import type { LineFilter } from '../../shared/lines/lineIndex';
import { allocatedByCenterMonth, reallocateSince } from '../../renderer/db/allocation';
import { InvoiceDeskDatabase } from '../../renderer/db/database';
import type { Assignment, LineItem } from '../../shared/api/schemas';
import { encodeBlock } from '../../shared/lines/block';
import { inputOf, type AssignmentChange } from '../../shared/allocation/changes';
import { applyAssignmentChanges } from '../../renderer/db/assignmentEdits';
import { createLineIndexClient } from '../../renderer/workers/lineIndex/lineIndexClient';
import { loadRegistry } from '../../renderer/features/settings/profiles/profileBoot';
import { activeProfile, LEGACY_DATABASE_NAME } from '../../shared/profiles/profiles';
import { median } from '../stats';

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const round = (value: number) => Math.round(value * 100) / 100;

// The archive the app opened: the active profile's (renderer/features/settings/profiles/profileBoot.ts).
const db = new InvoiceDeskDatabase(
  activeProfile(loadRegistry(localStorage))?.databaseName ?? LEGACY_DATABASE_NAME,
);

/**
 * The simulator's lines as the API pages them (`chunk` lines a page), invoice by invoice, until
 * `maxRows` lines: what both ceilings below write.
 */
async function* simulatorPages(simUrl: string, maxRows: number, chunk: number) {
  const token = (await (
    await fetch(`${simUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo',
        client_secret: 'demo-secret',
      }),
    })
  ).json()) as { access_token: string };
  const get = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${simUrl}${path}`, { headers: { authorization: `Bearer ${token.access_token}` } })
    ).json() as Promise<T>;
  let rows = 0;
  let since: string | undefined;
  for (;;) {
    const feed = await get<{ items: Array<{ id: string }>; next: string | null }>(
      `/v1/invoices?limit=500${since ? `&since=${encodeURIComponent(since)}` : ''}`,
    );
    for (const invoice of feed.items) {
      let cursor: string | null = null;
      let blockNo = 0;
      do {
        const lines: { items: LineItem[]; next: string | null } = await get(
          `/v1/invoices/${encodeURIComponent(invoice.id)}/lines?limit=${chunk}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        yield { invoiceId: invoice.id, blockNo, lines: lines.items };
        blockNo += 1;
        rows += lines.items.length;
        cursor = lines.next;
        if (rows >= maxRows) return;
      } while (cursor);
    }
    if (!feed.next) return;
    since = feed.next;
  }
}

/** A scratch database with one object store, deleted by `close`. */
const scratchStore = async (name: string, store: string, keyPath: string[]) => {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`${name}-${Date.now()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const write = (put: (objects: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(store, 'readwrite');
      put(tx.objectStore(store));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
    });
  const close = () => {
    idb.close();
    indexedDB.deleteDatabase(idb.name);
  };
  return { write, close };
};

/** The per-row ceiling: the same lines, one record each, put in chunks of the API page size. */
const ceiling = async (simUrl: string, maxRows: number, chunk: number) => {
  const scratch = await scratchStore('bench-ceiling', 'lines', ['invoiceId', 'lineNo']);
  let rows = 0;
  let writeMs = 0;
  for await (const page of simulatorPages(simUrl, maxRows, chunk)) {
    const started = performance.now();
    await scratch.write((store) => {
      for (const line of page.lines) store.put({ ...line, invoiceId: page.invoiceId });
    });
    writeMs += performance.now() - started;
    rows += page.lines.length;
  }
  scratch.close();
  return { rows, writeMs: round(writeMs), rowsPerSecond: Math.round(rows / (writeMs / 1000)) };
};

/**
 * The columnar block-write ceiling: the same lines as the sync stores them (one columnar record per
 * API page, the app's own encoder), fetched first and untimed, then encoded and put with pages
 * batched into transactions of at most `maxLinesPerTransaction` lines (docs/STORAGE-LAYOUT.md, layout
 * C). Timed: encoding plus the transactions until committed. The sync's lines phase is compared with it.
 */
const columnarCeiling = async (simUrl: string, maxRows: number, maxLinesPerTransaction: number) => {
  const pages: Array<{ invoiceId: string; blockNo: number; lines: LineItem[] }> = [];
  for await (const page of simulatorPages(simUrl, maxRows, 5000)) pages.push(page);
  const rows = pages.reduce((sum, page) => sum + page.lines.length, 0);
  const scratch = await scratchStore('bench-columnar', 'lineBlocks', ['invoiceId', 'blockNo']);
  const started = performance.now();
  let batch: typeof pages = [];
  let lines = 0;
  const flush = async () => {
    const pending = batch;
    batch = [];
    lines = 0;
    await scratch.write((store) => {
      for (const page of pending) store.put(encodeBlock(page.invoiceId, page.blockNo, page.lines));
    });
  };
  for (const page of pages) {
    if (batch.length > 0 && lines + page.lines.length > maxLinesPerTransaction) await flush();
    batch.push(page);
    lines += page.lines.length;
  }
  if (batch.length > 0) await flush();
  const writeMs = performance.now() - started;
  scratch.close();
  return { rows, writeMs: round(writeMs), rowsPerSecond: Math.round(rows / (writeMs / 1000)) };
};

/** Every stored line, decoded straight from the blocks: the naive path. */
const scanLines = async (visit: (line: LineForCost & { customerReference: string | null }) => void) => {
  await db.lineBlocks.each((block) => {
    for (let i = 0; i < block.count; i += 1) {
      const day = block.serviceDay[i] ?? 0;
      visit({
        serviceCode: block.dict[block.serviceCode[i] ?? 0] ?? '',
        frankingLicence: block.dict[block.frankingLicence[i] ?? 0] ?? '',
        invoiceReference: block.dict[block.invoiceReference[i] ?? 0] ?? '',
        serviceDay: day,
        month: dayToMonth(day),
        netCentimes: block.netCentimes[i] ?? 0,
        customerReference: block.customerReference[i] ?? null,
      });
    }
  });
};

const naiveQuery = async (filter: LineFilter) => {
  const from = filter.from ? isoToDay(filter.from) : -Infinity;
  const to = filter.to ? isoToDay(filter.to) : Infinity;
  const text = filter.text?.toLowerCase();
  let count = 0;
  let net = 0;
  await scanLines((line) => {
    if (filter.services && !filter.services.includes(line.serviceCode)) return;
    if (filter.licences && !filter.licences.includes(line.frankingLicence)) return;
    if (line.serviceDay < from || line.serviceDay > to) return;
    if (text && !(line.customerReference ?? '').toLowerCase().includes(text)) return;
    count += 1;
    net += line.netCentimes;
  });
  return { count, net };
};

const queries = async (runs: number, naiveRuns: number) => {
  const client = createLineIndexClient(
    new Worker(new URL('../../renderer/workers/lineIndex/lineIndexWorker.ts', import.meta.url), {
      type: 'module',
    }),
    db.name,
  );
  const loadStarted = performance.now();
  const facts = await client.refresh();
  const indexLoadMs = performance.now() - loadStarted;
  const counts = new Map<string, number>();
  for (const record of await db.rollupMonths.toArray()) {
    for (const row of record.rows)
      counts.set(row.serviceCode, (counts.get(row.serviceCode) ?? 0) + row.lines);
  }
  const topService = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const latest = (await db.rollupMonths.toCollection().last())?.month ?? '2026-01';
  const threeMonthsBack = new Date(`${latest}-01T00:00:00Z`);
  threeMonthsBack.setUTCMonth(threeMonthsBack.getUTCMonth() - 2);
  const filters: Record<string, LineFilter> = {
    service: { services: [topService] },
    licence: { licences: [facts.licences[0] ?? ''] },
    monthRange: { from: threeMonthsBack.toISOString().slice(0, 10), to: `${latest}-28` },
    text: { text: 'web-1' },
  };
  const results: Record<
    string,
    {
      filter: LineFilter;
      matches: number;
      sameAsNaive: boolean;
      p50: number;
      p95: number;
      workerP95: number;
      naiveMedian: number;
      speedup: number;
    }
  > = {};
  for (const [name, filter] of Object.entries(filters)) {
    const roundTrips: number[] = [];
    const inWorker: number[] = [];
    let answer = { count: 0, net: 0 };
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const result = await client.query({ filter });
      await client.rows(result.resultId, 0, 50);
      roundTrips.push(performance.now() - started);
      inWorker.push(result.elapsedMs);
      answer = { count: result.totals.count, net: result.totals.netCentimes };
    }
    const naive: number[] = [];
    let naiveAnswer = { count: 0, net: 0 };
    for (let run = 0; run < naiveRuns; run += 1) {
      const started = performance.now();
      naiveAnswer = await naiveQuery(filter);
      naive.push(performance.now() - started);
    }
    results[name] = {
      filter,
      matches: answer.count,
      sameAsNaive: answer.count === naiveAnswer.count && answer.net === naiveAnswer.net,
      p50: round(percentile(roundTrips, 50)),
      p95: round(percentile(roundTrips, 95)),
      workerP95: round(percentile(inWorker, 95)),
      naiveMedian: round(median(naive)),
      speedup: round(median(naive) / Math.max(percentile(roundTrips, 50), 0.01)),
    };
  }
  client.dispose();
  return { lines: facts.size, indexLoadMs: round(indexLoadMs), queries: results };
};

/**
 * Cost per centre per month. Views keep the rollups in memory (read once, kept live), so the
 * aggregation is timed on them; the one-off read from IndexedDB is reported beside it.
 */
const analytics = async (runs: number, naiveRuns: number) => {
  const assignments = await db.assignments.toArray();
  const readStarted = performance.now();
  const rollups = (await db.rollupMonths.toArray()).flatMap((record) => record.rows);
  const readMs = performance.now() - readStarted;
  const fromRollups: number[] = [];
  let rollupTotal = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    rollupTotal = tableTotal(costPerCenterFromRollups(rollups, assignments));
    fromRollups.push(performance.now() - started);
  }
  const fromLines: number[] = [];
  let lineTotal = 0;
  for (let run = 0; run < naiveRuns; run += 1) {
    const started = performance.now();
    const lines: LineForCost[] = [];
    await scanLines((line) => lines.push(line));
    lineTotal = tableTotal(costPerCenterFromLines(lines, assignments));
    fromLines.push(performance.now() - started);
  }
  return {
    rollupRows: rollups.length,
    assignments: assignments.length,
    rollupReadMs: round(readMs),
    fromRollupsMs: round(median(fromRollups)),
    fromLinesMs: round(median(fromLines)),
    speedup: round(median(fromLines) / Math.max(median(fromRollups), 0.01)),
    totalsReconcile: rollupTotal === lineTotal,
  };
};

/**
 * Re-allocation in the app's own archive: the invoice reference carrying the fewest lines of those
 * with at least `wanted` gets a new assignment (alternately a 70/30 split valid from mid-month and a
 * single centre) through the board's writer, timed until the cost table shows the new figures.
 * Then the cost table per centre and month over the last 18 months, from the allocated rollups.
 * Leaves the archive as it found it (the key's assignment restored).
 */
const allocation = async (runs: number, wanted: number) => {
  const counts = new Map<string, number>();
  await db.lineBlocks.each((block) => {
    for (let i = 0; i < block.count; i += 1) {
      const key = block.dict[block.invoiceReference[i] ?? 0] ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const sorted = [...counts].sort((a, b) => a[1] - b[1]);
  const [key, keyLines] = sorted.find(([, count]) => count >= wanted) ?? sorted.at(-1) ?? ['', 0];
  const original = (await db.assignments.toArray()).filter(
    (assignment) => assignment.kind === 'invoiceReference' && assignment.key === key,
  );
  const base = {
    kind: 'invoiceReference' as const,
    key,
    etag: '"bench"',
    updatedAt: new Date().toISOString(),
  };
  const variants: Assignment[] = [
    {
      ...base,
      id: 'bench-allocation',
      splits: [
        { costCenterCode: '3300', percent: 70 },
        { costCenterCode: '2100', percent: 30 },
      ],
      validFrom: '2026-03-15',
      validTo: null,
    },
    {
      ...base,
      id: 'bench-allocation',
      splits: [{ costCenterCode: '4100', percent: 100 }],
      validFrom: null,
      validTo: null,
    },
  ];
  const change = (write: () => Promise<unknown>) =>
    db.transaction('rw', [db.assignments, db.lineBlocks, db.allocatedRollups], async () => {
      const previous = await db.assignments.toArray();
      await write();
      return reallocateSince(db, previous);
    });
  const toMonth = new Date().toISOString().slice(0, 7);
  const [year = 0, month = 1] = toMonth.split('-').map(Number);
  const fromMonth = new Date(Date.UTC(year, month - 1 - 17, 1)).toISOString().slice(0, 7);
  const reallocationMs: number[] = [];
  let blocksRead = 0;
  for (let run = 0; run < runs; run += 1) {
    const variant = variants[run % 2];
    if (!variant) break;
    const changes: AssignmentChange[] = [
      ...(run === 0 ? original.map((assignment) => ({ op: 'delete' as const, id: assignment.id })) : []),
      { op: 'put', id: variant.id, input: inputOf(variant) },
    ];
    // The board's own write (checks, outbox, re-allocation in one transaction), then the read the
    // board and the analytics make to show the new figures.
    const started = performance.now();
    const done = await applyAssignmentChanges(db, changes);
    await allocatedByCenterMonth(db, fromMonth, toMonth);
    reallocationMs.push(performance.now() - started);
    blocksRead = done.reallocation.blocks;
  }
  await change(async () => {
    await db.assignments.delete('bench-allocation');
    await db.assignments.bulkPut(original);
  });
  // The bench's edits are not the clerk's: nothing of them is left to push.
  await db.outbox.filter((row) => row.entity === 'assignment').delete();
  const tableMs: number[] = [];
  let rows = 0;
  for (let run = 0; run < Math.max(runs, 5); run += 1) {
    const started = performance.now();
    rows = (await allocatedByCenterMonth(db, fromMonth, toMonth)).rows.length;
    tableMs.push(performance.now() - started);
  }
  return {
    keyLines,
    blocksRead,
    reallocationMs: round(median(reallocationMs)),
    reallocationRunsMs: reallocationMs.map(round),
    costTableMs: round(median(tableMs)),
    costTableRunsMs: tableMs.map(round),
    costTableRows: rows,
  };
};

declare global {
  interface Window {
    invoiceDeskBench: {
      ceiling: typeof ceiling;
      columnarCeiling: typeof columnarCeiling;
      queries: typeof queries;
      analytics: typeof analytics;
      allocation: typeof allocation;
    };
  }
}

window.invoiceDeskBench = { ceiling, columnarCeiling, queries, analytics, allocation };
document.getElementById('status')?.replaceChildren('ready');
