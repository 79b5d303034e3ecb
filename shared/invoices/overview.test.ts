import { describe, expect, it } from 'vitest';
import type { Invoice } from '../api/schemas';
import { invoiceFixture } from '../testing/invoiceFixture';
import type { RollupRow } from '../lines/rollup';
import { monthlyTrend, summariseOpen } from './overview';

const invoice = (id: string, status: Invoice['status'], dueDate: string, grossTotal: string): Invoice =>
  invoiceFixture({ id, status, dueDate, grossTotal, netTotal: grossTotal, vatTotal: '0.00' });

describe('overview', () => {
  it('sums what is open, lists what is overdue and what falls due within ten days', () => {
    const summary = summariseOpen(
      [
        invoice('paid', 'paid', '2026-11-01', '500.00'),
        invoice('late', 'overdue', '2026-10-01', '100.05'),
        invoice('passed', 'open', '2026-11-20', '10.00'),
        invoice('soon', 'open', '2026-11-30', '20.00'),
        invoice('edge', 'open', '2026-12-02', '30.00'),
        invoice('later', 'open', '2026-12-03', '40.00'),
        invoice('void', 'cancelled', '2026-11-25', '99.00'),
      ],
      '2026-11-22',
    );
    expect(summary.openCentimes).toBe(10005 + 1000 + 2000 + 3000 + 4000);
    expect(summary.openCount).toBe(5);
    expect(summary.overdue.map((row) => row.id)).toEqual(['late', 'passed']);
    expect(summary.dueSoon.map((row) => row.id)).toEqual(['soon', 'edge']);
  });

  it('builds twelve zero-filled months of gross cost from rollups', () => {
    const row = (month: string, net: number, vat: number): RollupRow => ({
      key: month,
      month,
      serviceCode: 'A',
      frankingLicence: 'L',
      invoiceReference: 'R',
      lines: 1,
      netCentimes: net,
      vatCentimes: vat,
    });
    const trend = monthlyTrend(
      [row('2026-11', 1000, 81), row('2026-11', 500, 0), row('2025-12', 7, 0), row('2025-11', 999, 0)],
      '2026-11-22',
    );
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual({ month: '2025-12', netCentimes: 7, grossCentimes: 7 });
    expect(trend[11]).toEqual({ month: '2026-11', netCentimes: 1500, grossCentimes: 1581 });
    expect(trend.filter((month) => month.grossCentimes === 0)).toHaveLength(10);
  });
});
