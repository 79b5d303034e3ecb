import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv, sniffSeparator } from './csv';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeCsv', () => {
  it('reads UTF-8 and drops its BOM', () => {
    const utf8 = new TextEncoder().encode('Zürich');
    expect(decodeCsv(utf8)).toEqual({ text: 'Zürich', encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: 'Zürich',
      encoding: 'utf-8',
    });
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Büro €" in Windows-1252: ü is FC, € is 80.
    expect(decodeCsv(bytes(0x42, 0xfc, 0x72, 0x6f, 0x20, 0x80))).toEqual({
      text: 'Büro €',
      encoding: 'windows-1252',
    });
  });
});

describe('sniffSeparator', () => {
  it.each([
    ['Code;Name;Budget\n1;A;1,50\n2;B;2,50\n', ';'],
    ['Code,Name,Budget\n1,A,"1,50"\n2,B,2.50\n', ','],
    ['Code\tName\tBudget\n1\tA, B\t1,50\n', '\t'],
    ['Liste\n\nCode;Name\n1;"A;B"\n2;C\n', ';'],
    ['Code;Name\r\n1;A\r\n', ';'],
    ['just one column\n', ','],
  ] as const)('%j is split by %j', (text, separator) => {
    expect(sniffSeparator(text)).toBe(separator);
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, separators and line ends inside quotes, CRLF and a missing last line end', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"two\nlines";;x\n3', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['two\nlines', '', 'x'],
      ['3'],
    ]);
  });
  it('reads Excel\'s ="0042" as the text 0042', () => {
    expect(parseCsv('="0042",x', ',')).toEqual([['0042', 'x']]);
  });
});
