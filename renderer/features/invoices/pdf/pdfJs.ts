import type * as PdfJsModule from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
// Only the URL of pdf.js's worker: Vite copies the file into the build as an asset of our origin,
// so worker-src 'self' admits it and it is there offline.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js weighs several hundred kilobytes and only the invoice viewer needs it: it is imported on
 * first use, into a chunk of its own, so the app's start-up does not pay for it.
 */
export const loadPdfJs = (): Promise<PdfJs> => {
  loading ??= import('pdfjs-dist').then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    },
    (error: unknown) => {
      // A failed chunk load is not cached: the next viewer opened tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
};

/**
 * pdf.js's data files (standard fonts, CMaps) are copied into the build under pdfjs/ by the
 * pdfJsAssets plugin of vite.config.ts, and served by the dev server there too.
 */
const assetFolder = (folder: 'standard_fonts' | 'cmaps'): string =>
  // Absolute, from the page's own URL (app://invoice-desk/ or http://host/): the worker resolves
  // relative URLs against its script instead.
  new URL(`pdfjs/${folder}/`, document.baseURI).href;

/** getDocument's options for a PDF already in memory, under the app's strict CSP and offline. */
export const offlineDocumentOptions = (): DocumentInitParameters => ({
  standardFontDataUrl: assetFolder('standard_fonts'),
  cMapUrl: assetFolder('cmaps'),
  cMapPacked: true,
  // The invoices name Helvetica without embedding it. With system fonts on, pdf.js would ask the OS
  // for a look-alike, which differs by machine; off, it draws the shipped Liberation Sans, which has
  // Helvetica's metrics, everywhere the same.
  useSystemFonts: false,
  // The worker fetches the data files itself: same origin, so connect-src 'self' admits it, and on
  // app:// pdf.js would otherwise fall back to XMLHttpRequest on the main thread.
  useWorkerFetch: true,
  // script-src 'self' has no 'unsafe-eval': PDF functions are interpreted, never compiled.
  isEvalSupported: false,
  // ... nor 'wasm-unsafe-eval': pdf.js's JavaScript image decoders are used instead of its wasm ones.
  useWasm: false,
  // Invoices carry no XFA forms; never interpret them.
  enableXfa: false,
});
