/** How large the page is drawn: fitted to the viewer's width, or a fixed scale the clerk chose. */
export type Zoom = { kind: 'fitWidth' } | { kind: 'scale'; scale: number };

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
/** The stops of the zoom buttons, as in browsers' own PDF viewers. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** PDF points are 1/72 in and CSS pixels 1/96 in: at 100 % a page shows at its printed size. */
export const CSS_PX_PER_PDF_POINT = 96 / 72;

/**
 * Canvas pixels beyond this are refused by some GPUs and cost 4 bytes each; a fitted A4 page at
 * 4x zoom on a 2x screen stays under it.
 */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Tolerance so that 0.6700001 counts as the 0.67 stop. */
const EPSILON = 0.005;

export const zoomIn = (scale: number): number =>
  ZOOM_STEPS.find((step) => step > scale + EPSILON) ?? MAX_SCALE;

export const zoomOut = (scale: number): number =>
  ZOOM_STEPS.findLast((step) => step < scale - EPSILON) ?? MIN_SCALE;

/**
 * The scale at which a page `pageWidthPoints` wide fills `availableWidthPx`, or null while the
 * viewer has not been measured yet (rendering then would only be thrown away).
 */
export const resolveScale = (
  zoom: Zoom,
  pageWidthPoints: number,
  availableWidthPx: number,
): number | null => {
  if (zoom.kind === 'scale') return clamp(zoom.scale, MIN_SCALE, MAX_SCALE);
  if (availableWidthPx <= 0 || pageWidthPoints <= 0) return null;
  // Rounded down to a thousandth so that sub-pixel resizes do not trigger a new render.
  const fitted = Math.floor((availableWidthPx / (pageWidthPoints * CSS_PX_PER_PDF_POINT)) * 1000) / 1000;
  return clamp(fitted, MIN_SCALE, MAX_SCALE);
};

/** Canvas pixels per CSS pixel: sharp on high-density screens, but never a canvas too big to allocate. */
export const outputScaleFor = (cssWidth: number, cssHeight: number, devicePixelRatio: number): number => {
  const wanted = Math.max(1, devicePixelRatio);
  const area = cssWidth * cssHeight;
  if (area <= 0) return wanted;
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / area));
};
