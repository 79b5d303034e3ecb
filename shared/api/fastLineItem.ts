/**
 * The sync's fast path for its hottest schema: a line item checked by hand, without zod's generic
 * machinery, at a fraction of the cost per line (a million lines pass here on a full sync).
 *
 * It must accept exactly what `LineItemSchema` accepts and answer the same value: the same
 * patterns (`LINE_PATTERNS`; dates as zod's own pattern reads them), the same bounds, unknown members dropped, an
 * optional member kept only when present. `tests/unit/fastLineItem.test.ts` feeds both the shared
 * vectors and generated items and compares their verdicts and values. A line this path refuses is
 * handed to zod anyway (`validateItems`), which words the quarantine's reason.
 */
import { LINE_PATTERNS, STRING_MAX, VAT_RATES, type LineItem, type VatRate } from './schemas';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digitAt = (value: string, at: number): number => {
  const code = value.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
};

/**
 * What zod's ISO date pattern (`z.regexes.date`, behind z.iso.date()) accepts, without its regex:
 * YYYY-MM-DD in ASCII digits, a real month and day, 29 February in Gregorian leap years only
 * (year 0000 included). The shared vectors hold the edges.
 */
const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const digits = [0, 1, 2, 3, 5, 6, 8, 9].map((at) => digitAt(value, at));
  if (digits.some((digit) => digit < 0)) return false;
  const [y1 = 0, y2 = 0, y3 = 0, y4 = 0, m1 = 0, m2 = 0, d1 = 0, d2 = 0] = digits;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
};
const VAT = new Set<string>(VAT_RATES);

const isVatRate = (value: string): value is VatRate => VAT.has(value);
const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);
/**
 * Characters as zod's `max` counts them: code points, so an emoji is one; a lone surrogate counts
 * as one too. Counted only when the UTF-16 length is over the bound, as zod does.
 */
const codePoints = (value: string): number => {
  let count = value.length;
  for (let at = 0; at < value.length - 1; at += 1) {
    if ((value.charCodeAt(at) & 0xfc00) === 0xd800 && (value.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      at += 1;
    }
  }
  return count;
};
const boundedString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && (value.length <= max || codePoints(value) <= max);

/** The line item when `raw` is one, as `LineItemSchema.parse` would answer it; undefined otherwise. */
export const parseLineItemFast = (raw: unknown): LineItem | undefined => {
  if (!isRecord(raw)) return undefined;
  const lineNo = raw.lineNo;
  const serviceCode = raw.serviceCode;
  const description = raw.description;
  const serviceDate = raw.serviceDate;
  const invoiceReference = raw.invoiceReference;
  const frankingLicence = raw.frankingLicence;
  const customerReference = raw.customerReference;
  const quantity = raw.quantity;
  const unitPrice = raw.unitPrice;
  const netAmount = raw.netAmount;
  const vatRate = raw.vatRate;
  const vatAmount = raw.vatAmount;
  if (
    typeof lineNo !== 'number' ||
    !Number.isSafeInteger(lineNo) ||
    lineNo < 1 ||
    !boundedString(serviceCode, STRING_MAX.id) ||
    (description !== undefined && !boundedString(description, STRING_MAX.text)) ||
    !isIsoDate(serviceDate) ||
    !matches(invoiceReference, LINE_PATTERNS.invoiceReference) ||
    !matches(frankingLicence, LINE_PATTERNS.frankingLicence) ||
    (customerReference !== undefined &&
      customerReference !== null &&
      !boundedString(customerReference, 35)) ||
    !matches(quantity, LINE_PATTERNS.quantity) ||
    !matches(unitPrice, LINE_PATTERNS.unitPrice) ||
    !matches(netAmount, LINE_PATTERNS.money) ||
    typeof vatRate !== 'string' ||
    !isVatRate(vatRate) ||
    !matches(vatAmount, LINE_PATTERNS.money)
  )
    return undefined;
  const item: LineItem = {
    lineNo,
    serviceCode,
    serviceDate,
    invoiceReference,
    frankingLicence,
    quantity,
    unitPrice,
    netAmount,
    vatRate,
    vatAmount,
  };
  // zod keeps an optional member that is present, even when it holds undefined, and omits an absent one.
  if ('description' in raw) item.description = description;
  if ('customerReference' in raw) item.customerReference = customerReference;
  return item;
};
