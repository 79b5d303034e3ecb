// The worker opens its archive through the global indexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitAssignment } from '../../../shared/testing/assignmentFixture';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc, type Rpc } from '../../workers/rpc';
import type { LineIndexPageSide, LineIndexWorkerSide } from '../../workers/lineIndex/protocol';
import { readFirstLines } from './queries';

// The first rows read on the page, held to the rows of the real line-index worker's whole index.
const channel = new MessageChannel();
let page: Rpc<LineIndexPageSide, LineIndexWorkerSide>;
const DATABASE = 'invoice-desk-first-lines-test';
let db: InvoiceDeskDatabase;

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
    await sync.commitLinesPages([
      {
        invoiceId: invoice.id,
        blockNo: 1,
        lines: lines.slice(70),
        quarantined: [],
        nextCursor: null,
      },
    ]);
    await sync.commitLinesPages([
      {
        invoiceId: invoice.id,
        blockNo: 0,
        lines: lines.slice(0, 70),
        quarantined: [],
        nextCursor: 'next',
      },
    ]);
  }
};

beforeAll(async () => {
  vi.stubGlobal('self', channel.port2);
  await import('../../workers/lineIndex/lineIndexWorker');
  page = createRpc<LineIndexPageSide, LineIndexWorkerSide>(channel.port1, {});
  db = new InvoiceDeskDatabase(DATABASE);
  await db.open();
  await store(db);
  await db.assignments.bulkPut([
    splitAssignment('a-1', 'service', 'PP-PRI', [['2100', 100]]),
    splitAssignment('a-2', 'service', 'A-POST', [
      ['3100', 70],
      ['2100', 30],
    ]),
  ]);
  await page.call('open', { databaseName: DATABASE });
});

afterAll(() => {
  db.close();
  page.dispose();
  channel.port1.close();
  channel.port2.close();
  vi.unstubAllGlobals();
});

const keys = (rows: ReadonlyArray<{ invoiceId: string; lineNo: number }>) =>
  rows.map((row) => `${row.invoiceId}#${row.lineNo}`);

describe('the line explorer’s first rows, read before the index is built', () => {
  it('are the rows the whole index gives, for every kind of filter', async () => {
    const filters = [
      {},
      { services: ['A-POST'] },
      { text: 'kst' },
      { invoiceId: 'inv-old' },
      { invoiceId: 'inv-unknown' },
      { costCenters: ['2100'] },
    ];
    const early = [];
    for (const filter of filters) early.push(await readFirstLines(db, filter, 200));
    expect(keys(early[0]?.rows ?? []).slice(0, 3)).toEqual(['inv-new-a#1', 'inv-new-a#2', 'inv-new-a#3']);
    // Only the newest invoice was read for the default view's window of 100.
    expect((await readFirstLines(db, {}, 100)).linesRead).toBe(120);

    expect((await page.call('refresh', undefined)).size).toBe(480);
    for (const [at, filter] of filters.entries()) {
      const answer = await page.call('query', { filter });
      const whole = await page.call('rows', { resultId: answer.resultId, start: 0, count: 200 });
      expect(early[at]?.rows).toEqual(whole);
      expect(whole.length).toBe(filter.invoiceId === 'inv-unknown' ? 0 : Math.min(200, answer.totals.count));
    }
  });
});
