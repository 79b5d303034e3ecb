import { useLiveQuery } from 'dexie-react-hooks';
import type { InvoiceDeskDatabase } from './database';
import { useDatabase } from './DatabaseContext';

/**
 * What the assignment import reads beside the assignment feature's own queries: whether an applied
 * import can still be undone. Its undo is the batch's inverse through the shared history
 * (features/assignments/edits.ts); it is offered only while every entry the import queued still
 * waits in the outbox, so an undo never chases a push the operator already has.
 */

/** Why an applied import can no longer be undone: the sync pushed (or settled) one of its entries. */
export type ImportUndoBlocker = 'pushed';

/** Whether every assignment the import wrote still has its entry waiting in the outbox. */
export const importUndoBlocker = async (
  db: InvoiceDeskDatabase,
  ids: readonly string[],
): Promise<ImportUndoBlocker | null> => {
  const waiting = await db.outbox
    .where('[entity+key]')
    .anyOf(ids.map((id) => ['assignment', id]))
    .toArray();
  const pending = new Set(waiting.flatMap((row) => (row.state === 'pending' ? [row.key] : [])));
  return ids.every((id) => pending.has(id)) ? null : 'pushed';
};

/** Live: null while the import of `ids` can be undone, else why not; undefined while loading. */
export const useImportUndoBlocker = (ids: readonly string[] | null) => {
  const db = useDatabase();
  return useLiveQuery(async () => (ids === null ? null : importUndoBlocker(db, ids)), [db, ids]);
};
