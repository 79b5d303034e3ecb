import type { ApiRequest, ApiResponseData, ForwardedError } from '../../../shared/connection/apiRequest';
import type { SyncProgress } from '../../../shared/sync/engine';
import type { SyncRunRecord } from '../../../shared/sync/ports';

/** Messages between the page and the sync worker. The worker holds no credential: it asks the page to fetch. */

export type ToWorker =
  /** First of all: which profile's archive to synchronise. */
  | { type: 'open'; databaseName: string }
  | { type: 'sync' }
  | { type: 'cancel' }
  | { type: 'fetchResult'; id: number; ok: true; response: ApiResponseData }
  | { type: 'fetchResult'; id: number; ok: false; message: string; error?: ForwardedError };

export type FromWorker =
  | { type: 'started'; at: string }
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'finished'; run: SyncRunRecord }
  | { type: 'failed'; run: SyncRunRecord | null; code: string; message: string }
  | { type: 'fetch'; id: number; request: ApiRequest }
  /** The worker gave up on that fetch (the sync was cancelled): the page aborts it in turn. */
  | { type: 'fetchCancel'; id: number };
