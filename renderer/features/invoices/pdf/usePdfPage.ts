import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';

export type PdfPageState =
  { status: 'loading' } | { status: 'ready'; page: PDFPageProxy } | { status: 'error'; error: unknown };

const LOADING: PdfPageState = { status: 'loading' };

/** One page of an open document; the document's destruction frees it with everything else. */
export const usePdfPage = (pdf: PDFDocumentProxy | null, pageNumber: number): PdfPageState => {
  const [settled, setSettled] = useState<{
    pdf: PDFDocumentProxy;
    pageNumber: number;
    state: PdfPageState;
  } | null>(null);

  useEffect(() => {
    if (!pdf) return;
    let current = true;
    pdf.getPage(pageNumber).then(
      (page) => {
        if (current) setSettled({ pdf, pageNumber, state: { status: 'ready', page } });
      },
      (error: unknown) => {
        if (current) setSettled({ pdf, pageNumber, state: { status: 'error', error } });
      },
    );
    return () => {
      current = false;
    };
  }, [pdf, pageNumber]);

  return settled && settled.pdf === pdf && settled.pageNumber === pageNumber ? settled.state : LOADING;
};
