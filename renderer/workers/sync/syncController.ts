import { toApiResponseData, toForwardedError } from '../../../shared/connection/apiRequest';
import type { SyncRunRecord } from '../../../shared/sync/ports';
import type { Platform } from '../../platform/Platform';
import { DisposableStore, listen, toDisposable, type Disposable } from '../../ui/lifecycle';
import { createRpc, RpcFailure, transfer, type RpcPort } from '../rpc';
import type { SyncPageSide, SyncWorkerSide } from './protocol';
import { useSyncStatus } from './syncStatusStore';
import type { AuditDevice } from '../../../shared/audit/device';

export interface SyncController extends Disposable {
  syncNow(): void;
  cancel(): void;
  /** Minutes between automatic runs; 0 turns the schedule off. */
  setInterval(minutes: number): void;
}

export interface SyncControllerDeps {
  platform: Pick<Platform, 'apiFetch' | 'workerBackend'>;
  /**
   * A Worker in the app; any port that can be terminated in tests. Its `onerror` tells a worker
   * that could not start (its file not loaded, its module throwing).
   */
  createWorker: () => RpcPort & { terminate(): void; onerror?: ((event: ErrorEvent) => void) | null };
  /** The active profile's archive: the worker synchronises this database and no other. */
  databaseName: string;
  /** This install, stamped on the audit entries the worker writes. */
  device?: AuditDevice | null;
  /** Called after a run that brought invoices the clerk has not seen. */
  onNewInvoices?: (run: SyncRunRecord) => void;
  /** Called after every run that finished (whatever its outcome): what it stored is there to read. */
  onFinished?: (run: SyncRunRecord) => void;
  intervalMinutes: number;
  /**
   * Tells when the clerk's pending edits change (renderer/db/localEdits.ts watchPendingEdits): each
   * one is pushed a moment after the last, not at the next scheduled run.
   */
  watchEdits?: (onEdit: () => void) => Disposable;
  /** Quiet time after the last edit before it is pushed: a burst of renames goes in one run. */
  pushDelayMs?: number;
}

export const PUSH_DELAY_MS = 2_000;

/**
 * Owns the sync worker: starts it, answers its fetches through the platform (which holds the
 * credential), runs it at start, on a schedule and on demand, and mirrors its state for the UI.
 */
export const createSyncController = ({
  platform,
  createWorker,
  onNewInvoices,
  onFinished,
  intervalMinutes,
  databaseName,
  device = null,
  watchEdits,
  pushDelayMs = PUSH_DELAY_MS,
}: SyncControllerDeps): SyncController => {
  const lifetime = new DisposableStore();
  const worker = createWorker();
  lifetime.add(toDisposable(() => worker.terminate()));
  const rpc = lifetime.add(
    createRpc<SyncPageSide, SyncWorkerSide>(worker, {
      // The worker's fetch, sent with the credential the platform holds; its cancel aborts it here.
      fetch: async (request, { signal }) => {
        try {
          const sent = performance.now();
          const response = await platform.apiFetch(request.path, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal,
          });
          const headers = performance.now();
          const data = await toApiResponseData(response);
          const timing = { waitMs: headers - sent, bodyMs: performance.now() - headers };
          return transfer({ ...data, timing }, [data.body.buffer]);
        } catch (error) {
          const forwarded = toForwardedError(error);
          throw new RpcFailure(error instanceof Error ? error.message : String(error), forwarded);
        }
      },
    }),
  );
  // A worker that failed before saying anything never will: without this the status bar would
  // show neither a run nor a failure, and the start's sync would silently never happen.
  let heard = false;
  worker.onerror = () => {
    if (heard) return;
    useSyncStatus.setState({
      running: false,
      error: { code: 'sync.workerUnavailable', message: 'The sync worker could not start' },
    });
  };
  lifetime.add(
    toDisposable(() => {
      worker.onerror = null;
    }),
  );
  rpc.emit('open', { databaseName, device });
  /** Asks for a run, with the back end the worker may call itself where the platform allows it. */
  const requestSync = () => {
    const backend = platform.workerBackend?.();
    if (backend === undefined) {
      rpc.emit('sync', { backend: null });
      return;
    }
    backend.then(
      (value) => rpc.emit('sync', { backend: value }),
      () => rpc.emit('sync', { backend: null }),
    );
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  lifetime.add(
    toDisposable(() => {
      if (timer) clearInterval(timer);
    }),
  );

  lifetime.add(
    rpc.on('started', () => {
      heard = true;
      useSyncStatus.setState({ running: true, progress: null, error: null });
    }),
  );
  lifetime.add(rpc.on('progress', (progress) => useSyncStatus.setState({ progress })));
  lifetime.add(
    rpc.on('finished', (run) => {
      heard = true;
      useSyncStatus.setState({ running: false, error: run.outcome === 'failed' ? run.error : null });
      if (run.newInvoices > 0) onNewInvoices?.(run);
      onFinished?.(run);
    }),
  );
  lifetime.add(
    rpc.on('failed', ({ code, message }) => {
      heard = true;
      useSyncStatus.setState({
        running: false,
        error: code === 'sync.cancelled' ? null : { code, message },
      });
    }),
  );

  lifetime.add(
    listen(window, 'online', () => {
      useSyncStatus.setState({ online: true });
      // Back online: catch up and push what was typed offline.
      requestSync();
    }),
  );
  lifetime.add(listen(window, 'offline', () => useSyncStatus.setState({ online: false })));

  let pushTimer: ReturnType<typeof setTimeout> | null = null;
  lifetime.add(
    toDisposable(() => {
      if (pushTimer) clearTimeout(pushTimer);
    }),
  );
  if (watchEdits) {
    lifetime.add(
      watchEdits(() => {
        if (pushTimer) clearTimeout(pushTimer);
        pushTimer = setTimeout(() => {
          pushTimer = null;
          // Offline, the edit waits in the outbox: coming back online runs a sync, which pushes first.
          if (useSyncStatus.getState().online) requestSync();
        }, pushDelayMs);
      }),
    );
  }
  // The start awaits the profile first: a change of network during it sent no event to listen to.
  useSyncStatus.setState({ online: navigator.onLine });

  const controller: SyncController = {
    syncNow: () => requestSync(),
    cancel: () => rpc.emit('cancel', undefined),
    setInterval: (minutes) => {
      if (timer) clearInterval(timer);
      timer = minutes > 0 ? setInterval(() => requestSync(), minutes * 60_000) : null;
    },
    dispose: () => lifetime.dispose(),
  };
  controller.setInterval(intervalMinutes);
  return controller;
};
