import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '../../shared/core/money';
import { blockTotals } from '../../shared/lines/block';
import { createDexieSyncStore } from '../../renderer/db/syncStore';
import { createStepClock } from '../../shared/core/stepClock';
import type { SyncStep } from '../../shared/sync/steps';
import type { SyncStore } from '../../shared/sync/ports';
import type { SyncProgress } from '../../shared/sync/engine';
import type { RunningSimulator } from '../../simulator/server';
import {
  control,
  LOCAL_NOW,
  createTestClient,
  openTestDatabase,
  snapshot,
  startTestSimulator,
  syncOnce,
} from './syncHarness';

interface Stats {
  invoices: number;
  lines: number;
  netTotal: string;
  vatTotal: string;
  grossTotal: string;
}

let sim: RunningSimulator;
let clean: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  sim = await startTestSimulator();
  const db = openTestDatabase();
  const run = await syncOnce(db, createTestClient(sim.url));
  expect(run.outcome).toBe('ok');
  clean = await snapshot(db);
}, 120_000);

afterAll(async () => {
  await sim.close();
});

describe('a full sync', () => {
  it('equals the server: counts, and totals per invoice and overall to the centime', async () => {
    const stats = (await control(sim.url, 'stats', undefined, 'GET')) as Stats;
    expect(clean.invoices).toHaveLength(stats.invoices);
    const storedLines = clean.blocks.reduce((sum, block) => sum + block.count, 0);
    expect(storedLines).toBe(stats.lines);
    expect(storedLines).toBeGreaterThan(10_000);

    const blocksByInvoice = new Map<string, { net: number; vat: number; count: number }>();
    for (const block of clean.blocks) {
      const id = block.key.slice(0, block.key.lastIndexOf('#'));
      const sum = blocksByInvoice.get(id) ?? { net: 0, vat: 0, count: 0 };
      blocksByInvoice.set(id, {
        net: sum.net + block.net,
        vat: sum.vat + block.vat,
        count: sum.count + block.count,
      });
    }
    let gross = 0;
    for (const invoice of clean.invoices) {
      const sum = blocksByInvoice.get(invoice.id) ?? { net: 0, vat: 0, count: 0 };
      expect(sum.count, invoice.id).toBe(invoice.lineCount);
      expect(sum.net, invoice.id).toBe(parseMoney(invoice.netTotal));
      expect(sum.net + sum.vat, invoice.id).toBe(parseMoney(invoice.grossTotal));
      expect(invoice.linesState).toBe('complete');
      expect(invoice.documentState).toBe('verified');
      gross += sum.net + sum.vat;
    }
    expect(gross).toBe(parseMoney(stats.grossTotal));

    const rollupNet = clean.rollups.reduce((sum, row) => sum + row.netCentimes, 0);
    const rollupLines = clean.rollups.reduce((sum, row) => sum + row.lines, 0);
    expect(rollupNet).toBe(parseMoney(stats.netTotal));
    expect(rollupLines).toBe(stats.lines);
    expect(clean.documents).toHaveLength(stats.invoices);
    expect(clean.documents.every((document) => document.verified)).toBe(true);
  });

  it('a second sync changes nothing and fetches no lines again', async () => {
    const db = openTestDatabase();
    const api = createTestClient(sim.url);
    await syncOnce(db, api);
    const again = await syncOnce(db, api);
    expect(again).toMatchObject({ outcome: 'ok', newInvoices: 0, linesStored: 0, documentsStored: 0 });
    expect(await snapshot(db)).toEqual(clean);
  });
});

class Killed extends Error {}

/**
 * Wraps the store so that its n-th write "kills the process": before the write, in the middle of its
 * transaction (rolled back), or right after it committed.
 */
const killingStore = (
  inner: SyncStore,
  db: Parameters<typeof createDexieSyncStore>[0],
  killAt: number,
  mode: 'before' | 'during' | 'after',
) => {
  let writes = 0;
  const wrap =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      writes += 1;
      if (writes !== killAt) return write(...args);
      if (mode === 'before') throw new Killed('killed before the write');
      if (mode === 'during') {
        await db.transaction('rw', db.tables, async () => {
          await write(...args);
          throw new Killed('killed inside the transaction');
        });
      }
      await write(...args);
      throw new Killed('killed after the commit');
    };
  return {
    ...inner,
    commitInvoicePage: wrap(inner.commitInvoicePage),
    commitLinesPages: wrap(inner.commitLinesPages),
    commitDocuments: wrap(inner.commitDocuments),
  } satisfies SyncStore;
};

describe('resumable sync', () => {
  it('killed at a dozen points across feed, lines and documents, resumes to exactly a clean sync', async () => {
    const db = openTestDatabase();
    const api = createTestClient(sim.url);
    // Kill points counted in writes of each fresh run: early feed pages, line pages, documents.
    const kills: Array<[number, 'before' | 'during' | 'after']> = [
      [1, 'before'],
      [1, 'during'],
      [2, 'after'],
      [3, 'during'],
      [5, 'after'],
      [8, 'during'],
      [13, 'before'],
      [21, 'during'],
      [34, 'after'],
      [55, 'during'],
      [89, 'after'],
      [120, 'during'],
    ];
    // One request at a time, each waiting for its commit, so that every page is its own commit and
    // the kill points fall on the same pages in every run.
    for (const [killAt, mode] of kills) {
      const store = killingStore(createDexieSyncStore(db), db, killAt, mode);
      await expect(
        syncOnce(db, api, { store, options: { concurrency: 1, commitsInFlight: 1 } }),
      ).rejects.toBeInstanceOf(Killed);
    }
    // Then as the app runs, six requests in flight that go on fetching while their pages commit:
    // pages arriving together commit in one batch, and a batch lost takes every later one with it.
    for (const [killAt, mode] of [
      [2, 'during'],
      [3, 'after'],
      [2, 'before'],
    ] as const) {
      const store = killingStore(createDexieSyncStore(db), db, killAt, mode);
      await expect(syncOnce(db, api, { store })).rejects.toBeInstanceOf(Killed);
    }
    const partial = await snapshot(db);
    expect(partial).not.toEqual(clean);
    const final = await syncOnce(db, api);
    expect(final.outcome).toBe('ok');
    expect(await snapshot(db)).toEqual(clean);
  }, 120_000);

  it('commits handed in while the next pages are fetched: killed mid-run, every invoice’s blocks are whole and the next run completes', async () => {
    // Small pages: every invoice takes several, so that a hole could open.
    const small = { linesPageSize: 20 };
    const reference = openTestDatabase();
    expect((await syncOnce(reference, createTestClient(sim.url), { options: small })).outcome).toBe('ok');
    const cleanSmall = await snapshot(reference);
    for (const [killAt, mode] of [
      [3, 'during'],
      [6, 'after'],
      [9, 'before'],
    ] as const) {
      const db = openTestDatabase();
      const api = createTestClient(sim.url);
      const store = killingStore(createDexieSyncStore(db), db, killAt, mode);
      await expect(syncOnce(db, api, { store, options: small })).rejects.toBeInstanceOf(Killed);
      const [invoices, blocks] = await Promise.all([db.invoices.toArray(), db.lineBlocks.toArray()]);
      expect(blocks.length).toBeGreaterThan(0);
      for (const invoice of invoices) {
        const own = blocks.filter((block) => block.invoiceId === invoice.id);
        // Blocks 0..n-1 and nothing after: a later page never landed without the one before it.
        expect(own.map((block) => block.blockNo)).toEqual([...own.keys()]);
        expect(invoice.linesNextBlock).toBe(own.length);
        expect(own.reduce((sum, block) => sum + block.count, 0)).toBe(invoice.linesStored);
      }
      expect((await syncOnce(db, api, { options: small })).outcome).toBe('ok');
      expect(await snapshot(db)).toEqual(cleanSmall);
    }
  }, 120_000);

  it('a connection that drops mid-run loses nothing: the next run completes the archive', async () => {
    const db = openTestDatabase();
    let requests = 0;
    let online = true;
    const flaky: typeof fetch = (input, init) => {
      requests += 1;
      if (requests === 40) online = false;
      return online ? fetch(input, init) : Promise.reject(new TypeError('network down'));
    };
    const api = createTestClient(sim.url, flaky);
    await expect(syncOnce(db, api)).rejects.toMatchObject({ code: 'api.network' });
    const stranded = await snapshot(db);
    expect(stranded.invoices.length).toBeGreaterThan(0);
    online = true;
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    expect(await snapshot(db)).toEqual(clean);
  }, 120_000);
});

describe('progress', () => {
  it('counts up to exactly what the archive holds, never past what is expected', async () => {
    const db = openTestDatabase();
    const seen: SyncProgress[] = [];
    // Several pages per invoice and a clock that lets every commit report.
    let tick = 0;
    const run = await syncOnce(db, createTestClient(sim.url), {
      options: { linesPageSize: 50 },
      elapsed: () => (tick += 1000),
      onProgress: (progress) => seen.push(progress),
    });
    expect(run.outcome).toBe('ok');
    const lines = seen.filter((progress) => progress.phase === 'lines');
    expect(lines.length).toBeGreaterThan(10);
    for (const [i, progress] of seen.entries()) {
      expect(progress.lines.done).toBeLessThanOrEqual(progress.lines.total);
      expect(progress.documents.done).toBeLessThanOrEqual(progress.documents.total);
      if (i > 0 && progress.phase === seen[i - 1]?.phase) {
        expect(progress.lines.done).toBeGreaterThanOrEqual(seen[i - 1]?.lines.done ?? 0);
      }
    }
    const stored = (await db.lineBlocks.toArray()).reduce((sum, block) => sum + block.count, 0);
    const last = seen.at(-1);
    expect(last?.lines).toEqual({ done: stored, total: stored });
    expect(last?.documents).toEqual({ done: await db.documents.count(), total: await db.documents.count() });
    // Midway through the lines, what it says is what was committed by then, give or take the pages in flight.
    expect(lines.some((progress) => progress.lines.done > 0 && progress.lines.done < stored)).toBe(true);
  }, 60_000);
});

describe('step times', () => {
  it('a run records where its time went: body, parsing, validation, encoding, rollups, commits, hashing', async () => {
    const db = openTestDatabase();
    let now = 0;
    // Each reading of this clock moves it a millisecond, so a step timed alone lasts exactly one:
    // one request at a time, and a step's sum counts its calls.
    const steps = createStepClock<SyncStep>(() => (now += 1));
    const api = createTestClient(sim.url, fetch, steps);
    const run = await syncOnce(db, api, {
      steps,
      store: createDexieSyncStore(db, () => LOCAL_NOW, steps),
      options: { concurrency: 1 },
    });
    expect(run.outcome).toBe('ok');
    const recorded = (await db.syncRuns.toArray()).at(-1)?.stepMs ?? {};
    expect(Object.keys(recorded).sort()).toEqual(
      ['blockEncoding', 'bodyTransfer', 'commit', 'jsonParse', 'pdfHashing', 'rollups', 'validation'].sort(),
    );
    const stats = (await control(sim.url, 'stats', undefined, 'GET')) as Stats & { invoices: number };
    // One hash per PDF, and one body, parse and validation per JSON answer at least.
    expect(recorded.pdfHashing).toBe(stats.invoices);
    expect(recorded.jsonParse).toBe(recorded.validation);
    expect(recorded.bodyTransfer).toBeGreaterThan(stats.invoices * 2);
  }, 120_000);
});

describe('integrity', () => {
  it('each invoice in the archive reconciles block by block', async () => {
    const db = openTestDatabase();
    await syncOnce(db, createTestClient(sim.url));
    const invoice = (await db.invoices.toArray()).reduce((a, b) => (b.lineCount > a.lineCount ? b : a));
    const blocks = await db.lineBlocks.where('invoiceId').equals(invoice.id).toArray();
    const totals = blocks
      .map(blockTotals)
      .reduce((sum, part) => ({ net: sum.net + part.netCentimes, vat: sum.vat + part.vatCentimes }), {
        net: 0,
        vat: 0,
      });
    expect(totals.net + totals.vat).toBe(parseMoney(invoice.grossTotal));
    const document = await db.documents.get(invoice.id);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', document!.bytes)).toString('hex');
    expect(digest).toBe(invoice.documentSha256);
  }, 60_000);
});
