import type { Assignment, AssignmentInput } from '../api/schemas';
import { checkAssignment, type AssignmentProblem } from './assignmentForm';
import type { AllocatedRollupRow } from './rollup';

/**
 * A batch of assignment edits as one unit: what a drop, a split dialog or an import asks for, what
 * the impact preview evaluates before anything is written, and what undo and redo apply. A put
 * creates (new id) or replaces (stored id) one assignment; a delete removes one.
 */
export type AssignmentChange =
  { op: 'put'; id: string; input: AssignmentInput } | { op: 'delete'; id: string };

/** The contract's input part of an assignment (what a put sends). */
export const inputOf = (assignment: Assignment): AssignmentInput => ({
  kind: assignment.kind,
  key: assignment.key,
  splits: assignment.splits.map((split) => ({
    costCenterCode: split.costCenterCode,
    percent: split.percent,
  })),
  validFrom: assignment.validFrom ?? null,
  validTo: assignment.validTo ?? null,
});

/**
 * The assignments after `changes`, in order, over `current`. A put keeps the stored ETag (empty for
 * a new one: not at the operator yet) and takes `updatedAt` as its time.
 */
export const assignmentsAfter = (
  current: readonly Assignment[],
  changes: readonly AssignmentChange[],
  updatedAt: string,
): Assignment[] => {
  const byId = new Map(current.map((assignment) => [assignment.id, assignment]));
  for (const change of changes) {
    if (change.op === 'delete') byId.delete(change.id);
    else
      byId.set(change.id, {
        ...change.input,
        validFrom: change.input.validFrom ?? null,
        validTo: change.input.validTo ?? null,
        id: change.id,
        etag: byId.get(change.id)?.etag ?? '',
        updatedAt,
      });
  }
  return [...byId.values()];
};

/**
 * The changes that bring the assignments back from after `changes` to `current`: applied through
 * the same writer, they are undo; the original changes applied again are redo.
 */
export const inverseChanges = (
  current: readonly Assignment[],
  changes: readonly AssignmentChange[],
): AssignmentChange[] => {
  const byId = new Map(current.map((assignment) => [assignment.id, assignment]));
  const touched = [...new Set(changes.map((change) => change.id))];
  // Deletions first: a restored assignment may share days with one the batch created.
  const deletions: AssignmentChange[] = [];
  const restorations: AssignmentChange[] = [];
  for (const id of touched) {
    const before = byId.get(id);
    if (before) restorations.push({ op: 'put', id, input: inputOf(before) });
    else deletions.push({ op: 'delete', id });
  }
  return [...deletions, ...restorations];
};

/** The first change the operator would refuse, with its problems; null when all pass. */
export const firstRefusal = (
  current: readonly Assignment[],
  changes: readonly AssignmentChange[],
  centers: Parameters<typeof checkAssignment>[1]['centers'],
): { index: number; problems: AssignmentProblem[] } | null => {
  // Checked against the batch's final state: a batch may move a period and fill the gap it leaves.
  const after = assignmentsAfter(current, changes, '1970-01-01T00:00:00Z');
  // Only assignments of the same kind and key can overlap: an import of thousands checks each
  // change against its key's few, not against every assignment (which grew with the square).
  const byKey = new Map<string, Assignment[]>();
  for (const assignment of after) {
    const key = `${assignment.kind}\u0001${assignment.key}`;
    const list = byKey.get(key);
    if (list) list.push(assignment);
    else byKey.set(key, [assignment]);
  }
  for (const [index, change] of changes.entries()) {
    if (change.op === 'delete') continue;
    const assignments = byKey.get(`${change.input.kind}\u0001${change.input.key}`) ?? [];
    const problems = checkAssignment(change.input, { id: change.id, centers, assignments });
    if (problems.length > 0) return { index, problems };
  }
  return null;
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How one cost centre's (or the unassigned bucket's) cost in one month changes. */
export interface ImpactRow {
  month: string;
  /** A cost centre's code, or UNASSIGNED. */
  costCenterCode: string;
  /** Positive: charged more; negative: charged less. */
  netCentimes: number;
  vatCentimes: number;
}

/**
 * The allocated-rollup delta of a change, summed over services: per month, what each cost centre
 * gains or loses. Rows in month order, then by code; a centre whose figure does not move is left
 * out. Over a month the rows add up to zero: a change moves cost, it never creates any.
 */
export const summarizeImpact = (delta: readonly AllocatedRollupRow[]): ImpactRow[] => {
  const byKey = new Map<string, ImpactRow>();
  for (const row of delta) {
    const key = `${row.month}\u0001${row.costCenterCode}`;
    const total = byKey.get(key);
    if (total) {
      total.netCentimes += row.netCentimes;
      total.vatCentimes += row.vatCentimes;
    } else
      byKey.set(key, {
        month: row.month,
        costCenterCode: row.costCenterCode,
        netCentimes: row.netCentimes,
        vatCentimes: row.vatCentimes,
      });
  }
  return [...byKey.values()]
    .filter((row) => row.netCentimes !== 0 || row.vatCentimes !== 0)
    .sort((a, b) => compare(a.month, b.month) || compare(a.costCenterCode, b.costCenterCode));
};
