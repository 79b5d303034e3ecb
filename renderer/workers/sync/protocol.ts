import type { ApiRequest, ApiResponseData } from '../../../shared/connection/apiRequest';
import type { SyncProgress } from '../../../shared/sync/engine';
import type { SyncRunRecord } from '../../../shared/sync/ports';
import type { AuditDevice } from '../../../shared/audit/device';
import type { Nothing } from '../rpc';

/**
 * The page and the sync worker, over workers/rpc.ts. The worker holds no credential: it asks the page
 * to fetch, and the page answers through the platform (IPC to main in Electron, the network in the browser).
 */

/** How long the page waited for the answer's headers, then for its body (the run's step times). */
export interface FetchTiming {
  waitMs: number;
  bodyMs: number;
}

/** What the page serves and tells the worker. Events keep their order: `open` comes first of all. */
export interface SyncPageSide {
  methods: {
    /** A failed fetch carries a ForwardedError as its RpcFailure data when it is an API failure. */
    fetch: { params: ApiRequest; result: ApiResponseData & { timing?: FetchTiming } };
  };
  events: {
    /** Which profile's archive to synchronise. */
    open: { databaseName: string; device: AuditDevice | null };
    sync: undefined;
    cancel: undefined;
  };
}

/** What the worker tells the page about its runs. */
export interface SyncWorkerSide {
  methods: Nothing;
  events: {
    started: { at: string };
    progress: SyncProgress;
    finished: SyncRunRecord;
    failed: { run: SyncRunRecord | null; code: string; message: string };
  };
}
