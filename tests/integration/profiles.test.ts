import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../shared/connection/settings';
import { InvoiceDeskDatabase } from '../../renderer/db/database';
import { createDexieResourceStore } from '../../renderer/db/resourceStore';
import {
  deleteProfile,
  profileRetentionHold,
  RetentionHoldError,
} from '../../renderer/features/settings/profiles/profileActions';
import { loadRegistry, resolveProfile } from '../../renderer/features/settings/profiles/profileBoot';
import { loadSyncInterval, saveSyncInterval } from '../../renderer/features/settings/localSettings';
import { memoryStorage } from '../../renderer/testing/memoryStorage';
import type { RunningSimulator } from '../../simulator/server';
import { createTestClient, LOCAL_NOW, snapshot, startTestSimulator, syncOnce } from './syncHarness';

/**
 * Two operators' back ends (two simulators, different seeds, so different customers) on one device:
 * each gets its own archive, synchronised and reopened without the other's cursor or rows.
 */

let one: RunningSimulator;
let two: RunningSimulator;
let cleanOne: Awaited<ReturnType<typeof snapshot>>;
let cleanTwo: Awaited<ReturnType<typeof snapshot>>;

const factory = new IDBFactory();
const open = (name: string) => new InvoiceDeskDatabase(name, { indexedDB: factory, IDBKeyRange });
const backendOf = (sim: RunningSimulator): ConnectionSettings => ({
  mode: 'custom',
  baseUrl: sim.url,
  clientId: 'demo',
});

const reference = async (sim: RunningSimulator) => {
  const db = new InvoiceDeskDatabase(`reference-${sim.url}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const api = createTestClient(sim.url);
  expect((await syncOnce(db, api, { resources: createDexieResourceStore(db) })).outcome).toBe('ok');
  return snapshot(db);
};

beforeAll(async () => {
  one = await startTestSimulator({ seed: 1 });
  two = await startTestSimulator({ seed: 2 });
  cleanOne = await reference(one);
  cleanTwo = await reference(two);
}, 120_000);

afterAll(async () => {
  await one.close();
  await two.close();
});

describe('one archive per customer', () => {
  it('syncs one back end, switches, syncs the other, switches back: each archive equals its own server', async () => {
    const storage = memoryStorage();
    let n = 0;
    const boot = (sim: RunningSimulator) =>
      resolveProfile({
        storage,
        indexedDB: factory,
        IDBKeyRange,
        backend: backendOf(sim),
        fetchCustomer: async () => {
          const customer = await createTestClient(sim.url).getCustomer();
          return { customerNumber: customer.customerNumber, name: customer.name };
        },
        now: () => LOCAL_NOW,
        newId: () => `p${(n += 1)}`,
      });
    const sync = async (sim: RunningSimulator, databaseName: string) => {
      const db = open(databaseName);
      try {
        const run = await syncOnce(db, createTestClient(sim.url), {
          resources: createDexieResourceStore(db),
        });
        expect(run.outcome).toBe('ok');
        return await snapshot(db);
      } finally {
        db.close();
      }
    };

    const first = await boot(one);
    expect(await sync(one, first.databaseName)).toEqual(cleanOne);
    saveSyncInterval(storage, 5, first.id);

    const second = await boot(two);
    expect(second.databaseName).not.toBe(first.databaseName);
    expect(second.customerNumber).not.toBe(first.customerNumber);
    // A fresh archive: the first back end's cursor is never sent to the second.
    expect(await sync(two, second.databaseName)).toEqual(cleanTwo);
    expect(loadSyncInterval(storage, second.id)).not.toBe(5);

    const again = await boot(one);
    expect(again.id).toBe(first.id);
    expect(loadSyncInterval(storage, again.id)).toBe(5);
    expect(await sync(one, again.databaseName)).toEqual(cleanOne);
    expect(loadRegistry(storage).profiles).toHaveLength(2);

    // Deleting the other profile removes its archive and its settings, nothing of this one.
    saveSyncInterval(storage, 60, second.id);
    // Its invoices out of the operator's window are under the ten-year retention: refused, nothing
    // deleted, until the clerk confirms that hold as it was shown.
    const deps = { storage, indexedDB: factory, IDBKeyRange, now: () => LOCAL_NOW };
    // Three of its invoices have left the operator's 18 months since: this archive is their only copy.
    const other = open(second.databaseName);
    const oldest = await other.invoices.orderBy('issueDate').limit(3).toArray();
    await other.invoices.bulkPut(oldest.map((invoice) => ({ ...invoice, archived: 1 as const })));
    other.close();
    const hold = await profileRetentionHold(deps, second);
    expect(hold.count).toBe(3);
    expect(hold.until).toMatch(/^20[34][0-9]-/);
    await expect(deleteProfile(deps, second)).rejects.toBeInstanceOf(RetentionHoldError);
    await expect(deleteProfile(deps, second, { count: hold.count - 1, until: hold.until })).rejects.toThrow(
      /under retention/,
    );
    expect((await factory.databases()).map((database) => database.name)).toContain(second.databaseName);
    await deleteProfile(deps, second, hold);
    expect((await factory.databases()).map((database) => database.name)).not.toContain(second.databaseName);
    expect(loadRegistry(storage).profiles.map((profile) => profile.id)).toEqual([first.id]);
    expect(loadSyncInterval(storage, second.id)).not.toBe(60);
    const kept = open(first.databaseName);
    expect(await snapshot(kept)).toEqual(cleanOne);
    kept.close();
    await expect(deleteProfile(deps, first)).rejects.toThrow(/open profile/);
  }, 120_000);

  it('the single archive of the app before profiles becomes its customer profile, with every row', async () => {
    const legacyFactory = new IDBFactory();
    const legacy = new InvoiceDeskDatabase('invoice-desk', { indexedDB: legacyFactory, IDBKeyRange });
    const api = createTestClient(one.url);
    expect((await syncOnce(legacy, api, { resources: createDexieResourceStore(legacy) })).outcome).toBe('ok');
    legacy.close();

    const storage = memoryStorage();
    const profile = await resolveProfile({
      storage,
      indexedDB: legacyFactory,
      IDBKeyRange,
      backend: backendOf(one),
      // Offline at the first start after the update: the archive itself names its customer.
      fetchCustomer: () => Promise.resolve(null),
      now: () => LOCAL_NOW,
      newId: () => 'unused',
    });
    const customer = await api.getCustomer();
    expect(profile).toMatchObject({
      databaseName: 'invoice-desk',
      customerNumber: customer.customerNumber,
      customerName: customer.name,
    });
    const migrated = new InvoiceDeskDatabase(profile.databaseName, { indexedDB: legacyFactory, IDBKeyRange });
    expect(await snapshot(migrated)).toEqual(cleanOne);
    migrated.close();
  }, 120_000);
});
