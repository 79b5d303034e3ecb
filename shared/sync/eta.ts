/**
 * The time-left estimate of the status bar. The first seconds of fetching lines say little: requests
 * are still warming up, the first pages of each invoice are slower, and a rate measured over the run
 * (which includes the invoice feed) is far too low. So nothing is estimated until the phase has run
 * long enough and done enough; from then on the rate is the phase's own, from its first sample.
 */
export interface EtaOptions {
  /** Milliseconds since the first sample before any estimate. */
  minElapsedMs: number;
  /** Share of the remaining work (at the first sample) done before any estimate. */
  minFraction: number;
}

export const DEFAULT_ETA_OPTIONS: EtaOptions = { minElapsedMs: 5_000, minFraction: 0.05 };

export interface EtaEstimator {
  /** Seconds left, or null while the estimate is not grounded. `atMs` is any monotonic clock. */
  estimate: (atMs: number, done: number, total: number) => number | null;
}

export const createEtaEstimator = (options: Partial<EtaOptions> = {}): EtaEstimator => {
  const { minElapsedMs, minFraction } = { ...DEFAULT_ETA_OPTIONS, ...options };
  let first: { atMs: number; done: number; total: number } | null = null;
  return {
    estimate: (atMs, done, total) => {
      if (first === null) {
        first = { atMs, done, total };
        return null;
      }
      const elapsedMs = atMs - first.atMs;
      const progressed = done - first.done;
      const remainingAtStart = Math.max(first.total - first.done, 1);
      if (elapsedMs < minElapsedMs || progressed <= 0 || progressed / remainingAtStart < minFraction) {
        return null;
      }
      const perMs = progressed / elapsedMs;
      return Math.ceil(Math.max(total - done, 0) / perMs / 1000);
    },
  };
};
