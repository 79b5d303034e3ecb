// The storage layouts under test: how a page of API lines becomes IndexedDB records.
//
// A  one record per line, key [invoiceId, lineNo] (Dexie with 5 indexes or key only; raw IDB put loop)
// B  one record per block of consecutive lines of one invoice, rows as an array of objects
// C  one record per block, columnar (see codec.js)
// Blocks are keyed [invoiceId, firstLineNo] and aligned to lineNo, so API pages (5000 lines) map to
// whole blocks and an invoice revision replaces exactly its own blocks.
/* global indexedDB, IDBKeyRange */

export const DB_NAME = 'invoice-desk-bench';

const LINE_INDEXES = ['serviceDate', 'serviceCode', 'frankingLicence', 'invoiceReference'];

export const LAYOUTS = {
  'A-dexie-5idx': {
    family: 'A',
    engine: 'dexie',
    store: 'lines',
    schema: `[invoiceId+lineNo],${LINE_INDEXES.join(',')}`,
    read: true,
    label: 'A row/record, Dexie bulkPut, 5 indexes',
  },
  'A-dexie-key': {
    family: 'A',
    engine: 'dexie',
    store: 'lines',
    schema: '[invoiceId+lineNo]',
    label: 'A row/record, Dexie bulkPut, key only',
  },
  'A-raw-5idx': {
    family: 'A',
    engine: 'raw',
    store: 'lines',
    indexes: LINE_INDEXES,
    label: 'A row/record, raw IDB put loop, 5 indexes',
  },
  'A-raw-key': {
    family: 'A',
    engine: 'raw',
    store: 'lines',
    indexes: [],
    label: 'A row/record, raw IDB put loop, key only (ceiling)',
  },
  'B-rows-1000': {
    family: 'B',
    engine: 'dexie',
    store: 'blocks',
    schema: '[invoiceId+firstLineNo]',
    blockSize: 1000,
    read: true,
    label: 'B block of 1000 row objects',
  },
  'B-rows-5000': {
    family: 'B',
    engine: 'dexie',
    store: 'blocks',
    schema: '[invoiceId+firstLineNo]',
    blockSize: 5000,
    read: true,
    label: 'B block of 5000 row objects',
  },
  'C-cols-1000': {
    family: 'C',
    engine: 'dexie',
    store: 'blocks',
    schema: '[invoiceId+firstLineNo]',
    blockSize: 1000,
    read: true,
    label: 'C columnar block of 1000',
  },
  'C-cols-5000': {
    family: 'C',
    engine: 'dexie',
    store: 'blocks',
    schema: '[invoiceId+firstLineNo]',
    blockSize: 5000,
    read: true,
    label: 'C columnar block of 5000',
  },
};

/** Splits one API page of an invoice into lineNo-aligned blocks. */
export function* blocksOf(rows, blockSize) {
  let start = 0;
  while (start < rows.length) {
    const firstLineNo = rows[start].lineNo;
    const blockEnd = Math.ceil(firstLineNo / blockSize) * blockSize; // last lineNo of its block
    const end = Math.min(rows.length, start + (blockEnd - firstLineNo) + 1);
    yield rows.slice(start, end);
    start = end;
  }
}

export const requestResult = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export const transactionDone = (transaction) =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });

/** Opens (creating if needed) the raw IndexedDB database of a layout. */
export const openRaw = (layout) => {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(layout.store, { keyPath: ['invoiceId', 'lineNo'] });
    for (const name of layout.indexes) store.createIndex(name, name);
  };
  return requestResult(request);
};

/** Opens an existing database without declaring a version (works for Dexie and raw ones). */
export const openExisting = () => requestResult(indexedDB.open(DB_NAME));

/**
 * Reads a whole object store in key order with getAll(range, count), prefetching the next chunk
 * before handing the current one to `onChunk`. Resolves with the milliseconds spent in onChunk.
 */
export const readAll = (db, storeName, chunkSize, onChunk) =>
  new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, 'readonly');
    const store = transaction.objectStore(storeName);
    const keyPath = store.keyPath;
    let busy = 0;
    const fetchFrom = (range) => {
      const request = store.getAll(range, chunkSize);
      request.onsuccess = () => {
        const values = request.result;
        if (values.length === chunkSize) {
          const lastValue = values[values.length - 1];
          fetchFrom(IDBKeyRange.lowerBound([lastValue[keyPath[0]], lastValue[keyPath[1]]], true));
        }
        const started = performance.now();
        onChunk(values);
        busy += performance.now() - started;
      };
    };
    fetchFrom(null);
    transaction.oncomplete = () => resolve(busy);
    transaction.onerror = () => reject(transaction.error);
  });
