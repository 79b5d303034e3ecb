import { describe, expect, it } from 'vitest';
import {
  chosenIds,
  EMPTY_LAYOUT,
  fitColumns,
  moveColumn,
  moveColumnPast,
  moveColumnTo,
  parseColumnLayout,
  resizeColumn,
  serializeColumnLayout,
  setColumnVisible,
  type ColumnSpec,
} from './columnLayout';

const specs: ColumnSpec[] = [
  { id: 'number', width: 120, minWidth: 100, priority: 1 },
  { id: 'reference', width: 220, minWidth: 120, priority: 2, grow: 1 },
  { id: 'period', width: 180, minWidth: 170, priority: 3 },
  { id: 'note', width: 200, minWidth: 80, priority: 5, hiddenByDefault: true },
  { id: 'gross', width: 110, minWidth: 100, priority: 1 },
  { id: 'status', width: 100, minWidth: 90, priority: 4 },
];
const total = (columns: { width: number }[]) => columns.reduce((sum, column) => sum + column.width, 0);

describe('fitColumns', () => {
  it('shares out no room before the table has measured itself', () => {
    const fitted = fitColumns(specs, EMPTY_LAYOUT, Number.POSITIVE_INFINITY);
    for (const column of fitted) expect(Number.isFinite(column.width)).toBe(true);
  });

  it('gives the growing columns the spare room of a wide window', () => {
    const fitted = fitColumns(specs, EMPTY_LAYOUT, 1000);
    expect(fitted.map((column) => column.id)).toEqual(['number', 'reference', 'period', 'gross', 'status']);
    expect(fitted.find((column) => column.id === 'reference')?.width).toBe(220 + 1000 - 730);
    expect(total(fitted)).toBe(1000);
  });

  it('shrinks columns toward their minimum before leaving any out, never an amount below its minimum', () => {
    const fitted = fitColumns(specs, EMPTY_LAYOUT, 650);
    expect(fitted.map((column) => column.id)).toEqual(['number', 'reference', 'period', 'gross', 'status']);
    expect(total(fitted)).toBeLessThanOrEqual(650);
    for (const column of fitted) {
      const spec = specs.find((candidate) => candidate.id === column.id);
      expect(column.width).toBeGreaterThanOrEqual(spec?.minWidth ?? 0);
    }
  });

  it('leaves out the least important default columns in a narrow window, keeping amounts', () => {
    const fitted = fitColumns(specs, EMPTY_LAYOUT, 420);
    expect(fitted.map((column) => column.id)).toEqual(['number', 'reference', 'gross']);
    expect(total(fitted)).toBeLessThanOrEqual(420);
  });

  it('keeps a column the clerk showed explicitly and a width set by hand, even when they do not fit', () => {
    let layout = setColumnVisible(specs, EMPTY_LAYOUT, 'note', true);
    layout = setColumnVisible(specs, layout, 'status', true);
    layout = resizeColumn(layout, 'number', 300);
    const fitted = fitColumns(specs, layout, 420);
    expect(fitted.map((column) => column.id)).toEqual(['number', 'note', 'gross', 'status']);
    expect(fitted.find((column) => column.id === 'number')?.width).toBe(300);
  });

  it('never makes a column narrower by hand than its content needs', () => {
    const fitted = fitColumns(specs, resizeColumn(EMPTY_LAYOUT, 'gross', 50), 1000);
    expect(fitted.find((column) => column.id === 'gross')?.width).toBe(100);
  });
});

describe('the clerk’s choices', () => {
  it('moves columns by keyboard steps (among all columns, as the menu lists them) and by dragging, within the ends', () => {
    const left = moveColumn(specs, EMPTY_LAYOUT, 'gross', -3);
    expect(chosenIds(specs, left)).toEqual(['number', 'gross', 'reference', 'period', 'status']);
    expect(moveColumn(specs, left, 'number', -1)).toBe(left);
    const dragged = moveColumnTo(specs, EMPTY_LAYOUT, 'status', 'number');
    expect(chosenIds(specs, dragged)).toEqual(['status', 'number', 'reference', 'period', 'gross']);
  });

  it('steps past the next shown column, not one the window leaves out', () => {
    const shown = ['number', 'reference', 'gross'];
    const left = moveColumnPast(specs, EMPTY_LAYOUT, 'gross', -1, shown);
    expect(chosenIds(specs, left)).toEqual(['number', 'gross', 'reference', 'period', 'status']);
    const right = moveColumnPast(specs, EMPTY_LAYOUT, 'reference', 1, shown);
    expect(chosenIds(specs, right)).toEqual(['number', 'period', 'gross', 'reference', 'status']);
    expect(moveColumnPast(specs, EMPTY_LAYOUT, 'number', -1, shown)).toBe(EMPTY_LAYOUT);
  });

  it('never hides the last shown column', () => {
    let layout = EMPTY_LAYOUT;
    for (const id of ['number', 'reference', 'period', 'gross'])
      layout = setColumnVisible(specs, layout, id, false);
    expect(chosenIds(specs, layout)).toEqual(['status']);
    expect(setColumnVisible(specs, layout, 'status', false)).toBe(layout);
  });

  it('survives storage: a round trip keeps it, damaged or foreign data is dropped, widths are clamped', () => {
    const layout = resizeColumn(moveColumn(specs, EMPTY_LAYOUT, 'gross', -1), 'period', 5000);
    expect(parseColumnLayout(serializeColumnLayout(layout))).toEqual(layout);
    expect(layout.widths.period).toBe(800);
    expect(parseColumnLayout('{')).toEqual(EMPTY_LAYOUT);
    expect(parseColumnLayout('[1]')).toEqual(EMPTY_LAYOUT);
    expect(parseColumnLayout(null)).toEqual(EMPTY_LAYOUT);
    expect(
      parseColumnLayout(
        '{"order":["gross",3,"gross"],"widths":{"a":"x","b":10},"visible":{"c":1,"d":false}}',
      ),
    ).toEqual({ order: ['gross'], widths: { b: 40 }, visible: { d: false } });
    // Ids the table no longer has are ignored when ordering.
    expect(chosenIds(specs, { ...EMPTY_LAYOUT, order: ['gone', 'status'] })[0]).toBe('status');
  });
});
