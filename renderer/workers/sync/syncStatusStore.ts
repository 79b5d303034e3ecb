import { create } from 'zustand';
import type { SyncProgress } from '../../../shared/sync/engine';

/** What the status bar shows of the sync in flight (stored facts come from Dexie). */
export interface SyncStatus {
  running: boolean;
  progress: SyncProgress | null;
  /** The last run's failure, as an i18n code, until the next run starts. */
  error: { code: string; message: string } | null;
  online: boolean;
}

export const useSyncStatus = create<SyncStatus>()(() => ({
  running: false,
  progress: null,
  error: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
}));
