import { utils, write, type CellObject, type ColInfo, type WorkSheet } from 'xlsx';
import {
  checkColumns,
  checkRowLength,
  FIRST_EXACT_EXCEL_DATE,
  formatCentimes,
  invalidCell,
  isDecimal,
  isInteger,
  isIsoDate,
  isMoneyCentimes,
  isText,
  type ExportColumn,
} from './columns';
import { sanitizeText } from './sanitize';
import { sanitizeSheetName } from './sheetName';
import { finishPackage } from './xlsxPackage';

/**
 * Excel export through SheetJS: one worksheet, an optional bold title, a bold frozen header row
 * with an autofilter, column widths from the content, and figures as real numbers with number
 * formats, so the clerk can sum, filter and pivot at once.
 */

export interface XlsxOptions {
  /** Repaired to what Excel accepts (see sanitizeSheetName). */
  readonly sheetName: string;
  /** Written in bold in A1 above the table, with a blank row between, and as the document title. */
  readonly title?: string;
  /** Display format of date columns; the cell holds a real date either way. Default ISO. */
  readonly dateFormat?: 'yyyy-mm-dd' | 'dd.mm.yyyy';
}

/** More rows or columns than one worksheet holds. */
export class XlsxLimitError extends Error {
  override readonly name = 'XlsxLimitError';
}

/** Excel's fixed worksheet size. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;

/** The media type for a Blob or a download of the output. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds the workbook file. All rows are held in memory while SheetJS writes (xlsx is a zip of XML,
 * not a stream), so run large exports in a worker. Throws ExportValueError on the first value that
 * does not fit its column and XlsxLimitError past Excel's sheet size.
 */
export const toXlsx = (
  columns: readonly ExportColumn[],
  rows: Iterable<readonly unknown[]>,
  options: XlsxOptions,
): Uint8Array => {
  checkColumns(columns);
  if (columns.length > XLSX_MAX_COLUMNS) {
    throw new XlsxLimitError(`An Excel sheet holds at most ${XLSX_MAX_COLUMNS} columns`);
  }
  const title = options.title ?? '';
  const data: CellObject[][] = [];
  if (title !== '') data.push([textCell(title, HEADER_FORMAT)], []);
  const headerRow = data.length;
  data.push(columns.map((column) => textCell(column.header, HEADER_FORMAT)));

  const dateFormat = DATE_FORMATS[options.dateFormat ?? 'yyyy-mm-dd'];
  const builders = columns.map((column) => builderFor(column, dateFormat));
  const maxDataRows = XLSX_MAX_ROWS - data.length;
  let rowIndex = 0;
  for (const row of rows) {
    if (rowIndex === maxDataRows) {
      throw new XlsxLimitError(`An Excel sheet holds at most ${maxDataRows} lines below this header`);
    }
    checkRowLength(row, columns.length, rowIndex);
    // Holes are empty cells: SheetJS skips them, so a null costs nothing in the file.
    const cells = new Array<CellObject>(columns.length);
    builders.forEach((builder, column) => {
      const cell = builder.cell(row[column], rowIndex);
      if (cell !== undefined) cells[column] = cell;
    });
    data.push(cells);
    rowIndex += 1;
  }

  const lastRow = data.length - 1;
  const lastColumn = columns.length - 1;
  const sheet = {
    '!data': data,
    '!ref': utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastColumn } }),
    '!cols': columns.map((column, index) => columnWidth(column, builders[index]?.width() ?? 0)),
    '!autofilter': {
      ref: utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: lastRow, c: lastColumn } }),
    },
  } satisfies WorkSheet;

  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, sanitizeSheetName(options.sheetName));
  if (title !== '') book.Props = { Title: title };

  // Shared strings: line exports repeat product names and cost centres on every line.
  const written: unknown = write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    compression: false,
  });
  // 'buffer' is a Node Buffer under Node and a Uint8Array in the browser: both are Uint8Arrays.
  if (!(written instanceof Uint8Array)) throw new TypeError('SheetJS did not return bytes');
  return finishPackage(written, { frozenRows: headerRow + 1, boldNumberFormatId: HEADER_FORMAT_ID });
};

// ---------------------------------------------------------------------------------------------

// The built-in "Text" format (id 49). Only header and title cells carry it, which is how the
// package step finds their style to make it bold.
const HEADER_FORMAT = '@';
const HEADER_FORMAT_ID = 49;
const INTEGER_FORMAT = '0';
// Dots escaped: unescaped, '.' would be read as a decimal point (SheetJS's formatter rejects it).
const DATE_FORMATS = { 'yyyy-mm-dd': 'yyyy-mm-dd', 'dd.mm.yyyy': 'dd\\.mm\\.yyyy' } as const;
const MONEY_FORMAT = '#,##0.00';
// Excel's text cell limit; longer text would make SheetJS refuse the whole export.
const MAX_TEXT_LENGTH = 32_767;
// Up to 15 digits Excel displays a number exactly; beyond that it rounds the last digits.
const MAX_EXACT_INTEGER = 999_999_999_999_999;
const MAX_EXACT_CENTIMES = MAX_EXACT_INTEGER;
// 1970-01-01 is serial 25569 in Excel's 1900 date system (which counts from 1899-12-30).
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
const MAX_COLUMN_CHARS = 60;

interface CellBuilder {
  /** Undefined for an empty cell. */
  readonly cell: (value: unknown, rowIndex: number) => CellObject | undefined;
  /** Widest content seen so far, in characters, for the column width. */
  readonly width: () => number;
}

// OOXML spells characters XML cannot hold as _xHHHH_, and Excel decodes that pattern in any text;
// a literal "_x0041_" therefore has its underscore spelled _x005F_ to survive as typed.
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

const textCell = (text: string, format?: string): CellObject => {
  let value = sanitizeText(text).replace(ESCAPE_LIKE, '_x005F_$1');
  if (value.length > MAX_TEXT_LENGTH) {
    // Cut before a lone high surrogate rather than write half a character.
    const cut = isHighSurrogate(value.charCodeAt(MAX_TEXT_LENGTH - 1))
      ? MAX_TEXT_LENGTH - 1
      : MAX_TEXT_LENGTH;
    value = value.slice(0, cut);
  }
  return format === undefined ? { t: 's', v: value } : { t: 's', v: value, z: format };
};

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** "#,##0.000" for a value written with three decimals: the cell shows what the source said. */
const decimalFormats = Array.from(
  { length: 16 },
  (_, decimals) => `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`,
);
const decimalFormat = (text: string): string => {
  const dot = text.indexOf('.');
  return decimalFormats[dot === -1 ? 0 : text.length - dot - 1] ?? 'General';
};

/** Excel serial day of an ISO date, counted in UTC days so no time zone can shift it. */
const dateSerial = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY +
  UNIX_EPOCH_SERIAL;

/** Characters a grouped number takes: digits, group separators, sign, decimals. */
const groupedChars = (integerDigits: number, decimals: number): number =>
  integerDigits + Math.floor((integerDigits - 1) / 3) + 1 + (decimals > 0 ? decimals + 1 : 0);

/** "1899-12-31" as the date format shows it, for days a serial cannot hold. */
const dateText = (iso: string, dateFormat: string): string =>
  dateFormat === DATE_FORMATS['dd.mm.yyyy']
    ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
    : iso;

const builderFor = (column: ExportColumn, dateFormat: string): CellBuilder => {
  // Widest value seen: characters for text and decimals, magnitude for integers and money.
  let widest = 0;

  switch (column.type) {
    case 'text':
      return {
        cell: (value, rowIndex) => {
          if (!isText(value)) throw invalidCell(column, value, rowIndex);
          if (value === null) return undefined;
          if (value.length > widest) widest = value.length;
          return textCell(value);
        },
        width: () => widest,
      };
    case 'integer':
      return {
        cell: (value, rowIndex) => {
          if (!isInteger(value)) throw invalidCell(column, value, rowIndex);
          if (Math.abs(value) > widest) widest = Math.abs(value);
          // Past 15 digits a number cell would silently round: keep the exact digits as text.
          // Digits (and a minus) are not a formula, so no sanitising is needed.
          return Math.abs(value) > MAX_EXACT_INTEGER
            ? { t: 's', v: String(value) }
            : { t: 'n', v: value, z: INTEGER_FORMAT };
        },
        width: () => String(widest).length + 1,
      };
    case 'money':
      return {
        cell: (value, rowIndex) => {
          if (!isMoneyCentimes(value)) throw invalidCell(column, value, rowIndex);
          if (Math.abs(value) > widest) widest = Math.abs(value);
          // A spreadsheet cell is a binary double; centimes / 100 is the double nearest the exact
          // amount (division is correctly rounded), and up to 15 digits its shortest form, which is
          // what SheetJS writes into the file, is exactly that amount, to the centime. Longer sums
          // are kept as text with their exact digits (no trigger character: no sanitising needed).
          return Math.abs(value) > MAX_EXACT_CENTIMES
            ? { t: 's', v: formatCentimes(value) }
            : { t: 'n', v: value / 100, z: MONEY_FORMAT };
        },
        width: () => groupedChars(Math.max(1, String(Math.floor(widest / 100)).length), 2),
      };
    case 'decimal':
      return {
        cell: (value, rowIndex) => {
          if (!isDecimal(value)) throw invalidCell(column, value, rowIndex);
          if (value.length > widest) widest = value.length;
          // At most 15 digits (the column contract): Number() lands on the double that shows them.
          return { t: 'n', v: Number(value), z: decimalFormat(value) };
        },
        // A third more for group separators.
        width: () => Math.ceil(widest * 1.34),
      };
    case 'date':
      return {
        cell: (value, rowIndex) => {
          if (!isIsoDate(value)) throw invalidCell(column, value, rowIndex);
          // Before March 1900 a serial would show the wrong day (or none): the day as text instead,
          // in the column's format, so the export goes on and shows what the source said.
          if (value < FIRST_EXACT_EXCEL_DATE) return { t: 's', v: dateText(value, dateFormat) };
          // A number with a date format is how Excel itself stores a date; readers see a real date.
          return { t: 'n', v: dateSerial(value), z: dateFormat };
        },
        width: () => 10,
      };
  }
};

const columnWidth = (column: ExportColumn, widestChars: number): ColInfo => ({
  // Two characters of padding; the header also needs room for the autofilter button.
  wch: Math.min(MAX_COLUMN_CHARS, Math.max(column.header.length + 4, widestChars + 2, 6)),
});
