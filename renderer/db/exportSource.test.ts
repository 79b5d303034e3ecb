import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { read, utils } from 'xlsx';
import { exportWorkbook } from '../../shared/export/periodExport';
import {
  englishLabels,
  fixtureArchive,
  fixtureAssignments,
  fixtureCostCenters,
} from '../../shared/export/testing/periodFixture';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { InvoiceDeskDatabase } from './database';
import { readExportSource } from './exportSource';
import type { StoredInvoice } from './records';

const period = { from: '2026-01', to: '2026-06' };

const storedArchive = async () => {
  const db = new InvoiceDeskDatabase('exports', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  // 30 blocks: several reads of eight.
  const archive = fixtureArchive(6, 1_000, 200);
  const invoices: StoredInvoice[] = [...archive.invoices.values()].map((invoice) => ({
    ...invoiceFixture({ id: invoice.id, number: invoice.number, lineCount: invoice.lineCount }),
    archived: 0,
    linesState: 'complete',
    linesCursor: null,
    linesNextBlock: 0,
    linesStored: invoice.lineCount,
    documentState: 'pending',
    receivedAt: '2026-05-01T08:00:00Z',
  }));
  await db.invoices.bulkPut(invoices);
  await db.lineBlocks.bulkPut([...archive.blocks]);
  await db.assignments.bulkPut([...fixtureAssignments]);
  await db.costCenters.bulkPut(
    fixtureCostCenters.map((centre) => ({
      ...centre,
      active: true,
      objectType: 'costCenter' as const,
      monthlyBudget: null,
      etag: '"1"',
      updatedAt: '2026-01-01T00:00:00Z',
    })),
  );
  await db.allocatedRollups.bulkPut(archive.allocatedRows({ from: '0000-01', to: '9999-12' }));
  return { db, archive };
};

describe('what a period export reads from the archive', () => {
  it('reads every block once, in batches, and the period’s allocated rollups', async () => {
    const { db, archive } = await storedArchive();
    const { source, skipped } = await readExportSource(db, period, 'de');
    expect(skipped).toEqual([]);
    expect(source.blockCount).toBe(archive.blocks.length);
    const batches: number[] = [];
    const keys: string[] = [];
    for await (const batch of source.blocks) {
      batches.push(batch.length);
      keys.push(...batch.map((block) => `${block.invoiceId}/${block.blockNo}`));
    }
    expect(Math.max(...batches)).toBe(8);
    expect(new Set(keys).size).toBe(archive.blocks.length);
    expect(source.allocated.every((row) => row.month >= '2026-01' && row.month <= '2026-06')).toBe(true);
    expect(source.allocated.length).toBeGreaterThan(0);
    expect(source.invoices.get('inv-0')?.number).toBe(archive.invoices.get('inv-0')?.number);
  });

  it('leaves a damaged block out, reports it, and reads on past it', async () => {
    const { db, archive } = await storedArchive();
    const damaged = archive.blocks[7];
    if (!damaged) throw new Error('fixture too small');
    await db.lineBlocks.put({ ...damaged, count: -1 });
    const { source, skipped } = await readExportSource(db, period, 'en');
    let blocks = 0;
    for await (const batch of source.blocks) blocks += batch.length;
    expect(blocks).toBe(archive.blocks.length - 1);
    expect(skipped).toHaveLength(1);
  });

  it('feeds the workbook: its net equals the stored allocated rollups of the period', async () => {
    const { db } = await storedArchive();
    const { source } = await readExportSource(db, period, 'en');
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const summary = await exportWorkbook(source, englishLabels, 'yyyy-mm-dd', {
      sink: (chunk) => void chunks.push(new Uint8Array(chunk)),
    });
    const stored = await db.allocatedRollups
      .where('month')
      .between(period.from, period.to, true, true)
      .toArray();
    expect(summary.netCentimes).toBe(stored.reduce((total, row) => total + row.netCentimes, 0));
    const book = read(new Uint8Array(await new Blob(chunks).arrayBuffer()), { type: 'array' });
    const grid = utils.sheet_to_json<unknown[]>(book.Sheets['Cost centre x month'] ?? {}, { header: 1 });
    expect(Math.round(Number(grid.at(-1)?.at(-1)) * 100)).toBe(summary.netCentimes);
  });
});
