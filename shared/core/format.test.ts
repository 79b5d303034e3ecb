import { describe, expect, it } from 'vitest';
import { formatAmount, formatChf, formatDate, formatDuration } from './format';

// Intl output uses narrow no-break spaces and typographic apostrophes; compare with those normalised.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");

describe('format', () => {
  it('formats francs exactly in each language', () => {
    expect(plain(formatChf(123456789, 'de'))).toBe("CHF 1'234'567.89");
    expect(plain(formatChf(123456789, 'fr'))).toBe('1 234 567.89 CHF');
    expect(plain(formatChf(-1205, 'it'))).toMatch(/^-?CHF -?12\.05$|^CHF-12\.05$|^-CHF 12\.05$/);
    expect(plain(formatChf(5, 'en'))).toBe('CHF 0.05');
  });

  it('keeps every centime of amounts beyond float precision', () => {
    expect(plain(formatAmount(99_999_999_999_999, 'de'))).toBe("999'999'999'999.99");
    expect(plain(formatAmount(90_071_992_547_409, 'en'))).toBe("900'719'925'474.09");
  });

  it('formats calendar dates without time-zone drift', () => {
    expect(formatDate('2026-03-31', 'de')).toBe('31.03.2026');
    expect(formatDate('2026-01-01', 'en')).toMatch(/1 Jan 2026|Jan 1, 2026/);
  });

  it('formats coarse durations', () => {
    expect(formatDuration(42, 'en')).toMatch(/42/);
    expect(formatDuration(150, 'en')).toMatch(/3 min/);
  });
});
