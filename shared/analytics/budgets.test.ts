import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNASSIGNED } from '../allocation/assignments';
import {
  alertKey,
  alertsToNotify,
  budgetAlerts,
  budgetLevel,
  budgetReadRange,
  budgetReport,
  monthsBetween,
  type BudgetCenter,
} from './budgets';
import type { AllocatedMonth } from './centerTotals';

const center = (code: string, monthlyBudget: string | null, active = true): BudgetCenter => ({
  code,
  name: `Centre ${code}`,
  active,
  monthlyBudget,
});

const cost = (costCenter: string, month: string, netCentimes: number): AllocatedMonth => ({
  costCenter,
  month,
  netCentimes,
});

describe('budgetLevel', () => {
  it('raises the warning at 80 % and the overrun at 100 %, to the centime', () => {
    expect(budgetLevel(100_000, 79_999)).toBe('ok');
    expect(budgetLevel(100_000, 80_000)).toBe('warning');
    expect(budgetLevel(100_000, 99_999)).toBe('warning');
    expect(budgetLevel(100_000, 100_000)).toBe('over');
    // 80 % of 0.01 is 0.008: one centime is already the whole budget.
    expect(budgetLevel(1, 1)).toBe('over');
  });

  it('takes any cost against a zero budget as over it, and no cost or a credit as fine', () => {
    expect(budgetLevel(0, 1)).toBe('over');
    expect(budgetLevel(0, 0)).toBe('ok');
    expect(budgetLevel(0, -500)).toBe('ok');
    expect(budgetLevel(100_000, -500)).toBe('ok');
  });

  it('agrees with the exact fraction for any amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e11 }), fc.integer({ min: 1, max: 1e11 }), (budget, actual) => {
        const level = budgetLevel(budget, actual);
        const expected =
          BigInt(actual) * 100n >= BigInt(budget) * 100n
            ? 'over'
            : BigInt(actual) * 100n >= BigInt(budget) * 80n
              ? 'warning'
              : 'ok';
        expect(level).toBe(expected);
      }),
    );
  });
});

describe('budgetReport', () => {
  const centers = [
    center('4100', '1000.00'),
    center('200', '500.00'),
    center('300', null),
    center('900', '0.00'),
  ];
  const allocated = [
    cost('4100', '2026-01', 50_000),
    cost('4100', '2026-02', 85_000),
    cost('4100', '2026-03', 120_000),
    cost('200', '2026-03', 10_000),
    cost('300', '2026-03', 999_999),
    cost(UNASSIGNED, '2026-03', 777_777),
    cost('900', '2026-02', 1),
    cost('900', '2026-03', -1),
  ];

  it('compares each month, the period and the year to date in exact centimes', () => {
    const rows = budgetReport(centers, allocated, { from: '2026-02', to: '2026-03' });
    // Without a budget, no row; codes in numeric order.
    expect(rows.map((row) => row.code)).toEqual(['200', '900', '4100']);
    const logistics = rows[2];
    expect(logistics?.months.map((month) => [month.month, month.actualCentimes, month.level])).toEqual([
      ['2026-02', 85_000, 'warning'],
      ['2026-03', 120_000, 'over'],
    ]);
    expect(logistics?.period).toMatchObject({
      budgetCentimes: 200_000,
      actualCentimes: 205_000,
      level: 'over',
    });
    // January to March: three months of budget against all three months of cost.
    expect(logistics?.yearToDate).toMatchObject({
      from: '2026-01',
      to: '2026-03',
      budgetCentimes: 300_000,
      actualCentimes: 255_000,
      level: 'warning',
    });
    expect(logistics?.yearToDate.usedRatio).toBeCloseTo(0.85);
  });

  it('gives a zero budget no ratio and counts a credit against the cost', () => {
    const zero = budgetReport(centers, allocated, { from: '2026-02', to: '2026-03' }).find(
      (row) => row.code === '900',
    );
    expect(zero?.months.map((month) => [month.level, month.usedRatio])).toEqual([
      ['over', null],
      ['ok', null],
    ]);
    expect(zero?.period).toMatchObject({ actualCentimes: 0, level: 'ok' });
  });

  it('shows a month without cost as zero and leaves out an inactive centre with no cost', () => {
    const rows = budgetReport([center('4100', '1000.00'), center('5000', '10.00', false)], [], {
      from: '2025-12',
      to: '2026-01',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.months.map((month) => month.actualCentimes)).toEqual([0, 0]);
    // The year to date of January is January alone, even when the period began in December.
    expect(rows[0]?.yearToDate).toMatchObject({ from: '2026-01', budgetCentimes: 100_000 });
  });

  it('reads from January when the period starts later, and from the period when it starts earlier', () => {
    expect(budgetReadRange({ from: '2026-05', to: '2026-07' })).toEqual({ from: '2026-01', to: '2026-07' });
    expect(budgetReadRange({ from: '2025-05', to: '2026-02' })).toEqual({ from: '2025-05', to: '2026-02' });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('budget alerts and notifications', () => {
  const rows = budgetReport(
    [center('4100', '1000.00'), center('200', '100.00')],
    [cost('4100', '2026-02', 85_000), cost('4100', '2026-03', 120_000), cost('200', '2026-03', 8_000)],
    { from: '2026-02', to: '2026-03' },
  );

  it('lists every threshold reached, the latest month first', () => {
    expect(budgetAlerts(rows).map(alertKey)).toEqual([
      '200|80|2026-03',
      '4100|100|2026-03',
      '4100|80|2026-02',
    ]);
  });

  it('tells each centre, threshold and month once', () => {
    const first = alertsToNotify(budgetAlerts(rows), new Set());
    expect(first.fresh).toHaveLength(3);
    const second = alertsToNotify(budgetAlerts(rows), new Set(first.keys));
    expect(second.fresh).toEqual([]);
    // The 80 % centre passes 100 % in the same month: that is news, told once more.
    const later = budgetReport([center('200', '100.00')], [cost('200', '2026-03', 10_500)], {
      from: '2026-03',
      to: '2026-03',
    });
    expect(alertsToNotify(budgetAlerts(later), new Set(first.keys)).keys).toEqual(['200|100|2026-03']);
  });
});
