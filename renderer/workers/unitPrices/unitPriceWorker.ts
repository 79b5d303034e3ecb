/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { createUnitPriceTally } from '../../../shared/analytics/unitPrices';
import { InvoiceDeskDatabase } from '../../db/database';
import { createLineSource } from '../../db/lineSource';
import type { SkippedRow } from '../../db/rowChecks';
import { createRpc } from '../rpc';
import type { UnitPricePageSide, UnitPriceWorkerSide } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Counts every stored line's unit price per service and month, off the page's thread. Started for
 * one count and ended after it: it holds no lines, only the tally, so keeping it alive buys nothing.
 */
const LOAD_BATCH = 64;

createRpc<UnitPriceWorkerSide, UnitPricePageSide>(self, {
  count: async ({ databaseName }, { signal }) => {
    const started = performance.now();
    const source = createLineSource(new InvoiceDeskDatabase(databaseName));
    try {
      const keys = await source.loadBlockKeys();
      const tally = createUnitPriceTally();
      const skippedBlocks: SkippedRow[] = [];
      let lines = 0;
      for (let start = 0; start < keys.length; start += LOAD_BATCH) {
        signal.throwIfAborted();
        const checked = await source.loadBlocks(keys.slice(start, start + LOAD_BATCH));
        skippedBlocks.push(...checked.skipped);
        for (const block of checked.rows) {
          tally.add(block);
          lines += block.count;
        }
      }
      return { counts: tally.result(), lines, skippedBlocks, elapsedMs: performance.now() - started };
    } finally {
      source.close();
    }
  },
});
