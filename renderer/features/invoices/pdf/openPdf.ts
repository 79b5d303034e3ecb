import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdfJs, offlineDocumentOptions } from './pdfJs';

/** An opening PDF: its document once parsed, and the one way to free its worker and memory. */
export interface PdfHandle {
  readonly document: Promise<PDFDocumentProxy>;
  /** Stops loading or closes the document, and ends its worker. Safe to call more than once. */
  destroy(): Promise<void>;
}

export class PdfClosedError extends Error {
  constructor() {
    super('The PDF was closed before it was opened');
    this.name = 'AbortException';
  }
}

export const openPdf = (bytes: ArrayBuffer): PdfHandle => {
  let task: PDFDocumentLoadingTask | null = null;
  let destroyed = false;
  const open = async (): Promise<PDFDocumentProxy> => {
    // pdf.js transfers the buffer to its worker, which detaches it: it gets a copy, so the caller's
    // bytes stay usable (to save them, or to open them again).
    const data = new Uint8Array(bytes.slice(0));
    const pdfjs = await loadPdfJs();
    if (destroyed) throw new PdfClosedError();
    task = pdfjs.getDocument({ ...offlineDocumentOptions(), data });
    return task.promise;
  };
  return {
    document: open(),
    destroy: async () => {
      destroyed = true;
      // Destroying the loading task also destroys its document and terminates its worker.
      await task?.destroy();
    },
  };
};
