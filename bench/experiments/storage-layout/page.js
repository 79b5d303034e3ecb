// Main-thread side of the experiment. ?mode=write stores the dataset in one layout; ?mode=read is
// the cold start that follows in a new browser process: first rows for display, then the full load
// into a worker's in-memory index, memory, and query latencies. The result is in window.benchDone.
/* global window, document, Worker */

import Dexie from 'dexie';
import { decodeColumnarRows, encodeColumnarBlock } from './codec.js';
import { createDataset } from './data.js';
import {
  DB_NAME,
  LAYOUTS,
  blocksOf,
  openExisting,
  openRaw,
  requestResult,
  transactionDone,
} from './layouts.js';

const FIRST_ROWS = 100;
const QUERY_RUNS = 20;
/** Lines per write transaction: API pages (<= 5000 lines of one invoice) are batched up to this. */
const TRANSACTION_ROWS = 5000;

const params = new URLSearchParams(window.location.search);
const layoutName = params.get('layout');
const layout = LAYOUTS[layoutName];
const totalRows = Number(params.get('rows'));
const seed = Number(params.get('seed') ?? 1);
const readChunkRows = Number(params.get('chunk') ?? 10000);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const openDexie = () => {
  const db = new Dexie(DB_NAME);
  db.version(1).stores({ [layout.store]: layout.schema });
  return db.open();
};

/**
 * Returns writeBatch(pages) for the layout: one transaction for a batch of API pages (of one or more
 * invoices, <= TRANSACTION_ROWS lines in all), resolving once the transaction committed.
 */
const createWriter = async () => {
  if (layout.engine === 'raw') {
    const db = await openRaw(layout);
    return async (pages) => {
      const transaction = db.transaction(layout.store, 'readwrite');
      const store = transaction.objectStore(layout.store);
      for (const { invoiceId, rows } of pages) {
        for (const row of rows) {
          row.invoiceId = invoiceId;
          store.put(row);
        }
      }
      await transactionDone(transaction);
    };
  }
  const db = await openDexie();
  const table = db.table(layout.store);
  const put = (records) => db.transaction('rw', table, () => table.bulkPut(records));
  const toRecords = {
    A: (invoiceId, rows, records) => {
      for (const row of rows) {
        row.invoiceId = invoiceId;
        records.push(row);
      }
    },
    B: (invoiceId, rows, records) => {
      for (const block of blocksOf(rows, layout.blockSize)) {
        records.push({ invoiceId, firstLineNo: block[0].lineNo, n: block.length, rows: block });
      }
    },
    C: (invoiceId, rows, records) => {
      for (const block of blocksOf(rows, layout.blockSize))
        records.push(encodeColumnarBlock(invoiceId, block));
    },
  }[layout.family];
  return (pages) => {
    const records = [];
    for (const { invoiceId, rows } of pages) toRecords(invoiceId, rows, records);
    return put(records);
  };
};

/** API pages grouped into write batches of at most TRANSACTION_ROWS lines. */
function* batches(pages) {
  let batch = [];
  let size = 0;
  for (const page of pages) {
    if (size + page.rows.length > TRANSACTION_ROWS && batch.length > 0) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(page);
    size += page.rows.length;
  }
  if (batch.length > 0) yield batch;
}

const runWrite = async () => {
  const dataset = createDataset(totalRows, seed);
  const writeBatch = await createWriter();
  let writeMs = 0;
  let generateMs = 0;
  let transactions = 0;
  let rows = 0;
  const started = performance.now();
  let mark = started;
  for (const batch of batches(dataset.pages())) {
    const generated = performance.now();
    generateMs += generated - mark;
    await writeBatch(batch);
    mark = performance.now();
    writeMs += mark - generated;
    transactions += 1;
    for (const page of batch) rows += page.rows.length;
  }
  const wallMs = performance.now() - started;
  const estimate = await navigator.storage.estimate();
  return {
    rows,
    transactions,
    writeMs: round(writeMs),
    generateMs: round(generateMs),
    wallMs: round(wallMs),
    rowsPerSecond: Math.round(rows / (writeMs / 1000)),
    estimateUsage: estimate.usage,
    estimateIdb: estimate.usageDetails?.indexedDB ?? null,
  };
};

/** Reopens the database and counts its records, then idles so LevelDB can settle its files. */
const runSettle = async () => {
  const db = await openExisting();
  const transaction = db.transaction(layout.store, 'readonly');
  const records = await requestResult(transaction.objectStore(layout.store).count());
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const estimate = await navigator.storage.estimate();
  return { records, estimateUsage: estimate.usage };
};

/** Display rows of the newest invoice of the largest invoice reference. */
const firstRows = async (dataset) => {
  const invoice = dataset.invoices[dataset.invoices.length - dataset.references.length];
  const started = performance.now();
  const db = new Dexie(DB_NAME);
  await db.open();
  const opened = performance.now();
  const table = db.table(layout.store);
  const range = table.where(':id').between([invoice.id, 0], [invoice.id, Infinity]);
  let rows;
  if (layout.family === 'A') {
    rows = (await range.limit(FIRST_ROWS).toArray()).map((record) => {
      const row = { ...record };
      delete row.invoiceId;
      return row;
    });
  } else {
    const block = await range.first();
    rows = layout.family === 'B' ? block.rows.slice(0, FIRST_ROWS) : decodeColumnarRows(block, 0, FIRST_ROWS);
  }
  const done = performance.now();
  const expected = dataset.firstLines(invoice, FIRST_ROWS);
  const same = JSON.stringify(rows) === JSON.stringify(expected);
  return {
    sinceNavigationMs: round(done),
    openMs: round(opened - started),
    queryMs: round(done - opened),
    rows: rows.length,
    matchesSource: same,
    db,
  };
};

const queryPlan = (dataset) => {
  const services = dataset.services.map((service) => service.code);
  const licences = dataset.references.flatMap((reference) => reference.licences);
  const months = [];
  for (let m = 0; m < 24; m += 1) {
    const date = new Date(Date.UTC(2024, 3 + m, 1));
    months.push(date.toISOString().slice(0, 10));
  }
  const searches = [
    'müller',
    'PO-1',
    'sendung 42',
    'auftrag 31',
    '/ab',
    'order-7',
    'kst 12',
    'ZÜRCHER',
    'dossier',
  ];
  searches.push('rossi 0', '314', '2718', '99999', '12345', '000', '-55', 'x/q', 'favre 9', '5/z', 'meier 7');
  const plan = {
    service: (i) => ({ kind: 'equals', column: 'serviceCode', value: services[(i * 7) % services.length] }),
    licence: (i) => ({
      kind: 'equals',
      column: 'frankingLicence',
      value: licences[(i * 13) % licences.length],
    }),
    monthRange: (i) => ({ kind: 'dateRange', from: months[i % 21], to: months[(i % 21) + 3] }),
    search: (i) => ({ kind: 'search', text: searches[i % searches.length] }),
    totalsByService: () => ({ kind: 'totalsByService' }),
  };
  return plan;
};

const createWorkerClient = () => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  let nextId = 0;
  const pending = new Map();
  worker.onmessage = (event) => {
    const { id } = event.data;
    pending.get(id)(event.data);
    pending.delete(id);
  };
  const call = (message) =>
    new Promise((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      worker.postMessage({ ...message, id: nextId });
    });
  return { call, terminate: () => worker.terminate() };
};

const measureMemory = async (client) => {
  await client.call({ type: 'gc' });
  if (typeof window.gc === 'function') window.gc();
  const bytesBy = { Window: 0, DedicatedWorkerGlobalScope: 0 };
  let total = null;
  if (typeof performance.measureUserAgentSpecificMemory === 'function' && window.crossOriginIsolated) {
    const result = await performance.measureUserAgentSpecificMemory();
    total = result.bytes;
    for (const entry of result.breakdown) {
      for (const attribution of entry.attribution) {
        if (attribution.scope in bytesBy) bytesBy[attribution.scope] += entry.bytes;
      }
    }
  }
  return {
    mainUsedJSHeap: performance.memory?.usedJSHeapSize ?? null,
    mainJs: bytesBy.Window,
    workerJs: bytesBy.DedicatedWorkerGlobalScope,
    totalMeasured: total,
  };
};

const runRead = async () => {
  const dataset = createDataset(totalRows, seed);
  const first = await firstRows(dataset);
  const { db, ...firstResult } = first;

  const client = createWorkerClient();
  const loadStarted = performance.now();
  const loaded = await client.call({ type: 'load', layout: layoutName, chunkRows: readChunkRows });
  const loadMs = performance.now() - loadStarted;
  const memory = await measureMemory(client);

  const plan = queryPlan(dataset);
  const queries = {};
  for (const [name, makeQuery] of Object.entries(plan)) {
    const workerMs = [];
    const roundTripMs = [];
    let firstResultSummary = null;
    let coldRoundTripMs = 0;
    for (let i = -1; i < QUERY_RUNS; i += 1) {
      const started = performance.now();
      const reply = await client.call({ type: 'query', query: makeQuery(Math.max(i, 0)) });
      const elapsed = performance.now() - started;
      if (i < 0) {
        coldRoundTripMs = elapsed;
        firstResultSummary = { count: reply.count, net: reply.net, vat: reply.vat, shown: reply.rows.length };
      } else {
        workerMs.push(reply.ms);
        roundTripMs.push(elapsed);
      }
    }
    queries[name] = {
      coldRoundTripMs: round(coldRoundTripMs, 2),
      workerP50: round(median(workerMs), 2),
      workerP95: round(percentile(workerMs, 95), 2),
      roundTripP50: round(median(roundTripMs), 2),
      roundTripP95: round(percentile(roundTripMs, 95), 2),
      check: firstResultSummary,
    };
  }
  client.terminate();
  db.close();
  return {
    firstRows: firstResult,
    load: {
      ...loaded.timings,
      mainObservedMs: round(loadMs),
      rows: loaded.rows,
      indexBytes: loaded.indexBytes,
    },
    memory,
    queries,
  };
};

const mode = params.get('mode');
const run = { write: runWrite, settle: runSettle, read: runRead }[mode];
window.benchDone = run().catch((error) => ({
  error: String(error?.stack ?? error),
}));
document.title = `${mode} ${layoutName}`;
