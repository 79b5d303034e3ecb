import { describe, expect, it } from 'vitest';
import { pdfKeyAction } from './keyboard';

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('pdfKeyAction', () => {
  it.each([
    ['PageDown', 'nextPage'],
    ['PageUp', 'previousPage'],
    ['Home', 'firstPage'],
    ['End', 'lastPage'],
    ['+', 'zoomIn'],
    ['=', 'zoomIn'],
    ['-', 'zoomOut'],
    ['0', 'fitWidth'],
  ])('%s -> %s', (key, action) => {
    expect(pdfKeyAction(press(key))).toBe(action);
  });

  it('leaves arrows, letters and modified keys to the browser', () => {
    expect(pdfKeyAction(press('ArrowDown'))).toBeNull();
    expect(pdfKeyAction(press('a'))).toBeNull();
    expect(pdfKeyAction(press('+', { ctrlKey: true }))).toBeNull();
    expect(pdfKeyAction(press('0', { metaKey: true }))).toBeNull();
    expect(pdfKeyAction(press('PageDown', { altKey: true }))).toBeNull();
  });
});
