import type { Assignment, CostCenter, KeyKind, Split } from '../api/schemas';
import { columnLetter } from '../costCenters/readFile';
import type { AssignmentProblem } from '../allocation/assignmentForm';
import { firstRefusal, type AssignmentChange } from '../allocation/changes';
import type {
  AssignmentFileField,
  AssignmentFileGroup,
  AssignmentFileReading,
  AssignmentRowError,
  AssignmentRowErrorCode,
} from './contract';

/**
 * What an assignment sheet would do to the stored assignments, before anything is written.
 *
 * Each assignment of the file (rows of one kind, key and period) is matched with the stored
 * assignments of the same kind and key:
 * - one with exactly the same period: the file's splits REPLACE its splits (same id, so the push
 *   is a PUT with its ETag), or it is UNCHANGED when they are the same;
 * - none sharing a day with the file's period: a new assignment is CREATED;
 * - one whose period differs but shares a day: REFUSED, naming that assignment, exactly as the
 *   operator answers 409. The import never shortens, moves or deletes a stored period on its own: the
 *   clerk ends that period on the board (or lists it in the sheet with its own dates) first.
 * Stored assignments the file does not mention stay as they are. The batch of changes is then checked
 * as a whole with the write layer's own rule (`firstRefusal`: unknown or inactive cost centres,
 * overlaps within the final state), so what the plan accepts the write accepts.
 */

export type PlanStatus = 'create' | 'replace' | 'unchanged' | 'error';

export type AssignmentImportProblemCode =
  AssignmentRowErrorCode | 'unknownCostCenter' | 'inactiveCostCenter' | 'overlapsStored';

/** A problem of one row, naming its row, column and field; i18n `assignmentImport.problems.<code>`. */
export interface AssignmentImportProblem {
  row: number;
  field: AssignmentFileField;
  column: string;
  code: AssignmentImportProblemCode;
  value: string;
  /** With `overlapsStored`: the stored assignment the period collides with. */
  other?: Pick<Assignment, 'id' | 'kind' | 'key' | 'splits' | 'validFrom' | 'validTo'>;
}

export interface PlanItem {
  status: PlanStatus;
  /** The file's rows of this assignment (one for a row refused on its own). */
  rows: number[];
  kind: KeyKind | null;
  key: string;
  validFrom: string | null;
  validTo: string | null;
  splits: Split[];
  /** The id the put uses: the stored one for a replacement, a new one for a creation. */
  id: string | null;
  /** The stored assignment replaced (or found unchanged). */
  before: Assignment | null;
  problems: AssignmentImportProblem[];
}

export interface AssignmentImportPlan {
  items: PlanItem[];
  counts: Record<PlanStatus, number>;
}

export interface PlanContext {
  assignments: readonly Assignment[];
  centers: readonly CostCenter[];
  /** A fresh id for each creation (injected: tests pass a counter). */
  newId: () => string;
}

const sameSplits = (a: readonly Split[], b: readonly Split[]): boolean => {
  if (a.length !== b.length) return false;
  const byCode = new Map(a.map((split) => [split.costCenterCode, split.percent]));
  return b.every((split) => byCode.get(split.costCenterCode) === split.percent);
};

const samePeriod = (
  a: { validFrom?: string | null; validTo?: string | null },
  b: { validFrom?: string | null; validTo?: string | null },
) => (a.validFrom ?? null) === (b.validFrom ?? null) && (a.validTo ?? null) === (b.validTo ?? null);

const columnOf = (reading: AssignmentFileReading, field: AssignmentFileField): string => {
  const index = reading.mapping[field];
  return index === undefined ? '' : columnLetter(index);
};

/** The write layer's problems, told in the file's terms: the row and column each one is about. */
const problemsOf = (
  item: PlanItem,
  problems: readonly AssignmentProblem[],
  reading: AssignmentFileReading,
): AssignmentImportProblem[] => {
  const firstRow = item.rows[0] ?? 0;
  const at = (field: AssignmentFileField, row: number, code: AssignmentImportProblemCode, value: string) => ({
    row,
    field,
    column: columnOf(reading, field),
    code,
    value,
  });
  return problems.map((problem): AssignmentImportProblem => {
    switch (problem.code) {
      case 'noSplits':
      case 'sumNot100':
        return at('percent', firstRow, 'sumNot100', String(problem.sum));
      case 'tooManySplits':
        return at('percent', firstRow, 'tooManySplits', String(item.splits.length));
      case 'percentNotWhole':
      case 'percentOutOfRange':
      case 'unknownCenter':
      case 'inactiveCenter':
      case 'repeatedCenter': {
        const index = Number(/^splits\.(\d+)\./.exec(problem.field)?.[1] ?? 0);
        const split = item.splits[index];
        const row = item.rows[index] ?? firstRow;
        if (problem.code === 'percentNotWhole' || problem.code === 'percentOutOfRange')
          return at('percent', row, problem.code, String(split?.percent ?? ''));
        const code =
          problem.code === 'unknownCenter'
            ? 'unknownCostCenter'
            : problem.code === 'inactiveCenter'
              ? 'inactiveCostCenter'
              : 'repeatedCostCenter';
        return at('costCenter', row, code, split?.costCenterCode ?? '');
      }
      case 'validityReversed':
        return at('validTo', firstRow, 'validityReversed', item.validTo ?? '');
      case 'overlaps': {
        const { id, kind, key, splits, validFrom, validTo } = problem.other;
        return {
          ...at('validFrom', firstRow, 'overlapsStored', item.validFrom ?? ''),
          other: { id, kind, key, splits, validFrom: validFrom ?? null, validTo: validTo ?? null },
        };
      }
    }
  });
};

const errorItems = (errors: readonly AssignmentRowError[]): PlanItem[] => {
  const byRow = new Map<number, AssignmentRowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  return [...byRow.entries()].map(([row, problems]) => ({
    status: 'error',
    rows: [row],
    kind: null,
    key: '',
    validFrom: null,
    validTo: null,
    splits: [],
    id: null,
    before: null,
    problems: problems.map(({ row: at, field, column, code, value }) => ({
      row: at,
      field,
      column,
      code,
      value,
    })),
  }));
};

const itemOf = (
  group: AssignmentFileGroup,
  storedOfKey: readonly Assignment[],
  context: PlanContext,
): PlanItem => {
  const splits = group.rows.map((row) => ({ costCenterCode: row.costCenterCode, percent: row.percent }));
  const base = {
    rows: group.rows.map((row) => row.row),
    kind: group.kind,
    key: group.key,
    validFrom: group.validFrom,
    validTo: group.validTo,
    splits,
    problems: [],
  };
  const same = storedOfKey.find((stored) => samePeriod(stored, group));
  if (same === undefined) return { ...base, status: 'create', id: context.newId(), before: null };
  return {
    ...base,
    status: sameSplits(same.splits, splits) ? 'unchanged' : 'replace',
    id: same.id,
    before: same,
  };
};

const changeOf = (item: PlanItem): AssignmentChange | null =>
  item.id === null || item.kind === null || (item.status !== 'create' && item.status !== 'replace')
    ? null
    : {
        op: 'put',
        id: item.id,
        input: {
          kind: item.kind,
          key: item.key,
          splits: item.splits,
          validFrom: item.validFrom,
          validTo: item.validTo,
        },
      };

const countsOf = (items: readonly PlanItem[]): Record<PlanStatus, number> => {
  const counts: Record<PlanStatus, number> = { create: 0, replace: 0, unchanged: 0, error: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
};

const firstRow = (item: PlanItem) => item.rows[0] ?? 0;

const identity = (kind: KeyKind, key: string) => `${kind}\u0001${key}`;

/**
 * Marks as refused each item the write would refuse, with its problems: each refused change is taken
 * out and the rest checked again, so one bad assignment does not hide the others' problems or
 * acceptance.
 */
const refuseWithin = (
  items: readonly PlanItem[],
  stored: readonly Assignment[],
  context: PlanContext,
  reading: AssignmentFileReading,
) => {
  for (;;) {
    const pending = items.filter((item) => changeOf(item) !== null);
    const changes = pending.flatMap((item) => {
      const change = changeOf(item);
      return change === null ? [] : [change];
    });
    const refusal = firstRefusal(stored, changes, context.centers);
    if (refusal === null) return;
    const item = pending[refusal.index];
    if (item === undefined) return;
    item.problems = problemsOf(item, refusal.problems, reading);
    item.status = 'error';
  }
};

/** Plans the import of `reading` against the stored assignments and cost centres. */
export const planAssignmentImport = (
  reading: AssignmentFileReading,
  context: PlanContext,
): AssignmentImportPlan => {
  // The write layer checks the batch as a whole; what it checks of one change (its splits, the
  // centres, overlaps) depends only on the assignments of the same kind and key, so the plan checks
  // each key's changes against that key's stored assignments: the same answer, in linear time.
  const storedByKey = new Map<string, Assignment[]>();
  for (const stored of context.assignments) {
    const key = identity(stored.kind, stored.key);
    const list = storedByKey.get(key);
    if (list) list.push(stored);
    else storedByKey.set(key, [stored]);
  }
  const items = reading.groups.map((group) =>
    itemOf(group, storedByKey.get(identity(group.kind, group.key)) ?? [], context),
  );
  const itemsByKey = new Map<string, PlanItem[]>();
  for (const item of items) {
    if (item.kind === null) continue;
    const key = identity(item.kind, item.key);
    const list = itemsByKey.get(key);
    if (list) list.push(item);
    else itemsByKey.set(key, [item]);
  }
  for (const [key, ofKey] of itemsByKey) refuseWithin(ofKey, storedByKey.get(key) ?? [], context, reading);
  const all = [...items, ...errorItems(reading.errors)].sort((a, b) => firstRow(a) - firstRow(b));
  return { items: all, counts: countsOf(all) };
};

export type ChosenChanges =
  | { ok: true; changes: AssignmentChange[]; skipped: number }
  /** The file has refused rows and the clerk has not chosen to import the valid ones only. */
  | { ok: false };

/** The changes to apply: all of them, or with refused rows only on the clerk's explicit choice. */
export const importChanges = (
  plan: AssignmentImportPlan,
  { validOnly }: { validOnly: boolean },
): ChosenChanges => {
  if (plan.counts.error > 0 && !validOnly) return { ok: false };
  return {
    ok: true,
    changes: plan.items.flatMap((item) => {
      const change = changeOf(item);
      return change === null ? [] : [change];
    }),
    skipped: plan.counts.error,
  };
};
