import { describe, expect, it } from 'vitest';
import type { LineItem } from '../api/schemas';
import { encodeBlock, type LineBlock } from './block';
import { addBlockRollup, mergeRollups, rollupBlock, type RollupRow } from './rollup';

const line = (lineNo: number, serviceCode: string, netAmount: string, vatAmount: string): LineItem => ({
  lineNo,
  serviceCode,
  description: '',
  serviceDate: '2026-03-10',
  invoiceReference: '123456789',
  frankingLicence: '60012345',
  customerReference: null,
  quantity: '1',
  unitPrice: `${netAmount}00`,
  netAmount,
  vatRate: '8.1',
  vatAmount,
});

const store = (rows: Iterable<RollupRow>): Map<string, RollupRow> =>
  new Map([...rows].map((row) => [row.key, row]));

/** What a repeated page commits: the block stored again, less the one it replaces (syncStore.ts). */
const replacing = (block: LineBlock, replaced: LineBlock) => addBlockRollup(rollupBlock(block), replaced, -1);

describe('a block stored again, its predecessor taken back out', () => {
  const first = encodeBlock('inv', 0, [line(1, 'A', '10.00', '0.81'), line(2, 'B', '5.00', '0.41')]);

  it('never double counts a repeated page', () => {
    const again = encodeBlock('inv', 0, [line(1, 'A', '10.00', '0.81'), line(2, 'C', '7.00', '0.57')]);
    const stored = store(mergeRollups(new Map(), rollupBlock(first)).put);
    const merged = mergeRollups(stored, replacing(again, first));
    const after = new Map(stored);
    for (const key of merged.remove) after.delete(key);
    for (const row of merged.put) after.set(row.key, row);
    expect(after).toEqual(store(rollupBlock(again).values()));
    expect(merged.remove).toEqual(['2026-03|B|60012345|123456789']);
  });

  it('leaves zero-line rows in the delta for the merge to remove', () => {
    const delta = replacing(first, first);
    expect([...delta.values()].map((row) => [row.lines, row.netCentimes, row.vatCentimes])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
