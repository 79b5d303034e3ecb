/**
 * The column contract shared by every export format. Rows are plain arrays in column order, so a
 * million-row export holds no per-row objects with repeated keys; each value is checked against its
 * column's type as it is written, because rows usually come straight from storage, not from typed code.
 */

export type ColumnType = 'text' | 'integer' | 'money' | 'decimal' | 'date';

export interface ExportColumn {
  /** Stable key (for callers and error messages); never written to the file. */
  readonly id: string;
  /** The header cell, already translated. */
  readonly header: string;
  readonly type: ColumnType;
}

/** What a row holds for each column type. */
export interface CellValueByType {
  /** Null writes an empty cell. */
  text: string | null;
  /** A safe integer. Beyond 15 digits Excel cannot show it exactly: xlsx then writes it as text. */
  integer: number;
  /**
   * Integer centimes, a safe integer. A Money value has at most 14 digits (shared/core/money.ts), but a
   * sum of two (a line's gross) can have more, and it must export exactly, not stop the export.
   */
  money: number;
  /** A plain decimal string ("1.250", "-0.8500"): at most 15 digits, so a spreadsheet number holds it exactly. */
  decimal: string;
  /** An ISO calendar date ("2026-03-31"), any day from 0001-01-01 to 9999-12-31 as the contract allows. */
  date: string;
}

export type CellValue<T extends ColumnType> = CellValueByType[T];

/** The row type for a `const` column list, for callers that build rows in typed code. */
export type RowFor<Columns extends readonly ExportColumn[]> = {
  readonly [K in keyof Columns]: CellValue<Columns[K]['type']>;
};

/** A value that does not fit its column: the export stops rather than write a wrong figure. */
export class ExportValueError extends Error {
  override readonly name = 'ExportValueError';
  constructor(
    /** Zero-based index among the data rows (the header is not counted). */
    readonly rowIndex: number,
    /** The column's id, or "" when the row itself has the wrong length. */
    readonly columnId: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`Export row ${rowIndex}${columnId ? `, column "${columnId}"` : ''}: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------

const DECIMAL_PATTERN = /^-?[0-9]+(?:\.[0-9]+)?$/;
// 15 significant digits is what a binary double reproduces exactly for display in any spreadsheet.
const MAX_DECIMAL_DIGITS = 15;
const DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** The type guard of each column type, for encoders that check every value as they write it. */
export const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';

export const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);

export const isMoneyCentimes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);

/**
 * 123450 -> "1234.50", for any safe integer. Integer arithmetic on the magnitude and string
 * padding: exact to the centime, never through a binary fraction.
 */
export const formatCentimes = (centimes: number): string => {
  const magnitude = Math.abs(centimes);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${centimes < 0 ? '-' : ''}${String(Math.floor(magnitude / 100))}.${fraction}`;
};

export const isDecimal = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) return false;
  const digits = value.length - (value.startsWith('-') ? 1 : 0) - (value.includes('.') ? 1 : 0);
  return digits <= MAX_DECIMAL_DIGITS;
};

export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

/**
 * The first day whose Excel serial is right: Excel counts a 29 February 1900 that never was, so
 * serials before it are off by one (and before 1900 there are none). Formats that store dates as
 * serials write earlier days as text.
 */
export const FIRST_EXACT_EXCEL_DATE = '1900-03-01';

const expectations: { readonly [T in ColumnType]: string } = {
  text: 'expected a string or null',
  integer: 'expected a safe integer',
  money: 'expected integer centimes (a safe integer)',
  decimal: `expected a decimal string with at most ${MAX_DECIMAL_DIGITS} digits`,
  date: 'expected an ISO date (YYYY-MM-DD)',
};

/** The error for a value that failed its column's guard. */
export const invalidCell = (column: ExportColumn, value: unknown, rowIndex: number): ExportValueError =>
  new ExportValueError(rowIndex, column.id, value, expectations[column.type]);

/** An export needs at least one column (an xlsx range cannot be empty). */
export const checkColumns = (columns: readonly ExportColumn[]): void => {
  if (columns.length === 0) throw new RangeError('An export needs at least one column');
};

/** Rows must match the columns one to one: a shifted row would put figures under the wrong header. */
export const checkRowLength = (row: readonly unknown[], columnCount: number, rowIndex: number): void => {
  if (row.length !== columnCount) {
    throw new ExportValueError(rowIndex, '', row.length, `expected ${columnCount} values, got ${row.length}`);
  }
};
