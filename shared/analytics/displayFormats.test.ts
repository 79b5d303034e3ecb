import { describe, expect, it } from 'vitest';
import { formatMonth, formatShare } from './displayFormats';

describe('share and month in the Swiss locale of each language', () => {
  it('writes shares as the Swiss locales do, not as bare languages', () => {
    const expected = (locale: string) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(0.503);
    expect(formatShare(0.503, 'de')).toBe(expected('de-CH'));
    expect(formatShare(0.503, 'fr')).toBe(expected('fr-CH'));
    expect(formatShare(0.503, 'it')).toBe(expected('it-CH'));
    expect(formatShare(0.503, 'en')).toBe(expected('en-CH'));
    expect(formatShare(0.503, 'de')).toContain('50.3');
    expect(formatShare(0.081, 'fr')).toContain('8,1');
  });

  it('names the month in the language, without time-zone drift on the first day', () => {
    expect(formatMonth('2026-03', 'de')).toBe('März 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-01', 'fr')).toBe('janvier 2026');
    expect(formatMonth('2026-12', 'it')).toBe('dicembre 2026');
  });
});
