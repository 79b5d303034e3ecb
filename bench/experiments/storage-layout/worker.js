// Worker side: reads every stored line into a LineIndex and answers queries over it.
/* global self */

import { LAYOUTS, openExisting, readAll } from './layouts.js';
import { LineIndex } from './line-index.js';

const RESULT_ROWS = 100;
let index = null;

const round = (value) => Math.round(value * 10) / 10;

const load = async (layoutName, chunkRows) => {
  const layout = LAYOUTS[layoutName];
  const started = performance.now();
  const db = await openExisting();
  const opened = performance.now();
  index = new LineIndex();
  let chunkSize = chunkRows;
  let onChunk;
  if (layout.family === 'A') {
    onChunk = (records) => {
      // Records are sorted by [invoiceId, lineNo]: append runs of one invoice at a time.
      let start = 0;
      while (start < records.length) {
        const invoiceId = records[start].invoiceId;
        let end = start + 1;
        while (end < records.length && records[end].invoiceId === invoiceId) end += 1;
        index.appendRows(
          invoiceId,
          start === 0 && end === records.length ? records : records.slice(start, end),
        );
        start = end;
      }
    };
  } else {
    chunkSize = Math.max(1, Math.round(chunkRows / layout.blockSize));
    onChunk =
      layout.family === 'B'
        ? (blocks) => {
            for (const block of blocks) index.appendRows(block.invoiceId, block.rows);
          }
        : (blocks) => {
            for (const block of blocks) index.appendBlock(block);
          };
  }
  const buildMs = await readAll(db, layout.store, chunkSize, onChunk);
  const read = performance.now();
  index.seal();
  const sealed = performance.now();
  db.close();
  return {
    timings: {
      openMs: round(opened - started),
      readAndBuildMs: round(read - opened),
      buildInChunksMs: round(buildMs),
      sealMs: round(sealed - read),
      totalMs: round(sealed - started),
    },
    rows: index.length,
    indexBytes: index.bytes(),
  };
};

const runQuery = (query) => {
  switch (query.kind) {
    case 'equals':
      return index.equals(query.column, query.value, RESULT_ROWS);
    case 'dateRange':
      return index.dateRange(query.from, query.to, RESULT_ROWS);
    case 'search':
      return index.search(query.text, RESULT_ROWS);
    case 'totalsByService':
      return index.totalsByService();
    default:
      throw new Error(`unknown query ${query.kind}`);
  }
};

self.onmessage = async (event) => {
  const { id, type } = event.data;
  if (type === 'load') {
    const result = await load(event.data.layout, event.data.chunkRows);
    self.postMessage({ id, ...result });
  } else if (type === 'query') {
    const started = performance.now();
    const result = runQuery(event.data.query);
    const first = Int32Array.from(result.first);
    const rows = result.first.map((row) => index.row(row));
    const ms = performance.now() - started;
    self.postMessage({ id, count: result.count, net: result.net, vat: result.vat, first, rows, ms }, [
      first.buffer,
    ]);
  } else if (type === 'gc') {
    if (typeof self.gc === 'function') self.gc();
    self.postMessage({ id });
  }
};
