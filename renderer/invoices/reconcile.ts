import { blockTotals, type LineBlock } from '../../shared/lines/block';
import { parseMoney } from '../../shared/core/money';
import type { StoredInvoice } from '../db/records';

export type Reconciliation =
  | { state: 'reconciled'; netCentimes: number; vatCentimes: number }
  | { state: 'incomplete'; stored: number; count: number }
  | { state: 'mismatch'; linesGross: number; invoiceGross: number; difference: number };

/** Do the stored lines add up to the header, to the centime? */
export const reconcile = (invoice: StoredInvoice, blocks: readonly LineBlock[]): Reconciliation => {
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
