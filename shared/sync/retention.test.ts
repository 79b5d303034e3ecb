import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped } from '../core/dates';
import { firstServedIssueDate, isServed, retentionEnds } from './retention';

/** Every calendar day from `from` to `to`, inclusive. */
const days = (from: string, to: string): string[] => {
  const all: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) all.push(day);
  return all;
};

describe('the contract retention rule', () => {
  it('serves the contract examples through the day before the anniversary', () => {
    expect(retentionEnds('2025-05-17')).toBe('2026-11-17');
    expect(isServed('2025-05-17', '2026-11-16')).toBe(true);
    expect(isServed('2025-05-17', '2026-11-17')).toBe(false);
    expect(retentionEnds('2025-08-31')).toBe('2027-02-28');
    expect(isServed('2025-08-31', '2027-02-27')).toBe(true);
    expect(isServed('2025-08-31', '2027-02-28')).toBe(false);
  });

  it('clamps to month ends: 28 and 29 February, 30 April, 31 August', () => {
    expect(retentionEnds('2026-08-31')).toBe('2028-02-29');
    expect(retentionEnds('2026-08-29')).toBe('2028-02-29');
    expect(retentionEnds('2026-08-28')).toBe('2028-02-28');
    expect(retentionEnds('2025-10-31')).toBe('2027-04-30');
    expect(retentionEnds('2025-10-30')).toBe('2027-04-30');
    expect(retentionEnds('2026-02-28')).toBe('2027-08-28');
    expect(retentionEnds('2027-02-28')).toBe('2028-08-28');
    expect(retentionEnds('2026-10-31')).toBe('2028-04-30');
    expect(retentionEnds('2025-02-28')).toBe('2026-08-28');
    // On the anniversary itself the invoice is gone, the day before it is served.
    expect(isServed('2026-08-31', '2028-02-28')).toBe(true);
    expect(isServed('2026-08-31', '2028-02-29')).toBe(false);
    expect(isServed('2025-10-31', '2027-04-29')).toBe(true);
    expect(isServed('2025-10-31', '2027-04-30')).toBe(false);
  });

  // The property over the calendar: for every operator date of a common and a leap year, the single
  // cut-off from firstServedIssueDate agrees with the rule for every issue date of the 20 months before.
  it.each([
    ['2027-01-01', '2027-12-31'],
    ['2028-01-01', '2028-12-31'],
  ])('has one cut-off that agrees with the rule on every day from %s to %s', (from, to) => {
    for (const today of days(from, to)) {
      const cutoff = firstServedIssueDate(today);
      expect(isServed(cutoff, today), `${today}: ${cutoff} served`).toBe(true);
      expect(isServed(addDays(cutoff, -1), today), `${today}: day before ${cutoff} gone`).toBe(false);
      for (const issued of days(addMonthsClamped(today, -20), today)) {
        const served = issued >= cutoff;
        if (isServed(issued, today) !== served) {
          expect.fail(`issued ${issued}, today ${today}: rule ${String(!served)}, cut-off ${cutoff}`);
        }
        // An invoice is served exactly until the day before its anniversary, clamped.
        if (served !== today < retentionEnds(issued)) expect.fail(`${issued} on ${today}`);
      }
    }
  });
});
