import { describe, expect, it } from 'vitest';
import { unzipSync as readZip } from 'fflate';
import { zipInvoicePdfs } from './pdfZip';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
const texts = { missingFileName: 'missing-pdfs.txt', missingIntro: 'Not on this device yet:' };

describe('PDFs of a selection as one zip', () => {
  it('holds each stored PDF under its invoice number, byte for byte', () => {
    const zip = zipInvoicePdfs(
      [
        { invoice: { number: '4100000001', issueDate: '2026-01-02', type: 'invoice' }, bytes: pdf('one') },
        {
          invoice: { number: '4100000002', issueDate: '2026-02-02', type: 'credit-note' },
          bytes: pdf('two'),
        },
      ],
      texts,
    );
    expect(zip).toMatchObject({ pdfs: 2, missing: 0 });
    const files = readZip(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(['4100000001.pdf', '4100000002.pdf']);
    expect(files['4100000002.pdf']).toEqual(pdf('two'));
  });

  it('lists a missing PDF in a text file instead of leaving it out silently', () => {
    const zip = zipInvoicePdfs(
      [
        { invoice: { number: '4100000001', issueDate: '2026-01-02', type: 'invoice' }, bytes: pdf('one') },
        { invoice: { number: '4100000003', issueDate: '2026-03-02', type: 'invoice' }, bytes: null },
      ],
      texts,
    );
    expect(zip).toMatchObject({ pdfs: 1, missing: 1 });
    const files = readZip(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(['4100000001.pdf', 'missing-pdfs.txt']);
    expect(new TextDecoder().decode(files['missing-pdfs.txt'])).toBe(
      'Not on this device yet:\r\n\r\n4100000003\t2026-03-02\r\n',
    );
  });

  it('gives a repeated number its own file, and the same selection the same bytes', () => {
    const entries = [
      { invoice: { number: '1', issueDate: '2026-01-02', type: 'invoice' as const }, bytes: pdf('a') },
      { invoice: { number: '1', issueDate: '2026-01-03', type: 'invoice' as const }, bytes: pdf('b') },
    ];
    expect(Object.keys(readZip(zipInvoicePdfs(entries, texts).bytes)).sort()).toEqual(['1-2.pdf', '1.pdf']);
    expect(zipInvoicePdfs(entries, texts).bytes).toEqual(zipInvoicePdfs(entries, texts).bytes);
  });
});
