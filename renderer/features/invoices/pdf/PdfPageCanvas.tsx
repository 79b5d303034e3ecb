import type { PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';
import { isPdfCancellation } from './pdfErrors';
import { CSS_PX_PER_PDF_POINT, outputScaleFor } from './zoom';

interface PdfPageCanvasProps {
  page: PDFPageProxy;
  /** 1 = the printed size. */
  scale: number;
  /** What the page is, for screen readers: a canvas has no text of its own. */
  label: string;
  onError: (error: unknown) => void;
}

/** One page drawn by pdf.js onto a canvas, sharp at the screen's pixel density. */
export const PdfPageCanvas = ({ page, scale, label, onError }: PdfPageCanvasProps) => {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // pdf.js refuses two renders on one canvas at once: each render waits for the one before to settle.
  const previousRender = useRef<Promise<void>>(Promise.resolve());
  const viewport = page.getViewport({ scale: scale * CSS_PX_PER_PDF_POINT });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    const render = async (): Promise<void> => {
      await previousRender.current;
      if (cancelled) return;
      const cssViewport = page.getViewport({ scale: scale * CSS_PX_PER_PDF_POINT });
      const outputScale = outputScaleFor(cssViewport.width, cssViewport.height, window.devicePixelRatio);
      const pixels = page.getViewport({ scale: scale * CSS_PX_PER_PDF_POINT * outputScale });
      canvas.width = Math.floor(pixels.width);
      canvas.height = Math.floor(pixels.height);
      task = page.render({ canvas, viewport: pixels });
      await task.promise;
    };
    const rendering = render().catch((error: unknown) => {
      if (!cancelled && !isPdfCancellation(error)) onError(error);
    });
    previousRender.current = rendering;
    return () => {
      // A newer page or zoom supersedes this render: stop it rather than finish work no one sees.
      cancelled = true;
      task?.cancel();
    };
  }, [page, scale, onError]);

  return (
    <canvas
      ref={canvasRef}
      className="pdf-viewer__page"
      role="img"
      aria-label={label}
      style={{ width: `${Math.floor(viewport.width)}px`, height: `${Math.floor(viewport.height)}px` }}
    />
  );
};
