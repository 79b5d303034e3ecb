import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../../shared/api/schemas';
import { PreferencesEditError } from '../../../shared/preferences/errors';
import { draftOf } from '../../../shared/preferences/validation';
import { InvoiceDeskDatabase } from '../../db/database';
import { resolveKeepMine } from '../../db/localEdits';
import { savePreferencesDraft } from './edits';

const synced: Preferences = {
  notifications: { newDocuments: true, paymentReminders: true, emails: ['rechnungen@example.ch'] },
  paper: { invoiceByPost: false, detailedStatementByPost: false },
};

const open = async (stored: Preferences | null) => {
  const db = new InvoiceDeskDatabase(`preferences-${Math.random()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  if (stored) await db.singletons.put({ key: 'preferences', value: stored, etag: '"v1"' });
  return db;
};

describe('saving the preferences', () => {
  it('writes them and one outbox entry based on the synchronised ETag; a second edit travels in it', async () => {
    const db = await open(synced);
    await savePreferencesDraft(db, {
      ...draftOf(synced),
      paymentReminders: false,
      emails: ['rechnungen@example.ch', ' buchhaltung@example.ch ', ''],
      invoiceByPost: true,
    });
    const mine: Preferences = {
      notifications: {
        newDocuments: true,
        paymentReminders: false,
        emails: ['rechnungen@example.ch', 'buchhaltung@example.ch'],
      },
      paper: { invoiceByPost: true, detailedStatementByPost: false },
    };
    expect((await db.singletons.get('preferences'))?.value).toEqual(mine);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({
      entity: 'preferences',
      op: 'put',
      baseEtag: '"v1"',
      state: 'pending',
      payload: mine,
    });

    await savePreferencesDraft(db, { ...draftOf(mine), detailedStatementByPost: true });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.outbox.toArray())[0]).toMatchObject({ version: 2, baseEtag: '"v1"' });
  });

  it('refuses a bad address, naming it, and writes nothing', async () => {
    const db = await open(synced);
    const saving = savePreferencesDraft(db, {
      ...draftOf(synced),
      emails: ['rechnungen@example.ch', 'buchhaltung@'],
    });
    await expect(saving).rejects.toBeInstanceOf(PreferencesEditError);
    await expect(saving).rejects.toMatchObject({
      code: 'invalid',
      problems: [{ code: 'invalid', index: 1, address: 'buchhaltung@' }],
    });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.singletons.get('preferences'))?.value).toEqual(synced);
  });

  it('refuses six addresses and a duplicate', async () => {
    const db = await open(synced);
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@example.ch`);
    await expect(savePreferencesDraft(db, { ...draftOf(synced), emails: six })).rejects.toMatchObject({
      problems: [{ code: 'tooMany', index: 5 }],
    });
    await expect(
      savePreferencesDraft(db, { ...draftOf(synced), emails: ['a@example.ch', 'A@example.ch'] }),
    ).rejects.toMatchObject({ problems: [{ code: 'duplicate', index: 1 }] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('before the first synchronisation there is nothing to base an edit on', async () => {
    const db = await open(null);
    await expect(savePreferencesDraft(db, draftOf(synced))).rejects.toMatchObject({ code: 'notSynced' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('an edit of a conflict keeps it a conflict until the clerk settles it, then it is pending again', async () => {
    const db = await open(synced);
    await savePreferencesDraft(db, { ...draftOf(synced), invoiceByPost: true });
    const [row] = await db.outbox.toArray();
    await db.outbox.update(row!.seq, {
      state: 'conflict',
      current: {
        value: { ...synced, notifications: { ...synced.notifications, paymentReminders: false } },
        etag: '"v2"',
      },
    });
    await savePreferencesDraft(db, {
      ...draftOf(synced),
      invoiceByPost: true,
      detailedStatementByPost: true,
    });
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'conflict', baseEtag: '"v1"' });
    await resolveKeepMine(db, row!.seq!);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'pending', baseEtag: '"v2"' });
  });
});
