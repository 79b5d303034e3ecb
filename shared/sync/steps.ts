import type { ApiStep } from '../api/client';
import type { StepClock } from '../core/stepClock';

/**
 * Where a sync's time goes, step by step (shared/core/stepClock.ts), recorded with each run:
 * - networkWait: from sending a request until its status line and headers arrived;
 * - bodyTransfer: from the headers to the body's last byte (in the app, measured where the request
 *   is sent, plus handing the bytes to the sync worker);
 * - jsonParse, validation: turning a body into checked items (the fast path for lines);
 * - blockEncoding: lines into columnar blocks; rollups: the sums each block adds (computed);
 * - commit: the storage transactions themselves, without the encoding and rollups inside them;
 * - pdfHashing: SHA-256 of each PDF against its Repr-Digest.
 */
export type SyncStep = ApiStep | 'networkWait' | 'blockEncoding' | 'rollups' | 'commit';

export const SYNC_STEPS = [
  'networkWait',
  'bodyTransfer',
  'jsonParse',
  'validation',
  'blockEncoding',
  'rollups',
  'commit',
  'pdfHashing',
] as const satisfies readonly SyncStep[];

export type SyncStepClock = StepClock<SyncStep>;
export type SyncStepTimes = Partial<Record<SyncStep, number>>;
