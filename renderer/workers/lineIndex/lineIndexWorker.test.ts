// The worker opens its archive through the global indexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LineItem } from '../../../shared/api/schemas';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc, type Rpc } from '../rpc';
import type { LineIndexPageSide, LineIndexWorkerSide } from './protocol';

// The real worker module, its global scope one end of a MessageChannel.
const channel = new MessageChannel();
let page: Rpc<LineIndexPageSide, LineIndexWorkerSide>;

beforeAll(async () => {
  vi.stubGlobal('self', channel.port2);
  await import('./lineIndexWorker');
  page = createRpc<LineIndexPageSide, LineIndexWorkerSide>(channel.port1, {});
});

afterAll(() => {
  page.dispose();
  channel.port1.close();
  channel.port2.close();
  vi.unstubAllGlobals();
});

const line = (lineNo: number): LineItem => ({
  lineNo,
  serviceCode: 'PP-PRI',
  description: 'PostPac Priority',
  serviceDate: '2026-01-15',
  invoiceReference: '12345678',
  frankingLicence: '60012345',
  customerReference: null,
  quantity: '1',
  unitPrice: '9.5000',
  netAmount: '9.50',
  vatRate: '8.1',
  vatAmount: '0.77',
});

const storeInvoice = async (db: InvoiceDeskDatabase, id: string, lines: number) => {
  const store = createDexieSyncStore(db, () => new Date('2026-02-03T08:00:00Z'));
  await store.commitInvoicePage({
    invoices: [invoiceFixture({ id, number: `10000000${id}`, lineCount: lines })],
    quarantined: [],
    resumeFrom: id,
    feedDrained: true,
  });
  await store.commitLinesPages([
    {
      invoiceId: id,
      blockNo: 0,
      lines: Array.from({ length: lines }, (_, i) => line(i + 1)),
      quarantined: [],
      nextCursor: null,
    },
  ]);
};

describe('line-index worker', () => {
  it('still serves the rows of a result the page holds after a sync added lines (no "expired")', async () => {
    const db = new InvoiceDeskDatabase('invoice-desk-worker-test');
    await db.open();
    await storeInvoice(db, '01', 3);
    await page.call('open', { databaseName: 'invoice-desk-worker-test' });
    expect((await page.call('refresh', undefined)).size).toBe(3);
    const first = await page.call('query', { filter: {} });

    // The sync stores more lines; the page refreshes, and its table still asks rows of its result
    // until the new query's answer arrives.
    await storeInvoice(db, '02', 2);
    expect((await page.call('refresh', undefined)).size).toBe(5);
    const rows = await page.call('rows', { resultId: first.resultId, start: 0, count: 10 });
    expect(rows.map((row) => `${row.invoiceId}#${row.lineNo}`)).toEqual(['01#1', '01#2', '01#3']);

    const second = await page.call('query', { filter: {} });
    expect(second.totals.count).toBe(5);
    db.close();
  });
});
