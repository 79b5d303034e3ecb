import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDisposable } from '../../../shared/core/disposable';
import { createRpc } from '../rpc';
import type { SyncRunRecord } from '../../../shared/sync/ports';
import type { Backend } from '../../../shared/connection/service';
import type { SyncPageSide, SyncWorkerSide } from './protocol';
import { createSyncController, type SyncControllerDeps } from './syncController';
import { useSyncStatus } from './syncStatusStore';

// The controller against a stand-in worker: the other end of a real MessageChannel, speaking the
// sync protocol. The page's window is an EventTarget, so online/offline can be sent.
const channels: MessageChannel[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const start = (
  apiFetch: (path: string, init: RequestInit) => Promise<Response>,
  edits?: { onEdit: (() => void) | null },
  runs?: { finished: SyncRunRecord[]; fresh: SyncRunRecord[] },
) => {
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('navigator', { onLine: true });
  const channel = new MessageChannel();
  channels.push(channel);
  const terminate = vi.fn();
  const port: ReturnType<SyncControllerDeps['createWorker']> = Object.assign(channel.port1, { terminate });
  const worker = createRpc<SyncWorkerSide, SyncPageSide>(channel.port2, {});
  const heard: string[] = [];
  worker.on('open', ({ databaseName }) => heard.push(`open ${databaseName}`));
  worker.on('sync', () => heard.push('sync'));
  const controller = createSyncController({
    platform: { apiFetch },
    createWorker: () => port,
    databaseName: 'invoice-desk-p1',
    intervalMinutes: 0,
    ...(runs
      ? {
          onFinished: (run: SyncRunRecord) => runs.finished.push(run),
          onNewInvoices: (run: SyncRunRecord) => runs.fresh.push(run),
        }
      : {}),
    ...(edits
      ? {
          watchEdits: (onEdit: () => void) => {
            edits.onEdit = onEdit;
            return toDisposable(() => {
              edits.onEdit = null;
            });
          },
        }
      : {}),
  });
  return { controller, worker, heard, terminate, port };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('sync controller', () => {
  it("opens the profile's archive first, then runs on demand and when the network returns", async () => {
    const { controller, heard } = start(() => Promise.reject(new Error('unused')));
    controller.syncNow();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(heard).toEqual(['open invoice-desk-p1', 'sync', 'sync']);
    controller.dispose();
  });

  it('hands the worker the back end to call itself where the platform has one (the browser build)', async () => {
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('navigator', { onLine: true });
    const channel = new MessageChannel();
    channels.push(channel);
    const worker = createRpc<SyncWorkerSide, SyncPageSide>(channel.port2, {});
    const heard: Array<string | null> = [];
    worker.on('sync', ({ backend }) => heard.push(backend?.baseUrl ?? null));
    let answer: Promise<Backend | null> = Promise.resolve({
      baseUrl: 'http://127.0.0.1:9',
      clientId: 'demo',
      clientSecret: 'demo-secret',
    });
    const controller = createSyncController({
      platform: { apiFetch: () => Promise.reject(new Error('unused')), workerBackend: () => answer },
      createWorker: () => Object.assign(channel.port1, { terminate: vi.fn() }),
      databaseName: 'invoice-desk-p1',
      intervalMinutes: 0,
    });
    controller.syncNow();
    await settle();
    answer = Promise.reject(new Error('no secret'));
    controller.syncNow();
    await settle();
    // Without one the worker goes through the page, as in Electron.
    expect(heard).toEqual(['http://127.0.0.1:9', null]);
    controller.dispose();
  });

  it('tells of every finished run, and of new invoices only when there are some', async () => {
    const runs = { finished: [] as SyncRunRecord[], fresh: [] as SyncRunRecord[] };
    const { controller, worker } = start(() => Promise.reject(new Error('unused')), undefined, runs);
    const run = (newInvoices: number): SyncRunRecord => ({
      startedAt: '2026-11-22T10:00:00Z',
      finishedAt: '2026-11-22T10:01:00Z',
      outcome: 'ok',
      error: null,
      newInvoices,
      updatedInvoices: 0,
      linesStored: 0,
      documentsStored: 0,
      quarantined: 0,
      pushed: 0,
      conflicts: 0,
      phaseMs: {},
    });
    worker.emit('finished', run(0));
    worker.emit('finished', run(2));
    await settle();
    expect(runs.finished.map((finished) => finished.newInvoices)).toEqual([0, 2]);
    expect(runs.fresh.map((fresh) => fresh.newInvoices)).toEqual([2]);
    controller.dispose();
  });

  it("answers the worker's fetch through the platform", async () => {
    const { controller, worker } = start((path) => Promise.resolve(new Response(`{"path":"${path}"}`)));
    const response = await worker.call('fetch', {
      path: '/v1/customer',
      method: 'GET',
      headers: {},
      body: null,
    });
    expect(new TextDecoder().decode(response.body)).toBe('{"path":"/v1/customer"}');
    controller.dispose();
  });

  it('when disposed: aborts the fetches in flight, stops listening, terminates the worker', async () => {
    let aborted = false;
    const { controller, worker, heard, terminate } = start(
      (_path, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    );
    void worker
      .call('fetch', { path: '/v1/customer', method: 'GET', headers: {}, body: null })
      .catch(() => undefined);
    await settle();
    controller.dispose();
    controller.dispose();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(aborted).toBe(true);
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(heard).toEqual(['open invoice-desk-p1']);
  });

  it('pushes an edit 2 s after the last one of a burst, not at the next scheduled run', async () => {
    vi.useFakeTimers();
    try {
      const edits: { onEdit: (() => void) | null } = { onEdit: null };
      const { controller, heard } = start(() => Promise.reject(new Error('unused')), edits);
      const edit = () => edits.onEdit?.();
      edit();
      await vi.advanceTimersByTimeAsync(1_500);
      edit();
      await vi.advanceTimersByTimeAsync(1_999);
      expect(heard).toEqual(['open invoice-desk-p1']);
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toEqual(['open invoice-desk-p1', 'sync']);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(heard).toEqual(['open invoice-desk-p1', 'sync']);

      // Offline the edit waits; the return online pushes it.
      window.dispatchEvent(new Event('offline'));
      edit();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(heard).toEqual(['open invoice-desk-p1', 'sync']);
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
      expect(heard).toEqual(['open invoice-desk-p1', 'sync', 'sync']);

      // Disposed: a pending push is dropped and the watcher is released.
      edit();
      controller.dispose();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(heard).toEqual(['open invoice-desk-p1', 'sync', 'sync']);
      expect(edits.onEdit).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the sync could not start when its worker fails before a word, and not for a later error', async () => {
    const { controller, worker, port } = start(() => Promise.reject(new Error('unused')));
    // Node has no ErrorEvent: a worker's load failure carries no message, file or error.
    const failure = Object.assign(new Event('error'), {
      message: '',
      filename: '',
      lineno: 0,
      colno: 0,
      error: null,
    }) satisfies ErrorEvent;
    expect(port.onerror).toBeTypeOf('function');
    useSyncStatus.setState({ running: false, error: null });
    port.onerror?.(failure);
    expect(useSyncStatus.getState().error?.code).toBe('sync.workerUnavailable');

    // Once the worker has spoken, an error event is its own business (the console shows it).
    worker.emit('started', { at: '2026-12-01T08:00:00Z' });
    await settle();
    expect(useSyncStatus.getState()).toMatchObject({ running: true, error: null });
    port.onerror?.(failure);
    expect(useSyncStatus.getState().error).toBeNull();
    controller.dispose();
    expect(port.onerror).toBeNull();
  });
});
