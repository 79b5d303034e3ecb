import { describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../allocation/assignments';
import { lineQueryParams } from '../lines/filterQuery';
import {
  categoryShares,
  centerMonthTable,
  centerTrend,
  figureFilter,
  indexAllocated,
  orderCenters,
} from './figures';

const row = (month: string, costCenterCode: string, serviceCode: string, net: number, vat: number) => ({
  month,
  costCenterCode,
  serviceCode,
  netCentimes: net,
  vatCentimes: vat,
});

const rows = [
  row('2025-03', '2100', 'PP-PRI', 1000, 81),
  row('2026-02', '2100', 'PP-PRI', 701, 57),
  row('2026-02', '10', 'PP-PRI', 302, 24),
  row('2026-02', UNASSIGNED, 'PAK', 1, 0),
  row('2026-03', '2100', 'PAK', 2000, 162),
  row('2026-03', '2100', 'PP-PRI', 5, 1),
  row('2026-03', UNASSIGNED, 'NEW', -3, 0),
];
const index = indexAllocated(rows);
const period = { from: '2026-02', to: '2026-03' };

describe('the cost centre x month table', () => {
  it('has a row per centre in code order, numbers numerically, unassigned last, totals exact', () => {
    const table = centerMonthTable(index, period, 'net', ['3100']);
    expect(table.months).toEqual(['2026-02', '2026-03']);
    expect(table.centers).toEqual(['10', '2100', '3100', UNASSIGNED]);
    expect(table.cells).toEqual([
      [302, 0],
      [701, 2005],
      [0, 0],
      [1, -3],
    ]);
    expect(table.rowTotals).toEqual([302, 2706, 0, -2]);
    expect(table.columnTotals).toEqual([1004, 2002]);
    expect(table.total).toBe(3006);
  });

  it('shows VAT or gross when chosen', () => {
    expect(centerMonthTable(index, period, 'vat').total).toBe(57 + 24 + 162 + 1);
    expect(centerMonthTable(index, period, 'gross').rowTotals).toEqual([326, 2706 + 220, -2]);
  });

  it('keeps the unassigned row when nothing is unassigned', () => {
    expect(centerMonthTable(indexAllocated([]), period, 'net').centers).toEqual([UNASSIGNED]);
    expect(orderCenters(['B', UNASSIGNED, 'A10', 'A9'])).toEqual(['A9', 'A10', 'B', UNASSIGNED]);
  });
});

describe('share by service category', () => {
  it('sums per category, unknown services as "other", with the services billed', () => {
    const categories = new Map([
      ['PP-PRI', 'letters' as const],
      ['PAK', 'parcels' as const],
    ]);
    expect(categoryShares(index, period, 'gross', (code) => categories.get(code))).toEqual([
      { category: 'letters', centimes: 701 + 57 + 302 + 24 + 6, services: ['PP-PRI'] },
      { category: 'parcels', centimes: 1 + 2162, services: ['PAK'] },
      { category: 'other', centimes: -3, services: ['NEW'] },
    ]);
  });
});

describe('trend per cost centre', () => {
  it('puts each month beside the same month a year earlier', () => {
    const previous = { from: '2025-02', to: '2025-03' };
    expect(centerTrend(index, '2100', period, previous, 'net')).toEqual([
      { month: '2026-02', centimes: 701, previousCentimes: 0 },
      { month: '2026-03', centimes: 2005, previousCentimes: 1000 },
    ]);
    expect(centerTrend(index, '2100', period, null, 'net')[1]?.previousCentimes).toBeNull();
  });
});

describe('the line explorer filter behind a figure', () => {
  it('names the centre (unassigned as "-"), the services and the first and last day', () => {
    expect(
      lineQueryParams(figureFilter({ from: '2024-02', to: '2024-02' }, { center: UNASSIGNED })).toString(),
    ).toBe('cc=-&from=2024-02-01&to=2024-02-29');
    expect(lineQueryParams(figureFilter(period, { services: ['A', 'B'] })).toString()).toBe(
      'svc=A&svc=B&from=2026-02-01&to=2026-03-31',
    );
  });
});
