import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { openPdf } from './openPdf';
import { classifyPdfError, type PdfErrorReason } from './pdfErrors';

export type PdfDocumentState =
  | { status: 'loading' }
  | { status: 'ready'; pdf: PDFDocumentProxy }
  | { status: 'error'; reason: PdfErrorReason };

const LOADING: PdfDocumentState = { status: 'loading' };

/**
 * Opens `bytes` with pdf.js and owns the result: the document and its worker are destroyed when the
 * bytes change or the viewer goes away, so a clerk paging through invoices does not pile up workers.
 */
export const usePdfDocument = (bytes: ArrayBuffer): PdfDocumentState => {
  // Remembered with the bytes it belongs to: new bytes read as loading at once, without an effect
  // having to reset the state first.
  const [settled, setSettled] = useState<{ bytes: ArrayBuffer; state: PdfDocumentState } | null>(null);

  useEffect(() => {
    let current = true;
    const handle = openPdf(bytes);
    handle.document.then(
      (pdf) => {
        if (current) setSettled({ bytes, state: { status: 'ready', pdf } });
      },
      (error: unknown) => {
        if (current) setSettled({ bytes, state: { status: 'error', reason: classifyPdfError(error) } });
      },
    );
    return () => {
      current = false;
      void handle.destroy();
    };
  }, [bytes]);

  return settled?.bytes === bytes ? settled.state : LOADING;
};
