import { describe, expect, it } from 'vitest';
import {
  MAX_CANVAS_PIXELS,
  MAX_SCALE,
  MIN_SCALE,
  outputScaleFor,
  resolveScale,
  zoomIn,
  zoomOut,
} from './zoom';

const A4_WIDTH_POINTS = 595.28;

describe('zoom', () => {
  it('steps through the stops, from the fitted scale too', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.18)).toBe(1.25);
    expect(zoomOut(1.18)).toBe(1.1);
    expect(zoomIn(0.6700001)).toBe(0.75);
  });

  it('stops at the ends', () => {
    expect(zoomIn(MAX_SCALE)).toBe(MAX_SCALE);
    expect(zoomOut(MIN_SCALE)).toBe(MIN_SCALE);
  });

  it('fits the page width into the space available, at the printed size when it just fits', () => {
    expect(resolveScale({ kind: 'fitWidth' }, A4_WIDTH_POINTS, 793)).toBeCloseTo(0.999, 3);
    expect(resolveScale({ kind: 'fitWidth' }, A4_WIDTH_POINTS, 397)).toBeCloseTo(0.5, 2);
    expect(resolveScale({ kind: 'fitWidth' }, A4_WIDTH_POINTS, 100_000)).toBe(MAX_SCALE);
  });

  it('waits for the viewer to be measured before fitting', () => {
    expect(resolveScale({ kind: 'fitWidth' }, A4_WIDTH_POINTS, 0)).toBeNull();
    expect(resolveScale({ kind: 'scale', scale: 1.5 }, A4_WIDTH_POINTS, 0)).toBe(1.5);
  });

  it('draws at the screen density, but never a canvas beyond the pixel budget', () => {
    expect(outputScaleFor(800, 1100, 2)).toBe(2);
    expect(outputScaleFor(800, 1100, 0.5)).toBe(1);
    const scale = outputScaleFor(3200, 4400, 2);
    expect(scale).toBeLessThan(2);
    expect(3200 * scale * 4400 * scale).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
  });
});
