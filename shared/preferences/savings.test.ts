import { describe, expect, it } from 'vitest';
import {
  ASSUMED_SHEETS_PER_INVOICE,
  DEFAULT_PAPER_COST,
  paperlessSavings,
  pdfPageCount,
  type InvoiceForSavings,
} from './savings';

/** A known cache: three years, PDFs cached for some invoices only. */
const cache: InvoiceForSavings[] = [
  { issueDate: '2024-11-30', pages: 1 },
  { issueDate: '2024-12-31', pages: 3 },
  { issueDate: '2025-01-01', pages: 2 },
  { issueDate: '2025-02-28', pages: null },
  { issueDate: '2025-06-30', pages: 4 },
  { issueDate: '2025-12-31', pages: 1 },
  { issueDate: '2026-01-31', pages: null },
  { issueDate: '2026-03-15', pages: 2 },
];

describe('paperless savings', () => {
  it('counts letters, sheets, francs, paper and CO2 per calendar year of issue, exactly', () => {
    const { years } = paperlessSavings(cache);
    expect(years.map((year) => year.year)).toEqual(['2024', '2025', '2026']);
    const [y2024, y2025, y2026] = years;
    expect(y2024).toEqual({
      year: '2024',
      letters: 2,
      sheets: 4,
      lettersWithAssumedSheets: 0,
      lowCentimes: 1800,
      highCentimes: 3000,
      // 4 sheets × 4.9896 g = 19.9584 g
      paperTenthMilligrams: 199_584,
      co2Grams: 100,
    });
    expect(y2025).toMatchObject({
      letters: 4,
      sheets: 2 + ASSUMED_SHEETS_PER_INVOICE + 4 + 1,
      lettersWithAssumedSheets: 1,
      lowCentimes: 3600,
      highCentimes: 6000,
      paperTenthMilligrams: 9 * 49_896,
      co2Grams: 200,
    });
    expect(y2026).toMatchObject({ letters: 2, sheets: 4, lowCentimes: 1800, highCentimes: 3000 });
  });

  it('takes the twelve calendar months up to the newest issue date, never the wall clock', () => {
    const { last12Months } = paperlessSavings(cache);
    // 2025-04 to 2026-03: the invoices of June, December, January and March.
    expect(last12Months).toMatchObject({ fromMonth: '2025-04', toMonth: '2026-03', letters: 4, sheets: 9 });
    expect(last12Months?.lowCentimes).toBe(4 * DEFAULT_PAPER_COST.lowCentimes);
  });

  it("uses the clerk's own cost per invoice, to the centime, and no floats on the way", () => {
    const cost = { lowCentimes: 1235, highCentimes: 1235 };
    const many = Array.from({ length: 1_000 }, (_, i) => ({
      issueDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
      pages: 1,
    }));
    const { years } = paperlessSavings(many, cost);
    expect(years[0]?.lowCentimes).toBe(1_235_000);
    expect(years[0]?.highCentimes).toBe(1_235_000);
  });

  it('has nothing to show for an empty archive', () => {
    expect(paperlessSavings([])).toEqual({ years: [], last12Months: null });
  });
});

const pdf = (pageTree: string) =>
  new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n${pageTree}\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n%%EOF`,
  );

describe('PDF page count', () => {
  it('reads the page tree, whichever order its keys come in', () => {
    expect(pdfPageCount(pdf('<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>'))).toBe(3);
    expect(pdfPageCount(pdf('<< /Count 7 /Kids [3 0 R] /Type /Pages >>'))).toBe(7);
  });

  it('takes the root of a nested tree, the largest count', () => {
    expect(
      pdfPageCount(
        pdf('<< /Type /Pages /Kids [6 0 R] /Count 12 >>\n<< /Type /Pages /Parent 2 0 R /Count 4 >>'),
      ),
    ).toBe(12);
  });

  it('says it does not know rather than guess', () => {
    expect(pdfPageCount(new TextEncoder().encode('%PDF-1.5\n<< /Type /ObjStm /N 4 >>stream\nxx'))).toBeNull();
    expect(pdfPageCount(new Uint8Array())).toBeNull();
  });
});
