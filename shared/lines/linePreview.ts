import type { Assignment } from '../api/schemas';
import type { LineBlock } from './block';
import {
  compareNewestFirst,
  createLineIndex,
  type InvoiceMeta,
  type LineFilter,
  type LineRow,
} from './lineIndex';

/**
 * The first rows of the line explorer's default order (newest invoice first, then line number) read
 * from the newest invoices' blocks alone, while the whole index is still being built: at a million
 * lines the index takes seconds, the newest invoices a few milliseconds.
 *
 * The rows are exactly the first rows the whole index gives for the same filter over the same
 * blocks: invoices are read in the index's own order (`compareNewestFirst`), each one whole, and each
 * through a line index of its own, so filters, allocation and each row's fields are the same code.
 * What it cannot say is how many rows there are in all: the count and the totals wait for the index.
 */

export interface PreviewRequest {
  /**
   * The stored invoices in groups of one issue date, newest date first (within a group any order):
   * read lazily, so a million lines' archive reads only its newest invoices.
   */
  invoices: AsyncIterable<readonly InvoiceMeta[]> | Iterable<readonly InvoiceMeta[]>;
  assignments: readonly Assignment[];
  filter: LineFilter;
  /** How many rows to find. */
  count: number;
  /**
   * Reading stops once this many lines were read, even with fewer rows found (a filter that few
   * lines match): the rows found are still the first ones, a prefix of the answer.
   */
  maxLines: number;
  /** Reading stops when this aborts (the whole answer came first, or the view changed). */
  signal?: AbortSignal;
  /** Every stored block of one invoice, in any order; damaged blocks left out. */
  blocksOf: (invoiceId: string) => Promise<readonly LineBlock[]>;
}

export interface Preview {
  rows: LineRow[];
  /** Lines read to find them, for the benchmark. */
  linesRead: number;
}

export const previewLines = async (request: PreviewRequest): Promise<Preview> => {
  const { filter, count, maxLines } = request;
  const rows: LineRow[] = [];
  let linesRead = 0;
  const full = () => rows.length >= count || linesRead >= maxLines || request.signal?.aborted === true;
  for await (const group of request.invoices) {
    if (full()) break;
    const candidates = group
      .filter((invoice) => filter.invoiceId === undefined || invoice.id === filter.invoiceId)
      .sort(compareNewestFirst);
    for (const invoice of candidates) {
      if (full()) break;
      const blocks = await request.blocksOf(invoice.id);
      if (blocks.length === 0) continue;
      const index = createLineIndex();
      for (const block of blocks) index.addBlock(block, invoice);
      index.setAssignments(request.assignments);
      linesRead += index.size;
      const { ids } = index.query(filter);
      rows.push(...index.rows(ids, 0, count - rows.length, filter.costCenters));
    }
  }
  return { rows, linesRead };
};

/** Invoices in groups of one issue date, newest first: `PreviewRequest.invoices` over an array. */
export function* byIssueDate(invoices: readonly InvoiceMeta[]): Generator<InvoiceMeta[]> {
  const groups = new Map<string, InvoiceMeta[]>();
  for (const invoice of invoices)
    groups.set(invoice.issueDate, [...(groups.get(invoice.issueDate) ?? []), invoice]);
  for (const date of [...groups.keys()].sort().reverse()) {
    yield groups.get(date) ?? [];
  }
}
