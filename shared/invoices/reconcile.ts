import { blockTotals, type LineBlock } from '../lines/block';
import { parseMoney } from '../core/money';
import type { Invoice } from '../api/schemas';

/** How far an invoice's lines have arrived on this device. */
export type LinesState = 'pending' | 'partial' | 'complete' | 'gone';

/** What reconciling needs of a stored invoice: its header totals and whether all lines arrived. */
export type ReconcilableInvoice = Pick<Invoice, 'lineCount' | 'netTotal' | 'grossTotal'> & {
  linesState: LinesState;
};

export type Reconciliation =
  | { state: 'reconciled'; netCentimes: number; vatCentimes: number }
  | { state: 'incomplete'; stored: number; count: number }
  | { state: 'mismatch'; linesGross: number; invoiceGross: number; difference: number };

/** Do the stored lines add up to the header, to the centime? */
export const reconcile = (invoice: ReconcilableInvoice, blocks: readonly LineBlock[]): Reconciliation => {
  const totals = blocks.map(blockTotals).reduce(
    (sum, part) => ({
      lines: sum.lines + part.lines,
      net: sum.net + part.netCentimes,
      vat: sum.vat + part.vatCentimes,
    }),
    { lines: 0, net: 0, vat: 0 },
  );
  if (totals.lines < invoice.lineCount && invoice.linesState !== 'complete') {
    return { state: 'incomplete', stored: totals.lines, count: invoice.lineCount };
  }
  const invoiceGross = parseMoney(invoice.grossTotal);
  const linesGross = totals.net + totals.vat;
  if (
    totals.lines !== invoice.lineCount ||
    totals.net !== parseMoney(invoice.netTotal) ||
    linesGross !== invoiceGross
  ) {
    return { state: 'mismatch', linesGross, invoiceGross, difference: linesGross - invoiceGross };
  }
  return { state: 'reconciled', netCentimes: totals.net, vatCentimes: totals.vat };
};
