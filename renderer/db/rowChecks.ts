import { z } from 'zod';
import {
  AssignmentSchema,
  CostCenterSchema,
  DesignationSchema,
  InvoiceSchema,
  KeyKindSchema,
  PreferencesSchema,
  ServiceSchema,
} from '../../shared/api/schemas';
import { MAX_BLOCK_LINES } from '../../shared/lines/block';
import type {
  AllocatedRollupRow,
  Assignment,
  CostCenter,
  LineBlock,
  Preferences,
  RollupRow,
  Service,
  StoredDesignation,
  StoredInvoice,
} from './records';

/**
 * Rows read back from IndexedDB are data from disk, not from this build: an older build, a bug or
 * a damaged profile may have stored anything. Every row the UI draws is checked here, at the
 * database boundary; a row that fails is left out and counted, never thrown into React.
 */

/** A stored row that was left out, for the clerk's notice and the copied details. */
export interface SkippedRow {
  key: string;
  issue: string;
}

export interface CheckedRows<T> {
  rows: T[];
  skipped: SkippedRow[];
}

// `loose`: a field a newer build added is kept, not stripped, so nothing read here loses data.
export const StoredInvoiceSchema = InvoiceSchema.extend({
  archived: z.union([z.literal(0), z.literal(1)]),
  linesState: z.enum(['pending', 'partial', 'complete', 'gone']),
  linesCursor: z.string().nullable(),
  linesNextBlock: z.int().min(0),
  linesStored: z.int().min(0),
  documentState: z.enum(['pending', 'verified', 'mismatch', 'gone']),
  receivedAt: z.string(),
}).loose();

const StoredDesignationSchema = DesignationSchema.extend({ kind: KeyKindSchema });

const finite = z.number().refine(Number.isFinite);
const RollupSchema = z.object({
  key: z.string(),
  month: z.string(),
  serviceCode: z.string(),
  frankingLicence: z.string(),
  invoiceReference: z.string(),
  lines: finite,
  netCentimes: finite,
  vatCentimes: finite,
});

const centimes = z.number().refine(Number.isSafeInteger);
const AllocatedRollupSchema = z.object({
  month: z.string(),
  costCenterCode: z.string(),
  serviceCode: z.string(),
  shares: centimes,
  netCentimes: centimes,
  vatCentimes: centimes,
});

const keyOf = (row: unknown, fields: readonly string[]): string => {
  if (typeof row !== 'object' || row === null) return String(row);
  const parts = fields.map((field) => (field in row ? String(Reflect.get(row, field)) : '?'));
  return parts.join('#');
};

const issueOf = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`)
    .join('; ');

const checkWith =
  <T>(schema: z.ZodType<T>, keyFields: readonly string[]) =>
  (rows: readonly unknown[]): CheckedRows<T> => {
    const checked: CheckedRows<T> = { rows: [], skipped: [] };
    for (const row of rows) {
      const parsed = schema.safeParse(row);
      if (parsed.success) checked.rows.push(parsed.data);
      else checked.skipped.push({ key: keyOf(row, keyFields), issue: issueOf(parsed.error) });
    }
    return checked;
  };

export const checkInvoices: (rows: readonly unknown[]) => CheckedRows<StoredInvoice> = checkWith(
  StoredInvoiceSchema,
  ['id'],
);
export const checkRollups: (rows: readonly unknown[]) => CheckedRows<RollupRow> = checkWith(RollupSchema, [
  'key',
]);
/** A month record's list of rows, unchecked, or null when the record holds no list. */
export const monthRowsOf = (record: unknown): readonly unknown[] | null => {
  const list: unknown =
    typeof record === 'object' && record !== null ? Reflect.get(record, 'rows') : undefined;
  return Array.isArray(list) ? list : null;
};
/**
 * The rollup rows of the month records (one record per month, database.ts v7), each row checked: a
 * record without a list of rows is left out whole, named by its month.
 */
export const checkRollupMonths = (records: readonly unknown[]): CheckedRows<RollupRow> => {
  const rows: unknown[] = [];
  const skipped: SkippedRow[] = [];
  for (const record of records) {
    const items = monthRowsOf(record);
    if (items) {
      rows.push(...items);
    } else {
      skipped.push({ key: keyOf(record, ['month']), issue: 'rows: not a list of rollups' });
    }
  }
  const checked = checkRollups(rows);
  return { rows: checked.rows, skipped: [...skipped, ...checked.skipped] };
};
export const checkAllocatedRollups: (rows: readonly unknown[]) => CheckedRows<AllocatedRollupRow> = checkWith(
  AllocatedRollupSchema,
  ['month', 'costCenterCode', 'serviceCode'],
);
export const checkServices: (rows: readonly unknown[]) => CheckedRows<Service> = checkWith(ServiceSchema, [
  'code',
]);
export const checkAssignments: (rows: readonly unknown[]) => CheckedRows<Assignment> = checkWith(
  AssignmentSchema,
  ['id'],
);
export const checkCostCenters: (rows: readonly unknown[]) => CheckedRows<CostCenter> = checkWith(
  CostCenterSchema,
  ['code'],
);
export const checkPreferences: (rows: readonly unknown[]) => CheckedRows<Preferences> = checkWith(
  PreferencesSchema,
  [],
);
export const checkDesignations: (rows: readonly unknown[]) => CheckedRows<StoredDesignation> = checkWith(
  StoredDesignationSchema,
  ['kind', 'key'],
);

/** One invoice read by id: the row, absent (undefined), or damaged (the reason). */
export type CheckedInvoice =
  { state: 'ok'; invoice: StoredInvoice } | { state: 'absent' } | { state: 'damaged'; skipped: SkippedRow };

export const checkInvoice = (row: unknown): CheckedInvoice => {
  if (row === undefined) return { state: 'absent' };
  const { rows, skipped } = checkInvoices([row]);
  const [invoice] = rows;
  if (invoice) return { state: 'ok', invoice };
  return { state: 'damaged', skipped: skipped[0] ?? { key: keyOf(row, ['id']), issue: '' } };
};

// --- line blocks -------------------------------------------------------------------------------

type TypedColumn = Exclude<
  {
    [K in keyof LineBlock]: LineBlock[K] extends ArrayLike<number> ? K : never;
  }[keyof LineBlock],
  undefined
>;

const typedColumns = {
  lineNo: Int32Array,
  serviceCode: Uint16Array,
  description: Uint16Array,
  invoiceReference: Uint16Array,
  frankingLicence: Uint16Array,
  serviceDay: Int32Array,
  quantityMilli: Float64Array,
  unitPrice: Float64Array,
  netCentimes: Float64Array,
  vatRateBp: Uint16Array,
  vatCentimes: Float64Array,
} as const satisfies Record<TypedColumn, new (length: number) => ArrayLike<number>>;

/**
 * What is wrong with a stored block, or null. Checks its shape and every column's type and length,
 * not each value: blocks hold up to 5,000 lines and the explorer loads them all.
 */
export const blockProblem = (block: unknown): string | null => {
  if (typeof block !== 'object' || block === null) return 'not an object';
  const field = (name: string): unknown => Reflect.get(block, name);
  const invoiceId = field('invoiceId');
  const blockNo = field('blockNo');
  const count = field('count');
  if (typeof invoiceId !== 'string') return 'invoiceId: not a string';
  if (!Number.isSafeInteger(blockNo) || Number(blockNo) < 0) return 'blockNo: not a block number';
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_BLOCK_LINES)
    return 'count: not a line count';
  const dict = field('dict');
  if (!Array.isArray(dict) || !dict.every((entry) => typeof entry === 'string'))
    return 'dict: not a list of strings';
  for (const [name, type] of Object.entries(typedColumns)) {
    const column = field(name);
    if (!(column instanceof type)) return `${name}: not a ${type.name}`;
    if (column.length !== count) return `${name}: ${column.length} values for ${count} lines`;
  }
  const references = field('customerReference');
  if (!Array.isArray(references) || references.length !== count) return 'customerReference: not one per line';
  return null;
};

const isLineBlock = (block: unknown): block is LineBlock => blockProblem(block) === null;

export const checkBlocks = (blocks: readonly unknown[]): CheckedRows<LineBlock> => {
  const checked: CheckedRows<LineBlock> = { rows: [], skipped: [] };
  for (const block of blocks) {
    if (block === undefined) continue;
    if (isLineBlock(block)) checked.rows.push(block);
    else
      checked.skipped.push({ key: keyOf(block, ['invoiceId', 'blockNo']), issue: blockProblem(block) ?? '' });
  }
  return checked;
};
