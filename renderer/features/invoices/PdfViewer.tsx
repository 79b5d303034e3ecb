import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfKeyAction, type PdfKeyAction } from './pdf/keyboard';
import { PdfPageCanvas } from './pdf/PdfPageCanvas';
import { PdfToolbar } from './pdf/PdfToolbar';
import { useElementWidth } from './pdf/useElementWidth';
import { usePageNavigation } from './pdf/usePageNavigation';
import { usePdfDocument } from './pdf/usePdfDocument';
import { usePdfPage } from './pdf/usePdfPage';
import { MAX_SCALE, MIN_SCALE, resolveScale, zoomIn, zoomOut, type Zoom } from './pdf/zoom';
import './pdf/PdfViewer.css';

interface PdfViewerProps {
  /** The invoice's PDF as stored locally, never fetched. The viewer works on a copy: these stay intact. */
  bytes: ArrayBuffer;
  /** The invoice's title: it names the pages for screen readers. */
  title: string;
  /** Called once the document is open and shown (the audit log records that the clerk opened it). */
  onOpened?: () => void;
}

/**
 * An invoice's PDF, drawn by pdf.js one page at a time, with page and zoom controls. (Saving the
 * PDF is the page's SavePdfButton, through Platform.saveFile.)
 * Works offline and under the app's CSP: see pdf/pdfJs.ts for how pdf.js is loaded and configured.
 */
export const PdfViewer = ({ bytes, title, onOpened }: PdfViewerProps) => {
  const { t } = useTranslation();
  const pagesId = useId();
  const opened = usePdfDocument(bytes);
  const pdf = opened.status === 'ready' ? opened.pdf : null;
  // Once per document shown: re-renders and StrictMode's second effect run are not a second opening.
  const toldOpened = useRef<PDFDocumentProxy | null>(null);
  useEffect(() => {
    if (pdf === null || toldOpened.current === pdf) return;
    toldOpened.current = pdf;
    onOpened?.();
  }, [pdf, onOpened]);
  const { pageNumber, pageCount, goTo } = usePageNavigation(pdf);
  const loadedPage = usePdfPage(pdf, pageNumber);
  const page = loadedPage.status === 'ready' ? loadedPage.page : null;
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fitWidth' });
  const [pagesElement, setPagesElement] = useState<HTMLDivElement | null>(null);
  const availableWidth = useElementWidth(pagesElement);
  const scale = page ? resolveScale(zoom, page.getViewport({ scale: 1 }).width, availableWidth) : null;
  const [failedPage, setFailedPage] = useState<PDFPageProxy | null>(null);
  const onRenderError = useCallback(
    (error: unknown) => {
      console.error('PDF page rendering failed', error);
      setFailedPage(page);
    },
    [page],
  );

  const act = (action: PdfKeyAction): void => {
    const current = scale ?? 1;
    switch (action) {
      case 'previousPage':
        return goTo(pageNumber - 1);
      case 'nextPage':
        return goTo(pageNumber + 1);
      case 'firstPage':
        return goTo(1);
      case 'lastPage':
        return goTo(pageCount);
      case 'zoomIn':
        return setZoom({ kind: 'scale', scale: zoomIn(current) });
      case 'zoomOut':
        return setZoom({ kind: 'scale', scale: zoomOut(current) });
      case 'fitWidth':
        return setZoom({ kind: 'fitWidth' });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const action = pdfKeyAction(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  };

  const pageFailed = loadedPage.status === 'error' || (page !== null && failedPage === page);

  return (
    <section className="pdf-viewer" aria-label={t('pdf.label')} onKeyDown={onKeyDown}>
      <PdfToolbar
        pagesId={pagesId}
        pageCount={pageCount}
        pageNumber={pageNumber}
        onPage={goTo}
        scale={scale}
        fitWidth={zoom.kind === 'fitWidth'}
        canZoomIn={scale !== null && scale < MAX_SCALE}
        canZoomOut={scale !== null && scale > MIN_SCALE}
        onZoomIn={() => act('zoomIn')}
        onZoomOut={() => act('zoomOut')}
        onFitWidth={() => act('fitWidth')}
      />
      {/* Focusable so that the keyboard scrolls a zoomed page; the keys above turn pages. */}
      <div
        id={pagesId}
        ref={setPagesElement}
        className="pdf-viewer__pages"
        role="group"
        aria-label={title}
        tabIndex={0}
      >
        {opened.status === 'loading' && (
          <p role="status" className="pdf-viewer__message">
            {t('pdf.loading')}
          </p>
        )}
        {opened.status === 'error' && (
          <p role="alert" className="notice notice--error pdf-viewer__message">
            {t(`pdf.errors.${opened.reason}`)}
          </p>
        )}
        {pageFailed && (
          <p role="alert" className="notice notice--error pdf-viewer__message">
            {t('pdf.errors.page')}
          </p>
        )}
        {page && scale !== null && !pageFailed && (
          <PdfPageCanvas
            page={page}
            scale={scale}
            label={t('pdf.pageImage', { title, page: pageNumber, total: pageCount })}
            onError={onRenderError}
          />
        )}
      </div>
    </section>
  );
};
