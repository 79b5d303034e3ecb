import { designationKey } from '../../shared/designations/names';
import type { OutboxItem, OutboxPort } from '../../shared/sync/outbox';
import type { ResourcePort } from '../../shared/sync/resources';
import { reallocateSince } from './allocation';
import type { InvoiceDeskDatabase } from './database';
import type { OutboxRow } from './records';
import { applyServerState } from './serverState';
import { appendAudit } from './auditLog';

/** Outbox and resource ports over Dexie; each method is one transaction. */
export const createDexieResourceStore = (
  db: InvoiceDeskDatabase,
  now: () => Date = () => new Date(),
): OutboxPort & ResourcePort => {
  const resourceTables = [
    db.outbox,
    db.designations,
    db.costCenters,
    db.assignments,
    db.singletons,
    db.auditLog,
    // An assignment from the operator re-allocates the lines of its key in the same transaction.
    db.lineBlocks,
    db.allocatedRollups,
  ] as const;

  return {
    pendingOutbox: async () =>
      (await db.outbox.where('state').equals('pending').sortBy('seq')).flatMap((row): OutboxItem[] =>
        row.seq === undefined ? [] : [{ ...row, seq: row.seq }],
      ),

    acknowledge: (item, result, how) =>
      db.transaction('rw', resourceTables, async () => {
        const row = await db.outbox.get(item.seq);
        if (!row) return;
        if (row.version !== item.version) {
          // The clerk edited again while this push was on its way: send that next, based on the new ETag.
          await db.outbox.update(item.seq, { baseEtag: result?.etag ?? null });
          return;
        }
        await db.outbox.delete(item.seq);
        await applyServerState(db, row, result);
        if (how === 'alreadyApplied') {
          await appendAudit(db, {
            at: now().toISOString(),
            kind: 'conflictSettled',
            params: { entity: item.entity, key: item.key, settlement: 'alreadyApplied' },
            before: item.payload,
            after: result?.value ?? null,
          });
        }
      }),

    markConflict: (item, current) =>
      db.transaction('rw', [db.outbox, db.auditLog], async () => {
        await db.outbox.update(item.seq, { state: 'conflict', current, noticePending: true });
        await appendAudit(db, {
          at: now().toISOString(),
          kind: 'conflict',
          params: { entity: item.entity, key: item.key },
          before: item.payload,
          after: current?.value ?? null,
        });
      }),

    markRejected: (item, reason) =>
      db.transaction('rw', [db.outbox, db.auditLog], async () => {
        await db.outbox.update(item.seq, { state: 'rejected', reason, noticePending: true });
        await appendAudit(db, {
          at: now().toISOString(),
          kind: 'rejected',
          params: { entity: item.entity, key: item.key, reasonCode: reason.code, reason: reason.message },
          before: item.payload,
        });
      }),

    replaceResources: (snapshot) =>
      db.transaction('rw', [...resourceTables, db.services], async () => {
        const waiting = await db.outbox.toArray();
        const held = (entity: OutboxRow['entity']) =>
          new Set(waiting.filter((row) => row.entity === entity).map((row) => row.key));

        await db.singletons.put({ key: 'customer', value: snapshot.customer, etag: null });
        await db.services.clear();
        await db.services.bulkPut(snapshot.services);

        const heldDesignations = held('designation');
        const keepDesignations = (await db.designations.toArray()).filter((row) =>
          heldDesignations.has(designationKey(row.kind, row.key)),
        );
        await db.designations.clear();
        await db.designations.bulkPut([
          ...snapshot.designations.filter((row) => !heldDesignations.has(designationKey(row.kind, row.key))),
          ...keepDesignations,
        ]);

        if (snapshot.costCenters) {
          const heldCodes = held('costCenter');
          const keep = (await db.costCenters.toArray()).filter((row) => heldCodes.has(row.code));
          await db.costCenters.clear();
          await db.costCenters.bulkPut([
            ...snapshot.costCenters.filter((row) => !heldCodes.has(row.code)),
            ...keep,
          ]);
        }
        if (snapshot.assignments) {
          const previous = await db.assignments.toArray();
          const heldIds = held('assignment');
          const keep = (await db.assignments.toArray()).filter((row) => heldIds.has(row.id));
          await db.assignments.clear();
          await db.assignments.bulkPut([
            ...snapshot.assignments.filter((row) => !heldIds.has(row.id)),
            ...keep,
          ]);
          await reallocateSince(db, previous);
        }
        if (held('preferences').size === 0) {
          await db.singletons.put({
            key: 'preferences',
            value: snapshot.preferences.value,
            etag: snapshot.preferences.etag,
          });
        }
      }),
  };
};
