import { describe, expect, it } from 'vitest';
import type { LineItem } from '../api/schemas';
import { parseMoney } from '../core/money';
import { blockTotals, decodeBlock, encodeBlock, MAX_BLOCK_LINES } from './block';
import {
  addBlockRollup,
  mergeRollupMonths,
  mergeRollups,
  rollupBlock,
  type RollupMonth,
  type RollupRow,
} from './rollup';

const line = (lineNo: number, overrides: Partial<LineItem> = {}): LineItem => ({
  lineNo,
  serviceCode: 'PP-PRI',
  description: 'PostPac Priority',
  serviceDate: '2026-03-31',
  invoiceReference: '123456789',
  frankingLicence: '60012345',
  customerReference: null,
  quantity: '12',
  unitPrice: '9.5000',
  netAmount: '114.00',
  vatRate: '8.1',
  vatAmount: '9.23',
  ...overrides,
});

const lines: LineItem[] = [
  line(1),
  line(2, {
    serviceCode: 'A-POST',
    description: '',
    vatRate: '0.0',
    vatAmount: '0.00',
    quantity: '1.250',
    unitPrice: '1.1500',
    netAmount: '1.44',
    customerReference: 'PO-4711 / Müller',
  }),
  line(3, {
    serviceDate: '2026-04-01',
    frankingLicence: '60099999',
    netAmount: '-20.05',
    vatAmount: '-1.62',
    quantity: '-1',
    unitPrice: '20.0500',
  }),
  line(4, { netAmount: '999999999999.99', vatAmount: '0.01' }),
];

describe('line blocks', () => {
  it('round-trips every field exactly, with repeated strings stored once', () => {
    const block = encodeBlock('inv-1', 0, lines);
    expect(block.count).toBe(4);
    expect(block.dict.filter((entry) => entry === 'PP-PRI')).toHaveLength(1);
    const decoded = decodeBlock(block);
    expect(
      decoded.map((item) => [
        item.lineNo,
        item.serviceCode,
        item.serviceDate,
        item.frankingLicence,
        item.customerReference,
      ]),
    ).toEqual(
      lines.map((item) => [
        item.lineNo,
        item.serviceCode,
        item.serviceDate,
        item.frankingLicence,
        item.customerReference,
      ]),
    );
    expect(decoded.map((item) => [item.netAmount, item.vatAmount, item.vatRate, item.description])).toEqual(
      lines.map((item) => [item.netAmount, item.vatAmount, item.vatRate, item.description]),
    );
    expect(decoded.map((item) => parseMoney(item.netAmount))).toEqual(
      lines.map((item) => parseMoney(item.netAmount)),
    );
    expect(decoded[1]?.quantity).toBe('1.25');
    expect(decoded[2]?.quantity).toBe('-1');
  });

  it('totals to the centime', () => {
    const totals = blockTotals(encodeBlock('inv-1', 0, lines));
    expect(totals).toEqual({
      lines: 4,
      netCentimes: 11400 + 144 - 2005 + 99_999_999_999_999,
      vatCentimes: 923 + 0 - 162 + 1,
    });
  });

  it('refuses more lines than one API page may carry', () => {
    expect(() =>
      encodeBlock(
        'x',
        0,
        Array.from({ length: MAX_BLOCK_LINES + 1 }, (_, i) => line(i + 1)),
      ),
    ).toThrow(RangeError);
  });
});

describe('rollups', () => {
  it('sums per month, service, licence and reference, and a negative delta removes them again', () => {
    const block = encodeBlock('inv-1', 0, lines);
    const delta = rollupBlock(block);
    const march = delta.get('2026-03|PP-PRI|60012345|123456789');
    expect(march).toMatchObject({ lines: 2, netCentimes: 11400 + 99_999_999_999_999, vatCentimes: 924 });
    expect(delta.get('2026-04|PP-PRI|60099999|123456789')).toMatchObject({ lines: 1, netCentimes: -2005 });
    const stored = new Map(mergeRollups(new Map(), delta).put.map((row) => [row.key, row]));
    const undone = mergeRollups(stored, rollupBlock(block, -1));
    expect(undone.put).toEqual([]);
    expect(undone.remove.sort()).toEqual([...delta.keys()].sort());
  });

  it('keeps one record per month that sums exactly what the rows did, commit after commit', () => {
    const blocks = [
      encodeBlock('inv-1', 0, lines),
      encodeBlock('inv-2', 0, [line(1, { serviceDate: '2026-02-10' }), line(2, { serviceCode: 'EXP' })]),
      encodeBlock('inv-3', 0, [
        line(1, { serviceDate: '2026-04-01', netAmount: '-3.00', vatAmount: '-0.24' }),
      ]),
    ];
    // Commit after commit, as the sync stores them: the records are read back before each merge.
    const records = new Map<string, RollupMonth>();
    const commit = (delta: Map<string, RollupRow>) => {
      const months = [...new Set([...delta.values()].map((row) => row.month))];
      const merged = mergeRollupMonths(
        months.map((month) => records.get(month)),
        delta,
      );
      for (const record of merged.put) records.set(record.month, record);
      for (const month of merged.remove) records.delete(month);
      return merged;
    };
    for (const block of blocks) commit(rollupBlock(block));
    const all = new Map<string, RollupRow>();
    for (const block of blocks) addBlockRollup(all, block, 1);
    const expected = mergeRollups(new Map(), all).put.sort((a, b) => (a.key < b.key ? -1 : 1));
    const months = [...records.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
    expect(months.map((record) => record.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(months.flatMap((record) => record.rows)).toEqual(expected);
    for (const record of months) expect(record.rows.every((row) => row.month === record.month)).toBe(true);

    // Taking a block back out removes its rows, and a month left empty is deleted, not kept empty.
    const undone = commit(rollupBlock(blocks[1] ?? blocks[0]!, -1));
    expect(undone.remove).toEqual(['2026-02']);
    expect(records.has('2026-02')).toBe(false);
    const rest = new Map<string, RollupRow>();
    for (const block of [blocks[0]!, blocks[2]!]) addBlockRollup(rest, block, 1);
    expect([...records.values()].flatMap((record) => record.rows)).toEqual(
      mergeRollups(new Map(), rest).put.sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });
});
