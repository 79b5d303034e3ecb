/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import type { KeyKind } from '../../../shared/api/schemas';
import { buildNames } from '../../../shared/designations/names';
import { createLineIndex, type LineGroup } from '../../../shared/lines/lineIndex';
import { previewLines } from '../../../shared/lines/linePreview';
import { InvoiceDeskDatabase } from '../../db/database';
import { createLineSource, type LineSource } from '../../db/lineSource';
import type { SkippedRow } from '../../db/rowChecks';
import { createRpc, RpcFailure, transfer } from '../rpc';
import type {
  ExpiredFailure,
  LineIndexPageSide,
  LineIndexWorkerSide,
  PreviewAnswer,
  PreviewQuery,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Holds every cached line in memory for the line explorer: loads the stored blocks once, then only
 * the ones a sync adds; answers filters, row windows and exports without touching the page's thread.
 */
let opened: LineSource | null = null;
const source = (): LineSource => {
  if (opened === null) throw new Error('The line index was asked before its archive was opened');
  return opened;
};
const index = createLineIndex();
// With each result its cost-centre filter: its rows show the share charged to those centres.
const results = new Map<
  number,
  { ids: Uint32Array; groups: LineGroup[] | null; costCenters: readonly string[] | undefined }
>();
let nextResult = 1;
const LOAD_BATCH = 64;
/** A preview reads at most this many lines: beyond, the whole index is not far off. */
const PREVIEW_MAX_LINES = 50_000;
/** The whole index has been built once: from then on a query answers as fast as a preview. */
let built = false;
/** A preview running: the refresh waits for it, so their reads do not share the disk and the thread. */
let previewing: Promise<unknown> = Promise.resolve();

const preview = async ({ filter, count }: PreviewQuery): Promise<PreviewAnswer | null> => {
  if (built) return null;
  const started = performance.now();
  const archive = source();
  const [checkedInvoices, checkedAssignments] = await Promise.all([
    archive.loadInvoices(),
    archive.loadAssignments(),
  ]);
  const { rows } = await previewLines({
    invoices: checkedInvoices.rows.map(({ id, number, issueDate }) => ({ id, number, issueDate })),
    assignments: checkedAssignments.rows,
    filter,
    count,
    maxLines: PREVIEW_MAX_LINES,
    blocksOf: async (invoiceId) => (await archive.loadBlocksOf(invoiceId)).rows,
  });
  return { rows, elapsedMs: performance.now() - started };
};

const refresh = async () => {
  await previewing.catch(() => undefined);
  const archive = source();
  const checkedInvoices = await archive.loadInvoices();
  const invoices = new Map(checkedInvoices.rows.map((invoice) => [invoice.id, invoice]));
  const keys = (await archive.loadBlockKeys()).filter(
    ([invoiceId, blockNo]) => !index.hasBlock(`${invoiceId}#${blockNo}`),
  );
  // A damaged block never enters the index, so each refresh reads it again and reports it again.
  const skippedBlocks: SkippedRow[] = [];
  for (let start = 0; start < keys.length; start += LOAD_BATCH) {
    const checked = await archive.loadBlocks(keys.slice(start, start + LOAD_BATCH));
    skippedBlocks.push(...checked.skipped);
    for (const block of checked.rows) {
      const invoice = invoices.get(block.invoiceId);
      if (invoice)
        index.addBlock(block, { id: invoice.id, number: invoice.number, issueDate: invoice.issueDate });
    }
  }
  index.setAssignments((await archive.loadAssignments()).rows);
  index.seal();
  built = true;
  // Results stay valid: a row id is a position in the sealed columns, and new blocks only append.
  // Dropping them here failed every row window the page still asked of its current result until
  // its new query answered: "The result has expired", many times during a sync.
  return { size: index.size, ...index.distinct(), skippedInvoices: checkedInvoices.skipped, skippedBlocks };
};

const expired = () => new RpcFailure('The result has expired', { code: 'expired' } satisfies ExpiredFailure);

// The worker lives as long as the page's client: it is terminated, never asked to stop.
createRpc<LineIndexWorkerSide, LineIndexPageSide>(self, {
  open: ({ databaseName }) => {
    opened?.close();
    opened = createLineSource(new InvoiceDeskDatabase(databaseName));
    return undefined;
  },
  refresh: () => refresh(),
  preview: (query) => {
    const running = preview(query);
    previewing = running;
    return running;
  },
  query: ({ filter, sort, group }) => {
    const started = performance.now();
    const { ids, totals, groups } = index.query(filter, { sort, group });
    const resultId = nextResult;
    nextResult += 1;
    results.set(resultId, { ids, groups, costCenters: filter.costCenters });
    // Keep the last few results: the page asks rows of the newest, an export may still run on an older one.
    for (const key of results.keys()) if (key < resultId - 4) results.delete(key);
    return { resultId, totals, groups, elapsedMs: performance.now() - started };
  },
  invoicesWithText: ({ text }) => index.invoicesWithText(text),
  rows: ({ resultId, start, count }) => {
    const result = results.get(resultId);
    if (!result) throw expired();
    return index.rows(result.ids, start, count, result.costCenters);
  },
  export: async (request) => {
    const result = results.get(request.resultId);
    if (!result) throw expired();
    const names = buildNames(
      (await source().loadServices()).rows,
      (await source().loadDesignations()).rows,
      request.language,
    );
    const labels = {
      ...request,
      serviceName: names.service,
      designation: (kind: KeyKind, key: string) => names.designation(kind, key) ?? null,
    };
    // The spreadsheet writer is large and only an export needs it: not parsed when the worker starts.
    const { exportGroups, exportLines } = await import('./exportLines');
    const bytes =
      request.view === 'groups'
        ? exportGroups(result.groups ?? [], labels)
        : exportLines(index, result.ids, labels, result.costCenters);
    return transfer(bytes, [bytes.buffer]);
  },
});
