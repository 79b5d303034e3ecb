import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { InvoiceDeskDatabase } from './database';
import { loadImportMapping, saveImportMapping } from './importMemory';

const clock = () => new Date('2026-11-30T09:00:00Z');

describe('the remembered column mapping', () => {
  it('is kept per header layout and per profile archive, the latest choice winning', async () => {
    const indexedDB = new IDBFactory();
    const acme = new InvoiceDeskDatabase('profile-acme', { indexedDB, IDBKeyRange });
    const other = new InvoiceDeskDatabase('profile-other', { indexedDB, IDBKeyRange });

    expect(await loadImportMapping(acme, 'kst|bez|verantw')).toBeNull();
    await saveImportMapping(acme, 'kst|bez|verantw', { code: 0, name: 1 }, clock);
    await saveImportMapping(acme, 'kst|bez|verantw', { code: 0, name: 1, owner: 2 }, clock);
    await saveImportMapping(acme, 'code|name', { code: 1, name: 0 }, clock);

    expect(await loadImportMapping(acme, 'kst|bez|verantw')).toEqual({ code: 0, name: 1, owner: 2 });
    expect(await loadImportMapping(acme, 'code|name')).toEqual({ code: 1, name: 0 });
    expect(await loadImportMapping(other, 'kst|bez|verantw')).toBeNull();

    // Reopened (the app restarted): still there.
    acme.close();
    const again = new InvoiceDeskDatabase('profile-acme', { indexedDB, IDBKeyRange });
    expect(await loadImportMapping(again, 'kst|bez|verantw')).toEqual({ code: 0, name: 1, owner: 2 });
  });
});
