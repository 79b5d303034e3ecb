import { read, type CellObject, type ParsingOptions, type WorkBook } from 'xlsx';
import { dayToIso, isoToDay } from '../core/dates';
import type { ExportColumn, RowFor } from './columns';

/**
 * Deterministic line-explorer rows for the export tests: the column mix of the real export, credit
 * lines (negative amounts), missing cost centres and repeated product names. Test support only.
 */

/**
 * Every trigger OWASP lists, plus the full-width and small forms and the minus sign some programs
 * fold to ASCII, and a trigger hidden behind a zero-width space or a byte-order mark.
 */
export const DANGEROUS_STARTS = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '＝',
  '＋',
  '－',
  '＠',
  '\uFE62',
  '\uFE63',
  '\uFE66',
  '\u2212',
  '\u200B=',
  '\uFEFF+',
] as const;

export const lineColumns = [
  { id: 'invoiceDate', header: 'Invoice date', type: 'date' },
  { id: 'invoiceNumber', header: 'Invoice', type: 'text' },
  { id: 'lineNumber', header: 'Line', type: 'integer' },
  { id: 'product', header: 'Product', type: 'text' },
  { id: 'quantity', header: 'Quantity', type: 'decimal' },
  { id: 'unitPrice', header: 'Unit price', type: 'decimal' },
  { id: 'net', header: 'Net amount (CHF)', type: 'money' },
  { id: 'costCenter', header: 'Cost centre', type: 'text' },
] as const satisfies readonly ExportColumn[];

export type LineRow = RowFor<typeof lineColumns>;

const PRODUCTS = ['A-Post Plus', 'B-Post', 'Einschreiben (R)', 'Päckli, Economy', 'Lettre "Prio"'];
const FIRST_DAY = isoToDay('2025-01-01');

export function* lineRows(count: number): Generator<LineRow, void, undefined> {
  for (let i = 0; i < count; i += 1) {
    const quantityMilli = ((i * 7919) % 50_000) + 1;
    const net = ((i * 104_729) % 2_000_000) - (i % 17 === 0 ? 2_500_000 : 0);
    yield [
      dayToIso(FIRST_DAY + (i % 730)),
      `INV-${String(100_000 + Math.floor(i / 40))}`,
      (i % 40) + 1,
      PRODUCTS[i % PRODUCTS.length] ?? '',
      `${Math.floor(quantityMilli / 1000)}.${String(quantityMilli % 1000).padStart(3, '0')}`,
      `0.${String(8500 + (i % 100)).padStart(4, '0')}`,
      net,
      i % 11 === 0 ? null : `CC-${String(i % 40).padStart(3, '0')}`,
    ];
  }
}

/** Reads a workbook in dense mode, so its cells can be walked row by row with firstSheetCells. */
export const readDense = (data: string | Uint8Array, options: ParsingOptions): WorkBook =>
  read(data, { ...options, dense: true });

/** The cells of a workbook's first sheet (read with readDense), row by row. */
export const firstSheetCells = (book: WorkBook): readonly (readonly (CellObject | undefined)[])[] => {
  const name = book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  return sheet?.['!data'] ?? [];
};

/**
 * Contract-valid extremes in the line columns: the earliest and latest dates `format: date` allows
 * and those around Excel's 1900 leap-year bug, 12-digit amounts either side of zero, 4-decimal unit
 * prices and quantities with 9 integer digits and 3 decimals (postal-billing-api.yaml, Line).
 */
export const extremeLineRows: readonly LineRow[] = [
  ['1899-12-31', 'INV-1', 1, 'A-Post', '999999999.999', '999999999.9999', 99_999_999_999_999, null],
  ['1900-01-01', 'INV-1', 2, 'B-Post', '-999999999.999', '-999999999.9999', -99_999_999_999_999, 'CC'],
  ['1900-02-28', 'INV-1', 3, 'B-Post', '0.001', '0.0001', 1, null],
  ['1900-03-01', 'INV-1', 4, 'B-Post', '-0.001', '-0.0001', -1, null],
  ['0001-01-01', 'INV-1', 5, 'B-Post', '123456789.5', '0.85', 0, null],
  ['9999-12-31', 'INV-1', 6, 'B-Post', '1', '12.3456', -50, null],
];
