// The worker opens its archive through the global indexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc, type Rpc } from '../rpc';
import type { LineIndexPageSide, LineIndexWorkerSide } from './protocol';

// The real worker module, its global scope one end of a MessageChannel (its own instance here).
const channel = new MessageChannel();
let page: Rpc<LineIndexPageSide, LineIndexWorkerSide>;
const DATABASE = 'invoice-desk-refresh-test';

beforeAll(async () => {
  vi.stubGlobal('self', channel.port2);
  await import('./lineIndexWorker');
  page = createRpc<LineIndexPageSide, LineIndexWorkerSide>(channel.port1, {});
  const db = new InvoiceDeskDatabase(DATABASE);
  await db.open();
  const sync = createDexieSyncStore(db, () => new Date('2026-04-03T08:00:00Z'));
  const invoices = ['a', 'b', 'c', 'd'].map((id, at) =>
    invoiceFixture({ id, number: `100000000${at}`, lineCount: 5 }),
  );
  await sync.commitInvoicePage({ invoices, quarantined: [], resumeFrom: 'd', feedDrained: true });
  for (const invoice of invoices)
    await sync.commitLinesPages([
      {
        invoiceId: invoice.id,
        blockNo: 0,
        lines: Array.from({ length: 5 }, (_, i) => lineFixture(i + 1)),
        quarantined: [],
        nextCursor: null,
      },
    ]);
  db.close();
});

afterAll(() => {
  page.dispose();
  channel.port1.close();
  channel.port2.close();
  vi.unstubAllGlobals();
});

describe('line-index worker refreshes', () => {
  it('run one after the other: the page’s refresh right behind the cold start’s reads no block again', async () => {
    await page.call('open', { databaseName: DATABASE });
    // Every read of a stored block, whatever call Dexie makes for it.
    let blockReads = 0;
    // Kept to be called with each store as `this`, and put back after the test.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { get, getAll } = IDBObjectStore.prototype;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
      if (this.name === 'lineBlocks') blockReads += 1;
      return get.apply(this, args);
    };
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (this.name === 'lineBlocks') blockReads += 1;
      return getAll.apply(this, args);
    };
    onTestFinished(() => {
      IDBObjectStore.prototype.get = get;
      IDBObjectStore.prototype.getAll = getAll;
    });
    const [warm, own] = await Promise.all([page.call('refresh', undefined), page.call('refresh', undefined)]);
    expect(warm.size).toBe(20);
    expect(own.size).toBe(20);
    expect(blockReads).toBeGreaterThan(0);
    expect(blockReads).toBeLessThanOrEqual(4);
  });
});
