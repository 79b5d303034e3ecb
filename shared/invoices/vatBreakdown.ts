import type { LineBlock } from '../lines/block';

/** One VAT rate of an invoice as its document prints it: the lines at that rate, summed. */
export interface VatRateRow {
  /** Hundredths of a percent: 810 is 8.1 %. */
  rateBp: number;
  lines: number;
  netCentimes: number;
  vatCentimes: number;
  grossCentimes: number;
}

/**
 * The VAT summary per rate from the stored lines, lowest rate first. Sums of line amounts, as the
 * operator's document does it (the VAT of a rate is not recomputed on its net: that could differ by
 * a centime from what was billed).
 */
export const vatBreakdown = (blocks: readonly LineBlock[]): VatRateRow[] => {
  const rows = new Map<number, VatRateRow>();
  for (const block of blocks) {
    for (let i = 0; i < block.count; i += 1) {
      const rateBp = block.vatRateBp[i] ?? 0;
      const net = block.netCentimes[i] ?? 0;
      const vat = block.vatCentimes[i] ?? 0;
      const row = rows.get(rateBp);
      if (row) {
        row.lines += 1;
        row.netCentimes += net;
        row.vatCentimes += vat;
        row.grossCentimes += net + vat;
      } else {
        rows.set(rateBp, { rateBp, lines: 1, netCentimes: net, vatCentimes: vat, grossCentimes: net + vat });
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.rateBp - b.rateBp);
};

/** "8.1" for 810: the rate as a decimal string, for the locale formatter (never a float). */
export const vatRateDecimal = (rateBp: number): string => {
  const whole = Math.trunc(rateBp / 100);
  const hundredths = rateBp % 100;
  if (hundredths === 0) return `${whole}.0`;
  return `${whole}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
};
