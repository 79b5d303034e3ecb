// Dexie's live queries observe only when an indexedDB is global as Dexie loads.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { InvoiceDeskDatabase } from './database';
import { resolveKeepMine, saveDesignation } from './localEdits';
import { watchPendingEdits } from './pendingEdits';

const open = async () => {
  const db = new InvoiceDeskDatabase('local-edits', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
};

/** Resolves once `predicate` holds, polling the live query's deliveries. */
let edits = 0;
const until = async (predicate: () => boolean) => {
  for (let i = 0; i < 200 && !predicate(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(predicate(), String(edits)).toBe(true);
};

describe('watchPendingEdits', () => {
  it('tells of each new or changed pending edit, not of what waited at the start nor of a push', async () => {
    const db = await open();
    await saveDesignation(db, 'frankingLicence', '11111111', 'Waiting since yesterday');
    edits = 0;
    const watch = watchPendingEdits(db, () => {
      edits += 1;
    });
    // The first delivery (what already waits) is not an edit.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edits).toBe(0);

    await saveDesignation(db, 'frankingLicence', '22222222', 'Reception');
    await until(() => edits === 1);
    await saveDesignation(db, 'frankingLicence', '22222222', 'Front desk');
    await until(() => edits === 2);

    // The sync pushed everything: an emptied outbox is no edit.
    await db.outbox.clear();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edits).toBe(2);

    // A conflict settled with "keep mine" is pending again: it is pushed like an edit.
    await saveDesignation(db, 'frankingLicence', '33333333', 'Mail room');
    await until(() => edits === 3);
    const [row] = await db.outbox.toArray();
    if (row?.seq === undefined) throw new Error('no outbox row');
    await db.outbox.update(row.seq, { state: 'conflict' });
    await resolveKeepMine(db, row.seq);
    await until(() => edits === 4);

    watch.dispose();
    await saveDesignation(db, 'frankingLicence', '44444444', 'After');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edits).toBe(4);
    db.close();
  });
});
