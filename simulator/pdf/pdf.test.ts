import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { textWidth } from './helveticaMetrics';
import { checkPdfStructure } from './pdfStructure';
import { createPage, encodeWinAnsi, writePdf } from './pdfWriter';

const info = { title: 'T (1)', author: 'A', subject: 'S', creationDate: 'D:20260101000000Z' };

describe('pdf writer', () => {
  it('writes a structurally valid multi-page PDF that pdf-lib can load', async () => {
    const pages = [1, 2, 3].map((n) => {
      const page = createPage();
      page.text(50, 800, `Seite ${n}: Grüsse aus Zürich – «Test» (ok) \\ €`, {
        font: 'Helvetica-Bold',
        size: 12,
      });
      page.text(545, 780, "1'234.50", { align: 'right' });
      page.rule(50, 770, 545, 770, { dash: 2 });
      page.box(50, 700, 100, 50, { fillGray: 0.9, stroke: true });
      return page.content();
    });
    const bytes = writePdf(pages, info);
    expect(checkPdfStructure(bytes)).toEqual([]);
    const document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    expect(document.getPageCount()).toBe(3);
    expect(document.getTitle()).toBe('T (1)');
  });

  it('is deterministic', () => {
    const page = createPage();
    page.text(10, 10, 'x');
    expect(
      Buffer.from(writePdf([page.content()], info)).equals(Buffer.from(writePdf([page.content()], info))),
    ).toBe(true);
  });

  it('encodes text in WinAnsi and measures it', () => {
    expect(encodeWinAnsi('Zürich – €')).toBe('Z\xfcrich \x96 \x80');
    expect(encodeWinAnsi('日本')).toBe('??');
    expect(textWidth('AAAA', 'Helvetica', 10)).toBeCloseTo(26.68);
    expect(textWidth('AAAA', 'Helvetica-Bold', 10)).toBeCloseTo(28.88);
  });

  it('clips text to a width with an ellipsis', () => {
    const page = createPage();
    page.text(0, 0, 'A very long service name that does not fit', { maxWidth: 40, size: 10 });
    expect(page.content()).toContain('\x85) Tj');
  });

  it('detects a broken xref', () => {
    const page = createPage();
    page.text(10, 10, 'x');
    const bytes = Buffer.from(writePdf([page.content()], info));
    const broken = Buffer.from(
      bytes.toString('latin1').replace('0000000015 00000 n', '0000000016 00000 n'),
      'latin1',
    );
    expect(checkPdfStructure(broken)).toContain('object 1 is not at offset 16');
  });
});
