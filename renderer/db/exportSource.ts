import type { MonthPeriod } from '../../shared/analytics/centerTotals';
import { parseMoney } from '../../shared/core/money';
import type { Language } from '../../shared/i18n/languages';
import type { LineBlock } from '../../shared/lines/block';
import type { ExportInvoice, PeriodSource } from '../../shared/export/periodExport';
import type { InvoiceDeskDatabase } from './database';
import {
  checkAllocatedRollups,
  checkAssignments,
  checkBlocks,
  checkCostCenters,
  checkInvoices,
  checkServices,
  type SkippedRow,
} from './rowChecks';

/**
 * What a period export reads from the archive (in the export worker): the small tables at once,
 * the line blocks in batches by primary key, so a 1.3 M-line export holds a few blocks at a time.
 * Rows are checked at this boundary like everywhere else; a damaged one is left out and reported.
 */

// Eight blocks of up to 5,000 lines: about 40,000 lines per read, a few MB.
const BLOCKS_PER_READ = 8;

export interface ExportSourceRead {
  source: PeriodSource;
  /** Damaged rows left out (the blocks' list grows while the export reads them). */
  skipped: SkippedRow[];
}

export const readExportSource = async (
  db: InvoiceDeskDatabase,
  period: MonthPeriod,
  language: Language,
): Promise<ExportSourceRead> => {
  const skipped: SkippedRow[] = [];
  const keep = <T>(checked: { rows: T[]; skipped: SkippedRow[] }): T[] => {
    skipped.push(...checked.skipped);
    return checked.rows;
  };
  const [invoices, costCenters, assignments, allocated, services, blockCount] = await db.transaction(
    'r',
    [db.invoices, db.costCenters, db.assignments, db.allocatedRollups, db.services, db.lineBlocks],
    async () =>
      Promise.all([
        db.invoices.toArray().then((rows) => keep(checkInvoices(rows))),
        db.costCenters.toArray().then((rows) => keep(checkCostCenters(rows))),
        db.assignments.toArray().then((rows) => keep(checkAssignments(rows))),
        db.allocatedRollups
          .where('month')
          .between(period.from, period.to, true, true)
          .toArray()
          .then((rows) => keep(checkAllocatedRollups(rows))),
        db.services.toArray().then((rows) => keep(checkServices(rows))),
        db.lineBlocks.count(),
      ]),
  );
  const byId = new Map<string, ExportInvoice>(
    invoices.map((invoice) => [
      invoice.id,
      {
        id: invoice.id,
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        netCentimes: parseMoney(invoice.netTotal),
        vatCentimes: parseMoney(invoice.vatTotal),
        lineCount: invoice.lineCount,
      },
    ]),
  );
  async function* blocks(): AsyncGenerator<LineBlock[], void, undefined> {
    let after: [string, number] | null = null;
    for (;;) {
      const collection =
        after === null ? db.lineBlocks.toCollection() : db.lineBlocks.where(':id').above(after);
      const batch: unknown[] = await collection.limit(BLOCKS_PER_READ).toArray();
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      const checked = keep(checkBlocks(batch));
      yield checked;
      if (batch.length < BLOCKS_PER_READ) return;
      // A damaged last block still has its key: the next read starts after it.
      after = keyOf(last) ?? null;
      if (after === null) return;
    }
  }
  return {
    source: {
      period,
      invoices: byId,
      costCenters: costCenters.map((centre) => ({ code: centre.code, name: centre.name })),
      assignments,
      allocated,
      serviceNames: new Map(services.map((service) => [service.code, service.names[language]])),
      blockCount,
      blocks: { [Symbol.asyncIterator]: blocks },
    },
    skipped,
  };
};

const keyOf = (row: unknown): [string, number] | undefined => {
  if (typeof row !== 'object' || row === null) return undefined;
  const invoiceId: unknown = Reflect.get(row, 'invoiceId');
  const blockNo: unknown = Reflect.get(row, 'blockNo');
  return typeof invoiceId === 'string' && typeof blockNo === 'number' ? [invoiceId, blockNo] : undefined;
};
