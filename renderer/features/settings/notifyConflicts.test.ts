import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../shared/desktop/notificationRoutes';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import { InvoiceDeskDatabase } from '../../db/database';
import { resolveKeepMine, saveDesignation } from '../../db/localEdits';
import { createDexieResourceStore } from '../../db/resourceStore';
import { notifyConflicts } from './notifyConflicts';

const NOW = new Date('2026-11-30T21:00:00.000Z');

const setup = async () => {
  const db = new InvoiceDeskDatabase('conflict-notices', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  const told: Array<{ title: string; body: string; kind: NotificationKind }> = [];
  const allowed = { value: true };
  const store = createDexieResourceStore(db, () => NOW);
  /** What the end of one sync run does. */
  const afterSync = () =>
    notifyConflicts({
      db,
      allowed: () => allowed.value,
      notify: (title, body, kind) => {
        told.push({ title, body, kind });
        return Promise.resolve(true);
      },
      t: instance.t.bind(instance),
    });
  /** What the sync's push does with the waiting edits: a 412 for the first, a 409 for the second. */
  const pushRefused = async (how: 'conflict' | 'rejected') => {
    for (const item of await store.pendingOutbox()) {
      if (how === 'conflict') await store.markConflict(item, { value: { name: 'Theirs' }, etag: '"v9"' });
      else await store.markRejected(item, { code: 'conflict', message: 'Already assigned' });
    }
  };
  return { db, told, allowed, afterSync, pushRefused, instance };
};

describe('conflict notifications', () => {
  it('tells a conflict recorded once exactly once, however many syncs find it unsettled', async () => {
    const { db, told, afterSync, pushRefused } = await setup();
    await saveDesignation(db, 'frankingLicence', '11111111', 'Reception');
    await pushRefused('conflict');

    expect(await afterSync()).toBe(1);
    expect(await afterSync()).toBe(0);
    expect(await afterSync()).toBe(0);
    expect(told).toEqual([
      {
        title: 'An edit needs your decision',
        body: 'The operator refused it or someone changed it meanwhile. Click to settle it in Settings.',
        kind: 'conflicts',
      },
    ]);
    db.close();
  });

  it('tells the conflicts and refusals of one sync in one notification, and a new conflict again', async () => {
    const { db, told, afterSync, pushRefused } = await setup();
    await saveDesignation(db, 'frankingLicence', '11111111', 'Reception');
    await pushRefused('conflict');
    await saveDesignation(db, 'frankingLicence', '22222222', 'Mail room');
    await pushRefused('rejected');
    expect(await afterSync()).toBe(2);
    expect(told.map((entry) => entry.title)).toEqual(['2 edits need your decision']);

    // "Keep mine" sends the edit again; the operator finds it in conflict once more: that is news.
    const [row] = await db.outbox.where('state').equals('conflict').toArray();
    if (row?.seq === undefined) throw new Error('no conflict row');
    await resolveKeepMine(db, row.seq);
    await pushRefused('conflict');
    expect(await afterSync()).toBe(1);
    expect(await afterSync()).toBe(0);
    expect(told).toHaveLength(2);
    db.close();
  });

  it('claims nothing while the clerk has them off, so turning them on tells what waits', async () => {
    const { db, told, allowed, afterSync, pushRefused } = await setup();
    await saveDesignation(db, 'frankingLicence', '11111111', 'Reception');
    await pushRefused('conflict');
    allowed.value = false;
    expect(await afterSync()).toBe(0);
    allowed.value = true;
    expect(await afterSync()).toBe(1);
    expect(told).toHaveLength(1);
    db.close();
  });

  it('is worded in every language', async () => {
    const { instance } = await setup();
    for (const language of languages) {
      await instance.changeLanguage(language);
      for (const count of [1, 4]) {
        const title = instance.t('notifications.conflictsTitle', { count });
        expect(title).not.toMatch(/notifications\.|\{\{/);
        expect(instance.t('notifications.conflictsBody', { count })).not.toMatch(/notifications\.|\{\{/);
      }
    }
  });
});
