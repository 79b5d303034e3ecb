import { LineIndexError } from '../../ui/failures';
import { DisposableStore, toDisposable, type Disposable } from '../../ui/lifecycle';
import { createRpc, RpcError, type RpcPort } from '../rpc';
import type { ExportRequest, LineIndexPageSide, LineIndexWorkerSide, LineQuery } from './protocol';

const isExpired = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && 'code' in data && data.code === 'expired';

/** A worker's failure as the typed error the UI translates (ui/failures.ts). */
const asLineIndexError = (error: unknown): never => {
  if (error instanceof RpcError)
    throw new LineIndexError(
      error.code === 'rpc.remote' && isExpired(error.data) ? 'expired' : 'failed',
      error.message,
    );
  throw error;
};

/** The page's side of the line-index worker: one promise per request; disposing it ends the worker. */
export const createLineIndexClient = (worker: RpcPort & { terminate(): void }, databaseName: string) => {
  const lifetime = new DisposableStore();
  lifetime.add(toDisposable(() => worker.terminate()));
  const rpc = lifetime.add(createRpc<LineIndexPageSide, LineIndexWorkerSide>(worker, {}));
  // Calls are served in order: every request after this one reads the profile's archive.
  rpc.call('open', { databaseName }).catch(() => undefined);
  const client = {
    refresh: () => rpc.call('refresh', undefined).catch(asLineIndexError),
    query: (query: LineQuery) => rpc.call('query', query).catch(asLineIndexError),
    invoicesWithText: (text: string) => rpc.call('invoicesWithText', { text }).catch(asLineIndexError),
    rows: (resultId: number, start: number, count: number) =>
      rpc.call('rows', { resultId, start, count }).catch(asLineIndexError),
    exportLines: (request: ExportRequest) => rpc.call('export', request).catch(asLineIndexError),
    dispose: () => lifetime.dispose(),
  };
  return client satisfies Disposable;
};

export type LineIndexClient = ReturnType<typeof createLineIndexClient>;
