import { describe, expect, it } from 'vitest';
import {
  defaultSelection,
  monthsOf,
  parseSelection,
  resolvePeriod,
  selectionParams,
  shiftMonth,
  type AnalyticsSelection,
} from './period';

const stored = ['2025-01', '2025-02', '2025-06', '2026-03', '2026-05'];

describe('analytics selection in the URL', () => {
  it('reads back what it wrote, for every kind, measure and comparison', () => {
    const selections: AnalyticsSelection[] = [
      defaultSelection,
      { kind: 'range', from: '2025-02', to: '2026-01', compare: true, measure: 'gross' },
      { kind: 'ytd', compare: false, measure: 'vat', trendCenter: 'UNASSIGNED' },
      { kind: 'rolling12', compare: true, measure: 'net', trendCenter: '2100' },
    ];
    for (const selection of selections) {
      expect(parseSelection(new URLSearchParams(selectionParams(selection).toString()))).toEqual(selection);
    }
  });

  it('leaves the defaults out of the URL', () => {
    expect(selectionParams(defaultSelection).toString()).toBe('');
    expect(selectionParams({ kind: 'ytd', compare: true, measure: 'gross' }).toString()).toBe(
      'p=ytd&cmp=1&m=gross',
    );
  });

  it('falls back to the defaults for whatever it does not understand', () => {
    expect(parseSelection(new URLSearchParams('p=decade&from=2025-13&to=x&m=tax&cmp=yes&tc=a%20b'))).toEqual(
      defaultSelection,
    );
    // A range's months mean nothing to "year to date".
    expect(parseSelection(new URLSearchParams('p=ytd&from=2025-01'))).toEqual({
      kind: 'ytd',
      compare: false,
      measure: 'net',
    });
  });
});

describe('resolving a selection against the stored months', () => {
  it('a range defaults to every stored month and is put in order', () => {
    expect(resolvePeriod(defaultSelection, stored)?.period).toEqual({ from: '2025-01', to: '2026-05' });
    expect(resolvePeriod({ ...defaultSelection, from: '2026-03', to: '2025-11' }, stored)?.period).toEqual({
      from: '2025-11',
      to: '2026-03',
    });
    expect(resolvePeriod({ ...defaultSelection, from: '2025-06' }, stored)?.months).toHaveLength(12);
  });

  it('year to date and rolling 12 months end at the latest stored month, or at the injected today', () => {
    const ytd = { kind: 'ytd', compare: false, measure: 'net' } as const;
    const rolling = { kind: 'rolling12', compare: true, measure: 'net' } as const;
    expect(resolvePeriod(ytd, stored)?.period).toEqual({ from: '2026-01', to: '2026-05' });
    expect(resolvePeriod(ytd, stored, '2027-02')?.period).toEqual({ from: '2027-01', to: '2027-02' });
    expect(resolvePeriod(rolling, stored)).toEqual({
      period: { from: '2025-06', to: '2026-05' },
      previous: { from: '2024-06', to: '2025-05' },
      months: monthsOf({ from: '2025-06', to: '2026-05' }),
    });
    expect(resolvePeriod(rolling, stored, '2026-01')?.period).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('compares with the same months a year earlier, across a year boundary', () => {
    expect(
      resolvePeriod({ kind: 'range', from: '2025-11', to: '2026-02', compare: true, measure: 'net' }, stored)
        ?.previous,
    ).toEqual({ from: '2024-11', to: '2025-02' });
  });

  it('has no period before any month is stored, unless today is given', () => {
    expect(resolvePeriod(defaultSelection, [])).toBeNull();
    expect(resolvePeriod({ ...defaultSelection, kind: 'ytd' }, [], '2026-04')?.months).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
  });

  it('cuts an absurdly long range at its start', () => {
    const resolved = resolvePeriod({ ...defaultSelection, from: '1900-01', to: '2026-05' }, stored);
    expect(resolved?.months).toHaveLength(120);
    expect(resolved?.period.to).toBe('2026-05');
  });

  it('shifts months across years both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-05', -12)).toBe('2025-05');
    expect(shiftMonth('2026-05', -29)).toBe('2023-12');
  });
});
