import { describe, expect, it } from 'vitest';
import { deletableFrom, isUnderRetention, keptUntil, retentionHold } from './retention';

describe('the ten-year retention (Art. 958f CO)', () => {
  it('keeps an invoice until the same day ten years on, deletable the day after', () => {
    expect(keptUntil('2025-05-17')).toBe('2035-05-17');
    expect(deletableFrom('2025-05-17')).toBe('2035-05-18');
    expect(isUnderRetention('2025-05-17', '2035-05-17')).toBe(true);
    expect(isUnderRetention('2025-05-17', '2035-05-18')).toBe(false);
  });

  it('clamps 29 February to the 28th of a common year, and keeps it in a leap year', () => {
    expect(keptUntil('2024-02-29')).toBe('2034-02-28');
    expect(deletableFrom('2024-02-29')).toBe('2034-03-01');
    expect(isUnderRetention('2024-02-29', '2034-02-28')).toBe(true);
    expect(isUnderRetention('2024-02-29', '2034-03-01')).toBe(false);
    expect(keptUntil('2020-02-29')).toBe('2030-02-28');
    expect(keptUntil('2018-02-28')).toBe('2028-02-28');
    // A year's end crosses into the next year's first day.
    expect(deletableFrom('2025-12-31')).toBe('2036-01-01');
  });

  it('counts what a deletion would break and names the last day it must wait for', () => {
    // 2016-03-31 was kept until 2026-03-31: past; 2014 long past.
    const issued = ['2014-01-10', '2016-03-31', '2024-02-29', '2023-07-01'];
    expect(retentionHold(issued, '2026-11-30')).toEqual({ count: 2, until: '2034-02-28' });
    expect(retentionHold(issued, '2034-03-01')).toEqual({ count: 0, until: null });
    expect(retentionHold([], '2026-11-30')).toEqual({ count: 0, until: null });
  });
});
