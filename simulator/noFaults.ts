/**
 * The fault layer of a server without the test instruments (the app's demo back end): no request is
 * ever faulted. It lives apart from faults.ts, which the app's bundle must not carry.
 */
import type { FaultConfig, Faults } from './faults';

export const NO_FAULT_CONFIG: FaultConfig = {
  rate429: 0,
  rate503: 0,
  retryAfterSeconds: 1,
  latencyMs: 0,
  resetRate: 0,
  dropRate: 0,
  truncateRate: 0,
  pathPrefix: null,
  failNext: null,
  invalidItemNext: null,
};

// update and clear are reachable only through the control routes, which such a server lacks
// (SimulatorParts pairs the two): there is nothing to change, so both answer the quiet config.
export const NO_FAULTS: Faults = {
  config: () => NO_FAULT_CONFIG,
  update: () => NO_FAULT_CONFIG,
  clear: () => NO_FAULT_CONFIG,
  decide: () => ({ latencyMs: 0, fault: null }),
  takeInvalidItem: () => false,
};
