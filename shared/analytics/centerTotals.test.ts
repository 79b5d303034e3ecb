import { describe, expect, it } from 'vitest';
import type { Assignment, LineItem } from '../api/schemas';
import { allocateLine } from '../allocation';
import { UNASSIGNED } from '../allocation/assignments';
import { encodeBlock } from '../lines/block';
import { rollupBlock, type RollupRow } from '../lines/rollup';
import { centerTotals, periodDates, rollupMonths, type AllocatedMonth } from './centerTotals';

const assignment = (id: string, key: string, splits: Assignment['splits']): Assignment => ({
  id,
  kind: 'service',
  key,
  splits,
  validFrom: null,
  validTo: null,
  etag: 'e',
  updatedAt: '2026-01-01T00:00:00Z',
});

const assignments = [
  assignment('a', 'PP-PRI', [
    { costCenterCode: '3300', percent: 33 },
    { costCenterCode: '2100', percent: 67 },
  ]),
  assignment('b', 'MM-PROMO', [{ costCenterCode: '10000', percent: 100 }]),
];

const line = (lineNo: number, serviceCode: string, serviceDate: string, net: string): LineItem => ({
  lineNo,
  serviceCode,
  serviceDate,
  invoiceReference: '12345678',
  frankingLicence: '60000001',
  customerReference: null,
  quantity: '1',
  unitPrice: '1.00',
  netAmount: net,
  vatRate: '8.1',
  vatAmount: '0.00',
});

const rollupsOf = (lines: LineItem[]): RollupRow[] => {
  return [...rollupBlock(encodeBlock('i', 0, lines)).values()];
};

/** What the allocated rollups hold: every line's parts from the engine, per centre and month. */
const allocatedOf = (lines: LineItem[]): AllocatedMonth[] => {
  const byKey = new Map<string, AllocatedMonth>();
  for (const item of lines)
    for (const part of allocateLine(item, assignments)) {
      const costCenter = part.costCenterCode ?? UNASSIGNED;
      const month = item.serviceDate.slice(0, 7);
      const row = byKey.get(`${month} ${costCenter}`) ?? { costCenter, month, netCentimes: 0 };
      row.netCentimes += part.netCentimes;
      byKey.set(`${month} ${costCenter}`, row);
    }
  return [...byKey.values()];
};

describe('net cost per cost centre over a period', () => {
  // Amounts chosen so the 33/67 split rounds: 0.01 cannot be split without a remainder.
  const lines = [
    line(1, 'PP-PRI', '2026-01-15', '0.01'),
    line(2, 'PP-PRI', '2026-02-03', '10.01'),
    line(3, 'PP-PRI', '2026-02-20', '-3.33'),
    line(4, 'A-POST', '2026-02-20', '5.55'),
    line(5, 'MM-PROMO', '2026-03-01', '1234567.89'),
    line(6, 'A-POST', '2026-04-01', '1.00'),
  ];
  const rollups = rollupsOf(lines);
  const allocated = allocatedOf(lines);

  it('lists the months the rollups hold, oldest first', () => {
    expect(rollupMonths(rollups)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('totals exactly the net of the lines in the period, centres by code, unassigned last', () => {
    const totals = centerTotals(allocated, rollups, { from: '2026-02', to: '2026-03' });
    expect(totals.rows.map((row) => row.costCenter)).toEqual(['2100', '3300', '10000', UNASSIGNED]);
    expect(totals.lines).toBe(4);
    expect(totals.linesNetCentimes).toBe(1001 - 333 + 555 + 123456789);
    expect(totals.totalCentimes).toBe(totals.linesNetCentimes);
    expect(totals.rows.find((row) => row.costCenter === UNASSIGNED)?.netCentimes).toBe(555);
    expect(totals.rows.find((row) => row.costCenter === '10000')?.netCentimes).toBe(123456789);
    // Each line is split on its own: 10.01 is 3.30 + 6.71 and -3.33 is -1.10 + -2.23 (33 % of -3.33
    // is -1.0989 -> -1.10, 67 % is -2.2311 -> -2.23): each line's parts add up without a remainder.
    expect(totals.rows.find((row) => row.costCenter === '3300')?.netCentimes).toBe(330 - 110);
    expect(totals.rows.find((row) => row.costCenter === '2100')?.netCentimes).toBe(671 - 223);
  });

  it('leaves out months outside the period, both ends included', () => {
    const one = centerTotals(allocated, rollups, { from: '2026-01', to: '2026-01' });
    expect(one).toEqual({
      rows: [
        // 0.01 split 33/67: 0.0033 -> 0.00 and 0.0067 -> 0.01.
        { costCenter: '2100', netCentimes: 1 },
        { costCenter: '3300', netCentimes: 0 },
      ],
      totalCentimes: 1,
      lines: 1,
      linesNetCentimes: 1,
    });
    const all = centerTotals(allocated, rollups, { from: '2026-01', to: '2026-04' });
    expect(all.totalCentimes).toBe(1 + 1001 - 333 + 555 + 123456789 + 100);
    expect(all.lines).toBe(lines.length);
  });

  it('is empty for a period without lines', () => {
    expect(centerTotals(allocated, rollups, { from: '2027-01', to: '2027-12' })).toEqual({
      rows: [],
      totalCentimes: 0,
      lines: 0,
      linesNetCentimes: 0,
    });
  });
});

describe('periodDates', () => {
  it('runs from the first day of the first month to the last day of the last, leap years included', () => {
    expect(periodDates({ from: '2026-01', to: '2026-02' })).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(periodDates({ from: '2028-02', to: '2028-02' })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDates({ from: '2025-12', to: '2026-12' })).toEqual({ from: '2025-12-01', to: '2026-12-31' });
  });
});
