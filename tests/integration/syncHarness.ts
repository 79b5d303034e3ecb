import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createCredentialedApiClient, type ApiClient } from '../../shared/api/client';
import { runSync, type SyncDeps } from '../../shared/sync/engine';
import type { SyncRunRecord, SyncStore } from '../../shared/sync/ports';
import { InvoiceDeskDatabase } from '../../renderer/db/database';
import { createDexieResourceStore } from '../../renderer/db/resourceStore';
import { createDexieSyncStore } from '../../renderer/db/syncStore';
import type { SyncStepClock } from '../../shared/sync/steps';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/standalone';

/** A real simulator over HTTP and a real (fake-indexeddb) Dexie database, wired like the app does. */
export const SIM_NOW = '2026-11-22';
/** The local clock of the tests: fixed, so that nothing depends on the day CI runs. */
export const LOCAL_NOW = new Date(`${SIM_NOW}T12:00:00Z`);

export const startTestSimulator = (options: SimulatorOptions = {}): Promise<RunningSimulator> =>
  startSimulator({ port: 0, control: true, seed: 1, now: SIM_NOW, ...options });

export const openTestDatabase = (name = `test-${Math.random().toString(36).slice(2)}`) =>
  new InvoiceDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });

export const createTestClient = (
  url: string,
  fetchImpl: typeof fetch = fetch,
  steps?: SyncStepClock,
): ApiClient =>
  createCredentialedApiClient({
    baseUrl: url,
    clientId: 'demo',
    clientSecret: 'demo-secret',
    fetch: (input, init) => fetchImpl(input, init),
    retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 6 },
    ...(steps ? { steps } : {}),
  });

export const syncOnce = (
  db: InvoiceDeskDatabase,
  api: ApiClient,
  overrides: Partial<SyncDeps> & { store?: SyncStore } = {},
): Promise<SyncRunRecord> =>
  runSync({ api, store: createDexieSyncStore(db, () => LOCAL_NOW), now: () => LOCAL_NOW, ...overrides });

/**
 * A fresh archive synced once from the simulator at `url`, with its resource store, so that a test
 * starts from what a clerk has after the first sync; `sync()` runs the next one.
 */
export const syncedArchive = async (url: string) => {
  const db = openTestDatabase();
  const api = createTestClient(url);
  const resources = createDexieResourceStore(db);
  const sync = () => syncOnce(db, api, { resources });
  const first = await sync();
  if (first.outcome !== 'ok') throw new Error(`The first sync ended ${first.outcome}`);
  return { db, api, resources, sync };
};

export const control = async (
  url: string,
  path: string,
  body?: unknown,
  method = 'POST',
): Promise<unknown> => {
  const response = await fetch(`${url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
};

/** Everything a clerk could see, without local timestamps: two equal snapshots are equal archives. */
export const snapshot = async (db: InvoiceDeskDatabase) => {
  const invoices = (await db.invoices.orderBy('id').toArray()).map(
    ({ receivedAt: _receivedAt, ...invoice }) => invoice,
  );
  const blocks = (await db.lineBlocks.toArray())
    .map((block) => ({
      key: `${block.invoiceId}#${block.blockNo}`,
      count: block.count,
      lineNos: Array.from(block.lineNo).join(','),
      net: Array.from(block.netCentimes).reduce((sum, value) => sum + value, 0),
      vat: Array.from(block.vatCentimes).reduce((sum, value) => sum + value, 0),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  // Months in order, each month's rows in key order: every row in key order.
  const rollups = (await db.rollupMonths.toArray()).flatMap((record) => record.rows);
  const documents = (await db.documents.orderBy('invoiceId').toArray()).map(
    ({ invoiceId, sha256, size, verified }) => ({
      invoiceId,
      sha256,
      size,
      verified,
    }),
  );
  const feed = await db.syncState.get('feed');
  return { invoices, blocks, rollups, documents, cursor: feed?.cursor ?? null };
};
