import type { CostObjectType } from '../api/schemas';

/**
 * The contract of the cost-centre file reader (`readCostCenterFile`): what a caller passes and what
 * it gets back. Pure data, so it crosses a worker boundary by structured clone. The reader never
 * throws for bad input: a file it cannot read at all is a `FileFailure`, a row it cannot take is a
 * `RowError` beside the rows it can.
 */

/** A field the reader recognises in a header row. `description` is SAP's long text (LTEXT). */
export const COST_CENTER_FIELDS = [
  'code',
  'name',
  'description',
  'owner',
  'objectType',
  'monthlyBudget',
  'active',
  'validFrom',
  'validTo',
] as const;
export type CostCenterField = (typeof COST_CENTER_FIELDS)[number];

/** Which column (0-based index within the sheet) holds which field; a field missing is not in the file. */
export type ColumnMapping = Partial<Record<CostCenterField, number>>;

export type FileFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface ReadOptions {
  /** The date a validity period is judged against (SAP's several rows of one code), ISO "2026-11-30"; the caller passes today. */
  importDate: string;
  /** The clerk's own mapping (from the mapping dialog, or remembered for this header layout); replaces the guess. */
  mapping?: ColumnMapping;
  /** The 1-based row number of the header row, when the clerk corrected it. */
  headerRow?: number;
}

/** One cost centre as the file has it, after the values were normalised. */
export interface FileRow {
  /** The row number as the clerk sees it in the spreadsheet (1-based). */
  row: number;
  code: string;
  name: string;
  owner: string | null;
  objectType: CostObjectType;
  /** A decimal string with two decimals ("1250.00"), never a float; null when the file has none. */
  monthlyBudget: string | null;
  /** False when the file says so, or its only validity period has ended before the import date. */
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** Why a row (or one cell of it) cannot be imported. `messageKey` is an i18n key under `costCenterFile.row.`. */
export type RowErrorKey =
  | 'missingCode'
  | 'invalidCode'
  | 'duplicateCode'
  | 'missingName'
  | 'tooLong'
  | 'invalidBudget'
  | 'invalidDate'
  | 'invalidType'
  | 'invalidActive'
  | 'validityReversed';

export interface RowError {
  row: number;
  /** The field the error is about, and the column letter(s) the clerk sees ("C"); null for a whole-row error. */
  field: CostCenterField | null;
  column: string | null;
  messageKey: RowErrorKey;
  /** The cell's value as the file shows it, for the message; may be empty. */
  value: string;
}

/** Why a whole file cannot be read. An i18n key under `costCenterFile.file.`. */
export type FileFailureKey =
  'unsupportedType' | 'tooLarge' | 'corrupt' | 'encrypted' | 'empty' | 'headerOnly' | 'noHeader';

export interface FileFailure {
  ok: false;
  fileName: string;
  messageKey: FileFailureKey;
}

export interface FileReading {
  ok: true;
  fileName: string;
  format: FileFormat;
  /** For a CSV: the encoding that was detected and the separator. */
  csv: { encoding: 'utf-8' | 'windows-1252'; separator: ',' | ';' | '\t' } | null;
  sheetName: string | null;
  /**
   * 1-based row number of the header row that was found (or given); 0 for a list without a header
   * (a DATEV two-column code;name list: code and name are then in `unsure`). Passing
   * `ReadOptions.headerRow: 0` reads a file that way.
   */
  headerRow: number;
  /** The header cells as written, in column order. */
  headers: string[];
  /** A stable signature of the header layout, to remember the clerk's mapping for files that look alike. */
  layoutKey: string;
  /** The columns read; with no name column, the description's stands in (both point to it). */
  mapping: ColumnMapping;
  /**
   * Fields whose column was a guess the clerk should confirm (or that are required and missing).
   * While code or name has no column, `rows` and `errors` are empty: the clerk maps the columns first.
   */
  unsure: CostCenterField[];
  /** 'sap' when CSKS/CSKT columns were recognised, 'datev' for a KOST1 list, 'generic' otherwise. */
  dialect: 'sap' | 'datev' | 'generic';
  rows: FileRow[];
  errors: RowError[];
}

export type FileResult = FileReading | FileFailure;
