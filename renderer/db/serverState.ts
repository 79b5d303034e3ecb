import {
  AssignmentSchema,
  CostCenterSchema,
  DesignationSchema,
  PreferencesSchema,
} from '../../shared/api/schemas';
import type { Acknowledged } from '../../shared/sync/outbox';
import { reallocateSince } from './allocation';
import type { InvoiceDeskDatabase } from './database';
import type { OutboxRow } from './records';

/**
 * Puts the operator's representation of an outbox row's entity into its local table, or removes it,
 * and re-allocates the lines whose charge that changes. Call inside a transaction that also holds
 * lineBlocks and allocatedRollups.
 */
export const applyServerState = async (
  db: InvoiceDeskDatabase,
  row: OutboxRow,
  state: Acknowledged | null,
): Promise<void> => {
  // A cost centre deleted by the operator takes its assignments with it: both change charges.
  if (row.entity !== 'assignment' && row.entity !== 'costCenter') return storeServerState(db, row, state);
  const previous = await db.assignments.toArray();
  await storeServerState(db, row, state);
  await reallocateSince(db, previous);
};

const storeServerState = async (
  db: InvoiceDeskDatabase,
  row: OutboxRow,
  state: Acknowledged | null,
): Promise<void> => {
  switch (row.entity) {
    case 'designation': {
      const parsed = state && DesignationSchema.safeParse(state.value);
      if (parsed?.success) await db.designations.put(parsed.data);
      else await db.designations.delete([row.payload.kind, row.payload.key]);
      return;
    }
    case 'costCenter': {
      const parsed = state && CostCenterSchema.safeParse(state.value);
      if (parsed?.success) {
        await db.costCenters.put(parsed.data);
        return;
      }
      await db.costCenters.delete(row.key);
      // The operator deletes a cost centre's assignments with it.
      const orphaned = (await db.assignments.toArray()).filter((assignment) =>
        assignment.splits.some((split) => split.costCenterCode === row.key),
      );
      await db.assignments.bulkDelete(orphaned.map((assignment) => assignment.id));
      return;
    }
    case 'assignment': {
      const parsed = state && AssignmentSchema.safeParse(state.value);
      if (parsed?.success) await db.assignments.put(parsed.data);
      else await db.assignments.delete(row.key);
      return;
    }
    case 'preferences': {
      const parsed = state && PreferencesSchema.safeParse(state.value);
      if (state && parsed?.success)
        await db.singletons.put({ key: 'preferences', value: parsed.data, etag: state.etag });
      return;
    }
  }
};
