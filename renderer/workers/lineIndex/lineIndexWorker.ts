/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import type { KeyKind } from '../../../shared/api/schemas';
import { buildNames } from '../../../shared/designations/names';
import { createLineIndex, type LineGroup } from '../../../shared/lines/lineIndex';
import { InvoiceDeskDatabase } from '../../db/database';
import { createLineSource, type LineSource } from '../../db/lineSource';
import type { SkippedRow } from '../../db/rowChecks';
import { createRpc, RpcFailure, transfer } from '../rpc';
import type { ExpiredFailure, LineIndexPageSide, LineIndexWorkerSide } from './protocol';

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
/** Refreshes run one after the other: the second only adds what came since the first. */
let refreshing: Promise<unknown> = Promise.resolve();

const refresh = async () => {
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
  refresh: () => {
    const run = refreshing.catch(() => undefined).then(refresh);
    refreshing = run;
    return run;
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
