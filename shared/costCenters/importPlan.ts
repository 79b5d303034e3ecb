import type { CostCenter, CostCenterInput } from '../api/schemas';
import type { FileReading, FileRow, RowError } from './fileContract';

/**
 * What an import would do to the cost centres the archive holds, before anything is written: per
 * row of the file new, changed (field by field), unchanged or an error; with the option, the
 * active centres the file no longer lists become deactivations. Pure, so the preview and the write
 * agree on every row.
 */

/** The fields of a cost centre an import sets (the code is the key). */
export const PLAN_FIELDS = ['name', 'owner', 'objectType', 'monthlyBudget', 'active'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type FieldValue = string | boolean | null;

export interface FieldChange {
  field: PlanField;
  before: FieldValue;
  after: FieldValue;
}

export type PlanRow =
  | { status: 'new'; row: number; code: string; after: CostCenterInput }
  | {
      status: 'changed';
      row: number;
      code: string;
      before: CostCenter;
      after: CostCenterInput;
      changes: FieldChange[];
    }
  | { status: 'unchanged'; row: number; code: string; name: string }
  | { status: 'error'; row: number; code: string | null; errors: RowError[] }
  | {
      status: 'deactivate';
      row: null;
      code: string;
      before: CostCenter;
      after: CostCenterInput;
      changes: FieldChange[];
    };

export type PlanStatus = PlanRow['status'];

export interface PlanCounts {
  new: number;
  changed: number;
  unchanged: number;
  error: number;
  deactivate: number;
}

export interface ImportPlan {
  fileName: string;
  /** In file order, then the deactivations by code. */
  rows: PlanRow[];
  counts: PlanCounts;
}

/** One write of an import: the centre as it was (null: it is new) and what it becomes. */
export interface ImportChange {
  code: string;
  before: CostCenter | null;
  after: CostCenterInput;
}

export type ChangesToApply =
  | { ok: true; changes: ImportChange[]; skippedErrors: number }
  /** Rows have errors and the clerk has not chosen to import the valid rows only: nothing may be written. */
  | { ok: false; reason: 'errors'; errors: number };

const inputOf = (center: CostCenter): CostCenterInput => ({
  name: center.name,
  owner: center.owner ?? null,
  active: center.active,
  objectType: center.objectType,
  monthlyBudget: center.monthlyBudget ?? null,
});

const blankToNull = (text: string | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The file's values over the stored centre's. A field the file has no column for keeps what the
 * archive holds (a list of codes and names must not wipe owners and budgets); "active" comes from
 * the file when it has an active column or a validity period.
 */
const mergedInput = (reading: FileReading, row: FileRow, stored: CostCenter | undefined): CostCenterInput => {
  const has = (field: keyof FileReading['mapping']) => reading.mapping[field] !== undefined;
  const base: CostCenterInput = stored
    ? inputOf(stored)
    : { name: row.name, owner: null, active: true, objectType: 'costCenter', monthlyBudget: null };
  return {
    name: row.name.trim(),
    owner: has('owner') ? blankToNull(row.owner) : base.owner,
    objectType: has('objectType') ? row.objectType : base.objectType,
    monthlyBudget: has('monthlyBudget') ? row.monthlyBudget : base.monthlyBudget,
    active:
      has('active') || has('validFrom') || has('validTo') ? row.active : stored ? base.active : row.active,
  };
};

const fieldChanges = (before: CostCenterInput, after: CostCenterInput): FieldChange[] =>
  PLAN_FIELDS.flatMap((field) => {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    return from === to ? [] : [{ field, before: from, after: to }];
  });

export const planImport = (
  current: readonly CostCenter[],
  reading: FileReading,
  options: { deactivateMissing: boolean },
): ImportPlan => {
  const byCode = new Map(current.map((center) => [center.code, center]));
  const errorsByRow = new Map<number, RowError[]>();
  for (const error of reading.errors)
    errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), error]);
  const fileRowByNumber = new Map(reading.rows.map((row) => [row.row, row]));

  const rows: PlanRow[] = [];
  const inFile = new Set<string>();
  const numbers = [...new Set([...reading.rows.map((row) => row.row), ...errorsByRow.keys()])].sort(
    (a, b) => a - b,
  );
  for (const number of numbers) {
    const fileRow = fileRowByNumber.get(number);
    const errors = errorsByRow.get(number);
    const code = fileRow?.code ?? errors?.find((error) => error.field === 'code')?.value ?? null;
    // A code the file lists, even on a row it cannot take, is not "missing from the file".
    if (code !== null && code !== '') inFile.add(code);
    if (errors !== undefined || fileRow === undefined) {
      rows.push({ status: 'error', row: number, code: code === '' ? null : code, errors: errors ?? [] });
      continue;
    }
    const stored = byCode.get(fileRow.code);
    const after = mergedInput(reading, fileRow, stored);
    if (!stored) {
      rows.push({ status: 'new', row: number, code: fileRow.code, after });
      continue;
    }
    const changes = fieldChanges(inputOf(stored), after);
    rows.push(
      changes.length === 0
        ? { status: 'unchanged', row: number, code: fileRow.code, name: stored.name }
        : { status: 'changed', row: number, code: fileRow.code, before: stored, after, changes },
    );
  }

  if (options.deactivateMissing) {
    const missing = current
      .filter((center) => center.active && !inFile.has(center.code))
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    for (const center of missing) {
      const after = { ...inputOf(center), active: false };
      rows.push({
        status: 'deactivate',
        row: null,
        code: center.code,
        before: center,
        after,
        changes: fieldChanges(inputOf(center), after),
      });
    }
  }

  const counts: PlanCounts = { new: 0, changed: 0, unchanged: 0, error: 0, deactivate: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { fileName: reading.fileName, rows, counts };
};

/**
 * The writes an "Apply" makes. With errors in the file nothing is written unless the clerk chose
 * to import the valid rows only; then the rows with errors are skipped and counted.
 */
export const changesToApply = (plan: ImportPlan, options: { validOnly: boolean }): ChangesToApply => {
  if (plan.counts.error > 0 && !options.validOnly)
    return { ok: false, reason: 'errors', errors: plan.counts.error };
  const changes = plan.rows.flatMap((row): ImportChange[] => {
    switch (row.status) {
      case 'new':
        return [{ code: row.code, before: null, after: row.after }];
      case 'changed':
      case 'deactivate':
        return [{ code: row.code, before: row.before, after: row.after }];
      case 'unchanged':
      case 'error':
        return [];
    }
  });
  return { ok: true, changes, skippedErrors: plan.counts.error };
};
