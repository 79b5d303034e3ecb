import { describe, expect, it } from 'vitest';
import type { Assignment, LineItem } from '../api/schemas';
import { UNASSIGNED } from '../allocation/assignments';
import { encodeBlock } from '../lines/block';
import { dayToMonth } from '../core/dates';
import { mergeRollups, rollupBlock, type RollupRow } from '../lines/rollup';
import {
  costPerCenterFromLines,
  costPerCenterFromRollups,
  tableTotal,
  unassignedShare,
  unassignedShareOfAllocated,
} from './costPerCenter';

const assignments: Assignment[] = [
  {
    id: 'a',
    kind: 'service',
    key: 'PP-PRI',
    splits: [
      { costCenterCode: 'LOG', percent: 60 },
      { costCenterCode: 'MKT', percent: 40 },
    ],
    validFrom: '2026-02-01',
    validTo: null,
    etag: 'e',
    updatedAt: '2026-01-01T00:00:00Z',
  },
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

describe('cost per cost centre per month', () => {
  const lines = [
    line(1, 'PP-PRI', '2026-01-15', '100.00'),
    line(2, 'PP-PRI', '2026-02-03', '10.01'),
    line(3, 'PP-PRI', '2026-02-20', '10.01'),
    line(4, 'A-POST', '2026-02-20', '5.55'),
  ];
  const block = encodeBlock('i', 0, lines);
  const rollups: RollupRow[] = mergeRollups(new Map(), rollupBlock(block)).put;
  const decoded = Array.from({ length: block.count }, (_, i) => ({
    serviceCode: block.dict[block.serviceCode[i] ?? 0] ?? '',
    frankingLicence: block.dict[block.frankingLicence[i] ?? 0] ?? '',
    invoiceReference: block.dict[block.invoiceReference[i] ?? 0] ?? '',
    serviceDay: block.serviceDay[i] ?? 0,
    month: dayToMonth(block.serviceDay[i] ?? 0),
    netCentimes: block.netCentimes[i] ?? 0,
  }));

  it('charges by validity and splits, the rest unassigned, and reconciles to the centime', () => {
    const fromLines = costPerCenterFromLines(decoded, assignments);
    expect(fromLines.get(`${UNASSIGNED}|2026-01`)?.netCentimes).toBe(10000);
    expect(fromLines.get(`${UNASSIGNED}|2026-02`)?.netCentimes).toBe(555);
    // Per line: 1001 -> 601 + 400 (600.6 rounds to 601, 400.4 to 400).
    expect(fromLines.get('LOG|2026-02')?.netCentimes).toBe(1202);
    expect(fromLines.get('MKT|2026-02')?.netCentimes).toBe(800);
    expect(tableTotal(fromLines)).toBe(10000 + 1001 + 1001 + 555);
  });

  it('from rollups gives the same grand total, each centre within a centime per split and row', () => {
    const fromRollups = costPerCenterFromRollups(rollups, assignments);
    const fromLines = costPerCenterFromLines(decoded, assignments);
    expect(tableTotal(fromRollups)).toBe(tableTotal(fromLines));
    // The month's two lines are one rollup row: 2002 -> 1201 + 801.
    expect(fromRollups.get('LOG|2026-02')?.netCentimes).toBe(1201);
    expect(fromRollups.get('MKT|2026-02')?.netCentimes).toBe(801);
  });
});

describe('the unassigned share of the Overview', () => {
  const block = encodeBlock('i', 0, [
    line(1, 'PP-PRI', '2026-01-15', '100.00'),
    line(2, 'PP-PRI', '2026-02-03', '10.01'),
    line(3, 'PP-PRI', '2026-02-20', '10.01'),
    line(4, 'A-POST', '2026-02-20', '5.55'),
  ]);
  const rollups = mergeRollups(new Map(), rollupBlock(block)).put;

  it('counts only the chosen months, to the centime', () => {
    expect(unassignedShare(rollups, assignments, new Set(['2026-02']))).toEqual({
      unassignedCentimes: 555,
      totalCentimes: 2557,
      share: 555 / 2557,
    });
    expect(unassignedShare(rollups, assignments, new Set(['2026-01', '2026-02']))).toMatchObject({
      unassignedCentimes: 10_555,
      totalCentimes: 12_557,
    });
  });

  it('is zero, not NaN, when the months hold no cost', () => {
    expect(unassignedShare(rollups, assignments, new Set(['2025-12']))).toEqual({
      unassignedCentimes: 0,
      totalCentimes: 0,
      share: 0,
    });
  });
});

describe('unassignedShareOfAllocated', () => {
  const rows = [
    { costCenter: UNASSIGNED, month: '2026-01', netCentimes: 10_000 },
    { costCenter: 'LOG', month: '2026-02', netCentimes: 1_201 },
    { costCenter: 'MKT', month: '2026-02', netCentimes: 801 },
    { costCenter: UNASSIGNED, month: '2026-02', netCentimes: 555 },
  ];

  it('counts only the chosen months, to the centime', () => {
    expect(unassignedShareOfAllocated(rows, new Set(['2026-02']))).toEqual({
      unassignedCentimes: 555,
      totalCentimes: 2557,
      share: 555 / 2557,
    });
    expect(unassignedShareOfAllocated(rows, new Set(['2026-01', '2026-02']))).toMatchObject({
      unassignedCentimes: 10_555,
      totalCentimes: 12_557,
    });
  });

  it('is zero, not NaN, when the months hold no cost', () => {
    expect(unassignedShareOfAllocated(rows, new Set(['2025-12']))).toEqual({
      unassignedCentimes: 0,
      totalCentimes: 0,
      share: 0,
    });
  });
});
