import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RollupRow } from '../lines/rollup';
import {
  anomalyId,
  anomalyLineFilter,
  DEFAULT_THRESHOLDS,
  detectAnomalies,
  isRise,
  unitPriceFlags,
  type AnomalyFlag,
  type UnitPriceCount,
} from './anomalies';
import type { AllocatedMonth } from './centerTotals';

const rollup = (
  month: string,
  serviceCode: string,
  frankingLicence: string,
  netCentimes: number,
): RollupRow => ({
  key: `${month}|${serviceCode}|${frankingLicence}|R1`,
  month,
  serviceCode,
  frankingLicence,
  invoiceReference: 'R1',
  lines: 1,
  netCentimes,
  vatCentimes: 0,
});

const allocated = (costCenter: string, month: string, netCentimes: number): AllocatedMonth => ({
  costCenter,
  month,
  netCentimes,
});

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

/** One service and one licence at CHF 1,000 a month, one centre carrying it all. */
const steady = (except: Record<string, number> = {}) => ({
  rollups: MONTHS.map((month) => rollup(month, 'PP-PRI', '60001234', except[month] ?? 100_000)),
  allocated: MONTHS.map((month) => allocated('4100', month, except[month] ?? 100_000)),
});

const period = { from: '2026-01', to: '2026-08' };

const kinds = (flags: readonly AnomalyFlag[]) => flags.map(anomalyId);

describe('isRise', () => {
  it('needs both more than the percent and more than the amount above the average', () => {
    const history = [100_000, 100_000];
    // +30 % exactly is not more than 30 %.
    expect(isRise(130_000, history, DEFAULT_THRESHOLDS)).toBe(false);
    expect(isRise(130_001, history, DEFAULT_THRESHOLDS)).toBe(true);
    // +50 % of CHF 100 is CHF 50: under CHF 200.
    expect(isRise(15_000, [10_000], DEFAULT_THRESHOLDS)).toBe(false);
    // +CHF 300 on CHF 10,000 is 3 %.
    expect(isRise(1_030_000, [1_000_000], DEFAULT_THRESHOLDS)).toBe(false);
  });

  it('compares with the exact average, not a rounded one', () => {
    // Average 200.00 + 1/3 centime; 30 % and CHF 0 thresholds: 260.00 + 0.4 centime is the edge.
    const history = [20_000, 20_000, 20_001];
    const thresholds = { percent: 30, minimumCentimes: 0 };
    expect(isRise(26_000, history, thresholds)).toBe(false);
    expect(isRise(26_001, history, thresholds)).toBe(true);
  });

  it('takes any rise from nothing or from credits as large enough in percent', () => {
    expect(isRise(20_001, [0, 0, 0], DEFAULT_THRESHOLDS)).toBe(true);
    // Average −100.00: 100.01 is CHF 200.01 above it.
    expect(isRise(10_001, [-30_000, 0, 0], DEFAULT_THRESHOLDS)).toBe(true);
    expect(isRise(-5_000, [-30_000, 0, 0], { percent: 0, minimumCentimes: 0 })).toBe(true);
    expect(isRise(-50_000, [0, 0, 0], DEFAULT_THRESHOLDS)).toBe(false);
  });

  it('agrees with exact rational arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 1e7 }),
        (cost, history, percent, minimumCentimes) => {
          const n = BigInt(history.length);
          const sum = history.reduce((total, value) => total + BigInt(value), 0n);
          const excess = n * BigInt(cost) - sum;
          const expected =
            excess > n * BigInt(minimumCentimes) && (sum <= 0n || 100n * excess > BigInt(percent) * sum);
          expect(isRise(cost, history, { percent, minimumCentimes })).toBe(expected);
        },
      ),
    );
  });
});

describe('detectAnomalies', () => {
  it('flags nothing in steady months', () => {
    expect(detectAnomalies({ ...steady(), thresholds: DEFAULT_THRESHOLDS, period })).toEqual([]);
  });

  it('flags a month that rises for the centre, the service and the licence, with its trailing average', () => {
    const flags = detectAnomalies({
      ...steady({ '2026-08': 200_000 }),
      thresholds: DEFAULT_THRESHOLDS,
      period,
    });
    expect(kinds(flags)).toEqual([
      'rise|costCenter|4100|2026-08',
      'rise|service|PP-PRI|2026-08',
      'rise|licence|60001234|2026-08',
    ]);
    expect(flags[0]).toMatchObject({ costCentimes: 200_000, averageCentimes: 100_000, historyMonths: 6 });
  });

  it('needs three months of history, and uses what there is below six', () => {
    const data = steady({ '2026-03': 300_000, '2026-04': 400_000 });
    const flags = detectAnomalies({ ...data, thresholds: DEFAULT_THRESHOLDS, period });
    // March has two months before it: too little to judge. April has three (1000, 1000, 3000).
    expect(flags.filter((flag) => flag.month === '2026-03')).toEqual([]);
    expect(flags.find((flag) => flag.month === '2026-04')).toMatchObject({
      averageCentimes: 166_667,
      historyMonths: 3,
    });
  });

  it('counts a month without cost as zero in the average, and a credit month as negative', () => {
    const data = steady({ '2026-05': 0, '2026-06': -400_000 });
    // Trailing six for August: 1000, 1000, 1000, 0, -4000, 1000 = 0: any CHF 200+ is a rise.
    const flags = detectAnomalies({
      ...data,
      thresholds: DEFAULT_THRESHOLDS,
      period: { from: '2026-08', to: '2026-08' },
    });
    expect(kinds(flags)).toContain('rise|costCenter|4100|2026-08');
    // The credit month itself is no rise.
    const june = detectAnomalies({
      ...data,
      thresholds: DEFAULT_THRESHOLDS,
      period: { from: '2026-06', to: '2026-06' },
    });
    expect(june).toEqual([]);
  });

  it('flags a service and a licence in their first month, but not in the archive’s first month', () => {
    const data = steady();
    data.rollups.push(
      rollup('2026-07', 'EXPRESS', '60009999', 5_000),
      rollup('2026-08', 'EXPRESS', '60009999', 5_000),
    );
    const flags = detectAnomalies({ ...data, thresholds: DEFAULT_THRESHOLDS, period });
    expect(kinds(flags)).toEqual(['newService|EXPRESS|2026-07', 'newLicence|60009999|2026-07']);
  });

  it('returns only the flags of the period, judged on the history before it', () => {
    const data = steady({ '2026-08': 200_000 });
    expect(
      detectAnomalies({
        ...data,
        thresholds: DEFAULT_THRESHOLDS,
        period: { from: '2026-01', to: '2026-07' },
      }),
    ).toEqual([]);
    expect(detectAnomalies({ rollups: [], allocated: [], thresholds: DEFAULT_THRESHOLDS, period })).toEqual(
      [],
    );
  });

  it('follows the configured thresholds', () => {
    const data = steady({ '2026-08': 125_000 });
    expect(detectAnomalies({ ...data, thresholds: DEFAULT_THRESHOLDS, period })).toEqual([]);
    const strict = detectAnomalies({ ...data, thresholds: { percent: 20, minimumCentimes: 10_000 }, period });
    expect(strict).toHaveLength(3);
  });
});

describe('unit prices', () => {
  const count = (month: string, unitPrice: number, lines: number): UnitPriceCount => ({
    serviceCode: 'PP-PRI',
    month,
    unitPrice,
    lines,
  });

  it('flags a price other than the most frequent of its service in that year', () => {
    const counts = [
      count('2026-01', 11_000, 500),
      count('2026-02', 11_000, 400),
      count('2026-02', 12_500, 3),
    ];
    expect(unitPriceFlags(counts, ['2026-01', '2026-02'])).toEqual([
      {
        kind: 'unitPrice',
        key: 'PP-PRI',
        month: '2026-02',
        unitPrice: 12_500,
        usualUnitPrice: 11_000,
        lines: 3,
      },
    ]);
  });

  it('takes a new year’s tariff as usual in its own year', () => {
    const counts = [count('2025-12', 10_000, 500), count('2026-01', 11_000, 500)];
    expect(unitPriceFlags(counts, ['2025-12', '2026-01'])).toEqual([]);
  });

  it('is part of the flags and opens the service’s lines of that month', () => {
    const flags = detectAnomalies({
      ...steady(),
      unitPrices: [count('2026-08', 11_000, 50), count('2026-08', 9_900, 2)],
      thresholds: DEFAULT_THRESHOLDS,
      period,
    });
    expect(kinds(flags)).toEqual(['unitPrice|PP-PRI|2026-08|9900']);
    expect(anomalyLineFilter(flags[0]!)).toEqual({
      services: ['PP-PRI'],
      from: '2026-08-01',
      to: '2026-08-31',
    });
  });
});

describe('anomalyLineFilter', () => {
  it('filters the explorer to the key of the flag in its month', () => {
    const rise = (dimension: 'costCenter' | 'service' | 'licence'): AnomalyFlag => ({
      kind: 'rise',
      dimension,
      key: 'K',
      month: '2026-02',
      costCentimes: 1,
      averageCentimes: 0,
      historyMonths: 6,
    });
    const feb = { from: '2026-02-01', to: '2026-02-28' };
    expect(anomalyLineFilter(rise('costCenter'))).toEqual({ costCenters: ['K'], ...feb });
    expect(anomalyLineFilter(rise('service'))).toEqual({ services: ['K'], ...feb });
    expect(anomalyLineFilter(rise('licence'))).toEqual({ licences: ['K'], ...feb });
    expect(anomalyLineFilter({ kind: 'newLicence', key: 'L', month: '2026-02', costCentimes: 1 })).toEqual({
      licences: ['L'],
      ...feb,
    });
  });
});
