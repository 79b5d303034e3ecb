import { AssignmentIdSchema, AssignmentInputSchema, type Assignment } from '../../shared/api/schemas';
import { createAllocator } from '../../shared/allocation/allocator';
import {
  assignmentsAfter,
  firstRefusal,
  inverseChanges,
  summarizeImpact,
  type AssignmentChange,
  type ImpactRow,
} from '../../shared/allocation/changes';
import { AssignmentEditError } from '../../shared/allocation/editErrors';
import { changedAssignmentKeys } from '../../shared/allocation/rollup';
import type { AssignmentEditOrigin, AssignmentSnapshot } from '../../shared/audit/auditEntry';
import { reallocateSince, reallocationDelta, type Reallocation } from './allocation';
import { appendAudit } from './auditLog';
import type { InvoiceDeskDatabase } from './database';
import { costCenterOption, enqueue } from './localEdits';

/**
 * Assignment edits: a batch of changes (a drop, a split dialog, an import, an undo) written to
 * `db.assignments` and the outbox, with the allocated rollups of every key it touches recomputed,
 * all in ONE transaction: the board and the analytics never see an assignment without its figures,
 * and a refused batch writes nothing.
 */

/** What the audit log says the batch was: the clerk's edit, an undo or redo, or a file's import. */
export type AssignmentAuditOrigin =
  { origin: AssignmentEditOrigin } | { origin: 'import'; fileName: string; sha256: string };

export interface AssignmentWriteOptions {
  /** Stamps the local rows' `updatedAt` until the operator's own time replaces it. */
  now?: () => Date;
  audit?: AssignmentAuditOrigin;
}

const snapshot = ({ id, kind, key, splits, validFrom, validTo }: Assignment): AssignmentSnapshot => ({
  id,
  kind,
  key,
  splits,
  validFrom: validFrom ?? null,
  validTo: validTo ?? null,
});

export interface AppliedAssignments {
  /** The changes that bring everything back as it was: apply them to undo, the batch again to redo. */
  undo: AssignmentChange[];
  reallocation: Reallocation;
}

const tables = (db: InvoiceDeskDatabase) =>
  [
    db.assignments,
    db.costCenters,
    db.outbox,
    db.singletons,
    db.lineBlocks,
    db.allocatedRollups,
    db.auditLog,
  ] as const;

/** A fresh assignment id the contract accepts (letters, digits, - and _; at most 64). */
export const newAssignmentId = (): string => `a-${crypto.randomUUID()}`;

/**
 * Applies `changes` in order. Throws an AssignmentEditError, writing nothing, when the option is
 * off, an id is unknown to a delete, or the operator would refuse a put (400 or 409: the batch's
 * final state is what is checked, so a batch may end one period and start the next).
 */
export const applyAssignmentChanges = (
  db: InvoiceDeskDatabase,
  changes: readonly AssignmentChange[],
  { now = () => new Date(), audit = { origin: 'edit' } }: AssignmentWriteOptions = {},
): Promise<AppliedAssignments> =>
  db.transaction('rw', tables(db), async () => {
    const option = await costCenterOption(db);
    if (option !== 'on') throw new AssignmentEditError(option, 0);
    const [previous, centers] = await Promise.all([db.assignments.toArray(), db.costCenters.toArray()]);
    const stored = new Map(previous.map((assignment) => [assignment.id, assignment]));
    const refusal = firstRefusal(previous, changes, centers);
    if (refusal) throw new AssignmentEditError('invalid', refusal.index, refusal.problems);
    // What the dialog's checks do not cover (an id, a key's length, a date's form) the contract does.
    for (const [index, change] of changes.entries()) {
      const valid =
        AssignmentIdSchema.safeParse(change.id).success &&
        (change.op === 'delete' || AssignmentInputSchema.safeParse(change.input).success);
      if (!valid) throw new AssignmentEditError('invalid', index);
    }
    const at = now().toISOString();
    const next = new Map(
      assignmentsAfter(previous, changes, at).map((assignment) => [assignment.id, assignment]),
    );
    for (const [index, change] of changes.entries()) {
      const before = stored.get(change.id);
      if (change.op === 'delete') {
        const known =
          before ?? (await db.outbox.where('[entity+key]').equals(['assignment', change.id]).first());
        if (!known) throw new AssignmentEditError('missing', index);
        await db.assignments.delete(change.id);
        stored.delete(change.id);
        await enqueue(
          db,
          { entity: 'assignment', op: 'delete', key: change.id, payload: null },
          before?.etag ? before.etag : null,
        );
        continue;
      }
      const row = next.get(change.id);
      if (!row) throw new AssignmentEditError('missing', index);
      const written: Assignment = { ...row, updatedAt: at };
      await db.assignments.put(written);
      stored.set(change.id, written);
      await enqueue(
        db,
        { entity: 'assignment', op: 'put', key: change.id, payload: change.input },
        before?.etag ? before.etag : null,
      );
    }
    const reallocation = await reallocateSince(db, previous);
    // One entry per batch, however many rows: the touched assignments as they were and as they are.
    const touched = [...new Set(changes.map((change) => change.id))];
    const was = new Map(previous.map((assignment) => [assignment.id, assignment]));
    const before = touched.flatMap((id) => {
      const row = was.get(id);
      return row ? [snapshot(row)] : [];
    });
    const after = touched.flatMap((id) => {
      const row = stored.get(id);
      return row ? [snapshot(row)] : [];
    });
    const counts = {
      created: touched.filter((id) => !was.has(id) && stored.has(id)).length,
      changed: touched.filter((id) => was.has(id) && stored.has(id)).length,
      deleted: touched.filter((id) => was.has(id) && !stored.has(id)).length,
    };
    await appendAudit(
      db,
      audit.origin === 'import'
        ? {
            at,
            kind: 'assignmentImport',
            params: { fileName: audit.fileName, sha256: audit.sha256, ...counts },
            before,
            after,
          }
        : { at, kind: 'assignmentsEdited', params: { origin: audit.origin, ...counts }, before, after },
    );
    return { undo: inverseChanges(previous, changes), reallocation };
  });

export interface AssignmentImpact {
  /** Per month, what each cost centre (or the unassigned bucket) gains (+) or loses (-). */
  rows: ImpactRow[];
  /** Lines whose key the changes touch (their charge may or may not move). */
  lines: number;
}

/**
 * What `changes` would move over the stored history, without writing anything: the same delta the
 * write would add to the allocated rollups, summed per month and cost centre.
 */
export const assignmentImpact = (
  db: InvoiceDeskDatabase,
  changes: readonly AssignmentChange[],
): Promise<AssignmentImpact> =>
  db.transaction('r', [db.assignments, db.lineBlocks], async () => {
    const current = await db.assignments.toArray();
    const after = assignmentsAfter(current, changes, '1970-01-01T00:00:00Z');
    const found = await reallocationDelta(
      db,
      changedAssignmentKeys(current, after),
      createAllocator(current),
      createAllocator(after),
    );
    return { rows: summarizeImpact([...found.delta.values()]), lines: found.lines };
  });
