/** What a key pressed anywhere in the viewer does; the buttons offer the same actions. */
export type PdfKeyAction =
  'previousPage' | 'nextPage' | 'firstPage' | 'lastPage' | 'zoomIn' | 'zoomOut' | 'fitWidth';

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const actions: Readonly<Record<string, PdfKeyAction>> = {
  PageUp: 'previousPage',
  PageDown: 'nextPage',
  Home: 'firstPage',
  End: 'lastPage',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'fitWidth',
};

/**
 * Null for keys the viewer leaves alone: arrows keep scrolling the page, and Ctrl/Cmd/Alt
 * combinations stay with the browser and the OS (Ctrl + zooms the whole window).
 */
export const pdfKeyAction = (press: KeyPress): PdfKeyAction | null => {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return actions[press.key] ?? null;
};
