import { z } from 'zod';
import type { WindowStateFiles } from './windowState';

/** Chromium's own zoom steps between half and double size: the clerk knows them from the browser. */
export const ZOOM_FACTORS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
export type ZoomFactor = (typeof ZOOM_FACTORS)[number];

const DEFAULT_INDEX = ZOOM_FACTORS.indexOf(1);

const ZoomStateSchema = z.object({ zoomFactor: z.number() });

/** The slice of WebContents zoom needs; Electron's WebContents satisfies it. */
export interface ZoomableContents {
  setZoomFactor(factor: number): void;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'zoom-changed', listener: (event: unknown, direction: 'in' | 'out') => void): unknown;
}

export interface Zoom {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  current(): ZoomFactor;
}

/** The saved step; anything else (no file, damaged, a factor between steps) is actual size. */
export const readZoomIndex = (files: WindowStateFiles): number => {
  try {
    const text = files.read();
    if (text === null) return DEFAULT_INDEX;
    const parsed = ZoomStateSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return DEFAULT_INDEX;
    const index = ZOOM_FACTORS.findIndex((factor) => factor === parsed.data.zoomFactor);
    return index === -1 ? DEFAULT_INDEX : index;
  } catch {
    return DEFAULT_INDEX;
  }
};

/**
 * The window's zoom, in steps, kept across restarts: the View menu, its shortcuts and Ctrl and the
 * mouse wheel go through here. Chromium keeps a zoom per origin for the session only, and a reload
 * or a new window starts from it, so the factor is set again after every load.
 */
export const createZoom = (contents: ZoomableContents, files: WindowStateFiles): Zoom => {
  let index = readZoomIndex(files);
  const apply = () => {
    contents.setZoomFactor(ZOOM_FACTORS[index] ?? 1);
  };
  const step = (next: number) => {
    const clamped = Math.min(ZOOM_FACTORS.length - 1, Math.max(0, next));
    if (clamped === index) return;
    index = clamped;
    apply();
    files.write(JSON.stringify({ zoomFactor: ZOOM_FACTORS[index] }));
  };
  contents.on('did-finish-load', apply);
  contents.on('zoom-changed', (_event, direction) => {
    step(direction === 'in' ? index + 1 : index - 1);
  });
  return {
    zoomIn: () => {
      step(index + 1);
    },
    zoomOut: () => {
      step(index - 1);
    },
    reset: () => {
      step(DEFAULT_INDEX);
    },
    current: () => ZOOM_FACTORS[index] ?? 1,
  };
};
