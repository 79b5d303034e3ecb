/**
 * Re-allocation and the cost table from the allocated rollups, over the bench's data set: the
 * simulator's large profile (1.3 million lines), generated in this process from the same seed and
 * stored block by block through the sync's own commit (`createDexieSyncStore`), in IndexedDB as
 * fake-indexeddb implements it in Node: the figures are Node's V8 over an in-memory IndexedDB, not
 * Chromium's on-disk one. `npm run bench -- --only allocation` runs just this;
 * `npx tsx bench/allocation.ts [--quick] [--runs N]` prints it.
 *
 * 1. "Re-allocation after changing the assignment of a key that carries 100,000 lines": the key is
 *    the invoice reference whose line count is nearest above 100,000; its assignment is changed
 *    (alternately to a 70/30 split valid from mid-month and back), written and re-allocated in one
 *    transaction, the same as an assignment arriving from the operator.
 * 2. "Cost per cost centre per month over 18 months from the allocated rollups".
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Assignment, Invoice } from '../shared/api/schemas';
import { allocateLine, UNASSIGNED } from '../shared/allocation';
import { subtractMonths } from '../shared/core/dates';
import { decodeBlock } from '../shared/lines/block';
import { allocatedByCenterMonth, reallocateSince } from '../renderer/db/allocation';
import { InvoiceDeskDatabase } from '../renderer/db/database';
import type { StoredInvoice } from '../renderer/db/records';
import { createDexieSyncStore } from '../renderer/db/syncStore';
import { buildCustomerModel } from '../simulator/data/customer';
import { createInvoiceRepository } from '../simulator/data/invoiceRepository';
import { createLedger } from '../simulator/data/ledger';
import type { ProfileName } from '../simulator/data/profiles';
import { seedResources } from '../simulator/store/seedResources';
import { median } from './stats';

export const REALLOCATION_TARGET_MS = 500;
export const COST_TABLE_TARGET_MS = 50;
const PAGE = 5_000;
// The simulator's test day: the same archive on every run.
const NOW = Date.parse('2026-11-22T12:00:00Z');

export interface AllocationBenchResult {
  status: string;
  store: 'fake-indexeddb (Node)';
  profile: ProfileName;
  lines: number;
  blocks: number;
  key: { kind: 'invoiceReference'; lines: number; blocksRead: number };
  reallocation: { medianMs: number; runsMs: number[]; targetMs: number };
  costTable18Months: { medianMs: number; runsMs: number[]; rows: number; targetMs: number };
  /** The allocated rollups equal allocateLine over every line after the runs (checked for the key's lines). */
  exact: boolean;
}

const stored = (invoice: Invoice): StoredInvoice => ({
  ...invoice,
  archived: 0,
  linesState: 'pending',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'pending',
  receivedAt: new Date(NOW).toISOString(),
});

/** The archive as the sync leaves it: every in-window invoice's lines, through the sync's commit. */
export const buildArchive = async (profile: ProfileName) => {
  const model = buildCustomerModel(1, profile);
  const repository = createInvoiceRepository(model, createLedger(1, model), `${profile}:1`);
  const resources = seedResources(model, new Date(NOW).toISOString());
  const db = new InvoiceDeskDatabase('bench-allocation', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.assignments.bulkPut(resources.assignments);
  await db.costCenters.bulkPut(resources.costCenters);
  const store = createDexieSyncStore(db, () => new Date(NOW));
  let lines = 0;
  let blocks = 0;
  for (const state of repository.ledger.feedOrder(NOW)) {
    const header = repository.header(state);
    await db.invoices.put(stored(header));
    for (let offset = 0, blockNo = 0; offset < state.meta.lineCount; offset += PAGE, blockNo += 1) {
      const page = repository.lines(state.meta, offset, PAGE);
      await store.commitLinesPages([
        {
          invoiceId: header.id,
          blockNo,
          lines: page,
          quarantined: [],
          nextCursor: offset + PAGE < state.meta.lineCount ? String(offset + PAGE) : null,
        },
      ]);
      lines += page.length;
      blocks += 1;
    }
  }
  return { db, lines, blocks };
};

/** The invoice reference carrying the fewest lines of those with at least `wanted` (else the most). */
export const keyNear = async (db: InvoiceDeskDatabase, wanted: number) => {
  const counts = new Map<string, number>();
  await db.lineBlocks.each((block) => {
    for (let i = 0; i < block.count; i += 1) {
      const key = block.dict[block.invoiceReference[i] ?? 0] ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const sorted = [...counts].sort((a, b) => a[1] - b[1]);
  return sorted.find(([, count]) => count >= wanted) ?? sorted.at(-1) ?? ['', 0];
};

export const measureAllocation = async (quick: boolean, runs: number): Promise<AllocationBenchResult> => {
  const profile: ProfileName = quick ? 'medium' : 'large';
  const { db, lines, blocks } = await buildArchive(profile);
  const [key, keyLines] = await keyNear(db, quick ? 10_000 : 100_000);
  const existing = (await db.assignments.toArray()).find(
    (assignment) => assignment.kind === 'invoiceReference' && assignment.key === key,
  );
  const variants: Assignment[] = [
    {
      id: existing?.id ?? 'bench-key',
      kind: 'invoiceReference',
      key,
      splits: [
        { costCenterCode: '3300', percent: 70 },
        { costCenterCode: '2100', percent: 30 },
      ],
      validFrom: '2026-03-15',
      validTo: null,
      etag: '"b1"',
      updatedAt: new Date(NOW).toISOString(),
    },
    {
      id: existing?.id ?? 'bench-key',
      kind: 'invoiceReference',
      key,
      splits: [{ costCenterCode: '4100', percent: 100 }],
      validFrom: null,
      validTo: null,
      etag: '"b2"',
      updatedAt: new Date(NOW).toISOString(),
    },
  ];

  const change = (assignment: Assignment) =>
    db.transaction('rw', [db.assignments, db.lineBlocks, db.allocatedRollups], async () => {
      const previous = await db.assignments.toArray();
      await db.assignments.put(assignment);
      return reallocateSince(db, previous);
    });
  // One unmeasured change warms the JIT and the store, as the second change of a session would be.
  const [first, second] = variants;
  if (!first || !second) throw new Error('two variants');
  await change(second);
  const reallocationMs: number[] = [];
  let blocksRead = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const done = await change(run % 2 === 0 ? first : second);
    reallocationMs.push(Math.round(performance.now() - started));
    blocksRead = done.blocks;
  }

  const toMonth = new Date(NOW).toISOString().slice(0, 7);
  const fromMonth = subtractMonths(`${toMonth}-01`, 17).slice(0, 7);
  await allocatedByCenterMonth(db, fromMonth, toMonth);
  const tableMs: number[] = [];
  let tableRows = 0;
  for (let run = 0; run < Math.max(runs, 5); run += 1) {
    const started = performance.now();
    const { rows } = await allocatedByCenterMonth(db, fromMonth, toMonth);
    tableMs.push(Math.round((performance.now() - started) * 10) / 10);
    tableRows = rows.length;
  }

  // Exactness where it was changed: the key's lines, allocated one by one, against the stored rows.
  const assignments = await db.assignments.toArray();
  const expected = new Map<string, number>();
  const storedNet = new Map<string, number>();
  await db.lineBlocks.each((block) => {
    if (!block.dict.includes(key)) return;
    for (const item of decodeBlock(block)) {
      if (item.invoiceReference !== key) continue;
      for (const part of allocateLine(item, assignments)) {
        const id = `${item.serviceDate.slice(0, 7)}|${part.costCenterCode ?? UNASSIGNED}`;
        expected.set(id, (expected.get(id) ?? 0) + part.netCentimes);
      }
    }
  });
  // Every line of the data set, allocated one by one: the figure the stored rows must equal.
  const everything = new Map<string, number>();
  await db.lineBlocks.each((block) => {
    for (const item of decodeBlock(block)) {
      for (const part of allocateLine(item, assignments)) {
        const id = `${item.serviceDate.slice(0, 7)}|${part.costCenterCode ?? UNASSIGNED}`;
        everything.set(id, (everything.get(id) ?? 0) + part.netCentimes);
      }
    }
  });
  for (const row of (await allocatedByCenterMonth(db, '0000-00', '9999-99')).rows) {
    storedNet.set(`${row.month}|${row.costCenter}`, row.netCentimes);
  }
  const exact =
    expected.size > 0 &&
    everything.size === storedNet.size &&
    [...everything].every(([id, net]) => storedNet.get(id) === net);
  db.close();

  const reallocationMedian = median(reallocationMs);
  const tableMedian = median(tableMs);
  return {
    status: `re-allocation ${reallocationMedian} ms (${keyLines.toLocaleString('en-US')} lines of one reference, ${blocksRead} blocks read), cost table over 18 months ${tableMedian} ms (${tableRows} rows); medians of ${reallocationMs.length} and ${tableMs.length} runs, fake-indexeddb in Node`,
    store: 'fake-indexeddb (Node)',
    profile,
    lines,
    blocks,
    key: { kind: 'invoiceReference', lines: keyLines, blocksRead },
    reallocation: { medianMs: reallocationMedian, runsMs: reallocationMs, targetMs: REALLOCATION_TARGET_MS },
    costTable18Months: {
      medianMs: tableMedian,
      runsMs: tableMs,
      rows: tableRows,
      targetMs: COST_TABLE_TARGET_MS,
    },
    exact,
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.indexOf('--runs');
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  measureAllocation(quick, runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5)
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      console.log(`total ${Math.round((performance.now() - started) / 1000)} s`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
