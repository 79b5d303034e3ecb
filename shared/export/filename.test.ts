import { describe, expect, it } from 'vitest';
import { exportFileName } from './filename';

// Local calendar components, so the expectations hold in every time zone the tests run in.
const nov22 = new Date(2026, 10, 22, 0, 30);

describe('exportFileName', () => {
  it('builds the documented name', () => {
    expect(exportFileName('lines', nov22, 'xlsx')).toBe('invoice-desk-lines-2026-11-22.xlsx');
    expect(exportFileName('lines', nov22, 'csv')).toBe('invoice-desk-lines-2026-11-22.csv');
  });

  it('uses the local calendar day, not the UTC one', () => {
    expect(exportFileName('lines', new Date(2026, 0, 1, 0, 5), 'csv')).toBe(
      'invoice-desk-lines-2026-01-01.csv',
    );
    expect(exportFileName('lines', new Date(2026, 11, 31, 23, 55), 'csv')).toBe(
      'invoice-desk-lines-2026-12-31.csv',
    );
  });

  it.each([
    ['Übersicht Kostenstellen', 'ubersicht-kostenstellen'],
    ['Coûts / Centre', 'couts-centre'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['tab\there\u0000nul\r\nline', 'tab-here-nul-line'],
    ['con', 'con'],
    ['...', 'export'],
    ['', 'export'],
    ['账单', 'export'],
    ['a'.repeat(100), 'a'.repeat(40)],
  ])('reduces %j to %j', (subject, slug) => {
    expect(exportFileName(subject, nov22, 'xlsx')).toBe(`invoice-desk-${slug}-2026-11-22.xlsx`);
  });

  it('never yields separators, control characters or spaces', () => {
    const name = exportFileName('a/b\\c:d*e?f"g<h>i|j\u0007 k', nov22, 'csv');
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
  });

  it('rejects an invalid date', () => {
    expect(() => exportFileName('lines', new Date(Number.NaN), 'csv')).toThrow(RangeError);
  });
});
