import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Assignment, LineItem } from '../../../shared/api/schemas';
import { allocateLine, UNASSIGNED } from '../../../shared/allocation';
import { storedCenter } from '../../../shared/costCenters/testing/readings';
import { decodeBlock } from '../../../shared/lines/block';
import { customerFixture } from '../../../shared/testing/customerFixture';
import { invoiceFixture } from '../../../shared/testing/invoiceFixture';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { InvoiceDeskDatabase } from '../database';
import type { StoredInvoice } from '../records';
import { createDexieSyncStore } from '../syncStore';

/** An invoice as the sync stores it before its lines arrive. */
export const storedInvoiceFixture = (id: string, lineCount: number): StoredInvoice => ({
  ...invoiceFixture({ id, lineCount }),
  archived: 0,
  linesState: 'pending',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'pending',
  receivedAt: '2026-05-01T08:00:00Z',
});

/** Four lines of reference 10000001 and 10000002 on 14 and 15 March, 1 and 2 April 2026. */
export const marchAprilLines = (): LineItem[] => [
  lineFixture(1, { serviceDate: '2026-03-14' }),
  lineFixture(2, { serviceDate: '2026-03-15' }),
  lineFixture(3, { serviceDate: '2026-04-01', netAmount: '20.00', vatAmount: '1.62' }),
  lineFixture(4, { invoiceReference: '10000002', frankingLicence: '60000002', serviceDate: '2026-04-02' }),
];

/**
 * An archive the assignment writers work on: the customer (option on unless told), centres 2100,
 * 3100 and the inactive 9000, the given assignments, and the lines stored through the sync's own
 * commit (so their allocated rollups are there, under those assignments).
 */
export const allocationArchive = async ({
  option = true,
  assignments = [],
  lines = marchAprilLines(),
}: { option?: boolean; assignments?: Assignment[]; lines?: LineItem[] } = {}) => {
  const db = new InvoiceDeskDatabase('allocation-archive', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.singletons.put({
    key: 'customer',
    value: customerFixture({ costCenterOption: option }),
    etag: null,
  });
  await db.costCenters.bulkPut([
    storedCenter('2100', 'Sales'),
    storedCenter('3100', 'Operations'),
    storedCenter('9000', 'Closed', { active: false }),
  ]);
  await db.assignments.bulkPut(assignments);
  await storeLines(db, lines);
  return db;
};

/** Stores `lines` as invoice `invoiceId`'s one page, through the sync's own commit (rollups included). */
export const storeLines = async (
  db: InvoiceDeskDatabase,
  lines: LineItem[],
  invoiceId = 'i1',
): Promise<void> => {
  await db.invoices.put(storedInvoiceFixture(invoiceId, lines.length));
  await createDexieSyncStore(db).commitLinesPages([
    {
      invoiceId,
      blockNo: 0,
      lines,
      quarantined: [],
      nextCursor: null,
    },
  ]);
};

/** Net centimes per "month centre" (UNASSIGNED as "-"), zeros left out, in key order. */
export const byCentre = (
  rows: ReadonlyArray<{ month: string; costCenterCode: string; netCentimes: number }>,
) => {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.month} ${row.costCenterCode === UNASSIGNED ? '-' : row.costCenterCode}`;
    totals.set(key, (totals.get(key) ?? 0) + row.netCentimes);
  }
  for (const [key, value] of totals) if (value === 0) totals.delete(key);
  return Object.fromEntries([...totals].sort());
};

/** What the allocated rollups hold, per month and centre. */
export const storedByCentre = async (db: InvoiceDeskDatabase) =>
  byCentre(await db.allocatedRollups.toArray());

/** The same figures from `allocateLine` over every stored line: the rollups must equal them. */
export const expectedByCentre = async (db: InvoiceDeskDatabase) => {
  const assignments = await db.assignments.toArray();
  const lines = (await db.lineBlocks.toArray()).flatMap((block) => decodeBlock(block));
  return byCentre(
    lines.flatMap((item) =>
      allocateLine(item, assignments).map((part) => ({
        month: item.serviceDate.slice(0, 7),
        costCenterCode: part.costCenterCode ?? UNASSIGNED,
        netCentimes: part.netCentimes,
      })),
    ),
  );
};
