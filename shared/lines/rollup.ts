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

/**
 * One month's rollups, stored as one record: a lines commit then reads and writes a record per month
 * its blocks touch, not a row per key (IndexedDB costs about as much per request as per 100 KB, and
 * a month holds hundreds to thousands of keys).
 */
export interface RollupMonth {
  month: string;
  /** In key order. */
  rows: RollupRow[];
}

/**
 * Adds a delta onto the stored month records: the records to write (rows in key order) and the
 * months left with no row, to delete. `stored` holds each month the delta touches, or undefined.
 */
export const mergeRollupMonths = (
  stored: readonly (RollupMonth | undefined)[],
  delta: ReadonlyMap<string, RollupRow>,
): { put: RollupMonth[]; remove: string[] } => {
  const byMonth = new Map<string, Map<string, RollupRow>>();
  for (const record of stored) {
    if (record) byMonth.set(record.month, new Map(record.rows.map((row) => [row.key, row])));
  }
  const current = new Map<string, RollupRow>();
  for (const [key, change] of delta) {
    const row = byMonth.get(change.month)?.get(key);
    if (row) current.set(key, row);
  }
  const merged = mergeRollups(current, delta);
  const touched = new Set<string>();
  const rowsOf = (month: string) => {
    touched.add(month);
    let rows = byMonth.get(month);
    if (!rows) {
      rows = new Map();
      byMonth.set(month, rows);
    }
    return rows;
  };
  for (const row of merged.put) rowsOf(row.month).set(row.key, row);
  for (const key of merged.remove) {
    const month = delta.get(key)?.month;
    if (month !== undefined) rowsOf(month).delete(key);
  }
  const put: RollupMonth[] = [];
  const remove: string[] = [];
  for (const month of [...touched].sort()) {
    const rows = [...(byMonth.get(month)?.values() ?? [])].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    if (rows.length === 0) remove.push(month);
    else put.push({ month, rows });
  }
  return { put, remove };
};
