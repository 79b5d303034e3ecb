/**
 * One pass over an invoice's lines: totals, per-service and per-rate subtotals, and (for invoices
 * short enough to print line by line) the lines themselves for the document.
 */
import { sumCentimes } from '../../shared/core/money';
import type { InvoiceMeta } from './ledger';
import { lineCore, type LineCore } from './lines';

export interface ServiceTotals {
  lines: number;
  quantity: number;
  net: number;
  vat: number;
}

export interface InvoiceTotals {
  readonly lineCount: number;
  readonly net: number;
  readonly vat: number;
  readonly gross: number;
  /** by catalogue index, in catalogue order */
  readonly byService: ReadonlyMap<number, Readonly<ServiceTotals>>;
  /** by VAT rate in hundredths of a percent, ascending */
  readonly byRate: ReadonlyMap<number, { readonly net: number; readonly vat: number }>;
}

/** Above this many lines the document prints a summary per service instead of every line. */
export const LISTING_LIMIT = 400;

export const computeTotals = (
  meta: InvoiceMeta,
  vatBasisPointsOf: (serviceIndex: number) => number,
  lineAt: (meta: InvoiceMeta, lineNo: number) => LineCore = lineCore,
): { totals: InvoiceTotals; lines: readonly LineCore[] | null } => {
  const byService = new Map<number, ServiceTotals>();
  const byRate = new Map<number, { net: number; vat: number }>();
  const keep = meta.lineCount <= LISTING_LIMIT;
  const lines: LineCore[] = [];
  const nets: number[] = [];
  const vats: number[] = [];
  for (let lineNo = 1; lineNo <= meta.lineCount; lineNo++) {
    const core = lineAt(meta, lineNo);
    if (keep) lines.push(core);
    nets.push(core.net);
    vats.push(core.vat);
    const service = byService.get(core.serviceIndex) ?? { lines: 0, quantity: 0, net: 0, vat: 0 };
    service.lines += 1;
    service.quantity += core.quantity;
    service.net += core.net;
    service.vat += core.vat;
    byService.set(core.serviceIndex, service);
    const rate = vatBasisPointsOf(core.serviceIndex);
    const rateTotals = byRate.get(rate) ?? { net: 0, vat: 0 };
    rateTotals.net += core.net;
    rateTotals.vat += core.vat;
    byRate.set(rate, rateTotals);
  }
  const net = sumCentimes(nets);
  const vat = sumCentimes(vats);
  return {
    totals: {
      lineCount: meta.lineCount,
      net,
      vat,
      gross: sumCentimes([net, vat]),
      byService: new Map([...byService].sort(([a], [b]) => a - b)),
      byRate: new Map([...byRate].sort(([a], [b]) => a - b)),
    },
    lines: keep ? lines : null,
  };
};
