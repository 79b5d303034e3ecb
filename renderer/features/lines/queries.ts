import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { InvoiceMeta, LineFilter } from '../../../shared/lines/lineIndex';
import { previewLines, type Preview } from '../../../shared/lines/linePreview';
import type { InvoiceDeskDatabase } from '../../db/database';
import type { StoredInvoice } from '../../db/records';
import { useDatabase } from '../../db/DatabaseContext';
import { checkAssignments, checkBlocks, checkInvoices } from '../../db/rowChecks';

// Every read of the archive the line explorer makes itself (the index worker reads through db/lineSource.ts).

/** Changes whenever the index must refresh: a sync added blocks, or an assignment changed. */
export const useLineIndexChange = () => {
  const db = useDatabase();
  return useLiveQuery(
    async () =>
      `${await db.lineBlocks.count()}|${(await db.assignments.toArray()).map((row) => row.etag).join(',')}`,
    [db],
  );
};

/** The customer's cost centres, by code. */
export const useCostCentersByCode = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.costCenters.orderBy('code').toArray(), [db]);
};

/** A preview reads at most this many lines: beyond, the whole index is not far off. */
const FIRST_LINES_MAX_READ = 50_000;
/** Invoices read at once to find the newest issue date's. */
const DATE_PEEK = 16;

/** The stored invoices in groups of one issue date, newest first, each group read when needed. */
async function* newestInvoices(db: InvoiceDeskDatabase, filter: LineFilter): AsyncGenerator<InvoiceMeta[]> {
  const meta = (rows: readonly unknown[]): InvoiceMeta[] =>
    checkInvoices(rows).rows.map(({ id, number, issueDate }) => ({ id, number, issueDate }));
  if (filter.invoiceId !== undefined) {
    yield meta([await db.invoices.get(filter.invoiceId)]);
    return;
  }
  let before: string | null = null;
  for (;;) {
    const collection =
      before === null ? db.invoices.orderBy('issueDate') : db.invoices.where('issueDate').below(before);
    // One read finds the newest date and, most often, all of its invoices.
    const newest: StoredInvoice[] = await collection.reverse().limit(DATE_PEEK).toArray();
    const date = newest[0]?.issueDate;
    if (date === undefined) return;
    before = date;
    const group = newest.filter((invoice) => invoice.issueDate === date);
    yield meta(
      group.length < newest.length ? group : await db.invoices.where('issueDate').equals(date).toArray(),
    );
  }
}

/**
 * The first rows of an unsorted view read here, on the page, from the newest invoices' blocks: the
 * line-index worker takes a moment to start and seconds to build its index at a million lines, and
 * these few reads take milliseconds (shared/lines/linePreview.ts says why the rows are the same).
 */
export const readFirstLines = async (
  db: InvoiceDeskDatabase,
  filter: LineFilter,
  count: number,
  signal?: AbortSignal,
): Promise<Preview> => {
  const invoices = newestInvoices(db, filter);
  // The assignments and the first invoices in parallel: each read waits behind the worker's.
  const [stored, first] = await Promise.all([db.assignments.toArray(), invoices.next()]);
  async function* again(): AsyncGenerator<InvoiceMeta[]> {
    if (first.done !== true) yield first.value;
    yield* invoices;
  }
  return previewLines({
    invoices: again(),
    assignments: checkAssignments(stored).rows,
    filter,
    count,
    maxLines: FIRST_LINES_MAX_READ,
    signal,
    blocksOf: async (invoiceId) =>
      checkBlocks(await db.lineBlocks.where('invoiceId').equals(invoiceId).toArray()).rows,
  });
};

/** `readFirstLines` over the profile's archive. */
export const useFirstLinesReader = () => {
  const db = useDatabase();
  return useCallback(
    (filter: LineFilter, count: number, signal: AbortSignal) => readFirstLines(db, filter, count, signal),
    [db],
  );
};
