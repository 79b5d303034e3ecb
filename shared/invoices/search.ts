import type { Invoice } from '../api/schemas';
import { parseMoney } from '../core/money';

/**
 * The invoice search box, read as the clerk typed or pasted it: an invoice number or part of it, a
 * QR reference with or without the slip's spaces, an amount in any Swiss form ("1'234.50",
 * "1234.50", "1234,50", "CHF 1 234.50"), the invoice reference or its name, or a customer reference
 * of one of the invoice's lines ("KST 7860", answered by the line index).
 */
export interface InvoiceSearch {
  /** Trimmed, lower case: compared with names and labels. */
  text: string;
  /** Only digits and spaces typed: the digits, spaces dropped (a pasted "00 00667 96060 ..."). */
  digits: string | null;
  /** The text reads as an amount: its integer centimes. */
  centimes: number | null;
}

export const SEARCH_MAX_LENGTH = 60;

// Grouping marks a Swiss amount may carry: apostrophes (typed and typographic) and the spaces
// Intl puts there (no-break and narrow no-break).
const GROUPING = /['’\s\u00a0\u202f]/g;

const parseAmount = (raw: string): number | null => {
  let text = raw.replace(/^chf/i, '').replace(/chf$/i, '').replace(GROUPING, '');
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return null;
  // With both marks, the last one is the decimal point ("1.234,50", "1,234.50").
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  let whole = text;
  let fraction = '';
  if (decimalAt !== -1) {
    const after = text.slice(decimalAt + 1);
    // One or two digits after the last mark make it the decimal point; three make it a grouping mark.
    if (after.length >= 1 && after.length <= 2) {
      whole = text.slice(0, decimalAt);
      fraction = after;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^[0-9]{1,12}$/.test(whole) || !/^[0-9]{0,2}$/.test(fraction)) return null;
  const centimes = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -centimes : centimes;
};

export const parseInvoiceSearch = (raw: string): InvoiceSearch | null => {
  const text = raw.trim().slice(0, SEARCH_MAX_LENGTH).toLowerCase();
  if (text === '') return null;
  const digits = /^[0-9\s\u00a0\u202f]+$/.test(text) ? text.replace(/\D/g, '') : null;
  return { text, digits, centimes: parseAmount(text) };
};

export interface InvoiceSearchContext {
  /** The name the clerk or the operator gave the invoice reference, when there is one. */
  referenceLabel?: (reference: string) => string | null;
  /** Invoices with a line whose customer reference contains the text (from the line index). */
  lineMatches?: ReadonlySet<string> | null;
}

const amountsOf = (invoice: Invoice): number[] => [
  parseMoney(invoice.grossTotal),
  parseMoney(invoice.netTotal),
  parseMoney(invoice.vatTotal),
];

export const matchesInvoiceSearch = (
  invoice: Invoice,
  search: InvoiceSearch | null,
  context: InvoiceSearchContext = {},
): boolean => {
  if (search === null) return true;
  const { digits, centimes, text } = search;
  if (digits) {
    if (invoice.number.includes(digits)) return true;
    if (invoice.qrReference?.includes(digits)) return true;
    if (invoice.invoiceReference.includes(digits)) return true;
    if (invoice.debtorNumber.includes(digits)) return true;
  }
  // A credit note's amounts are negative: "377.29" finds it as well as "-377.29" does.
  if (centimes !== null && amountsOf(invoice).some((amount) => amount === centimes || -amount === centimes))
    return true;
  const label = context.referenceLabel?.(invoice.invoiceReference);
  if (label?.toLowerCase().includes(text)) return true;
  return context.lineMatches?.has(invoice.id) ?? false;
};
