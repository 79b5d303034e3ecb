import type { CostCenter } from '../../api/schemas';
import type { FileReading, FileRow, RowError } from '../fileContract';

/**
 * Readings as the file reader returns them, built by hand so that the import flow can be tested
 * without a file (and without a parser standing in for the real one).
 */

export const fileRow = (row: number, code: string, name: string, extra: Partial<FileRow> = {}): FileRow => ({
  row,
  code,
  name,
  owner: null,
  objectType: 'costCenter',
  monthlyBudget: null,
  active: true,
  validFrom: null,
  validTo: null,
  ...extra,
});

export const rowError = (
  row: number,
  messageKey: RowError['messageKey'],
  extra: Partial<RowError> = {},
): RowError => ({
  row,
  field: 'code',
  column: 'A',
  messageKey,
  value: '',
  ...extra,
});

/** A generic CSV with code, name, owner and budget columns (header on row 1). */
export const reading = (
  rows: FileRow[],
  errors: RowError[] = [],
  extra: Partial<FileReading> = {},
): FileReading => ({
  ok: true,
  fileName: 'cost-centres.csv',
  format: 'csv',
  csv: { encoding: 'utf-8', separator: ';' },
  sheetName: null,
  headerRow: 1,
  headers: ['Code', 'Name', 'Owner', 'Budget'],
  layoutKey: 'code|name|owner|budget',
  mapping: { code: 0, name: 1, owner: 2, monthlyBudget: 3 },
  unsure: [],
  dialect: 'generic',
  rows,
  errors,
  ...extra,
});

export const storedCenter = (code: string, name: string, extra: Partial<CostCenter> = {}): CostCenter => ({
  code,
  name,
  owner: null,
  active: true,
  objectType: 'costCenter',
  monthlyBudget: null,
  etag: `"${code}-1"`,
  updatedAt: '2026-11-01T08:00:00Z',
  ...extra,
});

/** `count` valid rows, codes CC00001…, for the virtualised preview and the large apply. */
export const manyRows = (count: number): FileRow[] =>
  Array.from({ length: count }, (_, index) =>
    fileRow(index + 2, `CC${String(index + 1).padStart(5, '0')}`, `Centre ${index + 1}`),
  );
