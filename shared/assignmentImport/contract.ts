import type { KeyKind } from '../api/schemas';
import type { FileFailureKey, FileFormat } from '../costCenters/fileContract';

/**
 * The contract of the assignment sheet reader (`readAssignmentFile`): pure data, so it crosses the
 * worker boundary by structured clone. The reader never throws for bad input: a file it cannot read
 * is an `AssignmentFileFailure`, a row it cannot take an `AssignmentRowError` beside the rest.
 */

export const ASSIGNMENT_FILE_FIELDS = [
  'kind',
  'key',
  'costCenter',
  'percent',
  'validFrom',
  'validTo',
] as const;
export type AssignmentFileField = (typeof ASSIGNMENT_FILE_FIELDS)[number];

/** Which column (0-based) holds which field. */
export type AssignmentColumnMapping = Partial<Record<AssignmentFileField, number>>;

/** One split line of the sheet, its values normalised. */
export interface AssignmentFileRow {
  /** 1-based, as the clerk sees it. */
  row: number;
  kind: KeyKind;
  /** Kept as text: "012345678" keeps its zero. */
  key: string;
  costCenterCode: string;
  percent: number;
  validFrom: string | null;
  validTo: string | null;
}

/** Several rows with the same kind, key and period: ONE assignment split over their cost centres. */
export interface AssignmentFileGroup {
  kind: KeyKind;
  key: string;
  validFrom: string | null;
  validTo: string | null;
  rows: AssignmentFileRow[];
}

/**
 * Why a row (or a group of rows) cannot be imported; i18n `assignmentImport.problems.<code>`. The
 * plan adds the codes that need the stored data (unknown or inactive cost centre, an overlap).
 */
export type AssignmentRowErrorCode =
  | 'missingKind'
  | 'invalidKind'
  | 'missingKey'
  | 'keyTooLong'
  | 'missingCostCenter'
  | 'invalidCostCenter'
  | 'missingPercent'
  | 'invalidPercent'
  | 'percentNotWhole'
  | 'percentOutOfRange'
  | 'invalidDate'
  | 'validityReversed'
  | 'sumNot100'
  | 'tooManySplits'
  | 'repeatedCostCenter'
  | 'overlapsInFile';

export interface AssignmentRowError {
  row: number;
  /** The field and its column letter ("D"); each error names both. */
  field: AssignmentFileField;
  column: string;
  code: AssignmentRowErrorCode;
  /** The cell as the file shows it (or, for a group, what the group adds up to). */
  value: string;
}

export interface AssignmentFileFailure {
  ok: false;
  fileName: string;
  /** Shared with the cost-centre reader: the same file-level failures (`assignmentImport.file.<key>`). */
  messageKey: FileFailureKey;
}

export interface AssignmentFileReading {
  ok: true;
  fileName: string;
  format: FileFormat;
  csv: { encoding: 'utf-8' | 'windows-1252'; separator: ',' | ';' | '\t' } | null;
  sheetName: string | null;
  /** 1-based row number of the header row found. */
  headerRow: number;
  headers: string[];
  mapping: AssignmentColumnMapping;
  /** Every row read without a problem of its own, grouped into assignments (in file order). */
  groups: AssignmentFileGroup[];
  /** Rows counted (non-blank, below the header). */
  rowCount: number;
  errors: AssignmentRowError[];
}

export type AssignmentFileResult = AssignmentFileReading | AssignmentFileFailure;
