import { toApiResponseData, toForwardedError } from '../../../shared/connection/apiRequest';
import type { SyncRunRecord } from '../../../shared/sync/ports';
import type { Platform } from '../../platform/Platform';
import type { FromWorker, ToWorker } from './protocol';
import { useSyncStatus } from './syncStatusStore';

export interface SyncController {
  syncNow(): void;
  cancel(): void;
  /** Minutes between automatic runs; 0 turns the schedule off. */
  setInterval(minutes: number): void;
  dispose(): void;
}

export interface SyncControllerDeps {
  platform: Platform;
  createWorker: () => Worker;
  /** The active profile's archive: the worker synchronises this database and no other. */
  databaseName: string;
  /** Called after a run that brought invoices the clerk has not seen. */
  onNewInvoices?: (run: SyncRunRecord) => void;
  intervalMinutes: number;
}

/**
 * Owns the sync worker: starts it, answers its fetches through the platform (which holds the
 * credential), runs it at start, on a schedule and on demand, and mirrors its state for the UI.
 */
export const createSyncController = ({
  platform,
  createWorker,
  onNewInvoices,
  intervalMinutes,
  databaseName,
}: SyncControllerDeps): SyncController => {
  const worker = createWorker();
  const send = (message: ToWorker, transfer: Transferable[] = []) => {
    worker.postMessage(message, transfer);
  };
  send({ type: 'open', databaseName });
  let timer: ReturnType<typeof setInterval> | null = null;
  /** The worker's fetches in flight, so that its cancel aborts the platform's request. */
  const inFlight = new Map<number, AbortController>();

  const answerFetch = async (id: number, request: Extract<FromWorker, { type: 'fetch' }>['request']) => {
    const abort = new AbortController();
    inFlight.set(id, abort);
    try {
      const response = await platform.apiFetch(request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: abort.signal,
      });
      const data = await toApiResponseData(response);
      send({ type: 'fetchResult', id, ok: true, response: data }, [data.body.buffer]);
    } catch (error) {
      // The worker cancelled it and no longer waits for an answer.
      if (abort.signal.aborted) return;
      const forwarded = toForwardedError(error);
      send({
        type: 'fetchResult',
        id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        ...(forwarded === undefined ? {} : { error: forwarded }),
      });
    } finally {
      inFlight.delete(id);
    }
  };

  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'fetch':
        void answerFetch(message.id, message.request);
        break;
      case 'fetchCancel':
        inFlight.get(message.id)?.abort();
        break;
      case 'started':
        useSyncStatus.setState({ running: true, progress: null, error: null });
        break;
      case 'progress':
        useSyncStatus.setState({ progress: message.progress });
        break;
      case 'finished':
        useSyncStatus.setState({
          running: false,
          error: message.run.outcome === 'failed' ? message.run.error : null,
        });
        if (message.run.newInvoices > 0) onNewInvoices?.(message.run);
        break;
      case 'failed':
        useSyncStatus.setState({
          running: false,
          error: message.code === 'sync.cancelled' ? null : { code: message.code, message: message.message },
        });
        break;
    }
  });

  const onOnline = () => {
    useSyncStatus.setState({ online: true });
    // Back online: catch up and push what was typed offline.
    send({ type: 'sync' });
  };
  const onOffline = () => useSyncStatus.setState({ online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  // The start awaits the profile first: a change of network during it sent no event to listen to.
  useSyncStatus.setState({ online: navigator.onLine });

  const controller: SyncController = {
    syncNow: () => send({ type: 'sync' }),
    cancel: () => send({ type: 'cancel' }),
    setInterval: (minutes) => {
      if (timer) clearInterval(timer);
      timer = minutes > 0 ? setInterval(() => send({ type: 'sync' }), minutes * 60_000) : null;
    },
    dispose: () => {
      if (timer) clearInterval(timer);
      for (const request of inFlight.values()) request.abort();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      worker.terminate();
    },
  };
  controller.setInterval(intervalMinutes);
  return controller;
};
