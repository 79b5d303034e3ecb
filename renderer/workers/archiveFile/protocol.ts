import type { ArchiveManifest } from '../../../shared/archive/manifest';
import type { ArchiveSummary } from '../../../shared/archive/writeArchive';
import type { SkippedRow } from '../../db/rowChecks';

/**
 * The archive worker, over workers/rpc.ts: the page asks for the archive of a profile; the worker
 * reads it itself and hands the zip back piece by piece through the page's `write` (awaited: a slow
 * disk slows the export instead of filling memory), and asks the page to seal the manifest: the key
 * (in main, or in the page's IndexedDB) and the time-stamping authority are the page's.
 */

export interface ArchiveFileRequest {
  databaseName: string;
  appVersion: string;
  exportedAt: string;
  profile: ArchiveManifest['profile'];
}

export interface ArchiveFileResult extends Omit<ArchiveSummary, 'manifest'> {
  counts: ArchiveManifest['counts'];
  files: number;
  skipped: SkippedRow[];
}

export interface ArchiveWorkerSide {
  methods: {
    run: { params: ArchiveFileRequest; result: ArchiveFileResult };
  };
  events: {
    progress: { done: number; total: number };
  };
}

export interface ArchivePageSide {
  methods: {
    /** A piece of the zip, in order; transferred. */
    write: { params: { chunk: Uint8Array<ArrayBuffer> }; result: undefined };
    /** Signs (and stamps) the manifest's exact bytes. */
    seal: {
      params: { manifest: Uint8Array<ArrayBuffer> };
      result: {
        signature: Uint8Array<ArrayBuffer>;
        publicKeyPem: string;
        timestamp: Uint8Array<ArrayBuffer> | null;
        timestampFailed: boolean;
      };
    };
  };
  events: Record<string, never>;
}
