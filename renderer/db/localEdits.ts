import { liveQuery } from 'dexie';
import type { KeyKind, Preferences } from '../../shared/api/schemas';
import { toDisposable, type Disposable } from '../../shared/core/disposable';
import { designationKey } from '../../shared/designations/names';
import type { OutboxChange } from '../../shared/sync/outbox';
import type { InvoiceDeskDatabase } from './database';
import type { OutboxRow } from './records';
import { applyServerState } from './serverState';

/**
 * Local edits: written to their table and to the outbox in one transaction, so the clerk sees them
 * at once and the sync engine pushes them later. Several edits of one entity coalesce into one push.
 */
const enqueue = async (
  db: InvoiceDeskDatabase,
  change: OutboxChange,
  baseEtag: string | null,
): Promise<void> => {
  const waiting = await db.outbox.where('[entity+key]').equals([change.entity, change.key]).first();
  if (!waiting || waiting.seq === undefined) {
    await db.outbox.add({
      ...change,
      baseEtag,
      state: 'pending',
      current: null,
      reason: null,
      version: 1,
      createdAt: new Date().toISOString(),
    });
    return;
  }
  if (change.op === 'delete' && waiting.baseEtag === null && waiting.state === 'pending') {
    // Created and deleted before the operator ever saw it: nothing to send.
    await db.outbox.delete(waiting.seq);
    return;
  }
  // Keeps the base ETag and a conflict state: the clerk still has to settle what the other user did.
  await db.outbox.put({ ...waiting, ...change, version: waiting.version + 1 } satisfies OutboxRow);
};

export const saveDesignation = (
  db: InvoiceDeskDatabase,
  kind: KeyKind,
  key: string,
  text: string,
): Promise<void> =>
  db.transaction('rw', [db.designations, db.outbox], async () => {
    const trimmed = text.trim();
    const stored = await db.designations.get([kind, key]);
    const baseEtag = stored?.etag ? stored.etag : null;
    if (trimmed === '') {
      if (!stored) return;
      await db.designations.delete([kind, key]);
      await enqueue(
        db,
        { entity: 'designation', op: 'delete', key: designationKey(kind, key), payload: { kind, key } },
        baseEtag,
      );
      return;
    }
    // A local-only designation has no ETag yet: the empty string marks "not at the operator".
    await db.designations.put({ kind, key, text: trimmed, etag: stored?.etag ?? '' });
    await enqueue(
      db,
      {
        entity: 'designation',
        op: 'put',
        key: designationKey(kind, key),
        payload: { kind, key, text: trimmed },
      },
      baseEtag,
    );
  });

export const savePreferences = (db: InvoiceDeskDatabase, preferences: Preferences): Promise<void> =>
  db.transaction('rw', [db.singletons, db.outbox], async () => {
    const stored = await db.singletons.get('preferences');
    if (!stored?.etag) throw new Error('Preferences can be changed once they have been synchronised');
    await db.singletons.put({ key: 'preferences', value: preferences, etag: stored.etag });
    await enqueue(
      db,
      { entity: 'preferences', op: 'put', key: 'preferences', payload: preferences },
      stored.etag,
    );
  });

/** Keep mine: send my edit again, this time over the version the other user made. */
export const resolveKeepMine = (db: InvoiceDeskDatabase, seq: number): Promise<void> =>
  db.transaction('rw', [db.outbox], async () => {
    const row = await db.outbox.get(seq);
    if (row?.state !== 'conflict') return;
    await db.outbox.update(seq, { state: 'pending', baseEtag: row.current?.etag ?? null, current: null });
  });

/** Take theirs (or accept a refusal): drop my edit and show what the operator has now. */
export const resolveTakeTheirs = (db: InvoiceDeskDatabase, seq: number): Promise<void> =>
  db.transaction(
    'rw',
    [db.outbox, db.designations, db.costCenters, db.assignments, db.singletons],
    async () => {
      const row = await db.outbox.get(seq);
      if (!row || row.state === 'pending') return;
      await db.outbox.delete(seq);
      await applyServerState(db, row, row.current);
    },
  );

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
