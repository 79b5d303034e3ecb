import { describe, expect, it } from 'vitest';
import { SafeFileNameSchema, toSafeFileName } from './saveFile';

describe('toSafeFileName', () => {
  it.each([
    ['Invoice 2025-000123', 'Invoice 2025-000123.pdf'],
    ['Rechnung 04/2025: Büro "Nord"', 'Rechnung 04-2025- Büro -Nord-.pdf'],
    ['../../etc/passwd', '-..-etc-passwd.pdf'],
    ['  ..hidden  ', 'hidden.pdf'],
    ['line\nbreak\ttab', 'line break tab.pdf'],
    ['', 'document.pdf'],
    ['...', 'document.pdf'],
    ['CON', 'document-CON.pdf'],
  ])('turns %j into %j', (text, expected) => {
    expect(toSafeFileName(text, 'pdf')).toBe(expected);
  });

  it('always yields a name the contract accepts, however long or strange the text', () => {
    for (const text of ['x'.repeat(500), 'a\u202Efdp.exe', 'C:\\Windows\\x', 'é'.repeat(300), 'nul.txt']) {
      const name = toSafeFileName(text, 'xlsx');
      expect(SafeFileNameSchema.safeParse(name).success, name).toBe(true);
      expect(name.endsWith('.xlsx')).toBe(true);
    }
  });
});
