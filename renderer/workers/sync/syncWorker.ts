/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { coarseMutations } from '../../db/coarseMutations';
import { createApiClient, createAuthenticatedFetch, type Fetch } from '../../../shared/api/client';
import type { Backend } from '../../../shared/connection/service';
import { ApiError } from '../../../shared/api/errors';
import { runSync, SyncCancelledError } from '../../../shared/sync/engine';
import { InvoiceDeskDatabase } from '../../db/database';
import { createDexieResourceStore } from '../../db/resourceStore';
import { createDexieSyncStore } from '../../db/syncStore';
import { createRpc } from '../rpc';
import { createStepClock } from '../../../shared/core/stepClock';
import type { SyncStep, SyncStepClock } from '../../../shared/sync/steps';
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
/** The back end the last request named (browser build), or null: every request goes through the page. */
let backend: Backend | null = null;
/** The running sync's step times, which the direct transport's raw fetch adds its waits to. */
let runSteps: SyncStepClock | null = null;
/** One authenticated transport per back end, so that its token outlives a run. */
let direct: { key: string; fetch: Fetch } | null = null;

/**
 * The worker's own authenticated transport (the browser build: the page handed over the credential
 * it holds anyway). Redirects refused, time and size bounds as everywhere (shared/api/transport.ts).
 */
const directFetch = (target: Backend): Fetch => {
  const key = JSON.stringify(target);
  if (direct?.key !== key) {
    const raw: Fetch = async (url, init) => {
      const sent = performance.now();
      try {
        return await fetch(url, { ...init, redirect: 'manual' });
      } finally {
        runSteps?.add('networkWait', performance.now() - sent);
      }
    };
    direct = { key, fetch: createAuthenticatedFetch({ ...target, fetch: raw }) };
  }
  return direct.fetch;
};
/** A request that arrives mid-run (a new connection saved, back online) runs again right after. */
let again = false;

const sync = async (): Promise<void> => {
  if (archive === null) return;
  const { db, resources } = archive;
  if (running) {
    again = true;
    return;
  }
  // Each run's step times, from the request to the commit (the benchmark's breakdown).
  const steps = createStepClock<SyncStep>();
  runSteps = steps;
  const store = createDexieSyncStore(db, () => new Date(), steps);
  const api = createApiClient({
    fetch:
      backend === null
        ? createPortFetch(rpc, ({ waitMs, bodyMs }) => {
            steps.add('networkWait', waitMs);
            steps.add('bodyTransfer', bodyMs);
          })
        : directFetch(backend),
    steps,
  });
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
  // The pages hear of the sync's writes as spans, not every key (coarseMutations.ts).
  db.use(coarseMutations);
  db.auditDevice = device;
  archive = { db, resources: createDexieResourceStore(db) };
});
rpc.on('sync', (request) => {
  backend = request.backend;
  void sync();
});
rpc.on('cancel', () => {
  again = false;
  running?.abort();
});
