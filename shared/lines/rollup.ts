import type { LineBlock } from './block';
import { dayToMonth } from '../core/dates';

/**
 * Monthly rollups: per month of service date, service, franking licence and invoice reference, the
 * line count and exact sums. Analytics read these, never every line. A block's rollup is its delta:
 * added when the block is stored, subtracted if it is ever replaced, so totals never double count.
 */
export interface RollupRow {
  key: string;
  month: string;
  serviceCode: string;
  frankingLicence: string;
  invoiceReference: string;
  lines: number;
  netCentimes: number;
  vatCentimes: number;
}

export const rollupKey = (
  month: string,
  serviceCode: string,
  frankingLicence: string,
  invoiceReference: string,
): string => `${month}|${serviceCode}|${frankingLicence}|${invoiceReference}`;

export const rollupBlock = (block: LineBlock, sign: 1 | -1 = 1): Map<string, RollupRow> =>
  addBlockRollup(new Map<string, RollupRow>(), block, sign);

/**
 * Adds `block`'s lines (or takes them out, sign -1) onto `rows`: the deltas of several blocks
 * committed together are summed before the stored rows are read once.
 */
export const addBlockRollup = (
  rows: Map<string, RollupRow>,
  block: LineBlock,
  sign: 1 | -1,
): Map<string, RollupRow> => {
  const months = new Map<number, string>();
  for (let i = 0; i < block.count; i += 1) {
    const day = block.serviceDay[i] ?? 0;
    let month = months.get(day);
    if (month === undefined) {
      month = dayToMonth(day);
      months.set(day, month);
    }
    const serviceCode = block.dict[block.serviceCode[i] ?? 0] ?? '';
    const frankingLicence = block.dict[block.frankingLicence[i] ?? 0] ?? '';
    const invoiceReference = block.dict[block.invoiceReference[i] ?? 0] ?? '';
    const key = rollupKey(month, serviceCode, frankingLicence, invoiceReference);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        month,
        serviceCode,
        frankingLicence,
        invoiceReference,
        lines: 0,
        netCentimes: 0,
        vatCentimes: 0,
      };
      rows.set(key, row);
    }
    row.lines += sign;
    row.netCentimes += sign * (block.netCentimes[i] ?? 0);
    row.vatCentimes += sign * (block.vatCentimes[i] ?? 0);
  }
  return rows;
};

/** Adds a delta onto stored rows; rows that fall to zero lines disappear. */
export const mergeRollups = (
  stored: ReadonlyMap<string, RollupRow>,
  delta: ReadonlyMap<string, RollupRow>,
): { put: RollupRow[]; remove: string[] } => {
  const put: RollupRow[] = [];
  const remove: string[] = [];
  for (const [key, change] of delta) {
    const base = stored.get(key);
    const merged: RollupRow = base
      ? {
          ...base,
          lines: base.lines + change.lines,
          netCentimes: base.netCentimes + change.netCentimes,
          vatCentimes: base.vatCentimes + change.vatCentimes,
        }
      : change;
    if (merged.lines === 0) remove.push(key);
    else put.push(merged);
  }
  return { put, remove };
};
