import { describe, expect, it } from 'vitest';
import { SafeFileNameSchema, SaveFileRequestSchema, toSafeFileName } from './saveFile';

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

describe('Windows device names', () => {
  // Windows resolves these to devices whatever follows the first dot, in any case, and after it
  // has dropped trailing dots and spaces from the stem; ¹ ² ³ count as the digits 1 2 3.
  const devices = [
    'CON',
    'prn',
    'Aux',
    'nul',
    'COM0',
    'com9',
    'LPT1',
    'COM¹',
    'COM²',
    'COM³',
    'com¹',
    'LPT¹',
    'LPT²',
    'lpt³',
    'CONIN$',
    'conout$',
  ];

  it.each(
    devices.flatMap((device) => [`${device}.pdf`, `${device}.tar.pdf`, `${device} .pdf`, `${device}..pdf`]),
  )('refuses %j as a save name', (name) => {
    expect(SafeFileNameSchema.safeParse(name).success).toBe(false);
  });

  it.each(devices)('turns %j, with or without an extension, into a safe name', (device) => {
    for (const text of [device, `${device}.pdf`, `${device}. `, `${device} . .`, `${device}.backup`]) {
      const name = toSafeFileName(text, 'pdf');
      expect(SafeFileNameSchema.safeParse(name).success, `${text} -> ${name}`).toBe(true);
      expect(name.startsWith('document-'), `${text} -> ${name}`).toBe(true);
    }
  });

  it.each(['CONSOLE.pdf', 'COM10.pdf', 'LPT⁴.pdf', 'NULL.pdf', 'auxiliary.pdf', 'CON-list.pdf', 'x CON.pdf'])(
    'accepts %j: only the exact device names are reserved',
    (name) => {
      expect(SafeFileNameSchema.safeParse(name).success).toBe(true);
    },
  );
});

describe('a chart saved as a picture', () => {
  it('accepts a PNG only as image/png', () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    expect(
      SaveFileRequestSchema.safeParse({ suggestedName: 'Cost per month.png', mimeType: 'image/png', bytes })
        .success,
    ).toBe(true);
    expect(
      SaveFileRequestSchema.safeParse({
        suggestedName: 'Cost per month.png',
        mimeType: 'application/pdf',
        bytes,
      }).success,
    ).toBe(false);
  });
});
