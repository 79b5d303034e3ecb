import { CFB } from 'xlsx';

/**
 * Finishing touches SheetJS community edition cannot write: it has a single font and no panes, so a
 * bold header and a frozen header row are added to the package it produced, then the package is
 * compressed. SheetJS writes uncompressed first, so reading the package back costs no inflate; the
 * deflate is the same work `compression: true` would have done.
 *
 * Each touch edits one exact, known piece of SheetJS output. When a SheetJS update changes that
 * output and the piece is not found, the touch is skipped and the workbook stays valid, only plainer
 * (the tests check that both touches are applied, so such an update is noticed there, not by users).
 */

export interface PackageTouches {
  /** Rows from the top to keep in view while scrolling (0: none). */
  readonly frozenRows: number;
  /** Cells whose style has this number format id get a bold font. */
  readonly boldNumberFormatId: number;
}

/** Applies the touches to an uncompressed xlsx package and returns it compressed. */
export const finishPackage = (uncompressed: Uint8Array, touches: PackageTouches): Uint8Array => {
  const container = zip.read(uncompressed, { type: 'buffer' });
  patchEntry(container, STYLES_PATH, (bytes) => boldStyle(bytes, touches.boldNumberFormatId));
  if (touches.frozenRows > 0) {
    patchEntry(container, SHEET_PATH, (bytes) => freezeRows(bytes, touches.frozenRows));
  }
  return zip.write(container, { fileType: 'zip', type: 'buffer', compression: true });
};

// ---------------------------------------------------------------------------------------------

/** The slice of SheetJS's bundled CFB/zip API (documented in sheetjs/cfb) this module relies on. */
interface ZipEntry {
  content: unknown;
  size: number;
}
interface ZipContainer {
  readonly FullPaths: readonly string[];
  readonly FileIndex: readonly ZipEntry[];
}
interface ZipApi {
  read(data: Uint8Array, options: { type: 'buffer' }): ZipContainer;
  write(
    container: ZipContainer,
    options: { fileType: 'zip'; type: 'buffer'; compression: boolean },
  ): Uint8Array;
}
// xlsx declares CFB as `any`; the assertion states the calls above, nothing more.
const zip = CFB as ZipApi;

const STYLES_PATH = '/xl/styles.xml';
const SHEET_PATH = '/xl/worksheets/sheet1.xml';
// sheetViews come right after the XML declaration and <dimension>: far inside the first 8 KiB.
const SHEET_HEAD_BYTES = 8192;

const patchEntry = (
  container: ZipContainer,
  pathSuffix: string,
  patch: (bytes: Uint8Array) => Uint8Array | null,
): void => {
  const index = container.FullPaths.findIndex((path) => path.endsWith(pathSuffix));
  const entry = container.FileIndex[index];
  // After a read, entries hold bytes; anything else means the zip layer changed: leave it alone.
  if (entry === undefined || !(entry.content instanceof Uint8Array)) return;
  const patched = patch(entry.content);
  if (patched === null) return;
  entry.content = patched;
  entry.size = patched.length;
};

/** Adds a bold copy of the first font and points the cell style with `numFmtId` at it. */
const boldStyle = (styles: Uint8Array, numFmtId: number): Uint8Array | null => {
  const fontsOpen = indexOf(styles, ascii('<fonts count="1">'), 0);
  const fontStart = indexOf(styles, ascii('<font>'), fontsOpen);
  const fontEnd = indexOf(styles, ascii('</font>'), fontStart);
  const fontsClose = indexOf(styles, ascii('</fonts>'), fontEnd);
  const cellXfs = indexOf(styles, ascii('<cellXfs'), fontsClose);
  const xfNeedle = ascii(`<xf numFmtId="${numFmtId}" fontId="0"`);
  const xf = indexOf(styles, xfNeedle, cellXfs);
  if ([fontsOpen, fontStart, fontEnd, fontsClose, cellXfs, xf].includes(-1)) return null;

  const font = styles.subarray(fontStart + '<font>'.length, fontEnd);
  return concat([
    styles.subarray(0, fontsOpen),
    ascii('<fonts count="2">'),
    styles.subarray(fontsOpen + '<fonts count="1">'.length, fontsClose),
    ascii('<font><b/>'),
    font,
    ascii('</font>'),
    styles.subarray(fontsClose, xf),
    ascii(`<xf numFmtId="${numFmtId}" fontId="1" applyFont="1"`),
    styles.subarray(xf + xfNeedle.length),
  ]);
};

/** Freezes the top `rows` rows: the header stays visible over a million lines. */
const freezeRows = (sheet: Uint8Array, rows: number): Uint8Array | null => {
  const needle = ascii('<sheetView workbookViewId="0"/>');
  const at = indexOf(sheet.subarray(0, SHEET_HEAD_BYTES), needle, 0);
  if (at === -1) return null;
  const topLeft = `A${rows + 1}`;
  const view =
    '<sheetView workbookViewId="0">' +
    `<pane ySplit="${rows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView>';
  return concat([sheet.subarray(0, at), ascii(view), sheet.subarray(at + needle.length)]);
};

/** Every string spliced in here is ASCII, so one char is one byte of UTF-8. */
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

const indexOf = (haystack: Uint8Array, needle: Uint8Array, from: number): number => {
  const first = needle[0];
  if (from < 0 || first === undefined) return -1;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    if (needle.every((byte, j) => haystack[i + j] === byte)) return i;
  }
  return -1;
};

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
