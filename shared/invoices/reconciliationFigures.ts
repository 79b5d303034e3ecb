import type { Invoice } from '../api/schemas';
import { parseMoney } from '../core/money';
import { blockTotals, type LineBlock } from '../lines/block';
import { reconcile, type ReconcilableInvoice, type Reconciliation } from './reconcile';

/** One compared amount: what the stored lines add up to against what the header states. */
export interface ComparedAmount {
  linesCentimes: number;
  invoiceCentimes: number;
  /** lines minus header: 0 when they agree. */
  differenceCentimes: number;
}

export interface ReconciliationFigures {
  /** The verdict, as `reconcile` gives it. */
  state: Reconciliation['state'];
  storedLines: number;
  lineCount: number;
  net: ComparedAmount;
  vat: ComparedAmount;
  gross: ComparedAmount;
}

export type FiguresInvoice = ReconcilableInvoice & Pick<Invoice, 'vatTotal'>;

const compared = (linesCentimes: number, invoiceCentimes: number): ComparedAmount => ({
  linesCentimes,
  invoiceCentimes,
  differenceCentimes: linesCentimes - invoiceCentimes,
});

/** The figures behind the verdict, so the clerk sees what was compared and by how much it differs. */
export const reconciliationFigures = (
  invoice: FiguresInvoice,
  blocks: readonly LineBlock[],
): ReconciliationFigures => {
  let lines = 0;
  let net = 0;
  let vat = 0;
  for (const block of blocks) {
    const totals = blockTotals(block);
    lines += totals.lines;
    net += totals.netCentimes;
    vat += totals.vatCentimes;
  }
  return {
    state: reconcile(invoice, blocks).state,
    storedLines: lines,
    lineCount: invoice.lineCount,
    net: compared(net, parseMoney(invoice.netTotal)),
    vat: compared(vat, parseMoney(invoice.vatTotal)),
    gross: compared(net + vat, parseMoney(invoice.grossTotal)),
  };
};
