import { describe, expect, it } from 'vitest';
import { invoiceFixture } from '../testing/invoiceFixture';
import { matchesInvoiceSearch, parseInvoiceSearch } from './search';

const invoice = invoiceFixture({
  id: 'inv-1',
  number: '4100012345',
  invoiceReference: '78600001',
  debtorNumber: '300400',
  qrReference: '000066796060123456789012345',
  netTotal: '1142.10',
  vatTotal: '92.40',
  grossTotal: '1234.50',
});
const creditNote = invoiceFixture({
  id: 'cn-1',
  number: '4100099999',
  type: 'credit-note',
  netTotal: '-349.03',
  vatTotal: '-28.26',
  grossTotal: '-377.29',
});

const finds = (typed: string, context = {}) =>
  matchesInvoiceSearch(invoice, parseInvoiceSearch(typed), context);

describe('invoice search as typed or pasted', () => {
  it('finds an invoice by its number or a part of it', () => {
    expect(finds('4100012345')).toBe(true);
    expect(finds('12345')).toBe(true);
    expect(finds('99999')).toBe(false);
  });

  it('finds a QR reference pasted with the slip spaces, or typed without them', () => {
    expect(finds('00 00667 96060 12345 67890 12345')).toBe(true);
    expect(finds('000066796060123456789012345')).toBe(true);
    expect(finds('  00 00667 96060  ')).toBe(true);
    expect(finds('00 00667 96061 12345 67890 12345')).toBe(false);
  });

  it.each([
    "1'234.50",
    '1234.50',
    '1234,50',
    'CHF 1234.50',
    '1 234.50',
    '1.234,50',
    '1’234.50',
    'CHF\u202f1\u202f234.50',
  ])('finds the amount written %s', (typed) => {
    expect(finds(typed)).toBe(true);
  });

  it('matches amounts exactly, net and VAT as well as gross', () => {
    expect(finds('1234.5')).toBe(true);
    expect(finds('1142.10')).toBe(true);
    expect(finds('92.40')).toBe(true);
    expect(finds('1234.51')).toBe(false);
  });

  it('finds a credit note by its amount with or without the sign', () => {
    expect(matchesInvoiceSearch(creditNote, parseInvoiceSearch('377.29'))).toBe(true);
    expect(matchesInvoiceSearch(creditNote, parseInvoiceSearch('-377.29'))).toBe(true);
    expect(matchesInvoiceSearch(creditNote, parseInvoiceSearch('-CHF 377.29'.replace('-CHF ', '-')))).toBe(
      true,
    );
  });

  it('finds the invoice reference by number and by its name, in any case', () => {
    expect(finds('78600001')).toBe(true);
    expect(finds('marketing', { referenceLabel: () => 'Marketing Zürich' })).toBe(true);
    expect(finds('ZÜRICH', { referenceLabel: () => 'Marketing Zürich' })).toBe(true);
    expect(finds('finance', { referenceLabel: () => 'Marketing Zürich' })).toBe(false);
  });

  it('keeps letters: "KST 7860" is looked up as typed among the line customer references', () => {
    const search = parseInvoiceSearch('KST 7860');
    expect(search).toEqual({ text: 'kst 7860', digits: null, centimes: null });
    expect(matchesInvoiceSearch(invoice, search, { lineMatches: new Set(['inv-1']) })).toBe(true);
    expect(matchesInvoiceSearch(invoice, search, { lineMatches: new Set(['other']) })).toBe(false);
    // The digits alone do not make it an invoice-number search.
    expect(finds('KST 12345')).toBe(false);
  });

  it('an empty box finds everything', () => {
    expect(parseInvoiceSearch('   ')).toBeNull();
    expect(finds('')).toBe(true);
  });
});
