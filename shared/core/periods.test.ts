import { describe, expect, it } from 'vitest';
import { isInverted, localIsoDay, periodPresets, presetOf, presetRange } from './periods';

describe('period presets', () => {
  it.each([
    ['2026-11-30', 'thisMonth', '2026-11-01', '2026-11-30'],
    ['2026-11-30', 'lastMonth', '2026-10-01', '2026-10-31'],
    ['2026-11-30', 'thisQuarter', '2026-10-01', '2026-12-31'],
    ['2026-11-30', 'lastQuarter', '2026-07-01', '2026-09-30'],
    ['2026-11-30', 'thisYear', '2026-01-01', '2026-12-31'],
    ['2026-11-30', 'lastYear', '2025-01-01', '2025-12-31'],
    // Across the turn of the year.
    ['2026-01-15', 'lastMonth', '2025-12-01', '2025-12-31'],
    ['2026-02-28', 'lastQuarter', '2025-10-01', '2025-12-31'],
    ['2026-03-31', 'thisQuarter', '2026-01-01', '2026-03-31'],
    // February in a leap year and in a common year.
    ['2024-03-10', 'lastMonth', '2024-02-01', '2024-02-29'],
    ['2025-03-10', 'lastMonth', '2025-02-01', '2025-02-28'],
    ['2026-12-31', 'thisQuarter', '2026-10-01', '2026-12-31'],
  ] as const)('on %s, %s is %s..%s', (today, preset, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });

  it('recognises a range as the preset it came from, and nothing else', () => {
    for (const preset of periodPresets) {
      const range = presetRange(preset, '2026-05-17');
      expect(presetOf(range.from, range.to, '2026-05-17')).toBe(preset);
    }
    expect(presetOf('2026-05-01', '2026-05-30', '2026-05-17')).toBeNull();
    expect(presetOf(undefined, undefined, '2026-05-17')).toBeNull();
  });

  it('refuses a day that is not an ISO date', () => {
    expect(() => presetRange('thisMonth', '30.11.2026')).toThrow(RangeError);
  });

  it('flags a from-day after the to-day only when both are set', () => {
    expect(isInverted('2026-05-02', '2026-05-01')).toBe(true);
    expect(isInverted('2026-05-01', '2026-05-01')).toBe(false);
    expect(isInverted('2026-05-02', undefined)).toBe(false);
  });

  it('takes the local calendar day of an injected instant', () => {
    expect(localIsoDay(new Date(2026, 0, 7, 23, 59))).toBe('2026-01-07');
  });
});
