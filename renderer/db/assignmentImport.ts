import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Assignment, CostCenter } from '../../shared/api/schemas';
import type { AssignmentChange } from '../../shared/allocation/changes';
import {
  applyAssignmentChanges,
  assignmentImpact,
  newAssignmentId,
  type AppliedAssignments,
  type AssignmentImpact,
} from './assignmentEdits';
import type { InvoiceDeskDatabase } from './database';
import { useDatabase } from './DatabaseContext';
import { costCenterOption } from './localEdits';
import { checkAssignments, checkCostCenters } from './rowChecks';

/**
 * The assignment import's reads and writes (the Assignments page's import dialog). The write is the
 * assignment write layer's: one transaction for the whole file, nothing half-lands; its undo is the
 * inverse batch, allowed while every entry the import queued still waits unpushed.
 */

export interface ImportBasis {
  assignments: Assignment[];
  centers: CostCenter[];
  option: 'on' | 'optionOff' | 'notSynced';
}

/** What the plan is made against: the stored assignments and cost centres (damaged rows left out). */
export const readImportBasis = (db: InvoiceDeskDatabase): Promise<ImportBasis> =>
  db.transaction('r', [db.assignments, db.costCenters, db.singletons], async () => {
    const [assignments, centers, option] = await Promise.all([
      db.assignments.toArray(),
      db.costCenters.orderBy('code').toArray(),
      costCenterOption(db),
    ]);
    return {
      assignments: checkAssignments(assignments).rows,
      centers: checkCostCenters(centers).rows,
      option,
    };
  });

/** Why an applied import can no longer be undone: the sync pushed (or settled) one of its entries. */
export type ImportUndoBlocker = 'pushed';

/** Whether every assignment the import wrote still has its entry waiting in the outbox. */
export const importUndoBlocker = async (
  db: InvoiceDeskDatabase,
  ids: readonly string[],
): Promise<ImportUndoBlocker | null> => {
  for (const id of ids) {
    const waiting = await db.outbox.where('[entity+key]').equals(['assignment', id]).first();
    if (waiting?.state !== 'pending') return 'pushed';
  }
  return null;
};

/**
 * Undoes an applied import in ONE transaction while nothing of it was pushed: the inverse batch
 * through the same writer (a created assignment is deleted and its queued create dropped; a replaced
 * one gets its splits back). Returns 'pushed', writing nothing, once the sync took any of it.
 */
export const undoAssignmentImport = (
  db: InvoiceDeskDatabase,
  applied: { undo: readonly AssignmentChange[]; ids: readonly string[] },
  now: () => Date,
): Promise<{ ok: true } | { ok: false; reason: ImportUndoBlocker }> =>
  db.transaction(
    'rw',
    [db.assignments, db.costCenters, db.outbox, db.singletons, db.lineBlocks, db.allocatedRollups],
    async () => {
      const blocker = await importUndoBlocker(db, applied.ids);
      if (blocker !== null) return { ok: false, reason: blocker } as const;
      await applyAssignmentChanges(db, applied.undo, { now });
      return { ok: true } as const;
    },
  );

export interface AssignmentImportStore {
  basis: () => Promise<ImportBasis>;
  impact: (changes: readonly AssignmentChange[]) => Promise<AssignmentImpact>;
  apply: (changes: readonly AssignmentChange[]) => Promise<AppliedAssignments>;
  undo: (applied: {
    undo: readonly AssignmentChange[];
    ids: readonly string[];
  }) => Promise<{ ok: true } | { ok: false; reason: ImportUndoBlocker }>;
  newId: () => string;
}

/** The import dialog's access to the archive. */
export const useAssignmentImportStore = (now: () => Date = () => new Date()): AssignmentImportStore => {
  const db = useDatabase();
  return useMemo(
    () => ({
      basis: () => readImportBasis(db),
      impact: (changes) => assignmentImpact(db, changes),
      apply: (changes) => applyAssignmentChanges(db, changes, { now }),
      undo: (applied) => undoAssignmentImport(db, applied, now),
      newId: newAssignmentId,
    }),
    [db, now],
  );
};

/** Live: whether the last applied import can still be undone (null), or why not. Undefined while loading. */
export const useImportUndoBlocker = (ids: readonly string[] | null) => {
  const db = useDatabase();
  return useLiveQuery(async () => (ids === null ? null : importUndoBlocker(db, ids)), [db, ids]);
};
