import type { Centimes } from '../core/money';

// Apart from anomalies.ts: the settings read the thresholds at every start, the flags are computed
// only on the pages that show them.

export interface AnomalyThresholds {
  /** A rise counts when it exceeds the trailing average by more than this many percent… */
  percent: number;
  /** …and by more than this many centimes. */
  minimumCentimes: Centimes;
}

export const DEFAULT_THRESHOLDS: AnomalyThresholds = { percent: 30, minimumCentimes: 20_000 };
