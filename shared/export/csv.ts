import type { Language } from '../i18n/languages';
import {
  checkColumns,
  checkRowLength,
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

/**
 * CSV export: RFC 4180 records with CRLF line ends, text quoted when needed, figures as exact decimal
 * strings from integer centimes (never through a binary float), dates in ISO form.
 */

/**
 * Separators as the clerk's spreadsheet expects them. A comma delimiter with a decimal comma would
 * make "12,05" two cells, so that pair is not a valid option.
 */
export type CsvOptions =
  | { readonly delimiter: ';'; readonly decimalSeparator: '.' | ','; readonly bom: boolean }
  | { readonly delimiter: ','; readonly decimalSeparator: '.'; readonly bom: boolean };

/** The media type for a Blob or a download of the output. */
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/**
 * Options for the interface language. Swiss regional settings (de-CH, fr-CH, it-CH) make Excel split
 * CSV on ';' and read the decimal point, so amounts stay numbers there; English gets the
 * international ','. The BOM is always on: without it Excel on Windows reads UTF-8 as the ANSI code
 * page and mangles ä, é, è.
 */
export const csvOptionsFor = (language: Language): CsvOptions =>
  language === 'en'
    ? { delimiter: ',', decimalSeparator: '.', bom: true }
    : { delimiter: ';', decimalSeparator: '.', bom: true };

/**
 * The export as a sequence of string chunks (about 64 K characters each), header first. Meant for
 * large exports: `new Blob([...csvChunks(...)], { type: CSV_MIME_TYPE })` encodes each chunk as UTF-8
 * without ever building one giant string (V8 caps strings at about 512 M characters).
 * Throws ExportValueError on the first value that does not fit its column.
 */
export function* csvChunks(
  columns: readonly ExportColumn[],
  rows: Iterable<readonly unknown[]>,
  options: CsvOptions,
): Generator<string, void, undefined> {
  checkColumns(columns);
  // The union type rules this out for typed callers; the check is for everyone else.
  if (isSame(options.delimiter, options.decimalSeparator)) {
    throw new RangeError('The CSV delimiter and the decimal separator must differ');
  }
  const { delimiter } = options;
  const encoders = columns.map((column, index) => encoderFor(column, index, options.decimalSeparator));

  let chunk =
    (options.bom ? BOM : '') + columns.map((column) => quote(sanitizeText(column.header))).join(delimiter);
  chunk += CRLF;
  let rowIndex = 0;
  for (const row of rows) {
    checkRowLength(row, columns.length, rowIndex);
    let separator = '';
    for (const encode of encoders) {
      chunk += separator + encode(row, rowIndex);
      separator = delimiter;
    }
    chunk += CRLF;
    rowIndex += 1;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The whole export as one string; fine for anything that fits comfortably in memory. */
export const toCsv = (
  columns: readonly ExportColumn[],
  rows: Iterable<readonly unknown[]>,
  options: CsvOptions,
): string => joinChunks(csvChunks(columns, rows, options));

/** Concatenates chunks in one pass (one join instead of repeated string growth). */
export const joinChunks = (chunks: Iterable<string>): string => Array.from(chunks).join('');

// ---------------------------------------------------------------------------------------------

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Big enough that per-chunk overhead vanishes, small enough to stream and to keep ropes shallow.
const CHUNK_CHARS = 1 << 16;

// Quote on both candidate delimiters, not only the one in use: a reader that guesses the other one
// must not be able to split a text cell and start a new, unsanitised cell mid-text.
const NEEDS_QUOTES = /[",;\t\r\n]/;
const QUOTES = /"/g;

const isSame = (a: string, b: string): boolean => a === b;

const quote = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTES, '""')}"` : text);

type CellEncoder = (row: readonly unknown[], rowIndex: number) => string;

const encoderFor = (column: ExportColumn, index: number, decimalSeparator: '.' | ','): CellEncoder => {
  const localise =
    decimalSeparator === '.' ? (text: string) => text : (text: string) => text.replace('.', ',');
  switch (column.type) {
    case 'text':
      return (row, rowIndex) => {
        const value = row[index];
        if (!isText(value)) throw invalidCell(column, value, rowIndex);
        return value === null ? '' : quote(sanitizeText(value));
      };
    case 'integer':
      return (row, rowIndex) => {
        const value = row[index];
        if (!isInteger(value)) throw invalidCell(column, value, rowIndex);
        // A safe integer never prints in exponent form.
        return String(value);
      };
    case 'money':
      return (row, rowIndex) => {
        const value = row[index];
        if (!isMoneyCentimes(value)) throw invalidCell(column, value, rowIndex);
        // Integer digits and a dot placed by string arithmetic: exact to the centime at any size.
        return localise(formatCentimes(value));
      };
    case 'decimal':
      return (row, rowIndex) => {
        const value = row[index];
        if (!isDecimal(value)) throw invalidCell(column, value, rowIndex);
        // Written as given: "1.250" keeps its three decimals.
        return localise(value);
      };
    case 'date':
      return (row, rowIndex) => {
        const value = row[index];
        if (!isIsoDate(value)) throw invalidCell(column, value, rowIndex);
        return value;
      };
  }
};
