import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useState } from 'react';

export interface PageNavigation {
  /** 1-based; 1 until a document is open. */
  pageNumber: number;
  /** 0 until a document is open. */
  pageCount: number;
  goTo: (pageNumber: number) => void;
}

/** The current page of `pdf`; another document starts again on its first page. */
export const usePageNavigation = (pdf: PDFDocumentProxy | null): PageNavigation => {
  const [position, setPosition] = useState<{ pdf: PDFDocumentProxy | null; pageNumber: number }>({
    pdf: null,
    pageNumber: 1,
  });
  const pageCount = pdf?.numPages ?? 0;
  return {
    pageNumber: position.pdf === pdf ? position.pageNumber : 1,
    pageCount,
    goTo: (pageNumber) => {
      if (!pdf || pageCount === 0) return;
      setPosition({ pdf, pageNumber: Math.min(pageCount, Math.max(1, Math.round(pageNumber))) });
    },
  };
};
