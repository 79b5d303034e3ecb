/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { createApiClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import { runSync, SyncCancelledError } from '../../../shared/sync/engine';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieResourceStore } from '../../db/resourceStore';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc } from '../rpc';
import { createStepClock } from '../../../shared/core/stepClock';
import type { SyncStep } from '../../../shared/sync/steps';
import { createPortFetch } from './portFetch';
import type { SyncPageSide, SyncWorkerSide } from './protocol';
import { isQuotaError } from './syncErrors';

declare const self: DedicatedWorkerGlobalScope;

const rpc = createRpc<SyncWorkerSide, SyncPageSide>(self, {});

/** The active profile's archive, named by the page's first message. */
let archive: {
  db: InvoiceDeskDatabase;
  resources: ReturnType<typeof createDexieResourceStore>;
} | null = null;
let running: AbortController | null = null;
/** A request that arrives mid-run (a new connection saved, back online) runs again right after. */
let again = false;

const sync = async (): Promise<void> => {
  if (archive === null) return;
  const { db, resources } = archive;
  // Each run's step times, from the request to the commit (the benchmark's breakdown).
  const steps = createStepClock<SyncStep>();
  const store = createDexieSyncStore(db, () => new Date(), steps);
  const api = createApiClient({
    fetch: createPortFetch(rpc, ({ waitMs, bodyMs }) => {
      steps.add('networkWait', waitMs);
      steps.add('bodyTransfer', bodyMs);
    }),
    steps,
  });
  if (running) {
    again = true;
    return;
  }
  const controller = new AbortController();
  running = controller;
  rpc.emit('started', { at: new Date().toISOString() });
  try {
    const run = await runSync({
      api,
      store,
      resources,
      now: () => new Date(),
      steps,
      signal: controller.signal,
      onProgress: (progress) => rpc.emit('progress', progress),
    });
    rpc.emit('finished', run);
  } catch (error) {
    const code =
      error instanceof ApiError || error instanceof SyncCancelledError
        ? error.code
        : isQuotaError(error)
          ? 'sync.quota'
          : 'sync.failed';
    rpc.emit('failed', {
      run: null,
      code,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    running = null;
  }
  if (again && !controller.signal.aborted) {
    again = false;
    await sync();
  }
};

rpc.on('open', ({ databaseName, device }) => {
  const db = new InvoiceDeskDatabase(databaseName);
  db.auditDevice = device;
  archive = { db, resources: createDexieResourceStore(db) };
});
rpc.on('sync', () => void sync());
rpc.on('cancel', () => {
  again = false;
  running?.abort();
});
