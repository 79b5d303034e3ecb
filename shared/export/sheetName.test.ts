import { utils } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName } from './sheetName';

describe('sanitizeSheetName', () => {
  it.each([
    ['Lines', 'Lines'],
    ['Lines 2026/03', 'Lines 2026-03'],
    ['a[b]c:d*e?f/g\\h', 'a-b-c-d-e-f-g-h'],
    ["'quoted'", 'quoted'],
    ['  spaced  ', 'spaced'],
    ['tab\there\u0000', 'tabhere'],
    ['', 'Export'],
    ['///', '---'],
    ["' '", 'Export'],
    ['History', 'History 1'],
    ['history', 'history 1'],
    ['Übersicht Kostenstellen März 2026', 'Übersicht Kostenstellen März 20'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeSheetName(input)).toBe(expected);
  });

  it('cuts at 31 UTF-16 units without splitting a surrogate pair', () => {
    const name = sanitizeSheetName(`${'x'.repeat(30)}😀tail`);
    expect(name).toBe('x'.repeat(30));
    expect(sanitizeSheetName('😀'.repeat(20))).toBe('😀'.repeat(15));
  });

  it('drops an apostrophe the cut exposes at the end', () => {
    expect(sanitizeSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
  });

  it('uses the fallback for nothing usable', () => {
    expect(sanitizeSheetName('[]', 'Lines')).toBe('--');
    expect(sanitizeSheetName('\u0001', 'Lines')).toBe('Lines');
  });

  it('always yields a name SheetJS (and so Excel) accepts', () => {
    const awkward = [
      '',
      "'",
      '[]:*?/\\',
      'History',
      ' '.repeat(40),
      'a'.repeat(100),
      "x'",
      '\u0007',
      '😀'.repeat(40),
    ];
    for (const input of awkward) {
      const name = sanitizeSheetName(input);
      expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
      const book = utils.book_new();
      expect(() => utils.book_append_sheet(book, utils.aoa_to_sheet([[1]]), name)).not.toThrow();
    }
  });
});
