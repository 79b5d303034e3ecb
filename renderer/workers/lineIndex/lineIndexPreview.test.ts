// The worker opens its archive through the global indexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc, type Rpc } from '../rpc';
import type { LineIndexPageSide, LineIndexWorkerSide } from './protocol';

// The real worker module (its own instance in this file: it starts with no index built).
const channel = new MessageChannel();
let page: Rpc<LineIndexPageSide, LineIndexWorkerSide>;
const DATABASE = 'invoice-desk-preview-test';

/** Invoices of three issue dates (two on the same day), each with its lines in two pages. */
const store = async (db: InvoiceDeskDatabase) => {
  const sync = createDexieSyncStore(db, () => new Date('2026-04-03T08:00:00Z'));
  const invoices = [
    invoiceFixture({ id: 'inv-old', number: '1000000001', issueDate: '2026-01-02', lineCount: 120 }),
    invoiceFixture({ id: 'inv-new-b', number: '1000000003', issueDate: '2026-03-02', lineCount: 120 }),
    invoiceFixture({ id: 'inv-new-a', number: '1000000002', issueDate: '2026-03-02', lineCount: 120 }),
    invoiceFixture({ id: 'inv-mid', number: '1000000004', issueDate: '2026-02-02', lineCount: 120 }),
  ];
  await sync.commitInvoicePage({ invoices, quarantined: [], resumeFrom: 'inv-old', feedDrained: true });
  for (const invoice of invoices) {
    const lines = Array.from({ length: 120 }, (_, i) =>
      lineFixture(i + 1, {
        serviceCode: i % 3 === 0 ? 'A-POST' : 'PP-PRI',
        customerReference: i % 7 === 0 ? `KST-${i}` : null,
      }),
    );
    // The second page first: the blocks are stored in any order.
    await sync.commitLinesPage({
      invoiceId: invoice.id,
      blockNo: 1,
      lines: lines.slice(70),
      quarantined: [],
      nextCursor: null,
    });
    await sync.commitLinesPage({
      invoiceId: invoice.id,
      blockNo: 0,
      lines: lines.slice(0, 70),
      quarantined: [],
      nextCursor: 'next',
    });
  }
};

beforeAll(async () => {
  vi.stubGlobal('self', channel.port2);
  await import('./lineIndexWorker');
  page = createRpc<LineIndexPageSide, LineIndexWorkerSide>(channel.port1, {});
  const db = new InvoiceDeskDatabase(DATABASE);
  await db.open();
  await store(db);
  db.close();
  await page.call('open', { databaseName: DATABASE });
});

afterAll(() => {
  page.dispose();
  channel.port1.close();
  channel.port2.close();
  vi.unstubAllGlobals();
});

const keys = (rows: ReadonlyArray<{ invoiceId: string; lineNo: number }>) =>
  rows.map((row) => `${row.invoiceId}#${row.lineNo}`);

describe('line-index worker, before its index is built', () => {
  it('answers the first rows from the newest blocks, the rows the whole index then gives', async () => {
    const filters = [{}, { services: ['A-POST'] }, { text: 'kst' }, { invoiceId: 'inv-old' }];
    const previews = [];
    for (const filter of filters) previews.push(await page.call('preview', { filter, count: 200 }));
    expect(keys(previews[0]?.rows ?? []).slice(0, 3)).toEqual(['inv-new-a#1', 'inv-new-a#2', 'inv-new-a#3']);

    // Sent at once, as the page does: the refresh waits for the preview, not the other way round.
    const [early, facts] = await Promise.all([
      page.call('preview', { filter: {}, count: 10 }),
      page.call('refresh', undefined),
    ]);
    expect(keys(early?.rows ?? [])).toEqual(keys(previews[0]?.rows ?? []).slice(0, 10));
    expect(facts.size).toBe(480);

    for (const [at, filter] of filters.entries()) {
      const answer = await page.call('query', { filter });
      const whole = await page.call('rows', { resultId: answer.resultId, start: 0, count: 200 });
      expect(previews[at]?.rows).toEqual(whole);
    }
    // Built: the query is as fast, no preview.
    expect(await page.call('preview', { filter: {}, count: 200 })).toBeNull();
  });
});
