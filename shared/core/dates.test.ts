import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, dayToIso, dayToMonth, isoToDay, subtractMonths } from './dates';

describe('calendar dates', () => {
  it('converts ISO dates to day numbers and back', () => {
    expect(isoToDay('1970-01-02')).toBe(1);
    for (const iso of ['2024-02-29', '2026-12-31', '2000-01-01']) expect(dayToIso(isoToDay(iso))).toBe(iso);
    expect(dayToMonth(isoToDay('2026-03-31'))).toBe('2026-03');
  });

  it('subtracts months, clamping to the end of shorter months', () => {
    expect(subtractMonths('2026-11-22', 18)).toBe('2025-05-22');
    expect(subtractMonths('2026-08-31', 6)).toBe('2026-02-28');
    expect(subtractMonths('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('adds and subtracts months across years', () => {
    expect(addMonthsClamped('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('1899-12-31', 18)).toBe('1901-06-30');
    expect(() => addMonthsClamped('2026-13-01x', 1)).toThrow(RangeError);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-20', 10)).toBe('2026-11-30');
    expect(() => addDays('20261120', 1)).toThrow(RangeError);
  });
});
