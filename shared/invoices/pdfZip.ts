import { zipSync, type Zippable } from 'fflate';
import type { Invoice } from '../api/schemas';

export interface PdfZipEntry {
  invoice: Pick<Invoice, 'number' | 'issueDate' | 'type'>;
  /** The stored PDF, or null when this device has not fetched it yet. */
  bytes: Uint8Array | null;
}

export interface PdfZipTexts {
  /** Name of the text file that lists the missing PDFs ("missing-pdfs.txt"). */
  missingFileName: string;
  missingIntro: string;
}

export interface PdfZip {
  bytes: Uint8Array<ArrayBuffer>;
  pdfs: number;
  missing: number;
}

/** Fixed, so the same selection gives the same bytes (zip entries carry a time). */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * The PDFs of a selection of invoices as one zip, named by invoice number. A PDF this device does
 * not hold is never silently left out: it is listed, with its number and date, in a text file in
 * the zip. PDFs are compressed already, so entries are stored, not deflated again.
 */
export const zipInvoicePdfs = (entries: readonly PdfZipEntry[], texts: PdfZipTexts): PdfZip => {
  const files: Zippable = {};
  const missing: string[] = [];
  const used = new Set<string>();
  for (const { invoice, bytes } of entries) {
    if (bytes === null) {
      missing.push(`${invoice.number}\t${invoice.issueDate}`);
      continue;
    }
    // Numbers are unique per operator; a repeat (two archives merged by hand) still gets its own file.
    let name = `${invoice.number}.pdf`;
    for (let n = 2; used.has(name); n += 1) name = `${invoice.number}-${n}.pdf`;
    used.add(name);
    files[name] = [bytes, { level: 0, mtime: ENTRY_TIME }];
  }
  if (missing.length > 0) {
    const text = `${texts.missingIntro}\r\n\r\n${missing.join('\r\n')}\r\n`;
    files[texts.missingFileName] = [new TextEncoder().encode(text), { level: 6, mtime: ENTRY_TIME }];
  }
  const zipped = zipSync(files);
  // A fresh ArrayBuffer-backed copy: the platform's save function takes exactly that.
  const bytes = new Uint8Array(zipped.byteLength);
  bytes.set(zipped);
  return { bytes, pdfs: entries.length - missing.length, missing: missing.length };
};
