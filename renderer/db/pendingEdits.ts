import { liveQuery } from 'dexie';
import { toDisposable, type Disposable } from '../../shared/core/disposable';
import type { InvoiceDeskDatabase } from './database';

// Apart from localEdits.ts, whose writers bring the contract's schemas and the audit log: the start
// watches the outbox before any page is drawn, and needs none of them for that.

/**
 * Calls `onEdit` whenever the edits waiting to be pushed change and some are waiting: a new edit, a
 * change of one, a conflict the clerk settled with "keep mine". Not for what is already waiting when
 * it starts (the start's own sync pushes that), nor for a push that empties the outbox.
 */
export const watchPendingEdits = (db: InvoiceDeskDatabase, onEdit: () => void): Disposable => {
  let previous: string | null = null;
  const subscription = liveQuery(() => db.outbox.where('state').equals('pending').toArray()).subscribe({
    next: (rows) => {
      const signature = rows.map((row) => `${row.seq ?? ''}:${row.version}`).join(',');
      const first = previous === null;
      const changed = signature !== previous;
      previous = signature;
      if (!first && changed && rows.length > 0) onEdit();
    },
    // A failed read is not an edit: the next scheduled sync pushes whatever waits.
    error: () => undefined,
  });
  return toDisposable(() => subscription.unsubscribe());
};
