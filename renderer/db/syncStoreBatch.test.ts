import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DocumentCommit, LinesPageCommit } from '../../shared/sync/ports';
import { verifyAuditChain } from '../../shared/audit/chain';
import { splitAssignment } from '../../shared/testing/assignmentFixture';
import { lineFixture } from '../../shared/testing/lineFixture';
import { InvoiceDeskDatabase } from './database';
import { createDexieSyncStore } from './syncStore';
import { storedInvoiceFixture } from './testing/allocationArchive';

const NOW = new Date('2026-05-02T09:00:00Z');

/** Two invoices awaiting lines, one assignment splitting a reference, and a line quarantined earlier. */
const archive = async (name: string) => {
  const db = new InvoiceDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.invoices.bulkPut([storedInvoiceFixture('a', 5), storedInvoiceFixture('b', 2)]);
  await db.assignments.put(
    splitAssignment('s-1', 'invoiceReference', '10000001', [
      ['2100', 70],
      ['3100', 30],
    ]),
  );
  await db.quarantine.bulkAdd([
    { kind: 'line', invoiceId: 'a', index: 0, itemId: '4', issues: 'bad', receivedAt: NOW.toISOString() },
    {
      kind: 'lines',
      invoiceId: 'b',
      index: 0,
      itemId: 'b',
      issues: 'timeout',
      receivedAt: NOW.toISOString(),
    },
  ]);
  return db;
};

const page = (invoiceId: string, blockNo: number, lineNos: number[], nextCursor: string | null) =>
  ({
    invoiceId,
    blockNo,
    lines: lineNos.map((lineNo) =>
      lineFixture(lineNo, {
        serviceDate: lineNo % 2 ? '2026-03-15' : '2026-04-02',
        invoiceReference: invoiceId === 'a' ? '10000001' : '10000002',
        netAmount: `${lineNo}.05`,
      }),
    ),
    quarantined: [],
    nextCursor,
  }) satisfies LinesPageCommit;

/** Everything a lines commit writes, in key order, without the generated quarantine ids. */
const contents = async (db: InvoiceDeskDatabase) => ({
  blocks: await db.lineBlocks.toArray(),
  rollups: await db.rollupMonths.toArray(),
  allocated: await db.allocatedRollups.toArray(),
  invoices: await db.invoices.toArray(),
  quarantine: (await db.quarantine.toArray()).map(({ id: _id, ...row }) => row),
});

describe('lines pages committed together', () => {
  it('store exactly what the same pages store one transaction each: blocks, rollups, allocations, cursors, quarantine', async () => {
    const pages: LinesPageCommit[] = [
      page('a', 0, [1, 2, 3], 'a1'),
      page('b', 0, [1], 'b1'),
      // The operator sent a's first page again: stored once, counted once.
      page('a', 0, [1, 2, 3], 'a1'),
      page('a', 1, [4, 5], null),
      {
        ...page('b', 1, [2], null),
        quarantined: [{ kind: 'line', invoiceId: 'b', index: 1, itemId: '3', issues: 'surplus' }],
      },
    ];
    const one = await archive('one-by-one');
    const oneStore = createDexieSyncStore(one, () => NOW);
    for (const each of pages) await oneStore.commitLinesPages([each]);
    const together = await archive('together');
    await createDexieSyncStore(together, () => NOW).commitLinesPages(pages);

    const expected = await contents(one);
    expect(await contents(together)).toEqual(expected);
    // And what that is: every line once, a's line 4 out of the quarantine, b's failure gone.
    expect(expected.invoices.map((invoice) => [invoice.id, invoice.linesStored, invoice.linesState])).toEqual(
      [
        ['a', 5, 'complete'],
        ['b', 2, 'complete'],
      ],
    );
    expect(expected.rollups.flatMap((record) => record.rows).reduce((sum, row) => sum + row.lines, 0)).toBe(
      7,
    );
    expect(expected.allocated.reduce((sum, row) => sum + row.netCentimes, 0)).toBe(
      expected.rollups.flatMap((record) => record.rows).reduce((sum, row) => sum + row.netCentimes, 0),
    );
    expect(expected.quarantine.map((row) => [row.kind, row.invoiceId, row.itemId])).toEqual([
      ['line', 'b', '3'],
    ]);
  });

  it('a batch with an unknown invoice stores none of its pages', async () => {
    const db = await archive('unknown');
    const before = await contents(db);
    await expect(
      createDexieSyncStore(db, () => NOW).commitLinesPages([
        page('a', 0, [1, 2], null),
        page('zz', 0, [1], null),
      ]),
    ).rejects.toThrow('unknown invoice zz');
    expect(await contents(db)).toEqual(before);
  });
});

const pdf = (invoiceId: string, text: string, verified = true) =>
  ({
    invoiceId,
    bytes: new TextEncoder().encode(`%PDF-1.7 ${text}`),
    sha256: text.padEnd(64, '0'),
    verified,
  }) satisfies DocumentCommit;

/** Everything a documents commit writes, without the generated ids. */
const documentContents = async (db: InvoiceDeskDatabase) => ({
  documents: (await db.documents.toArray()).map(({ bytes, ...row }) => ({
    ...row,
    text: new TextDecoder().decode(bytes),
  })),
  invoices: await db.invoices.toArray(),
  quarantine: (await db.quarantine.toArray()).map(({ id: _id, ...row }) => row),
  audit: (await db.auditLog.orderBy('seq').toArray()).map(({ id: _id, ...row }) => row),
});

describe('PDFs committed together', () => {
  it('store and log exactly what the same PDFs store one transaction each, in one unbroken chain', async () => {
    const documents: DocumentCommit[] = [
      pdf('a', 'a-first'),
      pdf('b', 'b-first', false),
      // The same bytes again (a 410 lifted): stored, not logged twice.
      pdf('a', 'a-first'),
      // A new issue of b's PDF that holds: logged.
      pdf('b', 'b-second'),
    ];
    const prepare = async (name: string) => {
      const db = await archive(name);
      await db.quarantine.add({
        kind: 'document',
        invoiceId: 'a',
        index: 0,
        itemId: 'a',
        issues: 'timeout',
        receivedAt: NOW.toISOString(),
      });
      return db;
    };
    const one = await prepare('pdf-one-by-one');
    const oneStore = createDexieSyncStore(one, () => NOW);
    for (const each of documents) await oneStore.commitDocuments([each]);
    const together = await prepare('pdf-together');
    await createDexieSyncStore(together, () => NOW).commitDocuments(documents);

    const expected = await documentContents(one);
    expect(await documentContents(together)).toEqual(expected);
    expect(expected.documents.map((row) => [row.invoiceId, row.text, row.verified])).toEqual([
      ['a', '%PDF-1.7 a-first', true],
      ['b', '%PDF-1.7 b-second', true],
    ]);
    expect(expected.invoices.map((invoice) => [invoice.id, invoice.documentState])).toEqual([
      ['a', 'verified'],
      ['b', 'verified'],
    ]);
    expect(
      expected.audit.map((row) => [row.seq, row.kind === 'documentRetrieved' && row.params.sha256]),
    ).toEqual([
      [1, 'a-first'.padEnd(64, '0')],
      [2, 'b-first'.padEnd(64, '0')],
      [3, 'b-second'.padEnd(64, '0')],
    ]);
    expect(verifyAuditChain(await together.auditLog.orderBy('seq').toArray()).ok).toBe(true);
    // The line quarantined earlier stays; the document's failure is history.
    expect(expected.quarantine.map((row) => [row.kind, row.invoiceId])).toEqual([
      ['line', 'a'],
      ['lines', 'b'],
    ]);
  });

  it('a batch with an unknown invoice stores and logs none of its PDFs', async () => {
    const db = await archive('pdf-unknown');
    const before = await documentContents(db);
    await expect(
      createDexieSyncStore(db, () => NOW).commitDocuments([pdf('a', 'a-first'), pdf('zz', 'zz')]),
    ).rejects.toThrow('unknown invoice zz');
    expect(await documentContents(db)).toEqual(before);
  });
});
