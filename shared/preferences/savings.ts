import type { Centimes } from '../core/money';

/**
 * What receiving invoices by e-mail instead of by post saves, from the invoices in the archive.
 * Every figure is an integer: centimes, sheets, grams (paper in tenths of a milligram), so a year's
 * total is exact and the same on every device.
 *
 * Factors, each stated in the Settings help text:
 * - cost of one paper invoice: CHF 9.00 to 15.00 by default, the published range for printing,
 *   envelope, postage and handling; the clerk may set their own figures;
 * - sheets per invoice: the page count of its cached PDF (one page printed per sheet); an invoice
 *   whose PDF is not cached counts `ASSUMED_SHEETS_PER_INVOICE`;
 * - paper per A4 sheet: 80 g/m² × 0.06237 m² (210 mm × 297 mm) = 4.9896 g;
 * - CO2 per letter: about 50 g, the whole paper process (processing, printing, enveloping and
 *   delivery) measured by Itella (Posti, Finland) in 2009; one study, not a Swiss measurement.
 */
export const DEFAULT_PAPER_COST: PaperCost = { lowCentimes: 900, highCentimes: 1500 };
export const ASSUMED_SHEETS_PER_INVOICE = 2;
/** 80 g/m² × 0.06237 m², in tenths of a milligram: 4.9896 g. */
export const SHEET_PAPER_TENTH_MILLIGRAMS = 49_896;
export const CO2_GRAMS_PER_LETTER = 50;

export interface PaperCost {
  lowCentimes: Centimes;
  highCentimes: Centimes;
}

export interface InvoiceForSavings {
  /** ISO date of issue: the calendar year it counts in. */
  issueDate: string;
  /** Pages of its cached PDF; null when the PDF is not cached or its pages could not be counted. */
  pages: number | null;
}

export interface PeriodSavings {
  /** Letters, one per invoice or credit note. */
  letters: number;
  sheets: number;
  /** Of those letters, how many counted the assumed sheets (no cached PDF). */
  lettersWithAssumedSheets: number;
  lowCentimes: Centimes;
  highCentimes: Centimes;
  paperTenthMilligrams: number;
  co2Grams: number;
}

export interface YearSavings extends PeriodSavings {
  year: string;
}

export interface PaperlessSavings {
  /** Each calendar year of issue the archive holds, oldest first. */
  years: YearSavings[];
  /** The twelve calendar months ending with the month of the newest issue date; null for an empty archive. */
  last12Months: (PeriodSavings & { fromMonth: string; toMonth: string }) | null;
}

const empty = (): PeriodSavings => ({
  letters: 0,
  sheets: 0,
  lettersWithAssumedSheets: 0,
  lowCentimes: 0,
  highCentimes: 0,
  paperTenthMilligrams: 0,
  co2Grams: 0,
});

const add = (period: PeriodSavings, invoice: InvoiceForSavings, cost: PaperCost): void => {
  const sheets = invoice.pages ?? ASSUMED_SHEETS_PER_INVOICE;
  period.letters += 1;
  period.sheets += sheets;
  if (invoice.pages === null) period.lettersWithAssumedSheets += 1;
  period.lowCentimes += cost.lowCentimes;
  period.highCentimes += cost.highCentimes;
  period.paperTenthMilligrams += sheets * SHEET_PAPER_TENTH_MILLIGRAMS;
  period.co2Grams += CO2_GRAMS_PER_LETTER;
};

/** "2026-03" eleven months before "2027-02" is "2026-04". */
const monthsBefore = (month: string, count: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

export const paperlessSavings = (
  invoices: Iterable<InvoiceForSavings>,
  cost: PaperCost = DEFAULT_PAPER_COST,
): PaperlessSavings => {
  const list = [...invoices];
  const byYear = new Map<string, PeriodSavings>();
  let latest = '';
  for (const invoice of list) {
    const year = invoice.issueDate.slice(0, 4);
    const period = byYear.get(year) ?? empty();
    byYear.set(year, period);
    add(period, invoice, cost);
    if (invoice.issueDate > latest) latest = invoice.issueDate;
  }
  const years = [...byYear.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([year, period]) => ({ year, ...period }));
  if (latest === '') return { years, last12Months: null };
  const toMonth = latest.slice(0, 7);
  const fromMonth = monthsBefore(toMonth, 11);
  const last12 = empty();
  for (const invoice of list) {
    const month = invoice.issueDate.slice(0, 7);
    if (month >= fromMonth && month <= toMonth) add(last12, invoice, cost);
  }
  return { years, last12Months: { ...last12, fromMonth, toMonth } };
};

/**
 * The pages of a PDF as its page tree says (`/Type /Pages … /Count n`, the root's count being the
 * largest), or null when the tree is not readable as text (compressed object streams): then the
 * savings fall back to the assumed sheets rather than guess.
 */
export const pdfPageCount = (bytes: Uint8Array): number | null => {
  // Latin-1 keeps one character per byte, so the PDF's ASCII syntax reads as written.
  const text = new TextDecoder('latin1').decode(bytes);
  let count: number | null = null;
  for (const match of text.matchAll(/<<[^>]*?\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)) {
    const value = Number(match[1]);
    if (Number.isSafeInteger(value) && value > 0 && (count === null || value > count)) count = value;
  }
  for (const match of text.matchAll(/<<[^>]*?\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    const value = Number(match[1]);
    if (Number.isSafeInteger(value) && value > 0 && (count === null || value > count)) count = value;
  }
  return count;
};
